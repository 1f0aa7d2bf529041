#!/usr/bin/python3
"""The engine's compile cost against earlier revisions', side by side, on g++ and clang++:

    bench/compare.py                    # 04d3e91 (the engine before the graph) against include/
    bench/compare.py --before REV --also REV2 --runs 9

A regression of a few percent hides in the noise of two separate runs of bench/run.py on a
shared machine, so this script compiles the same translation units against both trees in one
run, interleaved: every round compiles each case against the earlier tree, against each --also
revision and against include/, in an order that turns round by round, so that a change of load
falls on all. CPU time (user + system) and peak resident memory come from GNU time
(/usr/bin/time); the report gives each tree's median and the ratio of the medians to the
earlier tree's.

Cases (the same source for both trees):
  - chain totals: bench/generate.py's 10,000-layer chain, its totals static_asserted
    (weights<Net>, units<Net>, ... as bench/run.py's TU);
  - chain layers: the same network, layers<Net> (every entry: the structure and the full pass);
  - whole zoo: every model of examples/zoo_models.hpp whose type the earlier tree defines too,
    its totals asserted as bench/zoo.py asserts them, in one TU; and its baseline (the same
    #includes, nothing counted).

Each earlier tree is `git archive REV include` unpacked into the work directory. clang++ needs
more than its default constexpr steps for layers<Net> of 10,000 layers at 04d3e91, so that case
gets -fconstexpr-steps=100000000 on both sides (a limit, not work: the same count either way).
The section goes between the markers below in docs/performance.md; bench/run.py keeps it.
"""

import argparse
import datetime
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tarfile
import io

REPO = pathlib.Path(__file__).resolve().parent.parent
BEGIN = "<!-- bench/compare.py: begin -->"
END = "<!-- bench/compare.py: end -->"
ENV = dict(os.environ, LC_ALL="C")
GNU_TIME = "/usr/bin/time"

sys.path.insert(0, str(REPO / "bench"))
import zoo  # noqa: E402  (bench/zoo.py: the model list and the reference asserts)


def earlier_tree(rev, workdir):
    """include/ at rev, unpacked under workdir/<rev>/."""
    out = workdir / rev
    if not (out / "include").exists():
        data = subprocess.run(["git", "-C", str(REPO), "archive", rev, "include"], check=True,
                              capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(out)
    return out / "include"


def sources(workdir, before_include):
    src = workdir / "src"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), str(src), "--sizes", "10000"], check=True,
                   capture_output=True)
    chain = (src / "chain_10000.cpp").read_text()
    declared = "\n".join(line for line in chain.splitlines() if not line.startswith("static_assert"))
    layers = zoo.write(src / "chain_10000.layers.cpp", declared + "\n\n"
                       "static_assert(nc::layers<bench_net>.size() == 10000);\n"
                       "static_assert(nc::layers<bench_net>[9999].output == nc::shape{1, 1, 10});\n")
    models = []
    for name, cpp_type in zoo.zoo_models():
        header = zoo.header_of(cpp_type)
        earlier = before_include / header
        if earlier.exists() and re.search(rf"\b(struct|using)\s+{cpp_type}\b", earlier.read_text()):
            models.append({"name": name, "type": cpp_type, "header": header, "ref": zoo.reference_of(name)})
    whole, whole_base = zoo.whole_sources(models, src)
    return [("chain totals", src / "chain_10000.cpp"), ("chain layers", layers),
            (f"whole zoo ({len(models)} models)", whole), ("whole zoo's baseline (its includes, no count)", whole_base)]


def timed(cxx, include, source, flags, scratch):
    """(CPU seconds, peak kB) of one compile; exits if it fails."""
    argv = [GNU_TIME, "-f", "%U %S %M", "-o", str(scratch), cxx, "-std=c++20", "-fsyntax-only", "-I", str(include),
            *flags, str(source)]
    done = subprocess.run(argv, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench/compare.py: {' '.join(argv[5:])} failed:\n{done.stderr[:2000]}")
    user, system, peak = scratch.read_text().split()[-3:]
    return float(user) + float(system), int(peak)


def flags_for(cxx, case):
    return ["-fconstexpr-steps=100000000"] if cxx.startswith("clang") and case == "chain layers" else []


def measure(args, cases, trees, workdir):
    """trees: [(label, include)], the first the reference."""
    results = []
    scratch = workdir / "time.txt"
    for cxx in args.compilers.split(","):
        for case, source in cases:
            samples = {label: [] for label, _ in trees}
            for r in range(args.runs):
                for label, include in trees[r % len(trees):] + trees[:r % len(trees)]:
                    samples[label].append(timed(cxx, include, source, flags_for(cxx, case), scratch))
            row = {"compiler": cxx, "case": case, "runs": {k: v for k, v in samples.items()}}
            for label in samples:
                row[label] = (statistics.median(s[0] for s in samples[label]),
                              statistics.median(s[1] for s in samples[label]))
            print({k: v for k, v in row.items() if k != "runs"}, flush=True)
            results.append(row)
    return results


def section(results, args, labels, load_before, load_after, started):
    ref = labels[0]

    def cells(r, k):
        return " | ".join(f"{r[label][k] / (1 if k == 0 else 1000):.{2 if k == 0 else 1}f}" +
                          ("" if label == ref else f" ({r[label][k] / r[ref][k]:.3f})") for label in labels)

    head = " | ".join(f"CPU, {label} (s)" for label in labels) + " | " + " | ".join(f"peak, {label} (MB)"
                                                                                  for label in labels)
    rows = "\n".join(f"| {r['case']} | {r['compiler']} | {cells(r, 0)} | {cells(r, 1)} |" for r in results)
    return f"""{BEGIN}
## The engine against {ref}

Measured by `bench/compare.py` on {started:%Y-%m-%d %H:%M} ({args.runs} rounds; load average
{' '.join(load_before)} at the start, {' '.join(load_after)} at the end: a machine shared with other
builds, which the interleaving is for). The same translation units compiled against `include/` at
{ref} (the engine before the graph: from<>, outputs<>, shared<>, rois<>, max_unpool){
"".join(f", at {label}" for label in labels[1:-1])} and in this tree, `-std=c++20 -fsyntax-only`,
interleaved round by round; CPU time (user + system) and peak resident memory from GNU time, the
median of the rounds, and in brackets the ratio to {ref}'s. Cases: a 10,000-layer chain
(bench/generate.py) with its totals asserted, the same chain's layers<Net> (clang++ with
`-fconstexpr-steps=100000000` on every side), and every zoo model that {ref} has too, its totals
asserted as bench/zoo.py asserts them, in one TU, and its baseline, which includes the same
headers and counts nothing (this tree's zoo headers hold more models).

| case | compiler | {head} |
|---|---|{"--:|" * (2 * len(labels))}
{rows}
{END}
"""


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--before", default="04d3e91", help="the earlier revision (its include/): the reference")
    p.add_argument("--also", default="", help="more revisions to measure beside them, comma-separated")
    p.add_argument("--runs", type=int, default=5, help="rounds (each compiles every case on both sides)")
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--cases", default="", help="only the cases whose name holds one of these, comma-separated")
    p.add_argument("--keep", action="store_true",
                   help="keep the other rows of the last run's results.json (a run in parts)")
    p.add_argument("--workdir", default=str(REPO / "build-bench" / "compare"))
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"))
    args = p.parse_args()
    workdir = pathlib.Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    before = earlier_tree(args.before, workdir)
    trees = [(args.before, before)] + [(rev, earlier_tree(rev, workdir)) for rev in args.also.split(",") if rev]
    trees.append(("this tree", REPO / "include"))
    cases = sources(workdir, before)
    if args.cases:
        cases = [c for c in cases if any(word in c[0] for word in args.cases.split(","))]
    started = datetime.datetime.now()
    load_before = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    results = measure(args, cases, trees, workdir)
    stored = workdir / "results.json"
    if args.keep and stored.exists():
        done = {(r["compiler"], r["case"]) for r in results}
        results = [r for r in json.loads(stored.read_text()) if (r["compiler"], r["case"]) not in done] + results
        order = [c for c, _ in cases]
        results.sort(key=lambda r: (r["compiler"] != "g++", r["case"] not in order, r["case"]))
    stored.write_text(json.dumps(results))
    load_after = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    out = pathlib.Path(args.out)
    text = out.read_text() if out.exists() else ""
    new = section(results, args, [label for label, _ in trees], load_before, load_after, started)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + new + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    out.write_text(text)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
