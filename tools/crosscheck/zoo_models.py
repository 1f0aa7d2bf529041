"""The zoo models the cross-check compares with PyTorch: the one list of them.

Each model names its netcount::zoo struct, the torch module it must match (a torchvision
constructor, without pretrained weights) and its input, height x width x channels. A model
whose struct is not yet in include/netcount/zoo/ is reported as missing; it fails the check
only under STRICT.
"""

# Switch to True once every model below is in the zoo: from then on, a missing model fails.
STRICT = True


class Model:
    def __init__(self, name, build, input_shape, reference=None, note=None):
        self.name = name                # netcount::zoo::<name>
        self.build = build              # () -> torch module, or None: no torch counterpart
        self.input_shape = input_shape  # (height, width, channels)
        self.reference = reference      # its key in tests/reference/*.json, if not its name
        self.note = note


def torchvision(name, **options):
    def build():
        import torchvision.models
        return getattr(torchvision.models, name)(weights=None, **options)
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


IMAGENET = (224, 224, 3)

MODELS = [
    Model("lenet5", None, (32, 32, 1),
          note="LeCun et al. (1998): a connection-table convolution, trainable subsampling "
               "and RBF outputs, which torch has no modules for"),
    Model("alexnet", two_tower_alexnet, (227, 227, 3), "alexnet_two_tower",
          note="against a torch module with grouped convolutions"),
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
    Model("mobilenet_v2", torchvision("mobilenet_v2"), IMAGENET),
    Model("squeezenet1_0", torchvision("squeezenet1_0"), IMAGENET),
    Model("squeezenet1_1", torchvision("squeezenet1_1"), IMAGENET),
    Model("googlenet", torchvision("googlenet", aux_logits=False, init_weights=False), IMAGENET,
          note="without the auxiliary heads"),
    Model("densenet121", torchvision("densenet121"), IMAGENET),
    Model("resnext50_32x4d", torchvision("resnext50_32x4d"), IMAGENET),
    Model("resnext101_32x8d", torchvision("resnext101_32x8d"), IMAGENET),
    Model("resnext101_64x4d", torchvision("resnext101_64x4d"), IMAGENET),
    Model("wide_resnet50_2", torchvision("wide_resnet50_2"), IMAGENET),
    Model("wide_resnet101_2", torchvision("wide_resnet101_2"), IMAGENET),
    Model("vgg11_bn", torchvision("vgg11_bn"), IMAGENET),
    Model("vgg13_bn", torchvision("vgg13_bn"), IMAGENET),
    Model("vgg16_bn", torchvision("vgg16_bn"), IMAGENET),
    Model("vgg19_bn", torchvision("vgg19_bn"), IMAGENET),
    Model("densenet161", torchvision("densenet161"), IMAGENET),
    Model("densenet169", torchvision("densenet169"), IMAGENET),
    Model("densenet201", torchvision("densenet201"), IMAGENET),
    Model("regnet_x_400mf", torchvision("regnet_x_400mf"), IMAGENET),
    Model("regnet_x_800mf", torchvision("regnet_x_800mf"), IMAGENET),
    Model("regnet_x_1_6gf", torchvision("regnet_x_1_6gf"), IMAGENET),
    Model("regnet_x_3_2gf", torchvision("regnet_x_3_2gf"), IMAGENET),
    Model("regnet_x_8gf", torchvision("regnet_x_8gf"), IMAGENET),
    Model("regnet_x_16gf", torchvision("regnet_x_16gf"), IMAGENET),
    Model("regnet_x_32gf", torchvision("regnet_x_32gf"), IMAGENET),
    Model("mnasnet0_5", torchvision("mnasnet0_5"), IMAGENET),
    Model("mnasnet0_75", torchvision("mnasnet0_75"), IMAGENET),
    Model("mnasnet1_0", torchvision("mnasnet1_0"), IMAGENET),
    Model("mnasnet1_3", torchvision("mnasnet1_3"), IMAGENET),
]
