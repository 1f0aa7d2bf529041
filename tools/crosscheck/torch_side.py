"""The PyTorch side of the cross-check: small modules that mirror netcount's blocks, forward
hooks that record what ran, and the figures of one module computed from its parameters.

The figures follow the conventions of tests/reference/torchvision-counts.json:
  conv:            macs = kernel_h * kernel_w * (in_channels / groups) * output elements
  transposed conv: macs = weights * input positions (each input pixel scatters the kernel)
  linear:          macs = in_features * out_features per row it is applied to (one row for
                   netcount's fc, one per position for its linear, on channels-last)
  units:           output elements of Conv2d, ConvTranspose2d and Linear only
  parameters:      numel() of every parameter (the affine pairs of the norms, PReLU's slopes and
                   a layer scale included; running statistics are buffers, not parameters)
Shapes are written as netcount writes them: (height, width, channels); a vector of F
features is (1, 1, F). A module that works on the last dimension of a 4-D tensor (nn.Linear,
and nn.LayerNorm other than torchvision's LayerNorm2d: ConvNeXt's blocks run them on
channels-last tensors) reads and writes N x H x W x C.
"""

import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_flush_denormal(True)  # uninitialized weights may hold denormals, which are slow
# Conv2d(padding='same') with an even kernel pads a copy of its input; expected here.
warnings.filterwarnings("ignore", message="Using padding='same'")

FIGURES = ("units", "weights", "biases", "parameters", "connections")

# The norms, which have parameters only (torchvision's LayerNorm2d is an nn.LayerNorm).
NORMS = (nn.BatchNorm2d, nn.LayerNorm)
# The modules that have weights, and the norms.
COUNTED = (nn.Conv2d, nn.ConvTranspose2d, nn.Linear) + NORMS


def channels_last(module):
    """Whether the module works on the last dimension of its tensors: nn.Linear, and an
    nn.LayerNorm that is not torchvision's LayerNorm2d (which permutes to channels-last and
    back inside its forward)."""
    from torchvision.models.convnext import LayerNorm2d
    return isinstance(module, nn.Linear) or (isinstance(module, nn.LayerNorm) and not isinstance(module, LayerNorm2d))


def hwc(size, last=False):
    """A tensor size at batch 1 as netcount's (height, width, channels); `last`: a 4-D tensor is
    N x H x W x C, not N x C x H x W."""
    dims = tuple(size)[1:]
    if len(dims) == 3:
        return dims if last else (dims[1], dims[2], dims[0])
    if len(dims) == 1:
        return (1, 1, dims[0])
    raise ValueError(f"unexpected tensor size {tuple(size)}")


def counted_core(module):
    """The Conv2d, ConvTranspose2d, Linear or norm inside a module, or None."""
    for m in module.modules():
        if isinstance(m, COUNTED):
            return m
    return None


def figures(module, in_shape, out_shape):
    """units, weights, biases, parameters and connections of one module, given the shapes it
    received and produced (netcount's (h, w, c))."""
    core = counted_core(module)
    f = dict.fromkeys(FIGURES, 0)
    f["parameters"] = sum(p.numel() for p in module.parameters())
    if core is None or isinstance(core, NORMS):
        return f
    out_elements = out_shape[0] * out_shape[1] * out_shape[2]
    weights = core.weight.numel()
    f["weights"] = weights
    f["biases"] = core.bias.numel() if core.bias is not None else 0
    if isinstance(core, nn.Conv2d):
        kh, kw = core.kernel_size
        f["units"] = out_elements
        f["connections"] = kh * kw * (core.in_channels // core.groups) * out_elements
    elif isinstance(core, nn.ConvTranspose2d):
        f["units"] = out_elements
        f["connections"] = weights * in_shape[0] * in_shape[1]
    else:  # Linear, applied to every row of its input (one row, or one per position)
        rows = out_elements // core.out_features
        f["units"] = out_elements
        f["connections"] = core.in_features * core.out_features * rows
    return f


class Recorder:
    """Forward hooks that record, in the order torch runs them, each watched module with the
    shape it received (its first input) and the shape it produced."""

    def __init__(self, modules):
        self.records = []
        self.handles = [m.register_forward_hook(self._hook) for m in modules]

    def _hook(self, module, inputs, output):
        last = channels_last(module)
        self.records.append((module, hwc(inputs[0].shape, last), hwc(output.shape, last)))

    def close(self):
        for h in self.handles:
            h.remove()


def zeros(in_shape, device="cpu"):
    """The model's arguments at batch 1: a tensor of netcount shape (h, w, c), or one per shape of
    a list (a network of several inputs, in order)."""
    shapes = in_shape if isinstance(in_shape, list) else [in_shape]
    return [torch.zeros(1, c, h, w, device=device) for h, w, c in shapes]


def run(model, in_shape, watched, device="cpu"):
    """Runs model at batch 1 on an input of netcount shape (h, w, c) (or on one of each shape
    of a list: zeros()); returns the records of the watched modules. On device "meta" torch
    computes only the shapes (the model must be on that device too)."""
    recorder = Recorder(watched)
    try:
        model.eval()
        with torch.no_grad():
            model(*zeros(in_shape, device))
    finally:
        recorder.close()
    return recorder.records


# Modules that mirror netcount's layers where torch has no single module for them. Tensors
# stay 4-D throughout (a vector is N x F x 1 x 1), so that any layer may follow any other.

class Padded(nn.Module):
    """Explicit (possibly asymmetric) zero padding, then a layer: netcount's pad<T, B, L, R>
    and TensorFlow's `same` where the layer cannot express them itself."""

    def __init__(self, top, bottom, left, right, inner):
        super().__init__()
        self.pad = nn.ZeroPad2d((left, right, top, bottom))
        self.inner = inner

    def forward(self, x):
        return self.inner(self.pad(x))


class Cropped(nn.Module):
    """A transposed convolution without padding, then its output cropped: netcount's
    asymmetric padding of a transposed_conv (padding p removes p rows or columns of output)."""

    def __init__(self, inner, top, bottom, left, right):
        super().__init__()
        self.inner = inner
        self.crop = (top, bottom, left, right)

    def forward(self, x):
        y = self.inner(x)
        t, b, l, r = self.crop
        # max(): a crop of the whole output leaves it empty, not wrapped round by a negative end
        return y[:, :, t:max(t, y.shape[2] - b), l:max(l, y.shape[3] - r)]


class Dense(nn.Module):
    """netcount's fc: flattens whatever it receives."""

    def __init__(self, in_features, out_features, bias):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features, bias=bias)

    def forward(self, x):
        return self.linear(x.flatten(1))[:, :, None, None]


class Pointwise(nn.Module):
    """netcount's linear: nn.Linear on the channels at every position, on the channels-last
    tensor, as ConvNeXt's blocks apply it."""

    def __init__(self, in_features, out_features, bias):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features, bias=bias)

    def forward(self, x):
        return self.linear(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class LayerScale(nn.Module):
    """netcount's layer_scale: a learned scale per channel, as torchvision's CNBlock holds it
    (a C x 1 x 1 parameter)."""

    def __init__(self, channels):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(channels, 1, 1))

    def forward(self, x):
        return x * self.scale


class Chunk(nn.Module):
    """netcount's chunk<Index, Count>: the Index-th of Count slices of the channels."""

    def __init__(self, index, count):
        super().__init__()
        self.index = index
        self.count = count

    def forward(self, x):
        return x.chunk(self.count, 1)[self.index]


class Flat(nn.Module):
    """netcount's flatten: H x W x C becomes 1 x 1 x (H * W * C)."""

    def forward(self, x):
        return x.flatten(1)[:, :, None, None]


# The torch counterparts of user_kinds.hpp's layer kinds. Their roles in the memory schedule are
# what the C++ kinds declare (schedule.py: Crop2d and TransposeHW views, KeepChannels and Widen
# elementwise), whatever torch does with the memory.

class Crop2d(nn.Module):
    """user::crop2d<T, B, L, R>: a slice of the map (a view in torch too)."""

    def __init__(self, top, bottom, left, right):
        super().__init__()
        self.crop = (top, bottom, left, right)

    def forward(self, x):
        t, b, l, r = self.crop
        return x[:, :, t:x.shape[2] - b, l:x.shape[3] - r]


class TransposeHW(nn.Module):
    """user::transpose_hw: height and width swapped."""

    def forward(self, x):
        return x.transpose(2, 3)


class KeepChannels(nn.Module):
    """user::keep_channels<N>: the first N channels."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def forward(self, x):
        return x[:, :self.n]


class Widen(nn.Module):
    """user::widen2<N>: N channels of zeros after the input's."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def forward(self, x):
        return F.pad(x, (0, 0, 0, 0, 0, self.n))


class AddOp(nn.Module):
    def forward(self, *paths):
        out = paths[0]
        for p in paths[1:]:
            out = out + p
        return out


class ConcatOp(nn.Module):
    def forward(self, *paths):
        return torch.cat(paths, 1)


class MulOp(nn.Module):
    """netcount's multiply: broadcast as torch (and NumPy) broadcast."""

    def forward(self, *paths):
        out = paths[0]
        for p in paths[1:]:
            out = out * p
        return out


class CropConcatOp(nn.Module):
    """netcount's crop_concat: each path centre-cropped to the smallest height h and width w among
    them (offsets (H - h) // 2 and (W - w) // 2, as the common U-Net implementations crop), then
    stacked along the channels."""

    def forward(self, *paths):
        h = min(p.shape[2] for p in paths)
        w = min(p.shape[3] for p in paths)
        cropped = []
        for p in paths:
            top, left = (p.shape[2] - h) // 2, (p.shape[3] - w) // 2
            cropped.append(p[:, :, top:top + h, left:left + w])
        return torch.cat(cropped, 1)


class PadConcatOp(nn.Module):
    """netcount's pad_concat: each path zero-padded to the largest height and width among them
    (the odd row or column at the bottom or right, as the padded U-Nets' F.pad), then stacked."""

    def forward(self, *paths):
        h = max(p.shape[2] for p in paths)
        w = max(p.shape[3] for p in paths)
        padded = []
        for p in paths:
            dh, dw = h - p.shape[2], w - p.shape[3]
            padded.append(F.pad(p, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2]))
        return torch.cat(padded, 1)


class Slice(nn.Module):
    """netcount's slice<Begin, End>: the channels [Begin, End), x[:, Begin:End]."""

    def __init__(self, begin, end):
        super().__init__()
        self.begin = begin
        self.end = end

    def forward(self, x):
        return x[:, self.begin:self.end]


class PadChannels(nn.Module):
    """netcount's pad_channels<C>: zero channels appended up to C (ENet's shortcut)."""

    def __init__(self, channels):
        super().__init__()
        self.channels = channels

    def forward(self, x):
        return F.pad(x, [0, 0, 0, 0, 0, self.channels - x.shape[1]])


class MaxOp(nn.Module):
    """user::m1<Paths...>: the elementwise maximum of the paths."""

    def forward(self, *paths):
        out = paths[0]
        for p in paths[1:]:
            out = torch.maximum(out, p)
        return out


class WeightedFusionOp(nn.Module):
    """The crosscheck's merge of its own user::weighted_fusion (user_kinds.hpp): BiFPN's fast
    normalised fusion (Tan, Pang and Le 2020), one learned weight per path."""

    def __init__(self, paths):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(paths))

    def forward(self, *paths):
        w = torch.relu(self.weight)
        w = w / (w.sum() + 1e-4)
        out = w[0] * paths[0]
        for i, p in enumerate(paths[1:], 1):
            out = out + w[i] * p
        return out


class Aux(nn.Module):
    """netcount's auxiliary<...>: a head that reads x and whose output goes nowhere. It runs
    while Aux.running is true (the forward hooks see its layers), and not otherwise: the
    torch.fx trace of the memory schedule is made without it, as inference runs."""

    running = True

    def __init__(self, head):
        super().__init__()
        self.head = head

    def forward(self, x):
        if Aux.running:
            self.head(x)
        return x


class InterpolateTo(nn.Module):
    """upsample_back's interpolation: x to the given height and width (nearest; the mode
    changes no figure). Given the size, not the tensor it comes from, so that the memory
    schedule sees what torchvision's segmentation models do: only x is read."""

    def forward(self, x, size):
        return F.interpolate(x, size=size)


class UpsampleBack(nn.Module):
    """netcount's upsample_back<...>: the inner module, then its output interpolated back to the
    height and width of x, as torchvision's F.interpolate(x, size=input.shape[-2:])."""

    def __init__(self, inner, resize):
        super().__init__()
        self.inner = inner
        self.resize = resize

    def forward(self, x):
        return self.resize(self.inner(x), x.shape[-2:])


class Store(nn.Module):
    """Keeps its input in `tensors` under `key` and passes it on: a tensor that netcount's
    from<"key"> reads later. `tensors` is a dict the model's Store and Fetch modules share.
    torch.fx traces into it (it is no leaf), so it adds no node: the tensor is the node that
    made it."""

    def __init__(self, tensors, key):
        super().__init__()
        self.tensors = tensors
        self.key = key

    def forward(self, x):
        self.tensors[self.key] = x
        return x


class Fetch(nn.Module):
    """netcount's from<"key">: ignores its input and returns the tensor a Store kept under `key`.
    Traced, it returns the stored node itself (torch.fx's proxy), so the trace reads that node
    again, no copy: the schedule sees the graph as it is."""

    def __init__(self, tensors, key):
        super().__init__()
        self.tensors = tensors
        self.key = key

    def forward(self, x):
        return self.tensors[self.key]

    def extra_repr(self):
        return repr(self.key)


class Merge(nn.Module):
    """Every path reads the block's input, in order; then the merge combines their outputs."""

    def __init__(self, paths, op):
        super().__init__()
        self.paths = nn.ModuleList(paths)
        self.op = op

    def forward(self, x):
        return self.op(*[p(x) for p in self.paths])


class uninitialized:
    """Builds modules without initializing their parameters: only their shapes matter here,
    and filling VGG's 138 million weights at random takes seconds."""

    def __enter__(self):
        self.saved = {n: getattr(nn.init, n) for n in dir(nn.init)
                      if n.endswith("_") and not n.startswith("_")}
        for n in self.saved:
            setattr(nn.init, n, lambda tensor, *args, **kwargs: tensor)
        return self

    def __exit__(self, *exc):
        for n, f in self.saved.items():
            setattr(nn.init, n, f)
        return False


class Outputs(nn.Module):
    """netcount's outputs<"a", "b", ...>: ignores its input and returns, as a tuple, the tensors
    the Stores kept under those keys (the very tensors, as Fetch does): a module of several
    outputs, whose torch.fx trace ends in a tuple of the nodes named."""

    def __init__(self, tensors, keys):
        super().__init__()
        self.tensors = tensors
        self.keys = list(keys)

    def forward(self, x):
        return tuple(self.tensors[k] for k in self.keys)

    def extra_repr(self):
        return ", ".join(map(repr, self.keys))


class RoiOp(nn.Module):
    """netcount's roi_align<Height, Width> as the first entry of rois<Count, Height, Width, ...>,
    for counting: Count regions of Height x Width with the map's channels, made from the map it
    reads (an adaptive average pool to Height x Width, repeated Count times along the batch),
    as one batch, as torchvision's RoIAlign gives its boxes' regions. Where the regions lie does
    not change a figure: torchvision.ops.roi_align would give the same shapes."""

    def __init__(self, count, height, width):
        super().__init__()
        self.count, self.size = count, (height, width)

    def forward(self, x):
        return F.adaptive_avg_pool2d(x, self.size).repeat(self.count, 1, 1, 1)

    def extra_repr(self):
        return f"count={self.count}, size={self.size}"


class Inputs(nn.Module):
    """netcount's several inputs, input<H, W, C, name<"a">>, ...: the model takes one tensor per
    input, in order, keeps each in `tensors` under its name (as a Store does: from<"a"> is a
    Fetch of it, which the torch.fx trace sees as the input's placeholder) and runs `body` on
    the last, as netcount's elements after the inputs read the last. Its forward takes the
    tensors as named parameters, one class per count (Inputs2, Inputs3): torch.fx cannot trace
    a forward(*xs) on this Python."""

    def __init__(self, body, tensors, names):
        super().__init__()
        self.body = body
        self.tensors = tensors
        self.names = list(names)

    def run(self, xs):
        for name, x in zip(self.names, xs):
            self.tensors[name] = x
        return self.body(xs[-1])

    def extra_repr(self):
        return ", ".join(map(repr, self.names))


class Inputs2(Inputs):
    def forward(self, x0, x1):
        return self.run((x0, x1))


class Inputs3(Inputs):
    def forward(self, x0, x1, x2):
        return self.run((x0, x1, x2))


def several_inputs(body, tensors, names):
    """The Inputs module of that many inputs."""
    return {2: Inputs2, 3: Inputs3}[len(names)](body, tensors, names)
