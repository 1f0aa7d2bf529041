"""A PyTorch nn.Module, traced by torch.fx, as the importer's graph (graph.Node list).

Each module netcount has a kind for is one node (a leaf of the trace); the functions and
methods a forward calls (additions, concatenations, flatten, F.relu, pools, chunks) are read
from the trace. Names come from the module paths (layer1.0.conv1: scope layer1/0, name conv1);
a function's scope is the module whose forward called it. Shapes come from running the traced
module once on zeros.
"""

import contextlib
import importlib
import io
import operator

from .graph import ImportError_, Node


def load_factory(spec):
    """package.module:factory (a function or class returning the module); factory may be dotted."""
    if ":" not in spec:
        raise ImportError_(f"--torch {spec}: expected package.module:factory")
    module_name, attr = spec.split(":", 1)
    try:
        obj = importlib.import_module(module_name)
    except Exception as e:  # noqa: BLE001 - the message says which
        raise ImportError_(f"--torch {spec}: cannot import {module_name}: {e}") from None
    for part in attr.split("."):
        if not hasattr(obj, part):
            raise ImportError_(f"--torch {spec}: {module_name} has no {attr}")
        obj = getattr(obj, part)
    return obj


def nc_shape(meta_shape, where):
    dims = tuple(int(d) for d in meta_shape)
    if len(dims) == 4:
        return (dims[2], dims[3], dims[1])
    if len(dims) == 2:
        return (1, 1, dims[1])
    raise ImportError_(f"{where}: a tensor of shape {list(dims)}; netcount's tensors are N x C x H x W "
                       "or N x F")


def pair(v):
    if isinstance(v, (tuple, list)):
        if len(v) == 1:
            return (int(v[0]), int(v[0]))
        return (int(v[0]), int(v[1]))
    return (int(v), int(v))


def opt(name, hw, skip=None):
    """kernel<3>, stride<2, 1>, ...; nothing where the value is the default `skip`."""
    h, w = hw
    if skip is not None and (h, w) == (skip, skip):
        return []
    return [f"{name}<{h}>" if h == w else f"{name}<{h}, {w}>"]


def pad_opt(hw, extra=(0, 0, 0, 0)):
    """pad<...> of a layer's own (height, width) padding plus a zero padding folded into it
    (extra: top, bottom, left, right)."""
    h, w = hw
    t, b, l, r = h + extra[0], h + extra[1], w + extra[2], w + extra[3]
    if (t, b, l, r) == (0, 0, 0, 0):
        return []
    if t == b and l == r:
        return [f"pad<{t}>" if t == l else f"pad<{t}, {l}>"]
    return [f"pad<{t}, {b}, {l}, {r}>"]


def meta_shapes(gm, shape_prop, input_shape):
    """The shapes of one run on the meta device, where tensors have shapes and no values: the module
    runs with meta copies of its parameters and buffers in place of its own (left untouched), so
    nothing is computed. regnet_y_128gf's run on zeros took a minute of CPU (128 GFLOPs), on meta
    well under a second (bench/import.py). False where an operator has no meta kernel, or the
    module reads values, and the caller runs it on zeros instead."""
    import itertools

    import torch
    from torch.nn.utils.stateless import _reparametrize_module
    try:
        tensors = {name: torch.empty_like(t, device="meta")
                   for name, t in itertools.chain(gm.named_parameters(), gm.named_buffers())}
        with _reparametrize_module(gm, tensors):
            shape_prop(gm).propagate(torch.zeros(*input_shape, device="meta"))
        return True
    except Exception:  # noqa: BLE001 - any failure here: the run on zeros decides
        for n in gm.graph.nodes:
            n.meta.pop("tensor_meta", None)
        return False


class Translator:
    def __init__(self, model, input_chw, auxiliary=()):
        import torch
        import torch.fx
        import torch.nn as nn
        from torch.fx.passes.shape_prop import ShapeProp

        self.torch, self.nn = torch, nn
        self.model = model.eval()
        # An auxiliary head runs where its parents are in training (Inception3's
        # `if self.training`): their flags only, every layer stays in eval mode.
        for head in auxiliary:
            parts = head.split(".")
            for k in range(len(parts)):
                parent = self.model.get_submodule(".".join(parts[:k])) if k else self.model
                parent.training = True
        c, h, w = input_chw
        self.input_shape = (h, w, c)
        tracer = make_tracer()
        try:
            graph = tracer.trace(self.model)
        except Exception as e:  # noqa: BLE001 - torch.fx's own message says what it could not trace
            raise TraceError(f"torch.fx cannot trace the model: {type(e).__name__}: "
                             f"{str(e).splitlines()[0] if str(e) else ''}") from None
        self.gm = torch.fx.GraphModule(self.model, graph)
        device = next((p.device for p in self.model.parameters()), torch.device("cpu"))
        try:
            # ShapeProp prints a traceback of its own before it raises: the error below says it
            with torch.no_grad(), contextlib.redirect_stderr(io.StringIO()):
                if not meta_shapes(self.gm, ShapeProp, (1, c, h, w)):
                    ShapeProp(self.gm).propagate(torch.zeros(1, c, h, w, device=device))
        except Exception as e:  # noqa: BLE001
            cause = e.__cause__ or e
            raise ImportError_(f"the model does not run on a 1 x {c} x {h} x {w} input: {type(cause).__name__}: "
                               f"{str(cause).splitlines()[0] if str(cause) else ''}") from None
        self.nodes = []
        self.value = {}       # fx node -> IR index, or a python value / tuple of them
        self.calls = {}       # id(module) -> times called
        self.used_modules = {}
        for n in self.gm.graph.nodes:
            if n.op == "call_module":
                m = self.gm.get_submodule(n.target)
                self.calls[id(m)] = self.calls.get(id(m), 0) + 1
        self.applied = set()
        self.concatenated = {}  # IR index of a concat -> the tensors torch.cat listed
        # fx nodes whose tensor is channels-last, N x H x W x C (ConvNeXt's x.permute(0, 2, 3, 1)
        # before its LayerNorm and Linear layers): a view of the same IR tensor, which only the
        # kinds that act on each position's channels alike may read (channels_last_kind).
        self.last = set()
        self.scales = {}        # id of a parameter read by a get_attr -> (the parameter, times read)
        self.outputs = []
        self.translate()
        self.drop_flatten_before_fc()
        from .graph import mark_heads
        self.outputs = mark_heads(self.nodes, self.outputs, auxiliary, lambda n, path: False)

    # -- helpers
    def add(self, fx_node, kind, args=(), inputs=(), nameable=True, merge=False, own=None, scope=None,
            shared=None):
        meta = tuple(int(d) for d in fx_node.meta["tensor_meta"].shape)
        if fx_node in self.last and len(meta) == 4:
            shape = (meta[1], meta[2], meta[3])  # N x H x W x C
        else:
            shape = nc_shape(meta, self.where(fx_node))
        if scope is None:
            scope = self.scope_of(fx_node)
        if own is None and fx_node.op == "call_module":
            own = str(fx_node.target).split(".")[-1]
        node = Node(name=fx_node.name, op=self.op_of(fx_node), kind=kind, args=args, inputs=inputs, scope=scope,
                    own=own, nameable=nameable, shape=shape, merge=merge, shared=shared)
        self.nodes.append(node)
        self.value[fx_node] = len(self.nodes) - 1
        return node

    def scope_of(self, n):
        if n.op == "call_module":
            parts = str(n.target).split(".")
            return tuple(parts[:-1])
        path = n.meta.get("scope", "")
        return tuple(path.split(".")) if path else ()

    def op_of(self, n):
        if n.op == "call_module":
            return type(self.gm.get_submodule(n.target)).__name__
        if n.op == "call_function":
            return getattr(n.target, "__name__", str(n.target))
        return f".{n.target}()" if n.op == "call_method" else n.op

    def where(self, n):
        return f"node {n.name} ({self.op_of(n)}{', module ' + str(n.target) if n.op == 'call_module' else ''})"

    def fail(self, n, why):
        raise ImportError_(f"{self.where(n)}: {why}")

    def tensor(self, n, a, channels_last=False):
        """The IR index of an fx argument that must be a tensor (channels_last: where the reader
        may take a channels-last view, which every other reader refuses)."""
        import torch.fx
        if isinstance(a, torch.fx.Node) and isinstance(self.value.get(a), int):
            if a in self.last and not channels_last:
                self.fail(n, f"reads {a.name}, a channels-last tensor (N x H x W x C, permuted); the importer "
                          "follows one through LayerNorm, Linear and elementwise layers, and back by a permute "
                          "to N x C x H x W")
            return self.value[a]
        if isinstance(a, torch.fx.Node) and isinstance(self.value.get(a), tuple) and \
                self.value[a][:1] == ("parameter",):
            self.fail(n, f"reads the parameter {a.target} as a tensor; the importer reads a parameter of the "
                      "forward only as a per-channel scale (x * scale, as ConvNeXt's layer_scale)")
        if isinstance(a, torch.fx.Node) and isinstance(self.value.get(a), tuple) and self.value[a][:1] == ("pad",):
            self.fail(n, f"reads the padding {a.name}, which the importer folds only into a Conv2d or pool")
        self.fail(n, f"reads {a!r}, which is not a tensor the importer follows")

    def zero_pad(self, n, x, padding):
        """nn.ZeroPad2d or F.pad of zeros (left, right, top, bottom): folded into the Conv2d or
        pool that reads it, as the ONNX front folds a Pad (unpad)."""
        sides = (padding,) * 4 if isinstance(padding, int) else tuple(int(p) for p in padding)
        if len(sides) != 4 or any(p < 0 for p in sides):
            self.fail(n, f"a padding of {list(sides)}: the importer folds a padding of height and width only")
        users = list(n.users)
        if len(users) != 1:
            self.fail(n, "a padding read by more than one node: the importer folds it into the one Conv2d or "
                      "pool that reads it")
        left, right, top, bottom = sides
        self.value[n] = ("pad", self.tensor(n, x), x, (top, bottom, left, right))
        return None

    def check_pool_padding(self, n, kernel, padding, extra):
        """A padding folded into a pool stays within PyTorch's (and netcount's) rule for a pool's
        own: at most half the kernel (import.random found a header that did not compile)."""
        if any(extra):
            (kh, kw), (ph, pw) = pair(kernel), pair(padding)
            t, b, l, r = ph + extra[0], ph + extra[1], pw + extra[2], pw + extra[3]
            if 2 * max(t, b) > kh or 2 * max(l, r) > kw:
                self.fail(n, f"reads a padding that makes its own (top, bottom, left, right) {(t, b, l, r)} beside "
                          f"a kernel of {[kh, kw]}: netcount's pools, as PyTorch's, take at most half the kernel")

    def unpad(self, n, x):
        """(what a Conv2d or pool reads, the zero padding folded into it: top, bottom, left, right)."""
        got = self.value.get(x)
        if isinstance(got, tuple) and got and got[0] == "pad":
            return got[2], got[3]
        return x, (0, 0, 0, 0)

    def is_tensor(self, a):
        import torch.fx
        return isinstance(a, torch.fx.Node) and isinstance(self.value.get(a), int)

    def alias(self, n, a):
        self.value[n] = self.tensor(n, a)

    def arg(self, n, i, name, default=None):
        if len(n.args) > i:
            return n.args[i]
        return n.kwargs.get(name, default)

    def literal(self, n, v):
        """A python value of the trace (an int, a tuple, a size read from a tensor)."""
        import torch.fx
        if isinstance(v, torch.fx.Node):
            got = self.value.get(v)
            if isinstance(got, int) or got is None:
                self.fail(n, f"needs a constant where it reads {v.name}")
            return got
        if isinstance(v, (tuple, list)):
            return type(v)(self.literal(n, x) for x in v)
        return v

    # -- the walk
    def translate(self):
        from .graph import Node as N
        for n in self.gm.graph.nodes:
            if n.op == "placeholder":
                if self.nodes:
                    self.fail(n, "a second input; the importer reads models of one input")
                self.nodes.append(N(name=n.name, op="input", kind="input", shape=self.input_shape))
                self.value[n] = 0
            elif n.op == "output":
                self.outputs = self.collect_outputs(n, n.args[0])
            elif n.op == "call_module":
                self.module(n, self.gm.get_submodule(n.target))
            elif n.op == "call_function":
                self.function(n)
            elif n.op == "call_method":
                self.method(n)
            elif n.op == "get_attr":
                self.get_attr(n)

    def collect_outputs(self, n, a):
        import torch.fx
        if isinstance(a, torch.fx.Node) and isinstance(self.value.get(a), tuple) and self.value[a][:1] == ("tuple",):
            return self.collect_outputs(n, self.value[a][1])
        if isinstance(a, torch.fx.Node):
            return [self.tensor(n, a)]
        if isinstance(a, (tuple, list)):
            found = []
            for x in a:
                found.extend(self.collect_outputs(n, x))
            return found
        if isinstance(a, dict):
            found = []
            for x in a.values():
                found.extend(self.collect_outputs(n, x))
            return found
        self.fail(n, f"returns {a!r}, not tensors")

    def shared(self, n, m):
        """(name, first?) for a module with parameters that the forward calls more than once."""
        if self.calls.get(id(m), 0) < 2 or not any(True for _ in m.parameters()):
            return None
        name = str(n.target).replace(".", "_")
        first = id(m) not in self.applied
        self.applied.add(id(m))
        return (name, first)

    def module(self, n, m):
        nn = self.nn
        from torchvision.ops import SqueezeExcitation, StochasticDepth
        from torchvision.models.convnext import LayerNorm2d
        self.used_modules[id(m)] = m
        x = n.args[0] if n.args else None
        if isinstance(m, (nn.ZeroPad2d, nn.ConstantPad2d)):
            if isinstance(m, nn.ConstantPad2d) and m.value != 0:
                self.fail(n, f"a padding with {m.value}: the importer folds zero padding only")
            return self.zero_pad(n, x, m.padding)
        extra = (0, 0, 0, 0)
        if isinstance(m, (nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)):
            x, extra = self.unpad(n, x)
        if x is not None and x in self.last:
            return self.channels_last_module(n, m, x)
        inputs = [self.tensor(n, x)] if x is not None else []
        shared = self.shared(n, m)

        def layer(kind, args=(), nameable=True):
            return self.add(n, kind, args, inputs, nameable=nameable, shared=shared)

        if isinstance(m, nn.Conv2d):
            return layer(*conv_args(self, n, m, extra))
        if isinstance(m, nn.ConvTranspose2d):
            k, s, p, d, op = (pair(m.kernel_size), pair(m.stride), pair(m.padding), pair(m.dilation),
                              pair(m.output_padding))
            args = [str(m.out_channels)] + opt("kernel", k) + opt("stride", s, 1) + pad_opt(p) + \
                opt("dilation", d, 1) + opt("output_padding", op, 0)
            if m.groups > 1:
                args.append(f"groups<{m.groups}>")
            if m.bias is None:
                args.append("no_bias")
            return layer("transposed_conv", args)
        if isinstance(m, nn.Linear):
            dims = len(x.meta["tensor_meta"].shape)
            args = [str(m.out_features)] + (["no_bias"] if m.bias is None else [])
            if dims == 2:
                return layer("fc", args)
            self.fail(n, "a Linear on a tensor of more than 2 dimensions (channels-last) is not supported yet")
        if isinstance(m, nn.BatchNorm2d):
            if not m.affine:
                self.fail(n, "a batch norm without affine parameters: netcount's batch_norm learns 2 per channel")
            return layer("batch_norm", nameable=False)
        if isinstance(m, nn.MaxPool2d):
            if m.return_indices:
                self.fail(n, "return_indices is not supported")
            self.check_pool_padding(n, m.kernel_size, m.padding, extra)
            return layer("max_pool", pool_args(m.kernel_size, m.stride, m.padding, m.dilation, m.ceil_mode, extra))
        if isinstance(m, nn.AvgPool2d):
            self.check_pool_padding(n, m.kernel_size, m.padding, extra)
            return layer("avg_pool", pool_args(m.kernel_size, m.stride, m.padding, 1, m.ceil_mode, extra))
        if isinstance(m, (nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)):
            avg = isinstance(m, nn.AdaptiveAvgPool2d)
            return self.adaptive(n, inputs, "avg" if avg else "max", m.output_size, shared)
        simple = elementwise_kind(nn, m)
        if simple is not None:
            return layer(simple, nameable=False)
        if isinstance(m, nn.PReLU):
            return layer("prelu", ["per_channel"] if m.num_parameters > 1 else [], nameable=False)
        if isinstance(m, nn.GroupNorm):
            if not m.affine:
                self.fail(n, "a group norm without affine parameters is not supported")
            return layer("group_norm", [str(m.num_groups)], nameable=False)
        if isinstance(m, nn.InstanceNorm2d):
            return layer("instance_norm", ["affine"] if m.affine else [], nameable=False)
        if isinstance(m, LayerNorm2d):
            return layer("layer_norm", nameable=False)
        if isinstance(m, nn.LocalResponseNorm):
            return layer("lrn", [str(m.size)], nameable=False)
        if isinstance(m, nn.ChannelShuffle):
            return layer("channel_shuffle", [str(m.groups)], nameable=False)
        if isinstance(m, StochasticDepth):
            return layer("stochastic_depth", nameable=False)
        if isinstance(m, nn.Upsample):
            return self.upsample(n, inputs, m.size, m.scale_factor, shared)
        if isinstance(m, SqueezeExcitation):
            gate = elementwise_kind(nn, m.scale_activation)
            act = elementwise_kind(nn, m.activation)
            if gate is None or act is None:
                self.fail(n, "a squeeze-excitation whose activations netcount has no kind for")
            args = [str(m.fc2.out_channels), str(m.fc1.out_channels)]
            if (act, gate) != ("relu", "sigmoid"):
                args += [act, gate]
            return layer("squeeze_excitation", args, nameable=False)
        if isinstance(m, nn.Identity):
            return self.alias(n, x)
        if isinstance(m, nn.Flatten):
            return self.flatten(n, x, m.start_dim, m.end_dim)
        if type(m) in EXTRA_LEAVES:
            return layer(*EXTRA_LEAVES[type(m)], nameable=False)
        self.fail(n, f"no netcount layer kind for the module {type(m).__module__}.{type(m).__name__}")

    def channels_last_module(self, n, m, x):
        """A module that reads a channels-last tensor: a LayerNorm over the channels (netcount's
        layer_norm), a Linear (netcount's linear: the same weights at every position) or an
        elementwise layer; its output is channels-last too."""
        nn = self.nn
        inputs = [self.tensor(n, x, channels_last=True)]
        channels = self.nodes[inputs[0]].shape[2]
        shared = self.shared(n, m)
        self.last.add(n)
        if isinstance(m, nn.LayerNorm):
            if tuple(m.normalized_shape) != (channels,) or not m.elementwise_affine:
                self.fail(n, f"a LayerNorm over {list(m.normalized_shape)}{'' if m.elementwise_affine else ' without affine parameters'} "
                          f"of a channels-last tensor of {channels} channels: netcount's layer_norm normalizes each "
                          "position's channels, with a scale and a shift per channel")
            return self.add(n, "layer_norm", (), inputs, nameable=False, shared=shared)
        if isinstance(m, nn.Linear):
            return self.add(n, "linear", [str(m.out_features)] + (["no_bias"] if m.bias is None else []), inputs,
                            shared=shared)
        simple = elementwise_kind(nn, m)
        if simple is not None and simple != "softmax":
            return self.add(n, simple, (), inputs, nameable=False, shared=shared)
        if isinstance(m, nn.Identity):
            self.value[n] = inputs[0]
            return None
        self.last.discard(n)
        self.fail(n, f"reads {x.name}, a channels-last tensor (N x H x W x C, permuted), which the importer follows "
                  "only through LayerNorm, Linear and elementwise layers")

    def permute(self, n, x, dims):
        """x.permute(0, 2, 3, 1) to channels-last and (0, 3, 1, 2) back: views of one tensor."""
        dims = [int(d) for d in self.literal(n, dims)]
        if len(dims) == 1 and isinstance(dims[0], (list, tuple)):
            dims = list(dims[0])
        if dims == [0, 2, 3, 1] and x not in self.last and len(x.meta["tensor_meta"].shape) == 4:
            self.value[n] = self.tensor(n, x)
            self.last.add(n)
            return None
        if dims == [0, 3, 1, 2] and x in self.last:
            self.value[n] = self.tensor(n, x, channels_last=True)
            return None
        self.fail(n, f"a permute {dims}: the importer reads the channels-last view of a 4-D tensor, "
                  "permute(0, 2, 3, 1), and its way back, permute(0, 3, 1, 2)")

    def get_attr(self, n):
        """A parameter the forward reads itself (ConvNeXt's layer_scale): held until a multiply
        reads it as a per-channel scale; anything else that reads it is refused."""
        target = self.gm
        for part in str(n.target).split("."):
            target = getattr(target, part)
        if not isinstance(target, self.nn.Parameter):
            self.fail(n, "reads a buffer or constant in the forward, outside a module: not supported")
        self.value[n] = ("parameter", target)

    def scale(self, n, tensors):
        """x * p, p a parameter of one number per channel (C, C x 1 x 1): netcount's layer_scale."""
        k = 0 if isinstance(self.value.get(tensors[0]), tuple) else 1
        p = self.value[tensors[k]][1]
        x = self.tensor(n, tensors[1 - k])
        channels = self.nodes[x].shape[2]
        # Broadcasting aligns the last dimensions: a parameter of C scales an N x C tensor's
        # channels but an N x C x H x W tensor's columns, which is no layer_scale.
        rank = len(tensors[1 - k].meta["tensor_meta"].shape)
        allowed = ((channels,), (1, channels)) if rank == 2 else ((channels, 1, 1), (1, channels, 1, 1))
        if tuple(p.shape) not in allowed:
            self.fail(n, f"a multiply by the parameter {tensors[k].target} of shape {list(p.shape)}: the importer "
                      f"reads a parameter as a scale of one number per channel ({' or '.join(str(list(a)) for a in allowed)})")
        if id(p) in self.scales:
            self.fail(n, f"the parameter {tensors[k].target} is read a second time: the importer reads a scale "
                      "parameter once")
        self.scales[id(p)] = p
        path = str(tensors[k].target).split(".")
        return self.add(n, "layer_scale", (), [x], nameable=False, scope=tuple(path[:-1]), own=path[-1])

    def adaptive(self, n, inputs, which, size, shared=None):
        src = self.nodes[inputs[0]].shape
        oh, ow = size if isinstance(size, (tuple, list)) else (size, size)
        oh = src[0] if oh is None else int(oh)
        ow = src[1] if ow is None else int(ow)
        if (oh, ow) == (1, 1):
            return self.add(n, f"global_{which}_pool", (), inputs, nameable=False, shared=shared)
        args = [str(oh)] if oh == ow else [str(oh), str(ow)]
        return self.add(n, f"adaptive_{which}_pool", args, inputs, nameable=False, shared=shared)

    def upsample(self, n, inputs, size, scale, shared=None):
        src = self.nodes[inputs[0]].shape
        if size is not None:
            try:
                oh, ow = pair(size)
            except (TypeError, ValueError):
                # A size read from a tensor (F.interpolate(x, size=y.shape[-2:]), as torchvision's
                # segmentation heads): the trace's output has it (import.random found the crash).
                oh, ow = nc_shape(n.meta["tensor_meta"].shape, self.where(n))[:2]
            return self.add(n, "upsample_to", [str(oh)] if oh == ow else [str(oh), str(ow)], inputs,
                            nameable=False, shared=shared)
        fh, fw = scale if isinstance(scale, (tuple, list)) else (scale, scale)
        if fh is None or float(fh) != int(fh) or float(fw) != int(fw):
            self.fail(n, f"an upsampling by {scale}: netcount's upsample takes whole factors")
        fh, fw = int(fh), int(fw)
        out = nc_shape(n.meta["tensor_meta"].shape, self.where(n))
        if out[:2] != (src[0] * fh, src[1] * fw):
            self.fail(n, "an upsampling whose output is not its input times the factors")
        return self.add(n, "upsample", [str(fh)] if fh == fw else [str(fh), str(fw)], inputs, nameable=False,
                        shared=shared)

    def flatten(self, n, x, start=1, end=-1):
        out = n.meta["tensor_meta"].shape
        if len(out) != 2 or int(start) != 1:
            self.fail(n, f"a reshape to {list(out)} that is not a flatten to N x features")
        src = self.tensor(n, x)
        node = self.add(n, "flatten", (), [src], nameable=False)
        return node

    def merge(self, n, kind, tensors):
        if kind == "multiply" and len(tensors) == 2 and any(
                isinstance(self.value.get(t), tuple) and self.value[t][:1] == ("parameter",) for t in tensors):
            return self.scale(n, tensors)
        if not all(self.is_tensor(t) for t in tensors):
            self.fail(n, f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} of a tensor and a constant: netcount merges "
                      "tensors only")
        inputs = [self.tensor(n, t) for t in tensors]  # refuses a channels-last view
        if kind == "concat":
            if len(inputs) == 1:
                return self.alias(n, tensors[0])
            # torch.cat(features) after torch.cat(features[:-1]) (DenseNet's list of features):
            # the longer concatenation is the shorter one and the rest, as netcount's chained
            # concat<identity, ...> counts it.
            listed = list(inputs)
            best = None
            for i, got in self.concatenated.items():
                if len(got) < len(listed) and listed[:len(got)] == got and \
                        (best is None or len(got) > len(self.concatenated[best])):
                    best = i
            if best is not None:
                inputs = [best] + listed[len(self.concatenated[best]):]
            node = self.add(n, kind, (), inputs, nameable=False, merge=True)
            self.concatenated[len(self.nodes) - 1] = listed
            return node
        return self.add(n, kind, (), inputs, nameable=False, merge=True)

    def function(self, n):
        import torch
        t = n.target
        if t in (operator.add, torch.add, operator.iadd):
            return self.merge(n, "add", [n.args[0], n.args[1]])
        if t in (operator.mul, torch.mul, operator.imul):
            return self.merge(n, "multiply", [n.args[0], n.args[1]])
        if t is torch.cat:
            tensors = self.arg(n, 0, "tensors")
            dim = self.arg(n, 1, "dim", 0)
            if dim not in (1, -3):
                self.fail(n, f"a concatenation along dimension {dim}; netcount concatenates channels")
            return self.merge(n, "concat", list(tensors))
        if t is torch.flatten:
            return self.flatten(n, n.args[0], self.arg(n, 1, "start_dim", 0))
        if t is torch.permute:
            return self.permute(n, n.args[0], self.arg(n, 1, "dims"))
        if t is operator.getitem:
            return self.getitem(n)
        if t is getattr:
            self.value[n] = ("attribute",)
            return None
        if isinstance(t, type) and issubclass(t, tuple):
            # a named tuple of outputs (Inception3's InceptionOutputs in training)
            self.value[n] = ("tuple", tuple(n.args) + tuple(n.kwargs.values()))
            return None
        fn = FUNCTION_KINDS.get(t) or FUNCTION_KINDS.get(getattr(t, "__name__", None))
        if fn is not None:
            return self.add(n, fn, (), [self.tensor(n, n.args[0])], nameable=False)
        name = getattr(t, "__name__", "")
        x = n.args[0] if n.args else None
        if name in ("adaptive_avg_pool2d", "adaptive_max_pool2d"):
            return self.adaptive(n, [self.tensor(n, x)], "avg" if "avg" in name else "max",
                                 self.literal(n, self.arg(n, 1, "output_size")))
        if name in ("avg_pool2d", "max_pool2d", "_max_pool2d", "max_pool2d_with_indices"):
            k = self.literal(n, self.arg(n, 1, "kernel_size"))
            s = self.literal(n, self.arg(n, 2, "stride", None))
            p = self.literal(n, self.arg(n, 3, "padding", 0))
            if "avg" in name:
                ceil = self.literal(n, self.arg(n, 4, "ceil_mode", False))
                d = 1
            else:
                d = self.literal(n, self.arg(n, 4, "dilation", 1))
                ceil = self.literal(n, self.arg(n, 5, "ceil_mode", False))
            kind = "avg_pool" if "avg" in name else "max_pool"
            x, extra = self.unpad(n, x)
            self.check_pool_padding(n, k, p, extra)
            return self.add(n, kind, pool_args(k, s, p, d, ceil, extra), [self.tensor(n, x)])
        if name == "pad":
            mode = self.literal(n, self.arg(n, 2, "mode", "constant"))
            value = self.literal(n, self.arg(n, 3, "value", None))
            if mode != "constant" or value not in (None, 0, 0.0):
                self.fail(n, f"a {mode} padding with {value}: the importer folds zero padding only")
            return self.zero_pad(n, x, self.literal(n, self.arg(n, 1, "pad")))
        if name == "interpolate":
            return self.upsample(n, [self.tensor(n, x)], self.literal(n, self.arg(n, 1, "size")),
                                 self.literal(n, self.arg(n, 2, "scale_factor")))
        if name == "channel_shuffle":
            return self.add(n, "channel_shuffle", [str(self.literal(n, self.arg(n, 1, "groups")))],
                            [self.tensor(n, x)], nameable=False)
        if name == "chunk":
            return self.chunk(n, x, self.arg(n, 1, "chunks"), self.arg(n, 2, "dim", 0))
        self.fail(n, "no netcount layer kind for this function")

    def method(self, n):
        t = n.target
        x = n.args[0]
        if t in ("size", "dim"):
            self.value[n] = ("size",)
            return None
        if t in ("contiguous",):
            self.value[n] = self.tensor(n, x, channels_last=True)
            if x in self.last:
                self.last.add(n)
            return None
        if t == "mean":
            dims = self.literal(n, n.args[1] if len(n.args) > 1 else n.kwargs.get("dim"))
            dims = sorted(int(d) % 4 for d in (dims if isinstance(dims, (list, tuple)) else [dims]))
            if len(x.meta["tensor_meta"].shape) != 4 or dims != [2, 3]:
                self.fail(n, f"a mean over dimensions {dims}: netcount has the mean of each channel's map "
                          "(x.mean([2, 3]), global_avg_pool)")
            return self.add(n, "global_avg_pool", (), [self.tensor(n, x)], nameable=False)
        if t == "permute":
            return self.permute(n, x, n.args[1:] if len(n.args) > 2 else self.arg(n, 1, "dims"))
        if t in ("view", "reshape"):
            return self.flatten(n, x)
        if t == "flatten":
            return self.flatten(n, x, self.arg(n, 1, "start_dim", 0))
        if t == "chunk":
            return self.chunk(n, x, self.arg(n, 1, "chunks"), self.arg(n, 2, "dim", 0))
        if t in ("add", "add_"):
            return self.merge(n, "add", [x, n.args[1]])
        if t in ("mul", "mul_"):
            return self.merge(n, "multiply", [x, n.args[1]])
        kind = METHOD_KINDS.get(t)
        if kind is not None:
            return self.add(n, kind, (), [self.tensor(n, x)], nameable=False)
        self.fail(n, "no netcount layer kind for this method")

    def chunk(self, n, x, chunks, dim):
        if dim not in (1, -3):
            self.fail(n, f"a chunk along dimension {dim}; netcount chunks channels")
        self.value[n] = ("chunk", self.tensor(n, x), int(chunks))
        return None

    def getitem(self, n):
        src, index = n.args[0], n.args[1]
        got = self.value.get(src)
        if isinstance(got, int):
            self.tensor(n, src)  # refuses a channels-last view
        if isinstance(got, tuple) and got and got[0] == "chunk":
            _, x, count = got
            return self.add(n, "chunk", [str(index), str(count)], [x], nameable=False)
        if isinstance(got, tuple):
            self.value[n] = ("size",)
            return None
        if isinstance(got, int) and isinstance(index, tuple) and len(index) >= 2 and \
                index[0] == slice(None) and isinstance(index[1], slice) and \
                all(i == slice(None) for i in index[2:]) and index[1].step in (None, 1):
            c = self.nodes[got].shape[2]
            begin, end, _ = index[1].indices(c)
            return self.add(n, "slice", [str(begin), str(end)], [got], nameable=False)
        self.fail(n, f"an indexing [{index!r}] the importer does not read")

    def drop_flatten_before_fc(self):
        """A flatten is left out where netcount has nothing to flatten (a 1 x 1 x C tensor, which
        netcount's shape of an N x C tensor already is) and where only fc layers read it
        (netcount's fc flattens what it reads)."""
        users = {}
        for i, node in enumerate(self.nodes):
            for j in node.inputs:
                users.setdefault(j, []).append(i)
        elementwise = {"relu", "relu6", "sigmoid", "tanh", "dropout", "silu", "hardswish", "hardsigmoid", "gelu",
                       "leaky_relu", "elu", "mish"}

        def only_fc_reads(i, depth=0):
            # directly, or through elementwise layers (AlexNet's Dropout before its classifier)
            if not users.get(i) or i in self.outputs or depth > 8:
                return False
            return all(self.nodes[u].kind == "fc" or (self.nodes[u].kind in elementwise and
                                                      only_fc_reads(u, depth + 1)) for u in users[i])

        keep = []
        remap = {}
        keep_shape = {}
        for i, node in enumerate(self.nodes):
            node.inputs = [remap.get(j, j) for j in node.inputs]
            if node.kind in elementwise and node.inputs and node.inputs[0] in keep_shape:
                # reads what a left-out flatten read: the map, not torch's N x F
                node.shape = keep_shape[node.inputs[0]]
                keep_shape[i] = node.shape
            if node.kind == "flatten" and (self.nodes[node.inputs[0]].shape[:2] == (1, 1) or
                                           only_fc_reads(i)):
                remap[i] = node.inputs[0]
                keep_shape[node.inputs[0]] = self.nodes[node.inputs[0]].shape
                continue
            keep.append(i)
        renumber = {old: new for new, old in enumerate(keep)}
        nodes = []
        for old in keep:
            node = self.nodes[old]
            node.inputs = [renumber[j] for j in node.inputs]
            nodes.append(node)
        self.outputs = [renumber[remap.get(o, o)] for o in self.outputs]
        self.nodes = nodes

    def parameters(self):
        """(every parameter of the model, those of the modules the trace calls)."""
        total = sum(p.numel() for p in self.model.parameters())
        seen, used = set(), 0
        for p in self.scales.values():
            seen.add(id(p))
            used += p.numel()
        for m in self.used_modules.values():
            for p in m.parameters():
                if id(p) not in seen:
                    seen.add(id(p))
                    used += p.numel()
        return total, used

    def output_shapes(self):
        return [self.nodes[o].shape for o in self.outputs]


class TraceError(ImportError_):
    """torch.fx could not trace the model (the ONNX route may)."""


def conv_args(tr, n, m, extra=(0, 0, 0, 0)):
    k, s, d = pair(m.kernel_size), pair(m.stride), pair(m.dilation)
    opts = opt("kernel", k) + opt("stride", s, 1)
    if isinstance(m.padding, str):
        if any(extra) and m.padding == "same":
            tr.fail(n, 'reads a zero padding, and pads "same" itself: netcount adds no padding to same')
        if m.padding == "same":
            opts.append("same")
    else:
        opts += pad_opt(pair(m.padding), extra)
    opts += opt("dilation", d, 1)
    g, cin, cout = m.groups, m.in_channels, m.out_channels
    bias = [] if m.bias is not None else ["no_bias"]
    if g > 1 and g == cin and cout % cin == 0:
        mult = cout // cin
        return "depthwise_conv", opts + ([f"multiplier<{mult}>"] if mult > 1 else []) + bias
    if g > 1:
        opts.append(f"groups<{g}>")
    return "conv", [str(cout)] + opts + bias


def pool_args(kernel, stride, padding, dilation, ceil_mode, extra=(0, 0, 0, 0)):
    k = pair(kernel)
    s = k if stride is None or (isinstance(stride, (tuple, list)) and len(stride) == 0) else pair(stride)
    args = opt("kernel", k)
    if s != k:
        args += opt("stride", s)
    args += pad_opt(pair(padding), extra)
    args += opt("dilation", pair(dilation), 1)
    if ceil_mode:
        args.append("ceil_mode")
    return args


def elementwise_kind(nn, m):
    table = [(nn.ReLU6, "relu6"), (nn.ReLU, "relu"), (nn.Sigmoid, "sigmoid"), (nn.Tanh, "tanh"),
             (nn.Softmax, "softmax"), (nn.Dropout, "dropout"), (nn.Dropout2d, "dropout"), (nn.SiLU, "silu"),
             (nn.Hardswish, "hardswish"), (nn.Hardsigmoid, "hardsigmoid"), (nn.GELU, "gelu"),
             (nn.LeakyReLU, "leaky_relu"), (nn.ELU, "elu"), (nn.Mish, "mish")]
    for cls, kind in table:
        if isinstance(m, cls):
            if kind == "softmax" and m.dim not in (1, -3, -1, None):
                return None
            return kind
    return None


def _function_kinds():
    import torch
    import torch.nn.functional as F
    table = {F.relu: "relu", torch.relu: "relu", torch.relu_: "relu", F.relu6: "relu6", torch.sigmoid: "sigmoid",
             F.sigmoid: "sigmoid", torch.tanh: "tanh", F.silu: "silu", F.hardswish: "hardswish",
             F.hardsigmoid: "hardsigmoid", F.gelu: "gelu", F.leaky_relu: "leaky_relu", F.elu: "elu",
             F.mish: "mish", F.dropout: "dropout", F.softmax: "softmax", torch.softmax: "softmax"}
    return table


class _Lazy(dict):
    def get(self, key, default=None):
        if not self:
            self.update(_function_kinds())
        try:
            return super().get(key, default)
        except TypeError:
            return default


FUNCTION_KINDS = _Lazy()
METHOD_KINDS = {"relu": "relu", "relu_": "relu", "sigmoid": "sigmoid", "sigmoid_": "sigmoid", "tanh": "tanh",
                "softmax": "softmax"}


# Modules of the importer's own that the tracer keeps as one node each: class -> (netcount kind,
# its template arguments). detection.py's SSD rescale (a layer_scale) is one.
EXTRA_LEAVES = {}


def make_tracer():
    import torch.fx
    from torchvision.models.convnext import LayerNorm2d
    from torchvision.models.shufflenetv2 import channel_shuffle
    from torchvision.ops import SqueezeExcitation, StochasticDepth

    leaves = (SqueezeExcitation, StochasticDepth, LayerNorm2d)

    class Tracer(torch.fx.Tracer):
        """torch.fx's tracer, which keeps squeeze-excitations and torchvision's norms as one node
        each and records, for every node, the module whose forward made it."""

        def __init__(self):
            super().__init__(autowrap_functions=(channel_shuffle,))
            self.stack = []

        def is_leaf_module(self, m, qualname):
            if isinstance(m, leaves) or type(m) in EXTRA_LEAVES:
                return True
            return super().is_leaf_module(m, qualname)

        def call_module(self, m, forward, args, kwargs):
            self.stack.append(self.path_of_module(m))
            try:
                return super().call_module(m, forward, args, kwargs)
            finally:
                self.stack.pop()

        def create_proxy(self, kind, target, args, kwargs, name=None, type_expr=None, *rest, **more):
            proxy = super().create_proxy(kind, target, args, kwargs, name, type_expr, *rest, **more)
            proxy.node.meta["scope"] = self.stack[-1] if self.stack else ""
            return proxy

        def iter(self, obj):
            node = obj.node
            if node.op in ("call_method", "call_function") and (node.target == "chunk" or
                                                                 getattr(node.target, "__name__", "") == "chunk"):
                chunks = node.args[1] if len(node.args) > 1 else node.kwargs["chunks"]
                return iter([obj[i] for i in range(chunks)])
            return super().iter(obj)

    return Tracer()
