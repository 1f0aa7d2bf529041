#ifndef NETCOUNT_COUNTS_HPP
#define NETCOUNT_COUNTS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <netcount/detail/analysis.hpp>
#include <netcount/error.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// The queries: every figure of a network as a constant expression.
//   static_assert(netcount::weights<my_net> <= 5'000'000);

namespace netcount {

namespace detail {

template<const auto& Analysis, std::size_t... I>
constexpr void report_invalid_layer(std::index_sequence<I...>) noexcept {
    constexpr const failure& f = Analysis.fail;
    // The static_assert that fires inside invalid_layer says what is wrong; its template
    // arguments say where.
    (void)sizeof(invalid_layer<f.code, f.index, f.input, Analysis.entries[f.index].name[I]...>);
}

// The analysis of Net, with a compile error naming the layer if Net is not a valid network.
template<class Net>
constexpr const auto& checked() noexcept {
    constexpr const auto& a = analyzed<Net>::value;
    if constexpr (a.fail.code != error::none)
        report_invalid_layer<analyzed<Net>::value>(
            std::make_index_sequence<a.entries[a.fail.index].name.size()>{});
    return a;
}

struct name_match {
    std::size_t index = 0;
    std::size_t matches = 0;
};

template<std::size_t N>
constexpr name_match find_name(const std::array<layer_info, N>& entries, std::string_view name) noexcept {
    name_match m{};
    for (std::size_t i = 0; i != N; ++i)
        if (entries[i].name == name && m.matches++ == 0) m.index = i;
    return m;
}

inline constexpr layer_info no_layer{};

template<fixed_string Name, std::size_t Matches, std::size_t... I>
constexpr void report_layer_name(std::index_sequence<I...>) noexcept {
    (void)sizeof(invalid_layer_name<Matches, Name.chars[I]...>);
}

template<class Net, fixed_string Name>
constexpr const layer_info& find_layer() noexcept {
    constexpr const auto& a = checked<Net>();
    constexpr name_match m = find_name(a.entries, Name.view());
    if constexpr (m.matches != 1) {
        report_layer_name<Name, m.matches>(std::make_index_sequence<Name.size()>{});
        return no_layer;
    } else {
        return a.entries[m.index];
    }
}

} // namespace detail

// totals<Net>: units, weights, biases, parameters and connections summed over all layers.
template<class Net>
inline constexpr const counts& totals = detail::checked<Net>().totals;

// units<Net>: neurons, the output elements of the layers that have weights.
template<class Net>
inline constexpr std::uint64_t units = totals<Net>.units;

// weights<Net>: weights without biases.
template<class Net>
inline constexpr std::uint64_t weights = totals<Net>.weights;

template<class Net>
inline constexpr std::uint64_t biases = totals<Net>.biases;

// parameters<Net>: every trainable number.
template<class Net>
inline constexpr std::uint64_t parameters = totals<Net>.parameters;

// connections<Net>: multiply-accumulates, bias not included.
template<class Net>
inline constexpr std::uint64_t connections = totals<Net>.connections;

// connections_with_bias<Net>: LeCun's convention, a bias counted as one more connection per
// output of a layer that has one.
template<class Net>
inline constexpr std::uint64_t connections_with_bias = totals<Net>.connections_with_bias;

// activations<Net>: output elements of every layer, summed (the input not included).
template<class Net>
inline constexpr std::uint64_t activations = totals<Net>.activations;

template<class Net>
inline constexpr shape input_shape = detail::checked<Net>().input;

template<class Net>
inline constexpr shape output_shape = detail::checked<Net>().output;

// layers<Net>: a std::array of layer_info, one per layer after the input, in order.
template<class Net>
inline constexpr const auto& layers = detail::checked<Net>().entries;

// layer<Net, "conv2">: the layer of that name.
template<class Net, fixed_string Name>
inline constexpr const layer_info& layer = detail::find_layer<Net, Name>();

} // namespace netcount

#endif
