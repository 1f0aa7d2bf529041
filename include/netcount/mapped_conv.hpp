#ifndef NETCOUNT_MAPPED_CONV_HPP
#define NETCOUNT_MAPPED_CONV_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/detail/window.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/options.hpp>
#include <netcount/shape.hpp>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// connection_table<Rows...>: which input maps each filter of a mapped_conv reads, written as
// LeCun et al. (1998) print Table I: one row per input map, one column per filter, 'X' where
// they are connected and '.' (or ' ') where not.
namespace detail {
// Instantiated for a table with another character, which then reads as "not connected".
template<fixed_string... Rows>
struct table_characters {
    static_assert(always_false<table_characters>,
                  "netcount: a connection table holds 'X' (connected) and '.' or ' ' (not connected)");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

template<fixed_string... Rows>
struct connection_table {
    static_assert(detail::verdict<((Rows.view().find_first_not_of("X. ") == std::string_view::npos) && ...),
                                  detail::table_characters<Rows...>>::reported);

    static constexpr std::size_t rows = sizeof...(Rows);
    static constexpr std::array<std::string_view, sizeof...(Rows)> row{Rows.view()...};

    // The number of (input map, filter) pairs that are connected.
    static constexpr std::size_t links = [] {
        std::size_t n = 0;
        for (const std::string_view r : row)
            for (const char c : r) n += c == 'X' ? 1 : 0;
        return n;
    }();

    // Whether every row has exactly `columns` columns.
    static constexpr bool has_columns(std::size_t columns) noexcept {
        for (const std::string_view r : row)
            if (r.size() != columns) return false;
        return true;
    }
};

namespace detail {

inline constexpr unsigned mapped_conv_options = options_mask(
    {option_kind::kernel, option_kind::stride, option_kind::padding, option_kind::bias, option_kind::name});

// A convolution whose filter f reads only the input maps its table column marks: weights are
// h * w * links, where links counts the marks.
constexpr layer_result apply_mapped_conv(const shape& in, std::uint64_t filters, std::uint64_t rows, bool columns_match,
                                         std::uint64_t links, const layer_options& o) noexcept {
    if (o.repeated) return {.status = error::repeated_option};
    if (!o.has(option_kind::kernel)) return {.status = error::missing_kernel};
    if (filters == 0) return {.status = error::zero_outputs};
    const axis_fit y = fit_axis(in.height, o.kernel_h, o.stride_h, 1, o.padding, o.pad_top, o.pad_bottom, false);
    if (y.status != error::none) return {.status = y.status};
    const axis_fit x = fit_axis(in.width, o.kernel_w, o.stride_w, 1, o.padding, o.pad_left, o.pad_right, false);
    if (x.status != error::none) return {.status = x.status};
    if (rows != in.channels || !columns_match) return {.status = error::table_mismatch};

    bool overflow = false;
    const std::uint64_t positions = mul(y.positions, x.positions, overflow);
    const std::uint64_t weights = mul(mul(o.kernel_h, o.kernel_w, overflow), links, overflow);
    const std::uint64_t biases = o.bias ? filters : 0;
    const std::uint64_t units = mul(positions, filters, overflow);
    return {.output = {y.positions, x.positions, filters},
            .units = units,
            .weights = weights,
            .biases = biases,
            .parameters = add(weights, biases, overflow),
            .connections = mul(weights, positions, overflow),
            .bias_connections = o.bias ? units : 0,
            .window = {y.window, x.window, 1, false, false},
            .status = overflow ? error::count_overflow : error::none};
}

// weights = h * w * links (the table's marks), connections = weights * Y * X.
constexpr table_formula mapped_conv_formula(const layer_info& l) noexcept {
    const std::uint64_t kh = l.window.height.kernel, kw = l.window.width.kernel;
    bool overflow = false; // not for a layer that counted: kh * kw divides its weights
    const std::uint64_t area = mul(kh, kw, overflow);
    const std::uint64_t links = area == 0 || overflow ? 0 : l.weights / area;
    return {.units = {l.output.height, l.output.width, l.output.channels},
            .weights = {kh, kw, links},
            .connections = {kh, kw, links, l.output.height, l.output.width}};
}

} // namespace detail

// mapped_conv<Filters, connection_table<...>, Options...>: LeNet-5's C3, a convolution whose
// filters each read a chosen subset of the input maps. Options: kernel (required), stride,
// valid / same / pad, no_bias, name.
template<std::size_t Filters, class Table, class... Options>
struct mapped_conv {
    static constexpr std::string_view kind = "mapped_conv";
    static constexpr detail::layer_options options = detail::gather_options<detail::mapped_conv_options, Options...>();
    static_assert(
        detail::verdict<!options.refused,
                        detail::options_checked<mapped_conv, detail::mapped_conv_options, Options...>>::reported);
    static constexpr std::string_view name = options.name;

    static constexpr layer_result apply(const shape& in) noexcept {
        return detail::apply_mapped_conv(in, Filters, Table::rows, Table::has_columns(Filters), Table::links, options);
    }
    static constexpr table_formula formula(const layer_info& entry) noexcept {
        return detail::mapped_conv_formula(entry);
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
