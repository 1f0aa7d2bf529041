"""torchvision's detectors through --torch (docs/import.md, "Detectors, YOLOs and U-Net").

A detector's top-level forward is not a graph torch.fx can trace, nor one netcount counts: it
resizes the images, decodes anchors, picks proposals and detections by score, and crops regions
of the pyramid for a variable number of them. The importer recognises torchvision's
GeneralizedRCNN (Faster, Mask and Keypoint R-CNN), RetinaNet, FCOS and SSD and counts them as
netcount's zoo does (include/netcount/zoo/rcnn.hpp, retinanet.hpp, fcos.hpp, ssd.hpp):

- the trunk, traced by torch.fx through a module written here that runs the model's own parts
  in torchvision's order: the backbone (and pyramid) once, then each head on every level it
  reads, called once per level, so that the importer writes a head's layers as shared<> (their
  parameters once, their work on every level); its outputs are the heads' maps;
- a two-stage detector's RoI heads (the box head and predictor, the mask or keypoint head and
  predictor), each traced on one region (the RoIAlign's output size and the pyramid's channels)
  and written as rois<Count, Height, Width, ...> reading the pyramid's level "0", as the zoo
  writes them: Count is the proposals the RPN keeps (rpn.post_nms_top_n()'s testing value) for
  the box head and the detections kept (roi_heads.detections_per_img) for the mask or keypoint
  head, or --rois and --detections.

The image is the one the network sees after torchvision's transform: its min_size square (800,
320 for the 320 model), or SSD's fixed size, unless --input gives another.
"""

from .graph import ImportError_, Renderer, Structure

DETECTORS = ("GeneralizedRCNN", "RetinaNet", "FCOS", "SSD")


def family(model):
    """The torchvision detector class model is (or derives from), or None."""
    for cls in type(model).__mro__:
        if cls.__name__ in DETECTORS and cls.__module__.startswith("torchvision.models.detection"):
            return cls.__name__
    return None


def default_input(model, kind):
    """C, H, W of the image torchvision's transform makes of a square picture."""
    t = model.transform
    if kind == "SSD":
        h, w = t.fixed_size if getattr(t, "fixed_size", None) else (t.min_size[-1], t.min_size[-1])
        return (3, int(h), int(w))
    size = int(t.min_size[-1])
    return (3, size, size)


def rescale_class():
    """SSD300's rescale of conv4_3's map, scale_weight * F.normalize(x) (torchvision's
    SSDFeatureExtractorVGG): one node, netcount's layer_scale (the normalisation counts nothing,
    the scale is a learned number per channel)."""
    import torch.nn as nn
    import torch.nn.functional as F

    from . import torch_front

    class Rescale(nn.Module):
        def __init__(self, weight):
            super().__init__()
            self.scale_weight = weight

        def forward(self, x):
            return self.scale_weight.view(1, -1, 1, 1) * F.normalize(x)

    torch_front.EXTRA_LEAVES[Rescale] = ("layer_scale", ())
    return Rescale


def trunk_module(model, kind):
    """A module that runs the model's backbone and its per-level heads in torchvision's order and
    returns the heads' maps, then (two-stage) the level the RoI heads read."""
    import torch.nn as nn
    import torch.nn.functional as F

    class Trunk(nn.Module):
        def __init__(self):
            super().__init__()
            self.backbone = model.backbone
            vgg = type(model.backbone).__name__ == "SSDFeatureExtractorVGG"
            self.rescale = rescale_class()(model.backbone.scale_weight) if vgg else None
            if kind == "GeneralizedRCNN":
                self.rpn = model.rpn.head
            else:
                self.head = model.head

        def features(self, x):
            if self.rescale is None:
                return self.backbone(x)
            # SSDFeatureExtractorVGG.forward, its rescale one node: conv4_3's map rescaled, and the
            # extra blocks on conv4_3's map itself
            x = self.backbone.features(x)
            maps = [self.rescale(x)]
            for block in self.backbone.extra:
                x = block(x)
                maps.append(x)
            return dict((str(i), v) for i, v in enumerate(maps))

        def forward(self, x):
            features = self.features(x)
            if kind == "SSD":
                levels = list(features.values()) if isinstance(features, dict) else [features]
            else:
                levels = list(features.values())
            outs = []
            if kind == "GeneralizedRCNN":
                # RPNHead.forward: on each level its conv, then cls_logits and bbox_pred.
                for level in levels:
                    t = self.rpn.conv(level)
                    outs.append(self.rpn.cls_logits(t))
                    outs.append(self.rpn.bbox_pred(t))
                outs.append(levels[0])
            elif kind == "RetinaNet":
                cls, reg = self.head.classification_head, self.head.regression_head
                outs += [cls.cls_logits(cls.conv(level)) for level in levels]
                outs += [reg.bbox_reg(reg.conv(level)) for level in levels]
            elif kind == "FCOS":
                cls, reg = self.head.classification_head, self.head.regression_head
                outs += [cls.cls_logits(cls.conv(level)) for level in levels]
                boxes, centres = [], []
                for level in levels:
                    t = reg.conv(level)
                    boxes.append(F.relu(reg.bbox_reg(t)))
                    centres.append(reg.bbox_ctrness(t))
                outs += boxes + centres
            else:  # SSD: SSDHead / SSDLiteHead, the box head on every map, then the class head
                for head in (self.head.regression_head, self.head.classification_head):
                    outs += [block(level) for block, level in zip(head.module_list, levels)]
            return outs

    return Trunk()


def roi_heads(model, rois, detections):
    """[(name, module on one region, count, (height, width)), ...] of a two-stage detector."""
    import torch.nn as nn
    heads = []
    h = model.roi_heads

    class Head(nn.Module):
        def __init__(self, head, predictor):
            super().__init__()
            self.head, self.predictor = head, predictor

        def forward(self, x):
            x = self.head(x)
            if type(self.predictor).__name__ == "FastRCNNPredictor":
                # its forward asserts on the shape (control flow torch.fx cannot trace): its layers
                x = x.flatten(start_dim=1)
                return self.predictor.cls_score(x), self.predictor.bbox_pred(x)
            return self.predictor(x)

    def size(pool):
        s = pool.output_size
        return (int(s[0]), int(s[1])) if isinstance(s, (tuple, list)) else (int(s), int(s))

    heads.append(("box", Head(h.box_head, h.box_predictor), rois, size(h.box_roi_pool)))
    if getattr(h, "mask_head", None) is not None:
        heads.append(("mask", Head(h.mask_head, h.mask_predictor), detections, size(h.mask_roi_pool)))
    if getattr(h, "keypoint_head", None) is not None:
        heads.append(("keypoint", Head(h.keypoint_head, h.keypoint_predictor), detections,
                      size(h.keypoint_roi_pool)))
    return heads


def render_part(nodes, outputs, where, depth, ns):
    """Lines of a traced part, and the full names of its outputs, for from<> and outputs<>."""
    elements = Structure(nodes, outputs).build()
    r = Renderer(elements, outputs, nodes, ns)
    if len(outputs) == 1:
        r.targets.add(outputs[0])
    lines = r.render(elements, (), where, depth)
    names = []
    for o in outputs:
        if o not in r.full:
            raise ImportError_(f"output {nodes[o].name} ({nodes[o].op}): its name cannot be written")
        names.append(r.full[o])
    return lines, names


def translate(args, model, input_chw, ns="netcount"):
    """(network text, parameters, output shapes, notes, input chw) of a torchvision detector."""
    import copy

    from .torch_front import TraceError, Translator
    kind = family(model)
    two_stage = kind == "GeneralizedRCNN"
    for option in ("rois", "detections"):
        if getattr(args, option, None) is not None and not two_stage:
            raise ImportError_(f"--{option}: {type(model).__name__} ({kind}) has no RoI heads; --{option} is for "
                               "two-stage detectors (GeneralizedRCNN)")
    model.eval()
    total = sum(p.numel() for p in model.parameters())
    # Shapes come from running the parts once: on the meta device, which computes shapes and no
    # values (a ResNet-50 pyramid on 800 x 800 zeros took 30 s on CPU, on meta 0.2 s).
    model = copy.deepcopy(model).to("meta")
    if input_chw is None:
        input_chw = default_input(model, kind)
    c, h, w = input_chw
    try:
        trunk = Translator(trunk_module(model, kind), input_chw)
    except TraceError as e:
        raise ImportError_(f"{kind}: its backbone and heads: {e}") from None
    outputs = list(trunk.outputs)
    level0 = outputs.pop() if two_stage else None
    lines, names = render_part(trunk.nodes, outputs + ([level0] if two_stage else []), (), 1, ns)
    if two_stage:
        level0_name = names.pop()
    _, used = trunk.parameters()
    shapes = [trunk.nodes[o].shape for o in outputs]
    cls = type(model).__name__ + ("" if type(model).__name__ == kind else f", a {kind}")
    notes = [f"torchvision's {cls}: its backbone and heads as the zoo counts them (docs/import.md, \"Detectors, "
             f"YOLOs and U-Net\"), on the image of {h} x {w} that torchvision's transform makes."]
    if two_stage:
        rois = args.rois if args.rois is not None else int(model.rpn._post_nms_top_n["testing"])
        detections = args.detections if args.detections is not None else int(model.roi_heads.detections_per_img)
        for option, value in (("--rois", rois), ("--detections", detections)):
            if value < 1:
                raise ImportError_(f"{option} {value}: a RoI head runs on at least one region (netcount's rois<> "
                                   "counts 1 or more)")
        channels = trunk.nodes[level0].shape[2]
        for name, head, count, (rh, rw) in roi_heads(model, rois, detections):
            try:
                part = Translator(head, (channels, rh, rw))
            except TraceError as e:
                raise ImportError_(f"{kind}: its {name} head: {e}") from None
            part_outputs = list(part.outputs)
            inner, inner_names = render_part(part.nodes, part_outputs, (name,), 2, ns)
            lines.append(Renderer.line(1, f'{ns}::from<"{level0_name}">,'))
            lines.append(Renderer.line(1, f'{ns}::rois<{count}, {rh}, {rw}, {ns}::name<"{name}">,'))
            lines.extend(inner)
            Renderer.close(lines)
            if len(part_outputs) == 1:
                inner_names = [name]  # the block's output is its last element's
            names.extend(inner_names)
            shapes.extend(part.nodes[o].shape for o in part_outputs)
            used += part.parameters()[1]
            if name == "box":
                why = "--rois" if args.rois is not None else "the proposals its RPN keeps, rpn post_nms_top_n testing"
            else:
                why = ("--detections" if args.detections is not None
                       else "the detections it keeps, roi_heads.detections_per_img")
            notes.append(f"The {name} head runs on {count} regions of {rh} x {rw} of level \"0\" (rois<>): {why}.")
    if total != used:
        notes.append(f"The model holds {total} parameters; {total - used} of them are in modules these parts do "
                     "not call and are not counted.")
    lines.append(Renderer.line(1, f'{ns}::outputs<{", ".join(chr(34) + n + chr(34) for n in names)}>,'))
    head = [Renderer.line(0, f"{ns}::network<{ns}::input<{h}, {w}, {c}>,")]
    text_lines = head + lines
    code, sep, comment = text_lines[-1].partition("  //")
    code = code.rstrip()
    text_lines[-1] = code[:-1] + "> {};" + (("  //" + comment) if sep else "")
    return "\n".join(text_lines), used, shapes, notes, input_chw
