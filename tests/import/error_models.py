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
