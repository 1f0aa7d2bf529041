"""The memory schedule of netcount's peak_activations<Net> (docs/deploy.md), applied to a
torch.fx trace of a torch module. The schedule itself is schedule_core.py's (written from the
statement of the schedule, not from netcount's code, so that the two check each other); this
module turns the trace into its nodes: which torch modules, functions and methods are
elementwise (activations, dropout, batch norm) and which are views (flatten, view, reshape,
identity), and each node's output elements from the traced shapes.

A twin's explicit padding module belongs to the conv or pool after it (it is inside the module
netcount's entry is compared with), so it is never a node of its own here.
"""

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F
from torch.fx.passes.shape_prop import ShapeProp

from torchvision.models.convnext import LayerNorm2d
from torchvision.ops import StochasticDepth

from schedule_core import BUFFER, ELEMENTWISE, VIEW, Node, live_activations

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
    # On the module's device: the zoo's twins run on "meta", which gives shapes without arithmetic.
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    with torch.no_grad():
        ShapeProp(gm).propagate(torch.zeros(1, c, h, w, device=device))
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
    roles = [BUFFER if n.op == "placeholder" else role(gm, n) for n in nodes]
    live = live_activations([Node(elements(n), [index[a] for a in n.all_input_nodes if a in index], r)
                             for n, r in zip(nodes, roles)],
                            [index[a] for a in output.all_input_nodes if a in index])
    rows = [(n, r, l) for n, r, l in zip(nodes, roles, live) if n.op != "placeholder"]
    return rows, max(r[2] for r in rows)
