#!/usr/bin/python3
"""Measures torchvision's two-stage detectors and writes tests/reference/torchvision-rcnn.json,
the reference for the models of netcount/zoo/rcnn.hpp.

Run with Debian's Python, which has PyTorch and torchvision (python3-torch,
python3-torchvision):

    /usr/bin/python3 tools/reference/make_rcnn_reference.py [--output PATH]

Each model is built as torchvision builds it with weights=None, weights_backbone=None (every
batch norm a BatchNorm2d, every layer trainable). Its parameters are every p.numel() of the
model. Its layers with weights (Conv2d, ConvTranspose2d, Linear) are measured with forward
hooks while its parts run as torchvision's GeneralizedRCNN runs them at inference, one image
of batch 1 of the size its transform gives a square image in eval mode (the last of min_size:
800 x 800, or 320 x 320; keypointrcnn_resnet50_fpn trains on 640 to 800 and evaluates at 800;
multiples of the transform's size_divisible, 32, so the batched image is that size):

  - model.backbone (body and pyramid) on a zero image;
  - model.rpn.head on every level the backbone returns (one module: its weights once);
  - model.roi_heads.box_head and box_predictor on a batch of rpn_post_nms_top_n_test regions
    (the model's own: 1,000, or 150 for the 320 model), 256 x 7 x 7 each, the output of its
    box_roi_pool;
  - the mask or keypoint head and predictor on a batch of box_detections_per_img (100)
    regions of 256 x 14 x 14, the output of its mask_roi_pool or keypoint_roi_pool.

The heads run on random region features directly: how many regions survive the RPN's and the
box head's filtering on a real image varies; these counts are the most inference runs, as
torchvision configures it. RoIAlign and the anchors, box decoding and NMS have no weights and
count no multiply-accumulates here.

Conventions as tests/reference/torchvision-counts.json's, with the batch of regions: a layer's
units and macs are over the whole batch (a head's layer on 1,000 regions counts 1,000 times
one region's), its "out" is one region's shape. A ConvTranspose2d, which the other references
lack: weights in_channels * (out_channels / groups) * kh * kw; macs weights * H_in * W_in per
batch element (each input position scatters the whole kernel: netcount's convention for
transposed_conv). weights_no_bias and bias add every module once, however often it runs.

Besides, "peak_activations" and "live": the peak of netcount's memory schedule (docs/deploy.md)
and the live elements at every call of those layers, in the order of "layers", applied by
tools/crosscheck/schedule.py to a torch.fx trace of a twin of the model that runs its modules in
the zoo header's order, the heads on regions that torchvision.ops.roi_align takes of level "0"
(schedule_twins.py says what it changes of torchvision's forward, and why).
"""
import argparse
import json
import sys
from pathlib import Path

import torch

from make_reference import package_version  # the Debian package's version, as every reference says
import torchvision.models.detection as tvd

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import schedule_twins  # noqa: E402  (after the line above)

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "reference" / "torchvision-rcnn.json"

MODELS = {
    name: (lambda name=name: getattr(tvd, name)(weights=None, weights_backbone=None))
    for name in (
        "fasterrcnn_resnet50_fpn",
        "fasterrcnn_resnet50_fpn_v2",
        "fasterrcnn_mobilenet_v3_large_fpn",
        "fasterrcnn_mobilenet_v3_large_320_fpn",
        "maskrcnn_resnet50_fpn",
        "maskrcnn_resnet50_fpn_v2",
        "keypointrcnn_resnet50_fpn",
    )
}

# Also measured on an image that is neither square nor a multiple of the pyramid's strides, under
# the key "<model>_<H>x<W>": what netcount's with_input<Net, H, W> must give (the pyramid's
# interpolations to sizes that are not twice the level above, the RPN head on such levels, the
# pool of level "pool" on an odd map). The 800 models on 599 x 1001 (about 3:5, odd: every
# halving rounds), the 320 model on 319 x 401 (the same at its scale).
OTHER_SIZES = {name: (319, 401) if "_320_" in name else (599, 1001) for name in MODELS}

WEIGHTED = (torch.nn.Conv2d, torch.nn.ConvTranspose2d, torch.nn.Linear)


def measure(model, size=None):
    layers = []

    def hook(module, inputs, output):
        batch = output.shape[0]
        out = list(output.shape[1:])
        elements = output.numel()
        weights = module.weight.numel()
        bias = module.bias.numel() if module.bias is not None else 0
        if isinstance(module, torch.nn.Conv2d):
            kh, kw = module.kernel_size
            macs = kh * kw * (module.in_channels // module.groups) * elements
            kind = "Conv2d"
        elif isinstance(module, torch.nn.ConvTranspose2d):
            h_in, w_in = inputs[0].shape[-2:]
            macs = weights * batch * h_in * w_in
            kind = "ConvTranspose2d"
        else:
            macs = module.in_features * module.out_features * (elements // module.out_features)
            kind = "Linear"
        layers.append({"kind": kind, "out": out, "units": elements, "weights": weights, "bias": bias,
                       "macs": macs})

    modules = [m for m in model.modules() if isinstance(m, WEIGHTED)]
    handles = [m.register_forward_hook(hook) for m in modules]
    # On torch's "meta" device, which computes the shapes without the arithmetic (every figure
    # here is one of shapes): the heads on 1,000 regions took minutes of CPU each.
    model.eval().to("meta")
    if size is None:
        side = model.transform.min_size[-1]  # what GeneralizedRCNNTransform resizes to in eval mode
        assert side % model.transform.size_divisible == 0
        size = (side, side)
    proposals = model.rpn._post_nms_top_n["testing"]
    detections = model.roi_heads.detections_per_img
    heads = model.roi_heads
    outputs = []  # the network's outputs, [C, H, W] each (a region's fully connected output as [N, 1, 1])
    with torch.no_grad():
        features = model.backbone(torch.zeros(1, 3, *size, device="meta"))
        objectness, deltas = model.rpn.head(list(features.values()))
        outputs += [list(t.shape[1:]) for pair in zip(objectness, deltas) for t in pair]
        regions = torch.rand(proposals, model.backbone.out_channels, 7, 7, device="meta")
        scores, boxes = heads.box_predictor(heads.box_head(regions))
        outputs += [[scores.shape[1], 1, 1], [boxes.shape[1], 1, 1]]
        for head, predictor in (("mask_head", "mask_predictor"), ("keypoint_head", "keypoint_predictor")):
            if getattr(heads, head, None) is not None:
                regions = torch.rand(detections, model.backbone.out_channels, 14, 14, device="meta")
                result = getattr(heads, predictor)(getattr(heads, head)(regions))
                outputs.append(list(result.shape[1:]))
    for h in handles:
        h.remove()
    return {
        "input": [3, *size],
        "proposals": proposals,
        "detections": detections,
        "params_total": sum(p.numel() for p in model.parameters()),
        "weights_no_bias": sum(m.weight.numel() for m in modules),
        "bias": sum(m.bias.numel() for m in modules if m.bias is not None),
        "macs": sum(l["macs"] for l in layers),
        "units": sum(l["units"] for l in layers),
        "outputs": outputs,
        "layers": layers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--only", nargs="+", choices=list(MODELS),
                        help="measure these models again and keep the others of the output as they are")
    args = parser.parse_args()
    torch_version = package_version("python3-torch", torch.__version__)
    import torchvision
    vision_version = package_version("python3-torchvision", torchvision.__version__)
    result = {
        "source": f"PyTorch {torch_version} / torchvision {vision_version} (Debian python3-torchvision), "
                  "forward hooks on every Conv2d, ConvTranspose2d and Linear, the heads on their regions "
                  "as one batch; tools/reference/make_rcnn_reference.py",
        "conventions": {
            "params_total": "sum of numel() of all model parameters (BatchNorm2d: weights=None, weights_backbone=None)",
            "weights_no_bias": "conv, transposed conv and linear weight tensors, each module once",
            "bias": "their bias vectors, each module once",
            "macs": "conv: kernel_h*kernel_w*(in_channels/groups)*output_elements; transposed conv: "
                    "weights*H_in*W_in per batch element; linear: in_features*out_features per row; "
                    "every call (the RPN head on every level, a head on every region)",
            "units": "output elements of every call of those layers",
            "outputs": "the RPN's objectness and box deltas per level, then one region's scores, box deltas "
                       "and mask logits or keypoint heatmaps: [C, H, W] each",
            "peak_activations": "the peak of netcount's memory schedule (docs/deploy.md), by "
                                "tools/crosscheck/schedule.py on a torch.fx trace of "
                                "tools/reference/schedule_twins.py's twin of the model",
            "live": "the live elements of that schedule at every call of those layers, in the order of layers",
            "layers": "in the order they run: backbone, pyramid, RPN head per level, box head and predictor "
                      "on rpn_post_nms_top_n_test regions, mask or keypoint head and predictor on "
                      "box_detections_per_img regions; out is one region's [C, H, W] or [features]",
        },
        "models": json.loads(args.output.read_text())["models"] if args.only else {},
    }
    for name, build in MODELS.items():
        if args.only and name not in args.only:
            continue
        torch.manual_seed(0)
        figures = measure(build())
        figures.update(schedule_twins.two_stage(build(), *figures["input"][1:]))
        result["models"][name] = figures
        print(f"{name}: {len(figures['layers'])} layers, {figures['params_total']} parameters, "
              f"{figures['macs']} MACs")
        if name in OTHER_SIZES:
            h, w = OTHER_SIZES[name]
            torch.manual_seed(0)
            figures = measure(build(), (h, w))
            figures.update(schedule_twins.two_stage(build(), h, w))
            result["models"][f"{name}_{h}x{w}"] = figures
            print(f"{name} at {h} x {w}: {figures['macs']} MACs")
    args.output.write_text(json.dumps(result, indent=1))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
