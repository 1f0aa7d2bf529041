"""The memory schedule of netcount's peak_activations<Net> (docs/deploy.md), applied to a
torch.fx trace of a torch module: written here from the statement of the schedule, not from
netcount's code, so that the two check each other.

  - nodes run in the graph's order; the input (placeholder) is a buffer;
  - every node writes a new buffer of its output's size, except an elementwise one (activations,
    dropout, batch norm) that is the last reader of its input's data, which writes over its
    input's buffer, and a view (flatten, view, reshape, identity), which is its input's buffer;
  - a buffer is freed after its last reader; the graph's output is never freed;
  - while a node runs, the live elements are those of every buffer written at or before it and
    read at or after it.

A twin's explicit padding module belongs to the conv or pool after it (it is inside the module
netcount's entry is compared with), so it is never a node of its own here.
"""

import operator

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F
from torch.fx.passes.shape_prop import ShapeProp

from torchvision.models.convnext import LayerNorm2d
from torchvision.ops import StochasticDepth

from torch_side import Flat, LayerScale

# Every activation, dropout, the norms, layer_scale and stochastic_depth compute each element
# from the element at the same place (and parameters of its channel or group).
ELEMENTWISE_MODULES = (nn.ReLU, nn.ReLU6, nn.Sigmoid, nn.Tanh, nn.Softmax, nn.Dropout, nn.BatchNorm2d,
                       nn.SiLU, nn.Hardswish, nn.Hardsigmoid, nn.GELU, nn.LeakyReLU, nn.ELU, nn.Mish,
                       nn.PReLU, nn.GroupNorm, nn.InstanceNorm2d, LayerNorm2d, LayerScale, StochasticDepth)
VIEW_MODULES = (nn.Flatten, nn.Identity, Flat)
ELEMENTWISE_FUNCTIONS = {torch.relu, F.relu, F.relu6, torch.sigmoid, torch.tanh, F.dropout, F.softmax,
                         torch.softmax, F.batch_norm}
VIEW_FUNCTIONS = {torch.flatten, torch.reshape}
ELEMENTWISE_METHODS = {"relu", "relu_", "sigmoid", "tanh", "softmax"}
VIEW_METHODS = {"view", "reshape", "flatten"}

BUFFER, ELEMENTWISE, VIEW = "buffer", "elementwise", "view"


class Tracer(torch.fx.Tracer):
    """torch.fx's tracer, with the given modules kept as single nodes (netcount's entries)."""

    def __init__(self, leaves=()):
        super().__init__()
        self.leaves = {id(m) for m in leaves}

    def is_leaf_module(self, m, qualname):
        return id(m) in self.leaves or super().is_leaf_module(m, qualname)


def trace(model, in_shape, leaves=()):
    """The model (in eval mode) as a GraphModule whose nodes know their output shapes."""
    h, w, c = in_shape
    model.eval()
    graph = Tracer(leaves).trace(model)
    gm = torch.fx.GraphModule(model, graph)
    with torch.no_grad():
        ShapeProp(gm).propagate(torch.zeros(1, c, h, w))
    return gm


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


def schedule(gm):
    """[(node, role, live elements)] for every tensor node that runs, in order, and the peak."""
    nodes = [n for n in gm.graph.nodes if n.op != "output" and elements(n) is not None]
    index = {n: i for i, n in enumerate(nodes)}
    output = next(n for n in gm.graph.nodes if n.op == "output")
    roles = {n: (BUFFER if n.op == "placeholder" else role(gm, n)) for n in nodes}

    def tensor_inputs(n):
        return [a for a in n.all_input_nodes if a in index]

    def readers(n):
        return [index[u] for u in n.users if u in index]

    # The data a node holds: its own, or (a view) its input's.
    group = {}
    for n in nodes:
        ins = tensor_inputs(n)
        group[n] = group[ins[0]] if roles[n] == VIEW and ins and elements(ins[0]) == elements(n) else n
    last_read = {}
    for n in nodes:
        for r in readers(n):
            last_read[group[n]] = max(last_read.get(group[n], -1), r)

    # The buffer each node's output lives in.
    owner = {}
    for n in nodes:
        ins = tensor_inputs(n)
        i = index[n]
        reuse = False
        if ins and elements(ins[0]) == elements(n):
            if roles[n] == VIEW:
                reuse = True
            elif roles[n] == ELEMENTWISE and len(ins) == 1 and last_read.get(group[ins[0]], -1) == i:
                reuse = True
        owner[n] = owner[ins[0]] if reuse else n

    # Each buffer lives from the node that created it to the last node that reads or writes it.
    end = {}
    for n in nodes:
        b = owner[n]
        end[b] = max(end.get(b, -1), index[n], *readers(n))
    for a in output.all_input_nodes:
        if a in owner:
            end[owner[a]] = len(nodes)  # never freed
    live = []
    for i, n in enumerate(nodes):
        live.append(sum(elements(b) for b in end if index[b] <= i <= end[b]))
    rows = [(n, roles[n], live[i]) for i, n in enumerate(nodes) if n.op != "placeholder"]
    return rows, max(r[2] for r in rows)
