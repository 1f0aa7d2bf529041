"""netcount-import's rejections: each a one-line error that names what and where, a non-zero
exit status, and no header written. ONNX graphs written directly with onnx.helper; a PyTorch
module with a module netcount has no kind for (error_models.py).

    check_errors.py --workdir DIR

Exits 77 (CTest's skip) when onnx or torch do not import.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
IMPORTER = os.path.join(ROOT, "tools", "netcount-import")


def graph(nodes, x_dims, y_dims, inits=(), opset=13):
    from onnx import TensorProto, helper
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, x_dims)
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, y_dims)
    g = helper.make_graph(nodes, "g", [x], [y], initializer=list(inits))
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def weight(name, dims):
    import numpy as np
    from onnx import numpy_helper
    return numpy_helper.from_array(np.zeros(dims, dtype=np.float32), name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", required=True)
    args = p.parse_args()
    try:
        import numpy as np
        import onnx
        import torch  # noqa: F401
        from onnx import helper
    except ImportError as e:
        print(f"check_errors: skipped: {e} (Debian: python3-onnx python3-torch)")
        # CI installs them (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    os.makedirs(args.workdir, exist_ok=True)
    w = args.workdir

    def save(name, model):
        path = os.path.join(w, name)
        onnx.save(model, path)
        return path

    conv = helper.make_node("Conv", ["x", "w"], ["c"], name="conv1", kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    cases = []
    # An operator netcount has no kind for.
    cases.append(("unsupported op", [save("gelu.onnx", graph(
        [conv, helper.make_node("Erf", ["c"], ["y"], name="erf1")], [1, 3, 8, 8], [1, 4, 8, 8],
        [weight("w", [4, 3, 3, 3])]))], ["node erf1 (Erf)", "no netcount layer kind"]))
    # A dynamic input without --input.
    cases.append(("dynamic input", [save("dynamic.onnx", graph(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv1", kernel_shape=[3, 3])],
        ["N", 3, "H", "W"], ["N", 4, None, None], [weight("w", [4, 3, 3, 3])]))], ["dynamic size", "--input"]))
    # A Reshape that is not a flatten.
    shape = onnx.numpy_helper.from_array(np.array([1, 2, 16, 8], dtype=np.int64), "shape")
    cases.append(("reshape", [save("reshape.onnx", graph(
        [conv, helper.make_node("Reshape", ["c", "shape"], ["y"], name="reshape1")], [1, 3, 8, 8], [1, 2, 16, 8],
        [weight("w", [4, 3, 3, 3]), shape]))], ["node reshape1 (Reshape)", "not a flatten"]))
    # A file that is not ONNX, and a truncated one.
    text = os.path.join(w, "not_onnx.onnx")
    with open(text, "w") as f:
        f.write("this is not a model\n")
    cases.append(("not ONNX", [text], ["not an ONNX model"]))
    good = graph([helper.make_node("Conv", ["x", "w"], ["y"], name="conv1", kernel_shape=[3, 3])],
                 [1, 3, 8, 8], [1, 4, 6, 6], [weight("w", [4, 3, 3, 3])]).SerializeToString()
    truncated = os.path.join(w, "truncated.onnx")
    with open(truncated, "wb") as f:
        f.write(good[:len(good) // 2])
    cases.append(("truncated", [truncated], ["not an ONNX model"]))
    # A PyTorch module netcount has no kind for.
    cases.append(("torch module", ["--torch", "error_models:with_lstm_cell", "--input", "3,8,8"],
                  ["node", "LSTMCell", "no netcount layer kind"]))
    # Zero paddings are folded into the one Conv2d or pool that reads them; others are refused.
    cases.append(("padding read twice", ["--torch", "error_models:pad_read_twice", "--input", "3,8,8"],
                  ["node pad (ZeroPad2d", "read by more than one node"]))
    cases.append(("padding of ones", ["--torch", "error_models:pad_of_ones", "--input", "3,8,8"],
                  ["node pad (pad)", "folds zero padding only"]))

    # Channels-last views (ConvNeXt's Transpose (0, 2, 3, 1) and back) and the patterns read on
    # them: anything else is refused (the passing twins: convnext_* in import.zoo).
    cases.append(("transpose", [save("transpose.onnx", graph(
        [conv, helper.make_node("Transpose", ["c"], ["y"], name="transpose1", perm=[0, 1, 3, 2])],
        [1, 3, 8, 8], [1, 4, 8, 8], [weight("w", [4, 3, 3, 3])]))], ["node transpose1 (Transpose)", "perm (0, 2, 3, 1)"]))
    cases.append(("channels-last read by a pool", [save("last_pool.onnx", graph(
        [conv, helper.make_node("Transpose", ["c"], ["t"], name="to_last", perm=[0, 2, 3, 1]),
         helper.make_node("MaxPool", ["t"], ["y"], name="pool1", kernel_shape=[2, 2], strides=[2, 2])],
        [1, 3, 8, 8], [1, 8, 4, 2], [weight("w", [4, 3, 3, 3])]))], ["node pool1 (MaxPool)", "channels-last tensor"]))
    cases.append(("mean over the channels", [save("mean.onnx", graph(
        [conv, helper.make_node("ReduceMean", ["c"], ["y"], name="mean1", axes=[1], keepdims=1)],
        [1, 3, 8, 8], [1, 1, 8, 8], [weight("w", [4, 3, 3, 3])]))], ["node mean1 (ReduceMean)", "layer norm"]))
    half = onnx.numpy_helper.from_array(np.array(0.5, dtype=np.float32), "half")
    cases.append(("multiply by a number", [save("scalar.onnx", graph(
        [conv, helper.make_node("Mul", ["c", "half"], ["y"], name="mul1")],
        [1, 3, 8, 8], [1, 4, 8, 8], [weight("w", [4, 3, 3, 3]), half]))], ["node mul1 (Mul)", "one number per channel"]))
    # A crop of height and width that crop_concat would not make (not centred); a centred one is
    # U-Net's (unet in import.zoo).
    starts = onnx.numpy_helper.from_array(np.array([0, 0], dtype=np.int64), "starts")
    ends = onnx.numpy_helper.from_array(np.array([6, 6], dtype=np.int64), "ends")
    axes = onnx.numpy_helper.from_array(np.array([2, 3], dtype=np.int64), "axes")
    cases.append(("crop off centre", [save("crop.onnx", graph(
        [conv, helper.make_node("Conv", ["x", "w6"], ["small"], name="conv2", kernel_shape=[3, 3]),
         helper.make_node("Slice", ["c", "starts", "ends", "axes"], ["cropped"], name="crop1"),
         helper.make_node("Concat", ["cropped", "small"], ["y"], name="concat1", axis=1)],
        [1, 3, 8, 8], [1, 8, 6, 6], [weight("w", [4, 3, 3, 3]), weight("w6", [4, 3, 3, 3]), starts, ends, axes]))],
        ["node crop1 (Slice)", "centres its crops"]))
    # A scale of C numbers on an N x C x H x W tensor broadcasts along the width, not the channels.
    scale4 = weight("s", [4])
    cases.append(("scale along the width", [save("scale_width.onnx", graph(
        [helper.make_node("Conv", ["x", "w"], ["c"], name="conv1", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
         helper.make_node("Mul", ["c", "s"], ["y"], name="mul1")],
        [1, 3, 4, 4], [1, 4, 4, 4], [weight("w", [4, 3, 3, 3]), scale4]))], ["node mul1 (Mul)", "one number per channel"]))
    cases.append(("torch scale along the width", ["--torch", "error_models:scale_along_width", "--input", "3,6,6"],
                  ["node mul", "[4, 1, 1]"]))
    cases.append(("torch permute", ["--torch", "error_models:odd_permute", "--input", "3,8,8"],
                  ["node permute", "a permute [0, 1, 3, 2]"]))
    cases.append(("torch channels-last read by a pool", ["--torch", "error_models:pool_on_channels_last", "--input",
                                                         "3,8,8"], ["node pool", "channels-last tensor"]))
    cases.append(("torch parameter added", ["--torch", "error_models:parameter_added", "--input", "3,8,8"],
                  ["node add", "an add of a tensor and a constant"]))
    cases.append(("auxiliary head not there", ["--torch", "error_models:pad_of_ones", "--input", "3,8,8", "--auxiliary",
                                               "AuxLogits"], ["--auxiliary AuxLogits", "no module of that path"]))

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([HERE, env.get("PYTHONPATH", "")])
    failures = []
    for what, source, expected in cases:
        out = os.path.join(w, "out.hpp")
        if os.path.exists(out):
            os.remove(out)
        r = subprocess.run([sys.executable, IMPORTER, *source, "--name", "net", "-o", out], capture_output=True,
                           text=True, env=env)
        lines = r.stderr.strip().splitlines()
        problems = []
        if r.returncode == 0:
            problems.append("exit status 0")
        if os.path.exists(out):
            problems.append("a header was written")
        if len(lines) != 1 or not lines[0].startswith("netcount-import: error: "):
            problems.append(f"not a one-line error: {r.stderr!r}")
        elif not all(e in lines[0] for e in expected):
            problems.append(f"the error does not say {expected}: {lines[0]}")
        print(f"  {what}: {lines[0] if lines else '(no message)'}")
        if problems:
            failures.append(f"{what}: " + "; ".join(problems))
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
