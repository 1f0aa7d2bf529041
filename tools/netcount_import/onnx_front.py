"""An ONNX model (opsets 7 to 17) as the importer's graph (graph.Node list).

Every subgraph that computes a constant from initializers or static shapes (Shape, Gather,
Unsqueeze, Concat, ConstantOfShape, Slice, Cast, ...) is evaluated here and folded away; a Pad
is folded into the Conv or pool that reads it; Identity is a name for its input. Output shapes
come from ONNX shape inference; parameters from the initializers each node reads (an
initializer read by several nodes, as exporters merge identical tensors, counts once per node).
"""

import warnings

import numpy as np

from . import onnx_ops
from .graph import ImportError_, Node

FOLDABLE = {"Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "ConstantOfShape", "Slice", "Cast",
            "Transpose", "Identity", "Reshape", "Add", "Sub", "Mul", "Div", "Floor", "Ceil", "Sqrt", "Range",
            "Equal", "Where", "Expand", "Neg", "Abs", "Min", "Max"}
# Kinds that act on each position's channels alike, which may read a channels-last tensor
# (ConvNeXt's LayerNorm and Linear layers between Transpose(0, 2, 3, 1) and back).
CHANNELS_LAST_KINDS = {"layer_norm", "linear", "gelu", "relu", "relu6", "sigmoid", "tanh", "silu", "hardswish",
                       "hardsigmoid", "leaky_relu", "elu", "mish", "dropout"}
ELEMENTWISE = {"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "Dropout": "dropout", "HardSwish": "hardswish",
               "HardSigmoid": "hardsigmoid", "LeakyRelu": "leaky_relu", "Elu": "elu", "Mish": "mish",
               "Softmax": "softmax"}


def attrs(node):
    import onnx
    import onnx.helper
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def initializer_value(tensor):
    """An initializer's value; for one stored in an external file, an array of its shape and type
    that holds no memory (every element the same zero), which is all that counting reads."""
    import onnx
    import onnx.numpy_helper
    if tensor.data_location == onnx.TensorProto.EXTERNAL:
        dtype = onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[tensor.data_type]
        return np.broadcast_to(np.zeros((), dtype=dtype), tuple(tensor.dims))
    return onnx.numpy_helper.to_array(tensor)


def as_initializer(value, name):
    """A folded constant as an initializer for shape inference; a large one (a transposed weight)
    as a tensor of its shape whose data is external and never read, so that the model stays small."""
    import onnx
    import onnx.numpy_helper
    if value.size <= 4096:
        return onnx.numpy_helper.from_array(np.array(value, order="C"), name)
    tensor = onnx.TensorProto(name=name, dims=list(value.shape),
                              data_type=onnx.mapping.NP_TYPE_TO_TENSOR_TYPE[value.dtype])
    tensor.data_location = onnx.TensorProto.EXTERNAL
    entry = tensor.external_data.add()
    entry.key, entry.value = "location", "netcount-import: not read"
    return tensor


def outer_names(node):
    """The tensors an If, Loop or Scan node's subgraphs read from the graph around them: inputs
    that its input list does not name (torch's local_response_norm exports an If that reads the
    pooled tensor so)."""
    found = []
    for a in node.attribute:
        graphs = list(a.g.node and [a.g] or []) + list(a.graphs)
        for g in graphs:
            inner = {o for m in g.node for o in m.output} | {i.name for i in g.input} | \
                {i.name for i in g.initializer}
            for m in g.node:
                found += [i for i in list(m.input) + outer_names(m) if i and i not in inner]
    return found


def article(word):
    return "an" if word[:1].lower() in "aeiou" else "a"


def pad_args(pads, where):
    """ONNX pads [top, left, bottom, right] as netcount's pad<...> (top, bottom, left, right)."""
    if not pads:
        return []
    t, l, b, r = (int(p) for p in pads)
    if min(t, l, b, r) < 0:
        raise ImportError_(f"{where}: negative padding (a crop) is not supported")
    if (t, l, b, r) == (0, 0, 0, 0):
        return []
    if t == b and l == r:
        return [f"pad<{t}>" if t == l else f"pad<{t}, {l}>"]
    return [f"pad<{t}, {b}, {l}, {r}>"]


def hw(name, values, skip=None):
    h, w = (int(v) for v in values)
    if skip is not None and h == skip and w == skip:
        return []
    return [f"{name}<{h}>" if h == w else f"{name}<{h}, {w}>"]


class Reader:
    def __init__(self, path, input_chw):
        import onnx
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # protobuf's warnings on a file that is not a model
                # Weights in external files (an export over protobuf's 2 GB, regnet_y_128gf's
                # 2.6 GB) are not read: only their shapes count, and shape inference could not
                # take the model in one message with them.
                model = onnx.load(path, load_external_data=False)
        except FileNotFoundError:
            raise ImportError_(f"{path}: no such file") from None
        except Exception as e:  # noqa: BLE001 - protobuf's message says what is wrong
            raise ImportError_(f"{path}: not an ONNX model ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'unreadable'})") from None
        if not model.graph.node:
            raise ImportError_(f"{path}: not an ONNX model (no graph nodes)")
        onnx_ops.reject_detector(path, model.graph)
        self.path = path
        self.opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0)
        # From opset 7 (ONNX 1.2) the operators read here have their present meaning; opset 17 is
        # the newest torch.onnx.export (1.13) writes and onnx 1.12 checks.
        if self.opset and not 7 <= self.opset <= 17:
            raise ImportError_(f"{path}: opset {self.opset}; netcount-import reads opsets 7 to 17")
        g = model.graph
        self.graph = g
        inits = {i.name for i in g.initializer}
        inputs = [i for i in g.input if i.name not in inits]
        if len(inputs) != 1:
            raise ImportError_(f"{path}: {len(inputs)} inputs; netcount-import reads models of one input")
        x = inputs[0]
        dims = x.type.tensor_type.shape.dim
        if len(dims) != 4:
            raise ImportError_(f"{path}: input {x.name} has {len(dims)} dimensions, not N x C x H x W")
        if input_chw is not None:
            for d, v in zip(dims, (1,) + tuple(input_chw)):
                d.ClearField("dim_param")
                d.dim_value = v
        else:
            static = [d.dim_value if d.HasField("dim_value") else 0 for d in dims]
            if any(v <= 0 for v in static[1:]):
                raise ImportError_(f"{path}: input {x.name} has a dynamic size {[d.dim_param or d.dim_value for d in dims]}; "
                                   "give it with --input C,H,W")
            if static[0] != 1:
                dims[0].ClearField("dim_param")
                dims[0].dim_value = 1
        self.input_name = x.name
        c, h, w = (dims[1].dim_value, dims[2].dim_value, dims[3].dim_value)
        self.input_shape = (h, w, c)
        # Intermediate shapes the exporter wrote may have the old size: shape inference recomputes them.
        from onnx import shape_inference
        del g.value_info[:]
        self.consts = {i.name: initializer_value(i) for i in g.initializer}
        self.initializers = set(self.consts)
        # The weights' data, read above, leaves the model: shape inference serialises the whole
        # model at every run (settle runs it several times), and ConvNeXt-L's 800 MB made each run
        # take seconds; a tensor of the weight's shape whose data is never read serves it as well.
        weights = [as_initializer(self.consts[i.name], i.name) for i in g.initializer]
        del g.initializer[:]
        g.initializer.extend(weights)
        try:
            model = shape_inference.infer_shapes(model, strict_mode=True)
        except Exception as e:  # noqa: BLE001
            raise ImportError_(f"{path}: ONNX shape inference fails: {str(e).splitlines()[0]}") from None
        self.transposed = {}           # a folded Transpose of an initializer -> the initializer
        model = self.settle(model, path)
        self.model = model
        g = model.graph
        self.graph = g
        self.users = {}
        for n in g.node:
            for i in list(n.input) + outer_names(n):
                self.users.setdefault(i, []).append(n)
        self.nodes = [Node(name=x.name, op="input", kind="input", shape=self.input_shape)]
        self.tensor = {x.name: 0}      # ONNX tensor name -> IR index
        self.pads = {}                 # output of a Pad -> (its input, pads)
        self.crops = {}                # output of a Slice of height and width -> what it crops
        self.partial_crops = {}        # a Slice of one of them, before the other
        self.chunks = {}
        self.concatenated = {}
        self.parameters = 0
        self.batch_norms = 0
        self.has_bias_made_by_exporter = False
        self.scopes = {}
        # Tensors in channels-last layout (N x H x W x C): a view of the tensor the importer
        # follows, read only by the kinds of CHANNELS_LAST_KINDS.
        self.last = set()
        self.consumed = set()          # nodes read as part of a pattern (a layer norm, a GELU)
        # Constant nodes first: a pattern read ahead (gelu) checks constants written after it.
        for n in g.node:
            if n.op_type == "Constant":
                for name, v in zip(n.output, self.fold(n)):
                    self.consts[name] = np.asarray(v)
        for n in g.node:
            if id(n) not in self.consumed:
                self.node(n)
        self.outputs = []
        for o in g.output:
            if o.name not in self.tensor:
                raise ImportError_(f"{path}: output {o.name} is not a tensor the importer follows")
            self.outputs.append(self.tensor[o.name])
        self.assign_scopes()

    def read_shapes(self, model):
        self.shapes = {}
        g = model.graph
        for vi in list(g.value_info) + list(g.output) + list(g.input):
            t = vi.type.tensor_type
            if t.HasField("shape"):
                self.shapes[vi.name] = [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]

    def settle(self, model, path):
        """Folds the constant subgraphs (shapes read with Shape, computed with Gather, Concat, ...)
        and runs shape inference again on the graph with their values as initializers, until
        nothing more folds: a Reshape or Resize whose target the exporter computes from Shape
        (ShuffleNetV2's channel shuffle, LR-ASPP's upsampling) then has a known output, and so
        has everything after it. The folded nodes leave the graph."""
        from onnx import shape_inference
        self.read_shapes(model)
        for _ in range(16):
            g = model.graph
            folded, keep = [], []
            for n in g.node:
                if n.op_type == "Shape":
                    ready = n.input[0] in self.shapes and None not in self.shapes[n.input[0]]
                else:
                    ready = all((not i) or i in self.consts for i in n.input)
                if n.domain in ("", "ai.onnx") and n.op_type in FOLDABLE and ready:
                    try:
                        values = self.fold(n)
                    except Exception:  # noqa: BLE001 - left to the walk, which says why
                        keep.append(n)
                        continue
                    for name, v in zip(n.output, values):
                        self.consts[name] = np.asarray(v)
                    if n.op_type == "Transpose" and n.input[0] in self.initializers:
                        self.transposed[n.output[0]] = n.input[0]
                    folded.append(n)
                else:
                    keep.append(n)
            if not folded:
                return model
            read = {i for n in keep for i in n.input} | {o.name for o in g.output}
            del g.node[:]
            g.node.extend(keep)
            for n in folded:
                for name in n.output:
                    if name in read and name not in self.initializers:
                        g.initializer.append(as_initializer(self.consts[name], name))
            del g.value_info[:]
            try:
                model = shape_inference.infer_shapes(model, strict_mode=True)
            except Exception as e:  # noqa: BLE001
                raise ImportError_(f"{path}: ONNX shape inference fails: {str(e).splitlines()[0]}") from None
            self.read_shapes(model)
        return model

    # -- helpers
    def where(self, n):
        return f"node {n.name or n.output[0]} ({n.op_type})"

    def fail(self, n, why):
        raise ImportError_(f"{self.where(n)}: {why}")

    def shape_of(self, name, n):
        s = self.shapes.get(name)
        if s is None or any(d is None for d in s):
            self.fail(n, f"the shape of {name} is not known after shape inference")
        if s[0] != 1:
            # The input's batch is set to 1: a node that changes it (a Reshape to [2, -1], a Resize
            # with a scale on the batch) computes something netcount's one-sample tensors cannot hold.
            self.fail(n, f"{name} has shape {s}, a batch of {s[0]}; netcount's tensors hold one sample")
        if len(s) == 4 and name in self.last:
            return (s[1], s[2], s[3])
        if len(s) == 4:
            return (s[2], s[3], s[1])
        if len(s) == 2:
            return (1, 1, s[1])
        self.fail(n, f"{name} has shape {s}; netcount's tensors are N x C x H x W or N x F")

    def inp(self, n, k=0, channels_last=False):
        name = n.input[k]
        if name in self.pads:
            self.fail(n, "reads a Pad, which the importer folds only into a Conv or pool")
        if name not in self.tensor:
            self.fail(n, f"reads {name}, which is not a tensor the importer follows")
        if name in self.last and not channels_last:
            self.fail(n, f"reads {name}, a channels-last tensor (N x H x W x C, transposed); the importer follows "
                      "one through LayerNormalization, MatMul and elementwise operators, and back by a Transpose "
                      "to N x C x H x W")
        return self.tensor[name]

    def refuse_channels_last(self, n, name):
        if name in self.last:
            self.fail(n, f"reads {name}, a channels-last tensor (N x H x W x C, transposed), which the importer "
                      "follows only through LayerNormalization, MatMul and elementwise operators")

    def const(self, n, k, what):
        if k >= len(n.input) or not n.input[k]:
            return None
        name = n.input[k]
        if name not in self.consts:
            self.fail(n, f"its {what} ({name}) is not a constant")
        return self.consts[name]

    def param_name(self, n, k):
        """The module path a weight's name gives (layer1.0.conv1.weight), if it has one."""
        if k < len(n.input):
            name = n.input[k]
            if name.startswith("onnx::"):
                self.has_bias_made_by_exporter = True
                return None
            if "." in name:
                return name.rsplit(".", 1)[0]
        return None

    def add(self, n, kind, args=(), inputs=None, nameable=True, merge=False, parameters=0, path=None, output=None):
        output = output or n.output[0]
        if inputs is None:
            last = n.input[0] in self.last
            if last and kind not in CHANNELS_LAST_KINDS:
                self.inp(n)  # refused, with the message
            inputs = [self.inp(n, channels_last=last)]
            if last:
                self.last.add(output)
        shape = self.shape_of(output, n)
        if kind in ELEMENTWISE.values() and inputs and \
                np.prod(self.nodes[inputs[0]].shape) == np.prod(shape):
            shape = self.nodes[inputs[0]].shape  # the map a left-out flatten would have made N x F
        node = Node(name=n.name or output, op=n.op_type, kind=kind, args=args, inputs=inputs, nameable=nameable,
                    shape=shape, merge=merge, parameters=parameters)
        if path is not None:
            parts = path.split(".")
            node.scope, node.own = tuple(parts[:-1]), parts[-1]
            node.named_scope = True
        else:
            node.named_scope = False
        self.parameters += parameters
        self.nodes.append(node)
        self.tensor[output] = len(self.nodes) - 1
        return node

    # -- constants
    def fold(self, n):
        a = attrs(n)
        op = n.op_type
        ins = [self.consts.get(i) if i else None for i in n.input]
        if op == "Constant":
            import onnx
            import onnx.numpy_helper
            if "value" in a:
                v = onnx.numpy_helper.to_array(a["value"])
            elif "value_int" in a:
                v = np.array(a["value_int"], dtype=np.int64)
            elif "value_ints" in a:
                v = np.array(a["value_ints"], dtype=np.int64)
            elif "value_float" in a:
                v = np.array(a["value_float"], dtype=np.float32)
            elif "value_floats" in a:
                v = np.array(a["value_floats"], dtype=np.float32)
            else:
                self.fail(n, "a Constant of a kind the importer does not read")
            return [v]
        if op == "Shape":
            s = self.shapes.get(n.input[0])
            if s is None or any(d is None for d in s):
                self.fail(n, "the Shape of a tensor whose shape is not static")
            v = np.array(s, dtype=np.int64)
            start, end = a.get("start", 0), a.get("end", None)
            return [v[start:end]]
        if op == "Identity":
            return [ins[0]]
        if op == "Gather":
            return [np.take(ins[0], ins[1], axis=a.get("axis", 0))]
        if op == "Unsqueeze":
            axes = a.get("axes") if "axes" in a else list(ins[1])
            v = ins[0]
            for ax in sorted(int(x) if x >= 0 else int(x) + v.ndim + len(axes) for x in axes):
                v = np.expand_dims(v, ax)
            return [v]
        if op == "Squeeze":
            axes = a.get("axes") if "axes" in a else (list(ins[1]) if len(ins) > 1 and ins[1] is not None else None)
            return [np.squeeze(ins[0], axis=tuple(int(x) for x in axes) if axes is not None else None)]
        if op == "Concat":
            return [np.concatenate([np.atleast_1d(v) for v in ins], axis=a.get("axis", 0))]
        if op == "ConstantOfShape":
            import onnx
            import onnx.numpy_helper
            value = onnx.numpy_helper.to_array(a["value"]) if "value" in a else np.array([0], dtype=np.float32)
            return [np.full(tuple(int(x) for x in ins[0]), value.reshape(-1)[0], dtype=value.dtype)]
        if op == "Slice":
            if "starts" in a:  # opsets before 10: attributes
                data, starts, ends = ins[0], a["starts"], a["ends"]
                axes, steps = a.get("axes", range(len(starts))), [1] * len(starts)
            else:
                data, starts, ends = ins[0], ins[1], ins[2]
                axes = ins[3] if len(ins) > 3 and ins[3] is not None else range(len(starts))
                steps = ins[4] if len(ins) > 4 and ins[4] is not None else [1] * len(starts)
            index = [slice(None)] * data.ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                index[int(ax)] = slice(int(s), int(e), int(st))
            return [data[tuple(index)]]
        if op == "Cast":
            import onnx
            import onnx.numpy_helper
            return [ins[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])]
        if op == "Transpose":
            return [np.transpose(ins[0], a.get("perm"))]
        if op == "Reshape":
            shape = [int(d) for d in ins[1]]
            shape = [ins[0].shape[i] if d == 0 else d for i, d in enumerate(shape)]
            return [ins[0].reshape(shape)]
        if op in ("Add", "Sub", "Mul", "Div", "Equal", "Min", "Max"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Equal": np.equal, "Min": np.minimum,
                 "Max": np.maximum}.get(op)
            if op == "Div":
                r = np.floor_divide(ins[0], ins[1]) if np.issubdtype(ins[0].dtype, np.integer) else ins[0] / ins[1]
                return [r]
            return [f(ins[0], ins[1])]
        if op in ("Floor", "Ceil", "Sqrt", "Neg", "Abs"):
            return [{"Floor": np.floor, "Ceil": np.ceil, "Sqrt": np.sqrt, "Neg": np.negative, "Abs": np.abs}[op](ins[0])]
        if op == "Range":
            return [np.arange(ins[0], ins[1], ins[2])]
        if op == "Where":
            return [np.where(ins[0], ins[1], ins[2])]
        if op == "Expand":
            return [ins[0] * np.ones(tuple(int(x) for x in ins[1]), dtype=ins[0].dtype)]
        self.fail(n, "a constant computation the importer does not evaluate")

    # -- the walk
    def node(self, n):
        op = n.op_type
        if n.domain not in ("", "ai.onnx"):
            self.fail(n, f"an operator of domain {n.domain}: netcount-import reads the standard ONNX operators")
        if op in FOLDABLE and all((not i) or i in self.consts for i in n.input) and (
                op != "Shape" or n.input[0] in self.shapes):
            if op == "Shape" or all((not i) or i in self.consts for i in n.input):
                for name, v in zip(n.output, self.fold(n)):
                    self.consts[name] = np.asarray(v)
                return
        if op == "Shape":
            for name, v in zip(n.output, self.fold(n)):
                self.consts[name] = np.asarray(v)
            return
        if op == "Identity":
            self.tensor[n.output[0]] = self.inp(n)
            return
        a = attrs(n)
        if op == "Transpose":
            return self.transpose(n, a)
        if op == "LayerNormalization":
            return self.layer_norm(n, a)
        if op == "ReduceMean":
            return self.layer_norm_decomposed(n, a)
        if op == "Div":
            return self.gelu(n)
        if op in ("Conv", "ConvTranspose"):
            return self.conv(n, a)
        if op == "Gemm":
            if a.get("transA", 0):
                self.fail(n, "a Gemm with transA is not a layer netcount has")
            # alpha and beta scale the product and the bias, which changes no count; a 0 drops one.
            if a.get("alpha", 1.0) == 0:
                self.fail(n, "a Gemm with alpha 0 does not read its input")
            if a.get("beta", 1.0) == 0 and len(n.input) > 2 and n.input[2]:
                self.fail(n, "a Gemm with beta 0 does not add its bias C: drop C from the model")
            b = self.const(n, 1, "weight")
            if b.ndim != 2:
                self.fail(n, "a Gemm whose weight is not a matrix")
            out = b.shape[0] if a.get("transB", 0) else b.shape[1]
            c = self.const(n, 2, "bias")
            if c is not None and c.size != out:
                self.fail(n, f"a Gemm whose bias has {c.size} values for {out} outputs")
            params = b.size + (c.size if c is not None else 0)
            return self.add(n, "fc", [str(out)] + ([] if c is not None else ["no_bias"]), parameters=params,
                            path=self.param_name(n, 1))
        if op == "MatMul":
            b = self.const(n, 1, "weight")
            src = self.shapes.get(n.input[0])
            if b.ndim == 2 and src is not None and len(src) == 4 and n.input[0] in self.last and b.shape[0] == src[3]:
                # A Linear on channels-last positions (ConvNeXt): netcount's linear; its bias is
                # the Add that follows (merge), as torch.onnx.export writes a Linear of 4-D input.
                return self.add(n, "linear", [str(b.shape[1]), "no_bias"], parameters=b.size,
                                path=self.weight_path(n, 1))
            if b.ndim != 2 or src is None or len(src) != 2:
                self.fail(n, "a MatMul that is not a fully connected layer (an N x F input, a matrix weight), or a "
                          "Linear on the channels of a channels-last tensor")
            return self.add(n, "fc", [str(b.shape[1]), "no_bias"], parameters=b.size, path=self.param_name(n, 1))
        if op == "BatchNormalization":
            scale, bias = self.const(n, 1, "scale"), self.const(n, 2, "bias")
            if a.get("spatial", 1) == 0:
                # Opsets 7 and 8: statistics, scale and shift per position, not per channel.
                self.fail(n, "a BatchNormalization with spatial 0 (a scale per position): netcount's batch_norm "
                          "has one per channel")
            self.batch_norms += 1
            return self.add(n, "batch_norm", nameable=False, parameters=scale.size + bias.size,
                            path=self.param_name(n, 1))
        if op == "InstanceNormalization":
            scale, bias = self.const(n, 1, "scale"), self.const(n, 2, "bias")
            return self.add(n, "instance_norm", ["affine"], nameable=False, parameters=scale.size + bias.size)
        if op == "Clip":
            lo = a.get("min") if "min" in a else self.const(n, 1, "min")
            hi = a.get("max") if "max" in a else self.const(n, 2, "max")
            if lo is not None and hi is not None and float(lo) == 0.0 and float(hi) == 6.0:
                return self.add(n, "relu6", nameable=False)
            self.fail(n, f"a Clip to [{lo}, {hi}]: netcount has relu6, a Clip to [0, 6]")
        if op == "PRelu":
            slope = self.const(n, 1, "slope")
            c = (self.shapes.get(n.input[0]) or [0, 0])[1]
            # One slope, or one per channel ([C, 1, 1], as torch writes it); a slope per position
            # or along the width (ONNX broadcasts [C] along the last axis) is not netcount's prelu.
            shape = list(slope.shape)
            if slope.size != 1 and not (len(shape) >= 3 and shape[-3] == c and slope.size == c):
                self.fail(n, f"a PRelu whose slope has shape {shape}: netcount's prelu has one slope or one per "
                          "channel ([C, 1, 1])")
            return self.add(n, "prelu", ["per_channel"] if slope.size > 1 else [], nameable=False,
                            parameters=slope.size)
        if op in ELEMENTWISE:
            if op == "Softmax":
                rank = len(self.shapes.get(n.input[0]) or [])
                axis = a.get("axis", 1 if self.opset < 13 else -1)
                if not ((rank == 2 and axis in (1, -1)) or (rank == 4 and axis in (1, -3))):
                    self.fail(n, f"a Softmax along axis {axis} of a {rank}-dimensional tensor; netcount's "
                              "softmax runs along the channels")
                if self.opset < 13 and rank == 4 and self.shapes[n.input[0]][2:] != [1, 1]:
                    # Before opset 13 Softmax flattens the axes from `axis` on: over C x H x W at once.
                    self.fail(n, f"a Softmax of opset {self.opset} along axis {axis} runs over channels, height "
                              "and width together (opset 13 made it one axis); netcount's softmax runs along "
                              "the channels")
            return self.add(n, ELEMENTWISE[op], nameable=False)
        if op in ("MaxPool", "AveragePool"):
            return self.pool(n, a)
        if op in ("GlobalAveragePool", "GlobalMaxPool"):
            return self.add(n, "global_avg_pool" if "Average" in op else "global_max_pool", nameable=False)
        if op == "LRN":
            return self.add(n, "lrn", [str(a["size"])], nameable=False)
        if op == "Mul" and len(n.input) == 2 and n.input[0] == n.input[1]:
            return self.local_response_norm(n)
        if op in ("Add", "Sum", "Mul"):
            return self.merge(n, "multiply" if op == "Mul" else "add")
        if op == "Concat":
            rank = len(self.shapes.get(n.output[0]) or [])
            if rank not in (2, 4) or a.get("axis", 0) % rank != 1:
                self.fail(n, f"a Concat along axis {a.get('axis')}; netcount concatenates channels")
            if any(i in self.crops for i in n.input):
                return self.crop_concat(n)
            return self.merge(n, "concat")
        if op == "Flatten":
            if a.get("axis", 1) != 1:
                self.fail(n, f"a Flatten at axis {a.get('axis')}; netcount flattens to N x features")
            return self.flatten(n)
        if op == "Reshape":
            out = self.shapes.get(n.output[0])
            if out is not None and len(out) == 5:
                return self.channel_shuffle(n, out)
            if out is None or len(out) != 2:
                self.fail(n, f"a Reshape to {out} that is not a flatten to N x features")
            return self.flatten(n)
        if op == "Pad":
            mode = a.get("mode", "constant")
            if isinstance(mode, bytes):
                mode = mode.decode()
            pads = a.get("pads") if "pads" in a else self.const(n, 1, "pads")
            pads = [int(p) for p in pads]
            if mode != "constant":
                # reflect and edge copy the input where netcount's padding is zeros.
                self.fail(n, f"a Pad of mode {mode}: netcount's padding is zeros (mode constant)")
            value = a.get("value", 0.0) if self.opset < 11 else self.const(n, 2, "constant value")
            if value is not None and np.any(np.asarray(value) != 0):
                self.fail(n, f"a Pad of the value {np.asarray(value).reshape(-1)[0]}: netcount's padding is zeros")
            if len(pads) != 8 or any(pads[i] for i in (0, 1, 4, 5)):
                self.fail(n, f"a Pad of {pads}: the importer folds a Pad of height and width only")
            users = self.users.get(n.output[0], [])
            if len(users) != 1 or users[0].op_type not in ("Conv", "MaxPool", "AveragePool"):
                self.fail(n, "a Pad not read by one Conv or pool alone, which is where the importer folds it")
            self.pads[n.output[0]] = (n.input[0], [pads[2], pads[3], pads[6], pads[7]], mode)
            return None
        if op in ("Resize", "Upsample"):
            return self.resize(n, a)
        if op == "Split":
            return self.split(n, a)
        if op == "Slice":
            return self.slice(n)
        self.fail(n, f"no netcount layer kind for the ONNX operator {op}")

    def conv(self, n, a):
        source = n.input[0]
        extra = None
        if source in self.pads:
            source, extra, _ = self.pads[source]
        x = self.tensor.get(source)
        if x is None:
            self.fail(n, f"reads {source}, which is not a tensor the importer follows")
        self.refuse_channels_last(n, source)
        w = self.const(n, 1, "weight")
        if w.ndim != 4:
            self.fail(n, "a convolution that is not 2-D")
        b = self.const(n, 2, "bias")
        k = a.get("kernel_shape", list(w.shape[2:]))
        s = a.get("strides", [1, 1])
        d = a.get("dilations", [1, 1])
        g = a.get("group", 1)
        args = hw("kernel", k) + hw("stride", s, 1)
        args += self.padding(n, a, k, s, d, extra)
        args += hw("dilation", d, 1)
        cin = self.nodes[x].shape[2]
        params = w.size + (b.size if b is not None else 0)
        bias = [] if b is not None else ["no_bias"]
        path = self.param_name(n, 1)
        if n.op_type == "ConvTranspose":
            if "output_shape" in a:
                self.fail(n, "a ConvTranspose with output_shape is not supported; export it with output_padding")
            out = w.shape[1] * g
            args = [str(out)] + args + hw("output_padding", a.get("output_padding", [0, 0]), 0)
            if g > 1:
                args.append(f"groups<{g}>")
            return self.add(n, "transposed_conv", args + bias, inputs=[x], parameters=params, path=path)
        out = w.shape[0]
        if g > 1 and g == cin and out % cin == 0:
            mult = out // cin
            return self.add(n, "depthwise_conv", args + ([f"multiplier<{mult}>"] if mult > 1 else []) + bias,
                            inputs=[x], parameters=params, path=path)
        if g > 1:
            args.append(f"groups<{g}>")
        return self.add(n, "conv", [str(out)] + args + bias, inputs=[x], parameters=params, path=path)

    def padding(self, n, a, k, s, d, extra):
        if n.op_type == "ConvTranspose":
            return pad_args(self.transposed_pads(n, a, k, s, d, extra), self.where(n))
        pads = self.pads_of(n, a, k, s, d, extra)
        return ["same"] if pads == "same" else pad_args(pads, self.where(n))

    def transposed_pads(self, n, a, k, s, d, extra):
        """A ConvTranspose's padding, [top, left, bottom, right]: its pads, or for auto_pad SAME the
        padding ONNX's definition gives an output of input x stride (the odd row at the end for
        SAME_UPPER, at the start for SAME_LOWER)."""
        if extra:
            self.fail(n, "a Pad before a ConvTranspose")
        auto = a.get("auto_pad", b"NOTSET")
        auto = auto.decode() if isinstance(auto, bytes) else auto
        if auto not in ("SAME_UPPER", "SAME_LOWER"):
            return [0, 0, 0, 0] if auto == "VALID" else list(a.get("pads", [0, 0, 0, 0]))
        src = self.shapes[n.input[0]]
        begins, ends = [], []
        for size, kk, ss, dd, op in zip(src[2:], k, s, d, a.get("output_padding", [0, 0])):
            total = ss * (size - 1) + op + (kk - 1) * dd + 1 - size * ss
            if total < 0:
                self.fail(n, f"auto_pad {auto} with a kernel of {list(k)} under a stride of {list(s)} would need "
                          "a negative padding (its window is smaller than the stride)")
            small, large = total // 2, total - total // 2
            begins.append(small if auto == "SAME_UPPER" else large)
            ends.append(large if auto == "SAME_UPPER" else small)
        return begins + ends

    def pads_of(self, n, a, k, s, d, extra):
        """The layer's padding, [top, left, bottom, right] with a folded Pad's added, or "same"."""
        auto = a.get("auto_pad", b"NOTSET")
        auto = auto.decode() if isinstance(auto, bytes) else auto
        pads = list(a.get("pads", [0, 0, 0, 0]))
        if auto in ("SAME_UPPER", "SAME_LOWER"):
            if extra:
                self.fail(n, "a Pad before a layer of auto_pad SAME")
            if auto == "SAME_UPPER":
                return "same"
            # SAME_LOWER: the odd pixel at the start; netcount's same puts it at the end.
            src = self.shapes[n.input[0]]
            pads = []
            begins, ends = [], []
            for size, kk, ss, dd in zip(src[2:], k, s, d):
                total = max(0, (-(-size // ss) - 1) * ss + dd * (kk - 1) + 1 - size)
                begins.append(total - total // 2)
                ends.append(total // 2)
            pads = begins + ends
        elif auto == "VALID":
            pads = [0, 0, 0, 0]
        if extra:
            pads = [p + e for p, e in zip(pads, extra)]
        return pads

    def pool(self, n, a):
        source = n.input[0]
        extra = None
        if source in self.pads:
            source, extra, _ = self.pads[source]
        x = self.tensor.get(source)
        if x is None:
            self.fail(n, f"reads {source}, which is not a tensor the importer follows")
        self.refuse_channels_last(n, source)
        k = a["kernel_shape"]
        if len(k) != 2:
            self.fail(n, "a pool that is not 2-D")
        s = a.get("strides", [1, 1])
        d = a.get("dilations", [1, 1])
        args = hw("kernel", k)
        if list(s) != list(k):
            args += hw("stride", s)
        pads = self.pads_of(n, a, k, s, d, extra)
        if pads != "same":
            # netcount's pools take PyTorch's rules (import.random found both): a padding of at
            # most half the kernel, and with ceil_mode no window that starts in the end padding,
            # which ONNX's shape inference does not apply.
            for side, p in zip(("top", "left", "bottom", "right"), pads):
                if 2 * p > k[0 if side in ("top", "bottom") else 1]:
                    self.fail(n, f"a padding of {p} at the {side} beside a kernel of {list(k)}: netcount's pools, "
                              "as PyTorch's, take at most half the kernel")
            out = self.shapes.get(n.output[0])
            src = self.shapes.get(source)
            if a.get("ceil_mode", 0) and out and src and None not in out[2:] and None not in src[2:]:
                for i in range(2):
                    span = src[2 + i] + pads[i] + pads[2 + i] - ((k[i] - 1) * d[i] + 1)
                    want = -(-span // s[i]) + 1
                    if (want - 1) * s[i] >= src[2 + i] + pads[i]:
                        want -= 1
                    if want != out[2 + i]:
                        self.fail(n, f"ceil_mode: ONNX's shape inference gives {out[2 + i]} "
                                  f"{'rows' if i == 0 else 'columns'}, PyTorch's rule (no window starts in the "
                                  f"padding), which netcount follows, {want}")
        args += ["same"] if pads == "same" else pad_args(pads, self.where(n))
        if n.op_type == "MaxPool":
            args += hw("dilation", d, 1)
            if len(n.output) > 1 and n.output[1]:
                self.fail(n, "a MaxPool with indices is not supported")
        if a.get("ceil_mode", 0):
            args.append("ceil_mode")
        return self.add(n, "max_pool" if n.op_type == "MaxPool" else "avg_pool", args, inputs=[x])

    def merge(self, n, kind):
        names = [i for i in n.input if i]
        if len(names) == 2 and sum(i in self.consts for i in names) == 1:
            return self.merge_constant(n, kind, names)
        if any(i in self.consts for i in names):
            self.fail(n, f"{article(n.op_type)} {n.op_type} of a tensor and a constant: netcount merges tensors only")
        inputs = [self.inp(n, k) for k in range(len(n.input)) if n.input[k]]
        if kind == "multiply" and len(inputs) == 2:
            # x * sigmoid(x), as the exporter writes SiLU; x * hardsigmoid(x), as it writes
            # Hardswish below opset 14 (which has HardSwish)
            for k in (0, 1):
                g = self.nodes[inputs[k]]
                if g.kind in ("sigmoid", "hardsigmoid") and g.inputs == [inputs[1 - k]] and \
                        len(self.users.get(n.input[k], [])) == 1 and \
                        (g.kind == "sigmoid" or self.is_hardswish_gate(n.input[k])):
                    g.kind = "silu" if g.kind == "sigmoid" else "hardswish"
                    self.nodes[inputs[k]].shape = self.shape_of(n.output[0], n)
                    self.tensor[n.output[0]] = inputs[k]
                    return None
        if kind == "concat":
            if len(inputs) == 1:
                self.tensor[n.output[0]] = inputs[0]
                return None
            listed = list(inputs)
            best = None
            for i, got in self.concatenated.items():
                if len(got) < len(listed) and listed[:len(got)] == got and \
                        (best is None or len(got) > len(self.concatenated[best])):
                    best = i
            if best is not None:
                inputs = [best] + listed[len(self.concatenated[best]):]
            node = self.add(n, kind, inputs=inputs, nameable=False, merge=True)
            self.concatenated[len(self.nodes) - 1] = listed
            return node
        if len(inputs) == 1:
            self.tensor[n.output[0]] = inputs[0]
            return None
        return self.add(n, kind, inputs=inputs, nameable=False, merge=True)

    def crop_concat(self, n):
        """A Concat of crops (Slice) and tensors of the crops' size: crop_concat of the uncropped
        tensors, which crops every input to the smallest height and width."""
        out = self.shapes.get(n.output[0])
        inputs = []
        for i in n.input:
            source = self.crops.get(i, i)
            if source not in self.tensor:
                self.fail(n, f"reads {i}, which is not a tensor the importer follows")
            if i == source and self.shapes.get(i)[2:] != out[2:]:
                self.fail(n, "a Concat of crops and a tensor larger than them: netcount's crop_concat crops every "
                          "input to the smallest")
            inputs.append(self.tensor[source])
        return self.add(n, "crop_concat", inputs=inputs, nameable=False, merge=True)

    def is_hardswish_gate(self, name):
        """A HardSigmoid of Hardswish's slope and offset (1/6, 1/2; ONNX's default is 0.2): with
        another, x * HardSigmoid(x) is not Hardswish and stays two entries."""
        producer = next((m for m in self.graph.node if name in m.output), None)
        a = attrs(producer) if producer is not None else {}
        return abs(a.get("alpha", 0.2) - 1 / 6) < 1e-6 and abs(a.get("beta", 0.5) - 0.5) < 1e-6

    def merge_constant(self, n, kind, names):
        """A tensor and a constant: the bias of the MatMul before it (a Linear's Add), or a scale of
        one number per channel (ConvNeXt's layer_scale, an initializer of C x 1 x 1)."""
        k = 0 if names[0] in self.consts else 1
        value, x = self.consts[names[k]], names[1 - k]
        if x not in self.tensor:
            self.fail(n, f"reads {x}, which is not a tensor the importer follows")
        src = self.nodes[self.tensor[x]]
        channels = src.shape[2]
        if kind == "add" and src.kind in ("linear", "fc") and "no_bias" in src.args and src.op == "MatMul" and \
                value.size == channels and names[k] in self.initializers and len(self.users.get(x, [])) == 1 and \
                not any(o.name == x for o in self.graph.output):
            src.args.remove("no_bias")
            src.parameters += value.size
            self.parameters += value.size
            self.tensor[n.output[0]] = self.tensor[x]
            if x in self.last:
                self.last.add(n.output[0])
            return None
        if kind == "multiply" and names[k] in self.initializers and value.size == channels and \
                value.shape in (((channels,), (1, channels)) if len(self.shapes.get(x) or []) == 2 else
                                ((channels, 1, 1), (1, channels, 1, 1))) and x not in self.last:
            return self.add(n, "layer_scale", nameable=False, inputs=[self.inp(n, 1 - k)], parameters=value.size,
                            path=self.weight_path(n, k))
        self.fail(n, f"{article(n.op_type)} {n.op_type} of a tensor and a constant of shape {list(value.shape)}: netcount merges tensors; "
                  "the importer reads a constant here only as a Linear's bias after its MatMul or as a learned "
                  "scale of one number per channel (an initializer)")

    def weight_path(self, n, k):
        """The module path of a weight read directly or through a folded Transpose."""
        name = self.transposed.get(n.input[k], n.input[k])
        if "." in name and not name.startswith("onnx::") and not name.startswith("/"):
            return name.rsplit(".", 1)[0]
        return None

    def transpose(self, n, a):
        """Transpose(0, 2, 3, 1) of a tensor to channels-last and (0, 3, 1, 2) back: views of one
        tensor, as ConvNeXt's LayerNorm2d and blocks write them."""
        perm = [int(p) for p in a.get("perm", [])]
        x = n.input[0]
        if perm == [0, 2, 3, 1] and x not in self.last and len(self.shapes.get(x) or []) == 4:
            self.tensor[n.output[0]] = self.inp(n)
            self.last.add(n.output[0])
            return None
        if perm == [0, 3, 1, 2] and x in self.last:
            self.tensor[n.output[0]] = self.inp(n, channels_last=True)
            return None
        self.fail(n, f"a Transpose {perm} of a tensor: the importer reads the channels-last view of a 4-D tensor, "
                  "perm (0, 2, 3, 1), and its way back, (0, 3, 1, 2)")

    def layer_norm(self, n, a):
        """LayerNormalization (opset 17) over the channels of a channels-last tensor or the features
        of an N x F one: netcount's layer_norm, a scale and a shift per channel."""
        rank = len(self.shapes.get(n.input[0]) or [])
        axis = a.get("axis", -1)
        if not ((rank == 4 and n.input[0] in self.last and axis in (-1, 3)) or (rank == 2 and axis in (-1, 1))):
            self.fail(n, f"a LayerNormalization along axis {axis} of a {rank}-dimensional tensor: netcount's layer_norm "
                      "normalizes each position's channels (a channels-last tensor's last axis)")
        scale, bias = self.const(n, 1, "scale"), self.const(n, 2, "bias")
        if bias is None:
            self.fail(n, "a LayerNormalization without a bias: netcount's layer_norm learns a scale and a shift")
        return self.add(n, "layer_norm", nameable=False, parameters=scale.size + bias.size,
                        path=self.weight_path(n, 1))

    def only_user(self, name, op):
        users = self.users.get(name, [])
        if len(users) == 1 and users[0].op_type == op and not any(o.name == name for o in self.graph.output):
            return users[0]
        return None

    def layer_norm_decomposed(self, n, a):
        """ReduceMean over height and width is global_avg_pool. A layer norm as torch.onnx.export
        writes it below opset 17: ReduceMean over the last axis, Sub, Pow 2, ReduceMean, Add
        epsilon, Sqrt, Div, Mul by the scale, Add the shift. The nine nodes are one layer_norm; any
        other ReduceMean is refused."""
        x = n.input[0]
        axes = sorted(int(v) % 4 for v in a.get("axes", []))
        if x not in self.last and len(self.shapes.get(x) or []) == 4 and axes == [2, 3]:
            # x.mean([2, 3]) (MNASNet, ShuffleNetV2): the mean of each channel's map
            return self.add(n, "global_avg_pool", nameable=False)
        why = "a ReduceMean that does not begin a layer norm over a channels-last tensor's channels (ReduceMean, " \
              "Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add); netcount has no mean over part of a tensor"
        if x not in self.last or [int(v) for v in a.get("axes", [])] not in ([-1], [3]):
            self.fail(n, why)
        sub = self.only_user(n.output[0], "Sub")
        if sub is None or list(sub.input) != [x, n.output[0]]:
            self.fail(n, why)
        users = self.users.get(sub.output[0], [])
        pow_ = next((u for u in users if u.op_type == "Pow"), None)
        div = next((u for u in users if u.op_type == "Div"), None)
        if len(users) != 2 or pow_ is None or div is None:
            self.fail(n, why)
        mean2 = self.only_user(pow_.output[0], "ReduceMean")
        add = mean2 and self.only_user(mean2.output[0], "Add")
        sqrt = add and self.only_user(add.output[0], "Sqrt")
        if sqrt is None or self.only_user(sqrt.output[0], "Div") is not div or div.input[0] != sub.output[0]:
            self.fail(n, why)
        mul = self.only_user(div.output[0], "Mul")
        shift = mul and self.only_user(mul.output[0], "Add")
        if shift is None:
            self.fail(n, why + "; without a scale and a shift it is not netcount's layer_norm")
        scale = next((i for i in mul.input if i in self.initializers), None)
        bias = next((i for i in shift.input if i in self.initializers), None)
        channels = self.shapes[x][3]
        if scale is None or bias is None or self.consts[scale].size != channels or self.consts[bias].size != channels:
            self.fail(n, why + "; its scale and shift are not initializers of one number per channel")
        for m in (sub, pow_, mean2, add, sqrt, div, mul, shift):
            self.consumed.add(id(m))
        path = scale.rsplit(".", 1)[0] if "." in scale and not scale.startswith(("onnx::", "/")) else None
        return self.add(n, "layer_norm", nameable=False, parameters=self.consts[scale].size + self.consts[bias].size,
                        path=path, output=shift.output[0])

    def slice(self, n):
        """A Slice of the channels with constant bounds, step 1: slice<begin, end> (ShuffleNetV2's
        x.chunk(2, dim=1) as opset 13 writes it)."""
        starts, ends = self.const(n, 1, "starts"), self.const(n, 2, "ends")
        axes = self.const(n, 3, "axes")
        steps = self.const(n, 4, "steps")
        axes = [0] if axes is None else [int(v) for v in np.ravel(axes)]
        steps = [1] * len(axes) if steps is None else [int(v) for v in np.ravel(steps)]
        if axes and set(a % 4 for a in axes) <= {2, 3} and set(steps) == {1}:
            return self.crop(n, starts, axes)
        if axes not in ([1], [-3]) or steps != [1]:
            self.fail(n, f"a Slice along axes {axes} with steps {steps}: the importer reads a slice of the channels "
                      "with step 1 (slice<begin, end>)")
        x = self.inp(n)
        c = self.nodes[x].shape[2]
        begin, end, _ = slice(int(np.ravel(starts)[0]), int(np.ravel(ends)[0])).indices(c)
        if end <= begin:
            self.fail(n, f"an empty Slice of the channels, [{begin}, {end})")
        return self.add(n, "slice", [str(begin), str(end)], inputs=[x], nameable=False)

    def crop(self, n, starts, axes):
        """Slices of height and width (one Slice, or one per axis) that one Concat reads: a crop
        that netcount's crop_concat makes (U-Net's "copy and crop"), if it is centred as
        crop_concat centres it; the Concat then reads the uncropped tensor."""
        x = n.input[0]
        source, begins = self.partial_crops.get(x, (x, {}))
        if x not in self.partial_crops:
            self.inp(n)
        for axis, b in zip(axes, np.ravel(starts)):
            axis %= 4
            if axis in begins:
                self.fail(n, "a second Slice of the same axis: the importer reads one crop of height and width")
            begins[axis] = slice(int(b), None).indices(self.shapes[x][axis])[0]
        users = self.users.get(n.output[0], [])
        out = self.shapes.get(n.output[0])
        if len(users) == 1 and users[0].op_type == "Slice" and len(begins) == 1:
            self.partial_crops[n.output[0]] = (source, begins)
            return None
        if len(users) != 1 or users[0].op_type != "Concat" or out is None or None in out:
            self.fail(n, "a Slice of height and width that is not a crop one Concat reads (netcount's crop_concat)")
        src = self.shapes[source]
        for axis in (2, 3):
            begin = begins.get(axis, 0)
            if begin != (src[axis] - out[axis]) // 2:
                self.fail(n, f"a crop of {'height' if axis == 2 else 'width'} from {begin} of {src[axis]} to "
                          f"{out[axis]}: netcount's crop_concat centres its crops, from ({src[axis]} - {out[axis]}) / 2 "
                          f"= {(src[axis] - out[axis]) // 2}")
        self.crops[n.output[0]] = source
        return None

    def channel_shuffle(self, n, groups_shape):
        """A channel shuffle as torch.onnx.export writes it: Reshape N x C x H x W to
        N x G x C/G x H x W, Transpose (0, 2, 1, 3, 4), Reshape back: channel_shuffle<G>."""
        x = n.input[0]
        src = self.shapes.get(x)
        why = "a Reshape to 5 dimensions that does not begin a channel shuffle (Reshape to N x G x C/G x H x W, " \
              "Transpose (0, 2, 1, 3, 4), Reshape back to N x C x H x W)"
        if src is None or len(src) != 4 or groups_shape[0] != src[0] or groups_shape[3:] != src[2:] or \
                groups_shape[1] * groups_shape[2] != src[1]:
            self.fail(n, why)
        t = self.only_user(n.output[0], "Transpose")
        back = t and self.only_user(t.output[0], "Reshape")
        if back is None or [int(p) for p in attrs(t).get("perm", [])] != [0, 2, 1, 3, 4] or \
                self.shapes.get(back.output[0]) != src:
            self.fail(n, why)
        for m in (t, back):
            self.consumed.add(id(m))
        return self.add(n, "channel_shuffle", [str(groups_shape[1])], nameable=False, output=back.output[0])

    def local_response_norm(self, n):
        """torch's local_response_norm as torch.onnx.export writes it: x * x, then a subgraph that
        averages it over Size neighbouring channels (Unsqueeze or Reshape, Pad, one AveragePool
        of a kernel Size x 1 (x 1), Squeeze or If, Reshape), times alpha, plus k, to the power
        beta, and x divided by that: lrn<Size>. The subgraph between the square and the Div must
        read nothing but x, the square and constants, and nothing outside may read it; any other
        square of a tensor is refused."""
        x = n.input[0]
        why = "a square of a tensor that does not begin a local response norm (x * x, an AveragePool over the " \
              "channels, Mul, Add, Pow, then x divided by it)"
        region, frontier, end = [], [n], None
        while frontier:
            cur = frontier.pop()
            if id(cur) in {id(r) for r in region}:
                continue
            region.append(cur)
            if len(region) > 64:
                self.fail(n, why)
            if cur.op_type == "Div" and cur.input[0] == x and cur is not n:
                if end is not None and end is not cur:
                    self.fail(n, why)
                end = cur
                continue
            for o in cur.output:
                if any(out.name == o for out in self.graph.output):
                    self.fail(n, why)
                frontier.extend(self.users.get(o, []))
        if end is None:
            self.fail(n, why)
        # nodes that compute from constants alone what the region reads (an If on a constant)
        produced = {o for r in region for o in r.output}
        changed = True
        while changed:
            changed = False
            for m in self.graph.node:
                if id(m) in {id(r) for r in region}:
                    continue
                if any(o in {i for r in region for i in r.input} for o in m.output) and \
                        all((not i) or i in self.consts or i in produced for i in m.input):
                    region.append(m)
                    produced |= set(m.output)
                    changed = True
        inside = {id(r) for r in region}
        for r in region:
            for i in list(r.input) + outer_names(r):
                if i and i != x and i not in self.consts and i not in produced:
                    self.fail(n, why)
            if r is not end:
                for o in r.output:
                    if any(id(u) not in inside for u in self.users.get(o, [])):
                        self.fail(n, why)
        pools = [r for r in region if r.op_type == "AveragePool"]
        kernel = [int(k) for k in attrs(pools[0]).get("kernel_shape", [])] if len(pools) == 1 else []
        if not kernel or any(k != 1 for k in kernel[1:]) or self.shapes.get(end.output[0]) != self.shapes.get(x):
            self.fail(n, why)
        for r in region:
            self.consumed.add(id(r))
        return self.add(n, "lrn", [str(kernel[0])], nameable=False, output=end.output[0])

    def gelu(self, n):
        """GELU as torch.onnx.export writes it (opsets 11 to 17 have no Gelu): Div by sqrt(2), Erf,
        Add 1, Mul by the input, Mul by 0.5. Any other Div of a tensor is refused."""
        why = "a Div of a tensor that does not begin a GELU (Div by sqrt(2), Erf, Add 1, Mul, Mul by 0.5)"
        x = n.input[0]
        root = self.consts.get(n.input[1])
        if x not in self.tensor or root is None or root.size != 1 or abs(float(root.reshape(-1)[0]) - 2 ** 0.5) > 1e-6:
            self.fail(n, why)
        erf = self.only_user(n.output[0], "Erf")
        one = erf and self.only_user(erf.output[0], "Add")
        mul = one and self.only_user(one.output[0], "Mul")
        half = mul and self.only_user(mul.output[0], "Mul")
        if half is None or sorted(mul.input) != sorted([x, one.output[0]]):
            self.fail(n, why)
        constants = [self.consts.get(i) for i in list(one.input) + list(half.input) if i in self.consts]
        if [float(c.reshape(-1)[0]) for c in constants] != [1.0, 0.5]:
            self.fail(n, why)
        for m in (erf, one, mul, half):
            self.consumed.add(id(m))
        return self.add(n, "gelu", nameable=False, output=half.output[0])

    def flatten(self, n):
        x = self.inp(n)
        src = self.nodes[x]
        if src.shape[:2] == (1, 1) or self.only_fc_reads(n.output[0]):
            self.tensor[n.output[0]] = x
            return None
        return self.add(n, "flatten", nameable=False)

    def only_fc_reads(self, name, depth=0):
        """Whether only fully connected layers read the tensor, directly or through elementwise
        operators (AlexNet's Dropout between its flatten and its classifier): netcount's fc
        flattens what it reads, and an elementwise layer counts the same either way."""
        users = self.users.get(name, [])
        if not users or any(o.name == name for o in self.graph.output) or depth > 8:
            return False
        return all(u.op_type in ("Gemm", "MatMul") or (u.op_type in ELEMENTWISE and u.op_type != "Softmax" and
                                                       self.only_fc_reads(u.output[0], depth + 1)) for u in users)

    def resize(self, n, a):
        x = self.inp(n)
        src = self.nodes[x].shape
        out = self.shape_of(n.output[0], n)
        if out[2] != src[2]:
            self.fail(n, "a Resize of the channels")
        if out[0] % src[0] == 0 and out[1] % src[1] == 0:
            fh, fw = out[0] // src[0], out[1] // src[1]
            sizes_given = len(n.input) > 3 and n.input[3]
            if not sizes_given:
                return self.add(n, "upsample", [str(fh)] if fh == fw else [str(fh), str(fw)], nameable=False)
        return self.add(n, "upsample_to", [str(out[0])] if out[0] == out[1] else [str(out[0]), str(out[1])],
                        nameable=False)

    def split(self, n, a):
        axis = a.get("axis", 0)
        if axis not in (1, -3):
            self.fail(n, f"a Split along axis {axis}; netcount splits channels")
        x = self.inp(n)
        c = self.nodes[x].shape[2]
        count = len(n.output)
        sizes = a.get("split") if "split" in a else (self.const(n, 1, "split") if len(n.input) > 1 and n.input[1]
                                                      else None)
        sizes = [c // count] * count if sizes is None else [int(v) for v in sizes]
        begin = 0
        for k, (name, size) in enumerate(zip(n.output, sizes)):
            if all(v == sizes[0] for v in sizes) and sizes[0] * count == c:
                self.add(n, "chunk", [str(k), str(count)], inputs=[x], nameable=False, output=name)
            else:
                self.add(n, "slice", [str(begin), str(begin + size)], inputs=[x], nameable=False, output=name)
            begin += size

    def assign_scopes(self):
        """Nodes without a weight of a module's name take the scope their neighbours share: the
        nearest named node before them (along their first input) and after them (their first
        reader)."""
        before = [()] * len(self.nodes)
        for i, node in enumerate(self.nodes):
            if getattr(node, "named_scope", False):
                before[i] = node.scope
            elif node.inputs:
                before[i] = before[node.inputs[0]]
        users = {}
        for i, node in enumerate(self.nodes):
            for j in node.inputs:
                users.setdefault(j, []).append(i)
        after = [None] * len(self.nodes)
        for i in range(len(self.nodes) - 1, -1, -1):
            node = self.nodes[i]
            if getattr(node, "named_scope", False):
                after[i] = node.scope
            elif users.get(i):
                after[i] = after[users[i][0]]
        for i, node in enumerate(self.nodes):
            if not getattr(node, "named_scope", False):
                b, f = before[i], after[i]
                if f is None:
                    node.scope = b
                else:
                    n = 0
                    while n < min(len(b), len(f)) and b[n] == f[n]:
                        n += 1
                    node.scope = tuple(b[:n])


def load(path, input_chw, auxiliary=()):
    r = Reader(path, input_chw)
    from .graph import mark_heads
    # A node of a head by its weights' module path (its scope) or by the exporter's node name,
    # /AuxLogits/..., which a layer without weights (a pool) has too.
    r.outputs = mark_heads(r.nodes, r.outputs, auxiliary,
                           lambda n, p: str(n.name).startswith("/" + "/".join(p) + "/"))
    notes = []
    if r.batch_norms == 0 and r.has_bias_made_by_exporter:
        notes.append("The export folded batch norms into the convolutions (torch.onnx.export in eval mode): the "
                     "network is counted as exported, with fewer parameters than the PyTorch module; export with "
                     "training=torch.onnx.TrainingMode.PRESERVE to keep them (docs/import.md).")
    shapes = [r.nodes[o].shape for o in r.outputs]
    h, w, c = r.input_shape
    return r.nodes, r.outputs, r.input_shape, r.parameters, shapes, notes, f"{path} (opset {r.opset})"
