#!/usr/bin/python3
"""Measures YOLOv5s and YOLOv8n as Ultralytics builds them, with plain torch modules written here
from their model files, and writes tests/reference/ultralytics-yolo.json, the reference of
netcount::zoo::yolov5s and yolov8n (tests/static/zoo_yolo.cpp).

Ultralytics' packages are not needed (nor installed where netcount's tests run): the modules
below follow, fact for fact, YOLOv5 v6.0+'s models/yolov5s.yaml with models/common.py and
models/yolo.py (Conv, Bottleneck, C3, SPPF, Concat, Detect, parse_model's depth and width
gains) and ultralytics' cfg/models/v8/yolov8.yaml at scale n with nn/modules (Conv, Bottleneck,
C2f, SPPF, Concat, the legacy Detect of v8 and DFL, parse_model's max_channels). Their
parameter counts are checked against Ultralytics' published model summaries, 7,235,389 and
3,157,200, before anything is written.

Run with Debian's Python, which has PyTorch (python3-torch):

    /usr/bin/python3 tools/reference/make_yolo_reference.py [--output PATH]

Each model runs once in eval mode on a zero image of batch 1, at 640 x 640 and at 480 x 640
(height x width: a VGA frame, both multiples of 32), with a forward hook on every Conv2d,
recorded as make_reference.py records torchvision's (output, units, weights, bias, and
multiply-accumulates: kernel x input channels per group x output elements). YOLOv8n's DFL is
one Conv2d(16, 1, 1, bias=False) run once on the box channels of all 8,400 positions seen as
1 x 16 x 4 x 8,400: its row is [1, 4, 8400]. Besides the totals, each model records:
  - "outputs": the shapes of the three outputs, [C, H, W]: YOLOv5's Detect convolutions; for
    YOLOv8n the 4 + 80 channels of each level of the decoded output (the distances of the four
    sides from the DFL and the class scores through a sigmoid, before the anchor arithmetic);
  - "batch_norm_elements": the elements every BatchNorm2d reads, for the GFLOPs of Ultralytics'
    unfused summaries (thop counts 4 operations per element of an affine batch norm);
  - "peak_activations": the peak of netcount's memory schedule (docs/deploy.md), applied by
    tools/crosscheck/schedule.py to a torch.fx trace of the module, on a twin of the module that
    runs its layers in netcount's order: for YOLOv8n, the DFL and the sigmoid level by level and
    side by side (x[:, 16 s:16 s + 16].softmax(1), the same DFL convolution, then a cat with the
    class scores' sigmoid), as zoo/yolo.hpp writes them; the same layers on the same positions
    (schedule_twins.measure);
  - "live": the live elements of that schedule at every Conv2d call of the twin, in its order,
    which is netcount's (YOLOv8n's DFL convolution twelve times, on each side of each level).
"""
import argparse
import json
import math
import sys
from pathlib import Path

import torch
import torch.nn as nn

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "reference" / "ultralytics-yolo.json"
sys.dont_write_bytecode = True
sys.path.insert(0, str(ROOT / "tools" / "crosscheck"))

# Ultralytics' model summaries: every parameter of the torch model, before fusing.
PUBLISHED_PARAMETERS = {"yolov5s": 7_235_389, "yolov8n": 3_157_200}
CLASSES = 80


class Conv(nn.Module):
    """Conv2d without bias padded by k // 2 unless told, BatchNorm2d, SiLU."""

    def __init__(self, c1, c2, k=1, s=1, p=None):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, k, s, k // 2 if p is None else p, bias=False)
        self.bn = nn.BatchNorm2d(c2)
        self.act = nn.SiLU()

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class Bottleneck(nn.Module):
    """Expansion 1.0 (as C3 and C2f build it): cv1 k1 x k1, cv2 3 x 3, the input added back."""

    def __init__(self, c, shortcut, k1):
        super().__init__()
        self.cv1 = Conv(c, c, k1)
        self.cv2 = Conv(c, c, 3)
        self.add = shortcut

    def forward(self, x):
        y = self.cv2(self.cv1(x))
        return x + y if self.add else y


class C3(nn.Module):
    def __init__(self, c1, c2, n, shortcut=True):
        super().__init__()
        c_ = c2 // 2
        self.cv1 = Conv(c1, c_)
        self.cv2 = Conv(c1, c_)
        self.cv3 = Conv(2 * c_, c2)
        self.m = nn.Sequential(*(Bottleneck(c_, shortcut, 1) for _ in range(n)))

    def forward(self, x):
        return self.cv3(torch.cat((self.m(self.cv1(x)), self.cv2(x)), 1))


class C2f(nn.Module):
    def __init__(self, c1, c2, n, shortcut=False):
        super().__init__()
        self.c = c2 // 2
        self.cv1 = Conv(c1, 2 * self.c)
        self.cv2 = Conv((2 + n) * self.c, c2)
        self.m = nn.ModuleList(Bottleneck(self.c, shortcut, 3) for _ in range(n))

    def forward(self, x):
        halves = self.cv1(x).chunk(2, 1)
        y = [halves[0], halves[1]]  # indexed, not unpacked: torch.fx traces it on Python 3.11
        for m in self.m:
            y.append(m(y[-1]))
        return self.cv2(torch.cat(y, 1))


class SPPF(nn.Module):
    def __init__(self, c1, c2, k=5):
        super().__init__()
        c_ = c1 // 2
        self.cv1 = Conv(c1, c_)
        self.cv2 = Conv(4 * c_, c2)
        self.m = nn.MaxPool2d(k, 1, k // 2)

    def forward(self, x):
        x = self.cv1(x)
        y1 = self.m(x)
        y2 = self.m(y1)
        return self.cv2(torch.cat((x, y1, y2, self.m(y2)), 1))


class Concat(nn.Module):
    def forward(self, xs):
        return torch.cat(xs, 1)


class DetectV5(nn.Module):
    """The convolutions of YOLOv5's Detect: 3 anchors x (classes + 5) per level, with bias. The
    decoding after them (sigmoid, grids, anchors) is arithmetic; the anchors are a buffer."""

    def __init__(self, nc, ch):
        super().__init__()
        self.m = nn.ModuleList(nn.Conv2d(c, 3 * (nc + 5), 1) for c in ch)
        self.register_buffer("anchors", torch.zeros(len(ch), 3, 2))

    def forward(self, xs):
        return tuple(m(x) for m, x in zip(self.m, xs))


class DFL(nn.Module):
    """A fixed Conv2d(16, 1, 1, bias=False) over the softmax of each side's 16 bins."""

    def __init__(self, c1=16):
        super().__init__()
        self.conv = nn.Conv2d(c1, 1, 1, bias=False).requires_grad_(False)
        self.conv.weight.data[:] = torch.arange(c1, dtype=torch.float).view(1, c1, 1, 1)
        self.c1 = c1

    def forward(self, x):
        b, _, a = x.shape
        return self.conv(x.view(b, 4, self.c1, a).transpose(2, 1).softmax(1)).view(b, 4, a)


class DetectV8(nn.Module):
    """YOLOv8's Detect (the legacy head of v3/v5/v8/v9 models): per level, cv2 (box: two 3 x 3
    Convs of c2, 1 x 1 to 4 x 16) and cv3 (classes: two 3 x 3 Convs of c3, 1 x 1 to nc),
    concatenated; then every level's 144 channels flattened and concatenated, split, the box
    part through the DFL and the class part through a sigmoid. Returns the decoded 4 + nc
    channels split back into the levels (the anchor arithmetic after the DFL counts nothing).
    per_level: the DFL and sigmoid run level by level and side by side, as netcount writes them."""

    def __init__(self, nc, ch, per_level=False):
        super().__init__()
        self.nc, self.reg_max, self.per_level = nc, 16, per_level
        c2, c3 = max(16, ch[0] // 4, self.reg_max * 4), max(ch[0], min(nc, 100))
        self.cv2 = nn.ModuleList(nn.Sequential(Conv(c, c2, 3), Conv(c2, c2, 3), nn.Conv2d(c2, 4 * self.reg_max, 1))
                                 for c in ch)
        self.cv3 = nn.ModuleList(nn.Sequential(Conv(c, c3, 3), Conv(c3, c3, 3), nn.Conv2d(c3, nc, 1)) for c in ch)
        self.dfl = DFL(self.reg_max)

    def forward(self, xs):
        xs = [torch.cat((b(x), c(x)), 1) for b, c, x in zip(self.cv2, self.cv3, xs)]
        r = self.reg_max
        if self.per_level:
            out = []
            for x in xs:
                sides = [self.dfl.conv(x[:, r * s:r * s + r].softmax(1)) for s in range(4)]
                out.append(torch.cat(sides + [x[:, 4 * r:].sigmoid()], 1))
            return tuple(out)
        b = xs[0].shape[0]
        flat = torch.cat([x.view(b, 4 * r + self.nc, -1) for x in xs], 2)
        box, cls = flat.split((4 * r, self.nc), 1)
        y = torch.cat((self.dfl(box), cls.sigmoid()), 1)
        sizes = [x.shape[2] * x.shape[3] for x in xs]
        return tuple(part.view(b, -1, *x.shape[2:]) for part, x in zip(y.split(sizes, 2), xs))


class Model(nn.Module):
    """Modules in the model file's order, each reading the one before or the indices it names;
    the last one's output is the model's."""

    def __init__(self, rows):
        super().__init__()
        self.model = nn.ModuleList(m for _, m in rows)
        self.sources = [f for f, _ in rows]

    def forward(self, x):
        outputs = []
        for f, m in zip(self.sources, self.model):
            if f != -1:
                x = outputs[f] if isinstance(f, int) else [x if j == -1 else outputs[j] for j in f]
            x = m(x)
            outputs.append(x)
        return x


def make_divisible(x, divisor=8):
    return math.ceil(x / divisor) * divisor


def build(backbone, head, depth, width, max_channels, nc, blocks, detect):
    """parse_model: depth gain on repeats (max(round(n * depth), 1) where n > 1), width gain on
    the channels of Conv, C3, C2f and SPPF (make_divisible(min(c, max_channels) * width, 8)),
    Concat adds its inputs' channels."""
    ch, rows = [3], []
    for i, (f, n, kind, args) in enumerate(backbone + head):
        n = max(round(n * depth), 1) if n > 1 else n
        c1 = ch[f] if isinstance(f, int) else None
        if kind in ("Conv", "SPPF") or kind in blocks:
            c2 = make_divisible(min(args[0], max_channels) * width)
            if kind == "Conv":
                m = Conv(c1, c2, *args[1:])
            elif kind == "SPPF":
                m = SPPF(c1, c2, *args[1:])
            else:
                m = blocks[kind](c1, c2, n, *args[1:])
        elif kind == "Upsample":
            c2, m = c1, nn.Upsample(None, 2, "nearest")
        elif kind == "Concat":
            c2, m = sum(ch[j + 1 if j != -1 else -1] for j in f), Concat()
        else:
            c2, m = None, detect(nc, [ch[j + 1] for j in f])
        rows.append((f, m))
        ch.append(c2)
    return Model(rows)


# models/yolov5s.yaml (v6.0 and later): [from, number, module, args]
YOLOV5_BACKBONE = [
    [-1, 1, "Conv", [64, 6, 2, 2]], [-1, 1, "Conv", [128, 3, 2]], [-1, 3, "C3", [128]],
    [-1, 1, "Conv", [256, 3, 2]], [-1, 6, "C3", [256]], [-1, 1, "Conv", [512, 3, 2]], [-1, 9, "C3", [512]],
    [-1, 1, "Conv", [1024, 3, 2]], [-1, 3, "C3", [1024]], [-1, 1, "SPPF", [1024, 5]],
]
YOLOV5_HEAD = [
    [-1, 1, "Conv", [512, 1, 1]], [-1, 1, "Upsample", []], [[-1, 6], 1, "Concat", []], [-1, 3, "C3", [512, False]],
    [-1, 1, "Conv", [256, 1, 1]], [-1, 1, "Upsample", []], [[-1, 4], 1, "Concat", []], [-1, 3, "C3", [256, False]],
    [-1, 1, "Conv", [256, 3, 2]], [[-1, 14], 1, "Concat", []], [-1, 3, "C3", [512, False]],
    [-1, 1, "Conv", [512, 3, 2]], [[-1, 10], 1, "Concat", []], [-1, 3, "C3", [1024, False]],
    [[17, 20, 23], 1, "Detect", []],
]
# cfg/models/v8/yolov8.yaml
YOLOV8_BACKBONE = [
    [-1, 1, "Conv", [64, 3, 2]], [-1, 1, "Conv", [128, 3, 2]], [-1, 3, "C2f", [128, True]],
    [-1, 1, "Conv", [256, 3, 2]], [-1, 6, "C2f", [256, True]], [-1, 1, "Conv", [512, 3, 2]],
    [-1, 6, "C2f", [512, True]], [-1, 1, "Conv", [1024, 3, 2]], [-1, 3, "C2f", [1024, True]],
    [-1, 1, "SPPF", [1024, 5]],
]
YOLOV8_HEAD = [
    [-1, 1, "Upsample", []], [[-1, 6], 1, "Concat", []], [-1, 3, "C2f", [512]],
    [-1, 1, "Upsample", []], [[-1, 4], 1, "Concat", []], [-1, 3, "C2f", [256]],
    [-1, 1, "Conv", [256, 3, 2]], [[-1, 12], 1, "Concat", []], [-1, 3, "C2f", [512]],
    [-1, 1, "Conv", [512, 3, 2]], [[-1, 9], 1, "Concat", []], [-1, 3, "C2f", [1024]],
    [[15, 18, 21], 1, "Detect", []],
]


def yolov5s():
    return build(YOLOV5_BACKBONE, YOLOV5_HEAD, 0.33, 0.50, math.inf, CLASSES, {"C3": C3}, DetectV5)


def yolov8n(per_level=False):
    return build(YOLOV8_BACKBONE, YOLOV8_HEAD, 0.33, 0.25, 1024, CLASSES, {"C2f": C2f},
                 lambda nc, ch: DetectV8(nc, ch, per_level))


def measure(model, twin, height, width):
    layers, bn_elements = [], [0]

    def conv_hook(module, _inputs, output):
        kh, kw = module.kernel_size
        layers.append({"kind": "Conv2d", "out": list(output.shape[1:]), "units": output.numel(),
                       "weights": module.weight.numel(),
                       "bias": module.bias.numel() if module.bias is not None else 0,
                       "macs": kh * kw * (module.in_channels // module.groups) * output.numel()})

    def bn_hook(_module, inputs, _output):
        bn_elements[0] += inputs[0].numel()

    handles = [m.register_forward_hook(conv_hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    handles += [m.register_forward_hook(bn_hook) for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    model.eval()
    with torch.no_grad():
        outputs = model(torch.zeros(1, 3, height, width))
    for h in handles:
        h.remove()

    import schedule_twins  # tools/crosscheck's schedule.py on the twin's torch.fx trace
    scheduled = schedule_twins.measure(twin, height, width)
    return {
        "input": [3, height, width],
        "params_total": sum(p.numel() for p in model.parameters()),
        "weights_no_bias": sum(l["weights"] for l in layers),
        "bias": sum(l["bias"] for l in layers),
        "macs": sum(l["macs"] for l in layers),
        "units": sum(l["units"] for l in layers),
        "output": list(outputs[0].shape[1:]),
        "outputs": [list(o.shape[1:]) for o in outputs],
        "batch_norm_elements": bn_elements[0],
        "peak_activations": scheduled["peak_activations"],
        "live": scheduled["live"],
        "layers": layers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    builds = {"yolov5s": (yolov5s, yolov5s), "yolov8n": (yolov8n, lambda: yolov8n(per_level=True))}
    result = {
        "source": f"PyTorch {torch.__version__}, torch modules written from Ultralytics' model files "
                  "(tools/reference/make_yolo_reference.py), forward hooks on every Conv2d, batch 1",
        "models": {},
    }
    for name, (make, make_twin) in builds.items():
        for height, width, key in ((640, 640, name), (480, 640, f"{name}_480x640")):
            torch.manual_seed(0)
            figures = measure(make(), make_twin(), height, width)
            if figures["params_total"] != PUBLISHED_PARAMETERS[name]:
                print(f"{key}: {figures['params_total']} parameters, Ultralytics publishes "
                      f"{PUBLISHED_PARAMETERS[name]}", file=sys.stderr)
                return 1
            result["models"][key] = figures
            macs, bn = figures["macs"], figures["batch_norm_elements"]
            print(f"{key}: {len(figures['layers'])} convolutions, {figures['params_total']} parameters, "
                  f"{macs} MACs (2 x MACs = {2 * macs / 1e9:.3f} GFLOPs; with thop's 4 per batch-norm element "
                  f"{2 * (macs + 4 * bn) / 1e9:.3f}), outputs {figures['outputs']}, "
                  f"peak {figures['peak_activations']}")
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
