"""PyTorch modules netcount-import must reject (check_errors.py)."""

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
