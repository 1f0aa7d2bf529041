#!/usr/bin/python3
"""netcount's compile-time benchmark: one command, from the repository root,

    bench/run.py            # the full measurement, writes docs/performance.md
    bench/run.py --quick    # a smoke test: N <= 1,000, one run each, writes build-bench/performance.md

generates the translation units (bench/generate.py), compiles each beside its same-includes
baseline with hyperfine (wall time) under /usr/bin/time -v (peak memory), on g++ and
clang++, times the PyTorch route to AlexNet's counts (bench/pytorch_alexnet.py), and writes
the report. A translation unit that fails under the compilers' default limits is compiled
again with the smallest limit flag that lets it through, found by bisection, and the report
says so. The raw numbers go to <workdir>/results.json; --report-only rewrites the report
from them.

Needs: g++, clang++, hyperfine, GNU time (/usr/bin/time) and, for the PyTorch row,
/usr/bin/python3 with python3-torch and python3-torchvision (Debian packages).
"""

import argparse
import datetime
import json
import os
import pathlib
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
import generate  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent
INCLUDE = REPO / "include"
PYTORCH_SCRIPT = REPO / "bench" / "pytorch_alexnet.py"
SYSTEM_PYTHON = "/usr/bin/python3"
GNU_TIME = "/usr/bin/time"
STD_FLAGS = ["-std=c++20", "-fsyntax-only"]
ENV = dict(os.environ, LC_ALL="C")  # plain quotes in diagnostics, stable byte counts

# Limits a big network may hit: what the diagnostic says, the flag that raises the limit,
# and its default when the diagnostic does not print it (clang's constexpr steps).
LIMITS = [
    (r"constexpr evaluation hit maximum step limit", "-fconstexpr-steps=", 1_048_576),
    (r"evaluation operation count exceeds limit of (\d+)", "-fconstexpr-ops-limit=", None),
    (r"constexpr loop iteration count exceeds limit of (\d+)", "-fconstexpr-loop-limit=", None),
    (r"template instantiation depth exceeds maximum of (\d+)", "-ftemplate-depth=", None),
    (r"recursive template instantiation exceeded maximum depth of (\d+)", "-ftemplate-depth=", None),
    (r"evaluation depth exceeds maximum of (\d+)", "-fconstexpr-depth=", None),
    (r"exceeded maximum depth of (\d+) calls", "-fconstexpr-depth=", None),
    (r"nesting (?:limit|level exceeded maximum) of (\d+)", "-fbracket-depth=", None),
]


def log(*parts):
    print(f"[{time.strftime('%H:%M:%S')}]", *parts, flush=True)


def first_line(text, pattern=r"error"):
    for line in text.splitlines():
        if re.search(pattern, line):
            return line.strip()[:300]
    return text.strip().splitlines()[0][:300] if text.strip() else ""


# ---------------------------------------------------------------------------------------
# Compiling once, finding flags, measuring.

def compile_command(cxx, source, flags=()):
    return [cxx, *STD_FLAGS, "-I", str(INCLUDE), *flags, str(source)]


def probe_flags(cxx):
    """Stop at the first error while looking for limits: a failing 100,000-layer compile
    otherwise goes on for minutes. Never used for the timed compiles."""
    return ["-ferror-limit=1"] if "clang" in cxx else ["-fmax-errors=1"]


def compile_once(cxx, source, flags, timeout):
    """(ok, compiler output, seconds)."""
    start = time.monotonic()
    try:
        done = subprocess.run(compile_command(cxx, source, flags), env=ENV, capture_output=True,
                              text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"error: timed out after {timeout} s", timeout
    return done.returncode == 0, done.stdout + done.stderr, time.monotonic() - start


def limit_hit(output):
    """(pattern, flag, default value) of the first limit the output reports, or None."""
    for pattern, flag, default in LIMITS:
        m = re.search(pattern, output)
        if m:
            return pattern, flag, int(m.group(1)) if m.groups() else default
    return None


def find_flags(cxx, source, args):
    """Compiles source under default limits; raises each limit it hits to the smallest value
    that passes: doubling from the default, then bisection to within args.bisect_precision.
    Bisection assumes that a limit that passes never fails when raised; to test that, two
    values below the default are tried as well. Returns what happened: flags, whether it
    compiled, the diagnostics seen, every value tried and the compiles spent."""
    record = {"flags": [], "ok": False, "default_error": None, "error": None, "bisections": [], "compiles": 0}
    flags = []
    for _ in range(len(LIMITS)):
        ok, output, seconds = compile_once(cxx, source, probe_flags(cxx) + flags, args.timeout)
        record["compiles"] += 1
        if ok:
            record.update(flags=flags, ok=True)
            return record
        hit = limit_hit(output)
        if record["default_error"] is None:
            record["default_error"] = first_line(output, hit[0] if hit else r"error")
        if not hit or any(f.startswith(hit[1]) for f in flags):
            record["error"] = first_line(output)
            return record
        _, flag, default = hit
        log(f"  {cxx} {source.name}: hits {flag}{default} ({seconds:.1f} s); bisecting")
        tried = {default: False}

        def passes(value):
            ok, out, _ = compile_once(cxx, source, probe_flags(cxx) + flags + [f"{flag}{value}"], args.timeout)
            record["compiles"] += 1
            again = limit_hit(out)
            verdict = ok or not (again and again[1] == flag)  # past this limit, maybe at another
            tried[value] = verdict
            log(f"    {flag}{value}: {'passes' if verdict else 'fails'}")
            return verdict

        low, high = default, default * 2
        while not passes(high):
            low, high = high, high * 2
            if high > 1 << 42:
                record["error"] = f"still over the limit at {flag}{high}"
                return record
        while high - low > max(1, int(low * args.bisect_precision)):
            mid = (low + high) // 2
            if passes(mid):
                high = mid
            else:
                low = mid
        for value in (default // 16, default // 4):
            passes(value)
        record["bisections"].append({"flag": flag, "default": default, "fails_at": low, "passes_at": high,
                                     "tried": sorted(tried.items())})
        flags = flags + [f"{flag}{high}"]
    record["error"] = "too many limits"
    return record


def hyperfine(commands, runs, warmup, workdir, tag):
    """commands: [(label, argv)]. Each runs under /usr/bin/time -v, so one hyperfine call gives
    wall times and peak memory. Returns {label: {median, mean, stddev, min, max, rss_kb}}."""
    export = workdir / "raw" / f"{tag}.json"
    export.parent.mkdir(parents=True, exist_ok=True)
    argv = ["hyperfine", "--shell=none", "--style=basic", f"--runs={runs}", f"--warmup={warmup}",
            f"--export-json={export}"]
    rss_files = {}
    for i, (label, command) in enumerate(commands):
        rss = workdir / "raw" / f"{tag}.{i}.time"
        rss.unlink(missing_ok=True)
        rss_files[label] = rss
        argv += ["-n", label, shlex.join([GNU_TIME, "-v", "-a", "-o", str(rss), *command])]
    done = subprocess.run(argv, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"hyperfine failed ({tag}):\n{done.stdout}\n{done.stderr}")
    results = {}
    for r in json.loads(export.read_text())["results"]:
        kb = [int(m) for m in re.findall(r"Maximum resident set size \(kbytes\): (\d+)",
                                         rss_files[r["command"]].read_text())]
        kb = kb[warmup:] or kb  # hyperfine warms up each command before its runs
        results[r["command"]] = {"median": r["median"], "mean": r["mean"], "stddev": r["stddev"],
                                 "min": r["min"], "max": r["max"], "runs": len(r["times"]),
                                 "rss_kb": statistics.median(kb)}
    return results


def runs_for(layers, args):
    if args.quick:
        return 1, 0
    if layers >= 100_000:
        return args.runs_large, 0  # the check compile before it has warmed the caches
    return args.runs, args.warmup


# ---------------------------------------------------------------------------------------
# The parts of the benchmark.

def machine():
    def out(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, env=ENV).stdout.strip()
        except OSError:
            return "not available"

    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text()
    meminfo = pathlib.Path("/proc/meminfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    mem = re.search(r"MemTotal:\s*(\d+) kB", meminfo)
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": out(["nproc"]),
        "model": model.group(1) if model else "unknown",
        "memory_gib": round(int(mem.group(1)) / 2**20, 1) if mem else None,
        "kernel": out(["uname", "-r"]),
        "g++": out(["g++", "--version"]).splitlines()[0],
        "clang++": out(["clang++", "--version"]).splitlines()[0],
        "hyperfine": out(["hyperfine", "--version"]),
        "python": out([SYSTEM_PYTHON, "-c", "import sys, torch, torchvision; "
                       "print(sys.version.split()[0], 'torch', torch.__version__, 'torchvision', torchvision.__version__)"]),
        "load_before": pathlib.Path("/proc/loadavg").read_text().split()[:3],
    }


def bench_case(cxx, case, args, workdir):
    tu = case.files["tu"]
    log(f"{cxx} {case.name}: checking it compiles")
    check = find_flags(cxx, tu, args)
    entry = {"name": case.name, "family": case.family, "layers": case.layers, "title": case.title,
             "check": check}
    if not check["ok"]:
        log(f"  FAILED: {check['error']}")
        return entry
    runs, warmup = runs_for(case.layers, args)
    commands = [("baseline", compile_command(cxx, case.files["base"], check["flags"]))]
    if "type" in case.files:
        commands.append(("type only", compile_command(cxx, case.files["type"], check["flags"])))
    commands.append(("TU", compile_command(cxx, tu, check["flags"])))
    entry["times"] = hyperfine(commands, runs, warmup, workdir, f"{cxx}.{case.name}")
    entry["runs"], entry["warmup"] = runs, warmup
    t = entry["times"]
    log(f"  baseline {t['baseline']['median']:.3f} s, TU {t['TU']['median']:.3f} s, "
        f"{t['TU']['rss_kb'] / 1000:.0f} MB")
    return entry


def instructions(cxx, source, flags):
    """Instructions the compiler executes for one compile (valgrind's callgrind, children
    traced): unlike wall time, the same on every run, so small differences can be compared."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                               f"--callgrind-out-file={tmp}/cg.%p", *compile_command(cxx, source, flags)],
                              env=ENV, capture_output=True, text=True, errors="replace")
        counts = [int(m.replace(",", "")) for m in re.findall(r"Collected : ([\d,]+)", done.stderr)]
    return sum(counts) if done.returncode == 0 and counts else None


def bench_instructions(cxx, cases, results):
    """The growth from 1,000 to 10,000 layers in instructions: at 1,000 layers the cost of
    counting is a few hundredths of a second, within the noise of a wall-time median."""
    out = {}
    for case in cases:
        if case.family not in ("chain", "branching") or case.layers not in (1_000, 10_000):
            continue
        entry = find(results, cxx, case.name)
        if not entry or not entry["check"]["ok"]:
            continue
        log(f"{cxx} {case.name}: instructions (callgrind)")
        out[case.name] = {"baseline": instructions(cxx, case.files["base"], entry["check"]["flags"]),
                          "TU": instructions(cxx, case.files["tu"], entry["check"]["flags"])}
    return out


def bench_include(cxx, files, args, workdir):
    runs, warmup = runs_for(0, args)
    log(f"{cxx}: include cost")
    return hyperfine([("<array>", compile_command(cxx, files["array"])),
                      ("<netcount/netcount.hpp>", compile_command(cxx, files["netcount"]))],
                     runs, warmup, workdir, f"{cxx}.include")


def bench_diagnostic(cxx, files, middle, args):
    log(f"{cxx}: diagnostics")
    result = {"index": middle}
    for kind, source in files.items():
        start = time.monotonic()
        done = subprocess.run(compile_command(cxx, source), env=ENV, capture_output=True, timeout=args.timeout)
        output = done.stdout + done.stderr
        result[kind] = {"bytes": len(output), "rejected": done.returncode != 0,
                        "seconds": time.monotonic() - start,
                        "says_why": b"input channels are not divisible by groups" in output,
                        "errors": output.count(b"error:")}
    return result


def bench_pytorch(args, workdir):
    log("PyTorch route")
    done = subprocess.run([SYSTEM_PYTHON, str(PYTORCH_SCRIPT)], capture_output=True, text=True, env=ENV)
    if done.returncode != 0:
        return {"error": first_line(done.stderr, r"Error|error")}
    runs, warmup = runs_for(0, args)
    times = hyperfine([("PyTorch hooks on torchvision's AlexNet", [SYSTEM_PYTHON, str(PYTORCH_SCRIPT)]),
                       ("import torch, torchvision only", [SYSTEM_PYTHON, "-c", "import torch, torchvision"])],
                      runs, warmup, workdir, "pytorch")
    reference = generate.reference_totals("torchvision_alexnet")
    expected = f"weights {reference['weights']} biases {reference['biases']} macs {reference['connections']}"
    return {"output": done.stdout.strip(), "matches_reference": done.stdout.strip() == expected, "times": times}


# ---------------------------------------------------------------------------------------
# The report.

def s(x):
    return f"{x:.3f}"


def mb(kb):
    return f"{kb * 1024 / 1e6:.0f}"


def difference(entry):
    t = entry.get("times")
    return t["TU"]["median"] - t["baseline"]["median"] if t else None


def flags_text(entry):
    check = entry["check"]
    if not check["ok"]:
        return f"**does not compile**: `{check['error']}`".replace("|", "\\|")
    if not check["flags"]:
        return "defaults"
    return " ".join(f"`{f}`" for f in check["flags"]) + " (fails with defaults)"


def compiler_table(results, cxx):
    rows = ["| network | layers | baseline (s) | type only (s) | TU (s) | TU − baseline (s) | "
            "TU − type only (s) | marginal (µs/layer) | ×10 layers | peak RSS, TU / type only / baseline (MB) | "
            "runs | limits |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
    entries = results["compilers"][cxx]["cases"]
    previous = {}
    for e in entries:
        if "times" not in e:
            rows.append(f"| {e['family']} | {e['layers']:,} | | | | | | | | | | {flags_text(e)} |")
            continue
        t = e["times"]
        d = difference(e)
        before = previous.get(e["family"]) if e["family"] != "zoo" else None
        if before and before["layers"] * 10 == e["layers"]:
            marginal = (d - difference(before)) / (e["layers"] - before["layers"]) * 1e6
            marginal_text = f"{marginal:.1f}"
            growth_text = f"{d / difference(before):.1f}" if difference(before) > 0 else "—"
        else:
            marginal_text, growth_text = f"{d / e['layers'] * 1e6:.1f}", ""
        previous[e["family"]] = e
        has_type = "type only" in t
        type_only = s(t["type only"]["median"]) if has_type else "—"
        counting = s(t["TU"]["median"] - t["type only"]["median"]) if has_type else "—"
        type_rss = mb(t["type only"]["rss_kb"]) + " / " if has_type else ""
        name = e["family"] if e["family"] != "zoo" else e["title"]
        runs = f"{e['runs']}" + (f"+{e['warmup']}w" if e["warmup"] else "")
        rows.append(f"| {name} | {e['layers']:,} | {s(t['baseline']['median'])} | {type_only} | "
                    f"{s(t['TU']['median'])} | {s(d)} | {counting} | {marginal_text} | {growth_text} | "
                    f"{mb(t['TU']['rss_kb'])} / {type_rss}{mb(t['baseline']['rss_kb'])} | {runs} | {flags_text(e)} |")
    return "\n".join(rows)


def find(results, cxx, name):
    return next((e for e in results["compilers"][cxx]["cases"] if e["name"] == name), None)


def growth(results, cxx, family, small=1_000, large=10_000):
    a, b = find(results, cxx, f"{family}_{small}"), find(results, cxx, f"{family}_{large}")
    if not a or not b or "times" not in a or "times" not in b:
        return None
    return difference(b) / difference(a) if difference(a) > 0 else float("inf")


def instruction_growth(results, cxx, family, small=1_000, large=10_000):
    counts = results["compilers"][cxx].get("instructions", {})
    a, b = counts.get(f"{family}_{small}"), counts.get(f"{family}_{large}")
    if not a or not b or None in (a["TU"], a["baseline"], b["TU"], b["baseline"]):
        return None
    return (b["TU"] - b["baseline"]) / (a["TU"] - a["baseline"])


def verdict(ok):
    return "n/a (not measured)" if ok is None else "**met**" if ok else "**not met**"


def targets(results):
    compilers = list(results["compilers"])
    lines = []
    py = results.get("pytorch", {}).get("times", {}).get("PyTorch hooks on torchvision's AlexNet")

    # AlexNet
    for cxx in compilers:
        a = find(results, cxx, "alexnet")
        if not a or "times" not in a:
            lines.append(f"| AlexNet TU ≤ 1.3 × baseline, {cxx} | {verdict(None)} | |")
            continue
        t = a["times"]
        ratio = t["TU"]["median"] / t["baseline"]["median"]
        lines.append(f"| AlexNet TU ≤ 1.3 × its baseline, {cxx} | {verdict(ratio <= 1.3)} | "
                     f"{s(t['TU']['median'])} s / {s(t['baseline']['median'])} s = {ratio:.2f} × |")
        if py:
            speed = py["median"] / t["TU"]["median"]
            memory = py["rss_kb"] / t["TU"]["rss_kb"]
            lines.append(f"| AlexNet ≥ 5 × faster than PyTorch, {cxx} | {verdict(speed >= 5)} | "
                         f"{s(py['median'])} s / {s(t['TU']['median'])} s = {speed:.1f} × |")
            lines.append(f"| AlexNet ≥ 5 × less peak memory than PyTorch, {cxx} | {verdict(memory >= 5)} | "
                         f"{mb(py['rss_kb'])} MB / {mb(t['TU']['rss_kb'])} MB = {memory:.1f} × |")
        else:
            lines.append(f"| AlexNet ≥ 5 × faster and smaller than PyTorch, {cxx} | {verdict(None)} | |")

    # The 10,000-layer chain
    budgets = {"g++": 1.0, "clang++": 1.5}
    for cxx in compilers:
        e = find(results, cxx, "chain_10000")
        if not e:
            lines.append(f"| 10,000-layer chain, {cxx} | {verdict(None)} | |")
            continue
        defaults = e["check"]["ok"] and not e["check"]["flags"]
        lines.append(f"| 10,000-layer chain compiles with default limits, {cxx} | {verdict(defaults)} | "
                     f"{flags_text(e)} |")
        if "times" in e:
            d, budget = difference(e), budgets.get(cxx, 1.0)
            rss = e["times"]["TU"]["rss_kb"] * 1024 / 1e6
            lines.append(f"| 10,000-layer chain ≤ {budget} s above baseline, {cxx} | {verdict(d <= budget)} | {s(d)} s |")
            lines.append(f"| 10,000-layer chain ≤ 250 MB peak, {cxx} | {verdict(rss <= 250)} | {rss:.0f} MB |")

    # Growth: judged on instructions where they were counted, which do not drift between runs;
    # the wall-time ratio is shown beside them.
    for cxx in compilers:
        for family in ("chain", "branching"):
            g, gi = growth(results, cxx, family), instruction_growth(results, cxx, family)
            parts = []
            if gi is not None:
                parts.append(f"instructions: (I(10k) − base) / (I(1k) − base) = {gi:.1f}")
            if g is not None:
                parts.append(f"wall time: (t(10k) − base) / (t(1k) − base) = {g:.1f}")
            judged = gi if gi is not None else g
            lines.append(f"| linear growth, {family}, {cxx}: ≤ 12 | {verdict(None if judged is None else judged <= 12)} | "
                         f"{'; '.join(parts)} |")

    # 100,000 layers
    for cxx in compilers:
        for family in ("chain", "branching"):
            e = find(results, cxx, f"{family}_100000")
            if not e:
                lines.append(f"| 100,000 layers ({family}), {cxx} | {verdict(None)} | |")
                continue
            if cxx == "g++":
                ok = e["check"]["ok"] and not e["check"]["flags"]
                lines.append(f"| 100,000 layers ({family}) compile on g++ with default flags | {verdict(ok)} | {flags_text(e)} |")
            else:
                lines.append(f"| 100,000 layers ({family}) on {cxx}: what it needs | "
                             f"{'compiles' if e['check']['ok'] else '**does not compile**'} | {flags_text(e)} |")

    # Include cost
    for cxx in compilers:
        inc = results["compilers"][cxx].get("include")
        if not inc:
            continue
        ratio = inc["<netcount/netcount.hpp>"]["median"] / inc["<array>"]["median"]
        lines.append(f"| including netcount ≤ 1.5 × including `<array>`, {cxx} | {verdict(ratio <= 1.5)} | "
                     f"{s(inc['<netcount/netcount.hpp>']['median'])} s / {s(inc['<array>']['median'])} s = {ratio:.2f} × |")

    # Diagnostics
    for cxx in compilers:
        diag = results["compilers"][cxx].get("diagnostic")
        if not diag:
            continue
        named = diag["struct"]
        ok = named["rejected"] and named["says_why"] and named["bytes"] < 20_000
        lines.append(f"| diagnostic < 20 KB for a 10,000-layer network (named struct), {cxx} | {verdict(ok)} | "
                     f"{named['bytes']:,} bytes |")
    return "| target | verdict | numbers |\n|---|---|---|\n" + "\n".join(lines)


def instructions_table(results):
    rows = []
    for cxx, r in results["compilers"].items():
        for name, c in r.get("instructions", {}).items():
            if None in (c["baseline"], c["TU"]):
                continue
            rows.append(f"| {cxx} | {name.replace('_', ', ')} | {c['baseline']:,} | {c['TU']:,} | {c['TU'] - c['baseline']:,} |")
    if not rows:
        return "Not measured (valgrind missing, or a quick run)."
    return ("Instructions the compiler executes (callgrind), TU beside its same-includes baseline.\n\n"
            "| compiler | network, layers | baseline | TU | TU − baseline |\n|---|---|--:|--:|--:|\n" + "\n".join(rows))


def include_table(results):
    rows = ["| compiler | `#include <array>` (s) | `#include <netcount/netcount.hpp>` (s) | ratio | "
            "peak RSS, array / netcount (MB) |", "|---|--:|--:|--:|--:|"]
    for cxx, r in results["compilers"].items():
        inc = r.get("include")
        if inc:
            a, n = inc["<array>"], inc["<netcount/netcount.hpp>"]
            rows.append(f"| {cxx} | {s(a['median'])} | {s(n['median'])} | {n['median'] / a['median']:.2f} | "
                        f"{mb(a['rss_kb'])} / {mb(n['rss_kb'])} |")
    return "\n".join(rows)


def diagnostic_table(results):
    rows = ["| compiler | named struct (bytes) | `using` alias (bytes) | rejected, with the reason | "
            "errors (struct / alias) |", "|---|--:|--:|---|--:|"]
    for cxx, r in results["compilers"].items():
        d = r.get("diagnostic")
        if d:
            ok = all(d[k]["rejected"] and d[k]["says_why"] for k in ("struct", "alias"))
            rows.append(f"| {cxx} | {d['struct']['bytes']:,} | {d['alias']['bytes']:,} | {'yes' if ok else '**no**'} | "
                        f"{d['struct']['errors']} / {d['alias']['errors']} |")
    return "\n".join(rows)


def pytorch_table(results):
    py = results.get("pytorch", {})
    if "times" not in py:
        return f"Not measured: {py.get('error', 'skipped')}."
    rows = ["| route | wall time, median (s) | peak RSS (MB) |", "|---|--:|--:|"]
    for label, t in py["times"].items():
        rows.append(f"| {label} (`{SYSTEM_PYTHON}`) | {s(t['median'])} | {mb(t['rss_kb'])} |")
    for cxx in results["compilers"]:
        for name in ("alexnet", "alexnet_torchvision"):
            e = find(results, cxx, name)
            if e and "times" in e:
                t = e["times"]
                rows.append(f"| netcount, `{e['title']}`, {cxx}: TU (its baseline) | {s(t['TU']['median'])} "
                            f"({s(t['baseline']['median'])}) | {mb(t['TU']['rss_kb'])} ({mb(t['baseline']['rss_kb'])}) |")
    agrees = "as" if py.get("matches_reference") else "**not** as"
    return "\n".join(rows) + (f"\n\nThe script printed `{py['output']}`, {agrees} "
                              "`tests/reference/torchvision-zoo.json` and netcount count torchvision's AlexNet.")


def bisections_text(results):
    lines = []
    for cxx, r in results["compilers"].items():
        for e in r["cases"]:
            c = e["check"]
            if c["default_error"]:
                lines.append(f"- {cxx}, {e['title']}: with default limits, `{c['default_error']}`.")
                for b in c["bisections"]:
                    lines.append(f"  Bisection of `{b['flag']}` (default {b['default']:,}): fails at {b['fails_at']:,}, "
                                 f"passes at {b['passes_at']:,} ({b['passes_at'] / b['default']:.2f} × the default).")
                    tried = ", ".join(f"{v:,} {'passes' if ok else 'fails'}" for v, ok in b["tried"])
                    lines.append(f"  Every value tried: {tried}.")
                    below = [v for v, ok in b["tried"] if ok and v < b["fails_at"]]
                    if below:
                        lines.append(f"  **Not monotonic**: it also passes at {', '.join(f'{v:,}' for v in below)}, below a "
                                     "failing value, so the value found is a boundary between a failing and a passing "
                                     "limit, not necessarily the smallest that passes.")
                if not c["ok"]:
                    lines.append(f"  Still fails: `{c['error']}`.")
    return "\n".join(lines) if lines else "Every translation unit compiled with the compilers' default limits."


# The sections other scripts write into the report, between their markers.
KEPT_SECTIONS = ("bench/search.py", "bench/zoo.py", "bench/compare.py", "bench/import.py")


def kept_sections(out):
    """The sections bench/search.py, bench/zoo.py, bench/compare.py and bench/import.py wrote into the report, kept (in the order
    they appear) when the report is rewritten."""
    text = out.read_text() if out.exists() else ""
    found = []
    for script in KEPT_SECTIONS:
        begin, end = f"<!-- {script}: begin -->", f"<!-- {script}: end -->"
        if begin in text and end in text:
            found.append((text.index(begin), text[text.index(begin):text.index(end) + len(end)]))
    return "".join(f"\n{section}\n" for _, section in sorted(found))


def report(results):
    m, a = results["machine"], results["settings"]
    smoke = a["quick"]
    banner = ("> **SMOKE RUN, NOT A MEASUREMENT.** `bench/run.py --quick`: one run each, no warmup, "
              "networks of at most 1,000 layers, on a machine shared with other work. The numbers only show "
              "that the pipeline works.\n\n" if smoke else "")
    sizes = ", ".join(f"{n:,}" for n in a["sizes"])
    runs_text = ("one run, no warmup (smoke run)" if smoke else
                 f"the median of {a['runs']} runs after {a['warmup']} warmup run(s); at 100,000 layers "
                 f"{a['runs_large']} runs and no warmup (the check compile just before warms the caches)")
    return f"""# Compile-time performance

{banner}Generated by `bench/run.py` on {m['date']} (finished {results['finished']}, {results['elapsed_minutes']:.1f} minutes).
Do not edit: run `bench/run.py` again. Raw numbers: `{a['workdir']}/results.json`.

## Machine

- {m['nproc']} processors, {m['model']}; {m['memory_gib']} GiB of memory; Linux {m['kernel']}
- {m['g++']}; {m['clang++']}; {m['hyperfine']}
- Python {m['python']}
- load average (1, 5, 15 min) at the start: {' '.join(m['load_before'])}; at the end: {' '.join(results['load_after'])}

## How it was measured

- **What is compiled.** `bench/generate.py` writes, for each network, three translation units:
  the *TU*, which `static_assert`s the network's totals (`units`, `weights`, `biases`,
  `parameters`, `connections`, `connections_with_bias`, `activations` and `output_shape`);
  *type only*, which declares the same `struct bench_net : netcount::network<...> {{}};` and
  counts nothing (the cost of reading the type); and the *baseline*, the same `#include`s and
  no network. The expected totals come from the generator's own arithmetic (a Python model of
  every layer), so every run also checks netcount. For the zoo networks the baseline includes
  the zoo header, which defines the network; the TU adds only the counting.
- **Networks.** *chain*: a cycle of 12 layers (conv 3 × 3 same, batch norm, relu, a pool slot,
  conv 1 × 1 to 32 channels, relu, grouped conv 3 × 3, tanh, grouped conv 5 × 5, relu, avg pool
  3 × 3 stride 1, dropout) on a 32 × 32 × 16 input, whose pool slot halves the map three times
  spread over the depth (`max_pool<kernel<2>>`) and otherwise keeps it, then `fc<64>`, relu,
  `fc<10>`. *branching*: a cycle of blocks (a residual of two convs with batch norms, then a
  relu; a concat of two conv towers; an add of identity, a conv and a pool-conv path; a residual
  around a concat), the same occasional halving pool, relus to fill, `fc<10>`. The number of
  layers is the number of entries of `layers<Net>`, merges included: N = {sizes}.
  Zoo: `netcount::zoo::alexnet` (the 2012 paper's), `zoo::alexnet_torchvision` (the network
  the PyTorch route counts) and `zoo::resnet152`.
- **Compiler command.** `<compiler> {' '.join(STD_FLAGS)} -I include <file>.cpp`, the compilers'
  default limits; `LC_ALL=C`. `-fsyntax-only` does all the constant evaluation, which is all the
  work netcount asks of a compiler, and no code generation. A TU that fails under the default
  limits is compiled again with the smallest limit flag that passes, found by bisection to
  within {a['bisect_precision']:.0%} (doubling from the default, then halving the interval; these
  probe compiles stop at the first error). Bisection assumes that raising a limit never turns a
  pass into a failure; 1/16 and 1/4 of the default are tried as well to test that. The
  baseline and type-only TUs get the same flags.
- **Wall time.** hyperfine (`--shell=none`), each TU beside its baseline (and type only) in one
  hyperfine call; {runs_text}. Before it is timed every TU is compiled once, to check that it
  passes.
- **Peak memory.** Every timed run goes through `/usr/bin/time -v`; the table shows the median
  "Maximum resident set size" of the timed runs, in MB (10^6 bytes).
- **Instructions.** For the growth from 1,000 to 10,000 layers, the TU and its baseline also
  run under valgrind's callgrind, which counts the instructions the compiler executes: the
  same on every run. At 1,000 layers counting costs a few hundredths of a second, within the
  noise of a wall-time median, so the growth target is judged on these counts.
- **Columns.** *marginal*: the cost of one more layer, the slope of TU − baseline between this N
  and the one ten times smaller (for the smallest N, TU − baseline over N). *×10 layers*:
  (TU − baseline) at N over the same at N / 10; linear growth gives 10.

## Targets of issue 5

{targets(results)}

## g++

{compiler_table(results, 'g++') if 'g++' in results['compilers'] else 'Not measured.'}

## clang++

{compiler_table(results, 'clang++') if 'clang++' in results['compilers'] else 'Not measured.'}

## Instructions

{instructions_table(results)}

## Limits

{bisections_text(results)}

## Include cost

A TU holding only the include, on each compiler.

{include_table(results)}

## Diagnostics

A {10_000:,}-layer chain whose entry {next(iter(results['compilers'].values())).get('diagnostic', {}).get('index', '?')} is a conv with `groups<3>` on 16 channels,
and `static_assert(nc::weights<bench_net> > 0)`: the bytes the compiler prints (stdout and
stderr, `LC_ALL=C`, default diagnostic options), with the network once a named struct
(`struct bench_net : nc::network<...> {{}};`) and once a `using` alias of `nc::network<...>`.

{diagnostic_table(results)}

## PyTorch

What a user would do without netcount: `bench/pytorch_alexnet.py` builds torchvision's AlexNet,
hooks every `Conv2d` and `Linear`, runs one 224 × 224 image and sums weights and
multiply-accumulates. Same hyperfine and `/usr/bin/time -v` settings as above; beside it, the
netcount translation units of the zoo's AlexNets.

{pytorch_table(results)}
"""


# ---------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: N = 10, 100, 1,000, one run, no warmup; report in the workdir")
    parser.add_argument("--sizes", help="comma-separated N (default 10,100,1000,10000,100000)")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--runs-large", type=int, default=3, help="runs at 100,000 layers and more")
    parser.add_argument("--bisect-precision", type=float, default=0.01)
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per compile")
    parser.add_argument("--workdir", default=str(REPO / "build-bench"))
    parser.add_argument("--out", help="the report (default docs/performance.md; with --quick, <workdir>/performance.md)")
    parser.add_argument("--no-pytorch", action="store_true")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from <workdir>/results.json")
    args = parser.parse_args()

    workdir = pathlib.Path(args.workdir).resolve()
    results_file = workdir / "results.json"
    if args.report_only:
        results = json.loads(results_file.read_text())
        args.quick = results["settings"]["quick"]
    # A smoke run never overwrites docs/performance.md unless told to.
    out = pathlib.Path(args.out) if args.out else (workdir / "performance.md" if args.quick else REPO / "docs" / "performance.md")
    if args.report_only:
        out.write_text(report(results) + kept_sections(out))
        log(f"wrote {out}")
        return

    for tool in ("hyperfine", GNU_TIME, *args.compilers.split(",")):
        if not shutil.which(tool):
            sys.exit(f"bench/run.py: {tool} is not installed (see bench/README.md)")
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else \
        [10, 100, 1_000] if args.quick else [10, 100, 1_000, 10_000, 100_000]

    started = time.monotonic()
    results = {"machine": machine(), "compilers": {},
               "settings": {"quick": args.quick, "sizes": sizes, "runs": 1 if args.quick else args.runs,
                            "warmup": 0 if args.quick else args.warmup,
                            "runs_large": 1 if args.quick else args.runs_large,
                            "bisect_precision": args.bisect_precision,
                            "workdir": str(workdir.relative_to(REPO)) if workdir.is_relative_to(REPO) else str(workdir)}}
    log("generating translation units in", workdir)
    made = generate.generate(workdir / "src", sizes)
    cases = sorted(made["synthetic"], key=lambda c: (c.family != "chain", c.layers)) + made["zoo"]
    diag_files, diag_index = made["diagnostic"]

    for cxx in args.compilers.split(","):
        r = results["compilers"][cxx] = {"cases": []}
        r["include"] = bench_include(cxx, made["include"], args, workdir)
        for case in cases:
            r["cases"].append(bench_case(cxx, case, args, workdir))
        r["diagnostic"] = bench_diagnostic(cxx, diag_files, diag_index, args)
        if not args.quick and shutil.which("valgrind"):
            r["instructions"] = bench_instructions(cxx, cases, results)
        results_file.write_text(json.dumps(results, indent=1))
    if not args.no_pytorch:
        results["pytorch"] = bench_pytorch(args, workdir)

    results["load_after"] = pathlib.Path("/proc/loadavg").read_text().split()[:3]
    results["finished"] = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    results["elapsed_minutes"] = (time.monotonic() - started) / 60
    results_file.write_text(json.dumps(results, indent=1))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report(results) + kept_sections(out))
    log(f"wrote {out} and {results_file} in {results['elapsed_minutes']:.1f} minutes")
    failed = [f"{cxx} {e['name']}" for cxx, r in results["compilers"].items() for e in r["cases"] if not e["check"]["ok"]]
    if failed:
        sys.exit("bench/run.py: did not compile: " + ", ".join(failed))


if __name__ == "__main__":
    main()
