// tflm_arena: TensorFlow Lite Micro's GreedyMemoryPlanner (tensorflow/lite/micro/memory_planner/
// greedy_memory_planner.cc) on the network as the TFLite converter writes it. The planner is
// checked on the buffers of TFLM's own tests (greedy_memory_planner_test.cc), the conversion on
// networks planned by hand.
#include <array>
#include <cstddef>
#include <cstdint>

#include <netcount/netcount.hpp>

namespace nc = netcount;

template<std::size_t N>
constexpr std::array<nc::arena_buffer, N> buffers(const std::uint64_t (&spec)[N][3]) {
    std::array<nc::arena_buffer, N> out{};
    for (std::size_t i = 0; i != N; ++i)
        out[i] = {.bytes = spec[i][0], .first_step = spec[i][1], .last_step = spec[i][2]};
    return out;
}

template<std::size_t N>
constexpr bool offsets_are(const nc::greedy_plan_result<N>& plan, const std::array<std::uint64_t, N>& expected) {
    for (std::size_t i = 0; i != N; ++i)
        if (plan.buffers[i].offset != expected[i]) return false;
    return true;
}

// No two buffers live at a common step share a byte (TFLM's DoAnyBuffersOverlap).
template<std::size_t N>
constexpr bool no_overlap(const std::array<nc::arena_buffer, N>& b) {
    for (std::size_t i = 0; i != N; ++i)
        for (std::size_t j = 0; j != N; ++j)
            if (i != j && b[i].first_step <= b[j].last_step && b[j].first_step <= b[i].last_step &&
                b[i].offset < b[j].offset + b[j].bytes && b[j].offset < b[i].offset + b[i].bytes)
                return false;
    return true;
}

// TestGreedyBasics: 10 bytes live at steps 0-1, 20 at 2-3: both at 0, 20 bytes.
constexpr std::uint64_t basics_spec[2][3] = {{10, 0, 1}, {20, 2, 3}};
constexpr auto basics = nc::greedy_plan(buffers(basics_spec));
static_assert(offsets_are(basics, {0, 0}) && basics.head_bytes == 20);

// TestGreedyMedium: offsets 50, 70, 40, 0, 0 and 90 bytes.
constexpr std::uint64_t medium_spec[5][3] = {{10, 0, 1}, {20, 1, 2}, {30, 2, 3}, {40, 3, 4}, {50, 0, 1}};
constexpr auto medium = nc::greedy_plan(buffers(medium_spec));
static_assert(offsets_are(medium, {50, 70, 40, 0, 0}) && medium.head_bytes == 90);
static_assert(no_overlap(medium.buffers));

// TestOverlapCase: 100 bytes at 0-1, 50 at 2-3, 20 at 1-2: 120 bytes.
constexpr std::uint64_t overlap_spec[3][3] = {{100, 0, 1}, {50, 2, 3}, {20, 1, 2}};
constexpr auto overlap = nc::greedy_plan(buffers(overlap_spec));
static_assert(overlap.head_bytes == 120 && no_overlap(overlap.buffers));

// A gap that holds the buffer exactly is taken: D (32 bytes, step 2) at 0; B (24, steps 1-2)
// meets D: at 32; A (20, steps 0-1) meets only B, which leaves 32 below it: at 0; W (12, step
// 1) meets A (0-20) and B (32-56): the gap of 12 between them, at 20. Head 56.
constexpr std::uint64_t exact_spec[4][3] = {{32, 2, 2}, {24, 1, 2}, {20, 0, 1}, {12, 1, 1}};
constexpr auto exact = nc::greedy_plan(buffers(exact_spec));
static_assert(offsets_are(exact, {0, 32, 0, 20}) && exact.head_bytes == 56);

// TestPersonDetectionModel: the buffers of the 250 KB MobileNet of TFLM's person detection
// example; TFLM's test asks for no overlap and less than their sum, 241,027 bytes. No plan
// needs less than the most live at one step: at step 2, the 9,216 bytes live at every step,
// 36,864 (steps 2-3) and 18,432 (steps 1-2): 64,512. The greedy plan reaches it (the
// independent planner of tools/crosscheck/tflm_planner.py gives the same offsets).
constexpr std::uint64_t person_spec[30][3] = {
    {9216, 0, 29},  {3, 28, 29},    {256, 27, 28},  {2304, 26, 27}, {2304, 25, 26}, {2304, 24, 25},
    {1152, 23, 24}, {4608, 22, 23}, {4608, 21, 22}, {4608, 20, 21}, {4608, 19, 20}, {4608, 18, 19},
    {4608, 17, 18}, {4608, 16, 17}, {4608, 15, 16}, {4608, 14, 15}, {4608, 13, 14}, {4608, 12, 13},
    {2304, 11, 12}, {9216, 10, 11}, {9216, 9, 10},  {9216, 8, 9},   {4608, 7, 8},   {18432, 6, 7},
    {18432, 5, 6},  {18432, 4, 5},  {9216, 3, 4},   {36864, 2, 3},  {18432, 1, 2},  {18432, 0, 1}};
constexpr auto person = nc::greedy_plan(buffers(person_spec));
static_assert(person.head_bytes < 241'027 && no_overlap(person.buffers));
static_assert(person.head_bytes == 64'512);

// The example: an fc net whose 256-byte input and three equal 144-byte outputs
// fragment. Tensors: input 256 (steps 0-1), fc1 144 (1-2), fc2 144 (2-3), fc3 144 (3, the
// output). Placed by size, equal sizes last added first: input at 0; fc3 at 0 (it meets only
// fc2, not yet placed); fc2 meets fc3, so at 144; fc1 meets the input (0-256) and fc2
// (144-288): at 288. Head 432; the most live is at step 1, input + fc1 = 400.
using fc_chain = nc::network<nc::input<1, 1, 256>, nc::fc<144>, nc::fc<144>, nc::fc<144>>;
constexpr auto chain = nc::tflm_arena<fc_chain>;
static_assert(chain.head_bytes == 432 && chain.live_peak_bytes == 400);
static_assert(chain.op_count == 3 && chain.tensor_count == 4);
static_assert(chain.tensors[0].buffer == nc::arena_buffer{.bytes = 256, .first_step = 0, .last_step = 1, .offset = 0});
static_assert(chain.tensors[1].buffer ==
              nc::arena_buffer{.bytes = 144, .first_step = 1, .last_step = 2, .offset = 288});
static_assert(chain.tensors[2].buffer ==
              nc::arena_buffer{.bytes = 144, .first_step = 2, .last_step = 3, .offset = 144});
static_assert(chain.tensors[3].buffer == nc::arena_buffer{.bytes = 144, .first_step = 3, .last_step = 3, .offset = 0});
static_assert(chain.tensors[3].entry == 2 && chain.tensor_of[2] == 3);

// A residual add, relus fused (into the conv and into the add), 64 bytes each: input (0-1),
// conv1 (1-3: read by conv2 at 2 and the add at 3), conv2 (2-3), add (3). Last added first:
// add at 0, conv2 at 64, conv1 past both at 128, the input in the gap below conv1 at 0. Head
// 192, live at step 3: 3 * 64.
using residual_net = nc::network<nc::input<4, 4, 4>, nc::conv<4, nc::kernel<1>>, nc::relu,
                                 nc::residual<nc::conv<4, nc::kernel<1>>>, nc::relu>;
constexpr auto res = nc::tflm_arena<residual_net>;
static_assert(res.op_count == 3 && res.head_bytes == 192 && res.live_peak_bytes == 192);
static_assert(res.tensor_of[1] == 1 && res.tensor_of[4] == 3); // the relus hold their op's tensor
static_assert(res.tensors[1].buffer.last_step == 3 && res.tensors[1].buffer.offset == 128);
static_assert(res.tensors[0].buffer.offset == 0 && res.tensors[3].buffer.offset == 0);

// A flatten is a RESHAPE with a buffer of its own (a copy); sizes round up to 16: in float, a
// 2 x 2 x 4 input is 64 bytes (0-1), the flatten 64 (1-2), fc<5> 20 -> 32 bytes (2). Placed:
// flatten at 0, the input at 64 (it meets the flatten), the fc at 64 (it meets only the
// flatten). Head 128, live 128 at step 1.
using flat = nc::network<nc::input<2, 2, 4>, nc::flatten, nc::fc<5>>;
constexpr auto flat_plan = nc::tflm_arena<flat, float>;
static_assert(flat_plan.op_count == 2 && flat_plan.tensors[2].buffer.bytes == 32);
static_assert(flat_plan.head_bytes == 128 && flat_plan.live_peak_bytes == 128);

// A concat of two fc paths: input 32 (0-2), fc 16 (1-3), fc 48 (2-3), concat 64 (3). By size:
// concat at 0; fc<48> at 64; the input at 0 (it meets only fc<48>, from 64); fc<16> meets all
// three: past the concat and fc<48>, at 112. Head 128; live at step 3: 16 + 48 + 64 = 128.
using stacked = nc::network<nc::input<1, 1, 32>, nc::concat<nc::fc<16>, nc::fc<48>>>;
constexpr auto stack_plan = nc::tflm_arena<stacked>;
static_assert(stack_plan.tensors[1].buffer.offset == 112 && stack_plan.tensors[1].buffer.last_step == 3);
static_assert(stack_plan.head_bytes == 128 && stack_plan.live_peak_bytes == 128);

// Dropout is removed, a sigmoid is an op of its own, a relu whose conv another entry reads is
// too, and batch norms fold: ops fc (1), sigmoid (2), fc (3), relu (4), add (5).
using mixed = nc::network<nc::input<1, 1, 16>, nc::fc<16, nc::no_bias>, nc::batch_norm, nc::dropout, nc::sigmoid,
                          nc::fc<16>, nc::add<nc::relu, nc::identity>>;
constexpr auto mixed_plan = nc::tflm_arena<mixed>;
static_assert(mixed_plan.op_count == 5 && mixed_plan.tensor_count == 6);
static_assert(nc::layers<mixed>[2].kind == "dropout");
static_assert(mixed_plan.tensor_of[1] == 1 && mixed_plan.tensor_of[2] == 1); // the batch norm and dropout: the fc's
// Every tensor 16 bytes; at step 5 the add reads fc (3-5) and relu (4-5) and writes its own:
// 48 live, and 48 bytes of head.
static_assert(mixed_plan.live_peak_bytes == 48 && mixed_plan.head_bytes == 48);

// The converted graph is the inference graph (tools/crosscheck/tflm_nets.py checks these rules
// on random networks). An fc<16> then dropout then batch_norm then relu, all on 16 int8
// elements: the dropout is removed, so the batch norm directly follows the fc and folds, and the
// relu then fuses: one op. An auxiliary head reading the fc does not stop it (heads are not
// converted). A linear is TFLite's FULLY_CONNECTED, which takes a fused relu too.
using through = nc::network<nc::input<1, 1, 16>, nc::fc<16>, nc::auxiliary<nc::fc<4>>, nc::dropout, nc::batch_norm,
                            nc::relu, nc::linear<16>, nc::relu>;
constexpr auto through_plan = nc::tflm_arena<through>;
static_assert(through_plan.op_count == 2 && through_plan.tensor_count == 3);
static_assert(through_plan.tensor_of[1] == nc::no_tensor); // the head's fc
static_assert(through_plan.tensor_of[2] == 1 && through_plan.tensor_of[3] == 1 && through_plan.tensor_of[4] == 1);
static_assert(through_plan.tensors[2].entry == 5 && through_plan.tensor_of[6] == 2);

// Only what the outputs need is converted: the network's output is the conv (from<"conv1">), so
// the pool after it, which nothing reads, is no op. An 8 x 8 x 4 input (256 bytes, 0-1), the
// 1 x 1 conv<4> (256 bytes, step 1, the output): head 512. A from<> of a batch norm's generated
// name is read in layers<Net>, where the name is the user's.
using dead_end =
    nc::network<nc::input<8, 8, 4>, nc::conv<4, nc::kernel<1>>, nc::max_pool<nc::kernel<2>>, nc::from<"conv1">>;
constexpr auto dead_plan = nc::tflm_arena<dead_end>;
static_assert(dead_plan.op_count == 1 && dead_plan.tensor_of[1] == nc::no_tensor);
static_assert(dead_plan.head_bytes == 512 && dead_plan.live_peak_bytes == 512);
// A batch norm after a relu: an op of its own (64 bytes at step 2), read by name at the end.
using named_norm = nc::network<nc::input<4, 4, 4>, nc::relu, nc::batch_norm, nc::sigmoid, nc::from<"batch_norm1">>;
static_assert(nc::tflm_arena<named_norm>.op_count == 2 && nc::tflm_arena<named_norm>.tensor_of[2] == nc::no_tensor);
static_assert(nc::tflm_arena<named_norm>.tensors[2].buffer ==
              nc::arena_buffer{.bytes = 64, .first_step = 2, .last_step = 2, .offset = 0});

// Kernel scratch (kernel_scratch::cmsis_nn_dsp): CMSIS-NN's int8 convolutions on a core with the
// DSP extension (CMSIS-NN's arm_convolve_get_buffer_sizes_s8.c and arm_depthwise_conv_get_
// buffer_sizes_s8.c). An 8 x 8 x 3 input (192 bytes, steps 0-1), conv<8, 3 x 3, pad 1> (512,
// 1-2): 3 x 3 x 3 = 27 columns, rounded to 28, two of int16: 112 bytes at step 1; a 3 x 3
// depthwise with pad 1 (512, 2-3): none; a 5 x 5 depthwise with pad 2 (512, 3-4): 8 x 25 int16 =
// 400 bytes at step 3; a 1 x 1 conv to 4 channels (256, step 4, the output): none.
// Placed, the three 512s last added first: the 5 x 5 at 0, the 3 x 3 at 512 (it meets it), the
// first conv at 0 (it meets only the 3 x 3, from 512); the 400 meets the 5 x 5 and the 3 x 3:
// 1,024; the output meets the 5 x 5: 512; the input meets the first conv: 512; the 112 meets the
// first conv (0-512) and the input (512-704): 704. Head 1,424 = step 3's 512 + 512 + 400, where
// without scratch the head is 1,024 (the 400 and 112 left out, the rest where it was).
using scratchy = nc::network<nc::input<8, 8, 3>, nc::conv<8, nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<3>, nc::pad<1>>,
                             nc::depthwise_conv<nc::kernel<5>, nc::pad<2>>, nc::conv<4, nc::kernel<1>>>;
constexpr auto with_scratch = nc::tflm_arena<scratchy, std::int8_t, nc::kernel_scratch::cmsis_nn_dsp>;
static_assert(with_scratch.scratch_count == 2 && with_scratch.head_bytes == 1'424);
static_assert(with_scratch.live_peak_bytes == 1'424);
static_assert(with_scratch.scratch[0].entry == 0 &&
              with_scratch.scratch[0].buffer ==
                  nc::arena_buffer{.bytes = 112, .first_step = 1, .last_step = 1, .offset = 704});
static_assert(with_scratch.scratch[1].entry == 2 &&
              with_scratch.scratch[1].buffer ==
                  nc::arena_buffer{.bytes = 400, .first_step = 3, .last_step = 3, .offset = 1'024});
static_assert(nc::tflm_arena<scratchy>.head_bytes == 1'024 && nc::tflm_arena<scratchy>.scratch_count == 0);
static_assert(nc::tflm_arena<scratchy, std::int8_t, nc::kernel_scratch::none>.head_bytes == 1'024);

// The other cases of the formulas, on a 6 x 6 x 6 input: a 1 x 1 conv with padding is no fast
// 1 x 1 (6 columns, rounded to 8: 32 bytes); a grouped conv counts every input channel (3 x 3 x 6
// = 54, rounded to 56: 224 bytes); a dilated depthwise and one with a multiplier ask for none; a
// stride-2 3 x 3 depthwise with pad 1 none.
using formulas = nc::network<
    nc::input<6, 6, 6>, nc::conv<6, nc::kernel<1>, nc::pad<1>>, nc::conv<8, nc::kernel<3>, nc::pad<1>, nc::groups<2>>,
    nc::depthwise_conv<nc::kernel<3>, nc::dilation<2>, nc::pad<2>>,
    nc::depthwise_conv<nc::kernel<3>, nc::stride<2>, nc::pad<1>>, nc::depthwise_conv<nc::kernel<3>, nc::multiplier<2>>>;
constexpr auto formula_plan = nc::tflm_arena<formulas, std::int8_t, nc::kernel_scratch::cmsis_nn_dsp>;
static_assert(formula_plan.scratch_count == 2);
static_assert(formula_plan.scratch[0].entry == 0 && formula_plan.scratch[0].buffer.bytes == 32);
static_assert(formula_plan.scratch[1].entry == 1 && formula_plan.scratch[1].buffer.bytes == 224);
