"""netcount-import against the hand-written zoo: each model built by torchvision (the list of
tools/crosscheck/zoo_models.py), imported through --torch (torch.fx) and through ONNX
(torch.onnx.export with training=TrainingMode.PRESERVE from train mode, so that batch norms and
dropout stay, at each opset asked for), and every generated header compiled with its totals
(parameters, weights, biases, connections, units, activations), output shapes and peak
activations static_asserted equal to the zoo type's.

    check_zoo.py --workdir DIR [--models resnet18,mobilenet_v2 | --all] [--routes torch,onnx13,onnx17]
                 [--jobs 2] [--cache DIR] -- <compiler> <flags...>

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
  compiler's run compiles the same headers without importing them again.

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
    p.add_argument("--jobs", type=int, default=2)
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
    routes = args.routes.split(",")
    os.makedirs(args.workdir, exist_ok=True)
    salt = cache_salt() if args.cache else None
    if args.cache:
        os.makedirs(args.cache, exist_ok=True)
    failures = []
    started = time.time()
    stats = {"imported": 0, "cached": 0, "same": 0, "compiled": 0}

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
        cpp = os.path.join(args.workdir, f"check_{index}.cpp")
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
            failure = f"check_{index}.cpp [{label}]: a header does not compile or disagrees with the zoo:\n" + \
                "\n".join(r.stderr.splitlines()[:40])
            failures.append(failure)
            print("  " + failure.splitlines()[0], flush=True)
        else:
            print(f"  equal: {label} ({seconds:.1f} s)", flush=True)
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None) as scratch, \
            concurrent.futures.ThreadPoolExecutor(max(1, args.jobs - 1)) as pool:
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
                    with open(os.path.join(args.cache, keys[r]), "w") as f:
                        f.write(text)
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
        print(f"check_zoo: {len(names)} models, {stats['imported']} headers imported, {stats['cached']} from the "
              f"cache, {stats['same']} equal to another route's, in {time.time() - started:.0f} s", flush=True)
        for future in pending:
            report(future)
    print(f"check_zoo: {stats['compiled']} headers compiled, {time.time() - started:.0f} s in all")
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
