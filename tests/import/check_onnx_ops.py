"""netcount-import on models from outside PyTorch: ONNX graphs written directly with onnx.helper,
one or more for each supported operator, with the attributes torch.onnx.export never writes
(auto_pad SAME_UPPER and SAME_LOWER, asymmetric pads, ceil_mode, dilations, group, Gemm's transB
and alpha/beta, Clip as relu6, Resize by scales and by sizes, Pad, Flatten), at opsets 7 to 17.

Each model passes onnx.checker (full check) and ONNX's shape inference (strict), is imported,
and its header is compiled in one TU (the header's own static_asserts check the importer's
figures) that static_asserts, from outside the importer: the output shape ONNX's shape inference
gives, which must also equal the shape worked out by hand in the case; the parameters and the
connections (multiply-accumulates) worked out by hand, written beside the graph. Each graph the
importer cannot express exactly must be a one-line error naming the node and its op, with a
non-zero exit status and no header.

    check_onnx_ops.py --workdir DIR -- <compiler> <flags...>

Exits 77 (CTest's skip) when onnx does not import.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
IMPORTER = os.path.join(ROOT, "tools", "netcount-import")

CASES = []   # (name, model, (C, H, W) or (F,), parameters, connections, shape inference gives it)
ERRORS = []  # (name, model, fragments the one-line error must hold)


def model(nodes, x=(3, 8, 8), inits=None, opset=13, rank=4):
    """A graph of one input x (1 x C x H x W) and one output y, whose shape is left to inference."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    tensors = []
    for name, v in (inits or {}).items():
        v = np.zeros(v, dtype=np.float32) if isinstance(v, tuple) else np.asarray(v)
        tensors.append(numpy_helper.from_array(v, name))
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, *x])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None] * rank)], initializer=tensors)
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def ok(name, m, shape, parameters, connections, inferred=True):
    """inferred=False: ONNX's shape inference leaves the output's shape unknown (a shape computed from
    shapes); the shape worked out by hand is the reference."""
    CASES.append((name, m, shape, parameters, connections, inferred))


def error(name, m, *fragments):
    ERRORS.append((name, m, fragments))


def build_cases():
    import numpy as np
    from onnx import helper
    N = helper.make_node
    f32 = np.float32

    def conv(out="y", inp="x", w="w", b=None, name="conv1", **at):
        return N("Conv", [inp, w] + ([b] if b else []), [out], name=name, **at)

    # ---- Conv
    # 3x3x3 weights x 16 = 432 + 16 bias = 448; 8 x 8 positions: 432 x 64 = 27,648 MACs.
    ok("conv pads 1", model([conv(b="b", kernel_shape=[3, 3], pads=[1, 1, 1, 1])],
                            inits={"w": (16, 3, 3, 3), "b": (16,)}), (16, 8, 8), 448, 27_648)
    # pads [top 0, left 1, bottom 2, right 3]: 8 + 0 + 2 - 3 + 1 = 8 rows, 8 + 1 + 3 - 3 + 1 = 10 columns;
    # 3x3x3 x 4 = 108 weights, no bias; 108 x 80 = 8,640.
    ok("conv asymmetric pads", model([conv(kernel_shape=[3, 3], pads=[0, 1, 2, 3])], inits={"w": (4, 3, 3, 3)}),
       (4, 8, 10), 108, 8_640)
    # SAME_UPPER, stride 1, kernel 2 on 7: total padding 1 (odd), 7 x 7 out; 2x2x3 x 4 = 48 + 4 = 52; 48 x 49 = 2,352.
    ok("conv SAME_UPPER odd total stride 1", model([conv(b="b", kernel_shape=[2, 2], auto_pad="SAME_UPPER")],
                                                   x=(3, 7, 7), inits={"w": (4, 3, 2, 2), "b": (4,)}),
       (4, 7, 7), 52, 2_352)
    # SAME_UPPER, stride 2, kernel 3 on 8: ceil(8 / 2) = 4, total (4 - 1) * 2 + 3 - 8 = 1;
    # 3x3x3 x 8 = 216 + 8 = 224; 216 x 16 = 3,456.
    ok("conv SAME_UPPER odd total stride 2", model([conv(b="b", kernel_shape=[3, 3], strides=[2, 2],
                                                         auto_pad="SAME_UPPER")], inits={"w": (8, 3, 3, 3), "b": (8,)}),
       (8, 4, 4), 224, 3_456)
    # SAME_UPPER, stride 2, kernel 3 on 7: ceil(7 / 2) = 4, total 3 * 2 + 3 - 7 = 2 (even); 216 x 16 = 3,456.
    ok("conv SAME_UPPER even total stride 2", model([conv(b="b", kernel_shape=[3, 3], strides=[2, 2],
                                                          auto_pad="SAME_UPPER")], x=(3, 7, 7),
                                                    inits={"w": (8, 3, 3, 3), "b": (8,)}), (8, 4, 4), 224, 3_456)
    # SAME_LOWER: the odd row and column at the start (pad<1, 0, 1, 0>). Kernel 2, stride 1 on 7: 7 x 7,
    # 52 parameters, 2,352 MACs as above.
    ok("conv SAME_LOWER odd total stride 1", model([conv(b="b", kernel_shape=[2, 2], auto_pad="SAME_LOWER")],
                                                   x=(3, 7, 7), inits={"w": (4, 3, 2, 2), "b": (4,)}),
       (4, 7, 7), 52, 2_352)
    # SAME_LOWER, stride 2, kernel 3 on 8: total 1, at the start; 224 parameters, 3,456 MACs.
    ok("conv SAME_LOWER odd total stride 2", model([conv(b="b", kernel_shape=[3, 3], strides=[2, 2],
                                                         auto_pad="SAME_LOWER")], inits={"w": (8, 3, 3, 3), "b": (8,)}),
       (8, 4, 4), 224, 3_456)
    # SAME_LOWER, stride 1, kernel 3 on 6: total 2, one each side; 108 weights; 108 x 36 = 3,888.
    ok("conv SAME_LOWER even total", model([conv(kernel_shape=[3, 3], auto_pad="SAME_LOWER")], x=(3, 6, 6),
                                           inits={"w": (4, 3, 3, 3)}), (4, 6, 6), 108, 3_888)
    # VALID, stride 2, kernel 3 on 9: (9 - 3) / 2 + 1 = 4; 108 x 16 = 1,728.
    ok("conv VALID stride 2", model([conv(kernel_shape=[3, 3], strides=[2, 2], auto_pad="VALID")], x=(3, 9, 9),
                                    inits={"w": (4, 3, 3, 3)}), (4, 4, 4), 108, 1_728)
    # Dilation 2, kernel 3 (span 5), pads 2 on 9: 9 + 4 - 5 + 1 = 9; 108 x 81 = 8,748.
    ok("conv dilations", model([conv(kernel_shape=[3, 3], dilations=[2, 2], pads=[2, 2, 2, 2])], x=(3, 9, 9),
                               inits={"w": (4, 3, 3, 3)}), (4, 9, 9), 108, 8_748)
    # Dilation 2 with SAME_UPPER, stride 2 on 9: ceil(9 / 2) = 5, total 4 * 2 + 5 - 9 = 4; 108 x 25 = 2,700.
    ok("conv dilations SAME_UPPER stride 2", model([conv(kernel_shape=[3, 3], dilations=[2, 2], strides=[2, 2],
                                                         auto_pad="SAME_UPPER")], x=(3, 9, 9),
                                                   inits={"w": (4, 3, 3, 3)}), (4, 5, 5), 108, 2_700)
    # Kernel 1 x 3, strides [1, 2], pads left and right 1: 8 rows, (8 + 2 - 3) / 2 + 1 = 4 columns;
    # 1x3x3 x 4 = 36; 36 x 32 = 1,152.
    ok("conv 1x3 strides 1,2", model([conv(kernel_shape=[1, 3], strides=[1, 2], pads=[0, 1, 0, 1])],
                                     inits={"w": (4, 3, 1, 3)}), (4, 8, 4), 36, 1_152)
    # group 2: 4 channels, 6 filters of 3x3x2 = 108 + 6 = 114; 108 x 64 = 6,912.
    ok("conv group 2", model([conv(b="b", kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=2)], x=(4, 8, 8),
                             inits={"w": (6, 2, 3, 3), "b": (6,)}), (6, 8, 8), 114, 6_912)
    # depthwise (group = channels = 8): 3x3 x 8 = 72 + 8 = 80; 72 x 64 = 4,608.
    ok("conv depthwise", model([conv(b="b", kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=8)], x=(8, 8, 8),
                               inits={"w": (8, 1, 3, 3), "b": (8,)}), (8, 8, 8), 80, 4_608)
    # depthwise, 2 filters per channel: 3x3 x 16 = 144 + 16 = 160; stride 2 pads 1: 4 x 4; 144 x 16 = 2,304.
    ok("conv depthwise multiplier 2", model([conv(b="b", kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[2, 2],
                                                  group=8)], x=(8, 8, 8), inits={"w": (16, 1, 3, 3), "b": (16,)}),
       (16, 4, 4), 160, 2_304)

    # ---- ConvTranspose: connections are weights x input positions (netcount's and PyTorch's).
    # 4 -> 2 channels, 3x3, stride 2, pads 1, output_padding 1: (4 - 1) * 2 + 3 + 1 - 2 = 8;
    # 3x3x4 x 2 = 72 + 2 = 74; 72 x 16 = 1,152.
    ok("convtranspose", model([N("ConvTranspose", ["x", "w", "b"], ["y"], name="up1", kernel_shape=[3, 3],
                                 strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1])], x=(4, 4, 4),
                              inits={"w": (4, 2, 3, 3), "b": (2,)}), (2, 8, 8), 74, 1_152)
    # auto_pad SAME_UPPER, stride 2, kernel 3 on 8: output 8 x 2 = 16, padding 2 * 7 + 3 - 16 = 1, at the end;
    # 3x3x3 x 2 = 54; 54 x 64 = 3,456.
    ok("convtranspose SAME_UPPER", model([N("ConvTranspose", ["x", "w"], ["y"], name="up1", kernel_shape=[3, 3],
                                            strides=[2, 2], auto_pad="SAME_UPPER")], inits={"w": (3, 2, 3, 3)}),
       (2, 16, 16), 54, 3_456)
    # A 1 x 1 kernel under stride 2 would need a negative padding for SAME.
    error("convtranspose SAME kernel below stride",
          model([N("ConvTranspose", ["x", "w"], ["y"], name="up1", kernel_shape=[1, 1], strides=[2, 2],
                   auto_pad="SAME_UPPER")], inits={"w": (3, 2, 1, 1)}), "node up1 (ConvTranspose)", "negative padding")

    # ---- MaxPool, AveragePool: they count nothing but activations; the shapes are the test.
    def pool(op="MaxPool", **at):
        return N(op, ["x"], ["y"], name="pool1", **at)
    ok("maxpool 2 stride 2", model([pool(kernel_shape=[2, 2], strides=[2, 2])]), (3, 4, 4), 0, 0)
    # ONNX's default stride is 1, not the kernel: (8 - 3) / 1 + 1 = 6.
    ok("maxpool default stride 1", model([pool(kernel_shape=[3, 3])]), (3, 6, 6), 0, 0)
    # SAME_UPPER stride 2: ceil(7 / 2) = 4 and ceil(8 / 2) = 4.
    ok("maxpool SAME_UPPER on 7", model([pool(kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER")],
                                        x=(3, 7, 7)), (3, 4, 4), 0, 0)
    ok("maxpool SAME_UPPER on 8", model([pool(kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER")]),
       (3, 4, 4), 0, 0)
    # SAME_LOWER, kernel 2 stride 1 on 7: total 1 at the start: 7 x 7.
    ok("maxpool SAME_LOWER stride 1", model([pool(kernel_shape=[2, 2], auto_pad="SAME_LOWER")], x=(3, 7, 7)),
       (3, 7, 7), 0, 0)
    # SAME_LOWER, kernel 3 stride 2 on 8: total 1 at the start: 4 x 4.
    ok("maxpool SAME_LOWER stride 2", model([pool(kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_LOWER")]),
       (3, 4, 4), 0, 0)
    # ceil_mode, kernel 3 stride 2 on 8: ceil((8 - 3) / 2) + 1 = 4 (floor: 3); the last window starts at 6 < 8.
    ok("maxpool ceil_mode", model([pool(kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)]), (3, 4, 4), 0, 0)
    # ceil_mode with pads 1 on 5, kernel 2 stride 2: ceil((5 + 2 - 2) / 2) + 1 = 4, but the 4th window starts at
    # 6 = 5 + the leading 1, in the end padding: PyTorch (and netcount) drop it (3); ONNX 1.12's inference says 4.
    error("maxpool ceil_mode window in the padding",
          model([pool(kernel_shape=[2, 2], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1)], x=(3, 5, 5)),
          "node pool1 (MaxPool)", "ceil_mode")
    # dilations 2, kernel 2 (span 3), stride 1 on 8: 8 - 3 + 1 = 6.
    ok("maxpool dilations", model([pool(kernel_shape=[2, 2], dilations=[2, 2])]), (3, 6, 6), 0, 0)
    # asymmetric pads [0, 0, 1, 1], kernel 2 stride 2 on 7: (7 + 1 - 2) / 2 + 1 = 4.
    ok("maxpool asymmetric pads", model([pool(kernel_shape=[2, 2], strides=[2, 2], pads=[0, 0, 1, 1])], x=(3, 7, 7)),
       (3, 4, 4), 0, 0)
    # A padding of 2 beside a kernel of 3: more than half the kernel, which netcount's pools (as PyTorch's) refuse.
    error("maxpool padding over half the kernel", model([pool(kernel_shape=[3, 3], pads=[2, 2, 2, 2])]),
          "node pool1 (MaxPool)", "half the kernel")
    # AveragePool, kernel 3 stride 1 pads 1 (count_include_pad changes no count): 8 x 8.
    ok("averagepool pads", model([pool("AveragePool", kernel_shape=[3, 3], pads=[1, 1, 1, 1], count_include_pad=1)]),
       (3, 8, 8), 0, 0)
    # AveragePool SAME_UPPER stride 2 on 7: 4; SAME_LOWER: 4.
    ok("averagepool SAME_UPPER", model([pool("AveragePool", kernel_shape=[2, 2], strides=[2, 2],
                                             auto_pad="SAME_UPPER")], x=(3, 7, 7)), (3, 4, 4), 0, 0)
    ok("averagepool SAME_LOWER", model([pool("AveragePool", kernel_shape=[2, 2], strides=[2, 2],
                                             auto_pad="SAME_LOWER")], x=(3, 7, 7)), (3, 4, 4), 0, 0)
    # AveragePool ceil_mode, kernel 2 stride 2 on 7: ceil(5 / 2) + 1 = 4 (the last window starts at 6 < 7).
    ok("averagepool ceil_mode", model([pool("AveragePool", kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)],
                                      x=(3, 7, 7)), (3, 4, 4), 0, 0)
    ok("globalaveragepool", model([N("GlobalAveragePool", ["x"], ["y"], name="gap")]), (3, 1, 1), 0, 0)
    ok("globalmaxpool", model([N("GlobalMaxPool", ["x"], ["y"], name="gmp")]), (3, 1, 1), 0, 0)

    # ---- Gemm, MatMul: fc connections are inputs x outputs.
    head = [N("GlobalAveragePool", ["x"], ["g"], name="gap"), N("Flatten", ["g"], ["f"], name="flat", axis=1)]
    # 8 features -> 10: 80 weights + 10 biases = 90; 80 MACs. transB 1: B is outputs x features.
    ok("gemm transB 1", model(head + [N("Gemm", ["f", "w", "b"], ["y"], name="fc1", transB=1)], x=(8, 4, 4),
                              inits={"w": (10, 8), "b": (10,)}, rank=2), (10,), 90, 80)
    # transB 0: B is features x outputs.
    ok("gemm transB 0", model(head + [N("Gemm", ["f", "w", "b"], ["y"], name="fc1")], x=(8, 4, 4),
                              inits={"w": (8, 10), "b": (10,)}, rank=2), (10,), 90, 80)
    # alpha and beta scale the product and the bias: no count changes. A bias of shape [1, 10] is 10 biases.
    ok("gemm alpha beta", model(head + [N("Gemm", ["f", "w", "b"], ["y"], name="fc1", transB=1, alpha=0.5,
                                          beta=2.0)], x=(8, 4, 4), inits={"w": (10, 8), "b": (1, 10)}, rank=2),
       (10,), 90, 80)
    # no C: 80 weights.
    ok("gemm no bias", model(head + [N("Gemm", ["f", "w"], ["y"], name="fc1", transB=1)], x=(8, 4, 4),
                             inits={"w": (10, 8)}, rank=2), (10,), 80, 80)
    # A Flatten of a 2 x 4 x 4 map read by a Gemm: 32 features -> 5: 160 + 5 = 165; 160 MACs.
    ok("flatten gemm", model([N("Flatten", ["x"], ["f"], name="flat", axis=1),
                              N("Gemm", ["f", "w", "b"], ["y"], name="fc1", transB=1)], x=(2, 4, 4),
                             inits={"w": (5, 32), "b": (5,)}, rank=2), (5,), 165, 160)
    ok("matmul", model([N("Flatten", ["x"], ["f"], name="flat", axis=1), N("MatMul", ["f", "w"], ["y"], name="fc1")],
                       x=(2, 4, 4), inits={"w": (32, 5)}, rank=2), (5,), 160, 160)
    error("gemm transA", model(head + [N("Gemm", ["w", "f"], ["y"], name="fc1", transA=1)], x=(8, 4, 4),
                               inits={"w": (8, 10)}, rank=2), "node fc1 (Gemm)")
    error("gemm beta 0", model(head + [N("Gemm", ["f", "w", "b"], ["y"], name="fc1", transB=1, beta=0.0)], x=(8, 4, 4),
                               inits={"w": (10, 8), "b": (10,)}, rank=2), "node fc1 (Gemm)", "beta 0")
    error("matmul on a map", model([N("MatMul", ["x", "w"], ["y"], name="mm1")], inits={"w": (8, 5)}),
          "node mm1 (MatMul)", "not a fully connected layer")

    # ---- Clip as relu6: min and max are inputs from opset 11, attributes before.
    relu6_inits = {"lo": np.array(0, dtype=f32), "hi": np.array(6, dtype=f32)}
    ok("clip relu6 opset 11", model([N("Clip", ["x", "lo", "hi"], ["y"], name="clip1")], inits=relu6_inits, opset=11),
       (3, 8, 8), 0, 0)
    ok("clip relu6 from Constant nodes", model([
        N("Constant", [], ["lo"], value=helper.make_tensor("lo", 1, [], [0.0])),
        N("Constant", [], ["hi"], value=helper.make_tensor("hi", 1, [], [6.0])),
        N("Clip", ["x", "lo", "hi"], ["y"], name="clip1")], opset=13), (3, 8, 8), 0, 0)
    error("clip to 4", model([N("Clip", ["x", "lo", "hi"], ["y"], name="clip1")],
                             inits={"lo": np.array(0, dtype=f32), "hi": np.array(4, dtype=f32)}),
          "node clip1 (Clip)", "relu6")
    error("clip without min", model([N("Clip", ["x", "", "hi"], ["y"], name="clip1")],
                                    inits={"hi": np.array(6, dtype=f32)}), "node clip1 (Clip)")
    for opset in (7, 10):
        ok(f"clip relu6 attributes opset {opset}", model([N("Clip", ["x"], ["y"], name="clip1", min=0.0, max=6.0)],
                                                         opset=opset), (3, 8, 8), 0, 0)
    error("clip attributes to 4", model([N("Clip", ["x"], ["y"], name="clip1", min=0.0, max=4.0)], opset=10),
          "node clip1 (Clip)", "relu6")
    error("clip attribute max only", model([N("Clip", ["x"], ["y"], name="clip1", max=6.0)], opset=10),
          "node clip1 (Clip)")
    # Opset 6 is outside the opsets netcount-import reads: one line.
    error("opset 6", model([N("Clip", ["x"], ["y"], name="clip1", min=0.0, max=6.0)], opset=6), "opset 6",
          "7 to 17")

    # ---- Resize: by scales or by sizes (upsample<F> or upsample_to<H, W>; nothing counted).
    empty = np.array([], dtype=f32)
    ok("resize scales opset 11", model([N("Resize", ["x", "roi", "s"], ["y"], name="up1")],
                                       inits={"roi": empty, "s": np.array([1, 1, 2, 2], dtype=f32)}, opset=11),
       (3, 16, 16), 0, 0)
    ok("resize scales 2,3", model([N("Resize", ["x", "", "s"], ["y"], name="up1")],
                                  inits={"s": np.array([1, 1, 2, 3], dtype=f32)}), (3, 16, 24), 0, 0)
    ok("resize sizes", model([N("Resize", ["x", "", "", "sz"], ["y"], name="up1")],
                             inits={"sz": np.array([1, 3, 16, 12], dtype=np.int64)}), (3, 16, 12), 0, 0)
    # scale 1.5: floor(8 x 1.5) = 12 (upsample_to).
    ok("resize scale 1.5", model([N("Resize", ["x", "", "s"], ["y"], name="up1", mode="linear")],
                                 inits={"s": np.array([1, 1, 1.5, 1.5], dtype=f32)}), (3, 12, 12), 0, 0)
    ok("resize down", model([N("Resize", ["x", "", "s"], ["y"], name="up1")],
                            inits={"s": np.array([1, 1, 0.5, 0.5], dtype=f32)}), (3, 4, 4), 0, 0)
    # Resize of opset 10 (X and scales); Upsample, which opset 10 deprecates: scales as an input (opset 9)
    # and as an attribute (opset 7).
    ok("resize opset 10", model([N("Resize", ["x", "s"], ["y"], name="up1")],
                                inits={"s": np.array([1, 1, 2, 2], dtype=f32)}, opset=10), (3, 16, 16), 0, 0)
    ok("upsample opset 9", model([N("Upsample", ["x", "s"], ["y"], name="up1")],
                                 inits={"s": np.array([1, 1, 2, 2], dtype=f32)}, opset=9), (3, 16, 16), 0, 0)
    ok("upsample opset 7", model([N("Upsample", ["x"], ["y"], name="up1", scales=[1.0, 1.0, 2.0, 3.0])], opset=7),
       (3, 16, 24), 0, 0)
    error("resize channels", model([N("Resize", ["x", "", "s"], ["y"], name="up1")],
                                   inits={"s": np.array([1, 2, 2, 2], dtype=f32)}), "node up1 (Resize)", "channels")
    error("resize batch", model([N("Resize", ["x", "", "s"], ["y"], name="up1")],
                                inits={"s": np.array([2, 1, 2, 2], dtype=f32)}), "node up1 (Resize)", "batch")

    # ---- Pad, folded into the Conv or pool that reads it.
    # pads [N, C, top 1, left 2, N, C, bottom 3, right 4]: 8 + 1 + 3 - 3 + 1 = 10 rows, 8 + 2 + 4 - 3 + 1 = 12
    # columns; 108 weights; 108 x 120 = 12,960.
    pads = {"p": np.array([0, 0, 1, 2, 0, 0, 3, 4], dtype=np.int64), "w": (4, 3, 3, 3)}
    pad = N("Pad", ["x", "p"], ["xp"], name="pad1")
    ok("pad into conv", model([pad, conv(inp="xp", kernel_shape=[3, 3])], inits=pads), (4, 10, 12), 108, 12_960)
    # and the conv's own pads 1: 12 x 14; 108 x 168 = 18,144.
    ok("pad and conv pads", model([pad, conv(inp="xp", kernel_shape=[3, 3], pads=[1, 1, 1, 1])], inits=pads),
       (4, 12, 14), 108, 18_144)
    # Pad of 1 into a 3x3 max pool, stride 2: (8 + 2 - 3) / 2 + 1 = 4.
    ok("pad into maxpool", model([N("Pad", ["x", "p"], ["xp"], name="pad1", mode="constant"),
                                  N("MaxPool", ["xp"], ["y"], name="pool1", kernel_shape=[3, 3], strides=[2, 2])],
                                 inits={"p": np.array([0, 0, 1, 1, 0, 0, 1, 1], dtype=np.int64)}), (3, 4, 4), 0, 0)
    # A constant value given as 0 is zero padding too (opset 11's third input).
    ok("pad value 0 opset 11", model([N("Pad", ["x", "p", "v"], ["xp"], name="pad1"),
                                      conv(inp="xp", kernel_shape=[3, 3])],
                                     inits={**pads, "v": np.array(0, dtype=f32)}, opset=11),
       (4, 10, 12), 108, 12_960)
    # Before opset 11 pads, mode and value are attributes: 10 x 12 and 12,960 MACs as above.
    ok("pad attributes opset 10", model([N("Pad", ["x"], ["xp"], name="pad1", pads=[0, 0, 1, 2, 0, 0, 3, 4]),
                                         conv(inp="xp", kernel_shape=[3, 3])], inits={"w": (4, 3, 3, 3)}, opset=10),
       (4, 10, 12), 108, 12_960)
    error("pad attribute value 1", model([N("Pad", ["x"], ["xp"], name="pad1", pads=[0, 0, 1, 1, 0, 0, 1, 1],
                                            value=1.0), conv(inp="xp", kernel_shape=[3, 3])],
                                         inits={"w": (4, 3, 3, 3)}, opset=10), "node pad1 (Pad)", "zeros")
    for mode in ("reflect", "edge"):
        error(f"pad {mode}", model([N("Pad", ["x", "p"], ["xp"], name="pad1", mode=mode),
                                    conv(inp="xp", kernel_shape=[3, 3])], inits=pads),
              "node pad1 (Pad)", f"mode {mode}")
    error("pad of ones", model([N("Pad", ["x", "p", "v"], ["xp"], name="pad1"), conv(inp="xp", kernel_shape=[3, 3])],
                               inits={**pads, "v": np.array(1, dtype=f32)}), "node pad1 (Pad)", "zeros")
    error("pad before relu", model([pad, N("Relu", ["xp"], ["y"], name="relu1")], inits=pads),
          "node pad1 (Pad)", "one Conv or pool")
    error("pad of channels", model([N("Pad", ["x", "p"], ["xp"], name="pad1"), conv(inp="xp", kernel_shape=[3, 3])],
                                   inits={"p": np.array([0, 1, 0, 0, 0, 0, 0, 0], dtype=np.int64),
                                          "w": (4, 4, 3, 3)}), "node pad1 (Pad)", "height and width only")
    error("pad before SAME", model([pad, conv(inp="xp", kernel_shape=[3, 3], auto_pad="SAME_UPPER")], inits=pads),
          "node conv1 (Conv)", "auto_pad SAME")

    # ---- Flatten and Reshape
    # A flatten that is the output: 2 x 3 x 3 = 18 features.
    ok("flatten axis 1", model([N("Flatten", ["x"], ["y"], name="flat", axis=1)], x=(2, 3, 3), rank=2),
       (18,), 0, 0)
    ok("reshape to 1,-1", model([N("Reshape", ["x", "s"], ["y"], name="flat")], x=(2, 3, 3),
                                inits={"s": np.array([1, -1], dtype=np.int64)}, rank=2), (18,), 0, 0)
    # The flatten torch writes for x.view(x.size(0), -1): Shape, Gather, Unsqueeze, Concat with -1, Reshape,
    # all folded (the shape computed from the input's static shape); and at opset 9 with Slice's attributes.
    # ONNX's shape inference leaves the Reshape's output unknown: 2 x 3 x 3 = 18 by hand, and a Gemm after it
    # (18 -> 4: 72 + 4 = 76 parameters, 72 MACs) needs the shape too.
    ok("reshape of a computed shape", model([
        N("Shape", ["x"], ["sh"], name="shape1"), N("Gather", ["sh", "zero"], ["n"], name="gather1", axis=0),
        N("Unsqueeze", ["n", "axes"], ["n1"], name="unsq1"), N("Concat", ["n1", "minus1"], ["s"], name="cat1", axis=0),
        N("Reshape", ["x", "s"], ["y"], name="flat")], x=(2, 3, 3),
        inits={"zero": np.array(0, dtype=np.int64), "axes": np.array([0], dtype=np.int64),
               "minus1": np.array([-1], dtype=np.int64)}, rank=2), (18,), 0, 0, inferred=False)
    ok("reshape of a computed shape then gemm", model([
        N("Shape", ["x"], ["sh"], name="shape1"), N("Gather", ["sh", "zero"], ["n"], name="gather1", axis=0),
        N("Unsqueeze", ["n", "axes"], ["n1"], name="unsq1"), N("Concat", ["n1", "minus1"], ["s"], name="cat1", axis=0),
        N("Reshape", ["x", "s"], ["f"], name="flat"), N("Gemm", ["f", "w", "b"], ["y"], name="fc1", transB=1)],
        x=(2, 3, 3), inits={"zero": np.array(0, dtype=np.int64), "axes": np.array([0], dtype=np.int64),
                            "minus1": np.array([-1], dtype=np.int64), "w": (4, 18), "b": (4,)}, rank=2),
       (4,), 76, 72, inferred=False)
    ok("reshape of a computed shape opset 9", model([
        N("Shape", ["x"], ["sh"], name="shape1"), N("Slice", ["sh"], ["n1"], name="slice1", starts=[0], ends=[1]),
        N("Concat", ["n1", "minus1"], ["s"], name="cat1", axis=0),
        N("Reshape", ["x", "s"], ["y"], name="flat")], x=(2, 3, 3), inits={"minus1": np.array([-1], dtype=np.int64)},
        opset=9, rank=2), (18,), 0, 0, inferred=False)
    error("flatten axis 2", model([N("Flatten", ["x"], ["y"], name="flat", axis=2)], x=(2, 3, 3), rank=2),
          "node flat (Flatten)")
    error("reshape to 2,-1", model([N("Reshape", ["x", "s"], ["y"], name="flat")], x=(2, 3, 3),
                                   inits={"s": np.array([2, -1], dtype=np.int64)}, rank=2), "node flat (Reshape)", "batch")

    # ---- Merges: Concat, Add, Sum, Mul.
    two = [conv("a", kernel_shape=[1, 1], name="ca"), conv("b", w="w2", kernel_shape=[1, 1], name="cb")]
    # 1x1x3 x 4 = 12 and 1x1x3 x 5 = 15 weights: 27; (12 + 15) x 64 = 1,728 MACs; 9 channels.
    ok("concat", model(two + [N("Concat", ["a", "b"], ["y"], name="cat", axis=1)], inits={"w": (4, 3, 1, 1),
                                                                                        "w2": (5, 3, 1, 1)}),
       (9, 8, 8), 27, 1_728)
    ok("concat axis -3", model(two + [N("Concat", ["a", "b"], ["y"], name="cat", axis=-3)],
                               inits={"w": (4, 3, 1, 1), "w2": (5, 3, 1, 1)}), (9, 8, 8), 27, 1_728)
    # Two heads of N x F concatenated along axis -1 (the features): 8 -> 3 (24 + 3) and 8 -> 4 (32 + 4) = 63;
    # 24 + 32 = 56 MACs; 7 features.
    ok("concat features axis -1", model(head + [N("Gemm", ["f", "wa", "ba"], ["a"], name="fa", transB=1),
                                                N("Gemm", ["f", "wb", "bb"], ["b"], name="fb", transB=1),
                                                N("Concat", ["a", "b"], ["y"], name="cat", axis=-1)], x=(8, 4, 4),
                                        inits={"wa": (3, 8), "ba": (3,), "wb": (4, 8), "bb": (4,)}, rank=2),
       (7,), 63, 56)
    error("concat axis 2", model(two + [N("Concat", ["a", "b"], ["y"], name="cat", axis=2)],
                                 inits={"w": (4, 3, 1, 1), "w2": (4, 3, 1, 1)}), "node cat (Concat)", "axis 2")
    # residual: a 3x3 conv of 4 -> 4 channels, pads 1, plus its input: 144 + 4 = 148; 144 x 64 = 9,216.
    ok("add residual", model([conv("c", b="b", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
                              N("Add", ["c", "x"], ["y"], name="add1")], x=(4, 8, 8),
                             inits={"w": (4, 4, 3, 3), "b": (4,)}), (4, 8, 8), 148, 9_216)
    # Sum of three: two 1x1 convs of 3 -> 4 (12 weights each) and a third (12): 36; 36 x 64 = 2,304.
    ok("sum of three", model(two[:1] + [conv("b", kernel_shape=[1, 1], name="cb"),
                                        conv("c", kernel_shape=[1, 1], name="cc"),
                                        N("Sum", ["a", "b", "c"], ["y"], name="sum1")],
                             inits={"w": (4, 3, 1, 1)}), (4, 8, 8), 36, 2_304)
    # x * sigmoid(gap(x)): a multiply of 8 x 8 x 3 by 1 x 1 x 3 (broadcast).
    ok("mul broadcast", model([N("GlobalAveragePool", ["x"], ["g"], name="gap"),
                               N("Sigmoid", ["g"], ["s"], name="gate"), N("Mul", ["x", "s"], ["y"], name="mul1")]),
       (3, 8, 8), 0, 0)
    # x * sigmoid(x): SiLU.
    ok("silu", model([N("Sigmoid", ["x"], ["s"], name="sig"), N("Mul", ["x", "s"], ["y"], name="mul1")]),
       (3, 8, 8), 0, 0)
    error("add of a constant", model([N("Add", ["x", "k"], ["y"], name="add1")],
                                     inits={"k": np.ones((1, 3, 1, 1), dtype=f32)}), "node add1 (Add)", "constant")

    # ---- Normalisation, activations, others.
    # BatchNormalization: scale and shift, 2 x 3 = 6 (the running statistics are not parameters).
    ok("batchnorm", model([N("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], name="bn1")],
                          inits={"s": (3,), "b": (3,), "m": (3,), "v": (3,)}), (3, 8, 8), 6, 0)
    error("batchnorm spatial 0", model([N("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], name="bn1",
                                          spatial=0)], inits={"s": (3, 8, 8), "b": (3, 8, 8), "m": (3, 8, 8),
                                                              "v": (3, 8, 8)}, opset=7),
          "node bn1 (BatchNormalization)", "spatial 0")
    ok("instancenorm", model([N("InstanceNormalization", ["x", "s", "b"], ["y"], name="in1")],
                             inits={"s": (3,), "b": (3,)}), (3, 8, 8), 6, 0)
    ok("lrn", model([N("LRN", ["x"], ["y"], name="lrn1", size=5)]), (3, 8, 8), 0, 0)
    for op, extra, opset in (("Relu", {}, 13), ("Sigmoid", {}, 13), ("Tanh", {}, 13), ("LeakyRelu", {"alpha": 0.2}, 13),
                             ("Elu", {}, 13), ("HardSigmoid", {}, 13), ("HardSwish", {}, 14), ("Dropout", {}, 13),
                             ("Softmax", {"axis": 1}, 13)):
        ok(op.lower(), model([N(op, ["x"], ["y"], name="act1", **extra)], opset=opset), (3, 8, 8), 0, 0)
    # Softmax at opset 11 on N x F, and on a 1 x 1 map (where its flattening changes nothing).
    ok("softmax opset 11 on features", model([N("Flatten", ["x"], ["f"], name="flat"),
                                              N("Softmax", ["f"], ["y"], name="act1", axis=1)], x=(2, 3, 3),
                                             opset=11, rank=2), (18,), 0, 0)
    ok("softmax opset 11 on 1x1", model([N("Softmax", ["x"], ["y"], name="act1", axis=1)], x=(5, 1, 1), opset=11),
       (5, 1, 1), 0, 0)
    # Before opset 13 Softmax(axis=1) of N x C x H x W runs over C x H x W together.
    error("softmax opset 11 on a map", model([N("Softmax", ["x"], ["y"], name="act1", axis=1)], opset=11),
          "node act1 (Softmax)", "opset 11")
    # PRelu: one slope per channel ([C, 1, 1]) is 3 parameters; one slope, 1.
    ok("prelu per channel", model([N("PRelu", ["x", "s"], ["y"], name="prelu1")], inits={"s": (3, 1, 1)}),
       (3, 8, 8), 3, 0)
    ok("prelu one slope", model([N("PRelu", ["x", "s"], ["y"], name="prelu1")], inits={"s": (1,)}), (3, 8, 8), 1, 0)
    error("prelu per position", model([N("PRelu", ["x", "s"], ["y"], name="prelu1")], inits={"s": (3, 8, 8)}),
          "node prelu1 (PRelu)", "slope")
    # Split: equal parts (chunk) at opset 13 (split as an input) and unequal ones at opset 11 (an attribute);
    # each part through a 1x1 conv to 2 channels, concatenated. Equal: 3 + 3 channels, 2 x (3 x 2) = 12 weights,
    # 12 x 64 = 768; unequal 2 + 4: 2 x 2 + 4 x 2 = 12, 768.
    ok("split equal", model([N("Split", ["x", "sp"], ["a", "b"], name="split1", axis=1),
                             conv("ca", inp="a", kernel_shape=[1, 1], name="ca"),
                             conv("cb", inp="b", kernel_shape=[1, 1], name="cb"),
                             N("Concat", ["ca", "cb"], ["y"], name="cat", axis=1)], x=(6, 8, 8),
                            inits={"sp": np.array([3, 3], dtype=np.int64), "w": (2, 3, 1, 1)}), (4, 8, 8), 12, 768)
    ok("split unequal opset 11", model([N("Split", ["x"], ["a", "b"], name="split1", axis=1, split=[2, 4]),
                                        conv("ca", inp="a", w="w1", kernel_shape=[1, 1], name="ca"),
                                        conv("cb", inp="b", w="w2", kernel_shape=[1, 1], name="cb"),
                                        N("Concat", ["ca", "cb"], ["y"], name="cat", axis=1)], x=(6, 8, 8),
                                       inits={"w1": (2, 2, 1, 1), "w2": (2, 4, 1, 1)}, opset=11), (4, 8, 8), 12, 768)
    error("unsupported op", model([N("Erf", ["x"], ["y"], name="erf1")]), "node erf1 (Erf)", "no netcount layer kind")

    # ---- Opsets 7 to 17: one small network each: conv 3 -> 8 (3x3, pads 1, 216 + 8 = 224), batch norm (16),
    # relu, max pool 2, conv 8 -> 8 depthwise (72 + 8 = 80), global average pool, flatten, Gemm 8 -> 10 (90).
    # 224 + 16 + 80 + 90 = 410 parameters. MACs: 216 x 64 + 72 x 16 + 80 = 13,824 + 1,152 + 80 = 15,056.
    for opset in range(7, 18):
        ok(f"network opset {opset}", model([
            conv("c1", b="b1", kernel_shape=[3, 3], pads=[1, 1, 1, 1], name="conv1"),
            N("BatchNormalization", ["c1", "s", "t", "m", "v"], ["n1"], name="bn1"),
            N("Relu", ["n1"], ["r1"], name="relu1"),
            N("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
            conv("c2", inp="p1", w="w2", b="b2", kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=8, name="conv2"),
            N("GlobalAveragePool", ["c2"], ["g"], name="gap"),
            N("Flatten", ["g"], ["f"], name="flat"),
            N("Gemm", ["f", "w3", "b3"], ["y"], name="fc1", transB=1)],
            inits={"w": (8, 3, 3, 3), "b1": (8,), "s": (8,), "t": (8,), "m": (8,), "v": (8,), "w2": (8, 1, 3, 3),
                   "b2": (8,), "w3": (10, 8), "b3": (10,)}, opset=opset, rank=2), (10,), 410, 15_056)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", required=True)
    p.add_argument("compile", nargs=argparse.REMAINDER)
    args = p.parse_args()
    compile_cmd = args.compile[1:] if args.compile[:1] == ["--"] else args.compile
    try:
        import onnx
        from onnx import shape_inference
    except ImportError as e:
        print(f"check_onnx_ops: skipped: {e} (Debian: python3-onnx)")
        # CI installs it (.ci/run sets NETCOUNT_REQUIRE_PYTHON_TESTS): there a skip is a failure.
        return 1 if os.environ.get("NETCOUNT_REQUIRE_PYTHON_TESTS") else 77
    build_cases()
    os.makedirs(args.workdir, exist_ok=True)
    failures = []

    def checked(name, m):
        """onnx.checker and strict shape inference; the output's inferred dims (None where unknown)."""
        try:
            onnx.checker.check_model(m, full_check=True)
            inferred = shape_inference.infer_shapes(m, strict_mode=True)
        except Exception as e:  # noqa: BLE001
            failures.append(f"{name}: not a valid ONNX model: {str(e).splitlines()[0]}")
            return None
        t = inferred.graph.output[0].type.tensor_type
        return [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]

    def run(name, m, out):
        path = os.path.join(args.workdir, name.replace(" ", "_").replace(",", "_") + ".onnx")
        onnx.save(m, path)
        for stale in (out, path[:-len(".onnx")] + ".hpp"):
            if os.path.exists(stale):
                os.remove(stale)
        ident = "net_" + "".join(ch if ch.isalnum() else "_" for ch in name)
        r = subprocess.run([sys.executable, IMPORTER, path, "--name", ident, "-o", out], capture_output=True,
                           text=True)
        return ident, r

    # The imports run two at a time (each is a Python start of about a quarter of a second).
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    imports = []
    for name, m, want, parameters, connections, by_inference in CASES:
        dims = checked(name, m)
        if dims is None:
            continue
        inferred = tuple(dims[1:]) if len(dims) in (2, 4) and dims[0] == 1 and None not in dims else None
        if not by_inference and inferred is None:
            inferred = want  # the hand arithmetic is the reference (ok(..., inferred=False))
        if inferred != want:
            failures.append(f"{name}: ONNX's shape inference gives {dims}; the hand arithmetic {want}")
            continue
        out = os.path.join(args.workdir, name.replace(" ", "_").replace(",", "_") + ".hpp")
        imports.append((name, want, parameters, connections, out, pool.submit(run, name, m, out)))
    rejections = []
    for k, (name, m, fragments) in enumerate(ERRORS):
        # Every rejected graph is a valid ONNX model (the opset-10 one too, at its own opset).
        if checked(name, m) is not None:
            out = os.path.join(args.workdir, f"rejected{k}.hpp")
            rejections.append((name, fragments, out, pool.submit(run, name, m, out)))

    sources = []
    for name, want, parameters, connections, out, future in imports:
        ident, r = future.result()
        if r.returncode != 0 or not os.path.exists(out):
            failures.append(f"{name}: not imported: {r.stderr.strip()}")
            continue
        c, h, w = want if len(want) == 3 else (want[0], 1, 1)
        sources.append((name, out, ident, (h, w, c), parameters, connections))
        print(f"  {name}: imported")

    for name, fragments, out, future in rejections:
        _, r = future.result()
        lines = r.stderr.strip().splitlines()
        problems = []
        if r.returncode == 0:
            problems.append("exit status 0")
        if os.path.exists(out):
            problems.append("a header was written")
        if len(lines) != 1 or not lines[0].startswith("netcount-import: error: "):
            problems.append(f"not a one-line error: {r.stderr!r}")
        elif not all(f in lines[0] for f in fragments):
            problems.append(f"the error does not say {list(fragments)}: {lines[0]}")
        print(f"  {name}: {lines[0] if lines else '(no message)'}")
        if problems:
            failures.append(f"{name}: " + "; ".join(problems))

    # One TU: every header (its own static_asserts: the importer's figures) and the figures from
    # outside the importer: ONNX's shape inference (equal to the hand arithmetic above), the hand counts.
    tu = os.path.join(args.workdir, "check_onnx_ops.cpp")
    with open(tu, "w") as f:
        f.write("// generated by tests/import/check_onnx_ops.py\n")
        for _, out, *_ in sources:
            f.write(f'#include "{out}"\n')
        f.write("\nnamespace nc = netcount;\n")
        for name, _, ident, (h, w, c), parameters, connections in sources:
            f.write(f'static_assert(nc::output_shape<{ident}> == nc::shape{{{h}, {w}, {c}}}, "{name}: output shape");\n')
            f.write(f'static_assert(nc::parameters<{ident}> == {parameters}u, "{name}: parameters");\n')
            f.write(f'static_assert(nc::totals<{ident}>.connections == {connections}u, "{name}: connections");\n')
        f.write("\nint main() { return 0; }\n")
    if compile_cmd and sources:
        r = subprocess.run([*compile_cmd, "-fsyntax-only", tu], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"the TU of {len(sources)} headers does not compile:\n{r.stderr[-6000:]}")
        else:
            print(f"  {len(sources)} headers compiled, their shapes and counts as above")
    print(f"check_onnx_ops: {len(sources)} of {len(CASES)} imported and checked, {len(ERRORS)} rejections checked")
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
