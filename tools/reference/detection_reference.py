#!/usr/bin/python3
"""Measures torchvision's one-stage detectors and writes tests/reference/torchvision-detection.json,
the reference for their netcount::zoo models (tests/static/zoo_detection.cpp).

Run with Debian's Python, which has PyTorch and torchvision (python3-torch,
python3-torchvision):

    /usr/bin/python3 tools/reference/detection_reference.py [--output PATH]

Each model is built as torchvision 0.14 builds it with weights=None and weights_backbone=None
(so nn.BatchNorm2d in the ResNet and every layer trainable: _validate_trainable_layers gives 5
when nothing is pretrained, and torchvision picks FrozenBatchNorm2d only for pretrained
weights). What inference runs on one image is the backbone (with its FPN or extra layers) and
the head: both are called directly, in eval mode, on a zero tensor of batch 1 at the size the
network sees after torchvision's transform (800 x 800, 300 x 300, 320 x 320), and at a
non-square size, with a forward hook on every Conv2d and Linear. The transform (resize and
normalisation) and the post-processing (anchors, box decoding, NMS) have no such layers.

Figures, as in torchvision-zoo.json (make_reference.py), with what sharing changes:
  - params_total: every parameter of the whole model, sum of numel() (buffers are not).
  - weights_no_bias, bias: the weights and biases of every Conv2d and Linear that runs, each
    module once, however many levels it runs on (RetinaNet's and FCOS's heads run on five).
  - macs, units: every call: kernel_h * kernel_w * in_channels / groups * output elements, and
    the output elements, summed over every level a module runs on.
  - layers: every call, in the order torch runs them.
  - outputs: the head's maps per level, [C, H, W] each, in the order of the dict the head
    returns (RetinaNet and FCOS: cls_logits, then bbox_regression (and FCOS's bbox_ctrness), each
    over the levels; SSD and SSDlite: bbox_regression, then cls_logits), before torchvision
    reshapes them to anchors.
  - peak_activations, live: the peak of netcount's memory schedule (docs/deploy.md) and the live
    elements at every Conv2d call, in the order of "layers", applied by
    tools/crosscheck/schedule.py to a torch.fx trace of a twin of the model that runs
    torchvision's modules in the zoo header's order and returns its outputs
    (schedule_twins.py says what it changes of torchvision's forward, and why).
"""
import argparse
import json
import sys
from pathlib import Path

import torch

from make_reference import package_version  # the Debian package's version, as every reference says
from torchvision.models import detection

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import schedule_twins  # noqa: E402  (after the line above)

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "reference" / "torchvision-detection.json"


def build(constructor):
    return lambda: getattr(detection, constructor)(weights=None, weights_backbone=None)


# The head's modules whose every call gives an output map, in the order of the dict the head
# returns (a ModuleList: each of its modules, one per level).
RETINANET = ["head.classification_head.cls_logits", "head.regression_head.bbox_reg"]
FCOS = ["head.classification_head.cls_logits", "head.regression_head.bbox_reg", "head.regression_head.bbox_ctrness"]
SSD = ["head.regression_head.module_list", "head.classification_head.module_list"]

# key: (constructor, input C x H x W, output modules). The first size of a model is the one the
# network sees after torchvision's transform (GeneralizedRCNNTransform: min_size 800 for
# RetinaNet and FCOS, a fixed 300 x 300 or 320 x 320 for SSD and SSDlite), square; the second a
# non-square one, for with_input. RetinaNet's and FCOS's, 600 x 1000, is not a multiple of 32
# (the transform pads to one): the FPN interpolates 19 x 32 to 38 x 63 and 38 x 63 to 75 x 125,
# by size, not by a factor of 2.
MODELS = {
    "retinanet_resnet50_fpn": ("retinanet_resnet50_fpn", (3, 800, 800), RETINANET),
    "retinanet_resnet50_fpn_600x1000": ("retinanet_resnet50_fpn", (3, 600, 1000), RETINANET),
    "retinanet_resnet50_fpn_v2": ("retinanet_resnet50_fpn_v2", (3, 800, 800), RETINANET),
    "retinanet_resnet50_fpn_v2_600x1000": ("retinanet_resnet50_fpn_v2", (3, 600, 1000), RETINANET),
    "fcos_resnet50_fpn": ("fcos_resnet50_fpn", (3, 800, 800), FCOS),
    "fcos_resnet50_fpn_600x1000": ("fcos_resnet50_fpn", (3, 600, 1000), FCOS),
    "ssd300_vgg16": ("ssd300_vgg16", (3, 300, 300), SSD),
    "ssd300_vgg16_300x500": ("ssd300_vgg16", (3, 300, 500), SSD),
    "ssdlite320_mobilenet_v3_large": ("ssdlite320_mobilenet_v3_large", (3, 320, 320), SSD),
    "ssdlite320_mobilenet_v3_large_320x480": ("ssdlite320_mobilenet_v3_large", (3, 320, 480), SSD),
}

CONVENTIONS = {
    "params_total": "sum of numel() of all the model's parameters (conv weights and biases, batch-norm and "
                    "group-norm affine weight and bias, SSD's scale_weight; buffers are not counted)",
    "weights_no_bias": "conv and linear weight tensors that inference runs, each module once however many "
                       "levels it runs on",
    "bias": "conv and linear bias vectors, each module once",
    "macs": "conv: kernel_h*kernel_w*(in_channels/groups)*output_elements, summed over every call (every level "
            "a shared head runs on); linear: in_features*out_features",
    "units": "output elements of every Conv2d and Linear call",
    "layers": "every Conv2d and Linear call of model.backbone(x) then model.head(features), in the order torch "
              "runs them: output shape [C, H, W], units, weights, bias, macs",
    "outputs": "the head's maps per level, [C, H, W], in the order of the dict the head returns, before "
               "torchvision reshapes them to anchors",
    "peak_activations": "the peak of netcount's memory schedule (docs/deploy.md), by tools/crosscheck/schedule.py "
                        "on a torch.fx trace of tools/reference/schedule_twins.py's twin of the model",
    "live": "the live elements of that schedule at every Conv2d call, in the order of layers",
}


def measure(model, size, output_modules):
    layers = []
    seen = set()  # modules already counted in the weights and biases
    weights = bias = 0
    outputs = {name: [] for name in output_modules}

    def hook(module, _inputs, output):
        nonlocal weights, bias
        elements = output.numel()  # batch 1
        w = module.weight.numel()
        b = module.bias.numel() if module.bias is not None else 0
        if isinstance(module, torch.nn.Conv2d):
            kh, kw = module.kernel_size
            macs = kh * kw * (module.in_channels // module.groups) * elements
            kind = "Conv2d"
        else:
            macs = module.in_features * module.out_features * (elements // module.out_features)
            kind = "Linear"
        layers.append({"kind": kind, "out": list(output.shape[1:]), "units": elements, "weights": w, "bias": b,
                       "macs": macs})
        if module not in seen:
            seen.add(module)
            weights += w
            bias += b

    def records(name):
        def record(_module, _inputs, output):
            outputs[name].append(list(output.shape[1:]))
        return record

    runs = [model.backbone, model.head]
    handles = [m.register_forward_hook(hook) for part in runs for m in part.modules()
               if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]
    for name in output_modules:
        module = model.get_submodule(name)
        # A ModuleList (SSD's heads) holds one module per level; each of its calls is an output.
        for m in (module if isinstance(module, torch.nn.ModuleList) else [module]):
            handles.append(m.register_forward_hook(records(name)))
    model.eval()
    with torch.no_grad():
        features = model.backbone(torch.zeros(1, *size))
        model.head(list(features.values()))
    for h in handles:
        h.remove()

    return {
        "input": list(size),
        "params_total": sum(p.numel() for p in model.parameters()),
        "weights_no_bias": weights,
        "bias": bias,
        "macs": sum(l["macs"] for l in layers),
        "units": sum(l["units"] for l in layers),
        "outputs": [shape for name in output_modules for shape in outputs[name]],
        "layers": layers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    torch_version = package_version("python3-torch", torch.__version__)
    import torchvision
    vision_version = package_version("python3-torchvision", torchvision.__version__)
    result = {
        "source": f"PyTorch {torch_version} / torchvision {vision_version} (Debian python3-torchvision), "
                  "model.backbone then model.head with forward hooks on every Conv2d and Linear, batch 1; "
                  "tools/reference/detection_reference.py",
        "conventions": CONVENTIONS,
        "models": {},
    }
    for key, (constructor, size, output_modules) in MODELS.items():
        torch.manual_seed(0)
        figures = measure(build(constructor)(), size, output_modules)
        figures.update(schedule_twins.one_stage(constructor, build(constructor)(), *size[1:]))
        if len(figures["live"]) != len(figures["layers"]):
            print(f"{key}: the twin runs {len(figures['live'])} Conv2d calls, the model {len(figures['layers'])}")
            return 1
        result["models"][key] = figures
        print(f"{key}: {len(figures['layers'])} calls, {figures['params_total']} parameters, "
              f"{figures['macs']} MACs, {len(figures['outputs'])} outputs")
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
