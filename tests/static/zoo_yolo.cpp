// YOLOv5s and YOLOv8n (Ultralytics, 80 classes) at 640 x 640 and at 480 x 640 against torch
// modules written from Ultralytics' model files, layer by layer and in total:
// tests/reference/ultralytics-yolo.json, measured by tools/reference/make_yolo_reference.py with
// forward hooks on every Conv2d (PyTorch 1.13.1), which also checks the parameters against
// Ultralytics' published model summaries. Figures the JSON's generated header does not carry
// (output shapes, peaks, GFLOPs) are written here with the script's output or by hand.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <netcount/zoo/yolo.hpp>

#include "reference_check.hpp"
#include "reference_yolo.hpp"

namespace nc = netcount;
using nc::zoo::yolov5s;
using nc::zoo::yolov8n;
using reference::has_figures;

// ---------------------------------------------------------------------------------------------
// The names of the model files' modules, and their helpers.
static_assert(nc::zoo::detail::yolo_module<0>.view() == "model.0");
static_assert(nc::zoo::detail::yolo_module<24>.view() == "model.24");
static_assert(nc::zoo::detail::numbered<"m.", 107>().view() == "m.107");
static_assert(nc::zoo::detail::scoped<"model.9", "cv1">().view() == "model.9/cv1");

// ---------------------------------------------------------------------------------------------
// YOLOv5s. Ultralytics' summary: 7,235,389 parameters. The 60 convolutions against torch's.
static_assert(nc::parameters<yolov5s> == 7'235'389);
static_assert(reference::first_mismatch<yolov5s>(reference_yolo::yolov5s) == reference::all_match);
static_assert(reference::totals_match<yolov5s>(reference_yolo::yolov5s));
static_assert(nc::connections<yolov5s> == 8'216'780'800); // the script: sum of every Conv2d's MACs

// The stem by hand: 6 x 6 x 3 x 32 = 3,456 weights; (640 + 2 + 2 - 6) / 2 + 1 = 320.
static_assert(has_figures(nc::layer<yolov5s, "model.0/conv">,
                          {{320, 320, 32}, 320 * 320 * 32, 3'456, 0, 3'456ULL * 320 * 320}));
static_assert(nc::layer<yolov5s, "model.2/m.0/cv1/conv">.output == nc::shape{160, 160, 32});
static_assert(nc::layer<yolov5s, "model.2/m.0">.kind == "add"); // a shortcut in the backbone
// Shortcuts in the backbone's bottlenecks only: 1 + 2 + 3 + 1 adds, none in the neck's.
static_assert([] {
    std::size_t adds = 0;
    for (const nc::layer_info& l : nc::layers<yolov5s>) adds += l.kind == "add" ? 1 : 0;
    return adds;
}() == 7);
static_assert(nc::layer<yolov5s, "model.12">.output == nc::shape{40, 40, 512}); // Concat of 11 and 6
static_assert(nc::layer<yolov5s, "model.9/concat1">.output == nc::shape{20, 20, 1'024});
// C3's cv2 reads the module's input (model.1's act), not the bottlenecks' output.
static_assert(nc::layer<yolov5s, "model.2/cv2/conv">.input == nc::shape{160, 160, 64});
// Detect on P4: 1 x 1 x 256 x 255 = 65,280 weights, 255 biases, at 40 x 40.
static_assert(has_figures(nc::layer<yolov5s, "model.24/m.1">,
                          {{40, 40, 255}, 40 * 40 * 255, 65'280, 255, 65'280ULL * 40 * 40}));

// The three outputs, torch's [255, 80, 80], [255, 40, 40], [255, 20, 20].
static_assert(nc::output_shapes<yolov5s>.size() == 3);
static_assert(nc::output_shapes<yolov5s>[0] == nc::shape{80, 80, 255});
static_assert(nc::output_shapes<yolov5s>[1] == nc::shape{40, 40, 255});
static_assert(nc::output_shapes<yolov5s>[2] == nc::shape{20, 20, 255});

// Peak: at model.1/conv, model.0's 320 x 320 x 32 = 3,276,800 (its batch norm and SiLU in
// place; the input freed after model.0/conv) and model.1's 160 x 160 x 64 = 1,638,400:
// 4,915,200. The script's schedule.py on the torch.fx trace gives the same.
static_assert(nc::peak_activations<yolov5s> == 4'915'200);
static_assert(nc::layer<yolov5s, "model.1/conv">.live_activations == 4'915'200);

// On a 480 x 640 frame (height x width): torch's outputs [255, 60, 80], [255, 30, 40],
// [255, 15, 20]; every map has 3/4 of its positions at 640 x 640, so 3/4 of the MACs; the peak
// is at the same place, 3/4 of it (2,457,600 + 1,228,800).
using yolov5s_vga = nc::with_input<yolov5s, 480, 640>;
static_assert(reference::first_mismatch<yolov5s_vga>(reference_yolo::yolov5s_480x640) == reference::all_match);
static_assert(reference::totals_match<yolov5s_vga>(reference_yolo::yolov5s_480x640));
static_assert(4 * nc::connections<yolov5s_vga> == 3 * nc::connections<yolov5s>);
static_assert(nc::output_shapes<yolov5s_vga>[0] == nc::shape{60, 80, 255});
static_assert(nc::output_shapes<yolov5s_vga>[1] == nc::shape{30, 40, 255});
static_assert(nc::output_shapes<yolov5s_vga>[2] == nc::shape{15, 20, 255});
static_assert(nc::peak_activations<yolov5s_vga> == 3'686'400);

// ---------------------------------------------------------------------------------------------
// YOLOv8n. Ultralytics' summary: 3,157,200 parameters (3,157,184 gradients: the DFL's 16 are
// fixed, and counted).
static_assert(nc::parameters<yolov8n> == 3'157'200);
static_assert(reference::totals_match<yolov8n>(reference_yolo::yolov8n));
static_assert(nc::connections<yolov8n> == 4'371'993'600);

// Layer by layer: torch runs the DFL once, on all 8,400 positions of the three levels at once
// (its last Conv2d row, [1, 4, 8400]), netcount on each level and side (twelve applications of
// one definition, the last twelve entries with weights). The rows before it match one for one;
// the twelve add up to the row, with its 16 weights once.
template<class Net, class Model>
constexpr bool matches_with_dfl(const Model& ref) {
    constexpr std::size_t dfl_applications = 12;
    const std::size_t convs = ref.layers.size() - 1;
    const auto& dfl = ref.layers[convs];
    std::size_t k = 0;
    std::uint64_t units = 0, connections = 0, reuses = 0;
    for (const nc::layer_info& l : nc::layers<Net>) {
        if (l.weights == 0) continue;
        if (k < convs) {
            const auto& r = ref.layers[k];
            if (l.output != nc::shape{r.height, r.width, r.channels} || l.units != r.units || l.weights != r.weights ||
                l.biases != r.bias || l.connections != r.macs || l.name.find("/dfl") != std::string_view::npos)
                return false;
        } else {
            if (l.name.find("/dfl") == std::string_view::npos || l.weights != dfl.weights || l.biases != 0 ||
                l.input.channels != 16 || l.output.channels != 1)
                return false;
            units += l.units;
            connections += l.connections;
            reuses += l.reuse_of != nc::not_a_reuse ? 1 : 0;
        }
        ++k;
    }
    return k == convs + dfl_applications && reuses == dfl_applications - 1 && units == dfl.units &&
           connections == dfl.macs;
}
static_assert(matches_with_dfl<yolov8n>(reference_yolo::yolov8n));
// By hand: 16 weights once; 16 MACs at each side of each of 80 x 80 + 40 x 40 + 20 x 20 = 8,400
// positions: 537,600.
static_assert(nc::layer<yolov8n, "model.22/p3/dfl/conv">.parameters == 16);
static_assert(nc::layer<yolov8n, "model.22/p5/dfl@12/conv">.output == nc::shape{20, 20, 1});
static_assert(nc::layers<yolov8n>[nc::layer<yolov8n, "model.22/p5/dfl@12/conv">.reuse_of].name ==
              "model.22/p3/dfl/conv");
static_assert(reference_yolo::yolov8n.layers.back().macs == 16 * 4 * 8'400);

// The head's widths: box branches 64, class branches max(64, min(80, 100)) = 80.
static_assert(nc::layer<yolov8n, "model.22/cv2.0/0/conv">.output == nc::shape{80, 80, 64});
static_assert(nc::layer<yolov8n, "model.22/cv3.2/1/conv">.output == nc::shape{20, 20, 80});
static_assert(has_figures(nc::layer<yolov8n, "model.22/cv2.0/2">,
                          {{80, 80, 64}, 80 * 80 * 64, 64 * 64, 64, 64ULL * 64 * 80 * 80}));
static_assert(nc::layer<yolov8n, "model.22/concat1">.output == nc::shape{80, 80, 144}); // 64 + 80
// C2f: cv1's 64 channels split in two 32s, two bottlenecks of 32: 4 x 32 stacked.
static_assert(nc::layer<yolov8n, "model.4/chunk2">.output == nc::shape{80, 80, 32});
static_assert(nc::layer<yolov8n, "model.4/concat1">.output == nc::shape{80, 80, 128});
static_assert(nc::layer<yolov8n, "model.4/m.0/cv1/conv">.window.height.kernel == 3);

// The three outputs: 4 distances and 80 class scores on P3, P4 and P5 (torch: [84, 80, 80],
// [84, 40, 40], [84, 20, 20]).
static_assert(nc::output_shapes<yolov8n>[0] == nc::shape{80, 80, 84});
static_assert(nc::output_shapes<yolov8n>[1] == nc::shape{40, 40, 84});
static_assert(nc::output_shapes<yolov8n>[2] == nc::shape{20, 20, 84});

// Peak: at model.0/conv, the input's 640 x 640 x 3 = 1,228,800 and model.0's 320 x 320 x 16 =
// 1,638,400: 2,867,200 (the script's schedule.py on the torch.fx trace of the module that
// decodes level by level: the same).
static_assert(nc::peak_activations<yolov8n> == 2'867'200);
static_assert(nc::layer<yolov8n, "model.0/conv">.live_activations == 2'867'200);

using yolov8n_vga = nc::with_input<yolov8n, 480, 640>;
static_assert(matches_with_dfl<yolov8n_vga>(reference_yolo::yolov8n_480x640));
static_assert(reference::totals_match<yolov8n_vga>(reference_yolo::yolov8n_480x640));
static_assert(4 * nc::connections<yolov8n_vga> == 3 * nc::connections<yolov8n>);
static_assert(nc::output_shapes<yolov8n_vga>[0] == nc::shape{60, 80, 84});
static_assert(nc::output_shapes<yolov8n_vga>[2] == nc::shape{15, 20, 84});
static_assert(nc::peak_activations<yolov8n_vga> == 2'150'400);

// The schedule against the reference on both sizes: its peak and the live elements at every
// convolution (YOLOv8n's DFL at each of its twelve applications), from
// tools/crosscheck/schedule.py on a torch.fx trace of the twin that runs netcount's order.
static_assert(reference::schedule_matches<yolov5s>(reference_yolo::yolov5s_peak, reference_yolo::yolov5s_live));
static_assert(reference::schedule_matches<yolov5s_vga>(reference_yolo::yolov5s_480x640_peak,
                                                       reference_yolo::yolov5s_480x640_live));
static_assert(reference::schedule_matches<yolov8n>(reference_yolo::yolov8n_peak, reference_yolo::yolov8n_live));
static_assert(reference::schedule_matches<yolov8n_vga>(reference_yolo::yolov8n_480x640_peak,
                                                       reference_yolo::yolov8n_480x640_live));

// ---------------------------------------------------------------------------------------------
// Ultralytics' GFLOPs: thop's operations, doubled, of a 32 x 32 image scaled to 640 x 640 (every
// map here scales with the image's area). Today's thop counts a convolution's
// multiply-accumulates without its bias, and 4 operations per element an affine batch norm
// reads (2, doubled for the affine part). So:
//  - the fused model (batch norms folded into the convolutions): 2 x connections. YOLOv8n:
//    8,743,987,200, the 8.7 of Ultralytics' table (its logs' 8.746 comes from an older head);
//    YOLOv5s: 16,433,561,600, "16.4" in today's fused summary;
//  - the unfused model's summary adds the batch norms: 2 x (connections + 4 x elements), 16.6
//    for YOLOv5s and 8.9 for YOLOv8n (the yaml's "8.9 GFLOPs");
//  - the 16.5 of YOLOv5's table is older thop's, which counted one more operation per output
//    element of a convolution with bias, as every fused one has: 2 x (connections + units) =
//    16,485,154,400.
template<class Net>
constexpr std::uint64_t batch_norm_elements() {
    std::uint64_t n = 0;
    for (const nc::layer_info& l : nc::layers<Net>) n += l.kind == "batch_norm" ? l.activations : 0;
    return n;
}
// Whether flops / 10^9 rounds to tenths / 10 at one decimal: (tenths - 1/2) x 10^8 <= flops <
// (tenths + 1/2) x 10^8, doubled to stay in integers.
constexpr bool rounds_to(std::uint64_t flops, std::uint64_t tenths) {
    return 2 * flops >= (2 * tenths - 1) * 100'000'000 && 2 * flops < (2 * tenths + 1) * 100'000'000;
}
static_assert(rounds_to(2 * nc::connections<yolov8n>, 87));
static_assert(rounds_to(2 * (nc::connections<yolov8n> + 4 * batch_norm_elements<yolov8n>()), 89));
static_assert(rounds_to(2 * nc::connections<yolov5s>, 164));
static_assert(rounds_to(2 * (nc::connections<yolov5s> + 4 * batch_norm_elements<yolov5s>()), 166));
static_assert(rounds_to(2 * (nc::connections<yolov5s> + nc::units<yolov5s>), 165));
// The batch norms read what their convolutions write: every convolution but the heads' last.
static_assert(batch_norm_elements<yolov5s>() == 23'654'400); // the script's batch_norm_elements
static_assert(batch_norm_elements<yolov8n>() == 13'888'000);
