// peak_activations<Net> and each entry's live_activations, by hand, under the schedule of
// docs/deploy.md: entries run in layers<Net> order; activations, dropout and batch_norm write
// over their input when they read it last; flatten is a view; a buffer is freed after its last
// reader; the network's output is never freed.
#include <cstdint>

#include <netcount/netcount.hpp>
#include <netcount/zoo/alexnet.hpp>
#include <netcount/zoo/vgg.hpp>

namespace nc = netcount;

// VGG-16 at 224 x 224: the input is 224 * 224 * 3 = 150,528 elements; conv1_1 ("conv1") writes
// 224 * 224 * 64 = 3,211,264 while the input is read: 3,361,792 live. Its relu reads it last
// and runs in place. conv1_2 ("conv2") reads that buffer and writes another 3,211,264:
// 2 * 3,211,264 = 6,422,528, the peak. After the first pool everything is at most
// 112 * 112 * 64 = 802,816 read plus 112 * 112 * 128 = 1,605,632 written.
using nc::zoo::vgg16;
static_assert(nc::layer<vgg16, "conv1">.live_activations == 3'361'792);
static_assert(nc::layer<vgg16, "relu1">.live_activations == 3'211'264);
static_assert(nc::layer<vgg16, "conv2">.live_activations == 6'422'528);
static_assert(nc::peak_activations<vgg16> == 6'422'528);
static_assert(nc::peak_layer<vgg16>.name == "conv2");
static_assert(nc::layer<vgg16, "conv3">.live_activations == 802'816 + 1'605'632);

// AlexNet (Krizhevsky et al. 2012, 227 x 227, two towers as groups): the input is
// 227 * 227 * 3 = 154,587; conv1 writes 55 * 55 * 96 = 290,400 (444,987 live); relu1 runs in
// place; lrn1 is not elementwise and writes a second 290,400: 580,800, the peak; max_pool1
// writes 27 * 27 * 96 = 69,984 while reading lrn1 (360,384).
using nc::zoo::alexnet;
static_assert(nc::layer<alexnet, "conv1">.live_activations == 444'987);
static_assert(nc::layer<alexnet, "lrn1">.live_activations == 580'800);
static_assert(nc::layer<alexnet, "max_pool1">.live_activations == 360'384);
static_assert(nc::peak_activations<alexnet> == 580'800);
static_assert(nc::peak_layer<alexnet>.name == "lrn1");
// In bytes: 580,800 * 4 = 2,323,200 for floats; a batch of 8 runs 8 inputs at once.
static_assert(nc::memory<alexnet, float>.peak_activation_bytes == 2'323'200);
static_assert(nc::memory<alexnet, float, 8>.peak_activation_bytes == 8 * 2'323'200);
static_assert(nc::memory<alexnet, std::int8_t>.peak_activation_bytes == 580'800);

// A residual block: 8 x 8 x 4 input, 256 elements throughout.
//   conv1   reads the input (which the add reads later) and writes 256:  512
//   relu1   reads conv1 last: in place                                 512
//   add     reads the input and relu1, writes 256; both freed after:   768
//   relu2   in place over the add                                     256
//   flatten a view of the add's buffer                                 256
//   fc1     reads it, writes 10                                        266
struct residual_net : nc::network<nc::input<8, 8, 4>, nc::residual<nc::conv<4, nc::kernel<3>, nc::same>, nc::relu>,
                                  nc::relu, nc::flatten, nc::fc<10>> {};
static_assert(nc::layers<residual_net>[0].live_activations == 512);
static_assert(nc::layers<residual_net>[1].live_activations == 512);
static_assert(nc::layers<residual_net>[2].live_activations == 768);
static_assert(nc::layers<residual_net>[3].live_activations == 256);
static_assert(nc::layers<residual_net>[4].live_activations == 256);
static_assert(nc::layers<residual_net>[5].live_activations == 266);
static_assert(nc::peak_activations<residual_net> == 768);
static_assert(nc::peak_layer<residual_net>.kind == "add");

// An elementwise layer that is not the last reader writes a buffer of its own: relu reads the
// 32-element input, which sigmoid reads after it (64 live); sigmoid reads it last and runs in
// place (64); the add writes 32 more (96).
struct two_readers : nc::network<nc::input<4, 4, 2>, nc::add<nc::relu, nc::sigmoid>> {};
static_assert(nc::layers<two_readers>[0].live_activations == 64);
static_assert(nc::layers<two_readers>[1].live_activations == 64);
static_assert(nc::peak_activations<two_readers> == 96);

// A view shares its input's data: relu reads a flatten of the input, but the second path's
// flatten reads the input after it, so relu may not write over it (8 + 8 = 16), and the add
// writes 8 more: 24. Without the view rule relu would run in place and the peak would be 16.
struct viewed : nc::network<nc::input<2, 2, 2>, nc::add<nc::sequence<nc::flatten, nc::relu>, nc::flatten>> {};
static_assert(nc::layers<viewed>[0].live_activations == 8);
static_assert(nc::layers<viewed>[1].live_activations == 16);
static_assert(nc::layers<viewed>[2].live_activations == 16);
static_assert(nc::peak_activations<viewed> == 24);

// The network input is a buffer like any other: an activation that reads it last writes over
// it, and the output is never freed.
struct in_place : nc::network<nc::input<2, 2, 1>, nc::relu, nc::dropout, nc::batch_norm> {};
static_assert(nc::peak_activations<in_place> == 4);

// Every entry's live elements hold the buffer it writes, so the peak is at least the largest
// input plus output of any layer that writes a new buffer (here conv1: 3 + 4 = 7 of 1 x 1).
struct tiny : nc::network<nc::input<1, 1, 3>, nc::conv<4, nc::kernel<1>>, nc::conv<2, nc::kernel<1>>> {};
static_assert(nc::peak_activations<tiny> == 7);

// A user's kind declares itself elementwise with a static member, and then runs in place.
struct scale_by_two {
    static constexpr std::string_view kind = "scale_by_two";
    static constexpr bool elementwise = true;
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept { return {.output = in}; }
};
struct custom_elementwise : nc::network<nc::input<2, 2, 1>, nc::conv<8, nc::kernel<1>>, scale_by_two> {};
static_assert(nc::peak_activations<custom_elementwise> == 4 + 32);       // conv1: input and output
static_assert(nc::layers<custom_elementwise>[1].live_activations == 32); // in place over conv1

// A kind of one's own that declares itself a view but changes the number of elements (here the
// top-left quarter of its input) is no view of its input's buffer: it writes a buffer of its own
// (docs/deploy.md). The input, 4 * 4 * 4 = 64, is live while crop_view1 writes 2 * 2 * 4 = 16:
// 80, the peak; crop_view1 read it last, so it is freed. conv1 reads those 16 and writes
// 2 * 2 * 8 = 32: 48, and frees the 16, leaving its output, 32.
struct crop_view {
    static constexpr std::string_view kind = "crop_view";
    static constexpr bool view = true;
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {(in.height + 1) / 2, (in.width + 1) / 2, in.channels}};
    }
};
struct viewed_crop : nc::network<nc::input<4, 4, 4>, crop_view, nc::conv<8, nc::kernel<1>>, nc::relu> {};
static_assert(nc::layers<viewed_crop>[0].live_activations == 80);
static_assert(nc::layers<viewed_crop>[1].live_activations == 48);
static_assert(nc::layers<viewed_crop>[2].live_activations == 32); // relu1 in place
static_assert(nc::peak_activations<viewed_crop> == 80);
static_assert(nc::peak_layer<viewed_crop>.name == "crop_view1");
// Its elementwise twin, which doubles the channels: a buffer of its own too. 2 * 2 * 1 = 4 in,
// 2 * 2 * 2 = 8 out: 12 live, then the input is freed; relu1 runs in place over the 8.
struct doubling {
    static constexpr std::string_view kind = "doubling";
    static constexpr bool elementwise = true;
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept {
        return {.output = {in.height, in.width, 2 * in.channels}};
    }
};
struct doubled : nc::network<nc::input<2, 2, 1>, doubling, nc::relu> {};
static_assert(nc::layers<doubled>[0].live_activations == 12);
static_assert(nc::layers<doubled>[1].live_activations == 8);
static_assert(nc::peak_activations<doubled> == 12);

// A network that runs no entry is its input, alive from start to end (the output is never
// freed): its peak is the input's 3 * 5 * 2 = 30 elements, with no layer or only an auxiliary
// head (which inference does not run). peak_layer<Net> has no entry to name there: a compile
// error (tests/compile_fail/peak_layer_no_entry.cpp).
struct input_only : nc::network<nc::input<3, 5, 2>> {};
static_assert(nc::peak_activations<input_only> == 30);
static_assert(nc::memory<input_only, float>.peak_activation_bytes == 120);
struct head_only : nc::network<nc::input<3, 5, 2>, nc::auxiliary<nc::conv<4, nc::kernel<3>>, nc::relu>> {};
static_assert(nc::peak_activations<head_only> == 30);
static_assert(nc::layers<head_only>[0].live_activations == 0); // the head does not run
// The same input before a layer that runs in place: 30 at relu1, which peak_layer names.
struct relu_only : nc::network<nc::input<3, 5, 2>, nc::auxiliary<nc::conv<4, nc::kernel<3>>>, nc::relu> {};
static_assert(nc::peak_activations<relu_only> == 30);
static_assert(nc::peak_layer<relu_only>.name == "relu1");
// A budget sees that peak too: 30 fits a limit of 30, not one of 29.
static_assert(nc::within_budget<input_only, nc::budget{.peak_activations = 30}>);
static_assert(nc::detail::budget_verdict<head_only, nc::budget{.peak_activations = 29}>().actual == 30);
