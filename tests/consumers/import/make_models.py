"""The models of the test consumer.netcount_import (import.cmake), exported to ONNX by torch.

    make_models.py DIR

Writes DIR/small.onnx, DIR/wider.onnx and DIR/over.onnx, one network of three widths (a 3 x 3
convolution of 3 to C channels, ReLU, 2 x 2 max pool, a fully connected layer to 10 classes, on a
16 x 16 RGB input), and prints each file's parameter count as PyTorch counts it: "small.onnx
2682". Exits 77 (the test's skip) when torch or onnx does not import, unless
NETCOUNT_REQUIRE_PYTHON_TESTS is set (then 1: CI installs them).
"""

import os
import sys
import warnings


def main():
    directory = sys.argv[1]
    try:
        import onnx  # noqa: F401  (the importer reads the files with it)
        import torch
        import torch.nn as nn
    except ImportError as e:
        print(f"make_models: {e} (Debian: python3-torch python3-onnx)")
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    os.makedirs(directory, exist_ok=True)
    for name, channels in (("small", 4), ("wider", 8), ("over", 32)):
        model = nn.Sequential(nn.Conv2d(3, channels, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(channels * 8 * 8, 10))
        model.eval()
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, torch.zeros(1, 3, 16, 16), os.path.join(directory, f"{name}.onnx"),
                              opset_version=13)
        print(f"{name}.onnx {sum(p.numel() for p in model.parameters())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
