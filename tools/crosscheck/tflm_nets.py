#!/usr/bin/python3
"""tflm_arena<Net, T> against an independent derivation, on the crosscheck's random networks.

For every network random_nets.py draws (the crosscheck's generator: chains, merges, heads,
from<>, outputs<>, shared<>, rois<>, the user's kinds of user_kinds.hpp), this script derives
the graph TFLite's converter writes and TFLM's plan of it from the generator's own description
of the network (its tree of nodes, and each entry's kind and shapes), by the rules
docs/deploy.md states ("TFLite Micro's tensor arena"), written here from that statement and
not from netcount's code; the placement is tflm_planner.py's. netcount's tflm_arena<Net, T> of
the same network (print_arena.hpp) must give every tensor (its entry, bytes, first and last
step, offset), the number of ops, the head and the live peak, for T = std::int8_t and float.

The rules, as applied here:
  - the converted graph is the inference graph: auxiliary heads are left out, and so is every
    entry whose output no output of the network depends on (the converter keeps what the
    outputs need); dropout and stochastic_depth are removed (identities);
  - a batch_norm whose input tensor was written by a conv, depthwise_conv, transposed_conv, fc
    or linear with no activation fused into it, and that nothing else reads (in the converted
    graph; being an output is a read), is folded into it: no op, no tensor;
  - a relu or relu6 whose input tensor was written by a conv, depthwise_conv, fc, linear or
    add (add<...>, residual<...>, a broadcasting add) with no activation fused into it yet,
    and that nothing else reads, is fused into it: no op, no tensor;
  - every other entry is one op writing one tensor (flatten a RESHAPE copy, every merge, the
    user's kinds, a rois block's entries a batch of Count regions);
  - tensors: the input first, then each op's in order; bytes = elements * sizeof(T) rounded
    up to 16; the input live from step 0, op k (from 0) at step k + 1, a tensor live from its
    op's step to the last step of an op that reads it, the outputs to the last step;
  - placement: tflm_planner.plan (greedy, by size descending, equal sizes last-added first,
    first gap among the placed overlapping buffers, else after the furthest end).

A tensor's entry is its index in layers<Net>, which lists the entries in the generator's order
(the crosscheck checks that order against torch).

Networks of several inputs (random_nets.SeveralInputsGenerator, which the crosscheck draws) are
not drawn here: tflm_arena plans a network of one input, and is a compile error on one of
several (docs/reference.md, "Several inputs"; tests/compile_fail/tflm_several_inputs.cpp).

  /usr/bin/python3 tools/crosscheck/tflm_nets.py --seed S --networks N [--parts P] [--jobs J]
      [--workdir DIR] [-- compile command]

Exit status 0 all agree, 1 a difference, 2 the tool failed (compile error: a network the
rules accept that tflm_arena rejects), 77 torch cannot be imported (the generator builds
torch modules).
"""

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True

import command_line  # noqa: E402
import tflm_planner  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = (("int8", "std::int8_t", 1), ("float", "float", 4))

FOLDABLE = {"conv", "depthwise_conv", "transposed_conv", "fc", "linear"}
FUSES = {"conv", "depthwise_conv", "fc", "linear", "add"}
FUSED = {"relu", "relu6"}
REMOVED = {"dropout", "stochastic_depth"}


def edges(net):
    """Each entry's inputs (indices in the order of the generator's entries; -1 the network's
    input) and the network's outputs, from the generator's tree of nodes."""
    import random_nets as rn
    reads, values = [], {}

    def entry(inputs):
        reads.append(list(inputs))
        return len(reads) - 1

    def chain(items, v):
        for item in items:
            v = run(item, v)
        return v

    def run(node, src):
        if isinstance(node, rn.Leaf):
            v = entry([src])
        elif isinstance(node, rn.Identity):
            v = src
        elif isinstance(node, rn.From):
            v = values[id(node.source)]
        elif isinstance(node, (rn.Sequence, rn.SharedDef)):
            v = chain(node.items, src)
        elif isinstance(node, rn.SharedUse):
            v = chain(node.definition.items, src)
        elif isinstance(node, (rn.Block, rn.OpenMerge)):  # ResizedMerge is a Block
            v = entry([run(p, src) for p in node.paths])
        elif isinstance(node, rn.SqueezeExcitation):
            gate = entry([entry([entry([entry([entry([src])])])])])  # pool, fc1, activation, fc2, gate
            v = entry([src, gate])
        elif isinstance(node, rn.Auxiliary):
            chain(node.items, src)
            v = src  # the next element reads the head's input
        elif isinstance(node, rn.UpsampleBackBlock):
            v = entry([chain(node.items, src)])
        elif isinstance(node, rn.Repeat):
            v = src
            for _ in range(node.count):
                v = run(node.element, v)
        elif isinstance(node, rn.Rois):
            v = chain(node.items, entry([src]))
        elif isinstance(node, rn.OutputsNode):
            v = src
        else:
            raise RuntimeError(f"tflm_nets.py: no rule for {type(node).__name__}")
        values[id(node)] = v
        return v

    last = chain(net.elements, -1)
    outputs = [values[id(s)] for s in net.outputs.sources] if net.outputs else [last]
    return reads, outputs


def derive(kinds, elements, reads, aux, outputs):
    """The converted graph: (tensors as (entry or -1, elements, first step, last step), ops)."""
    n = len(kinds)
    # What the outputs need: an entry runs if an output is it or a running entry reads it.
    runs = [False] * n
    for o in outputs:
        if o >= 0:
            runs[o] = True
    for i in reversed(range(n)):
        if runs[i] and not aux[i]:
            for j in reads[i]:
                if j >= 0:
                    runs[j] = True
    runs = [r and not a for r, a in zip(runs, aux)]
    # Each running entry's readers among the running entries, and the outputs.
    readers = [0] * n
    for i in range(n):
        if runs[i]:
            for j in reads[i]:
                if j >= 0:
                    readers[j] += 1
    for o in outputs:
        if o >= 0:
            readers[o] += 1
    tensors = [[-1, None, 0, 0]]  # entry, elements, first, last; the input's elements set by the caller
    writer_kind, fused, tensor_readers = [None], [False], [0]
    tensor_of = [None] * n
    ops = 0
    for i in range(n):
        if not runs[i]:
            continue
        src = reads[i][0]
        t = 0 if src < 0 else tensor_of[src]
        kind = kinds[i]
        transparent = kind in REMOVED
        if len(reads[i]) == 1 and t != 0 and tensor_readers[t] == 1 and not fused[t]:
            if kind == "batch_norm" and writer_kind[t] in FOLDABLE:
                transparent = True
            elif kind in FUSED and writer_kind[t] in FUSES:
                transparent = fused[t] = True
        if transparent:
            tensor_of[i] = t
            if t != 0:
                tensor_readers[t] += readers[i] - 1  # its readers read that tensor
            continue
        ops += 1
        for j in reads[i]:
            read = 0 if j < 0 else tensor_of[j]
            tensors[read][3] = max(tensors[read][3], ops)
        tensor_of[i] = len(tensors)
        tensors.append([i, elements[i], ops, ops])
        writer_kind.append(kind)
        fused.append(False)
        tensor_readers.append(readers[i])
    for o in outputs:
        tensors[0 if o < 0 else tensor_of[o]][3] = ops
    return tensors, ops


def expected(net, entries):
    """{type name: the record print_arena.hpp must print} of one network."""
    reads, outputs = edges(net)
    if len(reads) != len(entries):
        raise RuntimeError(f"generator bug: {net.id}: {len(reads)} entries walked, {len(entries)} built")
    kinds = [e.kind for e in entries]
    aux = [e.aux for e in entries]
    elements = [e.out_shape[0] * e.out_shape[1] * e.out_shape[2] * e.batch for e in entries]
    tensors, ops = derive(kinds, elements, reads, aux, outputs)
    h, w, c = net.in_shape
    tensors[0][1] = h * w * c
    found = {}
    for name, _, size in TYPES:
        buffers = [(-(-e * size // 16) * 16, first, last) for _, e, first, last in tensors]
        offsets, head = tflm_planner.plan(buffers)
        listed = []
        for (i, _, first, last), (b, _, _), offset in zip(tensors, buffers, offsets):
            listed.append([i, b, first, last, offset])
        found[name] = {"head": head, "live_peak": tflm_planner.live_peak(buffers), "ops": ops, "tensors": listed}
    return found


def part_source(function, nets):
    lines = ["// Generated by tools/crosscheck/tflm_nets.py; do not edit.", "#include <cstdint>",
             "#include <ostream>", '#include "print_arena.hpp"', "#include <user_kinds.hpp>", "",
             "namespace nc = netcount;", "", "namespace generated {", ""]
    lines += [n.cpp() for n in nets]
    lines += ["", "} // namespace generated", "", f"void {function}(std::ostream& out) {{"]
    for n in nets:
        for name, cpp, _ in TYPES:
            lines.append(f'    crosscheck::print_arena<generated::{n.id}, {cpp}>(out, "{n.id}", "{name}");')
    lines += ["}"]
    return "\n".join(lines) + "\n"


def build_and_run(args, workdir, groups):
    functions = [f"print_arenas_{k}" for k in range(len(groups))]
    main = ["// Generated by tools/crosscheck/tflm_nets.py; do not edit.", "#include <iostream>", ""]
    main += [f"void {f}(std::ostream&);" for f in functions]
    main += ["", "int main() {"] + [f"    {f}(std::cout);" for f in functions] + ["}"]
    sources = []
    for f, g in zip(functions, groups):
        sources.append((os.path.join(workdir, f + ".cpp"), part_source(f, g)))
    sources.append((os.path.join(workdir, "main.cpp"), "\n".join(main) + "\n"))
    for path, text in sources:
        with open(path, "w") as out:
            out.write(text)

    def compile_one(path):
        start = time.monotonic()
        r = subprocess.run(args.compile_command + ["-c", path, "-o", path[:-4] + ".o"], capture_output=True, text=True)
        return path, r, time.monotonic() - start

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(compile_one, [p for p, _ in sources]))
    failed = False
    for path, r, seconds in results:
        print(f"  compiled {os.path.basename(path)} in {seconds:.1f} s", flush=True)
        if r.returncode != 0:
            failed = True
            lines = (r.stdout + r.stderr).splitlines()
            print(f"error: {os.path.basename(path)} does not compile:\n" + "\n".join(lines[:150]))
    if failed:
        return None
    program = os.path.join(workdir, "tflm_nets")
    r = subprocess.run([args.compile_command[0]] + [p[:-4] + ".o" for p, _ in sources] + ["-o", program],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("error: the program does not link:\n" + r.stdout + r.stderr)
        return None
    r = subprocess.run([program], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"error: {program} failed:\n{r.stderr}")
        return None
    return [json.loads(line) for line in r.stdout.splitlines()]


def main(argv):
    p = command_line.parser(__doc__)
    p.add_argument("--seed", type=int, default=20261207, help="seed of the random networks")
    p.add_argument("--networks", type=int, default=100, help="random networks to compare")
    p.add_argument("--jobs", type=int, default=2, help="compilers run at once")
    p.add_argument("--parts", type=int, default=2, help="translation units the networks are split into")
    p.add_argument("--workdir", help="where the sources and the program go (default: a temporary "
                   "directory, removed if all agree)")
    args, args.compile_command = command_line.parse(p, argv, HERE)
    try:
        import torch  # noqa: F401  (random_nets.py builds torch modules)
        import torchvision  # noqa: F401
    except ImportError as e:
        print(f"SKIP: PyTorch and torchvision are needed ({e})")
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    sys.path.insert(0, HERE)
    import random_nets
    started = time.monotonic()
    # One input each: tflm_arena of a network of several is a compile error (the docstring).
    nets = random_nets.generate(args.seed, args.networks, several_inputs=False)
    print("networks of several inputs: none drawn (tflm_arena plans a network of one input; "
          "tests/compile_fail/tflm_several_inputs.cpp checks the rejection)")
    try:
        wanted = {n.id: expected(n, n.build()[1]) for n in nets}
    except RuntimeError as e:
        print(f"error: {e}")
        return 2
    workdir = args.workdir or tempfile.mkdtemp(prefix="netcount-tflm-nets-")
    os.makedirs(workdir, exist_ok=True)
    parts = max(1, min(args.parts, len(nets)))
    groups = [nets[k::parts] for k in range(parts)]
    records = build_and_run(args, workdir, groups)
    if records is None:
        return 2
    failures, tensors = 0, 0
    seen = set()
    for r in records:
        want = wanted[r["net"]][r["type"]]
        seen.add((r["net"], r["type"]))
        got = {k: r[k] for k in want}
        tensors += len(r["tensors"])
        if got != want:
            failures += 1
            print(f"DIFFERS {r['net']} ({r['type']}):")
            for k in ("head", "live_peak", "ops"):
                if got[k] != want[k]:
                    print(f"  {k}: netcount {got[k]}, rules {want[k]}")
            rows = max(len(got["tensors"]), len(want["tensors"]))
            for t in range(rows):
                a = got["tensors"][t] if t < len(got["tensors"]) else None
                b = want["tensors"][t] if t < len(want["tensors"]) else None
                if a != b:
                    print(f"  tensor {t} [entry, bytes, first, last, offset]: netcount {a}, rules {b}")
    missing = [(n.id, t) for n in nets for t, _, _ in TYPES if (n.id, t) not in seen]
    for m in missing:
        failures += 1
        print(f"MISSING {m[0]} ({m[1]}): netcount printed nothing")
    print(f"{len(nets)} random networks (seed {args.seed}), {len(TYPES)} element types, {tensors} tensors: "
          f"{failures} differ; in {time.monotonic() - started:.1f} s")
    if failures:
        print(f"FAILED (sources in {workdir})")
        return 1
    if not args.workdir:
        shutil.rmtree(workdir)
    print("all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
