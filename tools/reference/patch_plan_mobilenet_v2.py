"""MCUNetV2's patch-based inference of torchvision's MobileNetV2, run patch by patch in PyTorch:
the check of netcount's patch_plan<zoo::mobilenet_v2, "bottleneck3/batch_norm3", 4, 4,
schedule{.in_place_depthwise = true}> (tests/static/patch_plan.cpp), written from the rules of
docs/deploy.md ("Patch-based inference"), not from netcount's code.

features[0:5] (the first conv and the first four inverted residual blocks, up to the 28 x 28 x 32
output of features[4]) run once per patch of a 4 x 4 grid of that output. Each patch's regions are
found backwards, module by module, clipped to the map at every layer; every convolution then runs
on its cropped input with zeros only where the window really meets the map's padding, and the 16
patches put together must equal the whole map computed at once: so the regions are the ones the
patch needs. The multiply-accumulates are counted on the patches as they run (output elements x
kernel area x input channels per group, as netcount counts a conv's connections), the memory by
the schedule of docs/deploy.md over the buffers the patch really allocates.

Run with the Debian python3 (torch 1.13, torchvision 0.14): /usr/bin/python3 <this file>.
Prints, for int8 (a byte an element):
  macs 300774272 -> 328693616 patch stage 119202032
  patch stage peak 162288 whole plan 200704 second stage 200704
"""
import sys

import torch
import torch.nn.functional as F
import torchvision

torch.manual_seed(0)
model = torchvision.models.mobilenet_v2().eval()
# features[0:SPLIT] in GRID_H x GRID_W patches; other splits and grids from the command line
# (split grid_h grid_w), for the tests' other cases.
SPLIT, GRID_H, GRID_W = (int(a) for a in sys.argv[1:4]) if len(sys.argv) > 3 else (5, 4, 4)
# A fourth argument "default": the default schedule (no in-place depthwise), for both stages.
IN_PLACE = not (len(sys.argv) > 4 and sys.argv[4] == "default")


def full_macs(model, x):
    """Conv and Linear multiply-accumulates of a whole run, as netcount's connections."""
    total = 0

    def hook(m, inp, out):
        nonlocal total
        if isinstance(m, torch.nn.Conv2d):
            kh, kw = m.kernel_size
            total += out.numel() * kh * kw * m.in_channels // m.groups
        elif isinstance(m, torch.nn.Linear):
            total += m.in_features * m.out_features

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return total


# The patch stage as a list of operations in the order they run, each with the indices of the
# tensors it reads (-1: the network input): ("conv", module, bn, relu6) then ("add").
ops = []  # (kind, payload, inputs)


def add_conv_bn_act(seq, inp):
    conv, bn = seq[0], seq[1]
    act = len(seq) > 2
    ops.append(("conv", conv, [inp]))
    ops.append(("bn", bn, [len(ops) - 1]))
    if act:
        ops.append(("relu6", None, [len(ops) - 1]))
    return len(ops) - 1


def add_plain_conv(conv, inp):
    ops.append(("conv", conv, [inp]))
    return len(ops) - 1


last = -1
for block in model.features[:SPLIT]:
    if isinstance(block, torchvision.ops.misc.Conv2dNormActivation):
        last = add_conv_bn_act(block, last)
        continue
    layers = list(block.conv)
    block_in = last
    x = block_in
    for layer in layers:
        if isinstance(layer, torchvision.ops.misc.Conv2dNormActivation):
            x = add_conv_bn_act(layer, x)
        elif isinstance(layer, torch.nn.Conv2d):
            x = add_plain_conv(layer, x)
        else:  # the projection's BatchNorm2d
            ops.append(("bn", layer, [x]))
            x = len(ops) - 1
    if block.use_res_connect:
        ops.append(("add", None, [block_in, x]))
        x = len(ops) - 1
    last = x
split = last
assert split == len(ops) - 1

x = torch.randn(1, 3, 224, 224)
with torch.no_grad():
    reference = model.features[:SPLIT](x)
    whole_macs = full_macs(model, x)
H_s, W_s = reference.shape[2], reference.shape[3]

# Map sizes of every tensor, by running the ops whole once.
sizes = {}
with torch.no_grad():
    vals = {-1: x}
    for i, (kind, m, inp) in enumerate(ops):
        a = vals[inp[0]]
        vals[i] = m(a) if kind in ("conv", "bn") else F.relu6(a) if kind == "relu6" else a + vals[inp[1]]
        sizes[i] = tuple(vals[i].shape[1:])
    sizes[-1] = tuple(x.shape[1:])
assert torch.equal(vals[split], reference)


def split_axis(n, parts):
    """torch.tensor_split's cut of n into parts: the first n % parts one longer."""
    q, r = divmod(n, parts)
    bounds, at = [], 0
    for k in range(parts):
        length = q + (1 if k < r else 0)
        bounds.append((at, at + length))
        at += length
    return bounds


def needed(conv, axis, lo, hi, in_extent):
    """Input rows (axis 0) or columns (1) that conv's outputs [lo, hi) read, clipped."""
    k, s, p, d = conv.kernel_size[axis], conv.stride[axis], conv.padding[axis], conv.dilation[axis]
    return max(0, lo * s - p), min(in_extent, (hi - 1) * s - p + (k - 1) * d + 1)


def regions(rows, cols):
    """Every tensor's region (r0, r1, c0, c1) for the split's output patch rows x cols."""
    reg = {split: (*rows, *cols)}
    for i in range(split, -1, -1):
        if i not in reg:
            continue
        r0, r1, c0, c1 = reg[i]
        kind, m, inp = ops[i]
        for f in inp:
            _, h_in, w_in = sizes[f]
            if kind == "conv":
                a0, a1 = needed(m, 0, r0, r1, h_in)
                b0, b1 = needed(m, 1, c0, c1, w_in)
            else:
                a0, a1, b0, b1 = r0, r1, c0, c1
            if f in reg:  # a hull of what every reader needs
                o = reg[f]
                a0, a1, b0, b1 = min(a0, o[0]), max(a1, o[1]), min(b0, o[2]), max(b1, o[3])
            reg[f] = (a0, a1, b0, b1)
    return reg


def run_patch(reg):
    """Runs the ops on their regions; returns the split's patch and the MACs."""
    macs = 0
    r0, r1, c0, c1 = reg[-1]
    vals = {-1: x[:, :, r0:r1, c0:c1]}
    with torch.no_grad():
        for i, (kind, m, inp) in enumerate(ops):
            o = reg[i]
            if kind == "conv":
                f = inp[0]
                src, (a0, a1, b0, b1) = vals[f], reg[f]
                k_h, k_w = m.kernel_size
                s_h, s_w = m.stride
                p_h, p_w = m.padding
                # The window of output o[0] starts at o[0] * s - p: zeros above the region where
                # that is below the map (padding), and the crop of the region from there.
                top, left = o[0] * s_h - p_h, o[2] * s_w - p_w
                bottom, right = (o[1] - 1) * s_h - p_h + k_h, (o[3] - 1) * s_w - p_w + k_w
                pad_top, pad_left = max(0, -top), max(0, -left)
                pad_bottom = max(0, bottom - sizes[f][1])
                pad_right = max(0, right - sizes[f][2])
                crop = src[:, :, max(top, 0) - a0:min(bottom, sizes[f][1]) - a0, max(left, 0) - b0:min(right, sizes[f][2]) - b0]
                crop = F.pad(crop, (pad_left, pad_right, pad_top, pad_bottom))
                out = F.conv2d(crop, m.weight, m.bias, m.stride, 0, m.dilation, m.groups)
                assert out.shape[2:] == (o[1] - o[0], o[3] - o[2]), (i, out.shape, o)
                macs += out.numel() * k_h * k_w * m.in_channels // m.groups
            else:
                # Elementwise ops: each input cropped to the op's region.
                def crop_to(f):
                    a0, _, b0, _ = reg[f]
                    return vals[f][:, :, o[0] - a0:o[1] - a0, o[2] - b0:o[3] - b0]

                a = crop_to(inp[0])
                out = m(a) if kind == "bn" else F.relu6(a) if kind == "relu6" else a + crop_to(inp[1])
            vals[i] = out
    return vals[split], macs


def patch_memory(reg, in_place_depthwise=True):
    """The most live elements while one patch runs, by docs/deploy.md's schedule: the input
    window a buffer; a conv a new buffer; bn and relu6 in place over an input they read last; a
    depthwise conv (groups = channels) in place over an input it reads last, with one output
    channel of scratch; an add a new buffer; a buffer freed after its last reader; the split's
    output kept."""
    def elems(i):
        r0, r1, c0, c1 = reg[i]
        ch = sizes[i][0]
        return ch * (r1 - r0) * (c1 - c0)

    last_reader = {}
    for i, (_, _, inp) in enumerate(ops):
        for f in inp:
            last_reader[f] = i
    last_reader[split] = len(ops)
    buffer_of = {-1: -1}  # the tensor whose buffer holds each tensor
    size_of = {-1: elems(-1)}
    live = {-1}
    peak = 0
    for i, (kind, m, inp) in enumerate(ops):
        f = inp[0]
        scratch = 0
        in_place = False
        if kind in ("bn", "relu6") and last_reader[f] == i:
            in_place = True
        if (kind == "conv" and in_place_depthwise and m.groups == m.in_channels == m.out_channels and
                last_reader[f] == i and elems(i) <= elems(f)):
            in_place, scratch = True, (reg[i][1] - reg[i][0]) * (reg[i][3] - reg[i][2])
        if in_place:
            buffer_of[i] = buffer_of[f]
        else:
            buffer_of[i] = i
            size_of[i] = elems(i)
            live.add(i)
        peak = max(peak, sum(size_of[b] for b in live) + scratch)
        for g in inp:
            if last_reader[g] == i and buffer_of[g] != buffer_of[i]:
                live.discard(buffer_of[g])
    return peak


assembled = torch.zeros_like(reference)
patch_macs = 0
patch_peak = 0
C_s = reference.shape[1]
for rows in split_axis(H_s, GRID_H):
    for cols in split_axis(W_s, GRID_W):
        reg = regions(rows, cols)
        out, m = run_patch(reg)
        assembled[:, :, rows[0]:rows[1], cols[0]:cols[1]] = out
        patch_macs += m
        patch_peak = max(patch_peak, C_s * H_s * W_s + patch_memory(reg, IN_PLACE))
assert torch.allclose(assembled, reference, atol=1e-5), (assembled - reference).abs().max()

whole_stage_macs = 0
with torch.no_grad():
    whole_stage_macs = full_macs(model.features[:SPLIT], x)
print("macs", whole_macs, "->", whole_macs - whole_stage_macs + patch_macs, "patch stage", patch_macs)

# The rest runs on the assembled 28 x 28 x 32 map, whole, under the same schedule: features[5:]
# as ops over whole maps (the split's output, now the input, read by features[5]), then the
# pooling and the classifier (a buffer each; dropout is elementwise in place).
rest_start = len(ops)
last = split
for block in model.features[SPLIT:]:
    if isinstance(block, torchvision.ops.misc.Conv2dNormActivation):
        last = add_conv_bn_act(block, last)
        continue
    block_in = x_ = last
    for layer in block.conv:
        if isinstance(layer, torchvision.ops.misc.Conv2dNormActivation):
            x_ = add_conv_bn_act(layer, x_)
        elif isinstance(layer, torch.nn.Conv2d):
            x_ = add_plain_conv(layer, x_)
        else:
            ops.append(("bn", layer, [x_]))
            x_ = len(ops) - 1
    if block.use_res_connect:
        ops.append(("add", None, [block_in, x_]))
        x_ = len(ops) - 1
    last = x_
with torch.no_grad():
    for i in range(rest_start, len(ops)):
        kind, m, inp = ops[i]
        a = vals[inp[0]]
        vals[i] = m(a) if kind in ("conv", "bn") else F.relu6(a) if kind == "relu6" else a + vals[inp[1]]
        sizes[i] = tuple(vals[i].shape[1:])
whole = {i: (0, sizes[i][1], 0, sizes[i][2]) for i in range(split, len(ops))}
ops_rest = ops[rest_start:]
# The schedule of the second stage over positions split (its input), rest_start, ...
last_reader = {}
for i in range(rest_start, len(ops)):
    for f in ops[i][2]:
        last_reader[f] = i
elems = lambda i: sizes[i][0] * sizes[i][1] * sizes[i][2]
buffer_of, size_of, live, rest_peak = {split: split}, {split: elems(split)}, {split}, 0
for i in range(rest_start, len(ops)):
    kind, m, inp = ops[i]
    f = inp[0]
    scratch, in_place = 0, kind in ("bn", "relu6") and last_reader[f] == i
    if (IN_PLACE and kind == "conv" and m.groups == m.in_channels == m.out_channels and last_reader[f] == i and
            elems(i) <= elems(f)):
        in_place, scratch = True, sizes[i][1] * sizes[i][2]
    buffer_of[i] = buffer_of[f] if in_place else i
    if not in_place:
        size_of[i] = elems(i)
        live.add(i)
    rest_peak = max(rest_peak, sum(size_of[b] for b in live) + scratch)
    for g in inp:
        if last_reader.get(g) == i and buffer_of[g] != buffer_of[i]:
            live.discard(buffer_of[g])
# Pooling: reads 7 x 7 x 1280 (the last relu6 ran in place), writes 1280; dropout in place; the
# classifier reads 1280 and writes 1000. Neither is near the peak.
rest_peak = max(rest_peak, elems(len(ops) - 1) + 1280, 1280 + 1000)
print("patch stage peak", patch_peak, "whole plan", max(patch_peak, rest_peak), "second stage", rest_peak)
