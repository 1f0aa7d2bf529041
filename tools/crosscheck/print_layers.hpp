// What netcount computed for a network, one JSON object per line, for tools/crosscheck/:
//   {"net": "<id>", "index": i, "name": ..., "kind": ..., "in": [h, w, c], "out": [h, w, c],
//    "units": ..., "weights": ..., "biases": ..., "parameters": ..., "connections": ...,
//    "live": ..., "auxiliary": true or false, "inputs": [i, ...], "reuse_of": i}
// for every entry of layers<Net> (live: its live_activations; auxiliary: in an auxiliary<...>
// head; inputs: the indices of the entries it reads, -1 - k for the network's k-th input,
// network_input - k; reuse_of: the index of the shared<...> definition's entry it applies
// again, -1 for an entry that is no reuse), then
//   {"net": "<id>", "input": [h, w, c], "input_shapes": [[h, w, c], ...], "input_names": [...],
//    "outputs": [[h, w, c], ...], "totals": {...}, "input_indices": [i, ...],
//    "output_indices": [i, ...], "peak": ..., "peak_layer": i}
// (input: input_shape<Net>, or the first of input_shapes<Net> for a network of several inputs,
// where input_shape is a compile error; input_names: "" for an unnamed input; input_indices and
// output_indices written as inputs are; outputs: output_shapes<Net>, one shape for a network of
// one output)
// (peak_layer: the index of peak_layer<Net> in layers<Net>, where asked for: a network in which
// no entry runs has none; output_indices where asked for too: it took 3 s of the crosscheck's
// 66 s of compiling its random networks, so it is asked of those whose output is not simply their
// last entry). print_totals<Net> prints that last line alone, up to the totals: the totals pass
// only, without layers<Net> (the crosscheck's zoo models on another input).
// print_scaled<Net, Expected, Num, Den, Divisor> prints
//   {"net": "<id>", "scaled": true or false, "kept": [i, ...]}
// scaled: whether scale_width<Net, Num, Den, Divisor> is the type Expected; kept: the entries
// whose width it keeps (detail::kept_width, to say which differ when it is not).
#ifndef NETCOUNT_CROSSCHECK_PRINT_LAYERS_HPP
#define NETCOUNT_CROSSCHECK_PRINT_LAYERS_HPP

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>
#include <type_traits>

#include <netcount/netcount.hpp>

namespace crosscheck {

inline void put_string(std::ostream& out, std::string_view text) {
    out << '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') out << '\\';
        out << c;
    }
    out << '"';
}

inline void put_shape(std::ostream& out, const netcount::shape& s) {
    out << '[' << s.height << ", " << s.width << ", " << s.channels << ']';
}

inline void put_counts(std::ostream& out, std::uint64_t units, std::uint64_t weights, std::uint64_t biases,
                       std::uint64_t parameters, std::uint64_t connections) {
    out << "\"units\": " << units << ", \"weights\": " << weights << ", \"biases\": " << biases
        << ", \"parameters\": " << parameters << ", \"connections\": " << connections;
}

// An index of layer_info::inputs, input_indices or output_indices: an entry's, or -1 - k for
// the k-th input (network_input - k: every index from layers<Net>.size() on is an input's).
template<class Net>
void put_index(std::ostream& out, std::size_t i) {
    if (i < netcount::layers<Net>.size())
        out << i;
    else
        out << -1 - static_cast<long long>(netcount::network_input - i);
}

// A JSON list of each item of `items` as `put` writes it.
template<class Items, class Put>
void put_list(std::ostream& out, const Items& items, Put put) {
    out << '[';
    const char* separator = "";
    for (const auto& item : items) {
        out << separator;
        put(item);
        separator = ", ";
    }
    out << ']';
}

// The totals' record, left open for what the caller adds.
template<class Net>
void put_totals(std::ostream& out, std::string_view id) {
    const netcount::counts& t = netcount::totals<Net>;
    out << "{\"net\": ";
    put_string(out, id);
    out << ", \"input\": ";
    if constexpr (netcount::input_shapes<Net>.size() == 1)
        put_shape(out, netcount::input_shape<Net>);
    else
        put_shape(out, netcount::input_shapes<Net>[0]);
    out << ", \"input_shapes\": ";
    put_list(out, netcount::input_shapes<Net>, [&](const netcount::shape& s) { put_shape(out, s); });
    out << ", \"input_names\": ";
    put_list(out, netcount::input_names<Net>, [&](std::string_view name) { put_string(out, name); });
    out << ", \"outputs\": ";
    put_list(out, netcount::output_shapes<Net>, [&](const netcount::shape& s) { put_shape(out, s); });
    out << ", \"totals\": {";
    put_counts(out, t.units, t.weights, t.biases, t.parameters, t.connections);
    out << "}";
}

template<class Net, bool PeakLayer = false, bool OutputIndices = false>
void print_network(std::ostream& out, std::string_view id) {
    std::size_t index = 0;
    for (const netcount::layer_info& l : netcount::layers<Net>) {
        out << "{\"net\": ";
        put_string(out, id);
        out << ", \"index\": " << index++ << ", \"name\": ";
        put_string(out, l.name);
        out << ", \"kind\": ";
        put_string(out, l.kind);
        out << ", \"in\": ";
        put_shape(out, l.input);
        out << ", \"out\": ";
        put_shape(out, l.output);
        out << ", ";
        put_counts(out, l.units, l.weights, l.biases, l.parameters, l.connections);
        out << ", \"live\": " << l.live_activations;
        out << ", \"auxiliary\": " << (l.auxiliary ? "true" : "false");
        out << ", \"inputs\": ";
        put_list(out, l.inputs, [&](std::size_t i) { put_index<Net>(out, i); });
        out << ", \"reuse_of\": ";
        if (l.reuse_of == netcount::not_a_reuse)
            out << -1;
        else
            out << l.reuse_of;
        out << "}\n";
    }
    put_totals<Net>(out, id);
    out << ", \"input_indices\": ";
    put_list(out, netcount::input_indices<Net>, [&](std::size_t i) { put_index<Net>(out, i); });
    if constexpr (OutputIndices) {
        out << ", \"output_indices\": ";
        put_list(out, netcount::output_indices<Net>, [&](std::size_t i) { put_index<Net>(out, i); });
    }
    out << ", \"peak\": " << netcount::peak_activations<Net>;
    if constexpr (PeakLayer) out << ", \"peak_layer\": " << (&netcount::peak_layer<Net> - netcount::layers<Net>.data());
    out << "}\n";
}

template<class Net, class Expected, std::size_t Num, std::size_t Den, std::size_t Divisor>
void print_scaled(std::ostream& out, std::string_view id) {
    out << "{\"net\": ";
    put_string(out, id);
    out << ", \"scaled\": "
        << (std::is_same_v<netcount::scale_width<Net, Num, Den, Divisor>, Expected> ? "true" : "false");
    out << ", \"kept\": [";
    const char* separator = "";
    for (std::size_t i = 0; i != netcount::layers<Net>.size(); ++i) {
        if (!netcount::detail::kept_width<Net>[i]) continue;
        out << separator << i;
        separator = ", ";
    }
    out << "]}\n";
}

template<class Net>
void print_totals(std::ostream& out, std::string_view id) {
    put_totals<Net>(out, id);
    out << "}\n";
}

} // namespace crosscheck

#endif
