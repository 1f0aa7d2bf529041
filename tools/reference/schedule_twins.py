"""The memory schedule of the zoo's detectors, YOLOs and U-Net, from their torch modules: a twin
of each model that calls torchvision's (or the reference script's) own modules in the order
netcount's zoo header lists their entries and returns the tensors the header names in
outputs<...>, traced with torch.fx, with tools/crosscheck/schedule.py applying the rules of
docs/deploy.md ("Peak memory of an inference run"), written from their statement, not from
netcount's code. Used by the reference scripts of this folder; torch only, no netcount.

What each twin changes of the torch model's forward, and why (every change is one that
netcount's documented rules or the zoo header's documented structure make):
  - Only what inference runs on the network's image: the transform before, and the anchors,
    decoding, NMS and the reshapes of the head's maps to one row per anchor after, are left out
    (they count nothing, and the reshapes' torch.cat would be buffers that netcount, whose
    outputs are the maps, does not hold).
  - A two-stage detector's regions are torchvision.ops.roi_align of fixed boxes (a leaf module,
    a buffer of Count x C x H x W elements, netcount's roi_align) on the pyramid's level "0",
    which is what netcount's rois<> block reads and keeps alive (docs/reference.md, "Regions of
    interest": MultiScaleRoIAlign reads several levels, a rois<> the one tensor it is given).
    The box predictor's two layers are called directly (its forward tests x.dim(), which
    torch.fx cannot trace); the head's flatten is a view either way.
  - SSD300's rescaling, scale_weight * F.normalize(x), is one elementwise node, netcount's
    layer_scale (F.normalize reads a position's channels before it writes any, as softmax,
    which the rules count in place; it counts nothing and is no entry of its own).
"""

import sys
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "crosscheck"))

import schedule  # noqa: E402  (tools/crosscheck)
import torch_side  # noqa: E402

WEIGHTED = (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)


def measure(twin, height, width, channels=3, leaves=()):
    """{"peak_activations": the peak of the schedule, "live": the live elements at every call of
    a Conv2d, ConvTranspose2d or Linear, in the order they run}. The trace's shapes come from a
    run on torch's "meta" device (shapes without arithmetic: the detectors' heads on 1,000
    regions took minutes on the CPU), or on the CPU where an operation has no meta kernel; the
    twin's modules are moved there, so call it after anything else that runs them."""
    twin.eval()
    try:
        gm = schedule.trace(twin.to("meta"), (height, width, channels), leaves)
    except (NotImplementedError, RuntimeError):
        gm = schedule.trace(twin.to("cpu"), (height, width, channels), leaves)
    rows, peak = schedule.schedule(gm)
    live = [l for n, _, l in rows if n.op == "call_module" and isinstance(gm.get_submodule(n.target), WEIGHTED)]
    return {"peak_activations": peak, "live": live}


# ---------------------------------------------------------------------------------------------
# One-stage detectors

class RetinaNet(nn.Module):
    """The backbone (ResNet and pyramid, torchvision's forward), then the classification subnet
    on P3 to P7, then the box subnet on P3 to P7: the ten maps."""

    def __init__(self, model):
        super().__init__()
        self.backbone, self.head = model.backbone, model.head

    def forward(self, x):
        levels = list(self.backbone(x).values())
        c, r = self.head.classification_head, self.head.regression_head
        return tuple([c.cls_logits(c.conv(t)) for t in levels] + [r.bbox_reg(r.conv(t)) for t in levels])


class FCOS(nn.Module):
    """The classification subnet on P3 to P7, then on each level the box subnet (its ReLU after
    bbox_reg, as torchvision's FCOSRegressionHead) and the centre-ness of its four convolutions."""

    def __init__(self, model):
        super().__init__()
        self.backbone, self.head = model.backbone, model.head

    def forward(self, x):
        levels = list(self.backbone(x).values())
        c, r = self.head.classification_head, self.head.regression_head
        scores = [c.cls_logits(c.conv(t)) for t in levels]
        boxes, centres = [], []
        for t in levels:
            tower = r.conv(t)
            boxes.append(F.relu(r.bbox_reg(tower)))
            centres.append(r.bbox_ctrness(tower))
        return tuple(scores + boxes + centres)


class NormalizeScale(torch_side.LayerScale):
    """SSD300's scale_weight.view(1, -1, 1, 1) * F.normalize(x): an elementwise leaf (a
    LayerScale, which schedule.py counts in place where its input's data is read last)."""

    def __init__(self, scale_weight):
        nn.Module.__init__(self)
        self.scale = scale_weight

    def forward(self, x):
        return self.scale.view(1, -1, 1, 1) * F.normalize(x)


class SSD300(nn.Module):
    """torchvision's SSDFeatureExtractorVGG (features, the rescaled conv4_3, the extra blocks on
    conv4_3 itself), then the box head on the six maps, then the class head."""

    def __init__(self, model):
        super().__init__()
        self.features, self.extra, self.head = model.backbone.features, model.backbone.extra, model.head
        self.rescale = NormalizeScale(model.backbone.scale_weight)

    def forward(self, x):
        x = self.features(x)
        maps = [self.rescale(x)]
        for block in self.extra:
            x = block(x)
            maps.append(x)
        return ssd_heads(self.head, maps)


class SSDLite(nn.Module):
    """torchvision's SSDLiteFeatureExtractorMobileNet (its forward), then the heads as SSD's."""

    def __init__(self, model):
        super().__init__()
        self.backbone, self.head = model.backbone, model.head

    def forward(self, x):
        return ssd_heads(self.head, list(self.backbone(x).values()))


def ssd_heads(head, maps):
    """SSDHead's order: the box head's block on each map, then the class head's."""
    return tuple([m(t) for m, t in zip(head.regression_head.module_list, maps)] +
                 [m(t) for m, t in zip(head.classification_head.module_list, maps)])


# The twin of each torchvision constructor's model, by the constructor's first word.
ONE_STAGE = {"retinanet": RetinaNet, "fcos": FCOS, "ssd300": SSD300, "ssdlite320": SSDLite}


def one_stage(constructor, model, height, width):
    """The schedule of torchvision's one-stage detector `constructor` on a height x width image."""
    twin = ONE_STAGE[constructor.split("_")[0]](model)
    return measure(twin, height, width, leaves=[m for m in twin.modules() if isinstance(m, NormalizeScale)])


# ---------------------------------------------------------------------------------------------
# Two-stage detectors

class Regions(nn.Module):
    """RoIAlign of Count fixed boxes of the map to Size x Size: a buffer of Count x C x Size x
    Size elements (a leaf of the trace: netcount's roi_align, one entry)."""

    def __init__(self, count, size):
        super().__init__()
        self.size = size
        boxes = torch.tensor([[0.0, 0.0, 0.0, 32.0, 32.0]]).repeat(count, 1)
        self.register_buffer("boxes", boxes)

    def forward(self, x):
        import torchvision.ops
        if x.is_meta:  # the shape only: roi_align has no meta kernel
            return x.new_empty(self.boxes.shape[0], x.shape[1], self.size, self.size)
        return torchvision.ops.roi_align(x, self.boxes, self.size, spatial_scale=0.25, sampling_ratio=2)


class RCNN(nn.Module):
    """torchvision's backbone (body and pyramid), the RPN head on every level (its convolutions,
    then cls_logits, then bbox_pred), the box head and predictor on rpn_post_nms_top_n_test
    regions of level "0", then the mask or keypoint head and predictor on box_detections_per_img
    regions of level "0"."""

    def __init__(self, model):
        super().__init__()
        heads = model.roi_heads
        self.backbone, self.rpn = model.backbone, model.rpn.head
        self.box_head, self.box_predictor = heads.box_head, heads.box_predictor
        self.box_regions = Regions(model.rpn._post_nms_top_n["testing"], 7)
        self.second = None
        for head, predictor in (("mask_head", "mask_predictor"), ("keypoint_head", "keypoint_predictor")):
            if getattr(heads, head, None) is not None:
                self.second = nn.Sequential(Regions(heads.detections_per_img, 14), getattr(heads, head),
                                            getattr(heads, predictor))

    def forward(self, x):
        levels = list(self.backbone(x).values())
        out = []
        for t in levels:
            t = self.rpn.conv(t)
            out += [self.rpn.cls_logits(t), self.rpn.bbox_pred(t)]
        features = self.box_head(self.box_regions(levels[0])).flatten(start_dim=1)
        out += [self.box_predictor.cls_score(features), self.box_predictor.bbox_pred(features)]
        if self.second is not None:
            out.append(self.second(levels[0]))
        return tuple(out)


def two_stage(model, height, width):
    twin = RCNN(model)
    return measure(twin, height, width, leaves=[m for m in twin.modules() if isinstance(m, Regions)])
