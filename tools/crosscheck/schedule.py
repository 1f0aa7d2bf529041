"""The memory schedule of netcount's peak_activations<Net> (docs/deploy.md), applied to a
torch.fx trace of a torch module. The schedule itself is schedule_core.py's (written from the
statement of the schedule, not from netcount's code, so that the two check each other); this
module turns the trace into its nodes: which torch modules, functions and methods are
elementwise (activations, dropout, batch norm) and which are views (flatten, view, reshape,
identity), and each node's output elements from the traced shapes.

A twin's explicit padding module belongs to the conv or pool after it (it is inside the module
netcount's entry is compared with), so it is never a node of its own here.

What the zoo's torchvision modules do in their forward, outside modules, is read as netcount
counts it:
  - ShuffleNetV2's channel_shuffle function is one node, a buffer, as netcount's
    channel_shuffle (torch.fx cannot trace into it on Python 3.11: it unpacks x.size());
  - transpose and permute are views (ConvNeXt permutes to channels-last and back around its
    pointwise layers);
  - x.chunk(2, dim=1) makes a tuple, no tensor: its items (getitem, a buffer each, as
    netcount's chunk) read the chunk's input;
  - a parameter read in the forward (get_attr: ConvNeXt's layer_scale) is no activation, and a
    product of one activation with parameters is elementwise (netcount's layer_scale);
  - the elementwise modules are single nodes (torchvision's LayerNorm2d and StochasticDepth
    would otherwise be traced into their functions, and StochasticDepth into nothing at all
    in eval mode, where netcount's stochastic_depth is an entry).
"""

import operator

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F
from torch.fx.passes.shape_prop import ShapeProp

from torchvision.models.convnext import LayerNorm2d
from torchvision.models.shufflenetv2 import channel_shuffle
from torchvision.ops import StochasticDepth

from schedule_core import BUFFER, ELEMENTWISE, VIEW, Node, live_activations

from torch_side import zeros
from torch_side import Crop2d, CropConcatOp, Flat, KeepChannels, LayerScale, PadChannels, PadConcatOp, Slice, TransposeHW, Widen

# Every activation, dropout, the norms, layer_scale and stochastic_depth compute each element
# from the element at the same place (and parameters of its channel or group); so do the user's
# kinds that declare themselves elementwise (user_kinds.hpp), whatever their output's size.
ELEMENTWISE_MODULES = (nn.ReLU, nn.ReLU6, nn.Sigmoid, nn.Tanh, nn.Softmax, nn.Dropout, nn.BatchNorm2d,
                       nn.SiLU, nn.Hardswish, nn.Hardsigmoid, nn.GELU, nn.LeakyReLU, nn.ELU, nn.Mish,
                       nn.PReLU, nn.GroupNorm, nn.InstanceNorm2d, nn.LayerNorm, LayerNorm2d, LayerScale,
                       StochasticDepth, KeepChannels, Widen)
# And the views, the user's that declare themselves views among them.
VIEW_MODULES = (nn.Flatten, nn.Identity, Flat, Crop2d, TransposeHW)
# Modules that are one netcount entry each, a buffer, but that torch.fx would trace into several
# nodes (a crop and a cat, a slice, a pad): crop_concat, pad_concat, slice and pad_channels.
ONE_ENTRY_MODULES = (CropConcatOp, PadConcatOp, Slice, PadChannels)
ELEMENTWISE_FUNCTIONS = {torch.relu, F.relu, F.relu6, torch.sigmoid, torch.tanh, F.dropout, F.softmax,
                         torch.softmax, F.batch_norm}
VIEW_FUNCTIONS = {torch.flatten, torch.reshape, torch.transpose, torch.permute}
ELEMENTWISE_METHODS = {"relu", "relu_", "sigmoid", "tanh", "softmax"}
VIEW_METHODS = {"view", "reshape", "flatten", "transpose", "permute"}
# A product that is elementwise when all but one of its operands are parameters or constants.
SCALE_FUNCTIONS = {operator.mul, torch.mul}


class Tracer(torch.fx.Tracer):
    """torch.fx's tracer, with the given modules, the elementwise ones and the functions netcount
    counts as one entry kept as single nodes (netcount's entries)."""

    def __init__(self, leaves=()):
        super().__init__(autowrap_functions=(channel_shuffle,))
        self.leaves = {id(m) for m in leaves}

    def is_leaf_module(self, m, qualname):
        return (id(m) in self.leaves or isinstance(m, ELEMENTWISE_MODULES + ONE_ENTRY_MODULES) or
                super().is_leaf_module(m, qualname))

    def iter(self, obj):
        """x.chunk(n) unpacked into its n parts (ShuffleNetV2's `x1, x2 = x.chunk(2, dim=1)`):
        torch.fx finds the unpacking in the caller's bytecode, which fails on Python 3.11."""
        node = obj.node
        if node.op == "call_method" and node.target == "chunk":
            chunks = node.args[1] if len(node.args) > 1 else node.kwargs["chunks"]
            return iter([obj[i] for i in range(chunks)])
        return super().iter(obj)


def trace(model, in_shape, leaves=()):
    """The model (in eval mode) as a GraphModule whose nodes know their output shapes; in_shape
    is the input's (h, w, c), or a list of them (several inputs: torch_side.zeros)."""
    model.eval()
    graph = Tracer(leaves).trace(model)
    gm = torch.fx.GraphModule(model, graph)
    # On the module's device: the zoo's twins run on "meta", which gives shapes without arithmetic.
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    with torch.no_grad():
        ShapeProp(gm).propagate(*zeros(in_shape, device))
    return gm


def run_before(gm, first, then):
    """Moves the node of module `first` to just before the node of module `then` (both called
    once): the same graph run in another order, which must still read every value after it is
    written (first may read nothing that then writes or that comes after it)."""
    def node_of(target):
        found = [n for n in gm.graph.nodes if n.op == "call_module" and n.target == target]
        if len(found) != 1:
            raise RuntimeError(f"torch.fx: {len(found)} calls of module {target}, not one")
        return found[0]

    a, b = node_of(first), node_of(then)
    order = {n: i for i, n in enumerate(gm.graph.nodes)}
    if any(order[i] >= order[b] for i in a.all_input_nodes):
        raise RuntimeError(f"torch.fx: {first} reads what is written at or after {then}")
    b.prepend(a)
    gm.graph.lint()


def role(gm, node):
    if node.op == "call_module":
        m = gm.get_submodule(node.target)
        return ELEMENTWISE if isinstance(m, ELEMENTWISE_MODULES) else VIEW if isinstance(m, VIEW_MODULES) else BUFFER
    if node.op == "call_function":
        return ELEMENTWISE if node.target in ELEMENTWISE_FUNCTIONS else \
            VIEW if node.target in VIEW_FUNCTIONS else BUFFER
    if node.op == "call_method":
        return ELEMENTWISE if node.target in ELEMENTWISE_METHODS else \
            VIEW if node.target in VIEW_METHODS else BUFFER
    return BUFFER


def elements(node):
    meta = node.meta.get("tensor_meta")
    if meta is None or not hasattr(meta, "shape"):
        return None
    n = 1
    for d in meta.shape:
        n *= d
    return n


def holds_tensors(node):
    """A node whose value is a tuple or list of tensors (x.chunk), not a tensor."""
    meta = node.meta.get("tensor_meta")
    return isinstance(meta, (tuple, list)) and any(hasattr(m, "shape") for m in meta)


# The kinds netcount may give an entry that a traced node is (schedule entries, compared where a
# zoo model asks for it: zoo_models.compare_entries): modules by class, functions by identity.
KIND_OF_MODULE = {nn.Conv2d: ("conv", "depthwise_conv"), nn.BatchNorm2d: ("batch_norm",), nn.ReLU: ("relu",),
                  nn.MaxPool2d: ("max_pool",), nn.AvgPool2d: ("avg_pool",),
                  nn.AdaptiveAvgPool2d: ("adaptive_avg_pool", "global_avg_pool"), nn.Dropout: ("dropout",),
                  nn.Linear: ("fc", "linear")}
KIND_OF_FUNCTION = {F.relu: ("relu",), torch.relu: ("relu",), F.avg_pool2d: ("avg_pool",),
                    F.max_pool2d: ("max_pool",), F.adaptive_avg_pool2d: ("adaptive_avg_pool", "global_avg_pool"),
                    torch.cat: ("concat",), operator.add: ("add",), torch.add: ("add",)}


def entries(gm, scheduled):
    """[(module or node name, kinds, output shape)] of the scheduled nodes that are not views: the kinds
    netcount may call each (empty if it is none of the above), the shape as netcount writes it,
    (height, width, channels), a vector of F features (1, 1, F)."""
    found = []
    for n, r, _ in scheduled:
        if r == VIEW:
            continue
        if n.op == "call_module":
            kinds = KIND_OF_MODULE.get(type(gm.get_submodule(n.target)), ())
        elif n.op == "call_function":
            kinds = KIND_OF_FUNCTION.get(n.target, ())
        else:
            kinds = ()
        dims = tuple(n.meta["tensor_meta"].shape)[1:]
        out = (dims[1], dims[2], dims[0]) if len(dims) == 3 else (1, 1, dims[0]) if len(dims) == 1 else dims
        found.append((str(n.target) if n.op == "call_module" else n.name, kinds, out))
    return found


def is_tensor(node):
    return hasattr(node.meta.get("tensor_meta"), "shape")


def edges(gm, modules):
    """For each of `modules` (netcount's entries, each a leaf module of gm), the positions in
    `modules` of the entries whose outputs its call reads, in the order of its tensor arguments
    (-1: the network's input): netcount's `inputs`. A module listed k times (a shared<...>
    definition's, an entry of each application) is called k times, its calls the entries in
    order. A node that is no entry (an nn.Identity path) is read through to what it reads. The
    k-th input (placeholder) is -1 - k, netcount's network_input - k (several inputs). And the
    network's outputs as the same positions, in order: netcount's output_indices."""
    positions = {}
    for i, m in enumerate(modules):
        positions.setdefault(id(m), []).append(i)
    entry_of = {}
    placeholders = [n for n in gm.graph.nodes if n.op == "placeholder"]
    for n in gm.graph.nodes:
        if n.op == "call_module" and id(gm.get_submodule(n.target)) in positions:
            left = positions[id(gm.get_submodule(n.target))]
            if not left:
                raise RuntimeError(f"torch.fx: module {n.target} is called more often than it is listed")
            entry_of[n] = left.pop(0)

    def origin(n):
        while n not in entry_of and n.op != "placeholder":
            read = [a for a in n.all_input_nodes if is_tensor(a)]
            if len(read) != 1:
                raise RuntimeError(f"torch.fx: node {n.name} is no entry and reads {len(read)} tensors")
            n = read[0]
        return entry_of[n] if n in entry_of else -1 - placeholders.index(n)

    found = [None] * len(modules)
    for n, i in entry_of.items():
        args = []
        torch.fx.node.map_arg((n.args, n.kwargs), args.append)  # every node argument, in order
        found[i] = [origin(a) for a in args if is_tensor(a)]
    outputs = []
    for n in gm.graph.nodes:
        if n.op == "output":
            torch.fx.node.map_arg(n.args, outputs.append)
    return found, [origin(o) for o in outputs]


def schedule(gm):
    """[(node, role, live elements)] for every tensor node that runs, in order, and the peak
    (over those and the input)."""
    nodes = [n for n in gm.graph.nodes if n.op not in ("output", "get_attr") and elements(n) is not None]
    index = {n: i for i, n in enumerate(nodes)}

    def reads(n):
        """The nodes of the schedule that n reads, in order: directly, or through a tuple."""
        found = []
        for a in n.all_input_nodes:
            for j in [index[a]] if a in index else reads(a) if holds_tensors(a) else []:
                if j not in found:
                    found.append(j)
        return found

    def node_role(n, inputs):
        if n.op == "placeholder":
            return BUFFER
        if n.op == "call_function" and n.target in SCALE_FUNCTIONS and len(inputs) == 1:
            return ELEMENTWISE
        return role(gm, n)

    output = next(n for n in gm.graph.nodes if n.op == "output")
    inputs = [reads(n) for n in nodes]
    roles = [node_role(n, i) for n, i in zip(nodes, inputs)]
    live = live_activations([Node(elements(n), i, r) for n, i, r in zip(nodes, inputs, roles)],
                            reads(output))
    rows = [(n, r, l) for n, r, l in zip(nodes, roles, live) if n.op != "placeholder"]
    # The peak is never below the input, which is alive from the start: the peak of a network
    # in which nothing runs (only auxiliary heads) is its input.
    return rows, max(live)
