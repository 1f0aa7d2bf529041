#!/usr/bin/env python3
"""What netcount-import costs, and what its headers cost the compiler (issue 17's Speed; docs/import.md).

For ResNet-50 and the zoo's largest model by parameters (regnet_y_128gf, 644.8 M) it times
`netcount-import` (wall and CPU time of the whole command, Python's start and torch's import
included) through --torch (torch.fx) and through ONNX (a file torch.onnx.export wrote at opset 17
with TrainingMode.PRESERVE, as docs/import.md advises; the export is not timed). A model whose
weights exceed protobuf's 2 GB limit (4 bytes a parameter) has no single-file ONNX export: it is
imported through --torch only, and the report says so. Then, on g++ and clang++
(-std=c++20 -fsyntax-only, default limits), it compiles a TU that asks for the imported type's
totals, layers<Net> and peak_activations beside the same TU for the hand-written
netcount::zoo::<model>, and a baseline that includes <netcount/netcount.hpp> only. CPU time
(user + system) from GNU time; each figure the median of --runs rounds, every command once per
round.

  bench/import.py                     # resnet50 and regnet_y_128gf, 2 rounds, prints a table
  bench/import.py --write             # and rewrites its section of docs/performance.md
  bench/import.py --models resnet50 --runs 1
"""
import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORTER = os.path.join(ROOT, "tools", "netcount-import")
# Debian's Python, which imports torch, torchvision and onnx (the pyenv python3 on PATH does not).
PYTHON = "/usr/bin/python3"
BEGIN = "<!-- bench/import.py: begin -->"
END = "<!-- bench/import.py: end -->"
PROTOBUF_LIMIT = 2 ** 31  # bytes: a single-file ONNX model is one protobuf message

MODELS = {"resnet50": "resnet", "regnet_y_128gf": "regnet"}  # model: its zoo header

TU = """#include <netcount/netcount.hpp>
{include}
namespace nc = netcount;
using net = {net};
static_assert(nc::totals<net>.parameters > 0);
static_assert(nc::layers<net>.size() > 0);
static_assert(nc::peak_activations<net> > 0);
"""


def timed(command, env=None):
    """(wall, cpu) seconds of a command, from GNU time; fails loudly."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S", *command], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {r.returncode}\n{r.stderr[-3000:]}")
    wall, user, system = r.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system)


def export(model, path):
    code = f"""
import warnings, torch, torchvision
model = torchvision.models.{model}(weights=None)
model.train()
with warnings.catch_warnings(), torch.no_grad():
    warnings.simplefilter("ignore")
    torch.onnx.export(model, torch.zeros(1, 3, 224, 224), {path!r}, opset_version=17,
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
"""
    subprocess.run([PYTHON, "-c", code], check=True)


def parameters(model):
    code = f"import torchvision; print(sum(p.numel() for p in torchvision.models.{model}(weights=None).parameters()))"
    return int(subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--models", default=",".join(MODELS))
    p.add_argument("--write", action="store_true", help="rewrite this script's section of docs/performance.md")
    args = p.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = open("/proc/loadavg").read().split()[:3]
    compilers = {c: subprocess.run([c, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
                 for c in ("g++", "clang++")}
    notes = []
    imports = []   # (model, route, wall, cpu)
    compiles = []  # (model, compiler, baseline, zoo, {route: seconds})
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        for model in args.models.split(","):
            count = parameters(model)
            routes = {"--torch": ["--torch", f"torchvision.models:{model}", "--input", "3,224,224"]}
            if 4 * count < PROTOBUF_LIMIT:
                path = os.path.join(tmp, f"{model}.onnx")
                export(model, path)
                routes["ONNX"] = [path]
            else:
                notes.append(f"{model}: {count:,} parameters, {4 * count / 1e9:.2f} GB of float32 weights, over "
                             "protobuf's 2 GB limit of a single-file ONNX model: imported through --torch only.")
            headers = {}
            times = {route: [] for route in routes}
            for _ in range(args.runs):
                for route, source in routes.items():
                    header = os.path.join(tmp, f"{model}_{'torch' if route == '--torch' else 'onnx'}.hpp")
                    times[route].append(timed([PYTHON, IMPORTER, *source, "--name", f"{model}_imported",
                                               "-o", header], env))
                    headers[route] = header
            for route, t in times.items():
                imports.append((model, route, statistics.median(w for w, _ in t), statistics.median(c for _, c in t)))
                print(f"import {model} {route}: {imports[-1][2]:.1f} s wall, {imports[-1][3]:.1f} s CPU", flush=True)
            sources = {"baseline": TU.format(include="", net="nc::network<nc::input<1, 1, 1>, nc::conv<1, nc::kernel<1>>>"),
                       "zoo": TU.format(include=f"#include <netcount/zoo/{MODELS[model]}.hpp>",
                                        net=f"nc::zoo::{model}")}
            for route, header in headers.items():
                sources[route] = TU.format(include=f'#include "{header}"', net=f"{model}_imported")
            files = {}
            for what, text in sources.items():
                files[what] = os.path.join(tmp, f"{model}_{what.strip('-')}.cpp")
                with open(files[what], "w") as f:
                    f.write(text)
            for compiler in compilers:
                got = {what: [] for what in files}
                for _ in range(args.runs):
                    for what, path in files.items():
                        got[what].append(timed([compiler, "-std=c++20", "-fsyntax-only", "-I",
                                                os.path.join(ROOT, "include"), path])[1])
                med = {what: statistics.median(v) for what, v in got.items()}
                compiles.append((model, compiler, med["baseline"], med["zoo"],
                                 {r: med[r] for r in routes}))
                print(f"compile {model} {compiler}: {med}", flush=True)
    finished = datetime.datetime.now(datetime.timezone.utc)
    load_after = open("/proc/loadavg").read().split()[:3]

    lines = [BEGIN, "## netcount-import", "",
             f"Measured by `bench/import.py` on {started:%Y-%m-%d %H:%M} UTC ({args.runs} rounds, "
             f"{(finished - started).total_seconds() / 60:.1f} minutes; load average {' '.join(load_before)} at the "
             f"start, {' '.join(load_after)} at the end, on a machine shared with other builds). Do not edit: run "
             "`bench/import.py --write` again. " + compilers["g++"] + "; " + compilers["clang++"] + ".",
             "",
             "**Importing.** `/usr/bin/python3 tools/netcount-import ... -o file.hpp`, the whole command (Python's "
             "start and torch's import included): `--torch torchvision.models:<model>` (which builds the module "
             "with random weights, traces it and runs it once on the meta device for the shapes), and the ONNX "
             "file torch.onnx.export "
             "wrote at opset 17 with TrainingMode.PRESERVE (the export not timed). The median of the rounds.", "",
             "| model | route | wall (s) | CPU (s) |", "|---|---|--:|--:|"]
    for model, route, wall, cpu in imports:
        lines.append(f"| {model} | `{route}` | {wall:.1f} | {cpu:.1f} |")
    lines += [""] + [f"- {n}" for n in notes] + ([""] if notes else [])
    lines += ["**Compiling.** A TU that asks for the type's totals, `layers<Net>` and `peak_activations<Net>`, "
              "`-std=c++20 -fsyntax-only`, CPU time (user + system) from GNU time, the median of the rounds: for "
              "the imported header (the importer's own `static_assert`s of parameters and output shape included) "
              "and for `netcount::zoo::<model>` (its zoo header, which defines the model's siblings too). "
              "*baseline*: `<netcount/netcount.hpp>` and a one-convolution network. In brackets: the TU minus the "
              "baseline, over the zoo's TU minus the baseline.", "",
              "| model | compiler | baseline (s) | zoo type (s) | imported, --torch (s) | imported, ONNX (s) |",
              "|---|---|--:|--:|--:|--:|"]
    for model, compiler, base, zoo, routes in compiles:
        cells = []
        for route in ("--torch", "ONNX"):
            if route in routes:
                t = routes[route]
                ratio = (t - base) / (zoo - base) if zoo > base else float("nan")
                cells.append(f"{t:.2f} ({ratio:.2f})")
            else:
                cells.append("")
        lines.append(f"| {model} | {compiler} | {base:.2f} | {zoo:.2f} | {cells[0]} | {cells[1]} |")
    lines.append(END)
    section = "\n".join(lines)
    print(section)
    if args.write:
        out = os.path.join(ROOT, "docs", "performance.md")
        text = open(out).read()
        if BEGIN in text and END in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        with open(out, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
