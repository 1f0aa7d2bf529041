#ifndef NETCOUNT_COUNTS_HPP
#define NETCOUNT_COUNTS_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <netcount/detail/analysis.hpp>
#include <netcount/detail/rescheduled.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/error.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// The queries: every figure of a network as a constant expression.
//   static_assert(netcount::weights<my_net> <= 5'000'000);
// totals<Net> is a `struct counts`, defined in <netcount/layer_info.hpp> beside `layer_info`:
// the engine (detail/analysis.hpp), which these queries read, fills both, so the type cannot
// live here without the engine including its own reader.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

// The failure that stopped the totals pass (Full = false) or the full pass (Full = true).
template<class Net, bool Full>
constexpr const failure& failure_of() noexcept {
    if constexpr (Full)
        return analyzed_layers<Net>::value.fail;
    else
        return analyzed<Net>::totals.fail;
}

// Whether the failure is an entry's that reads several tensors (a merge's paths, a max_unpool's
// tensor and pool) and the full pass stopped there too: its entries before the failing one are
// then written, and give every tensor's shape. Evaluated only for an invalid network.
template<class Net, bool Full>
constexpr bool fails_reading_several() noexcept {
    constexpr const failure& f = failure_of<Net, Full>();
    constexpr const auto& full = analyzed_layers<Net>::value;
    return analyzed_layers<Net>::graph.inputs[f.index].size() > 1 && full.fail.code == f.code &&
           full.fail.index == f.index;
}

// The shape of the k-th tensor the failing entry reads.
template<class Net, bool Full>
constexpr shape read_shape(std::size_t k) noexcept {
    const std::size_t from = analyzed_layers<Net>::graph.inputs[failure_of<Net, Full>().index][k];
    const auto& full = analyzed_layers<Net>::value;
    if constexpr (input_count<network_traits<network_of<Net>>> == 0)
        return from == network_input ? full.input : full.entries[from].output;
    else
        return from >= full.entries.size() ? full.inputs[network_input - from] : full.entries[from].output;
}

template<class Net, bool Full, std::size_t... K>
constexpr auto read_shapes(std::index_sequence<K...>) noexcept -> path_shapes<read_shape<Net, Full>(K)...>;

template<class Net, bool Full, std::size_t... I>
constexpr void report_invalid_layer(std::index_sequence<I...>) noexcept {
    constexpr const failure& f = failure_of<Net, Full>();
    constexpr std::string_view name = analyzed_layers<Net>::graph.names[f.index];
    // The static_assert that fires inside invalid_layer says what is wrong; its template
    // arguments say where. A merge's says every path's shape (invalid_merge).
    if constexpr (fails_reading_several<Net, Full>()) {
        using shapes = decltype(read_shapes<Net, Full>(
            std::make_index_sequence<analyzed_layers<Net>::graph.inputs[f.index].size()>{}));
        (void)sizeof(report<invalid_merge<f.code, f.index, shapes, name[I]...>>);
    } else {
        (void)sizeof(report<invalid_layer<f.code, f.index, f.input, name[I]...>>);
    }
}

// A from<"name"> that names nothing it may read, or a shared<"name"> that cannot be resolved:
// the error spells the name it was given.
template<class Net, std::size_t... I>
constexpr void report_invalid_graph(std::index_sequence<I...>) noexcept {
    constexpr const failure& f = analyzed_layers<Net>::graph.graph_fail;
    constexpr std::string_view name = analyzed_layers<Net>::graph.graph_fail_name;
    if constexpr (f.code == error::shared_unknown || f.code == error::shared_defined_twice ||
                  f.code == error::shared_used_before_definition || f.code == error::shared_recursive)
        (void)sizeof(report<invalid_shared<f.code, name[I]...>>);
    else if constexpr (f.code == error::rois_crossed)
        (void)sizeof(report<invalid_region_read<name[I]...>>);
    else if constexpr (f.code == error::input_name_taken || f.code == error::input_unread)
        (void)sizeof(report<invalid_input<f.code, name[I]...>>);
    else
        (void)sizeof(report<invalid_from<f.code, name[I]...>>);
}

// The totals of Net, with a compile error naming the layer (or the from<>) if Net is not a
// valid network. Only an invalid network pays for the names the error shows.
template<class Net>
constexpr const auto& checked() noexcept {
    constexpr const auto& s = analyzed<Net>::totals;
    if constexpr (is_graph_error(s.fail.code))
        report_invalid_graph<Net>(std::make_index_sequence<analyzed_layers<Net>::graph.graph_fail_name.size()>{});
    else if constexpr (s.fail.code != error::none)
        report_invalid_layer<Net, false>(
            std::make_index_sequence<analyzed_layers<Net>::graph.names[s.fail.index].size()>{});
    return s;
}

// Every entry of layers<Net>, once Net is known to be valid. Both passes reach their verdict
// in one function, count_builder::record(), from the same checks, so for a network whose
// totals are valid the full pass writes every entry. Should the two ever disagree, the error
// still names the layer, and the static_assert keeps a blank entry from being read.
template<class Net>
constexpr const auto& checked_layers() noexcept {
    constexpr const auto& full = analyzed_layers<Net>::value;
    if constexpr (checked<Net>().fail.code == error::none) {
        if constexpr (full.fail.code != error::none)
            report_invalid_layer<Net, true>(
                std::make_index_sequence<analyzed_layers<Net>::graph.names[full.fail.index].size()>{});
        static_assert(full.fail.code != error::none || full.complete(),
                      "netcount: layers<Net> has entries its full pass did not write, although the "
                      "totals are valid (a bug in netcount: please report the network)");
    }
    return full.entries;
}

// Instantiated when output_shape<Net> is asked of a network with several outputs.
template<class Net>
struct several_outputs {
    static_assert(always_false<Net>, "netcount: this network has several outputs (outputs<...>): read their shapes "
                                     "with output_shapes<Net>, output_shape<Net> is for a network of one");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// Instantiated when input_shape<Net> is asked of a network with several inputs.
template<class Net>
struct several_inputs {
    static_assert(always_false<Net>, "netcount: this network has several inputs: read their shapes with "
                                     "input_shapes<Net>, input_shape<Net> is for a network of one");
    static constexpr bool reported = true; // see verdict in error.hpp
};

template<class Net>
constexpr const shape& single_input() noexcept {
    constexpr const auto& s = checked<Net>();
    if constexpr (input_count < network_traits < network_of < Net >>>> 1) (void)sizeof(report<several_inputs<Net>>);
    return s.input;
}

// The shapes of the network's inputs, in order (one for a network of one).
template<class Net>
constexpr auto input_shapes_of() noexcept {
    using traits = network_traits<network_of<Net>>;
    constexpr const auto& s = checked<Net>();
    if constexpr (input_count<traits> == 0)
        return std::array<shape, 1>{s.input};
    else
        return traits::input_shapes;
}

// What stands for each input in layer_info::inputs: network_input - k for the k-th.
template<class Net>
constexpr auto input_indices_of() noexcept {
    (void)checked<Net>();
    constexpr std::size_t n =
        input_count<network_traits<network_of<Net>>> == 0 ? 1 : input_count<network_traits<network_of<Net>>>;
    std::array<std::size_t, n> indices{};
    for (std::size_t k = 0; k != n; ++k) indices[k] = network_input - k;
    return indices;
}

template<class Net>
constexpr auto input_names_of() noexcept {
    using traits = network_traits<network_of<Net>>;
    (void)checked<Net>();
    if constexpr (input_count<traits> == 0)
        return std::array<std::string_view, 1>{};
    else
        return traits::input_names;
}

template<class Net>
constexpr const shape& single_output() noexcept {
    constexpr const auto& s = checked<Net>();
    if constexpr (analyzed<Net>::outputs() > 1) (void)sizeof(report<several_outputs<Net>>);
    return s.output;
}

// The shapes of the network's outputs: the totals pass kept each output<...> name's shape as
// a tap's (its last taps).
template<class Net>
constexpr auto output_shapes_of() noexcept {
    constexpr const auto& s = checked<Net>();
    constexpr std::size_t outputs = analyzed<Net>::outputs(), taps = analyzed<Net>::taps();
    if constexpr (outputs == 0) {
        return std::array<shape, 1>{s.output};
    } else {
        std::array<shape, outputs> shapes{};
        for (std::size_t i = 0; i != outputs; ++i) shapes[i] = s.tapped[taps - outputs + i];
        return shapes;
    }
}

template<class Net>
constexpr const auto& output_indices_of() noexcept {
    (void)checked<Net>();
    return analyzed_layers<Net>::graph.outputs;
}

// layers<Net, Rules>: the entries, their live_activations under those rules of the schedule.
template<class Net, schedule Rules>
constexpr const auto& scheduled_layers() noexcept {
    if constexpr (Rules == schedule{}) {
        return checked_layers<Net>();
    } else {
        (void)checked_layers<Net>();
        return rescheduled_layers<Net, Rules>.entries;
    }
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
    (void)sizeof(report<invalid_layer_name<Matches, Name.chars[I]...>>);
}

template<class Net, fixed_string Name>
constexpr const layer_info& find_layer() noexcept {
    constexpr const auto& entries = checked_layers<Net>();
    constexpr name_match m = find_name(entries, Name.view());
    if constexpr (m.matches != 1) {
        report_layer_name<Name, m.matches>(std::make_index_sequence<Name.size()>{});
        return no_layer;
    } else {
        return entries[m.index];
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

// input_shape<Net>: the shape of the network's input; a compile error for a network with
// several inputs, whose shapes are input_shapes<Net>.
template<class Net>
inline constexpr shape input_shape = detail::single_input<Net>();

// input_shapes<Net>: a std::array of the shapes of the network's inputs, in the order they are
// written (one element for a network of one input).
template<class Net>
inline constexpr auto input_shapes = detail::input_shapes_of<Net>();

// input_names<Net>: a std::array of the inputs' names, in the same order ("" for an unnamed
// input).
template<class Net>
inline constexpr auto input_names = detail::input_names_of<Net>();

// input_indices<Net>: what stands for each input, in the same order, where an entry of
// layers<Net> lists what it reads (layer_info::inputs) and in output_indices<Net>:
// network_input - k for the k-th input (network_input alone for a network of one). Any index at
// least layers<Net>.size() is an input's.
template<class Net>
inline constexpr auto input_indices = detail::input_indices_of<Net>();

// output_shape<Net>: the shape of the network's output; a compile error for a network with
// several outputs (outputs<...>), whose shapes are output_shapes<Net>.
template<class Net>
inline constexpr shape output_shape = detail::single_output<Net>();

// output_shapes<Net>: a std::array of the shapes of the network's outputs, in the order of its
// outputs<...> (one element for a network without one).
template<class Net>
inline constexpr auto output_shapes = detail::output_shapes_of<Net>();

// output_indices<Net>: the entries of layers<Net> that are the network's outputs, in the same
// order (network_input where an output is the input itself).
template<class Net>
inline constexpr const auto& output_indices = detail::output_indices_of<Net>();

namespace detail {
// A network's input as the reports list it: only a network whose inputs are named (every
// network of several) lists them; one of a single unnamed input reports as it always has.
struct input_row {
    std::string_view name;
    shape value;
};

template<class Net>
constexpr auto named_input_rows() noexcept {
    constexpr auto names = input_names<Net>;
    std::array<input_row, names[0].empty() ? 0 : names.size()> rows{};
    for (std::size_t k = 0; k != rows.size(); ++k) rows[k] = {names[k], input_shapes<Net>[k]};
    return rows;
}
template<class Net>
inline constexpr auto input_rows = named_input_rows<Net>();
} // namespace detail

// layers<Net>: a std::array of layer_info, one per layer after the input, in order.
// layers<Net, schedule{...}>: the same, with each entry's live_activations under those rules
// of the memory schedule (peak_activations<Net, schedule{...}>).
template<class Net, schedule Rules = schedule()>
inline constexpr const auto& layers = detail::scheduled_layers<Net, Rules>();

// layer<Net, "conv2">: the layer of that name.
template<class Net, fixed_string Name>
inline constexpr const layer_info& layer = detail::find_layer<Net, Name>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
