#!/usr/bin/python3
"""Translation units for the compile-time benchmark (bench/run.py).

Every network exists twice: as C++ text for netcount, and as a small Python model that
computes its totals with its own arithmetic (the rules of README.md, "What is counted").
The translation unit static_asserts those totals, so a benchmark run also checks netcount.

    bench/generate.py OUTDIR [--sizes 10,100,1000]

writes, for each network, <case>.cpp (the totals asserted), <case>.type.cpp (the network
declared, nothing counted) and <case>.base.cpp (the same includes, no network), plus the
include-cost pair and the diagnostic cases. Only the standard library is used.
"""

import argparse
import json
import pathlib
import sys
from dataclasses import dataclass, field

REPO = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = REPO / "tests" / "reference" / "torchvision-zoo.json"


# ---------------------------------------------------------------------------------------
# The Python side: shapes, totals and layers that know both their C++ and their counts.

@dataclass(frozen=True)
class Shape:
    h: int
    w: int
    c: int

    def size(self):
        return self.h * self.w * self.c


@dataclass
class Totals:
    units: int = 0
    weights: int = 0
    biases: int = 0
    parameters: int = 0
    connections: int = 0
    connections_with_bias: int = 0
    activations: int = 0  # output elements of every entry of layers<Net>, merges included
    entries: int = 0      # entries of layers<Net>: layers and merges

    def entry(self, out):
        self.entries += 1
        self.activations += out.size()


def window_positions(size, k, stride, pad):
    """Positions of a window along one axis; pad is 'valid', 'same' or a number per side."""
    if pad == "same":
        return -(-size // stride)  # ceil(size / stride), TensorFlow's rule
    p = 0 if pad == "valid" else pad
    assert size + 2 * p >= k, "window larger than the padded input"
    return (size + 2 * p - k) // stride + 1


def pad_cpp(pad):
    return "" if pad == "valid" else ", nc::same" if pad == "same" else f", nc::pad<{pad}>"


@dataclass
class Conv:
    filters: int
    k: int
    stride: int = 1
    pad: object = "valid"
    groups: int = 1
    bias: bool = True

    def cpp(self):
        s = f"nc::conv<{self.filters}, nc::kernel<{self.k}>"
        s += f", nc::stride<{self.stride}>" if self.stride != 1 else ""
        s += pad_cpp(self.pad)
        s += f", nc::groups<{self.groups}>" if self.groups != 1 else ""
        s += ", nc::no_bias" if not self.bias else ""
        return s + ">"

    def apply(self, x, t):
        y = window_positions(x.h, self.k, self.stride, self.pad)
        z = window_positions(x.w, self.k, self.stride, self.pad)
        assert x.c % self.groups == 0 and self.filters % self.groups == 0
        weights = self.k * self.k * (x.c // self.groups) * self.filters
        units = y * z * self.filters
        biases = self.filters if self.bias else 0
        t.units += units
        t.weights += weights
        t.biases += biases
        t.parameters += weights + biases
        t.connections += weights * y * z
        t.connections_with_bias += weights * y * z + (units if self.bias else 0)
        out = Shape(y, z, self.filters)
        t.entry(out)
        return out


@dataclass
class Pool:
    kind: str  # max_pool or avg_pool
    k: int
    stride: int = 0  # 0: the kernel, netcount's default
    pad: object = "valid"

    def cpp(self):
        s = f"nc::{self.kind}<nc::kernel<{self.k}>"
        s += f", nc::stride<{self.stride}>" if self.stride else ""
        return s + pad_cpp(self.pad) + ">"

    def apply(self, x, t):
        s = self.stride or self.k
        out = Shape(window_positions(x.h, self.k, s, self.pad), window_positions(x.w, self.k, s, self.pad), x.c)
        t.entry(out)
        return out


@dataclass
class Fc:
    outputs: int
    bias: bool = True

    def cpp(self):
        return f"nc::fc<{self.outputs}{'' if self.bias else ', nc::no_bias'}>"

    def apply(self, x, t):
        weights = x.size() * self.outputs
        biases = self.outputs if self.bias else 0
        t.units += self.outputs
        t.weights += weights
        t.biases += biases
        t.parameters += weights + biases
        t.connections += weights
        t.connections_with_bias += weights + biases
        out = Shape(1, 1, self.outputs)
        t.entry(out)
        return out


@dataclass
class Same:
    """A layer that keeps its input's shape: relu, tanh, dropout, lrn<5>, batch_norm."""
    text: str

    def cpp(self):
        return f"nc::{self.text}"

    def apply(self, x, t):
        if self.text == "batch_norm":
            t.parameters += 2 * x.c  # scale and shift per channel
        t.entry(x)
        return x


@dataclass
class Resize:
    """global_avg_pool (1 x 1) or adaptive_avg_pool<S> (S x S); no counts."""
    text: str
    size: int

    def cpp(self):
        return f"nc::{self.text}"

    def apply(self, x, t):
        out = Shape(self.size, self.size, x.c)
        t.entry(out)
        return out


class Identity:
    def cpp(self):
        return "nc::identity"

    def apply(self, x, t):
        return x


@dataclass
class Sequence:
    elements: list

    def cpp(self):
        return "nc::sequence<" + ", ".join(e.cpp() for e in self.elements) + ">"

    def apply(self, x, t):
        for e in self.elements:
            x = e.apply(x, t)
        return x


@dataclass
class Merge:
    """add<Paths...>, concat<Paths...>, or residual<Layers...> (add of identity and the layers)."""
    op: str
    parts: list

    def cpp(self):
        return f"nc::{self.op}<" + ", ".join(p.cpp() for p in self.parts) + ">"

    def apply(self, x, t):
        paths = [Sequence(self.parts)] if self.op == "residual" else self.parts
        outs = [p.apply(x, t) for p in paths] + ([x] if self.op == "residual" else [])
        if self.op == "concat":
            assert all((o.h, o.w) == (outs[0].h, outs[0].w) for o in outs)
            out = Shape(outs[0].h, outs[0].w, sum(o.c for o in outs))
        else:
            assert all(o == outs[0] for o in outs), outs
            out = outs[0]
        t.entry(out)  # the merge is an entry of layers<Net>
        return out


def count(input_shape, elements):
    t = Totals()
    x = input_shape
    for e in elements:
        x = e.apply(x, t)
    return t, x


# ---------------------------------------------------------------------------------------
# Synthetic networks of exactly N entries, valid at any N >= 10.

CHANNELS = 16
INPUT = Shape(32, 32, CHANNELS)


def spread_shrinks(n, count=3):
    """Entry indices from which the next pool may halve the map: a quarter, half, three
    quarters of the way."""
    return [n * (i + 1) // (count + 1) for i in range(count)]


def chain(n):
    """Convs, pools and activations in a cycle of 12 entries, then fc<64>, relu, fc<10>. A
    pool slot halves the map (max_pool<kernel<2>>) at most three times, spread over the depth
    and only while the map is at least 8 wide; otherwise it keeps the size."""
    assert n >= 10
    cycle = [
        lambda: Conv(CHANNELS, 3, pad="same"),
        lambda: Same("batch_norm"),
        lambda: Same("relu"),
        None,  # the pool slot
        lambda: Conv(2 * CHANNELS, 1),
        lambda: Same("relu"),
        lambda: Conv(CHANNELS, 3, pad=1, groups=4, bias=False),
        lambda: Same("tanh"),
        lambda: Conv(CHANNELS, 5, pad="same", groups=2),
        lambda: Same("relu"),
        lambda: Pool("avg_pool", 3, stride=1, pad=1),
        lambda: Same("dropout"),
    ]
    shrinks = spread_shrinks(n)
    elements, t, x = [], Totals(), INPUT
    body = n - 3
    for i in range(body):
        make = cycle[i % len(cycle)]
        if make is None:
            if shrinks and i >= shrinks[0] and x.w >= 8:
                shrinks.pop(0)
                layer = Pool("max_pool", 2)
            else:
                layer = Pool("max_pool", 3, stride=1, pad="same")
        else:
            layer = make()
        x = layer.apply(x, t)
        elements.append(layer)
    elements += [Fc(64), Same("relu"), Fc(10)]
    return elements


def branching(n):
    """Residual, concat, add and nested blocks in a cycle, with an occasional halving pool,
    then relus to fill and fc<10>. N counts entries of layers<Net>, merges included."""
    assert n >= 10
    half = CHANNELS // 2
    blocks = [
        # residual: 5 layers and the merge, then a relu: 7 entries
        lambda: [Merge("residual", [Conv(CHANNELS, 3, pad="same", bias=False), Same("batch_norm"), Same("relu"),
                                    Conv(CHANNELS, 3, pad="same", bias=False), Same("batch_norm")]),
                 Same("relu")],
        # concat of two towers: 4 layers and the merge
        lambda: [Merge("concat", [Sequence([Conv(half, 1), Same("relu")]),
                                  Sequence([Conv(half, 3, pad="same"), Same("relu")])])],
        # add of three paths, one of them identity: 3 layers and the merge
        lambda: [Merge("add", [Identity(), Conv(CHANNELS, 1),
                               Sequence([Pool("max_pool", 3, stride=1, pad=1), Conv(CHANNELS, 1, bias=False)])])],
        # nested: a residual around a concat: 3 layers and two merges
        lambda: [Merge("residual", [Merge("concat", [Conv(half, 1), Conv(half, 3, pad="same")]), Same("relu")])],
    ]
    shrinks = spread_shrinks(n)
    elements, t, x = [], Totals(), INPUT
    i, shrunk = 0, False
    while True:
        if shrinks and t.entries >= shrinks[0] and x.w >= 8 and not shrunk:
            shrinks.pop(0)
            candidate = [Pool("max_pool", 2)]
        else:
            candidate = blocks[i % len(blocks)]()
            i += 1
        size = count(x, candidate)[0].entries
        if t.entries + size > n - 1:
            break
        for e in candidate:
            x = e.apply(x, t)
        elements += candidate
        shrunk = isinstance(candidate[0], Pool)
    while t.entries < n - 1:
        layer = Same("relu")
        x = layer.apply(x, t)
        elements.append(layer)
    elements.append(Fc(10))
    return elements


# ---------------------------------------------------------------------------------------
# The zoo's networks, as the papers and torchvision describe them.

def alexnet_krizhevsky():
    """netcount::zoo::alexnet: the 2012 paper with the seed's corrections (227 input, towers
    as groups)."""
    pool = lambda: Pool("max_pool", 3, stride=2)
    return Shape(227, 227, 3), [
        Conv(96, 11, stride=4), Same("relu"), Same("lrn<5>"), pool(),
        Conv(256, 5, pad="same", groups=2), Same("relu"), Same("lrn<5>"), pool(),
        Conv(384, 3, pad="same"), Same("relu"),
        Conv(384, 3, pad="same", groups=2), Same("relu"),
        Conv(256, 3, pad="same", groups=2), Same("relu"), pool(),
        Fc(4096), Same("relu"), Same("dropout"),
        Fc(4096), Same("relu"), Same("dropout"),
        Fc(1000)]


def alexnet_torchvision():
    """netcount::zoo::alexnet_torchvision: torchvision's models.alexnet."""
    pool = lambda: Pool("max_pool", 3, stride=2)
    return Shape(224, 224, 3), [
        Conv(64, 11, stride=4, pad=2), Same("relu"), pool(),
        Conv(192, 5, pad=2), Same("relu"), pool(),
        Conv(384, 3, pad=1), Same("relu"),
        Conv(256, 3, pad=1), Same("relu"),
        Conv(256, 3, pad=1), Same("relu"), pool(),
        Resize("adaptive_avg_pool<6>", 6),
        Same("dropout"), Fc(4096), Same("relu"),
        Same("dropout"), Fc(4096), Same("relu"),
        Fc(1000)]


def resnet152():
    """netcount::zoo::resnet152: torchvision's, bottlenecks striding in their 3 x 3 conv, a
    projection (1 x 1 conv and batch norm) on the first block of every stage."""
    def conv(f, k, s=1):
        return Conv(f, k, stride=s, pad=k // 2, bias=False)

    def bottleneck(planes, stride, project):
        main = Sequence([conv(planes, 1), Same("batch_norm"), Same("relu"),
                         conv(planes, 3, stride), Same("batch_norm"), Same("relu"),
                         conv(4 * planes, 1), Same("batch_norm")])
        shortcut = Sequence([conv(4 * planes, 1, stride), Same("batch_norm")]) if project else Identity()
        return Sequence([Merge("add", [main, shortcut]), Same("relu")])

    elements = [conv(64, 7, 2), Same("batch_norm"), Same("relu"), Pool("max_pool", 3, stride=2, pad=1)]
    for planes, blocks, stride in [(64, 3, 1), (128, 8, 2), (256, 36, 2), (512, 3, 2)]:
        elements += [bottleneck(planes, stride if b == 0 else 1, b == 0) for b in range(blocks)]
    elements += [Resize("global_avg_pool", 1), Fc(1000)]
    return Shape(224, 224, 3), elements


# Figures from outside: the seed's AlexNet table (as README.md shows it) and torchvision's,
# measured with forward hooks (tests/reference/torchvision-zoo.json).
SEED_ALEXNET = {"units": 659_272, "weights": 60_954_656, "parameters": 60_965_224, "connections": 724_406_816}


def reference_totals(model):
    m = json.loads(REFERENCE.read_text())["models"][model]
    return {"units": m["units"], "weights": m["weights_no_bias"], "biases": m["bias"],
            "parameters": m["params_total"], "connections": m["macs"]}


def check_against(name, totals, expected):
    for key, value in expected.items():
        got = getattr(totals, key)
        if got != value:
            sys.exit(f"generate.py: the Python model of {name} gives {key} = {got}, the reference {value}")


# ---------------------------------------------------------------------------------------
# Translation units.

HEADER = "// Generated by bench/generate.py; do not edit.\n"
ALIAS = "namespace nc = netcount;\n"


def network_text(name, input_shape, elements, named=True):
    body = ",\n".join("    " + e.cpp() for e in elements)
    head = f"nc::network<\n    nc::input<{input_shape.h}, {input_shape.w}, {input_shape.c}>,\n{body}>"
    return f"struct {name} : {head} {{}};\n" if named else f"using {name} = {head};\n"


def asserts_text(net, totals, out):
    lines = [f"static_assert(nc::{key}<{net}> == {getattr(totals, key)}ULL);"
             for key in ("units", "weights", "biases", "parameters", "connections",
                         "connections_with_bias", "activations")]
    lines.append(f"static_assert(nc::output_shape<{net}> == nc::shape{{{out.h}, {out.w}, {out.c}}});")
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    """One benchmarked network: its three translation units and what they are."""
    name: str     # file stem, e.g. chain_1000
    family: str   # chain, branching or zoo
    layers: int   # entries of layers<Net>
    title: str
    files: dict = field(default_factory=dict)  # role (tu, type, base) -> path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


def synthetic_case(out, family, n):
    elements = chain(n) if family == "chain" else branching(n)
    totals, shape = count(INPUT, elements)
    assert totals.entries == n, (family, n, totals.entries)
    name = f"{family}_{n}"
    include = "#include <netcount/netcount.hpp>\n\n"
    net = network_text("bench_net", INPUT, elements)
    intro = f"{HEADER}// A {family} of {n:,} entries of layers<Net>; totals from bench/generate.py's own arithmetic.\n"
    case = Case(name, family, n, f"{family}, {n:,} layers")
    case.files["tu"] = write(out / f"{name}.cpp", intro + include + ALIAS + "\n" + net + "\n" +
                             asserts_text("bench_net", totals, shape))
    case.files["type"] = write(out / f"{name}.type.cpp", intro + include + ALIAS + "\n" + net)
    case.files["base"] = write(out / f"{name}.base.cpp", HEADER + include + ALIAS)
    return case


ZOO = [
    # file stem, C++ name, header, Python model, external figures, title
    ("alexnet", "nc::zoo::alexnet", "alexnet", alexnet_krizhevsky, lambda: SEED_ALEXNET,
     "AlexNet (zoo::alexnet)"),
    ("alexnet_torchvision", "nc::zoo::alexnet_torchvision", "alexnet", alexnet_torchvision,
     lambda: reference_totals("torchvision_alexnet"), "AlexNet, torchvision's (zoo::alexnet_torchvision)"),
    ("resnet152", "nc::zoo::resnet152", "resnet", resnet152, lambda: reference_totals("resnet152"),
     "ResNet-152 (zoo::resnet152)"),
]


def zoo_cases(out):
    cases = []
    for stem, cpp_name, header, model, reference, title in ZOO:
        input_shape, elements = model()
        totals, shape = count(input_shape, elements)
        check_against(stem, totals, reference())
        include = f"#include <netcount/zoo/{header}.hpp>\n\n"
        intro = f"{HEADER}// {title}: totals from bench/generate.py's own arithmetic.\n"
        case = Case(stem, "zoo", totals.entries, title)
        case.files["tu"] = write(out / f"{stem}.cpp", intro + include + ALIAS + "\n" + asserts_text(cpp_name, totals, shape))
        # The zoo header defines the network; only the counting is left out.
        case.files["base"] = write(out / f"{stem}.base.cpp", HEADER + include + ALIAS)
        cases.append(case)
    return cases


def include_cases(out):
    return {"array": write(out / "include_array.cpp", HEADER + "#include <array>\n"),
            "netcount": write(out / "include_netcount.cpp", HEADER + "#include <netcount/netcount.hpp>\n")}


def diagnostic_cases(out, n=10_000):
    """A chain of n entries whose middle conv has groups<3> on 16 channels: once as a named
    struct, once as a plain alias."""
    elements = chain(n)
    middle = next(i for i in range(n // 2, n) if isinstance(elements[i], Conv) and elements[i].groups == 1
                  and elements[i].k == 3)
    elements[middle] = Conv(CHANNELS, 3, pad="same", groups=3)
    files = {}
    for named in (True, False):
        text = (HEADER + f"// A chain of {n:,} layers; entry {middle} is invalid (16 channels, groups<3>).\n"
                "#include <netcount/netcount.hpp>\n\n" + ALIAS + "\n" + network_text("bench_net", INPUT, elements, named) +
                "\nstatic_assert(nc::weights<bench_net> > 0);\n")
        files["struct" if named else "alias"] = write(out / f"diagnostic_{'struct' if named else 'alias'}.cpp", text)
    return files, middle


def generate(out, sizes, families=("chain", "branching")):
    out = pathlib.Path(out)
    cases = [synthetic_case(out, f, n) for f in families for n in sizes]
    return {"synthetic": cases, "zoo": zoo_cases(out), "include": include_cases(out),
            "diagnostic": diagnostic_cases(out)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--sizes", default="10,100,1000,10000,100000")
    args = parser.parse_args()
    made = generate(args.outdir, [int(s) for s in args.sizes.split(",")])
    for case in made["synthetic"] + made["zoo"]:
        print(case.name, case.layers, *(str(p) for p in case.files.values()))


if __name__ == "__main__":
    main()
