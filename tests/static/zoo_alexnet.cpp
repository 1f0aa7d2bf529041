// torchvision's AlexNet against what PyTorch reports for it, layer by layer and in total
// (tests/reference/torchvision-counts.json, torchvision_alexnet).
#include <netcount/zoo/alexnet.hpp>

#include "reference_check.hpp"

namespace nc = netcount;
using nc::zoo::alexnet_torchvision;

static_assert(reference::first_mismatch<alexnet_torchvision>(reference::torchvision_alexnet) == reference::all_match);
static_assert(reference::totals_match<alexnet_torchvision>(reference::torchvision_alexnet));

// Its first and last layers with weights, from the reference: conv 3 -> 64 (11 x 11, stride 4,
// padding 2) gives 55 x 55 x 64 and 23,232 weights; the last fc has 4096 * 1000 weights.
static_assert(nc::layers<alexnet_torchvision>[0].output == nc::shape{55, 55, 64});
static_assert(nc::layers<alexnet_torchvision>[0].weights == 23'232);
static_assert(nc::layers<alexnet_torchvision>.back().weights == 4'096'000);
static_assert(nc::parameters<alexnet_torchvision> == 61'100'840);
