#ifndef NETCOUNT_ERROR_HPP
#define NETCOUNT_ERROR_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// Every way a layer can reject its options or its input.
enum class error : unsigned {
    none,
    zero_kernel,
    zero_stride,
    zero_dilation,
    zero_groups,
    zero_outputs,
    missing_kernel,
    repeated_option,
    invalid_name, // not returned by netcount's kinds: names are checked where they are written
    window_exceeds_input,
    channels_not_divisible_by_groups,
    filters_not_divisible_by_groups,
    count_overflow,
    shape_mismatch,
    spatial_mismatch,
    table_mismatch,
    output_padding_too_large,
    invalid_input,
    pool_padding_too_large,
    window_overhangs_input,
    padding_removes_output,
    empty_output,
    zero_window,
    channels_not_divisible_by_chunks,
    chunk_index_out_of_range,
    zero_scale_factor,
    paths_mismatch,               // returned by merges of one's own (merge_kind)
    broadcast_mismatch,           // multiply
    excitation_channels_mismatch, // squeeze_excitation
    single_spatial_element,       // instance_norm
    single_value_per_group,       // group_norm
    empty_slice,                  // slice
    slice_past_channels,          // slice
    pad_channels_below_input,     // pad_channels
    tap_unknown,                  // from<"name">: the structure pass's, not a layer's
    tap_ambiguous,
    tap_not_computed,
    tap_reads_auxiliary,
    outputs_not_last,
    shared_unknown, // shared<"name">: the structure pass's
    shared_defined_twice,
    shared_used_before_definition,
    shared_recursive,
    shared_weights_differ,    // a layer's, in a reuse
    unpool_reads_no_max_pool, // max_unpool<"pool">
    unpool_shape_mismatch,
    rois_crossed,     // rois<...>: the structure pass's, naming the entry that reads across
    input_name_taken, // named inputs: the structure pass's, naming the input
    input_unread,
};

// The errors of the graph (from<>, outputs<>, shared<>), which the structure pass finds: they
// name a tensor or a shared name, not a layer (invalid_from and invalid_shared below).
constexpr bool is_graph_error(error e) noexcept {
    return e == error::tap_unknown || e == error::tap_ambiguous || e == error::tap_not_computed ||
           e == error::tap_reads_auxiliary || e == error::outputs_not_last || e == error::shared_unknown ||
           e == error::shared_defined_twice || e == error::shared_used_before_definition ||
           e == error::shared_recursive || e == error::rois_crossed || e == error::input_name_taken ||
           e == error::input_unread;
}

// message(e): what is wrong, in the words of the compile error (tests hold the two equal).
constexpr std::string_view message(error e) noexcept {
    // A switch without a default, so that -Wswitch (in -Wall) names an enumerator added without
    // its message. g++'s -Wswitch-default, in the strict sets users turn on, asks for the default
    // that clang's -Wcovered-switch-default forbids: it is silenced here, on g++ alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wswitch-default"
#endif
    switch (e) {
    case error::none:
        return "no error";
    case error::zero_kernel:
        return "kernel sizes must be positive";
    case error::zero_stride:
        return "strides must be positive";
    case error::zero_dilation:
        return "dilations must be positive";
    case error::zero_groups:
        return "groups must be positive";
    case error::zero_outputs:
        return "a layer needs at least one filter or output";
    case error::missing_kernel:
        return "this layer needs a kernel<...> option";
    case error::repeated_option:
        return "an option is given more than once";
    case error::invalid_name:
        return "a layer name must be non-empty printable ASCII, without '/' and without a space at either end";
    case error::window_exceeds_input:
        return "the window is larger than the padded input";
    case error::channels_not_divisible_by_groups:
        return "input channels are not divisible by groups";
    case error::filters_not_divisible_by_groups:
        return "filters are not divisible by groups";
    case error::count_overflow:
        return "a count overflows 64 bits";
    case error::shape_mismatch:
        return "the paths of an add differ in height, width or channels where neither is 1";
    case error::spatial_mismatch:
        return "the paths of a concat differ in height or width";
    case error::table_mismatch:
        return "the connection table does not match the input maps and filters";
    case error::output_padding_too_large:
        return "output padding must be smaller than the stride or the dilation";
    case error::invalid_input:
        return "the layer cannot take an input of this shape";
    case error::pool_padding_too_large:
        return "a pool's padding must be at most half its kernel size";
    case error::window_overhangs_input:
        return "under ceil_mode the window may run past the padded input by less than the stride, not more";
    case error::padding_removes_output:
        return "the padding removes the whole output of the transposed convolution";
    case error::empty_output:
        return "the layer outputs a shape with a zero height, width or channel count";
    case error::zero_window:
        return "the layer reports a window with a zero kernel, stride or dilation";
    case error::channels_not_divisible_by_chunks:
        return "input channels are not divisible by the number of chunks";
    case error::chunk_index_out_of_range:
        return "a chunk's index must be below the number of chunks";
    case error::zero_scale_factor:
        return "upsampling factors must be positive";
    case error::paths_mismatch:
        return "the paths of a merge produce shapes it cannot combine";
    case error::broadcast_mismatch:
        return "the paths of a multiply differ in height, width or channels where neither is 1";
    case error::excitation_channels_mismatch:
        return "the input of a squeeze_excitation does not have its Channels channels";
    case error::single_spatial_element:
        return "instance_norm needs more than one position (height * width > 1) to normalise over";
    case error::single_value_per_group:
        return "group_norm needs more than one value per group (channels / groups * height * width > 1)";
    case error::empty_slice:
        return "slice<Begin, End> needs Begin below End";
    case error::slice_past_channels:
        return "slice<Begin, End> needs End at most the input's channels";
    case error::pad_channels_below_input:
        return "pad_channels<C> needs C at least the input's channels";
    case error::tap_unknown:
        return "from<...>: no entry or named block of the network has this name";
    case error::tap_ambiguous:
        return "from<...>: more than one entry or named block of the network has this name";
    case error::tap_not_computed:
        return "from<...>: this name is computed after the from<> reads it (later in the network, or the "
               "block that holds the from<>)";
    case error::tap_reads_auxiliary:
        return "from<...>: this name is in an auxiliary head, which inference does not run (only a from<> "
               "in a head may read it)";
    case error::outputs_not_last:
        return "outputs<...> must be the network's last element, at its top level (and there only once)";
    case error::shared_unknown:
        return "shared<...>: no shared<..., Elements...> of the network defines this name";
    case error::shared_defined_twice:
        return "shared<..., Elements...>: this name is defined more than once (one name for the whole "
               "network; a definition inside a reused one is defined again at every application)";
    case error::shared_used_before_definition:
        return "shared<...>: this reuse comes before the definition it applies again";
    case error::shared_recursive:
        return "shared<...>: a definition cannot apply itself, directly or through other reuses";
    case error::rois_crossed:
        return "this layer reads across a rois<...> block's boundary: the block's tensors hold one region "
               "each, so only its roi_align reads from outside it and nothing outside reads its tensors (name "
               "them in outputs<...>, or put the layer in the block)";
    case error::input_name_taken:
        return "an entry or named block has the name of one of the network's inputs (from<\"...\"> would not know "
               "which it reads)";
    case error::input_unread:
        return "nothing reads this input of the network (read it with from<\"...\">, in a layer that inference runs, "
               "or name it in outputs<...>)";
    case error::shared_weights_differ:
        return "the layer applies shared weights to an input that gives it other weights than its definition's "
               "(other input channels)";
    case error::unpool_reads_no_max_pool:
        return "max_unpool<\"pool\">: the name reads no max_pool (MaxUnpool2d needs the indices of a MaxPool2d)";
    case error::unpool_shape_mismatch:
        return "max_unpool<\"pool\">: the tensor it unpools differs in shape from the pool's output (MaxUnpool2d "
               "needs an input of its indices' shape)";
    }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    return "unknown error"; // a value cast to error that names no enumerator
}

namespace detail {

// Rejections that stop nothing else. A static_assert that fails in a class template's own body
// makes clang give up on that class, and every use of it then fails too: a bad name<"">, a
// block name with '/' or an option a layer does not take gave 26 to 34 KB of follow-on errors.
// So a class that checks something writes
//     static_assert(verdict<ok, some_rejection<facts...>>::reported);
// which never fails itself: when !ok it instantiates some_rejection, whose own static_assert
// says what is wrong (its template arguments say where) and whose `reported` is true all the
// same. The class that checks goes on as if its input were valid (with a fallback value where
// it needs one), so one mistake makes one error. The rejection must be reached from a
// static_assert of a class: reached through a variable or inside a function body, its error
// makes that variable or function invalid on clang, and whatever is evaluated through it fails
// too (report<R> below is for functions).
template<class>
inline constexpr bool always_false = false;

struct accepted {
    static constexpr bool reported = true;
};

template<bool Ok, class Rejection>
using verdict = std::conditional_t<Ok, accepted, Rejection>;

// report<Rejection>: a rejection a function can name, as in (void)sizeof(report<R>).
template<class Rejection>
struct report {
    static_assert(Rejection::reported);
};

} // namespace detail

// invalid_layer<Error, Index, Input, Name...>: instantiated only when a network is invalid.
// The failing static_assert says what is wrong; the template arguments say where: the layer's
// index in layers<Net>, the shape it received and its name spelled out as characters (clang
// prints a string template argument as numbers).
template<error Error, std::size_t Index, shape Input, char... Name>
struct invalid_layer {
    static_assert(Error != error::zero_kernel, "netcount: kernel sizes must be positive");
    static_assert(Error != error::zero_stride, "netcount: strides must be positive");
    static_assert(Error != error::zero_dilation, "netcount: dilations must be positive");
    static_assert(Error != error::zero_groups, "netcount: groups must be positive");
    static_assert(Error != error::zero_outputs, "netcount: a layer needs at least one filter or output");
    static_assert(Error != error::missing_kernel, "netcount: this layer needs a kernel<...> option");
    static_assert(Error != error::repeated_option, "netcount: an option is given more than once");
    static_assert(Error != error::invalid_name,
                  "netcount: a layer name must be non-empty printable ASCII, without '/' and without a "
                  "space at either end");
    static_assert(Error != error::window_exceeds_input, "netcount: the window is larger than the padded input");
    static_assert(Error != error::channels_not_divisible_by_groups,
                  "netcount: input channels are not divisible by groups");
    static_assert(Error != error::filters_not_divisible_by_groups, "netcount: filters are not divisible by groups");
    static_assert(Error != error::count_overflow, "netcount: a count overflows 64 bits");
    static_assert(Error != error::shape_mismatch,
                  "netcount: the paths of an add differ in height, width or channels where neither is 1");
    static_assert(Error != error::spatial_mismatch, "netcount: the paths of a concat differ in height or width");
    static_assert(Error != error::table_mismatch,
                  "netcount: the connection table does not match the input maps and filters");
    static_assert(Error != error::output_padding_too_large,
                  "netcount: output padding must be smaller than the stride or the dilation");
    static_assert(Error != error::invalid_input, "netcount: the layer cannot take an input of this shape");
    static_assert(Error != error::pool_padding_too_large,
                  "netcount: a pool's padding must be at most half its kernel size");
    static_assert(
        Error != error::window_overhangs_input,
        "netcount: under ceil_mode the window may run past the padded input by less than the stride, not more");
    static_assert(Error != error::padding_removes_output,
                  "netcount: the padding removes the whole output of the transposed convolution");
    static_assert(Error != error::empty_output,
                  "netcount: the layer outputs a shape with a zero height, width or channel count");
    static_assert(Error != error::zero_window,
                  "netcount: the layer reports a window with a zero kernel, stride or dilation");
    static_assert(Error != error::channels_not_divisible_by_chunks,
                  "netcount: input channels are not divisible by the number of chunks");
    static_assert(Error != error::chunk_index_out_of_range,
                  "netcount: a chunk's index must be below the number of chunks");
    static_assert(Error != error::zero_scale_factor, "netcount: upsampling factors must be positive");
    static_assert(Error != error::paths_mismatch, "netcount: the paths of a merge produce shapes it cannot combine");
    static_assert(Error != error::broadcast_mismatch,
                  "netcount: the paths of a multiply differ in height, width or channels where neither is 1");
    static_assert(Error != error::excitation_channels_mismatch,
                  "netcount: the input of a squeeze_excitation does not have its Channels channels");
    static_assert(Error != error::single_spatial_element,
                  "netcount: instance_norm needs more than one position (height * width > 1) to normalise over");
    static_assert(Error != error::single_value_per_group,
                  "netcount: group_norm needs more than one value per group (channels / groups * height * width > 1)");
    static_assert(Error != error::empty_slice, "netcount: slice<Begin, End> needs Begin below End");
    static_assert(Error != error::slice_past_channels,
                  "netcount: slice<Begin, End> needs End at most the input's channels");
    static_assert(Error != error::pad_channels_below_input,
                  "netcount: pad_channels<C> needs C at least the input's channels");
    static_assert(Error != error::shared_weights_differ,
                  "netcount: the layer applies shared weights to an input that gives it other weights than its "
                  "definition's (other input channels)");
    static_assert(Error != error::unpool_reads_no_max_pool,
                  "netcount: max_unpool<\"pool\">: the name reads no max_pool (MaxUnpool2d needs the indices of a "
                  "MaxPool2d)");
    static_assert(Error != error::unpool_shape_mismatch,
                  "netcount: max_unpool<\"pool\">: the tensor it unpools differs in shape from the pool's output "
                  "(MaxUnpool2d needs an input of its indices' shape)");
    static constexpr bool reported = true; // see verdict
};

// path_shapes<Shapes...>: the shapes of every tensor an entry reads, in order (a merge's paths).
template<shape... Shapes>
struct path_shapes {};

// invalid_merge<Error, Index, path_shapes<Shapes...>, Name...>: instantiated when an entry that
// reads several tensors (a merge, a max_unpool) rejects them. It reports through invalid_layer
// with the first of them, so the first error line says what is wrong as for any layer, and its
// own template arguments, in the line that instantiates it, give every shape: which path differs
// is then plain, not only that one does.
template<error Error, std::size_t Index, class Paths, char... Name>
struct invalid_merge;

template<error Error, std::size_t Index, shape First, shape... Rest, char... Name>
struct invalid_merge<Error, Index, path_shapes<First, Rest...>, Name...> {
    static_assert(invalid_layer<Error, Index, First, Name...>::reported);
    static constexpr bool reported = true; // see verdict
};

// invalid_from<Error, Name...>: instantiated when a from<"name"> names no tensor it may read.
// The failing static_assert says what is wrong; the name it was given is spelled out as
// characters.
template<error Error, char... Name>
struct invalid_from {
    static_assert(Error != error::tap_unknown,
                  "netcount: from<...>: no entry or named block of the network has this name");
    static_assert(Error != error::tap_ambiguous,
                  "netcount: from<...>: more than one entry or named block of the network has this name");
    static_assert(Error != error::tap_not_computed,
                  "netcount: from<...>: this name is computed after the from<> reads it (later in the "
                  "network, or the block that holds the from<>)");
    static_assert(Error != error::tap_reads_auxiliary,
                  "netcount: from<...>: this name is in an auxiliary head, which inference does not run "
                  "(only a from<> in a head may read it)");
    static_assert(Error != error::outputs_not_last,
                  "netcount: outputs<...> must be the network's last element, at its top level (and there only once)");
    static constexpr bool reported = true; // see verdict
};

// invalid_shared<Error, Name...>: instantiated when a shared<"name"> cannot be resolved; the
// name is spelled out as characters.
template<error Error, char... Name>
struct invalid_shared {
    static_assert(Error != error::shared_unknown,
                  "netcount: shared<...>: no shared<..., Elements...> of the network defines this name");
    static_assert(Error != error::shared_defined_twice,
                  "netcount: shared<..., Elements...>: this name is defined more than once (one name for the "
                  "whole network; a definition inside a reused one is defined again at every application)");
    static_assert(Error != error::shared_used_before_definition,
                  "netcount: shared<...>: this reuse comes before the definition it applies again");
    static_assert(Error != error::shared_recursive,
                  "netcount: shared<...>: a definition cannot apply itself, directly or through other reuses");
    static constexpr bool reported = true; // see verdict
};

// invalid_region_read<Name...>: instantiated when an entry reads across a rois<...> block's
// boundary (a layer after the block reading its output would count one region where the
// batch runs); the entry's name is spelled out as characters.
template<char... Name>
struct invalid_region_read {
    static_assert(detail::always_false<std::integer_sequence<char, Name...>>,
                  "netcount: this layer reads across a rois<...> block's boundary: the block's tensors hold one "
                  "region each, so only its roi_align reads from outside it and nothing outside reads its tensors "
                  "(name them in outputs<...>, or put the layer in the block)");
    static constexpr bool reported = true; // see verdict
};

// invalid_input<Error, Name...>: instantiated when a network's input is named as an entry or a
// named block is, or nothing reads it; the input's name is spelled out as characters.
template<error Error, char... Name>
struct invalid_input {
    static_assert(Error != error::input_name_taken,
                  "netcount: an entry or named block has the name of one of the network's inputs (from<\"...\"> "
                  "would not know which it reads)");
    static_assert(Error != error::input_unread,
                  "netcount: nothing reads this input of the network (read it with from<\"...\">, in a layer that "
                  "inference runs, or name it in outputs<...>)");
    static constexpr bool reported = true; // see verdict
};

// invalid_layer_name<Matches, Name...>: instantiated when layer<Net, "name"> does not find
// exactly one layer of that name.
template<std::size_t Matches, char... Name>
struct invalid_layer_name {
    static_assert(Matches != 0, "netcount: no layer has this name");
    static_assert(Matches < 2, "netcount: more than one layer has this name");
    static constexpr bool reported = true; // see verdict
};

// The rule every name keeps: a name given with name<"...">, and a user-defined kind's `kind` and
// `name`. A name is one or more characters of printable ASCII (' ' to '~'), without '/', which
// separates the levels of a block path, and without a space at either end. Printable ASCII
// because every report prints it then exactly as written and unambiguously: the text table
// lines up byte for byte, Markdown, CSV, JSON, SVG and DOT escape every such character, no
// control character ends a row or makes XML ill-formed, no invisible or right-to-left character
// disguises one name as another, and a compile error spells each character; PyTorch's module
// paths and Keras's layer names keep to it in practice. A space at either end would be lost in
// Markdown (cells are trimmed) and read as padding in the text table.
enum class name_problem : unsigned {
    none,
    empty,
    control_character, // below ' ', or DEL
    not_ascii,         // a byte above '~': UTF-8 or another encoding
    slash,
    space_at_either_end,
};

constexpr name_problem name_problem_of(std::string_view name) noexcept {
    if (name.empty()) return name_problem::empty;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return name_problem::control_character;
        if (u > 0x7f) return name_problem::not_ascii;
    }
    if (name.find('/') != std::string_view::npos) return name_problem::slash;
    if (name.front() == ' ' || name.back() == ' ') return name_problem::space_at_either_end;
    return name_problem::none;
}

// rejected_name<Problem, Name...>: instantiated only for a name that breaks the rule, where the
// name is written (name<"...">) or where a network meets a kind defined outside the library.
// The failing static_assert says what is wrong; the name is spelled out as characters.
template<name_problem Problem, char... Name>
struct rejected_name {
    static_assert(Problem != name_problem::empty, "netcount: a name must not be empty");
    static_assert(Problem != name_problem::control_character,
                  "netcount: a name must not contain a control character (names are printable ASCII)");
    static_assert(Problem != name_problem::not_ascii,
                  "netcount: a name must be printable ASCII, and this one has a byte above '~' (UTF-8?)");
    static_assert(Problem != name_problem::slash,
                  "netcount: a name must not contain '/', which separates the levels of a block path");
    static_assert(Problem != name_problem::space_at_either_end, "netcount: a name must not begin or end with a space");
    static constexpr bool reported = true; // see verdict
};

namespace detail {

template<const std::string_view& Text, std::size_t... I>
rejected_name<name_problem_of(Text), Text[I]...> rejected_name_for(std::index_sequence<I...>) noexcept;

// name_verdict<Text>: accepted, or for a name that breaks the rule the rejected_name that
// reports it (a verdict whose rejection is only spelled out for a bad name):
//     static_assert(name_verdict<Text>::reported);
template<bool Valid>
struct name_verdict_of {
    template<const std::string_view&>
    using type = accepted;
};

template<>
struct name_verdict_of<false> {
    template<const std::string_view& Text>
    using type = decltype(rejected_name_for<Text>(std::make_index_sequence<Text.size()>{}));
};

template<const std::string_view& Text>
using name_verdict = typename name_verdict_of<name_problem_of(Text) == name_problem::none>::template type<Text>;

} // namespace detail

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
