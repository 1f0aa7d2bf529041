"""A small PyTorch CNN for the tutorial's chapter 8 (docs/tutorial.md): a stem, one residual
block and a classifier. netcount-import turns it into the header the chapter shows:

    tools/netcount-import --torch tiny_net:TinyNet --input 3,32,32 --name tiny_net -o tiny_net.hpp

(run from this directory, or with it on PYTHONPATH). The test docs.tutorial_import checks that the
chapter's header is what the importer writes today.
"""

import torch.nn as nn


class Block(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(y)) + x)


class TinyNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.block = Block(16)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, classes)

    def forward(self, x):
        x = self.block(self.stem(x))
        return self.fc(self.pool(x).flatten(1))
