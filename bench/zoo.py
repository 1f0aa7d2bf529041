#!/usr/bin/python3
"""What each network of netcount::zoo costs the compiler, and the whole zoo in one translation
unit, on g++ and clang++. One command, from the repository root, no arguments:

    bench/zoo.py                 # writes the "Compile cost of the zoo" section of docs/performance.md
    bench/zoo.py --runs 1        # a quick look (--out FILE to write elsewhere, --models a,b to pick)

The models are read at run time from examples/zoo_models.hpp (the list every zoo model is
added to), and each model's header is found by searching include/netcount/zoo/ for its
definition, so a model added there is measured without touching this script.

For each model, the *TU* static_asserts the model's totals (parameters, weights, biases,
connections, units, the input and output shapes, and what else a reference gives) against
figures from outside netcount: tests/reference/torchvision-zoo.json, measured with PyTorch,
or the reference the tests use for models torchvision does not have (see REFERENCES below).
So a run also checks netcount. Its *baseline* has the same #includes and names the model's
type, but counts nothing. The *whole zoo* TU asserts every model's totals; its baseline
includes every zoo header. Each TU is compiled with -fsyntax-only under /usr/bin/time (CPU
time, user + system, and peak resident memory); the report gives medians, TU minus baseline.
A TU that fails under the compilers' default limits is compiled again with the smallest limit
flag that lets it through (bench/run.py's bisection), and the report says so.

The section goes between the markers below in docs/performance.md; bench/run.py and
bench/search.py keep it when they rewrite theirs. Raw numbers: build-bench/zoo/results.json
(--report-only rewrites the section from them).
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
import time
from types import SimpleNamespace

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
import run  # noqa: E402  (bench/run.py: the compile command, the limits and their bisection)

REPO = run.REPO
MODELS_LIST = REPO / "examples" / "zoo_models.hpp"
ZOO_HEADERS = REPO / "include" / "netcount" / "zoo"
ZOO_JSON = REPO / "tests" / "reference" / "torchvision-zoo.json"
COUNTS_JSON = REPO / "tests" / "reference" / "torchvision-counts.json"
YOLO_JSON = REPO / "tests" / "reference" / "ultralytics-yolo.json"
BEGIN = "<!-- bench/zoo.py: begin -->"
END = "<!-- bench/zoo.py: end -->"
GNU_TIME = run.GNU_TIME
ENV = run.ENV

# Where a model's figures come from when torchvision-zoo.json has no entry of the model's name:
# the reference its test in tests/static/ checks it against.
#  - alexnet (Krizhevsky et al. 2012, 227 x 227, two towers as groups): the same network in
#    PyTorch, torchvision-counts.json "alexnet_two_tower" (tests/static/alexnet.cpp).
#  - alexnet_torchvision: torchvision-zoo.json "torchvision_alexnet" (tests/static/zoo_alexnet.cpp).
#  - lenet5: LeCun et al. (1998), section II.B: 60,000 trainable parameters, 340,908
#    connections with the bias counted as one, 10 outputs (tests/static/zoo_lenet.cpp).
#  - yolov5s, yolov8n: Ultralytics' models as torch modules, ultralytics-yolo.json
#    (tools/reference/make_yolo_reference.py, tests/static/zoo_yolo.cpp); three outputs each.
#  - mobilenet_v1: Howard et al. (2017), 1.0 MobileNet-224: 4,231,976 parameters (those of
#    keras.applications.MobileNet), 568,740,352 multiply-accumulates, the classifier's 1,000
#    biases, 1000 outputs (tests/static/zoo_mobilenet_v1.cpp).
REFERENCES = {
    "alexnet": {"json": COUNTS_JSON, "key": "alexnet_two_tower"},
    "alexnet_torchvision": {"json": ZOO_JSON, "key": "torchvision_alexnet"},
    "lenet5": {"source": "LeCun et al. (1998), section II.B",
               "figures": {"parameters": 60_000, "connections_with_bias": 340_908}, "output": (1, 1, 10)},
    "mobilenet_v1": {"source": "Howard et al. (2017), Tables 1 and 6",
                     "figures": {"parameters": 4_231_976, "connections": 568_740_352, "biases": 1_000},
                     "output": (1, 1, 1000)},
    "yolov5s": {"json": YOLO_JSON, "key": "yolov5s"},
    "yolov8n": {"json": YOLO_JSON, "key": "yolov8n"},
}

FIELDS = ("parameters", "weights", "biases", "connections", "connections_with_bias", "units")


def log(*parts):
    print(f"[{time.strftime('%H:%M:%S')}]", *parts, flush=True)


# ---------------------------------------------------------------------------------------
# The models and what they are checked against.

def zoo_models():
    """[(name, C++ type)] in the order of examples/zoo_models.hpp."""
    text = re.sub(r"//[^\n]*", "", MODELS_LIST.read_text())
    found = re.findall(r'model<\s*"([^"]+)"\s*,\s*(?:netcount::|::netcount::)?zoo::(\w+)\s*>', text)
    if not found:
        sys.exit(f"bench/zoo.py: no model<\"name\", zoo::type> found in {MODELS_LIST}")
    return found


def header_of(cpp_type):
    """The zoo header that defines netcount::zoo::<cpp_type>, as an #include path."""
    pattern = re.compile(rf"\b(?:struct\s+{cpp_type}\b(?!\s*;)|using\s+{cpp_type}\s*=)")
    hits = [h for h in sorted(ZOO_HEADERS.glob("*.hpp")) if pattern.search(h.read_text())]
    return f"netcount/zoo/{hits[0].name}" if len(hits) == 1 else "netcount/zoo.hpp"


def from_json(path, key):
    """The totals of one model of a reference JSON (tools/reference/make_reference.py's
    conventions). connections_with_bias, which the JSON does not list, follows from it: each
    output of a layer with a bias has one more connection, so it is the multiply-accumulates
    plus the units of every layer whose bias is not empty and that inference runs (not an
    auxiliary head's: its units and multiply-accumulates are out of the totals, as in the JSON)."""
    m = json.loads(path.read_text())["models"][key]
    c, h, w = m["input"]
    def shape(out):
        return (1, 1, out[0]) if len(out) == 1 else (out[1], out[2], out[0])

    output = shape(m["output"])
    outputs = [shape(o) for o in m.get("outputs", [m["output"]])]
    with_bias = m["macs"] + sum(layer["units"] for layer in m["layers"]
                                if layer["bias"] and not layer.get("auxiliary", False))
    return {"source": f"`{path.relative_to(REPO)}` \"{key}\"", "json": path.name, "key": key,
            "figures": {"parameters": m["params_total"], "weights": m["weights_no_bias"], "biases": m["bias"],
                        "connections": m["macs"], "connections_with_bias": with_bias, "units": m["units"]},
            "input": (h, w, c), "output": output, "outputs": outputs}


def reference_of(name):
    """What the model's TU asserts: figures, shapes and where they come from; None if nothing."""
    zoo = json.loads(ZOO_JSON.read_text())["models"]
    given = REFERENCES.get(name)
    if given is None and name in zoo:
        given = {"json": ZOO_JSON, "key": name}
    if given is None:
        return None
    if "json" in given:
        return from_json(given["json"], given["key"])
    return given


def asserts(net, ref):
    """static_asserts of the totals of net. Every model also asserts activations >= units (the
    outputs of the layers with weights are among the outputs of every layer): no reference
    gives the activations, but the TU then reads every total, as the synthetic networks' do."""
    lines = [f"static_assert(nc::activations<{net}> >= nc::units<{net}>);"]
    if ref:
        for key in FIELDS:
            if key in ref["figures"]:
                lines.append(f"static_assert(nc::{key}<{net}> == {ref['figures'][key]}ULL);")
        if "input" in ref:
            lines.append(f"static_assert(nc::input_shape<{net}> == nc::shape{{{', '.join(map(str, ref['input']))}}});")
        outputs = ref.get("outputs", [ref["output"]])
        if len(outputs) == 1:
            lines.append(f"static_assert(nc::output_shape<{net}> == nc::shape{{{', '.join(map(str, ref['output']))}}});")
        for i, out in enumerate(outputs if len(outputs) > 1 else []):  # output_shape<> needs a single output
            lines.append(f"static_assert(nc::output_shapes<{net}>[{i}] == nc::shape{{{', '.join(map(str, out))}}});")
    else:
        # No output_shape: a model without a reference may have several outputs (a detector),
        # and output_shapes is not in every tree bench/compare.py measures.
        lines.append(f"static_assert(nc::parameters<{net}> > 0 && nc::units<{net}> > 0);")
    return lines


def checked_text(ref):
    if not ref:
        return "none (no reference: totals counted, not compared)"
    keys = [k for k in FIELDS if k in ref["figures"]] + (["input"] if "input" in ref else []) + ["output"]
    return f"{ref['source']}: {', '.join(keys)}"


def checked_cell(name, ref):
    """checked_text for the table: a JSON's models are all checked for the same figures."""
    if ref and "json" in ref:
        return f"`{ref['json']}`" + (f" \"{ref['key']}\"" if ref["key"] != name else "")
    return checked_text(ref)


# ---------------------------------------------------------------------------------------
# Translation units.

HEADER = "// Generated by bench/zoo.py; do not edit.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


def includes(headers):
    return "".join(f"#include <{h}>\n" for h in ["netcount/netcount.hpp", *headers]) + "\nnamespace nc = netcount;\n"


def sources(models, src):
    """models: [{name, type, header, ref}]. Writes each model's TU, one baseline per header
    (the same #includes, every model of the header named), the whole-zoo TU and its baseline,
    and the program that prints the number of entries of layers<Net> of each model."""
    for m in models:
        body = [f"using {m['name']} = nc::zoo::{m['type']};", *asserts(m["name"], m["ref"])]
        m["tu"] = write(src / f"{m['name']}.cpp", HEADER + f"// {m['name']}: its totals against "
                        f"{checked_text(m['ref'])}.\n" + includes([m["header"]]) + "\n" + "\n".join(body) + "\n")
    baselines = {}
    for header in dict.fromkeys(m["header"] for m in models):
        names = [f"using {m['name']} = nc::zoo::{m['type']};" for m in models if m["header"] == header]
        # A zoo model is a struct deriving from network<...>: its header instantiates the
        # network type, and naming it adds nothing; what the TU adds is the counting.
        baselines[header] = write(src / f"base.{header.replace('/', '.')}.cpp",
                                  HEADER + includes([header]) + "\n" + "\n".join(names) + "\n")
    whole_tu, whole_base = whole_sources(models, src)
    headers = ["netcount/zoo.hpp", *dict.fromkeys(m["header"] for m in models)]
    counter = write(src / "layer_counts.cpp", HEADER + "#include <cstdio>\n" + includes(headers) + "\nint main() {\n" +
                    "".join(f"    std::printf(\"%s %zu\\n\", \"{m['name']}\", nc::layers<nc::zoo::{m['type']}>.size());\n"
                            for m in models) + "}\n")
    return baselines, whole_tu, whole_base, counter


def whole_sources(models, src, suffix=""):
    """The whole-zoo TU (every model's totals) and its baseline (every zoo header, every model
    named)."""
    headers = ["netcount/zoo.hpp", *dict.fromkeys(m["header"] for m in models)]
    names = [f"using {m['name']} = nc::zoo::{m['type']};" for m in models]
    whole = [line for m in models for line in asserts(m["name"], m["ref"])]
    tu = write(src / f"whole_zoo{suffix}.cpp", HEADER + "// Every zoo model's totals in one translation unit.\n" +
               includes(headers) + "\n" + "\n".join(names + whole) + "\n")
    base = write(src / f"whole_zoo{suffix}.base.cpp", HEADER + includes(headers) + "\n" + "\n".join(names) + "\n")
    return tu, base


def layer_counts(counter, workdir):
    """({model: entries of layers<Net>}, the build's CPU seconds and peak kB), from a program
    compiled with g++ (the count does not depend on the compiler); ({}, None) if it does not
    build. It builds every model's layers<Net> in one TU, which the report also notes."""
    exe, scratch = workdir / "layer_counts", workdir / "layer_counts.time"
    done = subprocess.run([GNU_TIME, "-f", "%U %S %M", "-o", str(scratch), "g++", "-std=c++20", "-I",
                           str(run.INCLUDE), str(counter), "-o", str(exe)],
                          env=ENV, capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        log("layer counts: the program does not build:", run.first_line(done.stderr))
        return {}, None
    user, system, kb = scratch.read_text().split()[-3:]
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    return ({name: int(n) for name, n in (line.split() for line in out.splitlines())},
            {"cpu": float(user) + float(system), "rss_kb": int(kb)})


# ---------------------------------------------------------------------------------------
# Measuring.

def timed(cxx, source, flags, scratch):
    """(CPU seconds, user + system; peak resident set in kB) of one compile."""
    scratch.unlink(missing_ok=True)
    done = subprocess.run([GNU_TIME, "-f", "%U %S %M", "-o", str(scratch), *run.compile_command(cxx, source, flags)],
                          env=ENV, capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        raise RuntimeError(f"{cxx} {source.name} failed while timed:\n{done.stderr[:2000]}")
    user, system, kb = scratch.read_text().split()[-3:]
    return float(user) + float(system), int(kb)


def median_of(samples):
    return {"cpu": statistics.median(s for s, _ in samples), "rss_kb": statistics.median(k for _, k in samples),
            "runs": len(samples), "cpu_all": [s for s, _ in samples]}


def check(cxx, source, args):
    """run.py's check: compiles with default limits, bisects any limit it hits."""
    record = run.find_flags(cxx, source, args)
    if not record["ok"]:
        log(f"  {cxx} {source.name} FAILED: {record['error']}")
    return record


# The budget each compiler gives one constant evaluation, and its default: g++ counts
# operations, clang statements ("steps"). netcount's totals come in parts, each its own
# evaluation (detail/analysis.hpp), so what a network needs is its most expensive part.
BUDGETS = {"g++": ("-fconstexpr-ops-limit=", 2**25), "clang++": ("-fconstexpr-steps=", 1_048_576)}


def headroom(cxx, source, args):
    """The smallest budget (BUDGETS) under which source compiles, to within 5%, by halving from
    the default and then bisecting; None if the compiler has no such budget or the default
    itself does not pass."""
    if cxx not in BUDGETS:
        return None
    flag, default = BUDGETS[cxx]

    def passes(value):
        return run.compile_once(cxx, source, run.probe_flags(cxx) + [f"{flag}{value}"], args.timeout)[0]

    if not passes(default):
        return None
    high, low = default, default // 2
    while low and passes(low):
        high, low = low, low // 2
    while high - low > max(1, high // 20):
        mid = (low + high) // 2
        high, low = (mid, low) if passes(mid) else (high, mid)
    return {"flag": flag, "default": default, "passes_at": high, "fails_at": low}


def machine():
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    mem = re.search(r"MemTotal:\s*(\d+) kB", pathlib.Path("/proc/meminfo").read_text())

    def version(cxx):
        return subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]

    return {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "nproc": os.cpu_count(),
            "model": model.group(1) if model else "unknown",
            "memory_gib": round(int(mem.group(1)) / 2**20, 1) if mem else None,
            "compilers": {cxx: version(cxx) for cxx in ("g++", "clang++")},
            "load_before": pathlib.Path("/proc/loadavg").read_text().split()[:3]}


def measure(args, workdir):
    models = [{"name": n, "type": t, "header": header_of(t), "ref": reference_of(n)} for n, t in zoo_models()]
    if args.models:
        pick = args.models.split(",")
        models = [m for m in models if m["name"] in pick]
    src = workdir / "src"
    baselines, whole_tu, whole_base, counter = sources(models, src)
    results = {"machine": machine(), "settings": {"runs": args.runs, "whole_runs": args.whole_runs,
                                                   "compilers": args.compilers.split(",")},
               "models": [{k: (str(v.relative_to(REPO)) if isinstance(v, pathlib.Path) else v)
                           for k, v in m.items() if k != "tu"} for m in models],
               "compilers": {}}
    started = time.monotonic()
    log(f"{len(models)} models from {MODELS_LIST.relative_to(REPO)}; load average {' '.join(results['machine']['load_before'])}")
    results["layers"], results["layers_build"] = layer_counts(counter, workdir)
    scratch = workdir / "time.out"

    # The check: every TU once, with default limits (and bisection if it hits one); it also
    # warms the caches before the timed runs.
    plan = {}  # cxx -> [(label, source, flags)]
    whole_tus = {cxx: whole_tu for cxx in args.compilers.split(",")}
    for cxx in args.compilers.split(","):
        r = results["compilers"][cxx] = {"models": {}, "baselines": {}, "whole": {}}
        jobs = []
        for header, base in baselines.items():
            log(f"{cxx}: checking the models of {header}")
            group = [m for m in models if m["header"] == header]
            flag_sets = {}
            for m in group:
                c = check(cxx, m["tu"], args)
                r["models"][m["name"]] = {"check": c, "baseline": None, "samples": []}
                if c["ok"]:
                    flag_sets.setdefault(tuple(c["flags"]), []).append(m)
            for flags, ms in flag_sets.items():
                key = header + ("" if not flags else " " + " ".join(flags))
                r["baselines"][key] = {"samples": [], "flags": list(flags)}
                jobs.append((("baseline", key), base, list(flags)))
                for m in ms:
                    r["models"][m["name"]]["baseline"] = key
                    jobs.append((("model", m["name"]), m["tu"], list(flags)))
        # A model whose own TU fails would fail the whole zoo's: the whole zoo leaves it out.
        failed = [m for m in models if not r["models"][m["name"]]["check"]["ok"]]
        tu, base = (whole_tu, whole_base) if not failed else \
            whole_sources([m for m in models if m not in failed], src, "." + cxx)
        whole_tus[cxx] = tu
        log(f"{cxx}: checking the whole zoo in one TU" + (f" (without {len(failed)} that fail)" if failed else ""))
        c = check(cxx, tu, args)
        r["whole"] = {"check": c, "samples": [], "base_samples": [], "left_out": [m["name"] for m in failed]}
        if c["ok"]:
            jobs += [(("whole_base", None), base, c["flags"]), (("whole", None), tu, c["flags"])]
        plan[cxx] = jobs
    results["check_minutes"] = (time.monotonic() - started) / 60

    # The timed runs: round after round, every TU once per round, each beside its baseline,
    # so that a change in the machine's load falls on TU and baseline alike.
    rounds = max(args.runs, args.whole_runs)
    for i in range(rounds):
        log(f"round {i + 1} of {rounds}")
        for cxx, jobs in plan.items():
            r = results["compilers"][cxx]
            for (kind, key), source, flags in jobs:
                if kind.startswith("whole") and i >= args.whole_runs or not kind.startswith("whole") and i >= args.runs:
                    continue
                sample = timed(cxx, source, flags, scratch)
                if kind == "baseline":
                    r["baselines"][key]["samples"].append(sample)
                elif kind == "model":
                    r["models"][key]["samples"].append(sample)
                else:
                    r["whole"]["samples" if kind == "whole" else "base_samples"].append(sample)
            whole = r["whole"]
            if whole["samples"]:
                log(f"  {cxx}: whole zoo {whole['samples'][-1][0]:.2f} s, baseline {whole['base_samples'][-1][0]:.2f} s")
        (workdir / "results.json").write_text(json.dumps(results, indent=1))

    for cxx, r in results["compilers"].items():
        for group in (*r["models"].values(), *r["baselines"].values()):
            if group["samples"]:
                group["time"] = median_of(group["samples"])
        if r["whole"]["samples"]:
            r["whole"]["time"] = median_of(r["whole"]["samples"])
            r["whole"]["base_time"] = median_of(r["whole"]["base_samples"])
    # How close the zoo comes to the compilers' budget for one constant evaluation: the
    # whole-zoo TU needs the most that any of its models needs.
    for cxx, r in results["compilers"].items():
        if r["whole"]["check"]["ok"] and not r["whole"]["check"]["flags"]:
            log(f"{cxx}: the smallest constexpr budget under which the whole zoo compiles")
            r["whole"]["headroom"] = headroom(cxx, whole_tus[cxx], args)
    results["timed_cpu_minutes"] = sum(
        s[0] for r in results["compilers"].values()
        for group in (*r["models"].values(), *r["baselines"].values(), {"samples": r["whole"]["samples"]},
                      {"samples": r["whole"]["base_samples"]})
        for s in group["samples"]) / 60
    results["load_after"] = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    results["finished"] = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    results["elapsed_minutes"] = (time.monotonic() - started) / 60
    (workdir / "results.json").write_text(json.dumps(results, indent=1))
    return results


# ---------------------------------------------------------------------------------------
# The report.

def above(samples, base_samples):
    """(CPU seconds, MB) of a TU above its baseline. The time is the median of the differences
    round by round (each round times the TU beside its baseline, so a change of load between
    rounds cancels out); the memory, which does not drift, the difference of the medians."""
    cpu = statistics.median(s[0] - b[0] for s, b in zip(samples, base_samples))
    kb = statistics.median(s[1] for s in samples) - statistics.median(b[1] for b in base_samples)
    return cpu, kb * 1024 / 1e6


def mean_above(r, name):
    """The mean of the round-by-round differences: it breaks ties between medians, which CPU
    time's 0.01 s resolution makes common."""
    e = r["models"][name]
    base = r["baselines"][e["baseline"]]["samples"]
    return statistics.mean(s[0] - b[0] for s, b in zip(e["samples"], base))


def cost(r, name):
    """(CPU seconds, MB) of the model's TU above its baseline, or None."""
    e = r["models"].get(name)
    if not e or not e["samples"]:
        return None
    return above(e["samples"], r["baselines"][e["baseline"]]["samples"])


def cells(r, name):
    c = cost(r, name)
    if c is not None:
        return f"{c[0]:.2f} | {c[1]:.0f}"
    e = r["models"].get(name)
    return "**fails** | —" if e else "— | —"


def limits_text(results):
    def clean(line):
        return line.replace(str(REPO) + "/", "").replace("|", "\\|")

    lines = []
    for cxx, r in results["compilers"].items():
        entries = [(n, e["check"]) for n, e in r["models"].items()] + [("whole zoo", r["whole"].get("check"))]
        for name, c in entries:
            if not c or not c["default_error"]:
                continue
            if not c["bisections"]:
                lines.append(f"- {cxx}, {name}: **does not compile**: `{clean(c['error'] or c['default_error'])}`.")
                continue
            lines.append(f"- {cxx}, {name}: with default limits, `{clean(c['default_error'])}`.")
            for b in c["bisections"]:
                lines.append(f"  It needs `{b['flag']}{b['passes_at']}` (default {b['default']:,}; fails at "
                             f"{b['fails_at']:,}): {b['passes_at'] / b['default']:.2f} × the default.")
            if not c["ok"]:
                lines.append(f"  Still does not compile: `{clean(c['error'])}`.")
    return "\n".join(lines) if lines else "Every translation unit compiled with the compilers' default limits."


def mb(kb):
    return kb * 1024 / 1e6


def section(results):
    m, a = results["machine"], results["settings"]
    compilers = list(results["compilers"])
    models = results["models"]
    layers = results.get("layers", {})
    json_fields = ", ".join(FIELDS) + ", input and output shapes"
    lines = [BEGIN, "## Compile cost of the zoo", "",
             f"Generated by `bench/zoo.py` on {m['date']} (finished {results['finished']}, "
             f"{results['elapsed_minutes']:.1f} minutes, of which {results['check_minutes']:.1f} checking; the "
             f"timed compiles took {results.get('timed_cpu_minutes', 0):.1f} minutes of CPU time, about the wall "
             "time they take on an idle machine). "
             "Do not edit: run `bench/zoo.py` again (no arguments; about 11 minutes on an idle machine). "
             "Raw numbers: `build-bench/zoo/results.json`.", "",
             f"- **Machine.** {m['nproc']} processors, {m['model']}; {m['memory_gib']} GiB of memory; "
             + "; ".join(m["compilers"][c] for c in compilers) + ". Load average (1, 5, 15 min) at the "
             f"start: {' '.join(m['load_before'])}; at the end: {' '.join(results['load_after'])}.",
             f"- **Models.** Every `model<\"name\", zoo::type>` of `examples/zoo_models.hpp`, read at run "
             f"time: {len(models)} models. Each model's header is found by searching `include/netcount/zoo/`.",
             "- **What is compiled.** A model's *TU* `#include`s `<netcount/netcount.hpp>` and the model's "
             "header, names the model and `static_assert`s its totals against figures from outside netcount "
             f"(column *checked against*; from a JSON reference: {json_fields}, where connections_with_bias "
             "is the multiply-accumulates plus the units of every layer whose bias is not empty, auxiliary heads' "
             "left out), so a run "
             "also checks netcount. No reference gives the activations: every TU asserts "
             "`activations >= units` instead. The *baseline* has the same `#include`s and names the model's "
             "type, but counts nothing (one baseline per header; the header already instantiates each "
             "model's `network<...>`, so naming it adds nothing). The *whole-zoo* TU asserts every model's "
             "totals; its baseline includes every zoo header and names every model.",
             f"- **Command.** `<compiler> {' '.join(run.STD_FLAGS)} -I include <file>.cpp`, `LC_ALL=C`, the "
             "compilers' default limits. A TU that hits one is compiled again with the smallest flag that "
             "passes (bench/run.py's bisection; see *Limits and failures*).",
             "- **Measure.** CPU time (user + system) and peak resident memory from GNU time "
             f"(`/usr/bin/time`): the median of {a['runs']} runs of each model TU and baseline, and of "
             f"{a['whole_runs']} of the whole zoo, after a check compile of each. The runs go in rounds (every "
             "TU once per round, beside its baseline), so that a change of load falls on both. *s*: the median "
             "of the TU's CPU time minus its baseline's, round by round; *MB*: the TU's median peak memory minus "
             "its baseline's (MB = 10^6 bytes; CPU time has a resolution of 0.01 s, and on a "
             "shared machine differences of a few hundredths are noise). *layers*: the entries of "
             "`layers<Net>`, merges included.",
             ""]
    lines += ["### Largest", ""]
    for cxx in compilers:
        r = results["compilers"][cxx]
        costs = sorted(((cost(r, x["name"]), mean_above(r, x["name"]), x["name"]) for x in models
                        if cost(r, x["name"])), key=lambda p: (-p[0][0], -p[1]))
        if not costs:
            continue
        (cpu, _), _, name = costs[0]
        e = r["models"][name]["time"]["cpu_all"]
        ties = [n for c, _, n in costs[1:] if round(c[0], 2) == round(cpu, 2)]
        tie_text = (f"; tied at the 0.01 s resolution with {', '.join(ties)}, ahead of them on the mean of "
                    "the differences" if ties else "")
        runners = ", ".join(f"{n} {c[0]:.2f} s" for c, _, n in costs[1:4] if n not in ties)
        mem, mem_name = max((c[1], n) for c, _, n in costs)
        base = [b["time"]["cpu"] for b in r["baselines"].values() if "time" in b]
        lines.append(f"- **{cxx}**: the largest is **{name}** ({layers.get(name, '?')} layers), "
                     f"{cpu:.2f} s above its baseline (the TU's runs: {', '.join(f'{x:.2f}' for x in e)} s){tie_text}"
                     + (f"; then {runners}" if runners else "") + f". The most memory: {mem_name}, {mem:.0f} MB "
                     f"above. The baselines take {min(base):.2f} to {max(base):.2f} s.")
    lines += ["", "### The whole zoo in one TU", ""]
    for cxx in compilers:
        r = results["compilers"][cxx]
        w = r["whole"]
        if "time" not in w:
            lines.append(f"- **{cxx}**: **does not compile**: `{w['check'].get('error')}`.")
            continue
        t, b = w["time"], w["base_time"]
        cpu, mem = above(w["samples"], w["base_samples"])
        one_by_one = sum(cost(r, x["name"])[0] for x in models if cost(r, x["name"]))
        counted = len(models) - len(w.get("left_out", []))
        left_out = f" (left out, as their own TUs fail: {', '.join(w['left_out'])})" if w.get("left_out") else ""
        text = (f"- **{cxx}**: {t['cpu']:.2f} s and {mb(t['rss_kb']):.0f} MB; its baseline {b['cpu']:.2f} s and "
                f"{mb(b['rss_kb']):.0f} MB: counting the {counted} models{left_out} costs {cpu:.2f} s and "
                f"{mem:.0f} MB (one by one, in their own TUs: {one_by_one:.2f} s in all).")
        h = w.get("headroom")
        if h:
            text += (f" The most expensive constant evaluation of the zoo passes at `{h['flag']}{h['passes_at']}` "
                     f"and fails at {h['fails_at']:,}: {h['passes_at'] / h['default']:.1%} of the default "
                     f"{h['default']:,}.")
        lines.append(text)
    lb = results.get("layers_build")
    if lb:
        lines.append(f"- For comparison, `layers<Net>` of every model (the full pass, every entry with its "
                     f"name and receptive field, which the *layers* column needs) in one TU, compiled and linked "
                     f"with g++: {lb['cpu']:.2f} s and {mb(lb['rss_kb']):.0f} MB.")
    head = "| model | layers | " + " | ".join(f"{c} s | {c} MB" for c in compilers) + " | checked against |"
    rule = "|---|--:|" + "--:|--:|" * len(compilers) + "---|"
    rows = [f"| {x['name']} | {layers.get(x['name'], '—')} | " +
            " | ".join(cells(results["compilers"][c], x["name"]) for c in compilers) +
            f" | {checked_cell(x['name'], x['ref'])} |" for x in models]
    left_out = {n for c in compilers for n in results["compilers"][c]["whole"].get("left_out", [])}
    wrow = ["**whole zoo**", f"{sum(n for name, n in layers.items() if name not in left_out):,}" if layers else "—"]
    for c in compilers:
        w = results["compilers"][c]["whole"]
        if "time" in w:
            cpu, mem = above(w["samples"], w["base_samples"])
            wrow += [f"{cpu:.2f}", f"{mem:.0f}"]
        else:
            wrow += ["**fails**", "—"]
    lines += ["", "### Each model, TU minus baseline", "", head, rule, *rows,
              "| " + " | ".join(wrow) + " | every model above" + (" that compiles" if left_out else "") + " |",
              "", "### Limits and failures", "", limits_text(results), END]
    return "\n".join(lines) + "\n"


def write_section(out, text):
    old = out.read_text() if out.exists() else ""
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + text + old[old.index(END) + len(END) + 1:]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(new)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=9, help="timed runs of each model TU and baseline")
    p.add_argument("--whole-runs", type=int, default=9, help="timed runs of the whole-zoo TU and its baseline")
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--models", help="comma-separated names: only these (a quick look)")
    p.add_argument("--bisect-precision", type=float, default=0.01)
    p.add_argument("--timeout", type=int, default=1800, help="seconds per compile")
    p.add_argument("--workdir", default=str(REPO / "build-bench" / "zoo"))
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"))
    p.add_argument("--report-only", action="store_true", help="rewrite the section from <workdir>/results.json")
    args = p.parse_args()
    workdir = pathlib.Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        results = json.loads((workdir / "results.json").read_text())
    else:
        for tool in (GNU_TIME, *args.compilers.split(",")):
            if not pathlib.Path(tool).exists() and not subprocess.run(["which", tool], capture_output=True).stdout:
                sys.exit(f"bench/zoo.py: {tool} is not installed (see bench/README.md)")
        results = measure(SimpleNamespace(**vars(args)), workdir)
    out = pathlib.Path(args.out)
    write_section(out, section(results))
    log(f"wrote {out} in {results['elapsed_minutes']:.1f} minutes")
    failed = [f"{cxx} {n}" for cxx, r in results["compilers"].items() for n, e in r["models"].items()
              if not e["check"]["ok"]]
    failed += [f"{cxx} whole zoo" for cxx, r in results["compilers"].items() if not r["whole"]["check"]["ok"]]
    if failed:
        sys.exit("bench/zoo.py: did not compile: " + ", ".join(failed))


if __name__ == "__main__":
    main()
