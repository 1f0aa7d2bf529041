#!/usr/bin/python3
"""netcount's shape rules against PyTorch's, layer by layer, on random configurations.

Each case is one layer on one input: a random configuration of a kind that has a shape rule
(conv, depthwise_conv, transposed_conv, max_pool, avg_pool, adaptive and global pools, fc,
rbf, flatten, lrn, subsample, mapped_conv; chunk, channel_shuffle, group_norm, instance_norm,
upsample, upsample_to, linear), drawn so that many are invalid: zero sizes, windows larger than the
input, pool padding above half the kernel, ceil_mode windows that run past the input, groups
that do not divide, output padding too large, padding that crops a transposed output away,
empty outputs, chunks that do not divide or do not exist, zero upsampling factors. PyTorch runs the same layer on a zero tensor of that
shape; netcount's answer must be the same:

  - torch gives an output: netcount takes the input and gives the same shape, both from the
    layer's apply() and through network<input<H, W, C>, Layer> (a static_assert);
  - torch raises an error, or gives an empty tensor (netcount's maps are never empty, so an
    adaptive pool to 0 x 0 or an fc of 0 outputs has no netcount counterpart): netcount
    rejects it, with a netcount message. In-language (apply()'s status), so that thousands of
    rejections cost no failing compile; and a sample of them, one of each error, is compiled
    through a network and must fail to compile with "netcount: <that error's message>" on
    the first error line.

Where PyTorch has no module with netcount's option, the torch side is built from what it has,
and the rule netcount adds is written here by hand:
  - `same` (TensorFlow's rule: ceil(size / stride) outputs, the odd pixel of padding at the
    end; random_nets.same_padding): ZeroPad2d with those pads, then the layer unpadded;
  - pad<T, B, L, R> on a conv: ZeroPad2d, then the conv; on a transposed conv: the output
    cropped (empty if the padding crops it all); on a pool: ZeroPad2d of T - B and L - R in
    front, then the pool padded B and R, so that torch knows where the input ends; each of
    the four must be at most half its kernel (torch's rule, side by side), and under
    ceil_mode only T >= B and L >= R are drawn (torch cannot express the others);
  - subsample: AvgPool2d (its windows); mapped_conv: Conv2d (its windows); rbf: Linear;
  - chunk<Index, Count>: x.chunk(Count, 1)[Index] where Count divides C and Index < Count;
    netcount rejects the others, where torch.chunk makes a smaller last slice or has no such
    slice; group_norm<0>: torch fails with a ZeroDivisionError, netcount rejects it.

group_norm with one element per group (C / Groups * H * W == 1) and instance_norm on a 1 x 1
map are drawn often: torch refuses them even in eval mode ("Expected more than 1 value per
channel", "... spatial element"), and netcount must reject them too.

  /usr/bin/python3 tools/crosscheck/shape_fuzz.py [--seed S] [--count N] -- g++ -std=c++20 ...

CTest runs it with a fixed seed (tools/crosscheck/CMakeLists.txt); to hunt further, run it by
hand with another seed and more cases, e.g. --seed 12345 --count 20000 (about a second of
torch and ten seconds of compiler per thousand cases, at --parts 4 on 2 cores).

Exit status: 0 all agree, 1 a disagreement, 2 the tool itself failed, 77 torch cannot be
imported (CTest's SKIP_RETURN_CODE).
"""

import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import shutil
import warnings

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import command_line  # noqa: E402 (after the line above)

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77
NC = "nc::"


def parse_args(argv):
    p = command_line.parser(__doc__)
    p.add_argument("--seed", type=int, default=20240612, help="seed of the random cases")
    p.add_argument("--count", type=int, default=3000, help="cases to compare")
    p.add_argument("--jobs", type=int, default=2, help="compilers run at once")
    p.add_argument("--parts", type=int, default=4, help="translation units the cases are split into")
    p.add_argument("--compiled-rejections", type=int, default=20, metavar="N",
                   help="rejected cases compiled through a network (one per error, at most N)")
    p.add_argument("--workdir", help="where the generated sources and the program go "
                   "(default: a new temporary directory, removed if all agree)")
    p.add_argument("--show", type=int, metavar="I", help="print case I on both sides, and exit")
    args, args.compile_command = command_line.parse(p, argv, HERE)
    return args


# ---------------------------------------------------------------------------------------
# Cases

class Case:
    """One layer (`cpp`, netcount's type) on one input (h, w, c); make() builds its torch
    counterpart. `rule` is the hand-written rule netcount adds where torch has none (a
    function of nothing that returns an error text, or None)."""

    def __init__(self, kind, cpp, in_shape, make, rule=None):
        self.kind = kind
        self.cpp = cpp
        self.in_shape = in_shape
        self.make = make
        self.rule = rule
        self.index = None


class Draw:
    """Random configurations, most of them valid, many of them on the edge."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.names = 0

    def chance(self, p):
        return self.rng.random() < p

    def size(self, low=1):
        """A kernel, stride or dilation: mostly small, sometimes 0."""
        return 0 if self.chance(0.03) else self.rng.randint(low, 4)

    def pair(self, draw):
        a = draw()
        return (a, a) if self.chance(0.6) else (a, draw())

    def shape(self):
        if self.chance(0.2):
            h = self.rng.randint(1, 3)
            return h, (h if self.chance(0.5) else self.rng.randint(1, 3)), self.rng.randint(1, 4)
        h = self.rng.randint(1, 14)
        return h, (h if self.chance(0.6) else self.rng.randint(1, 14)), self.rng.randint(1, 6)

    def options(self, options):
        """Options in a random order, sometimes with a name."""
        options = [o for o in options if o is not None]
        if self.chance(0.1):
            self.names += 1
            options.append(f'{NC}name<"l{self.names}">')
        self.rng.shuffle(options)
        return options

    def padding(self, kernel, stride, dilation, size, largest):
        """(mode, netcount option or None, (top, bottom, left, right))."""
        import random_nets
        mode = self.rng.choice(["default", "valid", "pad1", "pad2", "pad2", "pad4", "pad4", "same", "same"])
        if mode in ("default", "valid"):
            return "valid", None if mode == "default" else NC + "valid", (0, 0, 0, 0)
        if mode == "same":
            if 0 in kernel + stride + dilation:
                return "same", NC + "same", (0, 0, 0, 0)  # torch rejects the zero first
            t, b = random_nets.same_padding(size[0], kernel[0], stride[0], dilation[0])
            l, r = random_nets.same_padding(size[1], kernel[1], stride[1], dilation[1])
            return "same", NC + "same", (t, b, l, r)
        if mode == "pad1":
            p = self.rng.randint(0, largest)
            return "symmetric", f"{NC}pad<{p}>", (p, p, p, p)
        if mode == "pad2":
            ph, pw = self.rng.randint(0, largest), self.rng.randint(0, largest)
            return "symmetric", f"{NC}pad<{ph}, {pw}>", (ph, ph, pw, pw)
        pads = tuple(self.rng.randint(0, largest) for _ in range(4))
        mode = "symmetric" if pads[0] == pads[1] and pads[2] == pads[3] else "asymmetric"
        return mode, f"{NC}pad<{', '.join(map(str, pads))}>", pads


def text(name, pair):
    a, b = pair
    return f"{NC}{name}<{a}>" if a == b else f"{NC}{name}<{a}, {b}>"


def layer(kind, head, options):
    args = ([head] if head is not None else []) + options
    return f"{NC}{kind}<{', '.join(args)}>" if args else NC + kind


def conv_case(d, kind):
    import torch.nn as nn
    from torch_side import Padded
    h, w, c = shape = d.shape()
    kernel, stride, dilation = d.pair(lambda: d.size()), d.pair(lambda: d.size()), d.pair(lambda: d.size())
    if d.chance(0.5):
        kernel = d.pair(lambda: d.rng.randint(1, 7))  # larger windows: more of them do not fit
    if kind == "mapped_conv":
        dilation = (1, 1)  # it takes no dilation
    mode, pad_text, pads = d.padding(kernel, stride, dilation, (h, w), 4)
    bias = d.chance(0.7)
    options = [text("kernel", kernel), pad_text, None if bias else NC + "no_bias",
               text("stride", stride) if stride != (1, 1) or d.chance(0.2) else None]
    if kind != "mapped_conv":
        options.append(text("dilation", dilation) if dilation != (1, 1) or d.chance(0.2) else None)
    head = None
    if kind == "depthwise_conv":
        mult = 0 if d.chance(0.03) else d.rng.randint(1, 3)
        filters, groups = c * mult, c
        if mult != 1 or d.chance(0.3):
            options.append(f"{NC}multiplier<{mult}>")
    elif kind == "conv":
        groups = d.rng.choice([1, 1, 1, 2, 3, 4, c, 0 if d.chance(0.1) else 1])
        filters = 0 if d.chance(0.03) else groups * d.rng.randint(1, 3) + (1 if d.chance(0.1) else 0)
        if groups != 1 or d.chance(0.1):
            options.append(f"{NC}groups<{groups}>")
        head = str(filters)
    else:  # mapped_conv: a table of c rows, one column per filter
        groups, filters = 1, d.rng.randint(1, 5)
        rows = ["".join(d.rng.choice("X.") for _ in range(filters)) for _ in range(c)]
        head = f"{filters}, {NC}connection_table<{', '.join(chr(34) + r + chr(34) for r in rows)}>"

    def make():
        def conv(padding):
            return nn.Conv2d(c, filters, kernel, stride, padding, dilation, groups, bias)
        if mode in ("valid", "symmetric"):
            return conv((pads[0], pads[2]))
        return Padded(*pads, conv(0))

    return Case(kind, layer(kind, head, d.options(options)), shape, make)


def transposed_conv_case(d):
    import torch.nn as nn
    from torch_side import Cropped
    h, w, c = shape = d.shape()
    kernel, stride, dilation = d.pair(lambda: d.size()), d.pair(lambda: d.size()), d.pair(lambda: d.size())
    out_pad = d.pair(lambda: d.rng.randint(0, 3)) if d.chance(0.4) else (0, 0)
    pads = (0, 0, 0, 0)
    pick = d.rng.choice(["default", "valid", "pad1", "pad2", "pad4"])
    largest = 6
    if pick == "pad1":
        p = d.rng.randint(0, largest)
        pads = (p, p, p, p)
    elif pick == "pad2":
        ph, pw = d.rng.randint(0, largest), d.rng.randint(0, largest)
        pads = (ph, ph, pw, pw)
    elif pick == "pad4":
        pads = tuple(d.rng.randint(0, largest) for _ in range(4))
    pad_text = {"default": None, "valid": NC + "valid", "pad1": f"{NC}pad<{pads[0]}>",
                "pad2": f"{NC}pad<{pads[0]}, {pads[2]}>", "pad4": f"{NC}pad<{', '.join(map(str, pads))}>"}[pick]
    groups = d.rng.choice([1, 1, 1, 2, 3, c])
    filters = 0 if d.chance(0.03) else groups * d.rng.randint(1, 3) + (1 if d.chance(0.05) else 0)
    bias = d.chance(0.7)
    options = [text("kernel", kernel), pad_text, None if bias else NC + "no_bias",
               text("stride", stride) if stride != (1, 1) or d.chance(0.2) else None,
               text("dilation", dilation) if dilation != (1, 1) or d.chance(0.2) else None,
               text("output_padding", out_pad) if out_pad != (0, 0) else None,
               f"{NC}groups<{groups}>" if groups != 1 or d.chance(0.1) else None]
    t, b, l, r = pads

    def make():
        if t == b and l == r:
            return nn.ConvTranspose2d(c, filters, kernel, stride, (t, l), out_pad, groups, bias, dilation)
        return Cropped(nn.ConvTranspose2d(c, filters, kernel, stride, 0, out_pad, groups, bias, dilation),
                       t, b, l, r)

    return Case("transposed_conv", layer("transposed_conv", str(filters), d.options(options)), shape, make)


def pool_case(d, kind):
    import torch.nn as nn
    from torch_side import Padded
    h, w, c = shape = d.shape()
    kernel = d.pair(lambda: d.size()) if d.chance(0.5) else d.pair(lambda: d.rng.randint(1, 6))
    strided = kind == "subsample" or d.chance(0.7)
    stride = d.pair(lambda: d.size()) if strided else kernel
    dilation = d.pair(lambda: d.size()) if kind == "max_pool" and d.chance(0.4) else (1, 1)
    if kind == "subsample":
        mode, pad_text, pads, ceil = "valid", None, (0, 0, 0, 0), False
        strided = d.chance(0.7)
        stride = stride if strided else kernel
    else:
        mode, pad_text, pads = d.padding(kernel, stride, dilation, (h, w), 3)
        ceil = d.chance(0.5)
    t, b, l, r = pads
    if ceil and mode == "asymmetric" and (t < b or l < r):
        ceil = False  # torch cannot say where such an input ends
    options = [text("kernel", kernel), text("stride", stride) if strided else None, pad_text,
               NC + "ceil_mode" if ceil else None,
               text("dilation", dilation) if kind == "max_pool" and (dilation != (1, 1) or d.chance(0.2)) else None]

    def make():
        def pool(padding):
            if kind == "max_pool":
                return nn.MaxPool2d(kernel, stride, padding, dilation, ceil_mode=ceil)
            return nn.AvgPool2d(kernel, stride, padding, ceil_mode=ceil)
        if mode in ("valid", "symmetric"):
            return pool((t, l))
        if mode == "same":
            return Padded(*pads, pool(0))
        return Padded(t - b, 0, l - r, 0, pool((b, r))) if t >= b and l >= r else Padded(*pads, pool(0))

    def rule():
        # torch's "pad should be at most half of kernel size", for each side of pad<T, B, L, R>
        if mode == "asymmetric" and 0 not in kernel + stride + dilation and \
                (max(t, b) > kernel[0] // 2 or max(l, r) > kernel[1] // 2):
            return "pad should be at most half of kernel size (each side)"
        return None

    return Case(kind, layer(kind, None, d.options(options)), shape, make, rule)


def adaptive_case(d, kind):
    import torch.nn as nn
    shape = d.shape()
    out = d.pair(lambda: 0 if d.chance(0.03) else d.rng.randint(1, 16))
    torch_type = nn.AdaptiveAvgPool2d if kind == "adaptive_avg_pool" else nn.AdaptiveMaxPool2d
    args = f"{out[0]}" if out[0] == out[1] and d.chance(0.7) else f"{out[0]}, {out[1]}"
    return Case(kind, f"{NC}{kind}<{args}>", shape, lambda: torch_type(out))


def plain_case(d, kind):
    import torch.nn as nn
    from torch_side import Dense, Flat
    h, w, c = shape = d.shape()
    if kind in ("fc", "rbf"):
        outputs = 0 if d.chance(0.05) else d.rng.randint(1, 12)
        bias = kind == "fc" and d.chance(0.7)
        options = d.options([None if bias or kind == "rbf" else NC + "no_bias"])
        return Case(kind, layer(kind, str(outputs), options), shape, lambda: Dense(h * w * c, outputs, bias))
    if kind == "lrn":
        size = d.rng.randint(0, 5)
        return Case(kind, f"{NC}lrn<{size}>", shape, lambda: nn.LocalResponseNorm(size))
    makers = {"flatten": Flat, "global_avg_pool": lambda: nn.AdaptiveAvgPool2d(1),
              "global_max_pool": lambda: nn.AdaptiveMaxPool2d(1)}
    return Case(kind, NC + kind, shape, makers[kind])


def vocabulary_case(d, kind):
    """The kinds of today's CNNs that have a shape rule or a rejection (issue 10)."""
    import torch.nn as nn
    from torch_side import Chunk, Pointwise
    h, w, c = shape = d.shape()
    if kind == "chunk":
        count = d.rng.choice([0, 1, 2, 2, 3, 3, 4, 5]) if d.chance(0.1) else d.rng.randint(1, 4)
        index = d.rng.randint(0, max(count, 1)) if d.chance(0.2) else d.rng.randrange(max(count, 1))

        def rule():
            # torch.chunk takes any count (its last slice may be smaller); netcount's chunks are
            # equal, and numbered below the count.
            if index >= count:
                return "chunk index out of range"
            return "channels not divisible by the count" if c % count else None
        return Case(kind, f"{NC}chunk<{index}, {count}>", shape, lambda: Chunk(index, count), rule)
    if kind == "group_norm" and d.chance(0.25):
        # A group of one element (C / Groups * H * W == 1), which torch's GroupNorm refuses even
        # in eval mode ("Expected more than 1 value per channel"), and its neighbours.
        h, w = d.rng.choice([(1, 1), (1, 1), (1, 2), (2, 1)])
        shape = (h, w, c)
        groups = d.rng.choice([c, c, 1, max(1, c // 2)])
        return Case(kind, f"{NC}group_norm<{groups}>", shape, lambda: nn.GroupNorm(groups, c))
    if kind == "instance_norm":
        # InstanceNorm2d (without running statistics) refuses a single position even in eval
        # mode ("Expected more than 1 spatial element"): 1 x 1 maps often.
        if d.chance(0.4):
            h, w = d.rng.choice([(1, 1), (1, 1), (1, 2), (2, 1)])
            shape = (h, w, c)
        affine = d.chance(0.5)
        return Case(kind, f"{NC}instance_norm<{NC + 'affine' if affine else ''}>", shape,
                    lambda: nn.InstanceNorm2d(c, affine=affine))
    if kind in ("channel_shuffle", "group_norm"):
        groups = d.rng.choice([0, 1, 2, 3, 4, c, c, c + 1]) if d.chance(0.3) else d.rng.choice([1, 2, 3, c])
        make = (lambda: nn.ChannelShuffle(groups)) if kind == "channel_shuffle" else (lambda: nn.GroupNorm(groups, c))
        rule = (lambda: "groups must be positive" if groups == 0 else None) if kind == "group_norm" else None
        return Case(kind, f"{NC}{kind}<{groups}>", shape, make, rule)
    mode = d.rng.choice(["nearest", "bilinear"])  # the mode changes no figure
    if kind == "upsample":
        factor = d.pair(lambda: 0 if d.chance(0.05) else d.rng.randint(1, 4))
        args = f"{factor[0]}" if factor[0] == factor[1] and d.chance(0.7) else f"{factor[0]}, {factor[1]}"
        return Case(kind, f"{NC}upsample<{args}>", shape, lambda: nn.Upsample(scale_factor=factor, mode=mode))
    if kind == "upsample_to":
        size = d.pair(lambda: 0 if d.chance(0.05) else d.rng.randint(1, 30))
        args = f"{size[0]}" if size[0] == size[1] and d.chance(0.5) else f"{size[0]}, {size[1]}"
        return Case(kind, f"{NC}upsample_to<{args}>", shape, lambda: nn.Upsample(size=size, mode=mode))
    # linear
    outputs = 0 if d.chance(0.05) else d.rng.randint(1, 12)
    bias = d.chance(0.7)
    options = d.options([None if bias else NC + "no_bias"])
    return Case(kind, layer(kind, str(outputs), options), shape, lambda: Pointwise(c, outputs, bias))


VOCABULARY = ("chunk", "channel_shuffle", "group_norm", "instance_norm", "upsample", "upsample_to", "linear")

KINDS = {"conv": 20, "depthwise_conv": 6, "mapped_conv": 3, "transposed_conv": 14,
         "max_pool": 18, "avg_pool": 12, "subsample": 3, "adaptive_avg_pool": 4,
         "adaptive_max_pool": 3, "global_avg_pool": 1, "global_max_pool": 1, "fc": 3, "rbf": 1,
         "flatten": 1, "lrn": 2, "chunk": 3, "channel_shuffle": 2, "group_norm": 2, "instance_norm": 2, "upsample": 3,
         "upsample_to": 2, "linear": 2}


def generate(seed, count):
    d = Draw(seed)
    kinds = list(KINDS)
    cases = []
    for i in range(count):
        kind = d.rng.choices(kinds, weights=[KINDS[k] for k in kinds])[0]
        if kind in ("conv", "depthwise_conv", "mapped_conv"):
            case = conv_case(d, kind)
        elif kind == "transposed_conv":
            case = transposed_conv_case(d)
        elif kind in ("max_pool", "avg_pool", "subsample"):
            case = pool_case(d, kind)
        elif kind.startswith("adaptive"):
            case = adaptive_case(d, kind)
        elif kind in VOCABULARY:
            case = vocabulary_case(d, kind)
        else:
            case = plain_case(d, kind)
        case.index = i
        cases.append(case)
    return cases


# ---------------------------------------------------------------------------------------
# The two sides

def torch_outcome(case):
    """("accept", (h, w, c)) or ("reject", why)."""
    import torch
    from torch_side import hwc, uninitialized
    why = case.rule() if case.rule else None
    if why:
        return "reject", why
    h, w, c = case.in_shape
    try:
        with uninitialized():  # only shapes matter here
            module = case.make()
        module.eval()
        with torch.no_grad():
            out = module(torch.zeros(1, c, h, w))
    except (RuntimeError, ValueError) as e:
        return "reject", str(e).splitlines()[0]
    if 0 in out.shape:
        return "reject", f"empty output {tuple(out.shape)}"
    return "accept", hwc(out.shape)


def part_source(function, cases):
    lines = ["// Generated by tools/crosscheck/shape_fuzz.py; do not edit.",
             '#include "print_case.hpp"', "", "namespace nc = netcount;", "",
             f"void {function}(std::ostream& out) {{"]
    for case in cases:
        h, w, c = case.in_shape
        lines.append(f"    crosscheck::print_case<{case.cpp}, {h}, {w}, {c}>(out, {case.index});")
    lines.append("}")
    return "\n".join(lines) + "\n"


def rejection_source(case):
    h, w, c = case.in_shape
    return "\n".join([
        "// Generated by tools/crosscheck/shape_fuzz.py; must not compile.",
        "#include <netcount/netcount.hpp>", "", "namespace nc = netcount;", "",
        f"struct rejected : nc::network<nc::input<{h}, {w}, {c}>, {case.cpp}> {{}};",
        "constexpr auto weights = nc::weights<rejected>;", ""])


def compile_rejection(args, workdir, case, message):
    """None if the case fails to compile with netcount's message first; else what is wrong."""
    source = os.path.join(workdir, f"rejected_{case.index}.cpp")
    with open(source, "w") as f:
        f.write(rejection_source(case))
    r = subprocess.run(args.compile_command + ["-fsyntax-only", source], capture_output=True, text=True)
    output = r.stdout + r.stderr
    if r.returncode == 0:
        return "it compiles"
    errors = [line for line in output.splitlines() if re.search(r"(^|: )error: ", line)]
    if not errors or f"netcount: {message}" not in errors[0]:
        return "the first error is not netcount's:\n    " + (errors[0] if errors else output[:400])
    return None


def main(argv):
    args = parse_args(argv)
    try:
        import torch  # noqa: F401
    except ImportError as e:
        print(f"SKIP: PyTorch is needed ({e}); on Debian: apt-get install python3-torch", flush=True)
        # CI installs it (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else SKIP
    sys.path.insert(0, HERE)
    warnings.filterwarnings("ignore")
    import crosscheck
    torch.set_num_threads(1)  # tiny tensors; the compilers need the cores

    started = time.monotonic()
    cases = generate(args.seed, args.count)
    if args.show is not None:
        case = cases[args.show]
        print(f"case {case.index}: {case.cpp} on {case.in_shape}")
        print(f"  torch: {case.make()}\n  torch says: {torch_outcome(case)}")
        return 0

    workdir = args.workdir or tempfile.mkdtemp(prefix="netcount-shape-fuzz-")
    os.makedirs(workdir, exist_ok=True)
    groups = crosscheck.balanced(cases, lambda c: len(c.cpp), args.parts)
    parts = [(f"fuzz_part_{k}", part_source(f"fuzz_part_{k}", g)) for k, g in enumerate(groups)]
    crosscheck.say(f"netcount: compiling {len(parts) + 1} translation units in {workdir}, {args.jobs} at a time")
    build = crosscheck.Build(args, workdir, parts)

    t = time.monotonic()
    try:
        torch_side = [torch_outcome(c) for c in cases]
    except Exception:
        build.pool.shutdown(cancel_futures=True)
        raise
    crosscheck.say(f"torch: {len(cases)} cases (seed {args.seed}) run in {time.monotonic() - t:.1f} s")
    printed = build.run()
    if printed is None:
        return 2

    ours = {}
    for line in printed.splitlines():
        index, status, h, w, c, message = line.split(" ", 5)
        ours[int(index)] = (int(status), (int(h), int(w), int(c)), message)
    failures = 0
    first_of_error = {}
    for case, (verdict, detail) in zip(cases, torch_side):
        status, out, message = ours[case.index]
        if verdict == "accept" and status == 0 and out == detail:
            continue
        if verdict == "reject" and status != 0:
            first_of_error.setdefault(status, (case, message))
            continue
        failures += 1
        said = f"{out}" if status == 0 else f"rejects it: {message}"
        crosscheck.say(f"MISMATCH case {case.index}: {case.cpp} on {case.in_shape} (h, w, c)\n"
                       f"  torch {'gives ' + str(detail) if verdict == 'accept' else 'rejects it: ' + detail}\n"
                       f"  netcount {said}")

    # A sample of the rejections through the compile error itself: one case per error.
    t = time.monotonic()
    sample = sorted(first_of_error.items())[:args.compiled_rejections]
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    checks = [(case, message, pool.submit(compile_rejection, args, workdir, case, message))
              for _, (case, message) in sample]
    for case, message, future in checks:
        problem = future.result()
        if problem:
            failures += 1
            crosscheck.say(f"MISMATCH case {case.index}: {case.cpp} on {case.in_shape}: rejected by "
                           f"apply() ({message}), but through a network {problem}")
    pool.shutdown()
    crosscheck.say(f"compiled {len(sample)} rejected networks (one per error) in {time.monotonic() - t:.1f} s")

    accepted = sum(v == "accept" for v, _ in torch_side)
    kinds = sorted({c.kind for c in cases})
    by_kind = {k: [0, 0] for k in kinds}
    for case, (verdict, _) in zip(cases, torch_side):
        by_kind[case.kind][verdict == "reject"] += 1
    crosscheck.say("  " + ", ".join(f"{k} {a}+{r}" for k, (a, r) in by_kind.items()) + " (taken+rejected)")
    errors = {}
    for status, _, message in ours.values():
        if status:
            errors[message] = errors.get(message, 0) + 1
    crosscheck.say("  netcount's rejections: " + "; ".join(f"{n} x {m}" for m, n in sorted(errors.items())))
    crosscheck.say(f"compared: {len(cases)} cases of {len(kinds)} kinds, {accepted} that torch takes and "
                   f"{len(cases) - accepted} that it rejects; in {time.monotonic() - started:.1f} s "
                   f"({crosscheck.cpu_seconds():.0f} s of CPU, compilers included)")
    if failures:
        crosscheck.say(f"FAILED: {failures} mismatches (sources in {workdir}; --show I prints case I)")
        return 1
    crosscheck.say("all agree")
    if not args.workdir:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
