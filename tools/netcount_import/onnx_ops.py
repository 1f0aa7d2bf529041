"""ONNX operators the detectors, YOLOs and U-Net export (docs/import.md, "Detectors, YOLOs and
U-Net"), kept apart from onnx_front.py, which calls them:

- `Slice` of a tensor on constant bounds: along the channels, netcount's `slice<a, b>` (YOLOv8's
  `chunk` exports as two Slices at opset 13 and later); along the height and width, a crop, which
  the importer reads only where a `Concat` stacks centre crops to the smallest size among its
  inputs, netcount's `crop_concat` (U-Net's "copy and crop");
- shapes that ONNX's shape inference leaves unknown because an input of a node is computed from
  constants by nodes it does not evaluate (nn.Upsample's `Resize` reads scales that a `Concat` of
  `Constant`s computes when the export does not fold constants): the importer evaluates those
  constants, gives them to the node as initializers and infers the shapes again.
"""

import numpy as np

from .graph import ImportError_

def settle_shapes(model, infer, evaluate):
    """The model with every node's constant inputs given as initializers where shape inference
    left an output's shape unknown, inferred again until nothing changes; `evaluate(model)`
    returns the constants the importer computes ({tensor name: array})."""
    import onnx.numpy_helper
    for _ in range(100):  # a round per stage of nodes whose shapes wait for the stage before
        known = {}
        for vi in list(model.graph.value_info) + list(model.graph.output):
            t = vi.type.tensor_type
            known[vi.name] = t.HasField("shape") and all(d.HasField("dim_value") for d in t.shape.dim)
        unknown = [n for n in model.graph.node if any(o and not known.get(o, True) for o in n.output)]
        if not unknown:
            return model
        consts = evaluate(model)
        inits = {i.name for i in model.graph.initializer}
        changed = False
        for n in unknown:
            for k, name in enumerate(n.input):
                if name and name in consts and name not in inits:
                    folded = name + "__netcount_folded"
                    if folded not in inits:
                        model.graph.initializer.append(onnx.numpy_helper.from_array(np.asarray(consts[name]), folded))
                        inits.add(folded)
                    n.input[k] = folded
                    changed = True
        if not changed:
            return model
        del model.graph.value_info[:]
        model = infer(model)
    return model


def bounds(r, n):
    """(axis, begin, end) of each axis a Slice cuts, on the static shape of what it reads."""
    starts, ends = r.const(n, 1, "starts"), r.const(n, 2, "ends")
    axes = r.const(n, 3, "axes")
    steps = r.const(n, 4, "steps")
    shape = r.shapes.get(n.input[0])
    if shape is None or any(d is None for d in shape):
        r.fail(n, f"the shape of {n.input[0]} is not known after shape inference")
    axes = list(range(len(starts))) if axes is None else [int(a) for a in axes]
    if steps is not None and any(int(s) != 1 for s in steps):
        r.fail(n, "a Slice with a step: netcount slices contiguous channels and crops")
    cuts = []
    for s, e, ax in zip(starts, ends, axes):
        ax = ax + len(shape) if ax < 0 else ax
        size = shape[ax]
        begin, end, _ = slice(int(s), int(e), 1).indices(size)
        if (begin, end) != (0, size):
            cuts.append((ax, begin, end))
    return cuts, shape


def slice_node(r, n):
    """A Slice of a tensor (onnx_front.Reader.node): a channel slice, a crop kept for the Concat
    that reads it, or nothing (the whole tensor)."""
    source = n.input[0]
    if source in r.crops:
        x, box = r.crops[source]
    else:
        x, box = r.inp(n), None
    cuts, shape = bounds(r, n)
    if len(shape) != 4:
        r.fail(n, f"a Slice of a tensor of shape {shape}; netcount slices N x C x H x W tensors")
    channels = [c for c in cuts if c[0] == 1]
    spatial = [c for c in cuts if c[0] in (2, 3)]
    if any(c[0] == 0 for c in cuts):
        r.fail(n, "a Slice of the batch")
    if channels and (spatial or box is not None):
        r.fail(n, "a Slice of both channels and height or width")
    if channels:
        _, begin, end = channels[0]
        return r.add(n, "slice", [str(begin), str(end)], inputs=[x], nameable=False)
    if not spatial and box is None:
        r.tensor[n.output[0]] = x
        return None
    # A crop: [top, bottom, left, right] of the source tensor kept, composed with an earlier one.
    h, w = shape[2], shape[3]
    top, left = (box[0], box[2]) if box is not None else (0, 0)
    rows, cols = (top, top + h), (left, left + w)
    for ax, begin, end in spatial:
        if ax == 2:
            rows = (top + begin, top + end)
        else:
            cols = (left + begin, left + end)
    r.crops[n.output[0]] = (x, (rows[0], rows[1], cols[0], cols[1]))
    return None


def crop_concat(r, n):
    """A Concat along the channels of crops (and tensors): netcount's crop_concat where each
    input is its source centre-cropped to the smallest height and width among them, offsets
    (H - h) // 2 and (W - w) // 2, as netcount's crop_concat crops."""
    sources, boxes = [], []
    for name in n.input:
        if name in r.crops:
            x, box = r.crops[name]
        else:
            x = r.inp(n, list(n.input).index(name))
            h, w, _ = r.nodes[x].shape
            box = (0, h, 0, w)
        sources.append(x)
        boxes.append(box)
    h = min(r.nodes[x].shape[0] for x in sources)
    w = min(r.nodes[x].shape[1] for x in sources)
    for x, box in zip(sources, boxes):
        sh, sw, _ = r.nodes[x].shape
        top, left = (sh - h) // 2, (sw - w) // 2
        if box != (top, top + h, left, left + w):
            r.fail(n, f"a Concat of a crop of rows {box[0]}:{box[1]} and columns {box[2]}:{box[3]} of a {sh} x {sw} "
                   f"tensor: netcount's crop_concat centre-crops each input to the smallest, rows {top}:{top + h} "
                   f"and columns {left}:{left + w}")
    return r.add(n, "crop_concat", inputs=sources, nameable=False, merge=True)


def check_crop_read(r, n, name):
    if name in r.crops:
        raise ImportError_(f"{r.where(n)}: reads a crop (a Slice of height or width), which the importer reads only "
                           "in a Concat of centre crops (netcount's crop_concat)")


# What a detector's export computes after its layers: proposals and detections picked by score
# (TopK, NonMaxSuppression), regions cropped from the pyramid (RoiAlign), a loop over the images
# (Loop). netcount counts those heads with shared<> and rois<> instead, which the importer writes
# from the torch module (detection.py). Not If: torch.onnx exports local response norm with one.
DETECTION_OPS = ("NonMaxSuppression", "RoiAlign", "TopK", "Loop")


def reject_detector(path, graph):
    """A detector's export (torchvision's GeneralizedRCNN, RetinaNet, FCOS, SSD): rejected on its
    first post-processing node, before anything else, pointing to --torch."""
    for n in graph.node:
        if n.op_type in DETECTION_OPS:
            raise ImportError_(f"{path}: node {n.name or n.output[0]} ({n.op_type}): a detector's post-processing "
                               "(proposals, non-maximum suppression, RoI pooling), which netcount has no layers for; "
                               "import the torch module with --torch instead (docs/import.md, \"Detectors\")")
