// U-Net (Ronneberger et al. 2015, Fig. 1) against PyTorch: the torch module of
// tools/crosscheck/zoo_models.py (unet_2015, written from the paper: torchvision has none),
// measured with forward hooks on its Conv2d and ConvTranspose2d modules (PyTorch 1.13), on a
// 572 x 572 x 1 tile and on 396 x 252 x 1 (tests/reference/unet.json, written by
// tools/reference/make_unet_reference.py), the memory schedule too: its peak and the live
// elements at every layer with weights, from tools/crosscheck/schedule.py on a torch.fx trace of
// the module. The cross-check also compares it layer by layer live.
#include <netcount/scale.hpp>
#include <netcount/zoo/unet.hpp>

#include "reference_check.hpp"
#include "reference_unet.hpp"

namespace nc = netcount;
using nc::zoo::unet;
using reference::has_figures;

// torch: sum(p.numel() for p in model.parameters()) = 31,030,658, the figure usually quoted for
// the 2-class U-Net; the multiply-accumulates of every Conv2d (weights * output positions) and
// ConvTranspose2d (weights * input positions) sum to 150,428,424,448.
static_assert(nc::parameters<unet> == 31'030'658);
static_assert(nc::connections<unet> == 150'428'424'448);
static_assert(nc::input_shape<unet> == nc::shape{572, 572, 1});
static_assert(nc::output_shape<unet> == nc::shape{388, 388, 2}); // torch: [1, 2, 388, 388]

// Layer by layer (torch's rows: output, weights, bias, multiply-accumulates; units are the
// output's elements). The first conv: 3 * 3 * 1 * 64 = 576 weights, 570 x 570 outputs.
static_assert(has_figures(nc::layer<unet, "conv1">, {{570, 570, 64}, 570 * 570 * 64, 576, 64, 187'142'400}));
static_assert(has_figures(nc::layer<unet, "conv2">, {{568, 568, 64}, 568 * 568 * 64, 36'864, 64, 11'893'211'136}));
static_assert(has_figures(nc::layer<unet, "level2/conv1">,
                          {{282, 282, 128}, 282 * 282 * 128, 73'728, 128, 5'863'145'472}));
static_assert(has_figures(nc::layer<unet, "level2/level3/level4/level5/conv2">,
                          {{28, 28, 1024}, 28 * 28 * 1024, 9'437'184, 1'024, 7'398'752'256}));
// The lowest up-convolution: 2 * 2 * 1024 * 512 = 2,097,152 weights, read at 28 x 28 input
// positions: 1,644,167,168; 56 x 56 x 512 out.
static_assert(has_figures(nc::layer<unet, "level2/level3/level4/level5/transposed_conv1">,
                          {{56, 56, 512}, 56 * 56 * 512, 2'097'152, 512, 1'644'167'168}));
// Its crop: level 4's 64 x 64 map cropped to 56 x 56 (offset 4) and stacked: 1,024 channels,
// then 3 * 3 * 1024 * 512 = 4,718,592 weights.
static_assert(nc::layer<unet, "level2/level3/level4/level5">.kind == "crop_concat");
static_assert(nc::layer<unet, "level2/level3/level4/level5">.output == nc::shape{56, 56, 1024});
static_assert(has_figures(nc::layer<unet, "level2/level3/level4/conv3">,
                          {{54, 54, 512}, 54 * 54 * 512, 4'718'592, 512, 13'759'414'272}));
static_assert(nc::layer<unet, "level2">.output == nc::shape{392, 392, 128}); // 568 cropped by 88 each side
static_assert(has_figures(nc::layer<unet, "level2/transposed_conv1">,
                          {{392, 392, 64}, 392 * 392 * 64, 32'768, 64, 1'258'815'488}));
static_assert(has_figures(nc::layer<unet, "conv4">, {{388, 388, 64}, 388 * 388 * 64, 36'864, 64, 5'549'654'016}));
static_assert(has_figures(nc::layer<unet, "classifier">, {{388, 388, 2}, 388 * 388 * 2, 128, 2, 19'269'632}));
// 23 layers with weights in torch: 18 + 1 valid convs (the classifier), 4 up-convolutions.
static_assert([] {
    std::size_t n = 0;
    for (const nc::layer_info& l : nc::layers<unet>) n += l.weights != 0 ? 1 : 0;
    return n;
}() == 23);

// Every layer with weights, the totals and the schedule against the reference, on both tiles.
static_assert(reference::first_mismatch<unet>(reference_unet::unet) == reference::all_match);
static_assert(reference::totals_match<unet>(reference_unet::unet));
static_assert(reference::schedule_matches<unet>(reference_unet::unet_peak, reference_unet::unet_live));
static_assert(reference::first_mismatch<nc::with_input<unet, 396, 252>>(reference_unet::unet_396x252) ==
              reference::all_match);
static_assert(reference::totals_match<nc::with_input<unet, 396, 252>>(reference_unet::unet_396x252));
static_assert(reference::schedule_matches<nc::with_input<unet, 396, 252>>(reference_unet::unet_396x252_peak,
                                                                          reference_unet::unet_396x252_live));

// Another tile, height and width each 188 + 16k (k = 13 and 4): torch's output is
// [1, 2, 212, 68], its multiply-accumulates 28,658,229,504; the lowest level is 17 x 8.
using tile = nc::with_input<unet, 396, 252>;
static_assert(nc::output_shape<tile> == nc::shape{212, 68, 2});
static_assert(nc::connections<tile> == 28'658'229'504);
static_assert(nc::layer<tile, "level2/level3/level4/level5/conv2">.output == nc::shape{17, 8, 1024});
static_assert(nc::parameters<tile> == 31'030'658);
// The smallest tile, 188 (k = 0): the lowest level is 4 x 4 after its convs, the output
// 16 * 4 - 60 = 4.
static_assert(nc::output_shape<nc::with_input<unet, 188, 188>> == nc::shape{4, 4, 2});
