"""The zoo models the cross-check compares with PyTorch: the one list of them.

Each model names its netcount::zoo struct, the torch module it must match (a torchvision
constructor, without pretrained weights) and its input, height x width x channels. A model
whose struct is not yet in include/netcount/zoo/ is reported as missing; it fails the check
only under STRICT.
"""

# Switch to True once every model below is in the zoo: from then on, a missing model fails.
STRICT = True


class Model:
    def __init__(self, name, build, input_shape, reference=None, note=None, schedule_prefix=None,
                 schedule_note=None, auxiliary=None, compare_entries=False, runs_before=None,
                 order_note=None, resized_note=None):
        self.name = name                # netcount::zoo::<name>
        self.build = build              # () -> torch module, or None: no torch counterpart
        self.input_shape = input_shape  # (height, width, channels)
        self.reference = reference      # its key in tests/reference/*.json, if not its name
        self.note = note
        # Auxiliary heads, {submodule it reads: head submodule}, which torchvision runs only in
        # training: the cross-check runs each on its module's output (eval mode, a forward
        # hook), where netcount's auxiliary<...> sits, and compares its layers with netcount's
        # auxiliary entries; the totals of units and connections, and the schedule, leave them
        # out (eval mode).
        self.auxiliary = auxiliary or {}
        # Every entry of layers<Net> but flatten, not only those with parameters, against the
        # torch.fx trace's nodes that are not views, in order: kind and output shape. It reaches
        # what a forward calls as functions (Inception v3's F.avg_pool2d and F.max_pool2d
        # inside its modules), which no module hook sees; an auxiliary head is traced on its own,
        # on the output of the module it reads.
        self.compare_entries = compare_entries
        # Peak activations (schedule.py): None compares every entry's live elements and the
        # peak; a number compares only that many first entries, where the torch module's
        # structure differs from netcount's after them (schedule_note says how).
        self.schedule_prefix = schedule_prefix
        self.schedule_note = schedule_note
        # (first, then): the qualified names of two torch modules that torch runs in the order
        # then, first, and netcount in the order first, then, right one after the other
        # (order_note says why). The comparison moves first's row before then's, and first's
        # node before then's in the torch.fx graph, before the schedule: the same operations in
        # netcount's order. The torch side's check against the stored reference keeps torch's
        # order.
        self.runs_before = runs_before
        self.order_note = order_note
        # Every model is also compared on another input (crosscheck.resized: with_input<Net, H,
        # W> against the torch module on an H x W image), unless this says why it cannot be.
        self.resized_note = resized_note


def torchvision(name, **options):
    def build():
        import torchvision.models
        return getattr(torchvision.models, name)(weights=None, **options)
    return build


def segmentation(name):
    """torchvision's segmentation model `name` without the auxiliary head, and without the
    ImageNet weights its backbone would otherwise fetch; its forward returns the "out" map, not
    the dict of them (torch is imported when the model is built, as for the others)."""
    def build():
        import torch.nn as nn
        import torchvision.models.segmentation

        class Out(nn.Module):
            def __init__(self, model):
                super().__init__()
                self.model = model

            def forward(self, x):
                return self.model(x)["out"]

        return Out(getattr(torchvision.models.segmentation, name)(weights=None, weights_backbone=None,
                                                                  aux_loss=False))
    return build


def two_tower_alexnet():
    """Krizhevsky et al. (2012) with the two GPU towers as groups of 2, on a 227 x 227 input:
    conv2, conv4 and conv5 see only their own tower's channels."""
    import torch.nn as nn
    return nn.Sequential(
        nn.Conv2d(3, 96, 11, stride=4), nn.ReLU(), nn.LocalResponseNorm(5), nn.MaxPool2d(3, 2),
        nn.Conv2d(96, 256, 5, padding=2, groups=2), nn.ReLU(), nn.LocalResponseNorm(5),
        nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1, groups=2), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1, groups=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Flatten(),
        nn.Linear(9216, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, 1000))


def mobilenet_v1():
    """Howard et al. (2017), Table 1, as a torch module (torchvision has none): conv-bn-relu,
    thirteen depthwise separable convolutions, a global average pool and a classifier."""
    import torch.nn as nn

    def conv_bn(inp, out, stride):
        return [nn.Conv2d(inp, out, 3, stride, 1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True)]

    def separable(inp, out, stride):
        return [nn.Conv2d(inp, inp, 3, stride, 1, groups=inp, bias=False), nn.BatchNorm2d(inp),
                nn.ReLU(inplace=True),
                nn.Conv2d(inp, out, 1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True)]

    layers = conv_bn(3, 32, 2)
    widths = [(32, 64, 1), (64, 128, 2), (128, 128, 1), (128, 256, 2), (256, 256, 1), (256, 512, 2)]
    widths += [(512, 512, 1)] * 5 + [(512, 1024, 2), (1024, 1024, 1)]
    for inp, out, stride in widths:
        layers += separable(inp, out, stride)
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1024, 1000)]
    return nn.Sequential(*layers)


def unet_2015():
    """Ronneberger, Fischer and Brox (2015), Fig. 1, as a torch module (torchvision has none):
    valid 3 x 3 convolutions with ReLU, 2 x 2 max pools, 2 x 2 up-convolutions of stride 2 that
    halve the channels, each stacked after its level's contracting map, centre-cropped to it
    (offsets (H - h) // 2 and (W - w) // 2, as the common implementations crop: torch_side's
    CropConcatOp, one node of the torch.fx trace as netcount's crop_concat is one entry), and a last
    1 x 1 convolution to 2 classes. Every convolution has a bias. Modules run in netcount's
    order: a level's two convolutions, the pool, the level below, the up-convolution, then the
    level's two convolutions on the stack."""
    import torch.nn as nn
    from torch_side import CropConcatOp

    def convs(inp, out):
        return nn.Sequential(nn.Conv2d(inp, out, 3), nn.ReLU(inplace=True), nn.Conv2d(out, out, 3),
                             nn.ReLU(inplace=True))

    class Level(nn.Module):
        def __init__(self, inp, width, below):
            super().__init__()
            self.down = convs(inp, width)
            self.pool = nn.MaxPool2d(2, 2)
            self.below = below
            self.up = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
            self.skip = CropConcatOp()  # skip[:, :, top:top + h, left:left + w] stacked with up
            self.out = convs(2 * width, width)

        def forward(self, x):
            skip = self.down(x)
            return self.out(self.skip(skip, self.up(self.below(self.pool(skip)))))

    level = convs(512, 1024)
    for inp, width in ((256, 512), (128, 256), (64, 128), (1, 64)):
        level = Level(inp, width, level)
    return nn.Sequential(level, nn.Conv2d(64, 2, 1))


IMAGENET = (224, 224, 3)
# torchvision's segmentation models are evaluated at 520 x 520 (their weights' resize_size).
SEGMENTATION = (520, 520, 3)

# Why only DenseNet's stem is compared with the torch.fx schedule.
DENSE_NOTE = ("each torchvision dense layer concatenates all earlier maps afresh (torch.cat of a growing "
              "list, then the block's own cat at its end), where netcount chains one concat per layer: "
              "the buffers differ from the first dense layer on, so only the stem (conv, batch norm, "
              "relu, pool) is compared")

MODELS = [
    Model("lenet5", None, (32, 32, 1),
          note="LeCun et al. (1998): a connection-table convolution, trainable subsampling "
               "and RBF outputs, which torch has no modules for"),
    Model("alexnet", two_tower_alexnet, (227, 227, 3), "alexnet_two_tower",
          note="against a torch module with grouped convolutions",
          resized_note="the torch module's fc6 takes the 9,216 inputs of a 227 x 227 image, as the paper's does; "
                       "netcount's fc takes the inputs it is given"),
    Model("alexnet_torchvision", torchvision("alexnet"), IMAGENET, "torchvision_alexnet"),
    Model("vgg11", torchvision("vgg11"), IMAGENET),
    Model("vgg13", torchvision("vgg13"), IMAGENET),
    Model("vgg16", torchvision("vgg16"), IMAGENET),
    Model("vgg19", torchvision("vgg19"), IMAGENET),
    Model("resnet18", torchvision("resnet18"), IMAGENET),
    Model("resnet34", torchvision("resnet34"), IMAGENET),
    Model("resnet50", torchvision("resnet50"), IMAGENET),
    Model("resnet101", torchvision("resnet101"), IMAGENET),
    Model("resnet152", torchvision("resnet152"), IMAGENET),
    Model("mobilenet_v1", mobilenet_v1, IMAGENET,
          note="against a torch module written from the paper's Table 1"),
    Model("mobilenet_v2", torchvision("mobilenet_v2"), IMAGENET),
    Model("squeezenet1_0", torchvision("squeezenet1_0"), IMAGENET),
    Model("squeezenet1_1", torchvision("squeezenet1_1"), IMAGENET),
    Model("googlenet", torchvision("googlenet", aux_logits=False, init_weights=False), IMAGENET,
          note="without the auxiliary heads"),
    Model("densenet121", torchvision("densenet121"), IMAGENET, schedule_prefix=4, schedule_note=DENSE_NOTE),
    Model("resnext50_32x4d", torchvision("resnext50_32x4d"), IMAGENET),
    Model("resnext101_32x8d", torchvision("resnext101_32x8d"), IMAGENET),
    Model("resnext101_64x4d", torchvision("resnext101_64x4d"), IMAGENET),
    Model("wide_resnet50_2", torchvision("wide_resnet50_2"), IMAGENET),
    Model("wide_resnet101_2", torchvision("wide_resnet101_2"), IMAGENET),
    Model("vgg11_bn", torchvision("vgg11_bn"), IMAGENET),
    Model("vgg13_bn", torchvision("vgg13_bn"), IMAGENET),
    Model("vgg16_bn", torchvision("vgg16_bn"), IMAGENET),
    Model("vgg19_bn", torchvision("vgg19_bn"), IMAGENET),
    Model("densenet161", torchvision("densenet161"), IMAGENET, schedule_prefix=4, schedule_note=DENSE_NOTE),
    Model("densenet169", torchvision("densenet169"), IMAGENET, schedule_prefix=4, schedule_note=DENSE_NOTE),
    Model("densenet201", torchvision("densenet201"), IMAGENET, schedule_prefix=4, schedule_note=DENSE_NOTE),
    Model("regnet_x_400mf", torchvision("regnet_x_400mf"), IMAGENET),
    Model("regnet_x_800mf", torchvision("regnet_x_800mf"), IMAGENET),
    Model("regnet_x_1_6gf", torchvision("regnet_x_1_6gf"), IMAGENET),
    Model("regnet_x_3_2gf", torchvision("regnet_x_3_2gf"), IMAGENET),
    Model("regnet_x_8gf", torchvision("regnet_x_8gf"), IMAGENET),
    Model("regnet_x_16gf", torchvision("regnet_x_16gf"), IMAGENET),
    Model("regnet_x_32gf", torchvision("regnet_x_32gf"), IMAGENET),
    Model("regnet_y_400mf", torchvision("regnet_y_400mf"), IMAGENET),
    Model("regnet_y_800mf", torchvision("regnet_y_800mf"), IMAGENET),
    Model("regnet_y_1_6gf", torchvision("regnet_y_1_6gf"), IMAGENET),
    Model("regnet_y_3_2gf", torchvision("regnet_y_3_2gf"), IMAGENET),
    Model("regnet_y_8gf", torchvision("regnet_y_8gf"), IMAGENET),
    Model("regnet_y_16gf", torchvision("regnet_y_16gf"), IMAGENET),
    Model("regnet_y_32gf", torchvision("regnet_y_32gf"), IMAGENET),
    Model("regnet_y_128gf", torchvision("regnet_y_128gf"), IMAGENET),
    Model("mnasnet0_5", torchvision("mnasnet0_5"), IMAGENET),
    Model("mnasnet0_75", torchvision("mnasnet0_75"), IMAGENET),
    Model("mnasnet1_0", torchvision("mnasnet1_0"), IMAGENET),
    Model("mnasnet1_3", torchvision("mnasnet1_3"), IMAGENET),
    Model("shufflenet_v2_x0_5", torchvision("shufflenet_v2_x0_5"), IMAGENET),
    Model("shufflenet_v2_x1_0", torchvision("shufflenet_v2_x1_0"), IMAGENET),
    Model("shufflenet_v2_x1_5", torchvision("shufflenet_v2_x1_5"), IMAGENET),
    Model("shufflenet_v2_x2_0", torchvision("shufflenet_v2_x2_0"), IMAGENET),
    Model("convnext_tiny", torchvision("convnext_tiny"), IMAGENET),
    Model("convnext_small", torchvision("convnext_small"), IMAGENET),
    Model("convnext_base", torchvision("convnext_base"), IMAGENET),
    Model("convnext_large", torchvision("convnext_large"), IMAGENET),
    Model("fcn_resnet50", segmentation("fcn_resnet50"), SEGMENTATION),
    Model("fcn_resnet101", segmentation("fcn_resnet101"), SEGMENTATION),
    Model("deeplabv3_resnet50", segmentation("deeplabv3_resnet50"), SEGMENTATION),
    Model("deeplabv3_resnet101", segmentation("deeplabv3_resnet101"), SEGMENTATION),
    Model("deeplabv3_mobilenet_v3_large", segmentation("deeplabv3_mobilenet_v3_large"), SEGMENTATION),
    Model("lraspp_mobilenet_v3_large", segmentation("lraspp_mobilenet_v3_large"), SEGMENTATION,
          runs_before=("model.classifier.high_classifier", "model.classifier.low_classifier"),
          order_note="torchvision's LRASPPHead returns low_classifier(low) + high_classifier(x), running "
                     "low_classifier first; netcount's add reads low and runs its paths in order, the rest of "
                     "the backbone and the head up to high_classifier first, then low_classifier"),
    Model("mobilenet_v3_large", torchvision("mobilenet_v3_large"), IMAGENET),
    Model("mobilenet_v3_small", torchvision("mobilenet_v3_small"), IMAGENET),
    Model("efficientnet_b0", torchvision("efficientnet_b0"), (224, 224, 3)),
    Model("efficientnet_b1", torchvision("efficientnet_b1"), (240, 240, 3)),
    Model("efficientnet_b2", torchvision("efficientnet_b2"), (260, 260, 3)),
    Model("efficientnet_b3", torchvision("efficientnet_b3"), (300, 300, 3)),
    Model("efficientnet_b4", torchvision("efficientnet_b4"), (380, 380, 3)),
    Model("efficientnet_b5", torchvision("efficientnet_b5"), (456, 456, 3)),
    Model("efficientnet_b6", torchvision("efficientnet_b6"), (528, 528, 3)),
    Model("efficientnet_b7", torchvision("efficientnet_b7"), (600, 600, 3)),
    Model("efficientnet_v2_s", torchvision("efficientnet_v2_s"), (384, 384, 3)),
    Model("efficientnet_v2_m", torchvision("efficientnet_v2_m"), (480, 480, 3)),
    Model("efficientnet_v2_l", torchvision("efficientnet_v2_l"), (480, 480, 3)),
    Model("inception_v3", torchvision("inception_v3", aux_logits=True, init_weights=False), (299, 299, 3),
          auxiliary={"Mixed_6e": "AuxLogits"}, compare_entries=True,
          note="with AuxLogits, run on Mixed_6e's output"),
    Model("unet", unet_2015, (572, 572, 1),
          note="against a torch module written from the paper's Fig. 1 (torchvision has no U-Net)"),
]
