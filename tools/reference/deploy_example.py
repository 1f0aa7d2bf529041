"""The figures examples/deploy.cpp prints for MobileNet v1 (Howard et al. 2017) on a
microcontroller, derived from the paper's Table 1 (the layer widths and strides) and TFLite Micro's
planner as docs/deploy.md states it (tools/crosscheck/tflm_planner.py, which is written from that
statement), not from netcount's code. Standard library only.

The network as TFLite converts it is a chain: batch norms folded, every relu fused, so the tensors
are the input, each convolution's output, the pool's and the classifier's. Tensor k is written at
step k and read at step k + 1; the classifier's output is the last. int8: a byte an element,
rounded up to 16. CMSIS-NN's scratch (the DSP rules of docs/deploy.md): the first conv, 3 x 3 on 3
channels, 27 columns rounded to 28, 4 bytes each: 112 bytes at step 1; the 3 x 3 depthwise
convolutions with padding 1 and the 1 x 1 convolutions ask for none.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crosscheck"))
import tflm_planner  # noqa: E402

# Table 1: (filters, stride) of the first conv and each depthwise separable block.
FIRST = (32, 2)
BLOCKS = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [(1024, 2), (1024, 1)]


def chain(side, num, den=4):
    """The tensors' elements of MobileNet num/den at side x side."""
    s = (side + 1) // 2  # 3 x 3, stride 2, pad 1
    c = FIRST[0] * num // den
    sizes = [side * side * 3, s * s * c]
    for filters, stride in BLOCKS:
        if stride == 2:
            s = (s + 1) // 2
        sizes.append(s * s * c)  # depthwise
        c = filters * num // den
        sizes.append(s * s * c)  # pointwise
    sizes += [c, 1000]  # global pool, fc
    return sizes


def arena(side, num, scratch=False, den=4):
    sizes = [(n + 15) // 16 * 16 for n in chain(side, num, den)]
    last = len(sizes) - 1
    buffers = [(b, k, min(k + 1, last)) for k, b in enumerate(sizes)]
    if scratch:
        buffers.append((112, 1, 1))
    return tflm_planner.plan(buffers)[1]


def folded_parameters(num, den=4):
    c = FIRST[0] * num // den
    p = 27 * c + c
    for filters, _ in BLOCKS:
        d = filters * num // den
        p += 9 * c + c + c * d + d
        c = d
    return p + 1000 * c + 1000


SRAM, FLASH = 256 * 1024, 1024 * 1024
if __name__ == "__main__":
    print("arena 0.25 at 160:", arena(160, 1), "with CMSIS-NN scratch:", arena(160, 1, True))
    print("folded parameters 0.25:", folded_parameters(1))
    fits = [s for s in range(16, 4097, 16) if arena(s, 1) <= SRAM and folded_parameters(1) <= FLASH]
    print("largest side, a multiple of 16:", max(fits), "arena", arena(max(fits), 1), "next", arena(max(fits) + 16, 1))
    # Widths k / 16 at 160 (every width of Table 1 is a multiple of 16, so k / 16 of it is whole).
    for k in range(1, 17):
        print(f"width {k}/16 at 160: parameters {folded_parameters(k, 16)}, arena {arena(160, k, den=16)}")
