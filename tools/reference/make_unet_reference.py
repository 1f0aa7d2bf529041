#!/usr/bin/python3
"""Measures U-Net (Ronneberger, Fischer and Brox 2015, Fig. 1) as tools/crosscheck/zoo_models.py's
unet_2015 writes it in torch (torchvision has none), and writes tests/reference/unet.json, the
reference of netcount::zoo::unet (tests/static/zoo_unet.cpp).

Run with Debian's Python, which has PyTorch (python3-torch):

    /usr/bin/python3 tools/reference/make_unet_reference.py [--output PATH]

The module runs in eval mode on a zero tile of batch 1, at the paper's 572 x 572 x 1 and at
396 x 252 x 1 (height x width: 188 + 16k for k = 13 and 4, the sizes at which every 2 x 2 pool
halves an even map, as the paper asks of a tile; not square, and the lowest level 17 x 8), with
a forward hook on every Conv2d and ConvTranspose2d, recorded as make_rcnn_reference.py records
them (a transposed convolution's multiply-accumulates are its weights times its input's
positions, netcount's convention). Besides the totals and the layers:
  - "outputs": the output's shape, [C, H, W];
  - "peak_activations", "live": the peak of netcount's memory schedule (docs/deploy.md) and the
    live elements at every call of those layers, in their order, applied by
    tools/crosscheck/schedule.py to a torch.fx trace of the same module
    (schedule_twins.measure), whose crop-and-stack is one node, as netcount's crop_concat is one
    entry.
"""
import argparse
import json
import sys
from pathlib import Path

import torch
import torch.nn as nn

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "reference" / "unet.json"
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(ROOT / "tools" / "crosscheck"))

import schedule_twins  # noqa: E402  (after the lines above)
import zoo_models  # noqa: E402

SIZES = {"unet": (572, 572), "unet_396x252": (396, 252)}


def measure(model, height, width):
    layers = []

    def hook(module, inputs, output):
        weights = module.weight.numel()
        if isinstance(module, nn.Conv2d):
            kh, kw = module.kernel_size
            macs = kh * kw * (module.in_channels // module.groups) * output.numel()
            kind = "Conv2d"
        else:
            macs = weights * inputs[0].shape[-2] * inputs[0].shape[-1]
            kind = "ConvTranspose2d"
        layers.append({"kind": kind, "out": list(output.shape[1:]), "units": output.numel(), "weights": weights,
                       "bias": module.bias.numel() if module.bias is not None else 0, "macs": macs})

    modules = [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    handles = [m.register_forward_hook(hook) for m in modules]
    model.eval()
    with torch.no_grad():
        output = model(torch.zeros(1, 1, height, width))
    for h in handles:
        h.remove()
    return {
        "input": [1, height, width],
        "params_total": sum(p.numel() for p in model.parameters()),
        "weights_no_bias": sum(l["weights"] for l in layers),
        "bias": sum(l["bias"] for l in layers),
        "macs": sum(l["macs"] for l in layers),
        "units": sum(l["units"] for l in layers),
        "outputs": [list(output.shape[1:])],
        "layers": layers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    result = {
        "source": f"PyTorch {torch.__version__}, tools/crosscheck/zoo_models.py's unet_2015 (from the paper's Fig. 1), "
                  "forward hooks on every Conv2d and ConvTranspose2d, batch 1; tools/reference/make_unet_reference.py",
        "models": {},
    }
    for key, (height, width) in SIZES.items():
        torch.manual_seed(0)
        figures = measure(zoo_models.unet_2015(), height, width)
        figures.update(schedule_twins.measure(zoo_models.unet_2015(), height, width, channels=1))
        result["models"][key] = figures
        print(f"{key}: {len(figures['layers'])} layers, {figures['params_total']} parameters, {figures['macs']} MACs, "
              f"output {figures['outputs'][0]}, peak {figures['peak_activations']}")
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
