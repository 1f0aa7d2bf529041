#!/usr/bin/python3
"""netcount against PyTorch.

  1. The zoo: every model of zoo_models.py that has a torch counterpart is run in torch (batch
     1, no pretrained weights) with forward hooks on its Conv2d, ConvTranspose2d, Linear,
     BatchNorm2d and LayerNorm modules (and on ConvNeXt's blocks, for their layer scale: see
     own_parameter_modules); netcount's layers with parameters must match them one by one, in
     order (output shape, units, weights, biases, parameters, multiply-accumulates), and the
     totals must match. Where netcount's blocks run two modules in the other order than
     torch's forward (LR-ASPP's two classifiers, see zoo_models.py's runs_before), the rows
     and the torch.fx graph of the schedule are put in netcount's order first. Each model is
     also compared on another input (resized(): 37 taller, 11 wider): the totals of
     with_input<Net, H, W> against the torch module on an H x W image (units,
     multiply-accumulates, parameters, output shape), which the deployment searches rely on.
  2. Random architectures: a fixed seed generates valid networks (random_nets.py), each both
     as a netcount type and as a torch module, about a quarter of them graphs (from<"name">);
     every entry of netcount::layers<Net> (layers and merges) must match its torch
     counterpart: kind, input and output shape, units, weights, biases, parameters,
     multiply-accumulates, whether it is in an auxiliary head, and the entries it reads (its
     `inputs`, against the torch.fx trace's edges: an entry after a from<> reads the named
     one), and the entry of the shared<> definition it applies again (`reuse_of`); and so
     must the totals (a definition's weights once, every application's multiply-accumulates;
     inside a rois<Count, ...>, the batch's units and multiply-accumulates: torch's per
     region times Count) and every output's shape (outputs<...>: torch returns a tuple) and,
     where the output is not simply the last entry, every output's entry (output_indices). About a fifth of the networks have several named inputs (the
     torch module takes a tensor each, in order): an entry reading the k-th lists -1 - k
     (netcount's network_input - k, torch.fx's k-th placeholder), and input_shapes,
     input_names and input_indices must be the generator's.
     Each entry's name must be the one
     random_nets.Namer gives (docs/reference.md's rules), and scale_width<Net, Num, Den,
     Divisor> of a network with an auxiliary head (and of every eighth network) the type the
     generator writes (each head keeping its own classifier; not asked of networks with several
     outputs, shared<> or rois<>). The layer kinds and merges of
     the user's own are in user_kinds.hpp.
  3. Peak memory: each torch module is traced with torch.fx and the schedule of
     peak_activations<Net> is applied to its nodes (schedule.py); every entry's
     live_activations and the peak must match (the random networks entry by entry, and their
     peak_layer; the zoo on the nodes that are not views; DenseNet only on its stem, see
     zoo_models.py). A zoo model
     marked compare_entries also matches every entry's kind and output shape with the trace's
     nodes (its functional pools included), and its auxiliary heads, traced on their own.

netcount's side is one C++ program for the whole batch (several translation units compiled
in parallel), built with the compile command given after `--`, which prints every layer
(print_layers.hpp). Any mismatch prints both sides and the run fails.

  /usr/bin/python3 tools/crosscheck/crosscheck.py [options] -- g++ -std=c++20 -Werror ...

Exit status: 0 all match, 1 a mismatch (or a listed zoo model missing, when the list is
strict: zoo_models.STRICT or --strict),
2 the tool itself failed (compile error, generator bug), 77 torch or torchvision cannot be
imported (CTest's SKIP_RETURN_CODE).
"""

import concurrent.futures
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import command_line  # noqa: E402 (after the line above)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77

COMPARED = ("units", "weights", "biases", "parameters", "connections")


def parse_args(argv):
    p = command_line.parser(__doc__)
    p.add_argument("--seed", type=int, default=20240611, help="seed of the random networks")
    p.add_argument("--networks", type=int, default=320, help="random networks to compare")
    p.add_argument("--jobs", type=int, default=2, help="compilers run at once")
    p.add_argument("--parts", type=int, default=4,
                   help="translation units the random networks are split into")
    p.add_argument("--workdir", help="where the generated sources and the program go "
                   "(default: a new temporary directory, removed if all match)")
    p.add_argument("--only", choices=("zoo", "random"), help="run one of the two checks")
    p.add_argument("--strict", action="store_true",
                   help="a listed zoo model that is missing fails the run (also when "
                        "zoo_models.STRICT is set)")
    p.add_argument("--show", type=int, metavar="I",
                   help="print random network I as netcount type and torch module, and exit")
    args, args.compile_command = command_line.parse(p, argv, HERE)
    return args


def cpu_seconds():
    """CPU time of this process and of the compilers and programs it ran."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def say(text=""):
    print(text, flush=True)


class Report:
    """Mismatches, grouped by network, printed as they come."""

    def __init__(self):
        self.failures = 0
        self.layers = 0
        self.references = 0  # zoo models whose torch measurement was checked against a stored file

    def fail(self, text):
        self.failures += 1
        say(text)


def differences(netcount_side, torch_side, keys):
    return [(k, netcount_side[k], torch_side[k]) for k in keys if netcount_side[k] != torch_side[k]]


# ---------------------------------------------------------------------------------------
# The C++ side

def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w") as f:
        f.write(text)


def part_source(includes, body):
    lines = ["// Generated by tools/crosscheck/crosscheck.py; do not edit.",
             "#include <span>", '#include "print_layers.hpp"']
    lines += [f"#include <{i}>" for i in includes]
    lines += ["", "namespace nc = netcount;", ""]
    lines += body
    return "\n".join(lines) + "\n"


def random_part(function, nets, prepared):
    """The random networks' part: each network's entries (and peak_layer, where an entry runs),
    and whether scale_width makes of it the type the generator expects."""
    body = ["namespace generated {", ""]
    body += [n.cpp() for n in nets]
    body += ["", "} // namespace generated", "", f"void {function}(std::ostream& out) {{"]
    for n in nets:
        p = prepared[n.id]
        body.append(f'    crosscheck::print_network<generated::{n.id}, {"true" if p.runs else "false"}, '
                    f'{"true" if p.output_indices else "false"}>(out, "{n.id}");')
        num, den, divisor = n.scale
        if p.check_scaled:
            body.append(f"    crosscheck::print_scaled<generated::{n.id}, {p.scaled}, {num}, {den}, {divisor}>"
                        f'(out, "{n.id}");')
    body += ["}"]
    return part_source(["user_kinds.hpp"], body)


def zoo_part(function, models):
    includes = sorted({m.header for m in models})
    body = [f"void {function}(std::ostream& out) {{"]
    body += [f'    crosscheck::print_network<nc::zoo::{m.name}>(out, "zoo::{m.name}");' for m in models]
    body += ["}"]
    return part_source(includes, body)


def resized(shape):
    """The other input a zoo model is compared on, (height, width, channels): taller by 37 and
    wider by 11, so that it is not square and every halving rounds somewhere (with_input<Net,
    H, W> against the torch module on an H x W image: what the deployment searches rely on)."""
    h, w, c = shape
    return h + 37, w + 11, c


def resized_part(function, models):
    includes = sorted({m.header for m in models}) + ["netcount/scale.hpp"]
    body = [f"void {function}(std::ostream& out) {{"]
    for m in models:
        h, w, _ = resized(m.input_shape)
        body.append(f'    crosscheck::print_totals<nc::with_input<nc::zoo::{m.name}, {h}, {w}>>(out, "resized::{m.name}");')
    body += ["}"]
    return part_source(includes, body)


def torch_resized_side(model):
    """The zoo model's torch module on its resized() input, in eval mode, on the meta device:
    (units, multiply-accumulates, parameters, output shape), or the message torch rejects it
    with. Auxiliary heads do not run in eval mode, as netcount leaves them out of the units and
    connections."""
    import torch_side
    shape = resized(model.input_shape)
    with torch_side.uninitialized():
        module = model.build().to("meta")
    watched = [m for m in module.modules() if isinstance(m, torch_side.COUNTED)]
    outputs = []
    hook = module.register_forward_hook(lambda _m, _i, out: outputs.append(torch_side.hwc(out.shape)))
    try:
        records = torch_side.run(module, shape, watched, device="meta")
    except RuntimeError as e:
        return str(e).splitlines()[0]
    finally:
        hook.remove()
    units = connections = 0
    for m, got_in, got_out in records:
        f = torch_side.figures(m, got_in, got_out)
        units += f["units"]
        connections += f["connections"]
    return {"units": units, "connections": connections, "parameters": sum(p.numel() for p in module.parameters()),
            "output": outputs[-1]}


def compare_resized(model, theirs, ours, report):
    shape = resized(model.input_shape)
    if isinstance(theirs, str):
        report.fail(f"MISMATCH zoo::{model.name} on {shape[0]} x {shape[1]}: torch rejects it ({theirs}), "
                    "netcount does not")
        return
    totals = ours["totals"]
    mine = {"units": totals["units"], "connections": totals["connections"], "parameters": totals["parameters"],
            "output": tuple(ours["outputs"][0])}
    problems = [f"{k}: netcount {mine[k]}, torch {theirs[k]}" for k in mine if mine[k] != theirs[k]]
    if problems:
        report.fail(f"MISMATCH with_input<zoo::{model.name}, {shape[0]}, {shape[1]}>: " + "; ".join(problems))


def balanced(items, weight, bins):
    """items split into `bins` lists of about equal total weight (largest first), each in the
    order of `items`."""
    parts = [[] for _ in range(max(1, min(bins, len(items))))]
    loads = [0] * len(parts)
    for position, item in sorted(enumerate(items), key=lambda p: weight(p[1]), reverse=True):
        k = loads.index(min(loads))
        parts[k].append((position, item))
        loads[k] += weight(item)
    return [[item for _, item in sorted(p, key=lambda p: p[0])] for p in parts]


class Build:
    """netcount's side: the parts compiled in parallel in the background (in the order given,
    so put the slow ones first) while torch runs, then linked into one program and run."""

    def __init__(self, args, workdir, parts):
        main = ["// Generated by tools/crosscheck/crosscheck.py; do not edit.", "#include <iostream>", ""]
        main += [f"void {f}(std::ostream&);" for f, _ in parts]
        main += ["", "int main() {"] + [f"    {f}(std::cout);" for f, _ in parts] + ["}"]
        self.args = args
        self.workdir = workdir
        self.started = time.monotonic()
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
        self.objects, self.compiles = [], []
        for f, text in parts + [("main", "\n".join(main) + "\n")]:
            source = os.path.join(workdir, f + ".cpp")
            write_if_changed(source, text)
            self.objects.append(source[:-4] + ".o")
            self.compiles.append(self.pool.submit(self.compile, source, self.objects[-1]))

    def compile(self, source, obj):
        start = time.monotonic()
        r = subprocess.run(self.args.compile_command + ["-c", source, "-o", obj],
                           capture_output=True, text=True)
        return source, r, time.monotonic() - start

    def run(self):
        """What the program printed; None if it could not be made (or failed)."""
        failed = False
        for future in self.compiles:
            source, r, seconds = future.result()
            say(f"  compiled {os.path.basename(source)} in {seconds:.1f} s")
            if r.returncode != 0:
                failed = True
                lines = (r.stdout + r.stderr).splitlines()
                say(f"error: {os.path.basename(source)} does not compile "
                    f"({' '.join(map(shlex.quote, self.args.compile_command))}):")
                say("\n".join(lines[:150]) + ("\n  ..." if len(lines) > 150 else ""))
        self.pool.shutdown()
        if failed:
            return None
        program = os.path.join(self.workdir, "crosscheck_nets")
        r = subprocess.run([self.args.compile_command[0]] + self.objects + ["-o", program],
                           capture_output=True, text=True)
        if r.returncode != 0:
            say("error: the program does not link:\n" + r.stdout + r.stderr)
            return None
        r = subprocess.run([program], capture_output=True, text=True)
        if r.returncode != 0:
            say(f"error: {program} failed:\n{r.stderr}")
            return None
        say(f"netcount: compiled, linked and ran in {time.monotonic() - self.started:.1f} s")
        return r.stdout

    def finish(self):
        """Every entry netcount printed, by network id; None if the program could not be made."""
        printed = self.run()
        if printed is None:
            return None
        by_net = {}
        for line in printed.splitlines():
            record = json.loads(line)
            entry = by_net.setdefault(record["net"], {"layers": [], "totals": None, "scaled": None})
            if "totals" in record:
                entry["totals"] = record
            elif "scaled" in record:
                entry["scaled"] = record
            else:
                record["in"], record["out"] = tuple(record["in"]), tuple(record["out"])
                entry["layers"].append(record)
        return by_net


# ---------------------------------------------------------------------------------------
# Random networks

class Prepared:
    """A random network built once, before the compilers start: its torch module and entries,
    the names netcount must give them, and the type scale_width must make of it."""

    def __init__(self, net):
        import random_nets
        self.model, self.entries = net.build()
        self.names = net.names()
        if len(self.names) != len(self.entries):
            raise RuntimeError(f"generator bug: {net.id}: {len(self.names)} names for {len(self.entries)} entries")
        # Which entries have weights, by their kind; checked against torch's parameters later.
        random_nets.kept_widths(self.entries, [e.kind in WEIGHTED_KINDS for e in self.entries])
        self.scaled = net.scaled(self.entries)
        self.runs = any(not e.aux for e in self.entries)  # else peak_layer is a compile error
        # output_indices is compared where the output is not simply the last entry: graphs (from<>,
        # outputs<...>, several inputs) and networks that end in a head.
        self.output_indices = bool(net.taps or net.outputs or net.inputs or
                                   isinstance(net.elements[-1], random_nets.Auxiliary))
        # scale_width is checked where a head is, and on every eighth network besides: it costs
        # a fifth of the compile time of a network.
        # A slice or pad_channels has fixed channels, which scale_width rejects (scale.hpp).
        self.check_scaled = (any(e.aux for e in self.entries) or net.index % 8 == 0) and not any(
            e.kind in ("slice", "pad_channels") for e in self.entries)
        # Nor on the graph forms whose scaling the generator does not model: several outputs
        # (each keeps its classifier), shared weights and rois.
        self.check_scaled = self.check_scaled and not (net.outputs or net.reuses or net.rois or any(
            isinstance(n, random_nets.SharedDef) for e in net.elements for n in random_nets.walk(e)))


WEIGHTED_KINDS = ("conv", "depthwise_conv", "transposed_conv", "fc", "linear")


def torch_random_side(nets, prepared):
    """For every network: its torch module, and each of its entries with the shapes torch
    produced, the figures torch's parameters give, and the name netcount must give it."""
    import schedule
    import torch_side
    sides = {}
    for net in nets:
        model, entries = prepared[net.id].model, prepared[net.id].entries
        outputs = []

        def shapes(out):  # a tuple of several outputs (outputs<...>), or one
            return [torch_side.hwc(o.shape) for o in out] if isinstance(out, tuple) else [torch_side.hwc(out.shape)]
        hook = model.register_forward_hook(lambda _m, _i, out: outputs.append(shapes(out)))
        # A shared definition's modules are the entries of every application: one hook each,
        # which records every call.
        modules = list({id(e.module): e.module for e in entries}.values())
        arguments = net.in_shapes if net.inputs else net.in_shape  # several inputs: one tensor each
        try:
            records = torch_side.run(model, arguments, modules)
        finally:
            hook.remove()
        if [r[0] for r in records] != [e.module for e in entries]:
            raise RuntimeError(f"generator bug: {net.id}: torch ran its entries in another order "
                               "(or not once each) than netcount lists them")
        rows = []
        for e, (_, got_in, got_out), name in zip(entries, records, prepared[net.id].names):
            if (got_in, got_out) != (e.in_shape, e.out_shape):
                raise RuntimeError(
                    f"generator bug: {net.id}: {e.where}: predicted {e.in_shape} -> {e.out_shape}, "
                    f"torch {got_in} -> {got_out}")
            row = {"kind": e.kind, "in": got_in, "out": got_out, "where": e.where,
                   "module": e.module, "name": name}
            row.update(torch_side.figures(e.module, got_in, got_out))
            # Inside a rois<Count, ...>, torch's module ran on one region's shapes (the batch's
            # dimension is not in them): the batch's units and connections are Count times.
            row["units"] *= e.batch
            row["connections"] *= e.batch
            row["reuse_of"] = -1 if e.reuse_index is None else e.reuse_index
            if (row["weights"] > 0) != (e.kind in WEIGHTED_KINDS):
                raise RuntimeError(f"generator bug: {net.id}: {e.where}: {row['weights']} weights in torch")
            rows.append(row)
        total_parameters = sum(p.numel() for p in model.parameters())
        # What each entry reads (netcount's inputs): a trace with the heads, whose entries are
        # read too; from<> makes the graph more than the order of the entries.
        modules = [e.module for e in entries]
        try:
            reads, output_indices = schedule.edges(schedule.trace(model, arguments, modules), modules)
            for row, read in zip(rows, reads):
                row["inputs"] = read
        except RuntimeError as e:
            raise RuntimeError(f"generator bug: {net.id}: {e}") from e
        torch_side.Aux.running = False  # inference: auxiliary heads do not run
        try:
            gm = schedule.trace(model, arguments, [e.module for e in entries])
        finally:
            torch_side.Aux.running = True
        scheduled, peak = schedule.schedule(gm)
        # Each call of an entry's module, in order: a shared definition's are called at every
        # application, which are its entries in order.
        live_of = {}
        for n, _, live in scheduled:
            if n.op == "call_module":
                live_of.setdefault(id(gm.get_submodule(n.target)), []).append(live)
        for e, row in zip(entries, rows):
            row["aux"] = e.aux
            row["live"] = 0 if e.aux else (live_of.get(id(e.module)) or [None]).pop(0)
            row["kept"] = e.kept
        # peak_layer: the first entry at which the peak is live (none if no entry runs).
        peak_layer = next((i for i, r in enumerate(rows) if not r["aux"] and r["live"] == peak), None)
        sides[net.id] = (model, rows, total_parameters, peak, peak_layer, outputs[-1], output_indices)
    return sides


def compare_random(nets, torch_sides, netcount_sides, report, prepared):
    keys = ("name", "kind", "in", "out", "inputs") + COMPARED + ("live", "auxiliary", "reuse_of")
    for net in nets:
        model, rows, total_parameters, peak, peak_layer, output, output_indices = torch_sides[net.id]
        ours = netcount_sides.get(net.id)
        problems = []
        if ours is None:
            problems.append("netcount printed nothing for it")
        else:
            layers = ours["layers"]
            if len(layers) != len(rows):
                extra = ", ".join(f"{n['kind']} '{n['name']}'" for n in layers[len(rows):]) or \
                    ", ".join(t["where"] for t in rows[len(layers):])
                problems.append(f"netcount lists {len(layers)} entries, torch {len(rows)}; "
                                f"the {'netcount' if len(layers) > len(rows) else 'torch'} side "
                                f"goes on with {extra}")
            for n, t in zip(layers, rows):
                t["auxiliary"] = t["aux"]
                diffs = differences(n, t, keys)
                if diffs:
                    problems.append(
                        f"entry {n['index']} '{n['name']}', {t['where']}:\n    " +
                        "; ".join(f"{key}: netcount {a}, torch {b}" for key, a, b in diffs) +
                        f"\n    torch module: {' '.join(repr(t['module']).split())}")
            report.layers += min(len(layers), len(rows))
            totals = ours["totals"]["totals"]
            for key in COMPARED:
                # An auxiliary head's units and connections are not in the totals (eval mode); a
                # reuse's weights, biases and parameters are its definition's, counted once.
                expected = sum(r[key] for r in rows if not (r["aux"] and key in ("units", "connections")) and
                               not (r["reuse_of"] >= 0 and key not in ("units", "connections")))
                if totals[key] != expected:
                    problems.append(f"total {key}: netcount {totals[key]}, torch {expected}")
            if totals["parameters"] != total_parameters:
                problems.append(f"total parameters: netcount {totals['parameters']}, "
                                f"torch model.parameters() {total_parameters}")
            if ours["totals"]["peak"] != peak:
                problems.append(f"peak activations: netcount {ours['totals']['peak']}, torch.fx schedule {peak}")
            if ours["totals"].get("peak_layer") != peak_layer:
                problems.append(f"peak_layer: netcount entry {ours['totals'].get('peak_layer')}, "
                                f"torch.fx schedule entry {peak_layer} (the first where the peak is live)")
            kept = [i for i, r in enumerate(rows) if r["kept"]]
            scaled = ours["scaled"]
            if prepared[net.id].check_scaled and (scaled is None or not scaled["scaled"] or scaled["kept"] != kept):
                num, den, divisor = net.scale
                problems.append(f"scale_width<{net.id}, {num}, {den}, {divisor}> is not\n    "
                                f"{prepared[net.id].scaled}\n    netcount keeps the width of entries "
                                f"{scaled and scaled['kept']}, the last with weights of the network and of "
                                f"each head are {kept}")
            # The inputs: torch's arguments are the generator's, and the k-th input is -1 - k
            # (network_input - k) wherever an index names it.
            mine = ours["totals"]
            theirs = {"input": net.in_shapes[0], "input_shapes": net.in_shapes, "input_names": net.in_names,
                      "input_indices": [-1 - k for k in range(len(net.in_shapes))],
                      "output_indices": output_indices if prepared[net.id].output_indices else None}
            found = {"input": tuple(mine["input"]), "input_shapes": [tuple(s) for s in mine["input_shapes"]],
                     "input_names": mine["input_names"], "input_indices": mine["input_indices"],
                     "output_indices": mine.get("output_indices")}
            for key in theirs:
                if found[key] != theirs[key]:
                    problems.append(f"{key}: netcount {found[key]}, torch {theirs[key]}")
            if [tuple(o) for o in ours["totals"]["outputs"]] != output:
                problems.append(f"outputs: netcount {ours['totals']['outputs']}, torch {output}")
        if problems:
            report.fail(f"MISMATCH {net.id}:\n  netcount: {net.cpp()}\n  torch:    "
                        f"{' '.join(repr(model).split())}\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------------------
# The zoo

def find_zoo_models(models):
    """Sets model.header to the zoo header that defines it, or None."""
    zoo_dir = os.path.join(ROOT, "include", "netcount", "zoo")
    texts = {}
    for f in sorted(os.listdir(zoo_dir)):
        if f.endswith(".hpp"):
            with open(os.path.join(zoo_dir, f)) as h:
                texts["netcount/zoo/" + f] = h.read()
    for m in models:
        definition = re.compile(r"\b(struct\s+" + m.name + r"\b\s*[:{]|using\s+" + m.name + r"\s*=)")
        m.header = next((h for h, t in texts.items() if definition.search(t)), None)


def own_parameter_modules():
    """The torchvision modules that hold a parameter of their own, outside any submodule, which
    netcount counts as an entry: ConvNeXt's CNBlock multiplies its block's output by
    `layer_scale`, a bare C x 1 x 1 nn.Parameter that no hook can see. Its forward is
    layer_scale * block(x), then stochastic depth (nothing to count) and the shortcut, so the
    scale is applied after every module inside the block has run: a hook on the CNBlock itself
    fires at the place of netcount's layer_scale (after the second linear, before the add),
    and its row holds the block's own parameters (recurse=False), i.e. the layer scale alone,
    with the block's output shape, which is the scale's."""
    from torchvision.models.convnext import CNBlock
    return (CNBlock,)


def torch_zoo_side(model):
    """The zoo model's torch module and a row per counted module, in the order torch runs them.
    The shapes come from a run on torch's "meta" device, which computes shapes without
    arithmetic: the deep zoo models at 224 x 224 took a minute and a half of CPU on the real
    one (RegNetX-32GF alone 14 s), a tenth of a second here. A model with an operation that has
    no meta implementation runs on the CPU. Either way the rows are checked against the stored
    references, which make_reference.py measured on the CPU (check_reference).

    The model runs in eval mode, as inference does; each of its auxiliary heads
    (model.auxiliary) is run by a forward hook on the module it reads, on that module's
    output, so that its rows come where netcount lists its auxiliary<...> entries; they are
    marked "aux"."""
    import schedule
    import torch_side
    own = own_parameter_modules()
    head_inputs = {}  # head name: the shape (h, w, c) it read

    def runs_head(name, head):
        def run(_module, _inputs, output):
            head_inputs[name] = torch_side.hwc(output.shape)
            head(output)  # and returns None: the module's output stays what the network reads
        return run

    def measure(device):
        with torch_side.uninitialized():
            module = model.build().to(device)
        watched = [m for m in module.modules() if isinstance(m, torch_side.COUNTED + own)]
        hooks = [module.get_submodule(reads).register_forward_hook(runs_head(head, module.get_submodule(head)))
                 for reads, head in model.auxiliary.items()]
        try:
            return module, torch_side.run(module, model.input_shape, watched, device=device)
        finally:
            for h in hooks:  # before the torch.fx trace, which would call them
                h.remove()

    try:
        module, records = measure("meta")
    except (NotImplementedError, RuntimeError):
        module, records = measure("cpu")
    in_heads = {id(m) for head in model.auxiliary.values() for m in module.get_submodule(head).modules()}
    rows = []
    for m, got_in, got_out in records:
        row = {"kind": type(m).__name__, "out": got_out, "module": m, "aux": id(m) in in_heads}
        if isinstance(m, own):
            row.update(dict.fromkeys(torch_side.FIGURES, 0))
            row["parameters"] = sum(p.numel() for p in m.parameters(recurse=False))
        else:
            row.update(torch_side.figures(m, got_in, got_out))
        rows.append(row)
    # The schedule of peak_activations, on every node that is not a view (netcount's flatten
    # and torch's flatten, view and Identity hold no buffer of their own, and the two sides
    # do not have the same ones).
    gm = schedule.trace(module, model.input_shape)
    if model.runs_before is not None:
        schedule.run_before(gm, *model.runs_before)
    scheduled, peak = schedule.schedule(gm)
    live = [(str(n.target), l) for n, r, l in scheduled if r != schedule.VIEW]
    # Every node that is not a view as (target, kinds netcount may call it, output shape): the
    # network's in eval mode, then each auxiliary head's, traced alone on what it read.
    entries = None
    if model.compare_entries:
        entries = {False: schedule.entries(gm, scheduled), True: []}
        for head in model.auxiliary.values():
            head_gm = schedule.trace(module.get_submodule(head), head_inputs[head])
            entries[True] += [(f"{head}.{t}", k, o) for t, k, o in
                              schedule.entries(head_gm, schedule.schedule(head_gm)[0])]
    return module, rows, (live, peak), entries


ZOO_KINDS = {"Conv2d": ("conv", "depthwise_conv"), "ConvTranspose2d": ("transposed_conv",),
             "Linear": ("fc", "linear"), "BatchNorm2d": ("batch_norm",),
             "LayerNorm": ("layer_norm",), "LayerNorm2d": ("layer_norm",), "CNBlock": ("layer_scale",)}


def stored_references():
    """[(file, {model: figures})] of the reference files in tests/reference/."""
    found = []
    directory = os.path.join(ROOT, "tests", "reference")
    for f in sorted(os.listdir(directory)):
        if f.endswith(".json"):
            with open(os.path.join(directory, f)) as h:
                data = json.load(h)
            if "models" in data:
                found.append(("tests/reference/" + f, data["models"]))
    return found


def check_reference(model, module, rows, path, reference, report):
    """The torch side against a stored reference file where the model is in it: a check of
    this script's own measurement."""
    ref = reference.get(model.reference or model.name)
    if ref is None:
        return
    report.references += 1
    ours = [r for r in rows if r["kind"] in ("Conv2d", "ConvTranspose2d", "Linear")]
    runs = [r for r in ours if not r["aux"]]  # what eval mode runs: the units and macs
    problems = []
    if len(ours) != len(ref["layers"]):
        problems.append(f"{len(ours)} conv and linear layers, the reference {len(ref['layers'])}")
    for i, (r, l) in enumerate(zip(ours, ref["layers"])):
        out = l["out"]
        shape = (out[1], out[2], out[0]) if len(out) == 3 else (1, 1, out[0])
        mine = (r["out"], r["units"], r["weights"], r["biases"], r["connections"], r["aux"])
        theirs = (shape, l["units"], l["weights"], l["bias"], l["macs"], l.get("auxiliary", False))
        if mine != theirs:
            problems.append(f"layer {i}: measured {mine}, reference {theirs}")
    totals = (sum(p.numel() for p in module.parameters()), sum(r["weights"] for r in ours),
              sum(r["biases"] for r in ours), sum(r["connections"] for r in runs),
              sum(r["units"] for r in runs))
    expected = (ref["params_total"], ref["weights_no_bias"], ref["bias"], ref["macs"], ref["units"])
    if totals != expected:
        problems.append(f"totals (parameters, weights, biases, macs, units): measured {totals}, "
                        f"reference {expected}")
    if problems:
        report.fail(f"REFERENCE {model.name}: torch measured here disagrees with {path} "
                    f"({model.reference or model.name}):\n  " +
                    "\n  ".join(problems))


def compare_entries(torch_entries, ours):
    """Problems with the kind and output shape of each entry but flatten (zoo_models'
    compare_entries), and the number compared: the entries that run in eval mode against the
    network's trace, an auxiliary head's against its own."""
    problems, compared = [], 0
    for aux in (False, True):
        mine = [l for l in ours["layers"] if l["kind"] != "flatten" and l["auxiliary"] == aux]
        theirs = torch_entries[aux]
        where = "auxiliary entries" if aux else "entries that run"
        if len(mine) != len(theirs):
            problems.append(f"netcount has {len(mine)} {where} that are not views, the torch.fx "
                            f"trace{'s of the heads' if aux else ''} {len(theirs)} nodes")
        for n, (target, kinds, out) in zip(mine, theirs):
            if n["kind"] not in kinds or n["out"] != out:
                problems.append(f"entry {n['index']} '{n['name']}': netcount {n['kind']} {n['out']}, "
                                f"torch node {target} ({' or '.join(kinds) or 'unknown kind'}) {out}")
        compared += min(len(mine), len(theirs))
    return problems[:10] + ([f"... {len(problems) - 10} more"] if len(problems) > 10 else []), compared


def compare_schedule(model, torch_schedule, ours):
    """Problems with the live elements of each entry and the peak, and a line of what matched.
    Auxiliary entries are not scheduled (inference does not run them), as the trace of the
    eval-mode network has no node for them."""
    live, peak = torch_schedule
    mine = [l for l in ours["layers"] if l["kind"] != "flatten" and not l["auxiliary"]]
    problems = []
    compared = len(mine) if model.schedule_prefix is None else model.schedule_prefix
    if model.schedule_prefix is None and len(mine) != len(live):
        problems.append(f"netcount has {len(mine)} entries that are not views, the torch.fx trace "
                        f"{len(live)} nodes")
    shown = 0
    for i, (n, (target, t)) in enumerate(zip(mine[:compared], live[:compared])):
        if n["live"] != t:
            shown += 1
            if shown <= 5:
                problems.append(f"live activations at entry {n['index']} '{n['name']}' ({n['kind']}), "
                                f"torch node {target}: netcount {n['live']}, torch.fx schedule {t}")
    if shown > 5:
        problems.append(f"... {shown - 5} more entries differ in live activations")
    if model.schedule_prefix is None:
        if ours["totals"]["peak"] != peak:
            problems.append(f"peak activations: netcount {ours['totals']['peak']}, torch.fx schedule {peak}")
        return problems, f"peak {peak:,} and the live elements of {min(len(mine), len(live))} entries"
    return problems, (f"the live elements of the first {compared} entries (peak: netcount "
                      f"{ours['totals']['peak']:,}, torch {peak:,}: {model.schedule_note})")


def in_netcount_order(model, module, rows):
    """The rows with model.runs_before's first module moved to just before its second."""
    if model.runs_before is None:
        return rows
    first, then = (module.get_submodule(t) for t in model.runs_before)
    moved = [r for r in rows if r["module"] is first]
    rest = [r for r in rows if r["module"] is not first]
    at = next(i for i, r in enumerate(rest) if r["module"] is then)
    return rest[:at] + moved + rest[at:]


def compare_zoo(model, module, rows, torch_schedule, torch_entries, ours, report):
    rows = in_netcount_order(model, module, rows)
    layers = [l for l in ours["layers"] if l["parameters"] > 0 or l["weights"] > 0]
    problems, schedule_text = compare_schedule(model, torch_schedule, ours)
    if len(layers) != len(rows):
        problems.append(f"netcount has {len(layers)} layers with parameters, torch {len(rows)} "
                        "Conv2d/ConvTranspose2d/Linear/norm modules and layer scales")
    shown = 0
    for i, (n, t) in enumerate(zip(layers, rows)):
        diffs = [(k, a, b) for k, a, b in differences(n, t, ("out",) + COMPARED)]
        if n["auxiliary"] != t["aux"]:
            diffs.append(("auxiliary", n["auxiliary"], t["aux"]))
        if n["kind"] not in ZOO_KINDS.get(t["kind"], ()):
            diffs.insert(0, ("kind", n["kind"], t["kind"]))
        if diffs:
            shown += 1
            if shown <= 10:
                problems.append(f"layer {i} '{n['name']}' ({n['kind']}), torch {t['module']}: " +
                                "; ".join(f"{k}: netcount {a}, torch {b}" for k, a, b in diffs))
    if shown > 10:
        problems.append(f"... {shown - 10} more layers differ")
    if shown:
        # Only about the layers that differ: a mismatch of the totals or the schedule alone is
        # not a question of order.
        def signature(r):
            return (r["out"],) + tuple(r[k] for k in COMPARED)
        if sorted(map(signature, layers)) == sorted(map(signature, rows)):
            problems.append("the same layers in another order: the paths of a block are listed "
                            "in another order than torch runs them")
    if torch_entries is not None:
        entry_problems, compared = compare_entries(torch_entries, ours)
        problems += entry_problems
        schedule_text += f"; the kind and shape of {compared} entries"
    report.layers += min(len(layers), len(rows))
    totals = ours["totals"]["totals"]
    # An auxiliary head's units and connections are not in the totals (eval mode).
    expected = {k: sum(r[k] for r in rows if not (r["aux"] and k in ("units", "connections"))) for k in COMPARED}
    expected["parameters"] = sum(p.numel() for p in module.parameters())
    for key in COMPARED:
        if totals[key] != expected[key]:
            problems.append(f"total {key}: netcount {totals[key]}, torch {expected[key]}")
    h, w, c = model.input_shape
    if tuple(ours["totals"]["input"]) != (h, w, c):
        problems.append(f"input: netcount {ours['totals']['input']}, torch {[h, w, c]}")
    if problems:
        report.fail(f"MISMATCH zoo::{model.name}:\n  " + "\n  ".join(problems))
    else:
        say(f"  zoo::{model.name}: {len(layers)} layers and the totals match "
            f"({totals['parameters']:,} parameters, {totals['connections']:,} multiply-accumulates); "
            f"{schedule_text}" + (f"; in netcount's order: {model.order_note}" if model.order_note else ""))


# ---------------------------------------------------------------------------------------

def main(argv):
    args = parse_args(argv)
    try:
        import torch  # noqa: F401  (used by torch_side.py and random_nets.py)
        import torchvision  # noqa: F401  (the zoo's counterparts)
    except ImportError as e:
        say(f"SKIP: PyTorch and torchvision are needed ({e}); on Debian: "
            "apt-get install python3-torchvision")
        # CI installs them (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else SKIP
    sys.path.insert(0, HERE)
    import random_nets
    import zoo_models

    if args.show is not None:
        net = random_nets.generate(args.seed, args.show + 1, several_inputs=True)[args.show]
        p = Prepared(net)
        say(net.cpp())
        say(p.model)
        say("names: " + ", ".join(p.names))
        say(f"scale_width<{net.id}, {', '.join(map(str, net.scale))}>: {p.scaled}")
        return 0

    workdir = args.workdir or tempfile.mkdtemp(prefix="netcount-crosscheck-")
    os.makedirs(workdir, exist_ok=True)
    strict = args.strict or zoo_models.STRICT
    started = time.monotonic()

    # What to compile: the random networks (split into parts of about equal size) and the zoo
    # models netcount has (one part per zoo header). The compilers start at once; torch runs
    # while they work.
    nets, parts, zoo_present, missing, no_counterpart, resizable = [], [], [], [], [], []
    if args.only != "zoo":
        nets = random_nets.generate(args.seed, args.networks, several_inputs=True)
        t = time.monotonic()
        try:
            prepared = {n.id: Prepared(n) for n in nets}
        except RuntimeError as e:
            say(f"error: {e}")
            return 2
        say(f"torch: {len(nets)} random networks built in {time.monotonic() - t:.1f} s")
        groups = balanced(nets, lambda n: len(n.cpp()), args.parts)
        parts += [(f"print_random_{k}", random_part(f"print_random_{k}", g, prepared))
                  for k, g in enumerate(groups)]
    if args.only != "random":
        find_zoo_models(zoo_models.MODELS)
        for m in zoo_models.MODELS:
            (missing if m.header is None else no_counterpart if m.build is None else zoo_present).append(m)
        # The zoo's headers in as many parts as the random networks (each part parses netcount's
        # headers once: a third of a second a part), each header's models together, the parts
        # of about equal weight: a header's size and its models.
        headers = sorted({m.header for m in zoo_present})
        weight = {h: os.path.getsize(os.path.join(ROOT, "include", h)) + 2000 * sum(m.header == h for m in zoo_present)
                  for h in headers}
        for k, group in enumerate(balanced(headers, weight.get, args.parts)):
            in_part = [m for m in zoo_present if m.header in group]
            parts.append((f"print_zoo_{k}", zoo_part(f"print_zoo_{k}", in_part)))
        resizable = [m for m in zoo_present if m.resized_note is None]
        if resizable:
            parts.append(("print_resized", resized_part("print_resized", resizable)))
    say(f"netcount: compiling {len(parts) + 1} translation units in {workdir}, {args.jobs} at a time")
    build = Build(args, workdir, parts)

    report = Report()
    try:
        if nets:
            t = time.monotonic()
            random_torch = torch_random_side(nets, prepared)
            say(f"torch: {len(nets)} random networks (seed {args.seed}) run in {time.monotonic() - t:.1f} s")
        zoo_torch = {}
        if zoo_present:
            t = time.monotonic()
            references = stored_references()
            for m in zoo_present:
                zoo_torch[m.name] = torch_zoo_side(m)
                for path, models in references:
                    check_reference(m, *zoo_torch[m.name][:2], path, models, report)
            say(f"torch: {len(zoo_present)} zoo models run in {time.monotonic() - t:.1f} s")
            t = time.monotonic()
            resized_torch = {m.name: torch_resized_side(m) for m in resizable}
            say(f"torch: {len(resizable)} zoo models on another input run in {time.monotonic() - t:.1f} s")
    except RuntimeError as e:
        say(f"error: {e}")
        build.pool.shutdown(cancel_futures=True)
        return 2
    netcount_sides = build.finish()
    if netcount_sides is None:
        return 2

    for m in no_counterpart:
        say(f"  zoo::{m.name}: not compared, no torch counterpart ({m.note})")
    for m in zoo_present:
        compare_zoo(m, *zoo_torch[m.name], netcount_sides[f"zoo::{m.name}"], report)
    for m in zoo_present:
        if m.resized_note is not None:
            say(f"  zoo::{m.name}: not compared on another input ({m.resized_note})")
        else:
            compare_resized(m, resized_torch[m.name], netcount_sides[f"resized::{m.name}"]["totals"], report)
    for m in missing:
        say(f"  zoo::{m.name}: MISSING (no struct {m.name} in include/netcount/zoo/)")
        if strict:
            report.fail(f"MISSING zoo::{m.name}, and the model list is strict (zoo_models.STRICT)")
    zoo_layers = report.layers
    compare_random(nets, random_torch if nets else {}, netcount_sides, report, prepared if nets else {})

    say(f"compared: {len(zoo_present)} zoo models ({zoo_layers} layers; torch's side also "
        f"against {report.references} stored references; {len(resizable) if zoo_present else 0} also on "
        f"another input), {len(missing)} missing"
        f"{' (strict: they fail)' if strict and missing else ''}; {len(nets)} random networks "
        f"({report.layers - zoo_layers} layers and merges; {sum(1 for n in nets if n.taps)} of the networks "
        f"graphs, with {sum(len(n.taps) for n in nets)} from<>; "
        f"{sum(1 for n in nets if n.outputs and len(n.outputs.sources) > 1)} with several outputs, "
        f"{sum(len(n.reuses) for n in nets)} shared<> reuses in {sum(1 for n in nets if n.reuses)}, "
        f"{sum(len(n.rois) for n in nets)} rois<>, {sum(1 for n in nets if n.inputs)} with several inputs); "
        f"in {time.monotonic() - started:.1f} s "
        f"({cpu_seconds():.0f} s of CPU, compilers included)")
    if report.failures:
        say(f"FAILED: {report.failures} mismatches (sources in {workdir})")
        return 1
    say("all match")
    if not args.workdir:
        shutil.rmtree(workdir)  # kept only when something failed, or when asked for
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
