#!/usr/bin/python3
"""The PyTorch route to AlexNet's counts, as a user would take it: build torchvision's
alexnet, hook every Conv2d and Linear, run one 224 x 224 image through it, and sum.

    /usr/bin/python3 bench/pytorch_alexnet.py

Prints the weights (no biases), biases and multiply-accumulates. bench/run.py times it.
"""

import torch
import torchvision

model = torchvision.models.alexnet()  # random initialization; no download
model.eval()

totals = {"weights": 0, "biases": 0, "macs": 0}


def count(module, inputs, output):
    weights = module.weight.numel()
    totals["weights"] += weights
    totals["biases"] += module.bias.numel() if module.bias is not None else 0
    # A conv applies its weights at every output position; a linear layer once.
    positions = output.shape[2] * output.shape[3] if isinstance(module, torch.nn.Conv2d) else 1
    totals["macs"] += weights * positions


for module in model.modules():
    if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
        module.register_forward_hook(count)

with torch.no_grad():
    model(torch.zeros(1, 3, 224, 224))

print(f"weights {totals['weights']} biases {totals['biases']} macs {totals['macs']}")
