"""A detector's ONNX export, refused (onnx_front.py calls reject_detector before anything else):
torchvision's detectors import through --torch (detection.py, docs/import.md, "Detectors, YOLOs
and U-Net")."""

from .graph import ImportError_


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
