#ifndef NETCOUNT_ERROR_HPP
#define NETCOUNT_ERROR_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <string_view>

#include <netcount/shape.hpp>

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
    invalid_name,
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
};

// message(e): what is wrong, in the words of the compile error (tests hold the two equal).
constexpr std::string_view message(error e) noexcept {
    // if, not switch: a switch over every enumerator warns with a default (clang's
    // -Wcovered-switch-default) and without one (g++'s -Wswitch-default).
    if (e == error::none) return "no error";
    if (e == error::zero_kernel) return "kernel sizes must be positive";
    if (e == error::zero_stride) return "strides must be positive";
    if (e == error::zero_dilation) return "dilations must be positive";
    if (e == error::zero_groups) return "groups must be positive";
    if (e == error::zero_outputs) return "a layer needs at least one filter or output";
    if (e == error::missing_kernel) return "this layer needs a kernel<...> option";
    if (e == error::repeated_option) return "an option is given more than once";
    if (e == error::invalid_name) return "a layer name must be non-empty and must not contain '/'";
    if (e == error::window_exceeds_input) return "the window is larger than the padded input";
    if (e == error::channels_not_divisible_by_groups) return "input channels are not divisible by groups";
    if (e == error::filters_not_divisible_by_groups) return "filters are not divisible by groups";
    if (e == error::count_overflow) return "a count overflows 64 bits";
    if (e == error::shape_mismatch) return "the paths of an add produce different shapes";
    if (e == error::spatial_mismatch) return "the paths of a concat differ in height or width";
    if (e == error::table_mismatch) return "the connection table does not match the input maps and filters";
    if (e == error::output_padding_too_large) return "output padding must be smaller than the stride or the dilation";
    if (e == error::invalid_input) return "the layer cannot take an input of this shape";
    if (e == error::pool_padding_too_large) return "a pool's padding must be at most half its kernel size";
    if (e == error::window_overhangs_input)
        return "under ceil_mode the window may run past the padded input by less than the stride, not more";
    if (e == error::padding_removes_output) return "the padding removes the whole output of the transposed convolution";
    return "unknown error";
}

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
                  "netcount: a layer name must be non-empty and must not contain '/'");
    static_assert(Error != error::window_exceeds_input,
                  "netcount: the window is larger than the padded input");
    static_assert(Error != error::channels_not_divisible_by_groups,
                  "netcount: input channels are not divisible by groups");
    static_assert(Error != error::filters_not_divisible_by_groups,
                  "netcount: filters are not divisible by groups");
    static_assert(Error != error::count_overflow, "netcount: a count overflows 64 bits");
    static_assert(Error != error::shape_mismatch, "netcount: the paths of an add produce different shapes");
    static_assert(Error != error::spatial_mismatch,
                  "netcount: the paths of a concat differ in height or width");
    static_assert(Error != error::table_mismatch,
                  "netcount: the connection table does not match the input maps and filters");
    static_assert(Error != error::output_padding_too_large,
                  "netcount: output padding must be smaller than the stride or the dilation");
    static_assert(Error != error::invalid_input, "netcount: the layer cannot take an input of this shape");
    static_assert(Error != error::pool_padding_too_large,
                  "netcount: a pool's padding must be at most half its kernel size");
    static_assert(Error != error::window_overhangs_input,
                  "netcount: under ceil_mode the window may run past the padded input by less than the stride, not more");
    static_assert(Error != error::padding_removes_output,
                  "netcount: the padding removes the whole output of the transposed convolution");
};

// invalid_layer_name<Matches, Name...>: instantiated when layer<Net, "name"> does not find
// exactly one layer of that name.
template<std::size_t Matches, char... Name>
struct invalid_layer_name {
    static_assert(Matches != 0, "netcount: no layer has this name");
    static_assert(Matches < 2, "netcount: more than one layer has this name");
};

} // namespace netcount

#endif
