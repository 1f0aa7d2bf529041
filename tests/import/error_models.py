"""PyTorch modules netcount-import must reject (check_errors.py)."""

import torch
import torch.nn as nn


class WithLSTMCell(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.cell = nn.LSTMCell(4 * 6 * 6, 8)

    def forward(self, x):
        return self.cell(self.conv(x).flatten(1))[0]


def with_lstm_cell():
    return WithLSTMCell()


class PadReadTwice(nn.Module):
    """A zero padding read by two convolutions: the importer folds a padding into the one
    Conv2d or pool that reads it, so it must refuse this."""

    def __init__(self):
        super().__init__()
        self.pad = nn.ZeroPad2d(1)
        self.a = nn.Conv2d(3, 4, 3)
        self.b = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        y = self.pad(x)
        return self.a(y) + self.b(y)


def pad_read_twice():
    return PadReadTwice()


class PadOfOnes(nn.Module):
    """F.pad with 1s before a convolution: netcount's padding is zeros."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.conv(nn.functional.pad(x, (1, 1, 1, 1), value=1.0))


def pad_of_ones():
    return PadOfOnes()


class OddPermute(nn.Module):
    """A permute that is neither to channels-last (0, 2, 3, 1) nor back."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.conv(x).permute(0, 1, 3, 2)


def odd_permute():
    return OddPermute()


class PoolOnChannelsLast(nn.Module):
    """A pool over a channels-last tensor: it pools width and channels, not height and width."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(self.conv(x).permute(0, 2, 3, 1))


def pool_on_channels_last():
    return PoolOnChannelsLast()


class ParameterAdded(nn.Module):
    """A parameter added to a tensor: netcount reads a parameter of the forward only as a scale."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bias = nn.Parameter(torch.zeros(4, 1, 1))

    def forward(self, x):
        return self.conv(x) + self.bias


def parameter_added():
    return ParameterAdded()


class ScaleAlongWidth(nn.Module):
    """x * p with p of C numbers on N x C x H x W: broadcasting scales the columns (W = C here)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.p = nn.Parameter(torch.ones(4))

    def forward(self, x):
        return self.conv(x) * self.p


def scale_along_width():
    return ScaleAlongWidth()
