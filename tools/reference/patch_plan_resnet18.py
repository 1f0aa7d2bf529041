"""Patch-based inference of torchvision's ResNet-18, run patch by patch in PyTorch: the check of
netcount's patch_plan<zoo::resnet18, "layer2/relu2", ...> (tests/static/patch_plan.cpp), written
from the rules of docs/deploy.md ("Patch-based inference"), not from netcount's code. Beside
patch_plan_mobilenet_v2.py it covers a max pool with padding (padded with -inf, not computed),
residual adds with an identity and with a strided projection, and ReLUs after the adds.

The stem, layer1 and layer2 (up to layer2's last ReLU, 28 x 28 x 128) run once per patch of a
grid of that output; each patch's regions are found backwards, clipped to the map at every layer,
the hull where several ops read a tensor; the patches put together must equal the map computed
whole. Multiply-accumulates are counted as the convolutions run (output elements x kernel area x
input channels), memory by the default schedule of docs/deploy.md on the buffers a patch
allocates (the input window a buffer; conv, pool and add new buffers; bn and relu in place over
an input they read last; a buffer freed after its last reader; the split's output kept) beside
the assembled map. The rest of ResNet-18 is not run: its figures are the whole network's.

  /usr/bin/python3 tools/reference/patch_plan_resnet18.py [grid_h grid_w]
prints for 4 x 4 (and for 3 5):
  macs 1814073344 -> 3661651136 patch stage 2839055552   (3600035328, 2777439744)
  patch stage peak 501376                                (521472)
"""
import sys

import torch
import torch.nn.functional as F
import torchvision

GRID_H, GRID_W = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (4, 4)
torch.manual_seed(0)
model = torchvision.models.resnet18().eval()

ops = []  # (kind, module, inputs): kinds conv, bn, relu, pool, add; input -1 is the image


def op(kind, module, inputs):
    ops.append((kind, module, inputs))
    return len(ops) - 1


x_ = op("conv", model.conv1, [-1])
x_ = op("bn", model.bn1, [x_])
x_ = op("relu", None, [x_])
x_ = op("pool", model.maxpool, [x_])
for layer in (model.layer1, model.layer2):
    for block in layer:
        inp = x_
        y = op("conv", block.conv1, [inp])
        y = op("bn", block.bn1, [y])
        y = op("relu", None, [y])
        y = op("conv", block.conv2, [y])
        y = op("bn", block.bn2, [y])
        if block.downsample is not None:  # after the main path, as torchvision runs it
            s = op("conv", block.downsample[0], [inp])
            s = op("bn", block.downsample[1], [s])
        else:
            s = inp
        y = op("add", None, [y, s])
        x_ = op("relu", None, [y])
split = x_

x = torch.randn(1, 3, 224, 224)
sizes, vals = {-1: tuple(x.shape[1:])}, {-1: x}
with torch.no_grad():
    for i, (kind, m, inp) in enumerate(ops):
        a = vals[inp[0]]
        vals[i] = m(a) if kind in ("conv", "bn", "pool") else F.relu(a) if kind == "relu" else a + vals[inp[1]]
        sizes[i] = tuple(vals[i].shape[1:])
reference = vals[split]
_, H_s, W_s = sizes[split]


def window(m):
    """kernel, stride, padding, dilation pairs of a conv or pool."""
    pair = lambda v: v if isinstance(v, tuple) else (v, v)  # noqa: E731
    return pair(m.kernel_size), pair(m.stride), pair(m.padding), pair(m.dilation)


def split_axis(n, parts):
    q, r = divmod(n, parts)
    bounds, at = [], 0
    for k in range(parts):
        bounds.append((at, at + q + (1 if k < r else 0)))
        at = bounds[-1][1]
    return bounds


def regions(rows, cols):
    reg = {split: (*rows, *cols)}
    for i in range(split, -1, -1):
        if i not in reg:
            continue
        r0, r1, c0, c1 = reg[i]
        kind, m, inp = ops[i]
        for f in inp:
            _, h, w = sizes[f]
            if kind in ("conv", "pool"):
                (kh, kw), (sh, sw), (ph, pw), (dh, dw) = window(m)
                a0, a1 = max(0, r0 * sh - ph), min(h, (r1 - 1) * sh - ph + (kh - 1) * dh + 1)
                b0, b1 = max(0, c0 * sw - pw), min(w, (c1 - 1) * sw - pw + (kw - 1) * dw + 1)
            else:
                a0, a1, b0, b1 = r0, r1, c0, c1
            if f in reg:
                o = reg[f]
                a0, a1, b0, b1 = min(a0, o[0]), max(a1, o[1]), min(b0, o[2]), max(b1, o[3])
            reg[f] = (a0, a1, b0, b1)
    return reg


def run_patch(reg):
    macs = 0
    r0, r1, c0, c1 = reg[-1]
    out = {-1: x[:, :, r0:r1, c0:c1]}
    with torch.no_grad():
        for i, (kind, m, inp) in enumerate(ops):
            o = reg[i]

            def crop_to(f):
                return out[f][:, :, o[0] - reg[f][0]:o[1] - reg[f][0], o[2] - reg[f][2]:o[3] - reg[f][2]]

            if kind in ("conv", "pool"):
                f = inp[0]
                (kh, kw), (sh, sw), (ph, pw), (dh, dw) = window(m)
                top, left = o[0] * sh - ph, o[2] * sw - pw
                bottom, right = (o[1] - 1) * sh - ph + (kh - 1) * dh + 1, (o[3] - 1) * sw - pw + (kw - 1) * dw + 1
                src = out[f][:, :, max(top, 0) - reg[f][0]:min(bottom, sizes[f][1]) - reg[f][0],
                             max(left, 0) - reg[f][2]:min(right, sizes[f][2]) - reg[f][2]]
                pads = (max(0, -left), max(0, right - sizes[f][2]), max(0, -top), max(0, bottom - sizes[f][1]))
                if kind == "conv":
                    y = F.conv2d(F.pad(src, pads), m.weight, m.bias, m.stride, 0, m.dilation, m.groups)
                    macs += y.numel() * kh * kw * m.in_channels // m.groups
                else:
                    y = F.max_pool2d(F.pad(src, pads, value=float("-inf")), m.kernel_size, m.stride, 0, m.dilation)
                assert y.shape[2:] == (o[1] - o[0], o[3] - o[2])
            elif kind == "bn":
                y = m(crop_to(inp[0]))
            elif kind == "relu":
                y = F.relu(crop_to(inp[0]))
            else:
                y = crop_to(inp[0]) + crop_to(inp[1])
            out[i] = y
    return out[split], macs


def patch_memory(reg):
    elems = lambda i: sizes[i][0] * (reg[i][1] - reg[i][0]) * (reg[i][3] - reg[i][2])  # noqa: E731
    last_reader = {}
    for i, (_, _, inp) in enumerate(ops):
        for f in inp:
            last_reader[f] = i
    last_reader[split] = len(ops)
    buffer_of, size_of, live, peak = {-1: -1}, {-1: elems(-1)}, {-1}, 0
    for i, (kind, _, inp) in enumerate(ops):
        f = inp[0]
        if kind in ("bn", "relu") and last_reader[f] == i and elems(f) == elems(i):
            buffer_of[i] = buffer_of[f]
        else:
            buffer_of[i] = i
            size_of[i] = elems(i)
            live.add(i)
        peak = max(peak, sum(size_of[b] for b in live))
        for g in inp:
            if last_reader[g] == i and buffer_of[g] != buffer_of[i]:
                live.discard(buffer_of[g])
    return peak


assembled = torch.zeros_like(reference)
stage_macs, stage_peak = 0, 0
for rows in split_axis(H_s, GRID_H):
    for cols in split_axis(W_s, GRID_W):
        reg = regions(rows, cols)
        y, m = run_patch(reg)
        assembled[:, :, rows[0]:rows[1], cols[0]:cols[1]] = y
        stage_macs += m
        stage_peak = max(stage_peak, reference.numel() + patch_memory(reg))
assert torch.allclose(assembled, reference, atol=1e-5)

# The multiply-accumulates of the whole network and of the stage run whole, by hooks on every
# Conv2d and Linear.
counted = [0]


def hook(m, _, o):
    per = m.kernel_size[0] * m.kernel_size[1] * m.in_channels // m.groups if isinstance(m, torch.nn.Conv2d) else m.in_features
    counted[0] += o.numel() * per


for m in model.modules():
    if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
        m.register_forward_hook(hook)
with torch.no_grad():
    model(x)
    whole = counted[0]
    counted[0] = 0
    y = x
    for part in (model.conv1, model.bn1, model.relu, model.maxpool, model.layer1, model.layer2):
        y = part(y)
    whole_stage = counted[0]
print("macs", whole, "->", whole - whole_stage + stage_macs, "patch stage", stage_macs)
print("patch stage peak", stage_peak)
