#!/usr/bin/python3
"""netcount's arithmetic near its limits, against Python's exact integers.

A fixed seed draws random networks whose sizes (input sides, channels, filters, kernels,
strides, dilations, padding, fc outputs, multipliers) are drawn near 2^32, 2^63 and 2^64 as
well as ordinary ones. For each, this script works out with Python's unbounded integers what
netcount must say, from the documented formulas (README.md, "What is counted"; PyTorch's
output sizes):

  - a network whose figures all fit in 64 bits: every entry of layers<Net> (shapes, units,
    weights, biases, parameters, connections, connections_with_bias, activations, its live
    activations, and the receptive field, or that it does not fit), the totals, the output
    shape, flops<Net>, peak_activations<Net> and peak_layer<Net>, and memory<Net, float, Batch>
    (or that they overflow);
  - the live activations come from the schedule of an inference run as docs/deploy.md states
    it (tools/crosscheck/schedule_core.py, shared with the torch.fx cross-check). Their sums
    can pass 2^64 where every count fits (an input of nearly 2^64 elements and the output of
    the layer that reads it): then live_activations is UINT64_MAX from the first entry whose
    sum does not fit on, and peak_activations<Net> (so memory<Net, ...>) is a compile error
    with the count overflow message, checked through netcount's verdict and, for a few of
    them, by compiling them alone;
  - a network with a figure, a shape or a running total of 2^64 or more: rejected with a
    count overflow at that very entry (checked in the language through netcount's verdict,
    and, for a few of them, by compiling them alone and reading the compile error).

The expectations become static_asserts in a handful of C++ files compiled with the compile
command given after `--` (the CMake compiler and the project's warnings); a failing assert,
or a valid network netcount rejects, is a mismatch. The networks are valid by construction
(windows fit, groups divide) and keep a few intermediate sums below 2^64 where netcount
computes them on the way (a padded input, a transposed conv's output before its padding):
see INTERMEDIATES below.

  /usr/bin/python3 tools/limits/limits.py [--seed S] [--count N] ... -- g++ -std=c++20 ...

CI runs one seed and a few hundred networks; run longer with other seeds, e.g.
  tools/limits/limits.py --seed 7 --count 5000 --parts 40 --jobs 2 -- clang++ -std=c++20
and `--show I` prints network I of a seed with what Python expects of it.

Exit status: 0 no mismatch, 1 mismatches, 2 the tool itself failed, 77 skipped (a Python
older than 3.8).
"""

import concurrent.futures
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "crosscheck"))

import command_line  # noqa: E402 (after its path)
from schedule_core import BUFFER, ELEMENTWISE, VIEW, Node, live_activations  # noqa: E402 (after its path)

SKIP = 77

LIMIT = 1 << 64          # every count, size and shape dimension is below this
INT64_MIN = -(1 << 63)   # a receptive field's start is at least this
FIGURES = ("units", "weights", "biases", "parameters", "connections", "connections_with_bias", "activations")
OVERFLOW_MESSAGE = "netcount: a count overflows 64 bits"
UINT64_MAX = LIMIT - 1   # an entry's live_activations from the first whose sum does not fit on
INPUT = "the input"      # peak_fail of a network in which no entry runs, whose input does not fit

# What the generated kinds do to memory in an inference run (docs/deploy.md; the `elementwise`
# and `view` members of include/netcount/elementwise.hpp, norm.hpp and fc.hpp, and of the
# user's kinds in tools/crosscheck/user_kinds.hpp, which may change the number of elements):
# every other kind, and every merge, writes a buffer of its own.
ROLES = {"relu": ELEMENTWISE, "batch_norm": ELEMENTWISE, "flatten": VIEW,
         "crop2d": VIEW, "transpose_hw": VIEW, "keep_channels": ELEMENTWISE, "widen2": ELEMENTWISE}
# An auxiliary head's figures that are not in the totals (inference does not run it).
NOT_IN_TOTALS_OF_HEADS = ("units", "connections", "connections_with_bias", "activations")

# INTERMEDIATES: netcount computes a few sums on the way to an output size, and reports a
# count overflow when one of them passes 2^64 even if the size itself would fit: `same`'s
# padded size (ceil(size / stride) - 1) * stride + d * (k - 1) + 1, an explicitly padded input
# size + pad_begin + pad_end, and a transposed conv's output before its padding is taken off.
# The generator keeps those below 2^64 (fits_on_the_way, transposed_axis), so that every case
# has one exact answer to compare. A `valid` window forms no such sum: a span d * (k - 1) + 1
# of 2^64 or more does not fit the input (window_exceeds_input, never drawn here), and the
# `same` arithmetic is only done for `same` (detail/window.hpp since pools follow PyTorch).


def say(text=""):
    print(text, flush=True)


def num(v):
    """A C++ literal for a template argument of type std::size_t."""
    return f"{v}ull" if v >= 1 << 31 else str(v)


# ---------------------------------------------------------------------------------------
# Receptive fields (layer_info.hpp): sticky once they do not fit.

class Field:
    def __init__(self, size=1, jump=1, start=0, fits=True):
        self.size, self.jump, self.start, self.fits = size, jump, start, fits

    def after(self, k, s, d, pad_begin, transposed):
        if not self.fits:
            return UNFIT
        span = d * (k - 1)
        if transposed:
            size, jump, start = self.size + span // s * self.jump, max(self.jump // s, 1), self.start
        else:
            size, jump, start = self.size + span * self.jump, self.jump * s, self.start - pad_begin * self.jump
        if size >= LIMIT or jump >= LIMIT or start < INT64_MIN:
            return UNFIT
        return Field(size, jump, start)

    def cpp(self):
        if not self.fits:
            return "limits::unfit"
        start = "INT64_MIN" if self.start == INT64_MIN else f"{self.start}ll"
        return f"nc::axis_field{{{num(self.size)}, {num(self.jump)}, {start}, true}}"

    def text(self):
        return f"({self.size}, {self.jump}, {self.start})" if self.fits else "does not fit"


UNFIT = Field(0, 0, 0, False)


def widest(a, b):
    if not a.fits or not b.fits:
        return UNFIT
    return Field(max(a.size, b.size), max(a.jump, b.jump), min(a.start, b.start))


# ---------------------------------------------------------------------------------------
# Entries: what one entry of layers<Net> must hold.

class Entry:
    def __init__(self, kind, text, in_shape, out_shape, figures, fields, inputs, aux=False):
        self.kind, self.text, self.aux = kind, text, aux  # aux: in an auxiliary<...> head
        self.in_shape, self.out_shape = in_shape, out_shape
        self.figures = figures  # dict over FIGURES
        self.fields = fields    # (height, width) Fields
        self.inputs = inputs    # positions it reads: 0 the network input, i + 1 entry i
        self.live = None        # live activations (UINT64_MAX past an overflow; 0 in a head), valid networks only

    def overflows(self):
        return any(v >= LIMIT for v in self.figures.values()) or any(v >= LIMIT for v in self.out_shape)


def figures(units=0, weights=0, biases=0, parameters=0, connections=0, with_bias=0, activations=0):
    return dict(zip(FIGURES, (units, weights, biases, parameters, connections, with_bias, activations)))


def elements(shape):
    h, w, c = shape
    return h * w * c


# ---------------------------------------------------------------------------------------
# Drawing sizes

def near(rng, center, spread=3):
    return center + rng.randint(-spread, spread)


def draw(rng, lo=1, hi=LIMIT - 1, scale="any"):
    """A size between lo and hi: ordinary, or near 2^16, 2^31, 2^32, 2^63 or 2^64."""
    if hi < lo:
        return lo
    choices = [(5, lambda: rng.randint(1, 8)), (2, lambda: rng.randint(9, 300))]
    if scale != "small":
        choices += [(1, lambda: near(rng, 1 << 16)), (1, lambda: near(rng, 1 << 31)),
                    (3, lambda: near(rng, 1 << 32)), (1, lambda: near(rng, 1 << 63)),
                    (1, lambda: LIMIT - 1 - rng.randint(0, 3)), (1, lambda: rng.randint(lo, hi))]
    total = sum(w for w, _ in choices)
    pick = rng.uniform(0, total)
    for weight, make in choices:
        pick -= weight
        if pick <= 0:
            return min(max(make(), lo), hi)
    return lo


# ---------------------------------------------------------------------------------------
# Window arithmetic, as PyTorch documents it (Conv2d, MaxPool2d, ConvTranspose2d) and as
# TensorFlow documents `same`.

def same_pads(size, k, s, d):
    out = -(-size // s)
    total = max((out - 1) * s + d * (k - 1) + 1 - size, 0)
    return total // 2, total - total // 2


def fits_on_the_way(size, k, s, d, mode, pad_begin=0, pad_end=0):
    """The sums netcount makes on the way to a window's output size in this padding mode
    ("valid", "same", "pad") stay below 2^64."""
    if mode == "same":
        return (-(-size // s) - 1) * s + d * (k - 1) + 1 < LIMIT
    return size + pad_begin + pad_end < LIMIT


def positions(size, k, s, d, pad_begin, pad_end):
    span = d * (k - 1) + 1
    padded = size + pad_begin + pad_end
    if padded < span:
        return None
    return (padded - span) // s + 1


def axis_window(rng, size, mode):
    """(kernel, stride, dilation, pad_begin, pad_end) for one axis of `size`, valid for the mode
    ("valid", "same", "pad") and within INTERMEDIATES; or None."""
    r = rng.random()
    if r < 0.55:
        k = rng.randint(1, 5)
    elif r < 0.75:
        k = size if size < LIMIT else 1
    else:
        k = draw(rng, 1, size)
    d = 1 if rng.random() < 0.8 else (rng.randint(2, 3) if rng.random() < 0.7 else draw(rng, 1))
    r = rng.random()
    if r < 0.45:
        s = rng.randint(1, 3)
    elif r < 0.7:
        s = max(1, size // rng.randint(1, 4))
    else:
        s = draw(rng)
    if mode == "valid":
        pb = pe = 0
    elif mode == "same":
        pb, pe = same_pads(size, k, s, d)
    else:
        pb = rng.randint(0, 3) if rng.random() < 0.6 else draw(rng, 0)
        pe = rng.randint(0, 3) if rng.random() < 0.6 else draw(rng, 0)
    if not fits_on_the_way(size, k, s, d, mode, pb, pe) or positions(size, k, s, d, pb, pe) is None:
        return None
    return k, s, d, pb, pe


def pair(name, a, b):
    return f"nc::{name}<{num(a)}>" if a == b else f"nc::{name}<{num(a)}, {num(b)}>"


class Generator:
    def __init__(self, rng):
        self.rng = rng

    # Each layer maker returns (kind, text, out_shape, figures, (height window, width window),
    # transposed) for an input shape, or None when the draw does not make a valid layer.

    def windows(self, shape, mode):
        for _ in range(8):
            y = axis_window(self.rng, shape[0], mode)
            x = axis_window(self.rng, shape[1], mode)
            if y and x:
                return y, x
        return None

    def window_options(self, y, x, mode, dilation=True):
        opts = [pair("kernel", y[0], x[0])]
        if y[1] != 1 or x[1] != 1 or self.rng.random() < 0.2:
            opts.append(pair("stride", y[1], x[1]))
        if dilation and (y[2] != 1 or x[2] != 1):
            opts.append(pair("dilation", y[2], x[2]))
        if mode == "same":
            opts.append("nc::same")
        elif mode == "pad":
            if y[3] == y[4] == x[3] == x[4]:
                opts.append(f"nc::pad<{num(y[3])}>")
            elif y[3] == y[4] and x[3] == x[4]:
                opts.append(f"nc::pad<{num(y[3])}, {num(x[3])}>")
            else:
                opts.append(f"nc::pad<{num(y[3])}, {num(y[4])}, {num(x[3])}, {num(x[4])}>")
        elif self.rng.random() < 0.2:
            opts.append("nc::valid")
        return opts

    def conv(self, shape):
        h, w, c = shape
        mode = self.rng.choice(("valid", "valid", "same", "pad"))
        wins = self.windows(shape, mode)
        if wins is None:
            return None
        y, x = wins
        r = self.rng.random()
        if r < 0.75 or c == 1:
            g, n = 1, draw(self.rng)
        elif r < 0.9:
            g, n = c, c * self.rng.randint(1, 3)
        else:
            g = next((p for p in (2, 3, 5) if c % p == 0), 1)
            n = g * self.rng.randint(1, 4)
        if n >= LIMIT:
            return None
        bias = self.rng.random() < 0.7
        oy, ox = positions(h, *y), positions(w, *x)
        opts = self.window_options(y, x, mode)
        if g != 1:
            opts.append(f"nc::groups<{num(g)}>")
        if not bias:
            opts.append("nc::no_bias")
        self.rng.shuffle(opts)
        weights = y[0] * x[0] * (c // g) * n
        units = oy * ox * n
        b = n if bias else 0
        f = figures(units, weights, b, weights + b, weights * oy * ox, weights * oy * ox + (units if bias else 0), units)
        return "conv", f"nc::conv<{num(n)}, {', '.join(opts)}>", (oy, ox, n), f, (y, x), False

    def depthwise(self, shape):
        h, w, c = shape
        mode = self.rng.choice(("valid", "same", "pad"))
        wins = self.windows(shape, mode)
        if wins is None:
            return None
        y, x = wins
        m = 1 if self.rng.random() < 0.4 else draw(self.rng)
        n = c * m
        oy, ox = positions(h, *y), positions(w, *x)
        opts = self.window_options(y, x, mode)
        if m != 1 or self.rng.random() < 0.3:
            opts.append(f"nc::multiplier<{num(m)}>")
        self.rng.shuffle(opts)
        weights = y[0] * x[0] * n
        units = oy * ox * n
        f = figures(units, weights, n, weights + n, weights * oy * ox, weights * oy * ox + units, units)
        return "depthwise_conv", f"nc::depthwise_conv<{', '.join(opts)}>", (oy, ox, n), f, (y, x), False

    def transposed_axis(self, size):
        for _ in range(8):
            k = self.rng.randint(1, 4) if self.rng.random() < 0.7 else draw(self.rng)
            s = self.rng.randint(1, 3) if self.rng.random() < 0.6 else draw(self.rng)
            d = 1 if self.rng.random() < 0.8 else self.rng.randint(2, 3)
            op = self.rng.randint(0, max(s, d) - 1) if self.rng.random() < 0.3 else 0
            full = (size - 1) * s + d * (k - 1) + op + 1
            if full >= LIMIT:
                continue
            pb = self.rng.randint(0, 2) if self.rng.random() < 0.7 else self.rng.randint(0, full - 1)
            pe = self.rng.randint(0, 2) if self.rng.random() < 0.7 else self.rng.randint(0, full - 1 - min(pb, full - 1))
            if full - pb - pe >= 1:
                return k, s, d, pb, pe, op, full - pb - pe
        return None

    def transposed(self, shape):
        h, w, c = shape
        y, x = self.transposed_axis(h), self.transposed_axis(w)
        if y is None or x is None:
            return None
        n = draw(self.rng)
        bias = self.rng.random() < 0.5
        opts = [pair("kernel", y[0], x[0])]
        if y[1] != 1 or x[1] != 1:
            opts.append(pair("stride", y[1], x[1]))
        if y[2] != 1 or x[2] != 1:
            opts.append(pair("dilation", y[2], x[2]))
        if y[3] or y[4] or x[3] or x[4]:
            opts.append(f"nc::pad<{num(y[3])}, {num(y[4])}, {num(x[3])}, {num(x[4])}>")
        if y[5] or x[5]:
            opts.append(pair("output_padding", y[5], x[5]))
        if not bias:
            opts.append("nc::no_bias")
        self.rng.shuffle(opts)
        oy, ox = y[6], x[6]
        weights = y[0] * x[0] * c * n
        units = oy * ox * n
        b = n if bias else 0
        conn = weights * h * w  # over the input positions
        f = figures(units, weights, b, weights + b, conn, conn + (units if bias else 0), units)
        return ("transposed_conv", f"nc::transposed_conv<{num(n)}, {', '.join(opts)}>", (oy, ox, n), f,
                (y[:4] + (0,), x[:4] + (0,)), True)

    def fc(self, shape):
        n = draw(self.rng)
        bias = self.rng.random() < 0.6
        inputs = elements(shape)
        weights = inputs * n
        b = n if bias else 0
        f = figures(n, weights, b, weights + b, weights, weights + b, n)
        text = f"nc::fc<{num(n)}{'' if bias else ', nc::no_bias'}>"
        return "fc", text, (1, 1, n), f, self.whole(shape), False

    def whole(self, shape):
        return (shape[0], 1, 1, 0, 0), (shape[1], 1, 1, 0, 0)

    def pool(self, shape):
        h, w, c = shape
        kind = self.rng.choice(("max_pool", "avg_pool"))
        for _ in range(8):
            ky, kx = (self.rng.randint(1, min(h, 4)), self.rng.randint(1, min(w, 4))) if self.rng.random() < 0.7 \
                else (draw(self.rng, 1, h), draw(self.rng, 1, w))
            strided = self.rng.random() < 0.6
            sy, sx = (draw(self.rng), draw(self.rng)) if strided else (ky, kx)
            d = 1 if kind == "avg_pool" or self.rng.random() < 0.8 else 2
            if d * (max(ky, kx) - 1) + 1 > min(h, w) and d != 1:
                d = 1
            oy, ox = positions(h, ky, sy, d, 0, 0), positions(w, kx, sx, d, 0, 0)
            if oy and ox:  # a `valid` window: nothing to overflow on the way
                opts = [pair("kernel", ky, kx)]
                if strided:
                    opts.append(pair("stride", sy, sx))
                if d != 1:
                    opts.append(f"nc::dilation<{d}>")
                self.rng.shuffle(opts)
                return (kind, f"nc::{kind}<{', '.join(opts)}>", (oy, ox, c), figures(activations=oy * ox * c),
                        ((ky, sy, d, 0, 0), (kx, sx, d, 0, 0)), False)
        return None

    def simple(self, shape):
        h, w, c = shape
        r = self.rng.random()
        if r < 0.3:
            return "relu", "nc::relu", shape, figures(activations=elements(shape)), IDENTITY, False
        if r < 0.55:
            return ("batch_norm", "nc::batch_norm", shape, figures(parameters=2 * c, activations=elements(shape)),
                    IDENTITY, False)
        if r < 0.8:
            return ("global_avg_pool", "nc::global_avg_pool", (1, 1, c), figures(activations=c), self.whole(shape),
                    False)
        n = elements(shape)
        return "flatten", "nc::flatten", (1, 1, n), figures(activations=n), self.whole(shape), False

    def user(self, shape):
        """A layer kind of the user's own (tools/crosscheck/user_kinds.hpp) that declares itself a
        view or elementwise: most of them with another number of elements out than in, for which
        the schedule writes a buffer of their own (docs/deploy.md). No window of their own."""
        h, w, c = shape
        r = self.rng.random()
        if r < 0.4 and h * w > 1:
            t = draw(self.rng, 0, h - 1) if self.rng.random() < 0.7 else 0
            b = draw(self.rng, 0, h - 1 - t) if self.rng.random() < 0.7 else 0
            left = draw(self.rng, 0, w - 1) if self.rng.random() < 0.7 else 0
            right = draw(self.rng, 0, w - 1 - left) if self.rng.random() < 0.7 else 0
            out = (h - t - b, w - left - right, c)
            kind, text = "crop2d", f"user::crop2d<{num(t)}, {num(b)}, {num(left)}, {num(right)}>"
        elif r < 0.55:
            out = (w, h, c)
            kind, text = "transpose_hw", "user::transpose_hw"
        elif r < 0.8:
            n = c if self.rng.random() < 0.2 else draw(self.rng, 1, c)
            out = (h, w, n)
            kind, text = "keep_channels", f"user::keep_channels<{num(n)}>"
        else:
            n = 0 if self.rng.random() < 0.2 else draw(self.rng, 0, LIMIT - 1 - c)
            out = (h, w, c + n)
            kind, text = "widen2", f"user::widen2<{num(n)}>"
        return kind, text, out, figures(activations=elements(out)), IDENTITY, False

    def layer(self, shape):
        makers = [(4, self.conv), (1, self.depthwise), (1, self.transposed), (2, self.fc), (2, self.pool),
                  (2, self.simple), (2, self.user)]
        for _ in range(10):
            pick = self.rng.uniform(0, sum(w for w, _ in makers))
            for weight, make in makers:
                pick -= weight
                if pick <= 0:
                    break
            made = make(shape)
            if made is not None:
                return made
        return self.simple(shape)


IDENTITY = ((1, 1, 1, 0, 0), (1, 1, 1, 0, 0))


def heavy_input(rng):
    """An input of a little under 2^64 or about 2^63 elements: the live activations of the
    layers that read it (the input and their outputs) fall on either side of 2^64 though
    every count fits."""
    gap = rng.choice((rng.randint(0, 8), rng.randint(0, 1 << 12), rng.randint(0, 1 << 40)))
    target = LIMIT - 1 - gap if rng.random() < 0.7 else (1 << 63) + rng.randint(-(1 << 12), 1 << 12)
    h = rng.randint(1, 64) if rng.random() < 0.7 else near(rng, 1 << 16)
    c = rng.randint(1, 300)
    return (h, target // (h * c), c) if rng.random() < 0.5 else (target // (h * c), h, c)


# ---------------------------------------------------------------------------------------
# Networks

class Network:
    """A chain of layers and blocks, with every entry of layers<Net> as Python counts it, and
    where netcount must stop: `fail` is the index of the first entry with a figure, a shape
    dimension or a running total of 2^64 or more (None for a valid network). For a valid one,
    each entry's live activations, the peak and its entry, or `peak_fail`: the first entry
    whose live activations reach 2^64 (None when they all fit; INPUT when no entry runs and the
    input alone does not fit). Auxiliary heads, nested ones too, read the tensor where they
    stand: their parameters, weights and biases count in the totals, their units, connections
    and activations do not, and the schedule skips them (live 0)."""

    def __init__(self, index, rng):
        self.index = index
        self.id = f"n{index}"
        gen = Generator(rng)
        self.in_shape = (draw(rng, scale="any"), draw(rng), draw(rng))
        if rng.random() < 0.6:  # more networks that go on after their first layer
            self.in_shape = tuple(min(v, rng.randint(1, 64)) if rng.random() < 0.6 else v for v in self.in_shape)
        elif rng.random() < 0.25:
            self.in_shape = heavy_input(rng)
        self.entries, self.parts, self.fail = [], [], None
        self.cursor = 0  # the position of the tensor the next layer reads (0: the input)
        self.totals = dict.fromkeys(FIGURES, 0)
        shape, field = self.in_shape, (Field(), Field())
        heads_only = rng.random() < 0.05  # no entry runs: the peak is the input, and peak_layer has none
        for _ in range(rng.randint(1, 5)):
            if self.fail is not None:
                break
            r = rng.random()
            if heads_only:
                self.auxiliary(rng, gen, shape, field, self.parts)
            elif r < 0.12 and shape[2] < LIMIT:
                shape, field = self.residual(rng, shape, field)
            elif r < 0.22:
                shape, field = self.concat(rng, shape, field)
            elif r < 0.32:
                self.auxiliary(rng, gen, shape, field, self.parts)
            else:
                # Most draws near 2^64 overflow; redrawing some of them leaves more networks
                # whose figures come close to the limit and still fit.
                made = gen.layer(shape)
                for _ in range(6 if rng.random() < 0.6 else 0):
                    if not self.would_overflow(made):
                        break
                    made = gen.layer(shape)
                shape, field = self.add_layer(made, shape, field, self.parts)
        if self.fail is not None and rng.random() < 0.5:
            self.parts.append("nc::relu")  # netcount stops before it
        self.out_shape = shape
        self.peak = self.peak_index = self.peak_fail = None
        if self.fail is None:
            self.schedule()

    def schedule(self):
        """Each entry's live activations under docs/deploy.md's schedule, exact; past 2^64 the
        first entry that does not fit, and UINT64_MAX from there on, as netcount reports it.
        Auxiliary entries do not run: they are no nodes of the schedule (nothing reads them),
        and the output is the last entry that runs, or the input if none does. The peak is
        never below the input."""
        running = [i for i, e in enumerate(self.entries) if not e.aux]
        node_of = {0: 0}  # position (0 the input, i + 1 entry i): its node
        for n, i in enumerate(running):
            node_of[i + 1] = n + 1
        nodes = [Node(elements(self.in_shape))] + \
                [Node(elements(self.entries[i].out_shape), [node_of[p] for p in self.entries[i].inputs],
                      ROLES.get(self.entries[i].kind, BUFFER)) for i in running]
        live = live_activations(nodes, [len(nodes) - 1])
        self.peak_fail = next((i for i, v in zip(running, live[1:]) if v >= LIMIT), None)
        if not running and live[0] >= LIMIT:
            self.peak_fail = INPUT
        for e in self.entries:
            e.live = 0
        for i, v in zip(running, live[1:]):
            self.entries[i].live = v if self.peak_fail is None or i < self.peak_fail else UINT64_MAX
        if self.peak_fail is None:
            self.peak = max(live)
            # peak_layer: the first entry that runs at the peak (none if none runs)
            self.peak_index = next((i for i, v in zip(running, live[1:]) if v == self.peak), None)

    def would_overflow(self, made):
        f, out = made[3], made[2]
        return (any(v >= LIMIT for v in out) or
                any(f[k] >= LIMIT or self.totals[k] + f[k] >= LIMIT for k in FIGURES))

    def record(self, entry):
        index = len(self.entries)
        self.entries.append(entry)
        if self.fail is not None:
            return
        if entry.overflows():
            self.fail = index
            return
        for k in FIGURES:
            if not (entry.aux and k in NOT_IN_TOTALS_OF_HEADS):
                self.totals[k] += entry.figures[k]
        if any(v >= LIMIT for v in self.totals.values()):
            self.fail = index

    def add_layer(self, made, shape, field, parts, aux=False):
        kind, text, out, f, (wy, wx), transposed = made
        fields = (field[0].after(wy[0], wy[1], wy[2], wy[3], transposed),
                  field[1].after(wx[0], wx[1], wx[2], wx[3], transposed))
        self.record(Entry(kind, text, shape, out, f, fields, [self.cursor], aux))
        self.cursor = len(self.entries)
        parts.append(text)
        return out, fields

    def auxiliary(self, rng, gen, shape, field, parts, depth=0):
        """auxiliary<...>: one to three layers (now and then a head inside it) reading the tensor
        here, which the next element reads too."""
        layers, start = [], self.cursor
        inner_shape, inner_field = shape, field
        for _ in range(rng.randint(1, 3)):
            if self.fail is not None:
                break
            if depth < 2 and rng.random() < 0.2:
                self.auxiliary(rng, gen, inner_shape, inner_field, layers, depth + 1)
            else:
                inner_shape, inner_field = self.add_layer(gen.layer(inner_shape), inner_shape, inner_field, layers,
                                                          aux=True)
        self.cursor = start
        parts.append(f"nc::auxiliary<{', '.join(layers)}>")

    def residual(self, rng, shape, field):
        """residual<conv<C, kernel<k>, same>, relu...>: shape kept, the input added back."""
        h, w, c = shape
        layers, inner_shape, inner_field, start = [], shape, field, self.cursor
        for _ in range(rng.randint(1, 2)):
            if self.fail is not None:
                break
            if rng.random() < 0.6 and fits_on_the_way(h, 3, 1, 1, "same") and fits_on_the_way(w, 3, 1, 1, "same"):
                k = rng.randint(1, 3)
                wins = [(k, 1, 1) + same_pads(s, k, 1, 1) for s in (h, w)]
                weights = k * k * c * c
                units = h * w * c
                f = figures(units, weights, c, weights + c, weights * h * w, weights * h * w + units, units)
                made = ("conv", f"nc::conv<{num(c)}, nc::kernel<{k}>, nc::same>", shape, f, tuple(wins), False)
            else:
                made = ("relu", "nc::relu", shape, figures(activations=elements(shape)), IDENTITY, False)
            inner_shape, inner_field = self.add_layer(made, inner_shape, inner_field, layers)
        if self.fail is None:
            merged = (widest(field[0], inner_field[0]), widest(field[1], inner_field[1]))
            self.record(Entry("add", "merge", shape, shape, figures(activations=elements(shape)), merged,
                              [self.cursor, start]))
            self.cursor = len(self.entries)
        else:
            merged = inner_field
        self.parts.append(f"nc::residual<{', '.join(layers)}>")
        return shape, merged

    def concat(self, rng, shape, field):
        """concat<conv<A, kernel<k>, stride<s>>, conv<B, kernel<k>, stride<s>>>."""
        h, w, c = shape
        k = 1 if rng.random() < 0.6 else rng.randint(1, min(h, w, 3))
        s = rng.randint(1, 3) if rng.random() < 0.7 else draw(rng)
        oy, ox = positions(h, k, s, 1, 0, 0), positions(w, k, s, 1, 0, 0)  # `valid`: no sum on the way
        paths, outs, fields, start, ends = [], [], [], self.cursor, []
        for _ in range(2):
            n = draw(rng)
            weights = k * k * c * n
            units = oy * ox * n
            f = figures(units, weights, 0, weights, weights * oy * ox, weights * oy * ox, units)
            text = f"nc::conv<{num(n)}, nc::kernel<{k}>, nc::stride<{num(s)}>, nc::no_bias>"
            if self.fail is None:
                self.cursor = start
                out, fl = self.add_layer(("conv", text, (oy, ox, n), f, ((k, s, 1, 0, 0),) * 2, False),
                                         shape, field, paths)
                outs.append(out)
                fields.append(fl)
                ends.append(self.cursor)
            else:
                paths.append(text)
        out = (oy, ox, sum(o[2] for o in outs)) if len(outs) == 2 else shape
        if self.fail is None:
            merged = (widest(fields[0][0], fields[1][0]), widest(fields[0][1], fields[1][1]))
            self.record(Entry("concat", "merge", outs[0], out, figures(activations=elements(out)), merged, ends))
            self.cursor = len(self.entries)
        else:
            merged = field
        self.parts.append(f"nc::concat<{', '.join(paths)}>")
        return out, merged

    def cpp(self):
        h, w, c = self.in_shape
        return (f"struct {self.id} : nc::network<nc::input<{num(h)}, {num(w)}, {num(c)}>, "
                f"{', '.join(self.parts)}> {{}};")

    # The checks of this network, as C++ lines.
    def checks(self):
        lines = [self.cpp()]
        if self.fail is not None:
            lines.append(f'static_assert(limits::rejects<{self.id}>(nc::error::count_overflow, {self.fail}), '
                         f'"{self.id}: rejected with a count overflow at entry {self.fail}");')
            return lines
        for i, e in enumerate(self.entries):
            f = e.figures
            shapes = f"{{{shape_cpp(e.in_shape)}, {shape_cpp(e.out_shape)}"
            values = ", ".join(num(v) for v in [f[k] for k in FIGURES] + [e.live])
            lines.append(f"static_assert(limits::same(nc::layers<{self.id}>[{i}], {shapes}, {values}}}), "
                         f'"{self.id}: entry {i} ({e.kind})");')
            lines.append(f"static_assert(nc::layers<{self.id}>[{i}].receptive_field == nc::receptive_field{{"
                         f'{e.fields[0].cpp()}, {e.fields[1].cpp()}}}, "{self.id}: entry {i} ({e.kind}) '
                         f'receptive field");')
        t = self.totals
        lines.append(f"static_assert(nc::totals<{self.id}> == nc::counts{{{', '.join(num(t[k]) for k in FIGURES)}}}, "
                     f'"{self.id}: totals");')
        lines.append(f'static_assert(nc::output_shape<{self.id}> == nc::shape{shape_cpp(self.out_shape)}, '
                     f'"{self.id}: output shape");')
        flops = 2 * t["connections"]
        lines.append(f"static_assert(limits::flops_are(nc::connections<{self.id}>, {cpp_bool(flops >= LIMIT)}, "
                     f'{num(flops % LIMIT)}), "{self.id}: flops");')
        if self.peak_fail is not None:
            # peak_activations<Net> and memory<Net, ...> are compile errors: netcount's verdict
            # here, the error itself for a few networks compiled alone (main).
            lines.append(f"static_assert(limits::peak_overflows<{self.id}>(), "
                         f'"{self.id}: live activations overflow at entry {self.peak_fail}");')
            return lines
        lines.append(f"static_assert(nc::peak_activations<{self.id}> == {num(self.peak)}, "
                     f'"{self.id}: peak activations");')
        if self.peak_index is not None:  # else no entry runs, and peak_layer is a compile error
            lines.append(f"static_assert(&nc::peak_layer<{self.id}> == &nc::layers<{self.id}>[{self.peak_index}], "
                         f'"{self.id}: peak layer");')
        batch = (1, 32, 1 << 31, (1 << 32) + 1)[self.index % 4]
        memory = (4 * t["parameters"], elements(self.in_shape) * 4 * batch, t["activations"] * 4 * batch,
                  self.peak * 4 * batch)
        overflow = 4 * batch >= LIMIT or any(m >= LIMIT for m in memory)
        lines.append(f"static_assert(limits::memory_is(nc::totals<{self.id}>, nc::input_shape<{self.id}>, "
                     f"nc::peak_activations<{self.id}>, 4, {num(batch)}, {cpp_bool(overflow)}, "
                     f"{{{', '.join(num(m % LIMIT) for m in memory)}}}), "
                     f'"{self.id}: memory, batch {batch}");')
        return lines

    def describe(self):
        lines = [self.cpp(), f"  input {self.in_shape}"]
        for i, e in enumerate(self.entries):
            marks = "  <- overflows" if e.overflows() else ""
            live = "" if e.live is None else f"; live {e.live}{'  <- overflows' if i == self.peak_fail else ''}"
            lines.append(f"  {i:3} {e.kind + (' (aux)' if e.aux else ''):16} {e.in_shape} -> {e.out_shape} reads {e.inputs}  " +
                         ", ".join(f"{k} {e.figures[k]}" for k in FIGURES if e.figures[k]) +
                         f"; field {e.fields[0].text()} x {e.fields[1].text()}{live}{marks}")
        if self.fail is not None:
            lines.append(f"  netcount must reject it with a count overflow at entry {self.fail}")
            return "\n".join(lines)
        lines.append(f"  totals: {self.totals}")
        lines.append(f"  peak {self.peak} at entry {self.peak_index} (None: the input, no entry runs)" if self.peak_fail is None else
                     f"  live activations overflow at entry {self.peak_fail}: peak_activations is a compile error")
        return "\n".join(lines)


def shape_cpp(shape):
    return "{" + ", ".join(num(v) for v in shape) + "}"


def cpp_bool(b):
    return "true" if b else "false"


def generate(seed, count):
    rng = random.Random(seed)
    return [Network(i, rng) for i in range(count)]


# ---------------------------------------------------------------------------------------
# Compiling

def source(nets, extra=()):
    lines = ["// Generated by tools/limits/limits.py; do not edit.", "#include <cstdint>", "",
             '#include "limits_check.hpp"', "", "namespace nc = netcount;", "", "namespace generated {", ""]
    for n in nets:
        lines += n.checks() + [""]
    lines += list(extra) + ["} // namespace generated"]
    return "\n".join(lines) + "\n"


def compile_one(command, path):
    start = time.monotonic()
    r = subprocess.run(command + ["-fsyntax-only", path], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr, time.monotonic() - start


def assert_messages(output):
    """The messages of the static_asserts that failed (g++ and clang++ spell them differently)."""
    return sorted(set(re.findall(r'"?(n\d+: [^"\n]*)"?', output)))


def parse_args(argv):
    p = command_line.parser(__doc__)
    p.add_argument("--seed", type=int, default=20240807, help="seed of the random networks")
    p.add_argument("--count", type=int, default=200, help="random networks to check")
    p.add_argument("--parts", type=int, default=4, help="translation units they are split into")
    p.add_argument("--jobs", type=int, default=2, help="compilers run at once")
    p.add_argument("--compile-fail", type=int, default=3, metavar="N",
                   help="rejected networks, and networks whose live activations overflow, also compiled "
                   "alone (N of each), to read their compile error")
    p.add_argument("--workdir", help="where the generated sources go (default: a temporary directory, "
                   "removed when nothing mismatches)")
    p.add_argument("--show", type=int, metavar="I", help="print network I and what Python expects of it, and exit")
    args, args.command = command_line.parse(p, argv, HERE)
    return args


def main(argv):
    if sys.version_info < (3, 8):
        say("SKIP: Python 3.8 or later is needed")
        return SKIP
    args = parse_args(argv)
    nets = generate(args.seed, max(args.count, (args.show or 0) + 1))
    if args.show is not None:
        say(nets[args.show].describe())
        return 0
    started = time.monotonic()
    workdir = args.workdir or tempfile.mkdtemp(prefix="netcount-limits-")
    os.makedirs(workdir, exist_ok=True)
    rejected = [n for n in nets if n.fail is not None]
    peaks_over = [n for n in nets if n.peak_fail is not None]
    say(f"limits: {len(nets)} networks from seed {args.seed}: {len(nets) - len(rejected)} valid "
        f"({sum(len(n.entries) for n in nets if n.fail is None)} entries; {len(peaks_over)} whose live "
        f"activations overflow), {len(rejected)} to be rejected with a count overflow")

    # The checks, in parts of about equal size; then a few rejected networks alone, and a few
    # whose live activations overflow.
    parts = [nets[k::args.parts] for k in range(min(args.parts, len(nets)))]
    jobs = []
    for k, part in enumerate(parts):
        path = os.path.join(workdir, f"limits_{k}.cpp")
        with open(path, "w") as f:
            f.write(source(part))
        jobs.append(("part", part, path))
    for n in rejected[:args.compile_fail]:
        path = os.path.join(workdir, f"rejected_{n.id}.cpp")
        with open(path, "w") as f:
            f.write(source([n], [f"static_assert(nc::weights<{n.id}> > 0); // the error the user sees"]))
        jobs.append(("rejected", [n], path))
    for n in peaks_over[:args.compile_fail]:
        path = os.path.join(workdir, f"peak_{n.id}.cpp")
        with open(path, "w") as f:
            f.write(source([n], [f"[[maybe_unused]] constexpr std::uint64_t peak_of_{n.id} = "
                                f"nc::peak_activations<{n.id}>; // the error the user sees"]))
        jobs.append(("peak", [n], path))

    mismatches = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda j: (j, compile_one(args.command, j[2])), jobs))
        retry = []
        for (what, group, path), (code, output, seconds) in results:
            say(f"  {os.path.basename(path)}: {len(group)} networks, {seconds:.1f} s")
            if what == "rejected":
                n = group[0]
                wanted = [OVERFLOW_MESSAGE, f"count_overflow, {n.fail},"]
                missing = [w for w in wanted if w not in output]
                if code == 0 or missing:
                    mismatches.append(f"{n.id}: compiled alone, it must fail with {wanted}; "
                                      f"{'it compiled' if code == 0 else 'the error lacks ' + str(missing)}:\n"
                                      f"{n.describe()}\n{tail(output)}")
            elif what == "peak":
                # The peak's own error, and no other: every other check of the network holds.
                n = group[0]
                errors = [line for line in output.splitlines() if "error:" in line]
                ok = code != 0 and OVERFLOW_MESSAGE in output and not assert_messages(output) and \
                    all(OVERFLOW_MESSAGE in line or "peak_activations" in line for line in errors)
                if not ok:
                    mismatches.append(f"{n.id}: compiled alone, peak_activations<{n.id}> must fail with "
                                      f"'{OVERFLOW_MESSAGE}' and nothing else:\n{n.describe()}\n{tail(output)}")
            elif code != 0:
                failed = assert_messages(output)
                if failed and "netcount: " not in output:
                    by_id = {n.id: n for n in group}
                    for m in failed:
                        mismatches.append(f"{m}\n{by_id[m.split(':')[0]].describe()}")
                else:
                    # Something else failed (netcount rejected a network Python finds valid?):
                    # each network of the part alone, to say which.
                    retry += group
        singles = []
        for n in retry:
            path = os.path.join(workdir, f"alone_{n.id}.cpp")
            with open(path, "w") as f:
                f.write(source([n]))
            singles.append((n, path))
        for (n, path), (code, output, _) in zip(singles, pool.map(lambda s: compile_one(args.command, s[1]), singles)):
            if code != 0:
                mismatches.append(f"{n.id}: does not compile as Python expects:\n{n.describe()}\n{tail(output)}")
    if retry and not mismatches:
        mismatches.append("a part failed to compile, but each of its networks compiles alone: see " + workdir)

    for m in mismatches:
        say("MISMATCH " + m)
    say(f"limits: {len(nets)} networks checked in {time.monotonic() - started:.1f} s; "
        f"{len(mismatches)} mismatches")
    if mismatches:
        say(f"sources in {workdir}; compile command: {' '.join(map(shlex.quote, args.command))}")
        return 1
    if not args.workdir:
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    return 0


def tail(output, lines=40):
    text = output.splitlines()
    return "\n".join(text[:lines]) + ("\n  ..." if len(text) > lines else "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
