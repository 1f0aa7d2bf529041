"""The zoo's detectors, YOLOs and U-Net as torch modules, for `netcount-import --torch
detection_factories:<name>` (tests/import/check_detection.py puts this directory on PYTHONPATH):
torchvision's detectors with weights=None and weights_backbone=None, as include/netcount/zoo/
rcnn.hpp, retinanet.hpp, fcos.hpp and ssd.hpp count them; YOLOv5s and YOLOv8n as
tools/reference/make_yolo_reference.py writes them (Ultralytics is not needed); U-Net as
tools/crosscheck/zoo_models.py writes it."""

import os
import sys

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for _sub in ("tools/reference", "tools/crosscheck"):
    _path = os.path.join(_ROOT, _sub)
    if _path not in sys.path:
        sys.path.insert(0, _path)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree


def yolov5s():
    import make_yolo_reference
    return make_yolo_reference.yolov5s()


def yolov8n():
    """With per_level=True: the DFL and the sigmoid run level by level and side by side, the same
    layers on the same positions as Ultralytics' flat form, whose N x C x L views (all levels'
    positions in one row) are not tensors netcount has; zoo/yolo.hpp writes them this way."""
    import make_yolo_reference
    return make_yolo_reference.yolov8n(per_level=True)


def unet():
    import zoo_models
    return zoo_models.unet_2015()


def _detection(name):
    def build():
        import torchvision.models.detection as d
        return getattr(d, name)(weights=None, weights_backbone=None)
    build.__name__ = name
    return build


for _name in ("fasterrcnn_resnet50_fpn", "fasterrcnn_resnet50_fpn_v2", "fasterrcnn_mobilenet_v3_large_fpn",
              "fasterrcnn_mobilenet_v3_large_320_fpn", "maskrcnn_resnet50_fpn", "maskrcnn_resnet50_fpn_v2",
              "keypointrcnn_resnet50_fpn", "retinanet_resnet50_fpn", "retinanet_resnet50_fpn_v2",
              "fcos_resnet50_fpn", "ssd300_vgg16", "ssdlite320_mobilenet_v3_large"):
    globals()[_name] = _detection(_name)
