"""netcount-import against the hand-written zoo: each model built by torchvision (the list of
tools/crosscheck/zoo_models.py), imported through --torch (torch.fx) and through ONNX
(torch.onnx.export with training=TrainingMode.PRESERVE from train mode, so that batch norms and
dropout stay, at each opset asked for), and every generated header compiled with its totals
(parameters, weights, biases, connections, units, activations), output shapes and peak
activations static_asserted equal to the zoo type's.

    check_zoo.py --workdir DIR [--models resnet18,mobilenet_v2 | --all] [--routes torch,onnx13,onnx17]
                 [--shard K/N] [--jobs 1] [--cache DIR] -- <compiler> <flags...>

--shard K/N (K from 0) takes the K-th of N shards of the models asked for, balanced by the
measured cost of each model's import (IMPORT_SECONDS; see shards()), so that N processes side by
side check every model once: CTest runs import.zoo.0 and import.zoo.1 (tests/import/CMakeLists.txt).
--jobs is the number of compiles at once beside the importing Python thread (1 by default: each
of CI's two shards then keeps about one core busy).

What makes it lean enough to run on every model in CI (measured in tests/import/CMakeLists.txt):
- one Python process imports torch, onnx and the importer once, and runs the importer in
  process (netcount_import.main.run, the function the command line calls): a subprocess per
  header spent about two seconds importing torch, three times per model;
- each model is built once; both exports and the --torch route read that module;
- the ONNX files go to a temporary directory in /dev/shm where there is one, and each is deleted
  once imported (the zoo's exports are 15 GB in all);
- a header whose text is the same as another route's of the same model (the two opsets give the
  same graph for most models) is compiled once: equal text, equal figures;
- the models are compiled in a few translation units, while the next ones are imported;
- with --cache DIR (NETCOUNT_IMPORT_CACHE in the environment: .ci/run sets it for its two
  builds), headers are kept under a key of everything that makes them (the importer's and this
  test's sources, the torch, torchvision and onnx versions, the model, the route), so the second
  compiler's run compiles the same headers without importing them again. A key names one model's
  route, whichever shard imports it, and each entry is written to a file of its own in the cache
  and renamed to its key once whole, so processes sharing the cache (the shards, or two builds)
  never read half an entry; two that write the same key write the same text;
- the models are split into shards (--shard) run as separate processes: the import is one
  Python thread, so two shards use CI's two cores where one process used one.

Exits 77 (CTest's skip) when torch, torchvision or onnx do not import.
"""

import argparse
import concurrent.futures
import contextlib
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOOLS = os.path.join(ROOT, "tools")
sys.path[:0] = [HERE, TOOLS, os.path.join(TOOLS, "crosscheck")]

# Models per translation unit: each TU includes the zoo headers its models need.
PER_TU = 8

# Seconds to build each model, export it at opsets 13 and 17 and import the three routes: the
# mean of two runs' "<model>: torch, onnx13, onnx17 in N s" lines (this script in one process
# importing all 77, 1414 s and 1087 s in all; torch 1.13, g++ 12 compiling beside it, 2 cores
# shared with other work: the absolute times vary with the load, the ratios little). --shard
# balances the shards by them. A model not listed counts as DEFAULT_SECONDS, with a note: add its
# measured figure.
IMPORT_SECONDS = {
    "alexnet": 9.8,
    "alexnet_torchvision": 6.5,
    "vgg11": 16.1,
    "vgg13": 16.0,
    "vgg16": 16.2,
    "vgg19": 17.4,
    "resnet18": 0.9,
    "resnet34": 1.8,
    "resnet50": 4.8,
    "resnet101": 8.4,
    "resnet152": 13.9,
    "mobilenet_v1": 0.9,
    "mobilenet_v2": 1.2,
    "squeezenet1_0": 0.5,
    "squeezenet1_1": 0.5,
    "googlenet": 1.8,
    "densenet121": 8.2,
    "resnext50_32x4d": 5.2,
    "resnext101_32x8d": 20.9,
    "resnext101_64x4d": 24.7,
    "wide_resnet50_2": 12.0,
    "wide_resnet101_2": 24.2,
    "vgg11_bn": 19.2,
    "vgg13_bn": 20.8,
    "vgg16_bn": 24.8,
    "vgg19_bn": 19.2,
    "densenet161": 12.4,
    "densenet169": 9.6,
    "densenet201": 13.7,
    "regnet_x_400mf": 1.8,
    "regnet_x_800mf": 1.6,
    "regnet_x_1_6gf": 2.4,
    "regnet_x_3_2gf": 6.8,
    "regnet_x_8gf": 11.1,
    "regnet_x_16gf": 11.3,
    "regnet_x_32gf": 23.7,
    "regnet_y_400mf": 2.0,
    "regnet_y_800mf": 2.0,
    "regnet_y_1_6gf": 5.1,
    "regnet_y_3_2gf": 5.4,
    "regnet_y_8gf": 12.8,
    "regnet_y_16gf": 16.4,
    "regnet_y_32gf": 26.2,
    "regnet_y_128gf": 95.2,
    "mnasnet0_5": 1.0,
    "mnasnet0_75": 1.1,
    "mnasnet1_0": 1.3,
    "mnasnet1_3": 1.5,
    "shufflenet_v2_x0_5": 3.6,
    "shufflenet_v2_x1_0": 4.3,
    "shufflenet_v2_x1_5": 3.7,
    "shufflenet_v2_x2_0": 3.2,
    "convnext_tiny": 10.2,
    "convnext_small": 19.5,
    "convnext_base": 28.8,
    "convnext_large": 67.7,
    "fcn_resnet50": 53.4,
    "fcn_resnet101": 90.6,
    "deeplabv3_resnet50": 57.2,
    "deeplabv3_resnet101": 95.3,
    "deeplabv3_mobilenet_v3_large": 4.2,
    "lraspp_mobilenet_v3_large": 3.1,
    "mobilenet_v3_large": 1.4,
    "mobilenet_v3_small": 0.9,
    "efficientnet_b0": 2.0,
    "efficientnet_b1": 3.6,
    "efficientnet_b2": 3.9,
    "efficientnet_b3": 5.5,
    "efficientnet_b4": 9.9,
    "efficientnet_b5": 17.4,
    "efficientnet_b6": 28.6,
    "efficientnet_b7": 50.1,
    "efficientnet_v2_s": 13.2,
    "efficientnet_v2_m": 28.3,
    "efficientnet_v2_l": 60.1,
    "inception_v3": 5.0,
    "unet": 14.8,
}
DEFAULT_SECONDS = 10.0

ASSERTS = """\
static_assert(nc::totals<{got}>.parameters == nc::totals<{want}>.parameters, "{label}: parameters");
static_assert(nc::totals<{got}>.weights == nc::totals<{want}>.weights, "{label}: weights");
static_assert(nc::totals<{got}>.biases == nc::totals<{want}>.biases, "{label}: biases");
static_assert(nc::totals<{got}>.connections == nc::totals<{want}>.connections, "{label}: connections");
static_assert(nc::totals<{got}>.connections_with_bias == nc::totals<{want}>.connections_with_bias, "{label}: connections_with_bias");
static_assert(nc::totals<{got}>.units == nc::totals<{want}>.units, "{label}: units");
static_assert(nc::totals<{got}>.activations == nc::totals<{want}>.activations{less}, "{label}: activations");
static_assert(nc::output_shapes<{got}> == nc::output_shapes<{want}>, "{label}: output shapes");
static_assert(nc::peak_activations<{got}> == nc::peak_activations<{want}>, "{label}: peak activations");
"""

# torch.onnx.export writes nothing for stochastic depth (EfficientNet, ConvNeXt), the identity at
# inference, which it exports from eval mode (its training form cannot be exported); the zoo
# writes torchvision's module, stochastic_depth, whose output counts as activations like any
# entry's. An ONNX route's activations are the zoo's less those entries' (computed by netcount
# from the zoo type); every other figure, the peak included, is the zoo's.
STOCHASTIC_DEPTH = """\
template<class Net>
constexpr std::uint64_t stochastic_depth_activations() {
    std::uint64_t sum = 0;
    for (const nc::layer_info& l : nc::layers<Net>)
        if (l.kind == "stochastic_depth") sum += l.activations;
    return sum;
}
"""

# torch.onnx.export writes a concatenation of concatenations as one Concat (Inception v3's
# InceptionE: torch.cat([branch1x1, torch.cat([2a, 2b]), torch.cat([3a, 3b]), branch_pool])
# becomes one Concat of six tensors), so its export has no tensor for the inner ones. For the
# models listed here, an ONNX route's activations are the zoo's less those of every concat that
# only one concat reads (computed by netcount from the zoo type). DenseNet's concatenations are
# not nested in its export (each lists every feature), so the rule is not general.
FUSED_CONCATS = {"inception_v3"}
FUSED_CONCAT = """\
template<class Net>
constexpr std::uint64_t concat_in_concat_activations() {
    std::uint64_t sum = 0;
    const auto& entries = nc::layers<Net>;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].kind != "concat") continue;
        std::size_t readers = 0, concats = 0;
        for (const nc::layer_info& l : entries)
            for (std::size_t input : l.inputs)
                if (input == i) {
                    ++readers;
                    if (l.kind == "concat") ++concats;
                }
        if (readers == 1 && concats == 1) sum += entries[i].activations;
    }
    return sum;
}
"""


def zoo_header(model):
    """The zoo header that defines `struct model`."""
    directory = os.path.join(ROOT, "include", "netcount", "zoo")
    defines = re.compile(rf"^struct {model}\b", re.M)
    for f in sorted(os.listdir(directory)):
        with open(os.path.join(directory, f)) as h:
            if defines.search(h.read()):
                return f"netcount/zoo/{f}"
    raise SystemExit(f"check_zoo: no zoo header defines struct {model}")


def uses_stochastic_depth(model):
    """Whether the zoo header of the model writes stochastic_depth (then counting the entries
    costs a layers<Net>; the other models skip it)."""
    with open(os.path.join(ROOT, "include", zoo_header(model))) as f:
        return "stochastic_depth" in f.read()


def cache_salt():
    """Everything a header depends on besides the model and the route."""
    import onnx
    import torch
    import torchvision
    h = hashlib.sha256(f"{torch.__version__} {torchvision.__version__} {onnx.__version__}".encode())
    sources = [os.path.join(TOOLS, "netcount_import", f) for f in sorted(os.listdir(os.path.join(TOOLS, "netcount_import")))
               if f.endswith(".py")]
    sources += [os.path.abspath(__file__), os.path.join(HERE, "zoo_factories.py"),
                os.path.join(TOOLS, "crosscheck", "zoo_models.py")]
    for s in sources:
        with open(s, "rb") as f:
            h.update(s.encode() + b"\0" + f.read())
    return h.hexdigest()


def run_importer(argv):
    """netcount-import in process: (0, header text) or (status, its error)."""
    from netcount_import.graph import ImportError_
    from netcount_import.main import run
    out = os.path.join(tempfile.gettempdir(), f"netcount-check-zoo-{os.getpid()}.hpp")
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run(argv + ["-o", out])
        with open(out) as f:
            return 0, f.read()
    except ImportError_ as e:
        return 1, f"netcount-import: error: {e}"
    except Exception:  # noqa: BLE001 - a traceback is a failure of the importer, reported whole
        return 1, traceback.format_exc()
    finally:
        if os.path.exists(out):
            os.remove(out)


def import_model(model, routes, scratch):
    """{route: (status, header text or error)} for one zoo model."""
    import torch

    import zoo_factories
    h, w, c = model.input_shape
    common = ["--namespace", "imported", "--input", f"{c},{h},{w}"]
    for head in model.auxiliary.values():  # Inception v3's AuxLogits: netcount's auxiliary<...>
        common += ["--auxiliary", head]
    module = model.build()
    results = {}
    for route in routes:
        if route == "torch":
            continue
        opset = int(route[len("onnx"):])
        path = os.path.join(scratch, f"{model.name}_{opset}.onnx")
        # PRESERVE keeps each module's mode: from train mode, dropout stays (eval mode exports
        # nothing for it); batch norms in eval mode stay BatchNormalization nodes (PRESERVE does
        # not fold them into the convolutions) and run on Inception v3's 1 x 1 auxiliary map,
        # which a batch norm in training refuses; stochastic depth (ConvNeXt, EfficientNet) in
        # eval mode, since its training form draws a Bernoulli mask that torch.onnx cannot
        # export (it is exported as nothing: see STOCHASTIC_DEPTH).
        module.train()
        for sub in module.modules():
            if type(sub).__name__ == "StochasticDepth" or isinstance(sub, torch.nn.modules.batchnorm._BatchNorm):
                sub.eval()
        try:
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the exporter's notes on train mode
                torch.onnx.export(module, torch.zeros(1, c, h, w), path, opset_version=opset,
                                  training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
            results[route] = run_importer([path, "--name", f"{model.name}_{route}"] + common)
        except Exception:  # noqa: BLE001
            results[route] = (1, "torch.onnx.export failed:\n" + traceback.format_exc())
        finally:
            if os.path.exists(path):
                os.remove(path)
    if "torch" in routes:
        # The module already built, handed to --torch zoo_factories:<name> (it sets eval mode).
        zoo_factories.PREBUILT[model.name] = module
        try:
            results["torch"] = run_importer(["--torch", f"zoo_factories:{model.name}", "--name",
                                             f"{model.name}_torch"] + common)
        finally:
            zoo_factories.PREBUILT.pop(model.name, None)
    return results


def shards(names, count):
    """The models split into `count` lists, deterministically, balanced by IMPORT_SECONDS: the
    costliest first, each to the list whose total is least (the first such on a tie), each list
    then in the order of `names`. Raises when a model is in no list or in two."""
    order = sorted(range(len(names)), key=lambda i: (-IMPORT_SECONDS.get(names[i], DEFAULT_SECONDS), i))
    totals = [0.0] * count
    members = [[] for _ in range(count)]
    for i in order:
        k = min(range(count), key=lambda j: (totals[j], j))
        totals[k] += IMPORT_SECONDS.get(names[i], DEFAULT_SECONDS)
        members[k].append(i)
    lists = [[names[i] for i in sorted(m)] for m in members]
    # Every model in exactly one shard: a model left out would be a check that silently proves less.
    flat = [n for shard in lists for n in shard]
    if sorted(flat) != sorted(names) or len(set(flat)) != len(flat):
        raise SystemExit(f"check_zoo: the {count} shards do not hold each of the {len(names)} models once")
    return lists, totals


def write_cache(directory, key, text):
    """An entry written whole under a name of this process's own, then renamed to its key (atomic
    on POSIX): a process reading the key at the same time finds no entry or the whole one, never a
    part."""
    tmp = os.path.join(directory, f".{key}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, os.path.join(directory, key))
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def normalised(text, struct):
    """A header without what names its source: two routes' headers with equal text count equally."""
    lines = [line for line in text.splitlines() if not line.startswith("// ")]
    return "\n".join(lines).replace(struct, "@NAME@").replace(struct.upper(), "@NAME@")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", required=True)
    p.add_argument("--models", default="resnet18,mobilenet_v2,squeezenet1_0,densenet121")
    p.add_argument("--all", action="store_true")
    p.add_argument("--routes", default="torch,onnx13,onnx17")
    p.add_argument("--shard", default="0/1", help="K/N: the K-th (from 0) of N shards of the models")
    p.add_argument("--jobs", type=int, default=1, help="compiles at once, beside the importing thread")
    p.add_argument("--cache", default=os.environ.get("NETCOUNT_IMPORT_CACHE") or None)
    p.add_argument("compile", nargs=argparse.REMAINDER)
    args = p.parse_args()
    compile_cmd = args.compile[1:] if args.compile[:1] == ["--"] else args.compile
    try:
        import onnx  # noqa: F401
        import torch  # noqa: F401
        import torchvision  # noqa: F401
    except ImportError as e:
        print(f"check_zoo: skipped: {e} (Debian: python3-torchvision python3-onnx)")
        # CI installs them (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    import zoo_models
    models = {m.name: m for m in zoo_models.MODELS if m.build is not None}
    names = list(models) if args.all or args.models == "all" else args.models.split(",")
    unknown = [n for n in names if n not in models]
    for n in names:
        if n in models:
            zoo_header(n)  # every model's header found before anything runs
    if unknown:
        raise SystemExit(f"check_zoo: not zoo models with a torch module: {', '.join(unknown)}")
    if len(set(names)) != len(names):
        raise SystemExit("check_zoo: a model is listed twice in --models")
    shard = re.fullmatch(r"(\d+)/(\d+)", args.shard)
    if not shard or not 0 <= int(shard[1]) < int(shard[2]):
        raise SystemExit(f"check_zoo: --shard {args.shard}: expected K/N with 0 <= K < N")
    shard_index, count = int(shard[1]), int(shard[2])
    if count > len(names):
        raise SystemExit(f"check_zoo: --shard {args.shard}: more shards than the {len(names)} models")
    for n in names:
        if n not in IMPORT_SECONDS:
            print(f"check_zoo: note: no measured import time for {n} (IMPORT_SECONDS): counted as "
                  f"{DEFAULT_SECONDS:.0f} s", flush=True)
    lists, totals = shards(names, count)
    if count > 1:
        print(f"check_zoo: shard {shard_index}/{count}: {len(lists[shard_index])} of the {len(names)} models "
              f"({totals[shard_index]:.0f} of {sum(totals):.0f} measured s): {', '.join(lists[shard_index])}",
              flush=True)
    names = lists[shard_index]
    routes = args.routes.split(",")
    os.makedirs(args.workdir, exist_ok=True)
    salt = cache_salt() if args.cache else None
    if args.cache:
        os.makedirs(args.cache, exist_ok=True)
    failures = []
    started = time.time()
    stats = {"imported": 0, "cached": 0, "same": 0, "compiled": 0}

    # Shards given the same --workdir write their translation units under names of their own.
    shard_tag = f"{shard_index}of{count}_" if count > 1 else ""
    shard_label = f" (shard {shard_index}/{count})" if count > 1 else ""

    def compile_tu(index, batch):
        """One TU asserting each header of the batch equal to its zoo type; (index, result, seconds)."""
        includes = sorted({zoo_header(name) for name, _ in batch})
        lines = ["// generated by tests/import/check_zoo.py"]
        lines += [f'#include "{name}_{route}.hpp"' for name, routes_ in batch for route in routes_]
        lines += [f"#include <{h}>" for h in includes]
        lines += ["#include <cstddef>", "#include <cstdint>", "", "namespace nc = netcount;", "", STOCHASTIC_DEPTH,
                  FUSED_CONCAT]
        for name, routes_ in batch:
            for route in routes_:
                less = ""
                if route != "torch" and uses_stochastic_depth(name):
                    less += f" - stochastic_depth_activations<nc::zoo::{name}>()"
                if route != "torch" and name in FUSED_CONCATS:
                    less += f" - concat_in_concat_activations<nc::zoo::{name}>()"
                lines.append(ASSERTS.format(got=f"imported::{name}_{route}", want=f"nc::zoo::{name}",
                                            label=f"{name} {route}", less=less))
        lines.append("int main() { return 0; }")
        cpp = os.path.join(args.workdir, f"check_{shard_tag}{index}.cpp")
        with open(cpp, "w") as f:
            f.write("\n".join(lines) + "\n")
        t = time.time()
        r = subprocess.run(compile_cmd + ["-fsyntax-only", "-I", args.workdir, cpp], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL, start_new_session=True)
        return index, batch, r, time.time() - t

    pending = []
    batch = []
    reported = set()

    def report(future):
        """A compiled batch's result, once, as soon as it is known."""
        if id(future) in reported:
            return
        reported.add(id(future))
        index, done, r, seconds = future.result()
        label = ", ".join(f"{n} ({'/'.join(rs)})" for n, rs in done)
        if r.returncode != 0:
            failure = f"check_{shard_tag}{index}.cpp [{label}]: a header does not compile or disagrees with the zoo:\n" + \
                "\n".join(r.stderr.splitlines()[:40])
            failures.append(failure)
            print("  " + failure.splitlines()[0], flush=True)
        else:
            print(f"  equal: {label} ({seconds:.1f} s)", flush=True)
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None) as scratch, \
            concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for name in names:
            t = time.time()
            keys = {r: hashlib.sha256(f"{salt} {name} {r}".encode()).hexdigest() for r in routes} if salt else {}
            results = {}
            for r in routes:
                if r in keys and os.path.exists(os.path.join(args.cache, keys[r])):
                    with open(os.path.join(args.cache, keys[r])) as f:
                        results[r] = (0, f.read())
            missing = [r for r in routes if r not in results]
            if missing:
                results.update(import_model(models[name], missing, scratch))
                stats["imported"] += len(missing)
            stats["cached"] += len(routes) - len(missing)
            compiled, seen = [], {}
            for r in routes:
                status, text = results[r]
                if status != 0:
                    failures.append(f"{name} {r}: netcount-import failed: {text.strip()}")
                    continue
                if r in keys and r in missing:
                    write_cache(args.cache, keys[r], text)
                with open(os.path.join(args.workdir, f"{name}_{r}.hpp"), "w") as f:
                    f.write(text)
                same = seen.get(normalised(text, f"{name}_{r}"))
                if same:
                    stats["same"] += 1
                    print(f"  {name} {r}: the same header as {same}'s", flush=True)
                    continue
                seen[normalised(text, f"{name}_{r}")] = r
                compiled.append(r)
            print(f"  {name}: {', '.join(routes)} in {time.time() - t:.1f} s", flush=True)
            for future in pending:
                if future.done():
                    report(future)
            if compiled:
                batch.append((name, compiled))
                stats["compiled"] += len(compiled)
            if len(batch) == PER_TU:
                pending.append(pool.submit(compile_tu, len(pending), batch))
                batch = []
        if batch:
            pending.append(pool.submit(compile_tu, len(pending), batch))
        print(f"check_zoo: {len(names)} models{shard_label}, {stats['imported']} headers imported, {stats['cached']} from the "
              f"cache, {stats['same']} equal to another route's, in {time.time() - started:.0f} s", flush=True)
        for future in pending:
            report(future)
    print(f"check_zoo: {stats['compiled']} headers compiled{shard_label}, {time.time() - started:.0f} s in all")
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
