// netcount::zoo: well-known networks, each written as its paper reads.
#ifndef NETCOUNT_ZOO_HPP
#define NETCOUNT_ZOO_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <netcount/zoo/alexnet.hpp>
#include <netcount/zoo/convnext.hpp>
#include <netcount/zoo/densenet.hpp>
#include <netcount/zoo/efficientnet.hpp>
#include <netcount/zoo/fcos.hpp>
#include <netcount/zoo/googlenet.hpp>
#include <netcount/zoo/inception.hpp>
#include <netcount/zoo/lenet.hpp>
#include <netcount/zoo/mnasnet.hpp>
#include <netcount/zoo/mobilenet.hpp>
#include <netcount/zoo/mobilenet_v3.hpp>
#include <netcount/zoo/rcnn.hpp>
#include <netcount/zoo/regnet.hpp>
#include <netcount/zoo/resnet.hpp>
#include <netcount/zoo/retinanet.hpp>
#include <netcount/zoo/segmentation.hpp>
#include <netcount/zoo/shufflenet.hpp>
#include <netcount/zoo/squeezenet.hpp>
#include <netcount/zoo/ssd.hpp>
#include <netcount/zoo/unet.hpp>
#include <netcount/zoo/vgg.hpp>
#include <netcount/zoo/yolo.hpp>

#endif
