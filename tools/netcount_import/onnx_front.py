"""An ONNX model (opsets 11 to 17) as the importer's graph (graph.Node list).

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
ELEMENTWISE = {"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "Dropout": "dropout", "HardSwish": "hardswish",
               "HardSigmoid": "hardsigmoid", "LeakyRelu": "leaky_relu", "Elu": "elu", "Mish": "mish",
               "Softmax": "softmax"}


def attrs(node):
    import onnx
    import onnx.helper
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


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
        import onnx.numpy_helper
        from onnx import shape_inference
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # protobuf's warnings on a file that is not a model
                model = onnx.load(path)
        except FileNotFoundError:
            raise ImportError_(f"{path}: no such file") from None
        except Exception as e:  # noqa: BLE001 - protobuf's message says what is wrong
            raise ImportError_(f"{path}: not an ONNX model ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'unreadable'})") from None
        if not model.graph.node:
            raise ImportError_(f"{path}: not an ONNX model (no graph nodes)")
        onnx_ops.reject_detector(path, model.graph)
        self.path = path
        self.opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0)
        if self.opset and not 11 <= self.opset <= 17:
            raise ImportError_(f"{path}: opset {self.opset}; netcount-import reads opsets 11 to 17")
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
        del g.value_info[:]
        try:
            model = shape_inference.infer_shapes(model, strict_mode=True)
            model = onnx_ops.settle_shapes(model, lambda m: shape_inference.infer_shapes(m, strict_mode=True),
                                           constants)
        except Exception as e:  # noqa: BLE001
            raise ImportError_(f"{path}: ONNX shape inference fails: {str(e).splitlines()[0]}") from None
        self.model = model
        g = model.graph
        self.shapes = {}
        for vi in list(g.value_info) + list(g.output) + list(g.input):
            t = vi.type.tensor_type
            if t.HasField("shape"):
                self.shapes[vi.name] = [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]
        self.consts = {i.name: onnx.numpy_helper.to_array(i) for i in g.initializer}
        self.initializers = set(self.consts)
        self.users = {}
        for n in g.node:
            for i in n.input:
                self.users.setdefault(i, []).append(n)
        self.nodes = [Node(name=x.name, op="input", kind="input", shape=self.input_shape)]
        self.tensor = {x.name: 0}      # ONNX tensor name -> IR index
        self.pads = {}                 # output of a Pad -> (its input, pads)
        self.crops = {}                # output of a Slice of height or width -> (its source, rows and columns)
        self.chunks = {}
        self.concatenated = {}
        self.parameters = 0
        self.batch_norms = 0
        self.has_bias_made_by_exporter = False
        self.scopes = {}
        for n in g.node:
            self.node(n)
        self.outputs = []
        for o in g.output:
            if o.name not in self.tensor:
                raise ImportError_(f"{path}: output {o.name} is not a tensor the importer follows")
            self.outputs.append(self.tensor[o.name])
        self.assign_scopes()

    # -- helpers
    def where(self, n):
        return f"node {n.name or n.output[0]} ({n.op_type})"

    def fail(self, n, why):
        raise ImportError_(f"{self.where(n)}: {why}")

    def shape_of(self, name, n):
        s = self.shapes.get(name)
        if s is None or any(d is None for d in s):
            self.fail(n, f"the shape of {name} is not known after shape inference")
        if len(s) == 4:
            return (s[2], s[3], s[1])
        if len(s) == 2:
            return (1, 1, s[1])
        self.fail(n, f"{name} has shape {s}; netcount's tensors are N x C x H x W or N x F")

    def inp(self, n, k=0):
        name = n.input[k]
        if name in self.pads:
            self.fail(n, "reads a Pad, which the importer folds only into a Conv or pool")
        onnx_ops.check_crop_read(self, n, name)
        if name not in self.tensor:
            self.fail(n, f"reads {name}, which is not a tensor the importer follows")
        return self.tensor[name]

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
        shape = self.shape_of(output, n)
        if inputs is None:
            inputs = [self.inp(n)]
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
        if op in ("Conv", "ConvTranspose"):
            return self.conv(n, a)
        if op == "Gemm":
            if a.get("transA", 0):
                self.fail(n, "a Gemm with transA is not a layer netcount has")
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
            if b.ndim != 2 or src is None or len(src) != 2:
                self.fail(n, "a MatMul that is not a fully connected layer (an N x F input, a matrix weight)")
            return self.add(n, "fc", [str(b.shape[1]), "no_bias"], parameters=b.size, path=self.param_name(n, 1))
        if op == "BatchNormalization":
            scale, bias = self.const(n, 1, "scale"), self.const(n, 2, "bias")
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
            return self.add(n, "prelu", ["per_channel"] if slope.size > 1 else [], nameable=False,
                            parameters=slope.size)
        if op in ELEMENTWISE:
            if op == "Softmax":
                rank = len(self.shapes.get(n.input[0]) or [])
                axis = a.get("axis", 1 if self.opset < 13 else -1)
                if not ((rank == 2 and axis in (1, -1)) or (rank == 4 and axis in (1, -3))):
                    self.fail(n, f"a Softmax along axis {axis} of a {rank}-dimensional tensor; netcount's "
                              "softmax runs along the channels")
            return self.add(n, ELEMENTWISE[op], nameable=False)
        if op in ("MaxPool", "AveragePool"):
            return self.pool(n, a)
        if op in ("GlobalAveragePool", "GlobalMaxPool"):
            return self.add(n, "global_avg_pool" if "Average" in op else "global_max_pool", nameable=False)
        if op == "LRN":
            return self.add(n, "lrn", [str(a["size"])], nameable=False)
        if op in ("Add", "Sum", "Mul"):
            return self.merge(n, "multiply" if op == "Mul" else "add")
        if op == "Concat":
            if a.get("axis") not in (1, -3):
                self.fail(n, f"a Concat along axis {a.get('axis')}; netcount concatenates channels")
            return self.merge(n, "concat")
        if op == "Flatten":
            if a.get("axis", 1) != 1:
                self.fail(n, f"a Flatten at axis {a.get('axis')}; netcount flattens to N x features")
            return self.flatten(n)
        if op == "Reshape":
            out = self.shapes.get(n.output[0])
            if out is None or len(out) != 2:
                self.fail(n, f"a Reshape to {out} that is not a flatten to N x features")
            return self.flatten(n)
        if op == "Pad":
            mode = a.get("mode", "constant")
            if isinstance(mode, bytes):
                mode = mode.decode()
            pads = a.get("pads") if "pads" in a else self.const(n, 1, "pads")
            pads = [int(p) for p in pads]
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
            return onnx_ops.slice_node(self, n)
        self.fail(n, f"no netcount layer kind for the ONNX operator {op}")

    def conv(self, n, a):
        source = n.input[0]
        extra = None
        if source in self.pads:
            source, extra, _ = self.pads[source]
        x = self.tensor.get(source)
        if x is None:
            self.fail(n, f"reads {source}, which is not a tensor the importer follows")
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
        pads = self.pads_of(n, a, k, s, d, extra)
        return ["same"] if pads == "same" else pad_args(pads, self.where(n))

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
        if kind == "concat" and any(i in self.crops for i in names):
            return onnx_ops.crop_concat(self, n)
        if any(i in self.consts for i in names):
            self.fail(n, f"an {n.op_type} of a tensor and a constant: netcount merges tensors only")
        inputs = [self.inp(n, k) for k in range(len(n.input)) if n.input[k]]
        if kind == "multiply" and len(inputs) == 2:
            # x * sigmoid(x), as the exporter writes SiLU
            for k in (0, 1):
                g = self.nodes[inputs[k]]
                if g.kind == "sigmoid" and g.inputs == [inputs[1 - k]] and \
                        len(self.users.get(n.input[k], [])) == 1:
                    g.kind = "silu"
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

    def flatten(self, n):
        x = self.inp(n)
        src = self.nodes[x]
        users = self.users.get(n.output[0], [])
        is_output = any(o.name == n.output[0] for o in self.graph.output)
        if src.shape[:2] == (1, 1) or (users and not is_output and all(u.op_type in ("Gemm", "MatMul") for u in users)):
            self.tensor[n.output[0]] = x
            return None
        return self.add(n, "flatten", nameable=False)

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


def constants(model):
    """The constants the importer evaluates in `model` (onnx_ops.settle_shapes), by name."""
    import onnx.numpy_helper
    r = Reader.__new__(Reader)
    r.consts = {i.name: onnx.numpy_helper.to_array(i) for i in model.graph.initializer}
    r.shapes = {}
    for vi in list(model.graph.value_info) + list(model.graph.output) + list(model.graph.input):
        t = vi.type.tensor_type
        if t.HasField("shape"):
            r.shapes[vi.name] = [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]
    for n in model.graph.node:
        if n.op_type in FOLDABLE and (
                all((not i) or i in r.consts for i in n.input) if n.op_type != "Shape"
                else n.input[0] in r.shapes and None not in r.shapes[n.input[0]]):
            try:
                for name, v in zip(n.output, r.fold(n)):
                    r.consts[name] = np.asarray(v)
            except (ImportError_, ValueError, TypeError, IndexError, KeyError):
                pass  # the walk reports it where a layer reads it
    return r.consts


def load(path, input_chw):
    r = Reader(path, input_chw)
    notes = []
    if r.batch_norms == 0 and r.has_bias_made_by_exporter:
        notes.append("The export folded batch norms into the convolutions (torch.onnx.export in eval mode): the "
                     "network is counted as exported, with fewer parameters than the PyTorch module; export with "
                     "training=torch.onnx.TrainingMode.PRESERVE to keep them (docs/import.md).")
    shapes = [r.nodes[o].shape for o in r.outputs]
    h, w, c = r.input_shape
    return r.nodes, r.outputs, r.input_shape, r.parameters, shapes, notes, f"{path} (opset {r.opset})"
