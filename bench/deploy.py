#!/usr/bin/env python3
"""What tflm_arena and patch_plan cost the compiler (docs/deploy.md quotes it).

For each model and compiler it compiles (-std=c++20 -fsyntax-only, default limits) a TU that asks
for layers<Net> and its peak (the baseline: the engine's own pass), one that adds
tflm_arena<Net>.head_bytes, and where given one that adds a patch_plan, and reports the CPU time
(user + system, GNU time) of each minus the baseline, the median of --runs rounds.

  bench/deploy.py                 # densenet201 and mobilenet_v2, g++ and clang++, 3 rounds
  bench/deploy.py --runs 1
"""
import argparse
import os
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MODELS = {
    # model: (header, patch_plan arguments or None)
    "densenet201": ("densenet", None),
    "mobilenet_v2": ("mobilenet", '"bottleneck3/batch_norm3", 4, 4, nc::schedule{.in_place_depthwise = true}'),
    "efficientnet_b7": ("efficientnet", None),
}

BODY = {
    "baseline": "static_assert(nc::peak_activations<net> > 0 && nc::layers<net>.size() > 0);",
    "tflm_arena": "static_assert(nc::peak_activations<net> > 0 && nc::tflm_arena<net>.head_bytes > 0);",
    "patch_plan": "static_assert(nc::peak_activations<net> > 0 && nc::patch_plan<net, {args}>.connections > 0);",
}


def cpu_seconds(compiler, source):
    r = subprocess.run(["/usr/bin/time", "-f", "%U %S", compiler, "-std=c++20", "-fsyntax-only",
                        "-I", os.path.join(ROOT, "include"), source], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{compiler} {source}: {r.stderr[-2000:]}")
    user, system = r.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--models", default=",".join(MODELS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("| model | compiler | layers<Net> (s) | + tflm_arena (s) | + patch_plan (s) |")
        print("|---|---|---|---|---|")
        for model in args.models.split(","):
            header, patch = MODELS[model]
            sources = {}
            for what, body in BODY.items():
                if what == "patch_plan" and patch is None:
                    continue
                path = os.path.join(tmp, f"{model}_{what}.cpp")
                with open(path, "w") as f:
                    f.write(f"#include <netcount/netcount.hpp>\n#include <netcount/zoo/{header}.hpp>\n"
                            f"namespace nc = netcount;\nusing net = nc::zoo::{model};\n"
                            + body.format(args=patch) + "\n")
                sources[what] = path
            for compiler in ("g++", "clang++"):
                times = {w: statistics.median(cpu_seconds(compiler, s) for _ in range(args.runs))
                         for w, s in sources.items()}
                base = times["baseline"]
                extra = [f"{times[w] - base:+.2f}" if w in times else "" for w in ("tflm_arena", "patch_plan")]
                print(f"| {model} | {compiler} | {base:.2f} | {extra[0]} | {extra[1]} |")


if __name__ == "__main__":
    main()
