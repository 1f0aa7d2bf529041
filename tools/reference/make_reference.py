#!/usr/bin/python3
"""Measures torchvision's models the way tests/reference/torchvision-counts.json does and
writes tests/reference/torchvision-zoo.json, the reference for netcount::zoo.

Run with Debian's Python, which has PyTorch and torchvision (python3-torch,
python3-torchvision):

    /usr/bin/python3 tools/reference/make_reference.py [--output PATH]

Each model is built without pretrained weights and run once on a zero image of batch 1 (224 x
224, or the size INPUTS gives it) with a forward hook on every Conv2d and Linear (a Linear on a
channels-last tensor, as in ConvNeXt, once per position); a segmentation model's output is its
"out" map. A model with an auxiliary head (AUXILIARY) also runs the head where it reads
its input; its layers are marked "auxiliary". The figures of the models that
torchvision-counts.json also holds are checked against it; the script fails if they differ.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

import torch
import torchvision.models as tvm

ROOT = Path(__file__).resolve().parents[2]
GIVEN = ROOT / "tests" / "reference" / "torchvision-counts.json"
OUTPUT = ROOT / "tests" / "reference" / "torchvision-zoo.json"

# The models of netcount::zoo that torchvision defines, under the keys of the reference
# (torchvision's AlexNet is "torchvision_alexnet" there, beside the two-tower original).
MODELS = {
    "torchvision_alexnet": lambda: tvm.alexnet(),
    "vgg11": lambda: tvm.vgg11(),
    "vgg13": lambda: tvm.vgg13(),
    "vgg16": lambda: tvm.vgg16(),
    "vgg19": lambda: tvm.vgg19(),
    "resnet18": lambda: tvm.resnet18(),
    "resnet34": lambda: tvm.resnet34(),
    "resnet50": lambda: tvm.resnet50(),
    "resnet101": lambda: tvm.resnet101(),
    "resnet152": lambda: tvm.resnet152(),
    "mobilenet_v2": lambda: tvm.mobilenet_v2(),
    "squeezenet1_0": lambda: tvm.squeezenet1_0(),
    "squeezenet1_1": lambda: tvm.squeezenet1_1(),
    # Without the auxiliary classifiers, which only run in training; init_weights=False skips
    # a slow truncated-normal initialisation that does not change any count.
    "googlenet": lambda: tvm.googlenet(aux_logits=False, init_weights=False),
    "densenet121": lambda: tvm.densenet121(),
    "resnext50_32x4d": lambda: tvm.resnext50_32x4d(),
    "resnext101_32x8d": lambda: tvm.resnext101_32x8d(),
    "resnext101_64x4d": lambda: tvm.resnext101_64x4d(),
    "wide_resnet50_2": lambda: tvm.wide_resnet50_2(),
    "wide_resnet101_2": lambda: tvm.wide_resnet101_2(),
    "vgg11_bn": lambda: tvm.vgg11_bn(),
    "vgg13_bn": lambda: tvm.vgg13_bn(),
    "vgg16_bn": lambda: tvm.vgg16_bn(),
    "vgg19_bn": lambda: tvm.vgg19_bn(),
    "densenet161": lambda: tvm.densenet161(),
    "densenet169": lambda: tvm.densenet169(),
    "densenet201": lambda: tvm.densenet201(),
    "regnet_x_400mf": lambda: tvm.regnet_x_400mf(),
    "regnet_x_800mf": lambda: tvm.regnet_x_800mf(),
    "regnet_x_1_6gf": lambda: tvm.regnet_x_1_6gf(),
    "regnet_x_3_2gf": lambda: tvm.regnet_x_3_2gf(),
    "regnet_x_8gf": lambda: tvm.regnet_x_8gf(),
    "regnet_x_16gf": lambda: tvm.regnet_x_16gf(),
    "regnet_x_32gf": lambda: tvm.regnet_x_32gf(),
    "regnet_y_400mf": lambda: tvm.regnet_y_400mf(),
    "regnet_y_800mf": lambda: tvm.regnet_y_800mf(),
    "regnet_y_1_6gf": lambda: tvm.regnet_y_1_6gf(),
    "regnet_y_3_2gf": lambda: tvm.regnet_y_3_2gf(),
    "regnet_y_8gf": lambda: tvm.regnet_y_8gf(),
    "regnet_y_16gf": lambda: tvm.regnet_y_16gf(),
    "regnet_y_32gf": lambda: tvm.regnet_y_32gf(),
    "regnet_y_128gf": lambda: tvm.regnet_y_128gf(),
    "mnasnet0_5": lambda: tvm.mnasnet0_5(),
    "mnasnet0_75": lambda: tvm.mnasnet0_75(),
    "mnasnet1_0": lambda: tvm.mnasnet1_0(),
    "mnasnet1_3": lambda: tvm.mnasnet1_3(),
    "shufflenet_v2_x0_5": lambda: tvm.shufflenet_v2_x0_5(),
    "shufflenet_v2_x1_0": lambda: tvm.shufflenet_v2_x1_0(),
    "shufflenet_v2_x1_5": lambda: tvm.shufflenet_v2_x1_5(),
    "shufflenet_v2_x2_0": lambda: tvm.shufflenet_v2_x2_0(),
    "convnext_tiny": lambda: tvm.convnext_tiny(),
    "convnext_small": lambda: tvm.convnext_small(),
    "convnext_base": lambda: tvm.convnext_base(),
    "convnext_large": lambda: tvm.convnext_large(),
    # Without the auxiliary heads (aux_loss=False), and without the ImageNet weights that the
    # backbone would otherwise fetch (weights_backbone=None).
    "fcn_resnet50": lambda: segmentation(tvm.segmentation.fcn_resnet50),
    "fcn_resnet101": lambda: segmentation(tvm.segmentation.fcn_resnet101),
    "deeplabv3_resnet50": lambda: segmentation(tvm.segmentation.deeplabv3_resnet50),
    "deeplabv3_resnet101": lambda: segmentation(tvm.segmentation.deeplabv3_resnet101),
    "deeplabv3_mobilenet_v3_large": lambda: segmentation(tvm.segmentation.deeplabv3_mobilenet_v3_large),
    # lraspp_mobilenet_v3_large has no auxiliary head; aux_loss=False is what it accepts.
    "lraspp_mobilenet_v3_large": lambda: segmentation(tvm.segmentation.lraspp_mobilenet_v3_large),
    "mobilenet_v3_large": lambda: tvm.mobilenet_v3_large(),
    "mobilenet_v3_small": lambda: tvm.mobilenet_v3_small(),
    "efficientnet_b0": lambda: tvm.efficientnet_b0(),
    "efficientnet_b1": lambda: tvm.efficientnet_b1(),
    "efficientnet_b2": lambda: tvm.efficientnet_b2(),
    "efficientnet_b3": lambda: tvm.efficientnet_b3(),
    "efficientnet_b4": lambda: tvm.efficientnet_b4(),
    "efficientnet_b5": lambda: tvm.efficientnet_b5(),
    "efficientnet_b6": lambda: tvm.efficientnet_b6(),
    "efficientnet_b7": lambda: tvm.efficientnet_b7(),
    "efficientnet_v2_s": lambda: tvm.efficientnet_v2_s(),
    "efficientnet_v2_m": lambda: tvm.efficientnet_v2_m(),
    "efficientnet_v2_l": lambda: tvm.efficientnet_v2_l(),
    # With its auxiliary classifier (AUXILIARY below); init_weights=False as for GoogLeNet.
    # Without pretrained weights transform_input is off; on, it would only rescale the input's
    # channels, which counts nothing.
    "inception_v3": lambda: tvm.inception_v3(weights=None, aux_logits=True, init_weights=False),
}

INPUT = (3, 224, 224)  # C, H, W


class SegmentationOut(torch.nn.Module):
    """A segmentation model whose forward returns its "out" map, not the dict of them."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


def segmentation(build):
    return SegmentationOut(build(weights=None, weights_backbone=None, aux_loss=False))

# The models evaluated at another size: torchvision's evaluation sizes where they are not
# 224 x 224 (its weights' crop_size), and its segmentation models at 520 x 520 (the resize_size
# of their weights' transforms).
INPUTS = {
    "fcn_resnet50": (3, 520, 520),
    "fcn_resnet101": (3, 520, 520),
    "deeplabv3_resnet50": (3, 520, 520),
    "deeplabv3_resnet101": (3, 520, 520),
    "deeplabv3_mobilenet_v3_large": (3, 520, 520),
    "lraspp_mobilenet_v3_large": (3, 520, 520),
    "efficientnet_b1": (3, 240, 240),
    "efficientnet_b2": (3, 260, 260),
    "efficientnet_b3": (3, 300, 300),
    "efficientnet_b4": (3, 380, 380),
    "efficientnet_b5": (3, 456, 456),
    "efficientnet_b6": (3, 528, 528),
    "efficientnet_b7": (3, 600, 600),
    "efficientnet_v2_s": (3, 384, 384),
    "efficientnet_v2_m": (3, 480, 480),
    "efficientnet_v2_l": (3, 480, 480),
    "inception_v3": (3, 299, 299),
}

# Auxiliary heads, which torchvision runs only in training, as {model: {module it reads: head}}:
# Inception v3's AuxLogits reads Mixed_6e's output. An eval-mode run (which the units, the
# multiply-accumulates and the output are measured on, as torchvision publishes its figures)
# skips the head; a training-mode run at batch 1 cannot run it (its batch norms see one value
# per channel on its 1 x 1 map). So a hook on the module it reads runs the head in eval mode
# on that module's output: its layers come in the list where torchvision reads the head,
# marked "auxiliary", and count in the weights and biases (they are stored and trained, and
# params_total, every parameter of the module, holds them too) but not in the units and
# multiply-accumulates (inference does not run them). netcount's auxiliary<...> counts so.
AUXILIARY = {
    "inception_v3": {"Mixed_6e": "AuxLogits"},
}

# What torchvision-counts.json's conventions do not say: a Linear on a 4-D tensor.
CHANNELS_LAST_LINEAR = ("a Linear on an N x H x W x C tensor (ConvNeXt's pointwise layers) is applied at "
                        "every position: macs in_features*out_features*H*W, output shape [features, H, W]")


def package_version(package, fallback):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=True).stdout
        return out.split("+")[0].split("-")[0]
    except (OSError, subprocess.CalledProcessError):
        return fallback


def measure(model, size=INPUT, auxiliary=None):
    """Figures of one model on a C x H x W input: totals and, in forward order, every Conv2d
    and Linear; `auxiliary`: its heads, as AUXILIARY gives them."""
    layers = []
    in_heads = set()  # the modules of the auxiliary heads

    def hook(module, _inputs, output):
        out = list(output.shape[1:])
        elements = output.numel()  # batch 1
        weights = module.weight.numel()
        bias = module.bias.numel() if module.bias is not None else 0
        if isinstance(module, torch.nn.Conv2d):
            kh, kw = module.kernel_size
            macs = kh * kw * (module.in_channels // module.groups) * elements
            kind = "Conv2d"
        else:
            # Once per row it is applied to: one for a classifier; one per position for
            # ConvNeXt's pointwise layers, which run on channels-last tensors (N x H x W x C),
            # whose output is written [C, H, W] as a Conv2d's.
            macs = module.in_features * module.out_features * (elements // module.out_features)
            if len(out) == 3:
                out = [out[2], out[0], out[1]]
            kind = "Linear"
        layers.append({"kind": kind, "out": out, "units": elements, "weights": weights,
                       "bias": bias, "macs": macs})
        if module in in_heads:
            layers[-1]["auxiliary"] = True

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]

    def runs_head(head):
        def run(_module, _inputs, output):
            head(output)  # and returns None: the module's output stays what the network reads
        return run

    for reads, head in (auxiliary or {}).items():
        head = model.get_submodule(head)
        in_heads.update(head.modules())
        handles.append(model.get_submodule(reads).register_forward_hook(runs_head(head)))
    model.eval()
    with torch.no_grad():
        output = model(torch.zeros(1, *size))
    for h in handles:
        h.remove()

    runs = [l for l in layers if not l.get("auxiliary")]  # what inference runs
    return {
        "input": list(size),
        "params_total": sum(p.numel() for p in model.parameters()),
        "weights_no_bias": sum(l["weights"] for l in layers),
        "bias": sum(l["bias"] for l in layers),
        "macs": sum(l["macs"] for l in runs),
        "units": sum(l["units"] for l in runs),
        "output": list(output.shape[1:]),
        "layers": layers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    given = json.loads(GIVEN.read_text())
    torch_version = package_version("python3-torch", torch.__version__)
    vision_version = package_version("python3-torchvision", "?")
    result = {
        "source": f"PyTorch {torch_version} / torchvision {vision_version} (Debian python3-torchvision), "
                  "forward hooks on every Conv2d and Linear, batch 1; tools/reference/make_reference.py",
        "conventions": {**given["conventions"], "channels_last_linear": CHANNELS_LAST_LINEAR},
        "models": {},
    }

    disagree = []
    for name, build in MODELS.items():
        torch.manual_seed(0)
        figures = measure(build(), INPUTS.get(name, INPUT), AUXILIARY.get(name))
        result["models"][name] = figures
        if name in given["models"]:
            same = given["models"][name] == figures
            print(f"{name}: {'agrees with' if same else 'DIFFERS FROM'} {GIVEN.name}")
            if not same:
                disagree.append(name)
        else:
            print(f"{name}: {len(figures['layers'])} layers, {figures['params_total']} parameters, "
                  f"{figures['macs']} MACs")

    args.output.write_text(json.dumps(result, indent=1))
    print(f"wrote {args.output}")
    if disagree:
        print(f"models that differ from {GIVEN.name}: {', '.join(disagree)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
