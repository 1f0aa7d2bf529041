#!/usr/bin/python3
"""What a compile-time search costs: `widest` and `largest_input` against one count of the same
network, on g++ and clang++, from the repository root:

    bench/search.py            # writes the "Compile-time search" section of docs/performance.md
    bench/search.py --runs 1   # a quick look; --out FILE to write elsewhere

For each network, four translation units with the same #includes: the *baseline* (no query),
*one count* (the network's totals), *one peak* (its peak_activations), *widest* (the widest layer under a budget on
the totals) and *largest_input, peak* (the largest input side under a peak-activations budget,
which needs every entry of layers<Net> for each candidate). Each is compiled with -fsyntax-only beside the
baseline by hyperfine, under /usr/bin/time -v for the peak memory. The section goes between
the markers below in docs/performance.md; bench/run.py keeps it when it rewrites the file.
"""

import argparse
import datetime
import json
import os
import pathlib
import re
import shlex
import statistics
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
BEGIN = "<!-- bench/search.py: begin -->"
END = "<!-- bench/search.py: end -->"
ENV = dict(os.environ, LC_ALL="C")

# network, header, layer searched, a budget on the totals and the widest layer under it, a
# budget on the peak, a step and the largest input side under it. The answers are checked by
# static_assert, so a run also checks the searches. AlexNet's are tests/static/search.cpp's
# (its peak is 2 * 96 * 55 * 55 = 580,800 at lrn1, and conv1's 55 x 55 holds up to a side of
# 230). ResNet-50's fc1 reads 2048 inputs, and 25,557,032 - 2,049,000 = 23,508,032 parameters are
# elsewhere, so 24,000,000 allows floor(491,968 / 2049) = 240 outputs; its peak at 224 is
# 2,408,448, and every map grows with the side, so 224 is the largest multiple of 32.
CASES = [
    ("alexnet", "netcount/zoo/alexnet.hpp", "fc6", "{.weights = 20'000'000}", 1019,
     "{.peak_activations = 580'800}", 1, 230),
    ("resnet50", "netcount/zoo/resnet.hpp", "fc1", "{.parameters = 24'000'000}", 240,
     "{.peak_activations = 2'408'448}", 32, 224),
]

QUERIES = ("baseline", "one count", "widest", "one peak", "largest_input, peak")
# What each search is compared with: the same count of the network itself.
SINGLE = {"widest": "one count", "largest_input, peak": "one peak"}


def tag(kind):
    return kind.replace(", ", "_").replace(" ", "_")


def sources(workdir):
    files = {}
    for net, header, layer, totals, widest_totals, peak, step, largest in CASES:
        head = ["#include <netcount/netcount.hpp>", "#include <netcount/search.hpp>", f"#include <{header}>",
                "namespace nc = netcount;", f"using net = nc::zoo::{net};", ""]
        bodies = {
            "baseline": [],
            "one count": ["static_assert(nc::within_budget<net, nc::budget{}>);"],
            "one peak": ["static_assert(nc::peak_activations<net> > 0);"],
            "widest": [f'static_assert(nc::widest<net, "{layer}", nc::budget{totals}> == {widest_totals});'],
            "largest_input, peak": [f"static_assert(nc::largest_input<net, nc::budget{peak}, {step}> == {largest});"],
        }
        for kind, body in bodies.items():
            path = workdir / f"{net}.{tag(kind)}.cpp"
            path.write_text("\n".join(head + body) + "\n")
            files[(net, kind)] = path
    return files


def command(cxx, source):
    return [cxx, "-std=c++20", "-fsyntax-only", f"-I{REPO / 'include'}", str(source)]


def measure(cxx, files, net, runs, workdir):
    for kind in QUERIES[1:]:  # each must compile (the answers hold)
        done = subprocess.run(command(cxx, files[(net, kind)]), env=ENV, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"bench/search.py: {cxx} {net} {kind} does not compile:\n{done.stderr[:3000]}")
    export = workdir / f"{cxx}.{net}.json"
    argv = ["hyperfine", "--shell=none", "--style=basic", f"--runs={runs}", "--warmup=1",
            f"--export-json={export}"]
    rss = {}
    for kind in QUERIES:
        rss[kind] = workdir / f"{cxx}.{net}.{tag(kind)}.time"
        rss[kind].unlink(missing_ok=True)
        argv += ["-n", kind, shlex.join(["/usr/bin/time", "-v", "-a", "-o", str(rss[kind]),
                                         *command(cxx, files[(net, kind)])])]
    subprocess.run(argv, env=ENV, check=True, capture_output=True)
    out = {}
    for r in json.loads(export.read_text())["results"]:
        text = rss[r["command"]].read_text()
        kb = [int(m) for m in re.findall(r"Maximum resident set size \(kbytes\): (\d+)", text)][1:]
        user = [float(m) for m in re.findall(r"User time \(seconds\): ([0-9.]+)", text)][1:]
        system = [float(m) for m in re.findall(r"System time \(seconds\): ([0-9.]+)", text)][1:]
        # CPU time (user + system): on a machine shared with other work it varies far less
        # than wall time.
        out[r["command"]] = {"wall": r["median"], "median": statistics.median(u + s for u, s in zip(user, system)),
                             "rss_mb": statistics.median(kb) / 1000}
    return out


def section(results, runs, load):
    lines = [BEGIN, "## Compile-time search", "",
             f"Measured by `bench/search.py` on {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}: "
             f"the median of {runs} runs after one warmup, `-fsyntax-only`, on the machine above "
             f"(load average {' '.join(load)} at the start: differences of a few hundredths of a second "
             "are noise). Times are CPU seconds (user + system, from `/usr/bin/time -v`), which a shared "
             "machine disturbs less than wall time. *Above baseline*: the CPU time the query adds to a TU "
             "with the same includes. A search "
             "over [1, 65,536] whose candidates are all valid counts about 18 (the largest, the network "
             "as given, the smallest, then a bisection); each candidate is a new network type, counted "
             "in full. An invalid candidate costs the ones checked after it (docs/deploy.md): sides too "
             "small for AlexNet's windows, or the sides between multiples of 16 of a U-Net-like network "
             "searched at Step = 1.", "",
             "| compiler | network | query | TU | above baseline | × the single count | peak memory |",
             "|---|---|---|---:|---:|---:|---:|"]
    for cxx, nets in results.items():
        for net, t in nets.items():
            base = t["baseline"]["median"]
            for kind in QUERIES[1:]:
                above = t[kind]["median"] - base
                one = t[SINGLE.get(kind, kind)]["median"] - base
                ratio = f"{above / one:.1f}" if one > 0 else "n/a"
                lines.append(f"| {cxx} | {net} | {kind} | {t[kind]['median']:.2f} s | {above:.2f} s | "
                             f"{ratio} | {t[kind]['rss_mb']:.0f} MB |")
    lines += ["", "*one count*: the network's totals (`within_budget` with no limit); *one peak*: "
              "`peak_activations<Net>`, which builds every entry of `layers<Net>` and the memory schedule. "
              "*widest* limits a total, so each candidate needs only the totals, and is compared with one "
              "count; *largest_input, peak* limits the peak, so each candidate builds `layers<Net>`, and "
              "is compared with one peak.", END]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--workdir", default=str(REPO / "build-bench" / "search"))
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"))
    args = p.parse_args()
    workdir = pathlib.Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    files = sources(workdir)
    load = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    results = {}
    for cxx in args.compilers.split(","):
        results[cxx] = {net: measure(cxx, files, net, args.runs, workdir) for net, *_ in CASES}
        print(cxx, json.dumps(results[cxx]), flush=True)
    out = pathlib.Path(args.out)
    text = out.read_text() if out.exists() else ""
    new = section(results, args.runs, load)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + new + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    out.write_text(text)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
