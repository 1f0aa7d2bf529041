// Every network of <netcount/zoo.hpp>, under the name examples/zoo and examples/chart know it
// by. A model added to the zoo needs one line here.
#pragma once

#include <string_view>

#include <netcount/fixed_string.hpp>
#include <netcount/zoo.hpp>

template<netcount::fixed_string Name, class Net>
struct model {
    static constexpr std::string_view name = Name;
    using network = Net;
};

template<class... Models>
struct model_list {
    // Calls f.template operator()<Model>() for each model, in order.
    template<class F>
    static void for_each(F&& f) {
        (f.template operator()<Models>(), ...);
    }
};

namespace zoo = netcount::zoo;

using zoo_models = model_list<
    model<"lenet5", zoo::lenet5>, model<"alexnet", zoo::alexnet>,
    model<"alexnet_torchvision", zoo::alexnet_torchvision>, model<"vgg11", zoo::vgg11>, model<"vgg13", zoo::vgg13>,
    model<"vgg16", zoo::vgg16>, model<"vgg19", zoo::vgg19>, model<"resnet18", zoo::resnet18>,
    model<"resnet34", zoo::resnet34>, model<"resnet50", zoo::resnet50>, model<"resnet101", zoo::resnet101>,
    model<"resnet152", zoo::resnet152>, model<"googlenet", zoo::googlenet>, model<"squeezenet1_0", zoo::squeezenet1_0>,
    model<"squeezenet1_1", zoo::squeezenet1_1>, model<"mobilenet_v1", zoo::mobilenet_v1>,
    model<"mobilenet_v2", zoo::mobilenet_v2>, model<"densenet121", zoo::densenet121>,
    model<"resnext50_32x4d", zoo::resnext50_32x4d>, model<"resnext101_32x8d", zoo::resnext101_32x8d>,
    model<"resnext101_64x4d", zoo::resnext101_64x4d>, model<"wide_resnet50_2", zoo::wide_resnet50_2>,
    model<"wide_resnet101_2", zoo::wide_resnet101_2>, model<"vgg11_bn", zoo::vgg11_bn>,
    model<"vgg13_bn", zoo::vgg13_bn>, model<"vgg16_bn", zoo::vgg16_bn>, model<"vgg19_bn", zoo::vgg19_bn>,
    model<"densenet161", zoo::densenet161>, model<"densenet169", zoo::densenet169>,
    model<"densenet201", zoo::densenet201>, model<"regnet_x_400mf", zoo::regnet_x_400mf>,
    model<"regnet_x_800mf", zoo::regnet_x_800mf>, model<"regnet_x_1_6gf", zoo::regnet_x_1_6gf>,
    model<"regnet_x_3_2gf", zoo::regnet_x_3_2gf>, model<"regnet_x_8gf", zoo::regnet_x_8gf>,
    model<"regnet_x_16gf", zoo::regnet_x_16gf>, model<"regnet_x_32gf", zoo::regnet_x_32gf>,
    model<"regnet_y_400mf", zoo::regnet_y_400mf>, model<"regnet_y_800mf", zoo::regnet_y_800mf>,
    model<"regnet_y_1_6gf", zoo::regnet_y_1_6gf>, model<"regnet_y_3_2gf", zoo::regnet_y_3_2gf>,
    model<"regnet_y_8gf", zoo::regnet_y_8gf>, model<"regnet_y_16gf", zoo::regnet_y_16gf>,
    model<"regnet_y_32gf", zoo::regnet_y_32gf>, model<"regnet_y_128gf", zoo::regnet_y_128gf>,
    model<"mnasnet0_5", zoo::mnasnet0_5>, model<"mnasnet0_75", zoo::mnasnet0_75>, model<"mnasnet1_0", zoo::mnasnet1_0>,
    model<"mnasnet1_3", zoo::mnasnet1_3>, model<"shufflenet_v2_x0_5", zoo::shufflenet_v2_x0_5>,
    model<"shufflenet_v2_x1_0", zoo::shufflenet_v2_x1_0>, model<"shufflenet_v2_x1_5", zoo::shufflenet_v2_x1_5>,
    model<"shufflenet_v2_x2_0", zoo::shufflenet_v2_x2_0>, model<"convnext_tiny", zoo::convnext_tiny>,
    model<"convnext_small", zoo::convnext_small>, model<"convnext_base", zoo::convnext_base>,
    model<"convnext_large", zoo::convnext_large>, model<"fcn_resnet50", zoo::fcn_resnet50>,
    model<"fcn_resnet101", zoo::fcn_resnet101>, model<"deeplabv3_resnet50", zoo::deeplabv3_resnet50>,
    model<"deeplabv3_resnet101", zoo::deeplabv3_resnet101>,
    model<"deeplabv3_mobilenet_v3_large", zoo::deeplabv3_mobilenet_v3_large>,
    model<"lraspp_mobilenet_v3_large", zoo::lraspp_mobilenet_v3_large>,
    model<"mobilenet_v3_large", zoo::mobilenet_v3_large>, model<"mobilenet_v3_small", zoo::mobilenet_v3_small>,
    model<"efficientnet_b0", zoo::efficientnet_b0>, model<"efficientnet_b1", zoo::efficientnet_b1>,
    model<"efficientnet_b2", zoo::efficientnet_b2>, model<"efficientnet_b3", zoo::efficientnet_b3>,
    model<"efficientnet_b4", zoo::efficientnet_b4>, model<"efficientnet_b5", zoo::efficientnet_b5>,
    model<"efficientnet_b6", zoo::efficientnet_b6>, model<"efficientnet_b7", zoo::efficientnet_b7>,
    model<"efficientnet_v2_s", zoo::efficientnet_v2_s>, model<"efficientnet_v2_m", zoo::efficientnet_v2_m>,
    model<"efficientnet_v2_l", zoo::efficientnet_v2_l>, model<"inception_v3", zoo::inception_v3>,
    model<"unet", zoo::unet>, model<"retinanet_resnet50_fpn", zoo::retinanet_resnet50_fpn>,
    model<"retinanet_resnet50_fpn_v2", zoo::retinanet_resnet50_fpn_v2>,
    model<"fcos_resnet50_fpn", zoo::fcos_resnet50_fpn>, model<"ssd300_vgg16", zoo::ssd300_vgg16>,
    model<"ssdlite320_mobilenet_v3_large", zoo::ssdlite320_mobilenet_v3_large>, model<"yolov5s", zoo::yolov5s>,
    model<"yolov8n", zoo::yolov8n>, model<"fasterrcnn_resnet50_fpn", zoo::fasterrcnn_resnet50_fpn>,
    model<"fasterrcnn_resnet50_fpn_v2", zoo::fasterrcnn_resnet50_fpn_v2>,
    model<"fasterrcnn_mobilenet_v3_large_fpn", zoo::fasterrcnn_mobilenet_v3_large_fpn>,
    model<"fasterrcnn_mobilenet_v3_large_320_fpn", zoo::fasterrcnn_mobilenet_v3_large_320_fpn>,
    model<"maskrcnn_resnet50_fpn", zoo::maskrcnn_resnet50_fpn>,
    model<"maskrcnn_resnet50_fpn_v2", zoo::maskrcnn_resnet50_fpn_v2>,
    model<"keypointrcnn_resnet50_fpn", zoo::keypointrcnn_resnet50_fpn>>;
