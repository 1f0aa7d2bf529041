"""Random valid architectures, each written both as a netcount type and as a torch module.

The generator tracks every shape as it goes, so that each network is valid by construction:
windows fit their padded input, groups divide channels and filters, the paths of an add end
in the same shape and those of a concat in the same height and width. Its shape arithmetic
only keeps the networks valid; what is compared is netcount against torch. It does check
itself against torch, though: a layer whose torch output differs from the generator's
prediction is a generator bug and stops the run.

Every node has in_shape and out_shape (netcount's (h, w, c)), cpp() (the netcount type),
build() -> (torch module, [Entry...]): a fresh module and one Entry per entry of
netcount::layers<Net> that the node contributes, in netcount's order (a block's paths in
order, then its merge); names(namer): the names netcount must give those entries (Namer:
docs/reference.md's rules, written here from the statement); and scaled(entries, rule): the
type scale_width<Net, Num, Den, Divisor> must make of it (docs/deploy.md's rule, with
torchvision's _make_divisible, and each auxiliary head keeping its own classifier:
kept_widths).

Auxiliary heads come anywhere: alone, side by side, one inside another, in the paths of
merges (at their end, or as a whole path), at the end of a network, and a few networks are
nothing but heads (the peak is then the input, and peak_layer has no entry to name).

About a quarter of the networks are graphs (TapGenerator): from<"name"> reads an earlier
entry's or named block's output as an element of a sequence, as a path of a merge, or as the
network's last element. In torch the node it reads keeps its output in a dict the model shares
(torch_side.Store) and the from<> is a torch_side.Fetch of it, the very tensor: torch.fx's trace
reads the node again, as netcount's graph does.

GraphFormsGenerator adds issue 16's other forms: outputs<...> (torch_side.Outputs returns the
stored tensors as a tuple), shared<"name", ...> and its reuses shared<"name"> (one torch module
object called at every application: SharedDef, SharedUse; each reuse's entries point at the
definition's, Entry.reuse_of) and rois<Count, Height, Width, ...> (torch_side.RoiOp makes the
regions as one batch; Entry.batch says by how much netcount's units and connections exceed
torch's per-region figures).

SeveralInputsGenerator draws networks of 2 or 3 named inputs of different shapes (InputNode),
which from<"name"> reads; its torch module (torch_side.Inputs) takes one tensor per input, in
order. generate(seed, count, several_inputs=True) puts them in place of about a fifth of the
networks, the others unchanged.
"""

import random
import re

import torch.nn as nn
from torchvision.models.convnext import LayerNorm2d
from torchvision.ops import StochasticDepth

from torch_side import (AddOp, Aux, Chunk, ConcatOp, Crop2d, Cropped, Dense, Flat, InterpolateTo, KeepChannels,
                        LayerScale, MaxOp, Merge, MulOp, Padded, Pointwise, TransposeHW, UpsampleBack,
                        WeightedFusionOp, Widen)
from torch_side import CropConcatOp, Fetch, PadChannels, PadConcatOp, Slice, Store
from torch_side import Outputs, RoiOp, several_inputs

NC = "nc::"
USER = "user::"  # the kinds and merges of user_kinds.hpp
MAX_SIDE = 40      # largest height or width a layer may produce
MAX_CHANNELS = 32
MAX_FC_INPUTS = 6000


class Entry:
    """One entry of layers<Net> as torch sees it: the module to hook and what netcount should
    call its kind. `where` says which netcount element made it (for messages)."""

    def __init__(self, kind, module, in_shape, out_shape, where, aux=False):
        self.kind = kind
        self.module = module
        self.in_shape = in_shape
        self.out_shape = out_shape
        self.where = where
        self.aux = aux     # inside an auxiliary<...> head
        self.head = None   # the innermost auxiliary head it is in (None: the network itself)
        self.kept = False  # keeps its width under scale_width (kept_widths)
        self.reuse_of = None  # a reuse of a shared<...> definition: the definition's Entry
        self.batch = 1     # inside a rois<Count, ...>: Count (its units and connections the batch's)


def kept_widths(entries, weights):
    """Marks the entries whose width scale_width keeps (docs/deploy.md, "Scaling", and
    docs/reference.md, "Auxiliary heads"): the last with weights of the network, and the last
    with weights of each auxiliary head, a head's own layers only (a head inside it, or beside
    it, keeps its own). `weights` of each entry as torch counts them."""
    last = {}
    for i, (e, w) in enumerate(zip(entries, weights)):
        e.kept = False
        if w:
            last[id(e.head)] = i
    for i in last.values():
        entries[i].kept = True


class Namer:
    """The names netcount generates (docs/reference.md, "Names"), written from that statement: a
    layer is named after its kind and its ordinal among the entries and blocks of that kind (or
    stem) in its scope, named ones included, with '_' before the ordinal where the kind ends in
    a digit; a block with a name, and every merge and auxiliary head, opens a scope whose name
    prefixes its parts' ("<block>/<part>"), and its merge is named after it; but an unnamed
    merge among the parts of an unnamed merge opens none: it and its parts are named in the
    enclosing merge's scope."""

    def __init__(self):
        # (path, ordinals by kind, whether an unnamed merge opened it) of each open scope,
        # outermost first
        self.scopes = [("", {}, False)]
        # The paths of the named blocks whose output is no entry of that name (a named sequence,
        # an auxiliary head): from<> reads them by that name too, so they share the namespace.
        self.recorded = []
        self.applications = {}  # shared<"name">: how many times applied so far (name@n)

    def make(self, kind, given=None):
        path, counts, _ = self.scopes[-1]
        counts[kind] = counts.get(kind, 0) + 1
        own = given if given is not None else f"{kind}{'_' if kind[-1].isdigit() else ''}{counts[kind]}"
        return f"{path}/{own}" if path else own

    def open(self, stem, given=None, recorded=False):
        """A scope for a block of that stem, named in the enclosing one; its path. `recorded`: the
        block's output is no entry of that name (a named sequence, a head)."""
        path = self.make(stem, given)
        self.scopes.append((path, {}, False))
        if recorded:
            self.recorded.append(path)
        return path

    def open_merge(self, stem, given=None):
        """A merge's scope (add, concat, residual, one's own), or, unnamed in an unnamed merge's,
        that same scope again; the merge's name."""
        if given is None and self.scopes[-1][2]:
            name = self.make(stem)
            self.scopes.append(self.scopes[-1])  # its parts count their ordinals there too
            return name
        path = self.open(stem, given)
        self.scopes[-1] = (path, {}, given is None)
        return path

    def close(self):
        self.scopes.pop()


def named(parts, name, at):
    """A block's elements with its name<...> among them at position `at`."""
    parts = list(parts)
    if name is not None:
        parts.insert(at, f'{NC}name<"{name}">')
    return ", ".join(parts)


def name_position(parts, name, rng):
    """Where a block's name<...> goes among its parts: anywhere."""
    return rng.randint(0, len(parts)) if name is not None else None


GIVEN_NAME = re.compile(r'name<"([^"]*)">')
WIDTH_KINDS = ("conv", "transposed_conv", "fc", "linear")  # what scale_width scales


# ---------------------------------------------------------------------------------------
# Nodes: each has in_shape and out_shape, cpp() (its netcount type), build() (a torch module
# and its entries), names(namer) (netcount's names of its entries, in order) and
# scaled(entries, rule) (its type under scale_width: the width rule applied to each layer with a
# width that does not keep it, reading its entries from the iterator `entries` in order).

class Leaf:
    def __init__(self, kind, options, make, in_shape, out_shape, head=None, namespace=NC):
        self.kind = kind
        self.namespace = namespace  # NC, or USER for the kinds of user_kinds.hpp
        self.head = head          # template arguments before the options (filters, outputs)
        self.options = options    # option types, already in a random order
        self.make = make
        self.in_shape = in_shape
        self.out_shape = out_shape
        given = [m.group(1) for o in options for m in [GIVEN_NAME.search(o)] if m]
        self.given = given[0] if given else None
        offer(self)

    def text(self, head):
        args = ([head] if head is not None else []) + self.options
        if not args and self.kind in PLAIN_KINDS:
            return self.namespace + self.kind
        return f"{self.namespace}{self.kind}<{', '.join(args)}>"

    def cpp(self):
        return self.text(self.head)

    def build(self):
        m = self.make()
        return m, [Entry(self.kind, m, self.in_shape, self.out_shape, self.cpp())]

    def names(self, namer):
        self.tap_name = namer.make(self.kind, self.given)
        return [self.tap_name]

    def scaled(self, entries, rule):
        e = next(entries)
        if self.kind in WIDTH_KINDS and not e.kept:
            return self.text(str(rule(int(self.head))))
        return self.cpp()


PLAIN_KINDS = {"relu", "relu6", "sigmoid", "tanh", "softmax", "dropout", "batch_norm",
               "flatten", "global_avg_pool", "global_max_pool", "silu", "hardswish", "hardsigmoid",
               "gelu", "leaky_relu", "elu", "mish", "layer_norm", "layer_scale", "stochastic_depth",
               "transpose_hw"}


class Identity:
    def __init__(self, shape):
        self.in_shape = self.out_shape = shape

    def cpp(self):
        return NC + "identity"

    def build(self):
        return nn.Identity(), []

    def names(self, namer):
        return []

    def scaled(self, entries, rule):
        return self.cpp()


class From:
    """from<"name">: the output of `source`, an earlier node of the network (an entry, a merge, a
    named sequence, an upsample_back, a squeeze_excitation), read by the name netcount gives it
    (its tap_name, set when the network is named). As an element of a sequence the chain goes on
    from that tensor; as a path of a merge the path reads it instead of the block's input. It
    adds no entry. In torch, a Fetch of what the source's Store kept (build_parts): the very
    tensor, so that torch.fx sees the source's node read again."""

    def __init__(self, source, in_shape, tensors):
        self.source = source
        self.in_shape = in_shape  # the tensor before it, which it does not read
        self.out_shape = source.out_shape
        source.tap_tensors = tensors  # the dict of the network's stored tensors: it needs a Store

    def cpp(self):
        return f'{NC}from<"{self.source.tap_name}">'

    def build(self):
        return Fetch(self.source.tap_tensors, self.source.tap_name), []

    def names(self, namer):
        return []

    def scaled(self, entries, rule):
        return self.cpp()


# The TapGenerator drawing a network, told of every node that a from<> may read as it is made
# (offer): nodes are made in the order netcount computes them, but for the heads that are drawn
# after the items they are inserted before (TapGenerator.head_at).
_drawing = None


def offer(node):
    if _drawing is not None:
        _drawing.offer(node)


def build_parts(parts):
    """Builds each part (item, path or element) in order: (their modules, all their entries). A
    part that a from<> reads stores its output, under its name, for the from<>'s Fetch."""
    modules, entries = [], []
    for part in parts:
        m, e = part.build()
        if getattr(part, "tap_tensors", None) is not None:
            m = nn.Sequential(m, Store(part.tap_tensors, part.tap_name))
        modules.append(m)
        entries += e
    return modules, entries


def names_of(parts, namer):
    return [n for p in parts for n in p.names(namer)]


def scaled_parts(parts, entries, rule):
    return [p.scaled(entries, rule) for p in parts]


class Sequence:
    def __init__(self, items, name, rng):
        self.items = items
        self.in_shape = items[0].in_shape
        self.out_shape = items[-1].out_shape
        self.name, self.name_at = name, name_position(items, name, rng)
        if name is not None:  # a scope: from<> reads its output by its name
            offer(self)

    def cpp(self):
        return f"{NC}sequence<{named([i.cpp() for i in self.items], self.name, self.name_at)}>"

    def build(self):
        modules, entries = build_parts(self.items)
        return nn.Sequential(*modules), entries

    def names(self, namer):
        if self.name is None:  # not a scope: its parts are named where it stands
            return names_of(self.items, namer)
        self.tap_name = namer.open("sequence", self.name, recorded=True)
        found = names_of(self.items, namer)
        namer.close()
        return found

    def scaled(self, entries, rule):
        return f"{NC}sequence<{named(scaled_parts(self.items, entries, rule), self.name, self.name_at)}>"


class Block:
    """add<Paths...>, concat<Paths...> or residual<Layers...> (whose paths are the identity
    and the sequence of its layers)."""

    def __init__(self, op, paths, name, rng, residual_items=None):
        self.op = op
        self.paths = paths
        self.in_shape = paths[0].in_shape
        shapes = [p.out_shape for p in paths]
        if op == "add":
            assert all(s == shapes[0] for s in shapes), shapes
            self.out_shape = shapes[0]
        else:
            assert all(s[:2] == shapes[0][:2] for s in shapes), shapes
            self.out_shape = (shapes[0][0], shapes[0][1], sum(s[2] for s in shapes))
        self.residual_items = residual_items
        self.parts = residual_items if residual_items is not None else paths  # as written
        self.stem = "residual" if residual_items is not None else op
        self.name, self.name_at = name, name_position(self.parts, name, rng)
        offer(self)

    @property
    def text(self):
        # Written when asked for: a from<> among its parts spells a name given after the draw.
        return self.write([p.cpp() for p in self.parts])

    def write(self, parts):
        return f"{NC}{self.stem}<{named(parts, self.name, self.name_at)}>"

    def cpp(self):
        return self.text

    def build(self):
        modules, entries = build_parts(self.paths)
        op = AddOp() if self.op == "add" else ConcatOp()
        entries.append(Entry(self.op, op, self.paths[0].out_shape, self.out_shape,
                             "merge of " + self.text))
        return Merge(modules, op), entries

    def names(self, namer):
        path = self.tap_name = namer.open_merge(self.stem, self.name)
        found = names_of(self.parts, namer) + [path]
        namer.close()
        return found

    def scaled(self, entries, rule):
        text = self.write(scaled_parts(self.parts, entries, rule))
        next(entries)  # the merge
        return text


class OpenMerge:
    """multiply<Paths...> (broadcast as NumPy), or a merge of the program's own (user_kinds.hpp):
    user::weighted_fusion<Paths...> (BiFPN's, one learned weight per path, one shape) or
    user::m1<Paths...> (the elementwise maximum, one shape): merges built on merge_kind."""

    OPS = {"multiply": MulOp, "weighted_fusion": None, "m1": MaxOp}

    def __init__(self, op, paths, name, rng):
        self.op = op
        self.paths = paths
        self.in_shape = paths[0].in_shape
        shapes = [p.out_shape for p in paths]
        if op != "multiply":
            assert all(s == shapes[0] for s in shapes), shapes
        else:
            for s in shapes:
                assert all(a == b or a == 1 or b == 1 for a, b in zip(s, shapes[0])), shapes
        self.out_shape = tuple(max(s[i] for s in shapes) for i in range(3))
        self.name, self.name_at = name, name_position(paths, name, rng)
        offer(self)

    @property
    def text(self):
        return self.write([p.cpp() for p in self.paths])

    def write(self, parts):
        prefix = NC if self.op == "multiply" else USER
        return f"{prefix}{self.op}<{named(parts, self.name, self.name_at)}>"

    def cpp(self):
        return self.text

    def build(self):
        modules, entries = build_parts(self.paths)
        op = WeightedFusionOp(len(self.paths)) if self.op == "weighted_fusion" else self.OPS[self.op]()
        entries.append(Entry(self.op, op, self.paths[0].out_shape, self.out_shape, "merge of " + self.text))
        return Merge(modules, op), entries

    def names(self, namer):
        path = self.tap_name = namer.open_merge(self.op, self.name)
        found = names_of(self.paths, namer) + [path]
        namer.close()
        return found

    def scaled(self, entries, rule):
        text = self.write(scaled_parts(self.paths, entries, rule))
        next(entries)  # the merge
        return text


class SqueezeExcitation:
    """squeeze_excitation<C, S, Activation, Gate>: torchvision's ops.SqueezeExcitation, written
    as the multiply of the input and its gate, so that every entry has a module of its own."""

    ACTIVATIONS = {"relu": nn.ReLU, "relu6": nn.ReLU6, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "silu": nn.SiLU,
                   "hardswish": nn.Hardswish, "hardsigmoid": nn.Hardsigmoid}

    def __init__(self, shape, squeeze, activation, gate, spelled):
        self.in_shape = self.out_shape = shape
        self.squeeze, self.activation, self.gate, self.spelled = squeeze, activation, gate, spelled
        self.text = self.write(shape[2], squeeze)
        offer(self)

    def write(self, channels, squeeze):
        args = [str(channels), str(squeeze)]
        if self.spelled >= 1 or self.gate != "sigmoid" or self.activation != "relu":
            args.append(NC + self.activation)
        if self.spelled >= 2 or self.gate != "sigmoid":
            args.append(NC + self.gate)
        return f"{NC}squeeze_excitation<{', '.join(args)}>"

    def cpp(self):
        return self.text

    def build(self):
        h, w, c = self.in_shape
        s = self.squeeze
        pool, fc1 = nn.AdaptiveAvgPool2d(1), nn.Conv2d(c, s, 1)
        act, fc2, gate = self.ACTIVATIONS[self.activation](), nn.Conv2d(s, c, 1), self.ACTIVATIONS[self.gate]()
        op = MulOp()
        entries = [Entry("global_avg_pool", pool, self.in_shape, (1, 1, c), self.text + " pool"),
                   Entry("conv", fc1, (1, 1, c), (1, 1, s), self.text + " fc1"),
                   Entry(self.activation, act, (1, 1, s), (1, 1, s), self.text + " activation"),
                   Entry("conv", fc2, (1, 1, s), (1, 1, c), self.text + " fc2"),
                   Entry(self.gate, gate, (1, 1, c), (1, 1, c), self.text + " gate"),
                   Entry("multiply", op, self.in_shape, self.in_shape, "merge of " + self.text)]
        return Merge([nn.Identity(), nn.Sequential(pool, fc1, act, fc2, gate)], op), entries

    def names(self, namer):
        # Its two 1 x 1 convs are called fc1 and fc2 (docs/reference.md), and count as convs.
        path = self.tap_name = namer.open("squeeze_excitation")
        found = [namer.make("global_avg_pool"), namer.make("conv", "fc1"), namer.make(self.activation),
                 namer.make("conv", "fc2"), namer.make(self.gate), path]
        namer.close()
        return found

    def scaled(self, entries, rule):
        _, fc1, _, fc2, _, _ = (next(entries) for _ in range(6))
        c, s = self.in_shape[2], self.squeeze
        return self.write(c if fc2.kept else rule(c), s if fc1.kept else rule(s))


class Auxiliary:
    """auxiliary<Elements...>: a head that reads the tensor; the next element reads it too."""

    def __init__(self, items, name, rng):
        self.items = items
        self.in_shape = self.out_shape = items[0].in_shape
        self.name, self.name_at = name, name_position(items, name, rng)

    def cpp(self):
        return f"{NC}auxiliary<{named([i.cpp() for i in self.items], self.name, self.name_at)}>"

    def build(self):
        modules, entries = build_parts(self.items)
        head = object()  # this build's: each copy of a repeat<...> is a head of its own
        for e in entries:
            e.aux = True
            if e.head is None:  # not in a head inside this one
                e.head = head
        return Aux(nn.Sequential(*modules)), entries

    def names(self, namer):
        namer.open("auxiliary", self.name, recorded=True)
        found = names_of(self.items, namer)
        namer.close()
        return found

    def scaled(self, entries, rule):
        return f"{NC}auxiliary<{named(scaled_parts(self.items, entries, rule), self.name, self.name_at)}>"


class UpsampleBackBlock:
    """upsample_back<Elements...>: the elements, then their output interpolated back to the
    height and width the block read (its last entry, of kind upsample_back)."""

    def __init__(self, items, name, rng):
        self.items = items
        self.in_shape = items[0].in_shape
        inner = items[-1].out_shape
        self.out_shape = (self.in_shape[0], self.in_shape[1], inner[2])
        self.name, self.name_at = name, name_position(items, name, rng)
        offer(self)

    @property
    def text(self):
        return self.write([i.cpp() for i in self.items])

    def write(self, parts):
        return f"{NC}upsample_back<{named(parts, self.name, self.name_at)}>"

    def cpp(self):
        return self.text

    def build(self):
        modules, entries = build_parts(self.items)
        resize = InterpolateTo()
        entries.append(Entry("upsample_back", resize, self.items[-1].out_shape, self.out_shape,
                             "interpolation of " + self.text))
        return UpsampleBack(nn.Sequential(*modules), resize), entries

    def names(self, namer):
        # Named: a scope, and the interpolation is named after it. Unnamed: no scope, and the
        # interpolation takes its ordinal before the parts take theirs.
        if self.name is None:
            own = self.tap_name = namer.make("upsample_back")
            return names_of(self.items, namer) + [own]
        path = self.tap_name = namer.open("upsample_back", self.name)
        found = names_of(self.items, namer) + [path]
        namer.close()
        return found

    def scaled(self, entries, rule):
        text = self.write(scaled_parts(self.items, entries, rule))
        next(entries)  # the interpolation
        return text


class Repeat:
    def __init__(self, count, element):
        assert element.in_shape == element.out_shape
        self.count = count
        self.element = element
        self.in_shape = self.out_shape = element.in_shape

    def cpp(self):
        return f"{NC}repeat<{self.count}, {self.element.cpp()}>"

    def build(self):
        modules, entries = build_parts([self.element] * self.count)
        return nn.Sequential(*modules), entries

    def names(self, namer):
        return names_of([self.element] * self.count, namer)  # an unnamed sequence of copies

    def scaled(self, entries, rule):
        # repeat<N, E> is sequence<E, ..., E>, and each copy is scaled as its entries say.
        return f"{NC}sequence<{', '.join(scaled_parts([self.element] * self.count, entries, rule))}>"


# ---------------------------------------------------------------------------------------
# Window arithmetic, as PyTorch documents it (Conv2d, MaxPool2d, ConvTranspose2d) and as
# TensorFlow documents `same`.

def window_positions(size, kernel, stride, dilation, pad_begin, pad_end, ceil=False):
    """Output positions along one axis, or None if the window does not fit."""
    span = dilation * (kernel - 1) + 1
    padded = size + pad_begin + pad_end
    if padded < span:
        return None
    slack = padded - span
    if not ceil:
        return slack // stride + 1
    out = -(-slack // stride) + 1
    if (out - 1) * stride >= size + pad_begin:  # the last window would start in the end padding
        out -= 1
    return out


def same_padding(size, kernel, stride, dilation):
    """TensorFlow's `same`: ceil(size / stride) outputs, the odd pixel of padding at the end."""
    out = -(-size // stride)
    total = max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0)
    return total // 2, total - total // 2


def transposed_positions(size, kernel, stride, dilation, pad_begin, pad_end, output_pad):
    return (size - 1) * stride + dilation * (kernel - 1) + output_pad + 1 - pad_begin - pad_end


def pair(name, a, b, rng, omit_default=None):
    """name<a> or name<a, b>; None to leave the option out when it is the default."""
    if omit_default is not None and a == b == omit_default and rng.random() < 0.7:
        return None
    if a == b and rng.random() < 0.8:
        return f"{NC}{name}<{a}>"
    return f"{NC}{name}<{a}, {b}>"


class Padding:
    """A padding option: what netcount is told (cpp, or None for the default) and the pads
    along each axis (top, bottom, left, right)."""

    def __init__(self, mode, cpp, pads):
        self.mode = mode   # "valid", "symmetric", "asymmetric" or "same"
        self.cpp = cpp
        self.pads = pads


# ---------------------------------------------------------------------------------------
# The generator

class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.names = 0

    # Small helpers -----------------------------------------------------------------------

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, weighted):
        """One key of {key: weight}."""
        keys = list(weighted)
        return self.rng.choices(keys, weights=[weighted[k] for k in keys])[0]

    def new_name(self):
        self.names += 1
        return f"n{self.names}"

    def maybe_name(self, p=0.15):
        return self.new_name() if self.chance(p) else None

    def finish_options(self, options, name_p=0.15):
        options = [o for o in options if o is not None]
        name = self.maybe_name(name_p)
        if name is not None:
            options.append(f'{NC}name<"{name}">')
        self.rng.shuffle(options)  # options come in any order
        return options

    def divisors(self, n):
        return [d for d in range(1, n + 1) if n % d == 0]

    def padding(self, kernel, stride, dilation, size, pool):
        """A random padding for a windowed layer; `pool` keeps every pad within half the
        kernel, as torch's pools require (and netcount of each side of pad<T, B, L, R>)."""
        (kh, kw), (sh, sw), (dh, dw), (h, w) = kernel, stride, dilation, size
        mode = self.pick({"default": 2, "valid": 1, "pad1": 2, "pad2": 2, "pad4": 2, "same": 3})
        if mode in ("default", "valid"):
            return Padding("valid", None if mode == "default" else NC + "valid", (0, 0, 0, 0))
        if mode == "same":
            t, b = same_padding(h, kh, sh, dh)
            l, r = same_padding(w, kw, sw, dw)
            return Padding("same", NC + "same", (t, b, l, r))
        limit_h = kh // 2 if pool else 3
        limit_w = kw // 2 if pool else 3
        if mode == "pad4":
            t, b = (self.rng.randint(0, limit_h) for _ in range(2))
            l, r = (self.rng.randint(0, limit_w) for _ in range(2))
            return Padding("asymmetric", f"{NC}pad<{t}, {b}, {l}, {r}>", (t, b, l, r))
        if mode == "pad1":
            p = self.rng.randint(0, min(limit_h, limit_w))
            return Padding("symmetric", f"{NC}pad<{p}>", (p, p, p, p))
        ph, pw = self.rng.randint(0, limit_h), self.rng.randint(0, limit_w)
        return Padding("symmetric", f"{NC}pad<{ph}, {pw}>", (ph, ph, pw, pw))

    def window_shape(self, shape, kernel, stride, dilation, pads, ceil=False):
        h, w, c = shape
        t, b, l, r = pads
        y = window_positions(h, kernel[0], stride[0], dilation[0], t, b, ceil)
        x = window_positions(w, kernel[1], stride[1], dilation[1], l, r, ceil)
        if y is None or x is None or y > MAX_SIDE or x > MAX_SIDE:
            return None
        return (y, x)

    def kernel(self, largest):
        kh = self.rng.randint(1, largest)
        kw = kh if self.chance(0.6) else self.rng.randint(1, largest)
        return kh, kw

    def stride(self):
        sh = self.pick({1: 5, 2: 3, 3: 1})
        sw = sh if self.chance(0.7) else self.pick({1: 2, 2: 2, 3: 1})
        return sh, sw

    def dilation(self):
        if self.chance(0.75):
            return 1, 1
        dh = self.rng.randint(1, 3)
        return (dh, dh) if self.chance(0.6) else (dh, self.rng.randint(1, 2))

    # Layers ------------------------------------------------------------------------------

    def conv_layer(self, shape, depthwise=False):
        h, w, c = shape
        for _ in range(30):
            kernel, stride, dilation = self.kernel(5), self.stride(), self.dilation()
            pad = self.padding(kernel, stride, dilation, (h, w), pool=False)
            hw = self.window_shape(shape, kernel, stride, dilation, pad.pads)
            if hw is None:
                continue
            bias = self.chance(0.7)
            options = [pair("kernel", *kernel, self.rng), pair("stride", *stride, self.rng, 1),
                       pair("dilation", *dilation, self.rng, 1), pad.cpp,
                       None if bias else NC + "no_bias"]
            if depthwise:
                mult = self.pick({1: 3, 2: 2, 3: 1})
                if c * mult > MAX_CHANNELS:
                    mult = 1
                filters, groups = c * mult, c
                if mult != 1 or self.chance(0.3):
                    options.append(f"{NC}multiplier<{mult}>")
                head, kind = None, "depthwise_conv"
            else:
                groups = self.rng.choice(self.divisors(c)) if self.chance(0.35) else 1
                filters = groups * self.rng.randint(1, max(1, MAX_CHANNELS // groups // 2))
                if groups != 1 or self.chance(0.1):
                    options.append(f"{NC}groups<{groups}>")
                head, kind = str(filters), "conv"
            options = self.finish_options(options)

            def make(c=c, filters=filters, kernel=kernel, stride=stride, dilation=dilation,
                     groups=groups, bias=bias, pad=pad):
                if pad.mode in ("valid", "symmetric"):
                    t, _, l, _ = pad.pads
                    return nn.Conv2d(c, filters, kernel, stride, (t, l), dilation, groups, bias)
                if pad.mode == "same" and stride == (1, 1):
                    return nn.Conv2d(c, filters, kernel, stride, "same", dilation, groups, bias)
                # asymmetric, or TensorFlow's `same` with a stride, which torch's 'same' refuses
                return Padded(*pad.pads, nn.Conv2d(c, filters, kernel, stride, 0, dilation, groups, bias))

            return Leaf(kind, options, make, shape, (hw[0], hw[1], filters), head)
        return None

    def transposed_conv_layer(self, shape):
        h, w, c = shape
        for _ in range(30):
            kernel, stride, dilation = self.kernel(4), self.stride(), self.dilation()
            out_pad = tuple(self.rng.randrange(max(s, d)) if self.chance(0.5) else 0
                            for s, d in zip(stride, dilation))
            mode = self.pick({"default": 2, "valid": 1, "pad1": 2, "pad2": 2, "pad4": 2})
            limit = 2
            if mode in ("default", "valid"):
                pads, text = (0, 0, 0, 0), None if mode == "default" else NC + "valid"
            elif mode == "pad1":
                p = self.rng.randint(0, limit)
                pads, text = (p, p, p, p), f"{NC}pad<{p}>"
            elif mode == "pad2":
                ph, pw = self.rng.randint(0, limit), self.rng.randint(0, limit)
                pads, text = (ph, ph, pw, pw), f"{NC}pad<{ph}, {pw}>"
            else:
                pads = tuple(self.rng.randint(0, limit) for _ in range(4))
                text = f"{NC}pad<{', '.join(map(str, pads))}>"
            t, b, l, r = pads
            y = transposed_positions(h, kernel[0], stride[0], dilation[0], t, b, out_pad[0])
            x = transposed_positions(w, kernel[1], stride[1], dilation[1], l, r, out_pad[1])
            if not (1 <= y <= MAX_SIDE and 1 <= x <= MAX_SIDE):
                continue
            groups = self.rng.choice(self.divisors(c)) if self.chance(0.3) else 1
            filters = groups * self.rng.randint(1, max(1, MAX_CHANNELS // groups // 2))
            bias = self.chance(0.7)
            options = [pair("kernel", *kernel, self.rng), pair("stride", *stride, self.rng, 1),
                       pair("dilation", *dilation, self.rng, 1), text,
                       pair("output_padding", *out_pad, self.rng, 0),
                       f"{NC}groups<{groups}>" if groups != 1 or self.chance(0.1) else None,
                       None if bias else NC + "no_bias"]
            options = self.finish_options(options)
            symmetric = t == b and l == r

            def make(c=c, filters=filters, kernel=kernel, stride=stride, dilation=dilation,
                     groups=groups, bias=bias, pads=pads, out_pad=out_pad, symmetric=symmetric):
                t, b, l, r = pads
                if symmetric:
                    return nn.ConvTranspose2d(c, filters, kernel, stride, (t, l), out_pad, groups,
                                              bias, dilation)
                return Cropped(nn.ConvTranspose2d(c, filters, kernel, stride, 0, out_pad, groups,
                                                  bias, dilation), t, b, l, r)

            return Leaf("transposed_conv", options, make, shape, (y, x, filters), str(filters))
        return None

    def pool_layer(self, shape, kind):
        h, w, c = shape
        for _ in range(30):
            kernel = self.kernel(4)
            strided = self.chance(0.6)
            stride = self.stride() if strided else kernel
            dilation = self.dilation() if kind == "max_pool" and self.chance(0.5) else (1, 1)
            pad = self.padding(kernel, stride, dilation, (h, w), pool=True)
            # torch's ceil_mode rule needs torch to know where the input ends: not after an
            # explicit ZeroPad2d (asymmetric padding).
            ceil = pad.mode != "asymmetric" and self.chance(0.4)
            hw = self.window_shape(shape, kernel, stride, dilation, pad.pads, ceil)
            if hw is None:
                continue
            options = [pair("kernel", *kernel, self.rng),
                       pair("stride", *stride, self.rng) if strided else None,
                       pair("dilation", *dilation, self.rng, 1) if kind == "max_pool" else None,
                       pad.cpp, NC + "ceil_mode" if ceil else None]
            options = self.finish_options(options)

            def make(kind=kind, kernel=kernel, stride=stride, dilation=dilation, pad=pad, ceil=ceil):
                def pool(padding):
                    if kind == "max_pool":
                        return nn.MaxPool2d(kernel, stride, padding, dilation, ceil_mode=ceil)
                    return nn.AvgPool2d(kernel, stride, padding, ceil_mode=ceil)
                if pad.mode in ("valid", "symmetric"):
                    return pool((pad.pads[0], pad.pads[2]))
                return Padded(*pad.pads, pool(0))

            return Leaf(kind, options, make, shape, (hw[0], hw[1], c))
        return None

    def adaptive_pool_layer(self, shape, kind):
        h, w, c = shape
        oh = self.rng.randint(1, h + 1)
        ow = oh if self.chance(0.5) else self.rng.randint(1, w + 1)
        options = [f"{oh}"] if oh == ow and self.chance(0.7) else [f"{oh}", f"{ow}"]
        torch_type = nn.AdaptiveAvgPool2d if kind == "adaptive_avg_pool" else nn.AdaptiveMaxPool2d
        return Leaf(kind, options, lambda: torch_type((oh, ow)), shape, (oh, ow, c))

    def global_pool_layer(self, shape, kind):
        torch_type = nn.AdaptiveAvgPool2d if kind == "global_avg_pool" else nn.AdaptiveMaxPool2d
        return Leaf(kind, [], lambda: torch_type(1), shape, (1, 1, shape[2]))

    def fc_layer(self, shape):
        inputs = shape[0] * shape[1] * shape[2]
        if inputs > MAX_FC_INPUTS:
            return None
        outputs = self.rng.randint(1, MAX_CHANNELS)
        bias = self.chance(0.75)
        options = self.finish_options([None if bias else NC + "no_bias"])
        return Leaf("fc", options, lambda: Dense(inputs, outputs, bias), shape, (1, 1, outputs),
                    str(outputs))

    def plain_layer(self, shape, kind):
        c = shape[2]
        makers = {
            "relu": nn.ReLU, "relu6": nn.ReLU6, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh,
            "softmax": lambda: nn.Softmax(dim=1), "dropout": nn.Dropout,
            "batch_norm": lambda: nn.BatchNorm2d(c), "flatten": Flat,
            "silu": nn.SiLU, "hardswish": nn.Hardswish, "hardsigmoid": nn.Hardsigmoid,
            "gelu": nn.GELU, "leaky_relu": nn.LeakyReLU, "elu": nn.ELU, "mish": nn.Mish,
            "layer_norm": lambda: LayerNorm2d(c), "layer_scale": lambda: LayerScale(c),
            "stochastic_depth": lambda: StochasticDepth(0.2, "row"),
        }
        out = (1, 1, shape[0] * shape[1] * c) if kind == "flatten" else shape
        if kind == "flatten" and out[2] > MAX_FC_INPUTS:
            return None
        return Leaf(kind, [], makers[kind], shape, out)

    def lrn_layer(self, shape):
        size = self.rng.randint(1, 5)
        return Leaf("lrn", [str(size)], lambda: nn.LocalResponseNorm(size), shape, shape)

    # The vocabulary of today's CNNs (issue 10) -------------------------------------------

    def prelu_layer(self, shape):
        c = shape[2]
        per_channel = self.chance(0.5)
        return Leaf("prelu", [NC + "per_channel"] if per_channel else [],
                    lambda: nn.PReLU(c if per_channel else 1), shape, shape)

    def group_norm_layer(self, shape):
        # torch's GroupNorm refuses a group of one element, even in eval mode ("Expected more
        # than 1 value per channel when training"), and so does netcount: the networks are
        # valid, so every group holds more than one element (shape_fuzz.py draws the others).
        h, w, c = shape
        choices = [g for g in self.divisors(c) if c // g * h * w > 1]
        if not choices:
            return None
        groups = self.rng.choice(choices)
        return Leaf("group_norm", [str(groups)], lambda: nn.GroupNorm(groups, c), shape, shape)

    def instance_norm_layer(self, shape):
        # torch's InstanceNorm2d (without running statistics) refuses a single position, even
        # in eval mode, and so does netcount: the networks are valid, so no 1 x 1 map here
        # (shape_fuzz.py draws them).
        if shape[0] * shape[1] == 1:
            return None
        c = shape[2]
        affine = self.chance(0.5)
        return Leaf("instance_norm", [NC + "affine"] if affine else [],
                    lambda: nn.InstanceNorm2d(c, affine=affine), shape, shape)

    def linear_layer(self, shape):
        h, w, c = shape
        outputs = self.rng.randint(1, MAX_CHANNELS)
        bias = self.chance(0.75)
        options = self.finish_options([None if bias else NC + "no_bias"])
        return Leaf("linear", options, lambda: Pointwise(c, outputs, bias), shape, (h, w, outputs),
                    str(outputs))

    def chunk_layer(self, shape, index=None, count=None):
        h, w, c = shape
        if count is None:
            count = self.rng.choice(self.divisors(c))
            index = self.rng.randrange(count)
        return Leaf("chunk", [str(index), str(count)], lambda: Chunk(index, count), shape,
                    (h, w, c // count))

    def channel_shuffle_layer(self, shape, groups=None):
        c = shape[2]
        if groups is None:
            groups = self.rng.choice(self.divisors(c))
        return Leaf("channel_shuffle", [str(groups)], lambda: nn.ChannelShuffle(groups), shape, shape)

    def upsample_layer(self, shape):
        h, w, c = shape
        fh = self.rng.randint(1, max(1, min(3, MAX_SIDE // h)))
        fw = fh if self.chance(0.6) and w * fh <= MAX_SIDE else self.rng.randint(1, max(1, min(3, MAX_SIDE // w)))
        if h * fh > MAX_SIDE or w * fw > MAX_SIDE:
            return None
        mode = self.pick({"nearest": 1, "bilinear": 1})  # netcount counts both alike
        options = [str(fh)] if fh == fw and self.chance(0.7) else [str(fh), str(fw)]
        return Leaf("upsample", options, lambda: nn.Upsample(scale_factor=(fh, fw), mode=mode), shape,
                    (h * fh, w * fw, c))

    def upsample_to_layer(self, shape, target_hw=None):
        h, w, c = shape
        th, tw = target_hw or (self.rng.randint(1, MAX_SIDE), self.rng.randint(1, MAX_SIDE))
        mode = self.pick({"nearest": 1, "bilinear": 1})
        options = [str(th)] if th == tw and self.chance(0.5) else [str(th), str(tw)]
        return Leaf("upsample_to", options, lambda: nn.Upsample(size=(th, tw), mode=mode), shape,
                    (th, tw, c))

    # The layer kinds of user_kinds.hpp: views and elementwise kinds whose output has another
    # number of elements than their input (or the same), which the memory schedule must give a
    # buffer of their own (docs/deploy.md), and kind strings that end in a digit.

    def crop2d_layer(self, shape):
        h, w, c = shape
        if h * w == 1:
            return None
        t, b = (self.rng.randint(0, (h - 1) // 2) for _ in range(2)) if self.chance(0.85) else (0, 0)
        l, r = (self.rng.randint(0, (w - 1) // 2) for _ in range(2)) if self.chance(0.85) else (0, 0)
        return Leaf("crop2d", [str(t), str(b), str(l), str(r)], lambda: Crop2d(t, b, l, r), shape,
                    (h - t - b, w - l - r, c), namespace=USER)

    def transpose_hw_layer(self, shape):
        h, w, c = shape
        return Leaf("transpose_hw", [], TransposeHW, shape, (w, h, c), namespace=USER)

    def keep_channels_layer(self, shape):
        h, w, c = shape
        n = c if self.chance(0.15) else self.rng.randint(1, c)
        return Leaf("keep_channels", [str(n)], lambda: KeepChannels(n), shape, (h, w, n), namespace=USER)

    def widen2_layer(self, shape):
        h, w, c = shape
        if c >= MAX_CHANNELS:
            return None
        n = 0 if self.chance(0.15) else self.rng.randint(1, MAX_CHANNELS - c)
        return Leaf("widen2", [str(n)], lambda: Widen(n), shape, (h, w, c + n), namespace=USER)

    LEAVES = {"conv": 22, "depthwise_conv": 5, "transposed_conv": 6, "max_pool": 6,
              "avg_pool": 5, "adaptive_avg_pool": 2, "adaptive_max_pool": 2,
              "global_avg_pool": 1, "global_max_pool": 1, "batch_norm": 7, "relu": 5,
              "relu6": 1, "sigmoid": 1, "tanh": 1, "softmax": 1, "dropout": 1, "lrn": 1,
              "fc": 3, "flatten": 1,
              "silu": 1, "hardswish": 1, "hardsigmoid": 1, "gelu": 1, "leaky_relu": 1, "elu": 1,
              "mish": 1, "prelu": 2, "layer_norm": 2, "group_norm": 2, "instance_norm": 2,
              "layer_scale": 1, "stochastic_depth": 1, "linear": 4, "chunk": 1,
              "channel_shuffle": 1, "upsample": 2, "upsample_to": 1,
              "crop2d": 2, "transpose_hw": 1, "keep_channels": 2, "widen2": 2}

    VOCABULARY = ("prelu", "group_norm", "instance_norm", "linear", "chunk", "channel_shuffle",
                  "upsample", "upsample_to", "crop2d", "transpose_hw", "keep_channels", "widen2")

    def leaf(self, shape, kind=None):
        while True:
            k = kind or self.pick(self.LEAVES)
            if k in ("conv", "depthwise_conv"):
                node = self.conv_layer(shape, depthwise=(k == "depthwise_conv"))
            elif k == "transposed_conv":
                node = self.transposed_conv_layer(shape)
            elif k in ("max_pool", "avg_pool"):
                node = self.pool_layer(shape, k)
            elif k.startswith("adaptive"):
                node = self.adaptive_pool_layer(shape, k)
            elif k.startswith("global"):
                node = self.global_pool_layer(shape, k)
            elif k == "fc":
                node = self.fc_layer(shape)
            elif k == "lrn":
                node = self.lrn_layer(shape)
            elif k in self.VOCABULARY:
                node = getattr(self, k + "_layer")(shape)
            else:
                node = self.plain_layer(shape, k)
            if node is not None:
                return node
            kind = None  # that kind does not fit this shape: try another

    # Blocks ------------------------------------------------------------------------------

    def element(self, shape, depth):
        if depth < 3 and self.chance(0.3 if depth == 0 else 0.15):
            return self.block(shape, depth + 1)
        return self.leaf(shape)

    def chain(self, shape, depth, count):
        items = []
        for _ in range(count):
            items.append(self.element(shape, depth))
            shape = items[-1].out_shape
        return items

    def fixers(self, shape, target_hw, target_c):
        """Layers that take `shape` to target_hw (if given) and target_c channels (if given)."""
        items = []
        h, w, c = shape
        if target_hw is not None and (h, w) != target_hw:
            if target_hw == (1, 1) and self.chance(0.5):
                items.append(self.global_pool_layer(shape, self.pick({"global_avg_pool": 1, "global_max_pool": 1})))
            elif target_hw[0] >= h and target_hw[1] >= w and self.chance(0.4):
                items.append(self.upsample_to_layer(shape, target_hw))
            else:
                kind = self.pick({"adaptive_avg_pool": 2, "adaptive_max_pool": 1})
                torch_type = nn.AdaptiveAvgPool2d if kind == "adaptive_avg_pool" else nn.AdaptiveMaxPool2d
                th, tw = target_hw
                items.append(Leaf(kind, [str(th), str(tw)], lambda: torch_type((th, tw)),
                                  shape, (th, tw, c)))
            shape = items[-1].out_shape
        if target_c is not None and shape[2] != target_c:
            k = self.pick({1: 3, 3: 1})
            options = [pair("kernel", k, k, self.rng)] + ([NC + "same"] if k == 3 else [])
            bias = self.chance(0.6)
            if not bias:
                options.append(NC + "no_bias")
            self.rng.shuffle(options)
            c_in = shape[2]
            items.append(Leaf("conv", options,
                              lambda: nn.Conv2d(c_in, target_c, k, padding="same", bias=bias),
                              shape, (shape[0], shape[1], target_c), str(target_c)))
        return items

    def classifier(self, shape):
        """An fc (where its inputs are few enough), or else a 1 x 1 conv: what ends a head, whose
        width scale_width keeps."""
        fc = self.fc_layer(shape) if self.chance(0.6) else None
        if fc is not None:
            return fc
        c, n, bias = shape[2], self.rng.randint(1, MAX_CHANNELS), self.chance(0.6)
        options = self.finish_options([f"{NC}kernel<1>", None if bias else NC + "no_bias"])
        return Leaf("conv", options, lambda: nn.Conv2d(c, n, 1, bias=bias), shape, (shape[0], shape[1], n), str(n))

    def head(self, shape, depth, name=None, nested=False):
        """auxiliary<...>: a chain that often ends in a classifier (an fc, or a 1 x 1 conv), and
        that may hold a head of its own anywhere, its last element included."""
        items = self.chain(shape, depth, self.rng.randint(1, 2))
        if self.chance(0.6):
            items.append(self.classifier(items[-1].out_shape))
        if nested or (depth < 3 and self.chance(0.1)):
            at = self.rng.randint(0, len(items))
            read = items[at - 1].out_shape if at else shape
            items.insert(at, self.head_at(items, at, read, depth + 1, self.maybe_name(0.3)))
        return Auxiliary(items, name, self.rng)

    def head_at(self, items, at, read, depth, name):
        """A head to be inserted before items[at] (drawn after them), reading `read`."""
        return self.head(read, depth, name)

    def repeat(self, shape, depth):
        """repeat<N, Element>: an element that keeps its input's shape."""
        items = self.chain(shape, depth, self.rng.randint(1, 2))
        items += self.fixers(items[-1].out_shape, shape[:2], shape[2])
        if self.chance(0.6):
            element = Block("add", [Identity(shape), Sequence(items, None, self.rng)], None,
                            self.rng, residual_items=items)
        else:
            element = items[0] if len(items) == 1 else Sequence(items, None, self.rng)
        return Repeat(self.rng.randint(1, 3), element)

    def path(self, shape, depth, target_hw=None, target_c=None, allow_identity=True):
        """One path of an add or a concat, ending in target_hw x target_c where given; now and
        then with an auxiliary head in it (at its end too), or nothing but a head."""
        if allow_identity and self.chance(0.3):
            if (target_hw is None or shape[:2] == target_hw) and (target_c is None or shape[2] == target_c):
                if self.chance(0.15):
                    return self.head(shape, depth + 1, self.maybe_name(0.3))  # reads and passes on the input
                return Identity(shape)
        items = self.chain(shape, depth, self.pick({1: 3, 2: 2, 3: 1}))
        items += self.fixers(items[-1].out_shape, target_hw, target_c)
        if self.chance(0.12):
            at = self.rng.randint(0, len(items))
            read = items[at - 1].out_shape if at else shape
            items.insert(at, self.head_at(items, at, read, depth + 1, self.maybe_name(0.3)))
        if len(items) == 1 and self.chance(0.7):
            return items[0]
        return Sequence(items, self.maybe_name(0.2), self.rng)

    def split(self, shape, depth, name):
        """ShuffleNet's unit, generalised: the channels split into `count` chunks, each a path
        (the first often the chunk alone), concatenated, often then shuffled."""
        count = self.rng.choice([d for d in self.divisors(shape[2]) if 2 <= d <= 4] or [1])
        paths = []
        for index in range(count):
            part = self.chunk_layer(shape, index, count)
            if index == 0 and self.chance(0.5):
                paths.append(part)
                continue
            items = [part] + self.chain(part.out_shape, depth, self.pick({0: 1, 1: 2, 2: 1}))
            items += self.fixers(items[-1].out_shape, shape[:2], None)
            paths.append(items[0] if len(items) == 1 else Sequence(items, self.maybe_name(0.2), self.rng))
        if sum(p.out_shape[2] for p in paths) > 4 * MAX_CHANNELS:
            return self.leaf(shape)
        block = Block("concat", paths, name, self.rng)
        channels = block.out_shape[2]
        if self.chance(0.6):
            groups = count if channels % count == 0 else self.rng.choice(self.divisors(channels))
            return Sequence([block, self.channel_shuffle_layer(block.out_shape, groups)], None, self.rng)
        return block

    def block(self, shape, depth):
        kind = self.pick({"sequence": 2, "residual": 3, "add": 3, "concat": 3, "repeat": 1, "split": 2,
                          "multiply": 2, "weighted_fusion": 1, "m1": 1, "squeeze_excitation": 2, "auxiliary": 2,
                          "upsample_back": 1})
        name = self.maybe_name(0.3)
        if kind == "split":
            return self.split(shape, depth, name)
        if kind == "squeeze_excitation":
            return SqueezeExcitation(shape, self.rng.randint(1, MAX_CHANNELS // 2),
                                     self.pick({"relu": 3, "relu6": 1, "tanh": 1, "silu": 1, "hardswish": 1}),
                                     self.pick({"sigmoid": 3, "hardsigmoid": 2, "relu6": 1}), self.rng.randint(0, 2))
        if kind == "auxiliary":
            form = self.pick({"alone": 2, "side by side": 1, "nested": 1})
            if form == "side by side":  # in an unnamed sequence: one after the other where it stands
                heads = [self.head(shape, depth, name)] + [self.head(shape, depth) for _ in range(self.rng.randint(1, 2))]
                return Sequence(heads, None, self.rng)
            return self.head(shape, depth, name, nested=form == "nested")
        if kind == "upsample_back":
            # Often a pooling first, so that the interpolation has something to undo (DeepLabv3's
            # image pooling: a global pool, a conv, back to the map's size).
            if self.chance(0.5):
                items = [self.leaf(shape, "global_avg_pool")] + self.chain((1, 1, shape[2]), depth, 1)
            else:
                items = self.chain(shape, depth, self.rng.randint(1, 3))
            return UpsampleBackBlock(items, name, self.rng)
        if kind == "multiply":
            # Each path ends in the block's height, width and channels, or 1 along some of them.
            h, w, c = shape
            paths = []
            for _ in range(self.rng.randint(2, 3)):
                hw = self.rng.choice([(h, w), (h, w), (1, 1), (h, 1), (1, w)])
                paths.append(self.path(shape, depth, hw, self.rng.choice([c, c, 1])))
            return OpenMerge("multiply", paths, name, self.rng)
        if kind in ("weighted_fusion", "m1"):
            paths = [self.path(shape, depth, shape[:2], shape[2]) for _ in range(self.rng.randint(2, 3))]
            return OpenMerge(kind, paths, name, self.rng)
        if kind == "sequence":
            return Sequence(self.chain(shape, depth, self.rng.randint(1, 3)), name, self.rng)
        if kind == "residual":
            items = self.chain(shape, depth, self.rng.randint(1, 3))
            items += self.fixers(items[-1].out_shape, shape[:2], shape[2])
            inner = Sequence(items, None, self.rng)
            return Block("add", [Identity(shape), inner], name, self.rng, residual_items=items)
        if kind == "repeat":
            return self.repeat(shape, depth)
        paths = []
        count = self.rng.randint(2, 3 if kind == "add" else 4)
        if kind == "add":
            target = shape if self.chance(0.5) else None
            for _ in range(count):
                p = self.path(shape, depth, target and target[:2], target and target[2],
                              allow_identity=target is not None)
                target = target or p.out_shape
                paths.append(p)
        else:
            target_hw = shape[:2] if self.chance(0.5) else None
            for _ in range(count):
                p = self.path(shape, depth, target_hw, None, allow_identity=target_hw is not None)
                target_hw = target_hw or p.out_shape[:2]
                paths.append(p)
            if sum(p.out_shape[2] for p in paths) > 4 * MAX_CHANNELS:
                return self.leaf(shape)
        return Block(kind, paths, name, self.rng)

    # Networks ----------------------------------------------------------------------------

    # The width multipliers scale_width is checked with, (Num, Den, Divisor): MobileNet's, and
    # some that round every way.
    SCALES = ((1, 2, 1), (3, 4, 1), (3, 4, 8), (1, 4, 1), (2, 1, 1), (5, 3, 2), (7, 8, 4), (1, 3, 1))
    CHAIN = (2, 6)  # elements of a network's chain, at least and at most

    def input_shape(self):
        """The input's (h, w, c): now and then tiny."""
        if self.chance(0.1):
            return (self.rng.randint(1, 4), self.rng.randint(1, 4), self.rng.randint(1, 6))
        h = self.rng.randint(5, 36)
        w = h if self.chance(0.6) else self.rng.randint(5, 36)
        return (h, w, self.rng.randint(1, 8))

    def network(self):
        """(input shape, elements, the (Num, Den, Divisor) of its scale_width check)"""
        shape = self.input_shape()
        if self.chance(0.02):  # nothing but heads: no entry runs
            elements = [self.head(shape, 1, self.maybe_name(0.3)) for _ in range(self.rng.randint(1, 2))]
        else:
            elements = self.chain(shape, 0, self.rng.randint(*self.CHAIN))
            if self.chance(0.5):
                elements.append(self.leaf(elements[-1].out_shape, "fc"))
            if self.chance(0.1):  # a head at the end: the output is the entry before it
                elements.append(self.head(elements[-1].out_shape, 1, self.maybe_name(0.3)))
        return shape, elements, self.rng.choice(self.SCALES)


def walk(node):
    """The node and every node inside it, in the order written."""
    yield node
    if isinstance(node, Repeat):
        children = [node.element]
    else:
        children = getattr(node, "parts", None) or getattr(node, "items", None) or getattr(node, "paths", None) or []
    for child in children:
        yield from walk(child)


class Network:
    """A network drawn: `inputs` its input's shape, or the InputNodes of several inputs."""

    def __init__(self, index, inputs, elements, scale):
        self.index = index
        self.id = f"net_{index}"
        self.inputs = inputs if isinstance(inputs, list) else []  # several inputs: InputNodes
        self.in_shapes = [i.out_shape for i in self.inputs] if self.inputs else [inputs]
        self.in_shape = None if self.inputs else inputs  # a network of one input: its shape
        self.in_names = [i.name for i in self.inputs] if self.inputs else [""]
        self.elements = elements
        self.scale = scale  # (Num, Den, Divisor) of scale_width
        nodes = [n for e in elements for n in walk(e)]
        self.taps = [n for n in nodes if isinstance(n, From)]
        self.outputs = elements[-1] if elements and isinstance(elements[-1], OutputsNode) else None
        self.reuses = [n for n in nodes if isinstance(n, SharedUse)]
        self.rois = [n for n in nodes if isinstance(n, Rois)]
        self.names()  # every node a from<> reads learns its name

    def cpp(self):
        return f"struct {self.id} : {self.network(e.cpp() for e in self.elements)} {{}};"

    def network(self, parts):
        if self.inputs:
            inputs = [i.cpp() for i in self.inputs]
        else:
            h, w, c = self.in_shape
            inputs = [f'{NC}input<{h}, {w}, {c}>']
        return f"{NC}network<{', '.join(inputs + list(parts))}>"

    def build(self):
        modules, entries = build_parts(self.elements)
        # A reuse's entries point at the definition's: netcount's reuse_of is its index.
        position = {id(e): i for i, e in enumerate(entries)}
        for e in entries:
            e.reuse_index = None if e.reuse_of is None else position[id(e.reuse_of)]
        if self.inputs:  # one tensor per input, each kept for the from<> that read it
            return several_inputs(nn.Sequential(*modules), self.inputs[0].tensors, self.in_names), entries
        return nn.Sequential(*modules), entries

    def names(self):
        namer = Namer()
        found = names_of(self.elements, namer)
        # netcount's rule: a from<> (and each name of outputs<...>) names exactly one entry or
        # named block of the whole network.
        everything = found + namer.recorded + [i.name for i in self.inputs]
        sources = [t.source for t in self.taps] + (self.outputs.sources if self.outputs else [])
        for source in sources:
            if everything.count(source.tap_name) != 1:
                raise RuntimeError(f"generator bug: {self.id}: from<> or outputs<> of {source.tap_name} names "
                                   f"{everything.count(source.tap_name)} entries or blocks")
        return found

    def scaled(self, entries):
        """The type scale_width<Net, Num, Den, Divisor> must be, given the entries of build() with
        kept_widths marked: each width N that is not kept becomes torchvision's
        _make_divisible(N * Num / Den, Divisor)."""
        from torchvision.models._utils import _make_divisible
        num, den, divisor = self.scale
        it = iter(entries)
        text = self.network(scaled_parts(self.elements, it, lambda n: _make_divisible(n * num / den, divisor)))
        assert next(it, None) is None, "scaled() read fewer entries than build() made"
        return text


# ---------------------------------------------------------------------------------------
# Issue 16's merges and channel reshapes: crop_concat, pad_concat, add broadcasting, slice and
# pad_channels, drawn by a Generator of their own so that the base generator stays as it is.

class ResizedMerge(Block):
    """crop_concat<Paths...> (each path centre-cropped to the smallest height and width),
    pad_concat<Paths...> (zero-padded to the largest), or an add<Paths...> whose paths
    broadcast (PyTorch's +): paths of any shapes the merge accepts. Written, named and scaled as
    a Block is; only its shapes and its torch module differ."""

    def __init__(self, op, paths, name, rng):
        self.op = op
        self.paths = paths
        self.in_shape = paths[0].in_shape
        shapes = [p.out_shape for p in paths]
        if op == "add":
            for s in shapes:
                assert all(a == b or a == 1 or b == 1 for a, b in zip(s, shapes[0])), shapes
            self.out_shape = tuple(max(s[i] for s in shapes) for i in range(3))
        else:
            side = min if op == "crop_concat" else max
            self.out_shape = (side(s[0] for s in shapes), side(s[1] for s in shapes), sum(s[2] for s in shapes))
        self.residual_items = None
        self.parts, self.stem = paths, op
        self.name, self.name_at = name, name_position(paths, name, rng)
        offer(self)

    def build(self):
        modules, entries = build_parts(self.paths)
        op = {"add": AddOp, "crop_concat": CropConcatOp, "pad_concat": PadConcatOp}[self.op]()
        entries.append(Entry(self.op, op, self.paths[0].out_shape, self.out_shape, "merge of " + self.text))
        return Merge(modules, op), entries


class GraphGenerator(Generator):
    """The base generator, drawing also crop_concat, pad_concat and broadcasting adds among its
    blocks, and slice and pad_channels among its layers."""

    RESIZED_MERGES = {"crop_concat": 2, "pad_concat": 2, "add": 2}

    def slice_layer(self, shape):
        h, w, c = shape
        begin = self.rng.randrange(c)
        end = self.rng.randint(begin + 1, c)
        return Leaf("slice", [str(begin), str(end)], lambda: Slice(begin, end), shape, (h, w, end - begin))

    def pad_channels_layer(self, shape):
        h, w, c = shape
        channels = self.rng.randint(c, max(c, MAX_CHANNELS))  # c itself: pads nothing
        return Leaf("pad_channels", [str(channels)], lambda: PadChannels(channels), shape, (h, w, channels))

    def leaf(self, shape, kind=None):
        if kind is None and self.chance(0.05):
            return self.slice_layer(shape) if self.chance(0.5) else self.pad_channels_layer(shape)
        return super().leaf(shape, kind)

    def resized_merge(self, shape, depth):
        op = self.pick(self.RESIZED_MERGES)
        name = self.maybe_name(0.3)
        h, w, c = shape
        paths = []
        for _ in range(self.rng.randint(2, 3)):
            if op == "add":
                # GCNet's context and its kin: each path ends in the block's height, width and
                # channels, or 1 along some of them.
                hw = self.rng.choice([(h, w), (h, w), (1, 1), (h, 1), (1, w)])
                paths.append(self.path(shape, depth, hw, self.rng.choice([c, c, 1])))
            else:
                # Paths of their own sizes: a pool, a valid conv, an upsampling...
                paths.append(self.path(shape, depth, None, None, allow_identity=True))
        if op != "add" and sum(p.out_shape[2] for p in paths) > 4 * MAX_CHANNELS:
            return self.leaf(shape)
        return ResizedMerge(op, paths, name, self.rng)

    def block(self, shape, depth):
        if self.chance(0.15):
            return self.resized_merge(shape, depth)
        return super().block(shape, depth)


class TapGenerator(GraphGenerator):
    """GraphGenerator's networks, about a quarter of them graphs: from<"name"> reads an earlier
    entry's or named block's output (issue 16) as an element of a sequence (the chain goes on
    from it), as a path of a merge (concat, add, multiply, crop_concat, pad_concat and the
    merges of user_kinds.hpp, reading a tensor of a shape the merge accepts), across blocks and
    out of nested ones, and as a network's last element (its output is then an earlier tensor,
    which the schedule never frees nor writes over). What it reads is what netcount's rules let
    it read: a node computed before it (never a block around it), outside the auxiliary heads
    unless the from<> is in one, and outside any repeat<> (whose copies share their names; a
    from<> in a repeat<> reads the same tensor in every copy); its name is unique
    (Network.names checks it)."""

    TAPS = 0.38          # networks that may read by name
    TAP_ELEMENT = 0.08   # of an element of a chain
    TAP_PATH = 0.25      # of a path of a merge
    TAP_LAST = 0.3       # of the network's last element

    def network(self):
        global _drawing
        self.taps = self.wants_taps()
        self.sources = []  # (node, whether in a head) that a from<> may read, as computed
        self.tensors = {}  # the torch module's stored tensors, by name (Store and Fetch)
        self.in_head = self.in_repeat = 0
        _drawing = self
        try:
            shape, elements, scale = super().network()
        finally:
            _drawing = None
        if self.taps and self.chance(self.TAP_LAST):
            tap = self.tap(elements[-1].out_shape)
            if tap is not None:
                elements.append(tap)
        return shape, elements, scale

    def wants_taps(self):
        """Whether the network drawn next may read by name."""
        return self.chance(self.TAPS)

    def offer(self, node):
        if self.taps and not self.in_repeat:
            self.sources.append((node, self.in_head > 0))

    def tap(self, shape, accept=None):
        """A from<> after a tensor of `shape`, reading a node it may read whose output shape
        `accept` takes; None if there is none."""
        if not self.taps:
            return None
        found = [n for n, aux in self.sources if (self.in_head or not aux) and (accept is None or accept(n.out_shape))]
        if not found:
            return None
        # Blocks are fewer than layers: each weighs as three, so that named blocks are read too.
        weights = [1 if isinstance(n, Leaf) else 3 for n in found]
        return From(self.rng.choices(found, weights)[0], shape, self.tensors)

    def element(self, shape, depth):
        if self.taps and self.chance(self.TAP_ELEMENT):
            tap = self.tap(shape)
            if tap is not None:
                return tap
        return super().element(shape, depth)

    def path(self, shape, depth, target_hw=None, target_c=None, allow_identity=True):
        if self.taps and self.chance(self.TAP_PATH):
            tap = self.tap(shape, lambda s: (target_hw is None or s[:2] == target_hw) and
                           (target_c is None or s[2] == target_c))
            if tap is not None:
                return tap
        return super().path(shape, depth, target_hw, target_c, allow_identity)

    def head(self, shape, depth, name=None, nested=False):
        self.in_head += 1
        try:
            return super().head(shape, depth, name, nested)
        finally:
            self.in_head -= 1

    def head_at(self, items, at, read, depth, name):
        # Inserted before items[at:], drawn after them: it may not read them.
        hidden = {id(n) for item in items[at:] for n in walk(item)}
        everything = self.sources
        self.sources = [s for s in everything if id(s[0]) not in hidden]
        visible = len(self.sources)
        try:
            return super().head_at(items, at, read, depth, name)
        finally:
            self.sources = everything + self.sources[visible:]

    def repeat(self, shape, depth):
        self.in_repeat += 1
        try:
            return super().repeat(shape, depth)
        finally:
            self.in_repeat -= 1

    def block(self, shape, depth):
        mark = len(self.sources)
        node = super().block(shape, depth)
        if isinstance(node, Leaf):  # the paths drawn were too wide and dropped: so is what is in them
            self.sources[mark:] = [s for s in self.sources[mark:] if s[0] is node]
        return node


# ---------------------------------------------------------------------------------------
# Issue 16's other graph forms: several outputs (outputs<...>), shared weights (shared<...>) and
# regions of interest (rois<...>), drawn by a Generator of their own over TapGenerator's.

class SharedDef:
    """shared<"name", Elements...>: the elements, applied here and defined under that name. In
    torch, one module (its build's nn.Sequential) that every application calls: its parameters
    are counted once by model.parameters(), its hooks fire at every call."""

    def __init__(self, name, items):
        self.name = name
        self.items = items
        self.in_shape = items[0].in_shape
        self.out_shape = items[-1].out_shape
        # A `same` padding is computed from the input's size by netcount, but fixed in the torch
        # module where torch cannot express it (a stride, a pool): such a definition is reused
        # on tensors of its own shape only.
        self.size_specific = any(isinstance(n, Leaf) and NC + "same" in n.options and isinstance(n.make(), Padded)
                                 for i in items for n in walk(i))
        self.module, self.entries = None, None
        offer(self)

    def cpp(self):
        return f'{NC}shared<"{self.name}", {", ".join(i.cpp() for i in self.items)}>'

    def build(self):
        modules, self.entries = build_parts(self.items)
        self.module = nn.Sequential(*modules)
        return self.module, self.entries

    def names(self, namer):
        namer.applications[self.name] = 1
        self.tap_name = namer.open("shared", self.name, recorded=True)
        found = names_of(self.items, namer)
        namer.close()
        return found

    def scaled(self, entries, rule):
        # Not compared (crosscheck.Prepared: scale_width is checked on networks without shared<>),
        # but written as the definition scaled, so that entries are read in order.
        return f'{NC}shared<"{self.name}", {", ".join(scaled_parts(self.items, entries, rule))}>'


class SharedUse:
    """shared<"name">: the definition's layers (the very torch modules) applied again to the
    tensor before it, which has the definition's channels. `shapes`: each entry's (input,
    output) on that tensor, from a run of the definition's module on it when it is not the
    definition's own shape (GraphFormsGenerator.reuse); None: the definition's."""

    def __init__(self, definition, in_shape, shapes, out_shape):
        self.definition = definition
        self.in_shape, self.out_shape = in_shape, out_shape
        self.shapes = shapes
        offer(self)

    def cpp(self):
        return f'{NC}shared<"{self.definition.name}">'

    def build(self):
        d = self.definition
        shapes = self.shapes or [(e.in_shape, e.out_shape) for e in d.entries]
        entries = []
        for e, (i, o) in zip(d.entries, shapes):
            r = Entry(e.kind, e.module, i, o, f"{self.cpp()} on {self.in_shape}, applying {e.where}", e.aux)
            r.head, r.reuse_of = e.head, e
            entries.append(r)
        return d.module, entries

    def names(self, namer):
        n = namer.applications[self.definition.name] + 1
        namer.applications[self.definition.name] = n
        self.tap_name = namer.open("shared", f"{self.definition.name}@{n}", recorded=True)
        found = names_of(self.definition.items, namer)
        namer.close()
        return found

    def scaled(self, entries, rule):
        for _ in self.definition.entries:
            next(entries)
        return self.cpp()


class Rois:
    """rois<Count, Height, Width, Elements...>: roi_align1 (Count regions of Height x Width from the
    tensor it reads), then the elements on each region. In torch, RoiOp makes the regions as one
    batch of Count and the elements run on that batch; each entry's figures are netcount's per
    batch (Entry.batch), its shapes one region's. Drawn as the last element of a network's chain
    only: an element after it would read the batch (netcount counts it as one region)."""

    def __init__(self, count, height, width, items, name, rng, in_shape):
        self.count, self.height, self.width = count, height, width
        self.items = items
        self.in_shape = in_shape
        self.out_shape = items[-1].out_shape
        self.name, self.name_at = name, name_position(items, name, rng)

    def write(self, parts):
        return f"{NC}rois<{self.count}, {self.height}, {self.width}, {named(parts, self.name, self.name_at)}>"

    def cpp(self):
        return self.write([i.cpp() for i in self.items])

    def build(self):
        roi = RoiOp(self.count, self.height, self.width)
        modules, entries = build_parts(self.items)
        entries = [Entry("roi_align", roi, self.in_shape, (self.height, self.width, self.in_shape[2]),
                         "roi_align of " + self.cpp())] + entries
        for e in entries:
            e.batch *= self.count
        return nn.Sequential(roi, *modules), entries

    def names(self, namer):
        self.tap_name = namer.open("rois", self.name, recorded=True)
        found = [namer.make("roi_align")] + names_of(self.items, namer)
        namer.close()
        return found

    def scaled(self, entries, rule):
        next(entries)  # the roi_align
        return self.write(scaled_parts(self.items, entries, rule))


class OutputsNode:
    """outputs<"a", "b", ...>, the network's last element: the tensors named are its outputs, in
    that order. In torch, an Outputs module returning the stored tensors as a tuple."""

    def __init__(self, sources, in_shape, tensors):
        self.sources = sources
        self.in_shape = self.out_shape = in_shape
        self.tensors = tensors
        for s in sources:
            s.tap_tensors = tensors

    def cpp(self):
        return f'{NC}outputs<{", ".join(chr(34) + s.tap_name + chr(34) for s in self.sources)}>'

    def build(self):
        return Outputs(self.tensors, [s.tap_name for s in self.sources]), []

    def names(self, namer):
        return []

    def scaled(self, entries, rule):
        return self.cpp()


class GraphFormsGenerator(TapGenerator):
    """TapGenerator's networks, with issue 16's other graph forms:
      - shared<"name", Elements...> defined in some networks, and shared<"name"> applying it
        again later, to the tensor before it or after a from<> of an earlier one, of the
        definition's channels (of its height and width too where the definition is
        size_specific); the reuse's shapes are torch's, from a run of the definition's module
        on that tensor, which also rejects a reuse torch cannot run (an fc on another size, a
        window that no longer fits, a crop that leaves nothing). Not in auxiliary heads, repeats,
        rois or other definitions, and nothing inside a definition is read by name;
      - rois<Count, Height, Width, Elements...> as the last element of a network's chain, then
        now and then a from<> back to the map and more layers;
      - outputs<...> naming one to three earlier tensors (the rois among them) as the last
        element of some graphs."""

    SHARING = 0.6   # of the graphs: may define and reuse shared heads
    SHARE = 0.12    # of an element in those: a definition or a reuse
    ROIS = 0.08     # networks that end in a rois<...>
    OUTPUTS = 0.35  # of the graphs: several outputs

    def wants_taps(self):
        taps = super().wants_taps()
        self.sharing = taps and self.chance(self.SHARING)  # a reuse often reads an earlier tensor
        return taps

    def network(self):
        global _drawing
        self.sharing = False
        self.definitions = []
        self.in_shared = self.in_rois = 0
        shape, elements, scale = super().network()
        if all(isinstance(e, Auxiliary) for e in elements):  # nothing runs: nothing to read
            return shape, elements, scale
        _drawing = self
        try:
            # A head defined in the network is often applied again at its end, to the tensor
            # there or to an earlier one (a feature pyramid's levels).
            if self.definitions and self.chance(0.7):
                for _ in range(self.rng.randint(1, 2)):
                    node = self.reuse(elements[-1].out_shape)
                    if node is not None:
                        elements.append(node)
            rois = None
            if self.chance(self.ROIS):
                rois = self.rois_block(elements[-1].out_shape)
                elements.append(rois)
                if self.taps and self.chance(0.5):
                    tap = self.tap(rois.out_shape)
                    if tap is not None:
                        elements += [tap] + self.chain(tap.out_shape, 0, self.rng.randint(0, 2))
            if self.taps and self.chance(self.OUTPUTS):
                candidates = [n for n, aux in self.sources if not aux] + ([rois] if rois else [])
                if candidates:
                    count = min(len(candidates), self.pick({1: 1, 2: 3, 3: 2}))
                    elements.append(OutputsNode(self.rng.sample(candidates, count), elements[-1].out_shape,
                                                self.tensors))
        finally:
            _drawing = None
        return shape, elements, scale

    def offer(self, node):
        if not (self.in_shared or self.in_rois):
            super().offer(node)

    def tap(self, shape, accept=None):
        if self.in_shared or self.in_rois:
            return None
        return super().tap(shape, accept)

    def element(self, shape, depth):
        if (self.sharing and not (self.in_head or self.in_repeat or self.in_shared or self.in_rois) and
                self.chance(self.SHARE)):
            node = self.reuse(shape) if self.definitions and self.chance(0.7) else self.definition(shape, depth)
            if node is not None:
                return node
        return super().element(shape, depth)

    def definition(self, shape, depth):
        self.in_shared += 1
        try:
            items = self.chain(shape, depth, self.rng.randint(1, 3))
        finally:
            self.in_shared -= 1
        node = SharedDef(self.new_name(), items)
        self.definitions.append(node)
        return node

    def reuse(self, shape):
        """shared<"name"> of a definition on the tensor of `shape`, or after a from<> of an
        earlier one (a few tried); None if none fits."""
        for d in self.rng.sample(self.definitions, len(self.definitions)):
            # Half the time an earlier tensor first, of another shape where one fits: a pyramid's
            # levels.
            other = self.chance(0.5)
            for _ in range(3):
                tap = self.tap(shape, lambda s: s[2] == d.in_shape[2] and (not d.size_specific or s == d.in_shape) and
                               (not other or s != d.in_shape))
                node = tap and self.applied(d, tap.out_shape)
                if node is not None:
                    return Sequence([tap, node], None, self.rng)
            if shape[2] == d.in_shape[2]:
                node = self.applied(d, shape)
                if node is not None:
                    return node
        return None

    @staticmethod
    def applied(d, shape):
        """shared<"name"> of definition d on a tensor of that shape, or None if torch cannot run
        the definition's layers on it."""
        if shape == d.in_shape:
            return SharedUse(d, shape, None, d.out_shape)
        if d.size_specific:
            return None
        import torch_side
        module, entries = d.build()  # fresh modules, only to learn the shapes
        out = []
        hook = module.register_forward_hook(lambda _m, _i, o: out.append(torch_side.hwc(o.shape)))
        try:
            records = torch_side.run(module, shape, list({id(e.module): e.module for e in entries}.values()))
        except (RuntimeError, ValueError):
            return None
        finally:
            hook.remove()
        if [r[0] for r in records] != [e.module for e in entries]:
            raise RuntimeError("generator bug: a shared definition's entries ran in another order")
        shapes = [(i, o) for _, i, o in records]
        if any(0 in s for pair in shapes for s in pair) or 0 in out[-1]:
            return None  # torch's empty maps, which netcount rejects (shape_fuzz.py)
        return SharedUse(d, shape, shapes, out[-1])

    def rois_block(self, shape):
        count = self.rng.randint(1, 6)
        h = self.rng.randint(1, 5)
        w = h if self.chance(0.6) else self.rng.randint(1, 5)
        self.in_rois += 1
        try:
            items = self.chain((h, w, shape[2]), 1, self.rng.randint(1, 3))
            if self.chance(0.5):
                items.append(self.classifier(items[-1].out_shape))
        finally:
            self.in_rois -= 1
        return Rois(count, h, w, items, self.maybe_name(0.4), self.rng, shape)

    def block(self, shape, depth):
        mark = len(self.definitions)
        node = super().block(shape, depth)
        if isinstance(node, Leaf):  # the paths drawn were dropped: so are the definitions in them
            del self.definitions[mark:]
        return node


# ---------------------------------------------------------------------------------------
# Several inputs: input<H, W, C, name<"a">>, ... read through from<"a">, drawn by a Generator of
# their own (generate(): in place of about a fifth of the networks, the others unchanged).

class InputNode:
    """input<H, W, C, name<"name">> of a network of several inputs: no entry; from<"name"> reads
    it (its tap_name is its name). In torch, the model's argument of that position, which
    torch_side.Inputs keeps in `tensors` under its name for the Fetch of each from<>."""

    def __init__(self, name, shape, tensors):
        self.name = self.tap_name = name
        self.in_shape = None
        self.out_shape = shape
        self.tensors = tensors

    def cpp(self):
        h, w, c = self.out_shape
        return f'{NC}input<{h}, {w}, {c}, {NC}name<"{self.name}">>'


def inputs_read(elements, inputs):
    """The inputs that an entry inference runs certainly reads (or that outputs<...> names),
    from the nodes' tree: what netcount requires of every input (else input_unread). Only
    what is certain counts (a layer or a merge outside the heads reading the input's tensor,
    an outputs<...> naming it): an input counted here is read, one left out may be read too."""
    read = set()
    last, inputs = inputs[-1], {id(i) for i in inputs}

    def record(value, aux):
        if not aux and id(value) in inputs:
            read.add(id(value))

    def chain(items, value, aux):
        for item in items:
            value = flow(item, value, aux)
        return value

    def flow(node, value, aux):
        """The node's output (the node itself, standing for an entry's tensor, or the input it
        passes on), given what it reads."""
        if isinstance(node, Leaf):
            record(value, aux)
            return node
        if isinstance(node, Identity):
            return value
        if isinstance(node, From):
            return node.source
        if isinstance(node, (Sequence, SharedDef)):
            return chain(node.items, value, aux)
        if isinstance(node, SharedUse):
            return chain(node.definition.items, value, aux)
        if isinstance(node, (Block, OpenMerge)):  # ResizedMerge is a Block
            for p in node.paths:
                record(flow(p, value, aux), aux)
            return node
        if isinstance(node, SqueezeExcitation):
            record(value, aux)
            return node
        if isinstance(node, Auxiliary):
            chain(node.items, value, True)
            return value
        if isinstance(node, UpsampleBackBlock):
            chain(node.items, value, aux)
            return node
        if isinstance(node, Repeat):
            return chain([node.element] * node.count, value, aux)
        if isinstance(node, Rois):
            record(value, aux)
            chain(node.items, node, aux)
            return node
        if isinstance(node, OutputsNode):
            for source in node.sources:
                record(source, aux)
            return value
        raise RuntimeError(f"generator bug: inputs_read has no rule for {type(node).__name__}")

    chain(elements, last, False)  # the elements after the inputs read the last
    return read


class SeveralInputsGenerator(GraphFormsGenerator):
    """GraphFormsGenerator's networks with 2 or 3 named inputs of different shapes (docs/
    reference.md, "Several inputs"), always graphs: the elements after the inputs read the last,
    and from<"name"> reads any, as the first element of a merge's path (the path goes on from it
    to the shape the merge wants), as a whole path, mid-chain, in heads and as outputs<...>
    targets (an input, INPUT_TAP of the from<> drawn, else among the nodes TapGenerator reads,
    where each weighs as a block). An input that
    no entry would read (inputs_read) is then read: an add or m1 of the tensor at some point of
    the network's chain and the input brought to its shape (from<"name"> and fixers), or, where
    the network ends in outputs<...>, now and then by being named there; netcount rejects an
    unread input (input_unread), which is a compile_fail test's, not this one's."""

    NAMES = ("image", "mask", "depth", "prior", "anchors", "left", "right", "x_2")
    INPUT_TAP = 0.4    # of a from<>: reads an input
    INPUT_PATH = 0.15  # of a path of a merge: starts with a from<> of an input
    TAP_ELEMENT = 0.12
    # Shorter chains: the reads of the inputs add merges, and a graph costs more to compile; so
    # the crosscheck's time stays about what it was without these networks.
    CHAIN = (2, 4)

    def wants_taps(self):
        self.sharing = self.chance(self.SHARING)
        return True

    def input_shape(self):
        count = self.rng.randint(2, 3)
        names = self.rng.sample(self.NAMES, count)
        shapes = []
        while len(shapes) < count:
            shape = super().input_shape()
            if shape not in shapes:
                shapes.append(shape)
        self.inputs = [InputNode(n, s, self.tensors) for n, s in zip(names, shapes)]
        for i in self.inputs:  # TapGenerator's from<> and outputs<...> may read them too
            self.offer(i)
        return shapes[-1]

    def network(self):
        shape, elements, scale = super().network()
        inputs = self.inputs
        read = inputs_read(elements, inputs)
        for source in inputs:
            if id(source) in read:
                continue
            outputs = elements[-1] if isinstance(elements[-1], OutputsNode) else None
            if outputs is not None and len(outputs.sources) < 3 and self.chance(0.5):
                outputs.sources.insert(self.rng.randint(0, len(outputs.sources)), source)
                continue
            # Before the first rois<> (after it the tensor is a batch of regions), and before
            # an outputs<...>.
            last = next((i for i, e in enumerate(elements) if isinstance(e, (Rois, OutputsNode))), len(elements))
            at = self.rng.randint(0, last)
            here = elements[at - 1].out_shape if at else shape
            path = [From(source, here, self.tensors)] + self.fixers(source.out_shape, here[:2], here[2])
            paths = [Identity(here), path[0] if len(path) == 1 else Sequence(path, None, self.rng)]
            if self.chance(0.5):
                paths.reverse()
            op = self.pick({"add": 2, "m1": 1})
            merge = Block("add", paths, None, self.rng) if op == "add" else OpenMerge(op, paths, None, self.rng)
            elements.insert(at, merge)
        return inputs, elements, scale

    def tap(self, shape, accept=None):
        if self.taps and not (self.in_shared or self.in_rois) and self.chance(self.INPUT_TAP):
            found = [i for i in self.inputs if accept is None or accept(i.out_shape)]
            if found:
                return From(self.rng.choice(found), shape, self.tensors)
        return super().tap(shape, accept)

    def path(self, shape, depth, target_hw=None, target_c=None, allow_identity=True):
        if not (self.in_shared or self.in_rois) and self.chance(self.INPUT_PATH):
            source = self.rng.choice(self.inputs)
            items = [From(source, shape, self.tensors)]
            items += self.chain(source.out_shape, depth, self.pick({0: 1, 1: 2, 2: 1}))
            items += self.fixers(items[-1].out_shape, target_hw, target_c)
            if len(items) == 1:
                return items[0]
            return Sequence(items, self.maybe_name(0.2), self.rng)
        return super().path(shape, depth, target_hw, target_c, allow_identity)


def generate(seed, count, several_inputs=False):
    """`count` networks from `seed`. With several_inputs, about a fifth of them (chosen by a draw
    of their own) are SeveralInputsGenerator's, from a generator of their own, in place of the
    network GraphFormsGenerator draws there (still drawn, so that every other network is the one
    the seed always gave). Without, none: netcount-import (tests/import/check_random.py) and
    tflm_arena (tflm_nets.py) take a network of one input."""
    gen = GraphFormsGenerator(seed)
    several = SeveralInputsGenerator(seed + 1)
    chosen = random.Random(f"{seed} several inputs")
    nets = []
    for i in range(count):
        drawn = gen.network()
        if several_inputs and chosen.random() < 0.2:
            drawn = several.network()
        nets.append(Network(i, *drawn))
    return nets
