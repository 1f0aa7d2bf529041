#!/usr/bin/env python3
"""The figures of tests/static/fold.cpp: parameters and biases of networks whose batch norms
are folded into the convolution or linear layer before them, by PyTorch's own fusion
(torch.nn.utils.fusion.fuse_conv_bn_eval / fuse_linear_bn_eval, what torch.ao's fuse_modules
uses), checked by running each fused model against the unfused one in eval mode.

Run: /usr/bin/python3 tools/reference/fold_batch_norm.py (python3-torch 1.13, torchvision 0.14).
"""
import copy

import torch
import torchvision
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval, fuse_linear_bn_eval

CONV = (nn.Conv2d, nn.ConvTranspose2d)


def fuse_children(module):
    """Fuses each batch norm registered right after a conv or linear in the same parent (the
    order torchvision's models run them in), replacing it by Identity."""
    names = list(module._modules)
    for i, n in enumerate(names):
        child = module._modules[n]
        before = module._modules[names[i - 1]] if i > 0 else None
        if isinstance(child, (nn.BatchNorm1d, nn.BatchNorm2d)) and isinstance(before, CONV):
            module._modules[names[i - 1]] = fuse_conv_bn_eval(
                before, child, transpose=isinstance(before, nn.ConvTranspose2d))
            module._modules[n] = nn.Identity()
        elif isinstance(child, (nn.BatchNorm1d, nn.BatchNorm2d)) and isinstance(before, nn.Linear):
            module._modules[names[i - 1]] = fuse_linear_bn_eval(before, child)
            module._modules[n] = nn.Identity()
        elif child is not None:
            fuse_children(child)
    return module


class ChannelsLast(nn.Module):
    """nn.Linear or a batch norm over the channels of an N x C x H x W map (netcount's linear)."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return self.inner(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class Hand(nn.Module):
    """tests/static/fold.cpp's `hand`, module for module; `keep_*` are the batch norms that
    have nothing to fold into (after a relu, after an add, after a conv that two read)."""

    def __init__(self):
        super().__init__()
        self.a = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.keep_b = nn.BatchNorm2d(8)
        self.c = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8))
        self.keep_d = nn.BatchNorm2d(8)
        self.e = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1, groups=8, bias=False), nn.BatchNorm2d(8))
        self.f1 = nn.Sequential(nn.Conv2d(8, 4, 1, bias=False), nn.BatchNorm2d(4))
        self.f2 = nn.Conv2d(8, 4, 1)
        self.g = nn.Conv2d(8, 8, 1, bias=False)
        self.aux = nn.Sequential(nn.BatchNorm2d(8), nn.Flatten(), nn.Linear(8 * 8 * 8, 2))  # training only
        self.keep_g = nn.BatchNorm2d(8)
        self.h = nn.Sequential(nn.ConvTranspose2d(8, 4, 2, stride=2, bias=False), nn.BatchNorm2d(4))
        self.i = nn.Sequential(nn.Conv2d(4, 4, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(4))
        self.j = ChannelsLast(nn.Sequential(nn.Linear(4, 6, bias=False), nn.BatchNorm1d(6)))
        self.k = nn.Sequential(nn.Flatten(), nn.Linear(16 * 16 * 6, 10, bias=False), nn.BatchNorm1d(10))

    def forward(self, x):
        x = self.keep_b(self.a(x))
        x = self.keep_d(x + self.c(x))
        x = self.e(x)
        x = torch.cat([self.f1(x), self.f2(x)], 1)
        x = self.keep_g(self.g(x))
        x = self.h(x)
        size = x.shape[-2:]
        x = nn.functional.interpolate(self.i(x), size=size)
        b, c, hh, ww = x.shape
        x = self.j.inner[0](x.permute(0, 2, 3, 1)).reshape(-1, 6)  # BatchNorm1d over positions
        x = self.j.inner[1](x).reshape(b, hh, ww, 6).permute(0, 3, 1, 2)
        return self.k(x)


def figures(model, shape):
    model.eval()
    for m in model.modules():  # statistics that make a wrong fusion visible
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-1, 1)
            m.running_var.uniform_(0.5, 2)
            m.weight.data.uniform_(0.5, 2)
            m.bias.data.uniform_(-1, 1)
    fused = fuse_children(copy.deepcopy(model))
    x = torch.randn(*shape)
    with torch.no_grad():
        diff = (model(x) - fused(x)).abs().max().item()
    assert diff < 1e-3, diff
    params = sum(p.numel() for p in fused.parameters())
    biases = sum(p.numel() for n, p in fused.named_parameters() if n.endswith(".bias") and
                 not isinstance(fused.get_submodule(n.rsplit(".", 1)[0]), (nn.BatchNorm1d, nn.BatchNorm2d)))
    left = sum(1 for m in fused.modules() if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)))
    return sum(p.numel() for p in model.parameters()), params, biases, left


if __name__ == "__main__":
    torch.manual_seed(0)
    for name, model, shape in [("resnet18", torchvision.models.resnet18(), (1, 3, 224, 224)),
                               ("mobilenet_v2", torchvision.models.mobilenet_v2(), (1, 3, 224, 224)),
                               ("hand", Hand(), (2, 3, 8, 8))]:
        before, params, biases, left = figures(model, shape)
        print(f"{name}: parameters {before} -> {params}, biases {biases}, batch norms left {left}")
