"""netcount-import against the crosscheck's random networks (tools/crosscheck/random_nets.py):
each network's torch module imported through --torch (torch.fx) and through ONNX
(torch.onnx.export at opset 17, from train mode with TrainingMode.PRESERVE), in this process
through the importer's own entry point (netcount_import.main.run, the command line's code).
For each network and route, one of two outcomes is allowed:
  - a header, whose totals (every field), output shapes and peak activations must equal those
    of the generator's netcount type (which the crosscheck test proves against torch), compiled
    with static_asserts;
  - a rejection: the importer's error (one line naming the node and its op), and no file.
A traceback (any other exception), a header left behind by a rejection, or a header that does
not compile or disagrees fails the test. The random networks draw constructs no model
exporter writes (the crosscheck's own torch modules for netcount's user kinds, merges written
with indexing), so many are rejected: the summary counts both outcomes and the reasons.

    check_random.py --workdir DIR [--seed 7] [--networks 60] [--routes torch,onnx17]
                    [--min-imported 10] [--jobs 2] -- <compiler> <flags...>

Exits 77 (CTest's skip) when torch, torchvision or onnx do not import, unless
NETCOUNT_REQUIRE_PYTHON_TESTS is set (CI). More networks: docs/import.md ("Checks").
"""

import argparse
import collections
import concurrent.futures
import contextlib
import io
import os
import re
import subprocess
import sys
import time
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CROSSCHECK = os.path.join(ROOT, "tools", "crosscheck")


def not_comparable(net, through_onnx, random_nets):
    """Why the imported header cannot equal the generator's type, or None. Through ONNX (the
    onnx routes, and --torch where torch.fx cannot trace the network) the exporter drops what no
    output reads, counts a weight per node that reads it, and writes InstanceNormalization with
    a scale and a shift, as docs/import.md says; the header then counts the model as exported.
    Through torch.fx, an auxiliary<> head is a module the forward runs, and the import counts it.
    Either way, the generator's n-ary merges are chains of binary operations in its torch module,
    and a concatenation of one tensor is left out by the import."""
    nodes = [n for e in net.elements for n in random_nets.walk(e)]
    kinds = {type(n).__name__ for n in nodes}
    merges = [(n.op, len(n.paths)) for n in nodes if hasattr(n, "op") and hasattr(n, "paths")]
    if any(op in ("add", "multiply") and count >= 3 for op, count in merges):
        return ("an add<> or multiply<> of three or more paths: the torch module computes a + b + c, two "
                "operations and two tensors, which the import writes as two merges")
    if ("concat", 1) in merges:
        return ("a concat<> of one path: the import leaves a concatenation of one tensor out "
                "(docs/import.md), netcount's concat<x> is an entry")
    if "Auxiliary" in kinds and not through_onnx:
        return ("an auxiliary<> head, which the generator's torch module runs (the import counts it, "
                "netcount's totals leave heads out)")
    if not through_onnx:
        return None
    if kinds & {"Auxiliary", "From", "OutputsNode", "Rois"}:
        return "through ONNX: the export drops computations no output reads (auxiliary<>, from<>, outputs<>)"
    if "SharedUse" in kinds:
        return "through ONNX: a shared weight counts once per node that reads it"
    if "instance_norm<>" in net.cpp():
        return "through ONNX: InstanceNormalization always has a scale and a shift"
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--networks", type=int, default=60)
    p.add_argument("--routes", default="torch,onnx17")
    p.add_argument("--min-imported", type=int, default=0,
                   help="fail if a route imports fewer networks than this (a floor against regressions)")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("compile", nargs=argparse.REMAINDER)
    args = p.parse_args()
    compile_cmd = args.compile[1:] if args.compile[:1] == ["--"] else args.compile
    try:
        import onnx  # noqa: F401
        import torch
        import torchvision  # noqa: F401
    except ImportError as e:
        print(f"check_random: skipped: {e} (Debian: python3-torchvision python3-onnx)")
        # CI installs them (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    sys.path[:0] = [CROSSCHECK, os.path.join(ROOT, "tools")]
    warnings.filterwarnings("ignore")
    import random_nets
    from netcount_import.graph import ImportError_
    from netcount_import.main import run

    os.makedirs(args.workdir, exist_ok=True)
    started = time.time()
    # One input each: netcount-import reads models of one input (its error otherwise), so the
    # crosscheck's networks of several inputs are not drawn here.
    nets = random_nets.generate(args.seed, args.networks, several_inputs=False)
    # The factories --torch names: random_factories:net_<i>, each returning its network's module.
    factories = types.ModuleType("random_factories")
    sys.modules["random_factories"] = factories
    routes = args.routes.split(",")
    imported = {r: [] for r in routes}
    uncompared = {r: collections.Counter() for r in routes}
    reasons = {r: collections.Counter() for r in routes}
    failures = []
    for net in nets:
        module, _ = net.build()
        setattr(factories, net.id, lambda module=module: module)
        h, w, c = net.in_shape
        for route in routes:
            header = os.path.join(args.workdir, f"{net.id}_{route}.hpp")
            if os.path.exists(header):
                os.remove(header)
            argv = ["--name", f"{net.id}_{route}", "--namespace", "imported", "--input", f"{c},{h},{w}", "-o", header]
            if route == "torch":
                argv += ["--torch", f"random_factories:{net.id}"]
            else:
                path = os.path.join(args.workdir, f"{net.id}.onnx")
                module.train()  # PRESERVE keeps the module's mode: batch norms and dropout stay
                try:
                    with torch.no_grad():
                        torch.onnx.export(module, torch.zeros(1, c, h, w), path, opset_version=int(route[4:]),
                                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
                except Exception as e:  # noqa: BLE001 - an export torch cannot make is not the importer's
                    reasons[route][f"torch.onnx.export fails: {type(e).__name__}"] += 1
                    continue
                finally:
                    module.eval()
                argv.append(path)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    run(argv)
            except ImportError_ as e:
                # The reason without the node's name and numbers, to group alike rejections.
                reasons[route][re.sub(r"node \S+ ", "node ", re.sub(r"[0-9]+", "N", str(e)))[:120]] += 1
                if os.path.exists(header):
                    failures.append(f"{net.id} {route}: rejected ({e}), but a header was written")
                continue
            except Exception as e:  # noqa: BLE001 - the defect the test is for
                failures.append(f"{net.id} {route}: the importer failed without its error: {type(e).__name__}: {e}")
                continue
            with open(header) as f:
                through_onnx = route != "torch" or "Imported through torch.onnx.export" in f.read()
            why = not_comparable(net, through_onnx, random_nets)
            if why:
                uncompared[route][why] += 1
            imported[route].append((net, why is None))

    # One translation unit per job: the generator's types and the imported headers, compared.
    units = [[] for _ in range(max(1, args.jobs))]
    pairs = [(net, route, compare) for route in routes for net, compare in imported[route]]
    for i, pair in enumerate(pairs):
        units[i % len(units)].append(pair)
    jobs = []
    for k, unit in enumerate(units):
        if not unit:
            continue
        lines = ["// generated by tests/import/check_random.py", '#include "user_kinds.hpp"',
                 "#include <netcount/netcount.hpp>", "", "namespace nc = netcount;", ""]
        for net in sorted({id(n): n for n, _, compare in unit if compare}.values(), key=lambda n: n.index):
            lines.append(f"namespace want {{ {net.cpp()} }}")
        for net, route, compare in unit:
            got, want = f"imported::{net.id}_{route}", f"want::{net.id}"
            # Every header compiles, with its own static_asserts of the model's parameters and
            # output shapes; those comparable are compared with the generator's type.
            lines.append(f'#include "{net.id}_{route}.hpp"')
            if not compare:
                continue
            lines += [f"static_assert(nc::totals<{got}> == nc::totals<{want}>, \"{net.id} {route}: totals\");",
                      f"static_assert(nc::output_shapes<{got}> == nc::output_shapes<{want}>, \"{net.id} {route}: outputs\");",
                      f"static_assert(nc::peak_activations<{got}> == nc::peak_activations<{want}>, "
                      f"\"{net.id} {route}: peak\");"]
        cpp = os.path.join(args.workdir, f"part{k}.cpp")
        with open(cpp, "w") as f:
            f.write("\n".join(lines) + "\n")
        jobs.append(compile_cmd + ["-fsyntax-only", "-I", args.workdir, "-I", CROSSCHECK, cpp])
    print(f"check_random: seed {args.seed}, {len(nets)} networks imported in {time.time() - started:.0f} s",
          flush=True)

    def build(cmd):
        return subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, start_new_session=True)

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for r in pool.map(build, jobs):
            if r.returncode != 0:
                errors = [line for line in r.stderr.splitlines() if "error" in line]
                failures.append("a header disagrees with the generator's type, or does not compile:\n"
                                + "\n".join(errors[:20]))
    for route in routes:
        compared = sum(1 for _, compare in imported[route] if compare)
        print(f"  {route}: {len(imported[route])} of {len(nets)} imported, {compared} of them equal to the "
              f"generator's type, {len(imported[route]) - compared} not compared:")
        for reason, n in uncompared[route].most_common():
            print(f"    {n} x {reason}")
        print(f"    {sum(reasons[route].values())} rejected:")
        for reason, n in reasons[route].most_common():
            print(f"    {n} x {reason}")
        if len(imported[route]) < args.min_imported:
            failures.append(f"{route}: {len(imported[route])} networks imported, fewer than --min-imported "
                            f"{args.min_imported}")
    print(f"check_random: {time.time() - started:.0f} s in all")
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
