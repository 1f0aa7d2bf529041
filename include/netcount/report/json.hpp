#ifndef NETCOUNT_REPORT_JSON_HPP
#define NETCOUNT_REPORT_JSON_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>
#include <netcount/report/format.hpp>
#include <netcount/shape.hpp>

// to_json<Net>(): every figure as JSON, for tools of one's own.
//
//   {"input": {"height": 227, "width": 227, "channels": 3},
//    "inputs": [{"name": "image", "shape": {...}}, ...],   only where the inputs are named
//    "output": {...},
//    "outputs": [21],
//    "reuses": [],
//    "layers": [{"name": "conv1", "kind": "conv", "inputs": [-1], "input": {...}, "output": {...},
//                "units": ..., "weights": ..., "biases": ..., "parameters": ..., "connections": ...,
//                "connections_with_bias": ..., "activations": ..., "live_activations": ...,
//                "receptive_field": {"height": {"size": 11, "jump": 4, "start": 0}, "width": {...}},
//                "merge": false, "auxiliary": false},
//               ...],
//    "totals": {"units": ..., "weights": ..., "biases": ..., "parameters": ..., "connections": ...,
//               "connections_with_bias": ..., "activations": ..., "peak_activations": ...}}
//
// The keys and their order are stable; every number is an integer. A receptive field that does
// not fit in 64 bits has null for its size, jump and start. "layers" follows layers<Net>;
// "inputs" holds the indices in "layers" of what a layer reads, -1 for the network's input
// (-1 - k for its k-th input, in a network of several);
// "input" is the first input's shape, "inputs" (a network whose inputs are named: every one of
// several) each input's name and shape, in order;
// "outputs" the indices of the network's outputs, in order (outputs<...>: several; "output" is
// then the last one's shape); "reuses" a [reuse, definition] pair of indices for each entry
// that applies a shared<...> definition's weights again (layer_info::reuse_of), whose
// weights, biases and parameters the totals leave out;
// "live_activations" and "peak_activations" are those of peak_activations<Net> (docs/deploy.md);
// "merge" marks where paths meet, "auxiliary" the entries of auxiliary heads, whose units,
// connections and activations the totals leave out.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

inline std::string json_shape(const shape& s) {
    return "{\"height\": " + to_text(s.height) + ", \"width\": " + to_text(s.width) +
           ", \"channels\": " + to_text(s.channels) + "}";
}

// A field too large for its integers (layer_info.hpp) has null size, jump and start: the keys
// stay, and no number stands for a value that does not fit.
inline std::string json_field(const axis_field& f) {
    if (!f.fits) return "{\"size\": null, \"jump\": null, \"start\": null}";
    return "{\"size\": " + to_text(f.size) + ", \"jump\": " + to_text(f.jump) + ", \"start\": " + to_text(f.start) +
           "}";
}

inline std::string json_indices(std::span<const std::size_t> indices, std::size_t entries) {
    std::string text;
    for (const std::size_t i : indices) {
        if (!text.empty()) text += ", ";
        text += index_text(i, entries);
    }
    return text;
}

inline std::string json_layer(const layer_info& l, std::size_t entries) {
    const std::string inputs = json_indices(l.inputs, entries);
    return "{\"name\": \"" + json_escape(l.name) + "\", \"kind\": \"" + json_escape(l.kind) + "\", \"inputs\": [" +
           inputs + "], \"input\": " + json_shape(l.input) + ", \"output\": " + json_shape(l.output) +
           ", \"units\": " + to_text(l.units) + ", \"weights\": " + to_text(l.weights) +
           ", \"biases\": " + to_text(l.biases) + ", \"parameters\": " + to_text(l.parameters) +
           ", \"connections\": " + to_text(l.connections) +
           ", \"connections_with_bias\": " + to_text(l.connections_with_bias) +
           ", \"activations\": " + to_text(l.activations) + ", \"live_activations\": " + to_text(l.live_activations) +
           ", \"receptive_field\": {\"height\": " + json_field(l.receptive_field.height) +
           ", \"width\": " + json_field(l.receptive_field.width) + "}, \"merge\": " + (l.merge ? "true" : "false") +
           ", \"auxiliary\": " + (l.auxiliary ? "true" : "false") + "}";
}

inline std::string json_counts(const counts& c, std::uint64_t peak_activations) {
    return "{\"units\": " + to_text(c.units) + ", \"weights\": " + to_text(c.weights) +
           ", \"biases\": " + to_text(c.biases) + ", \"parameters\": " + to_text(c.parameters) +
           ", \"connections\": " + to_text(c.connections) +
           ", \"connections_with_bias\": " + to_text(c.connections_with_bias) +
           ", \"activations\": " + to_text(c.activations) + ", \"peak_activations\": " + to_text(peak_activations) +
           "}";
}

// One layer per line, so that the text diffs well and reads without a pretty-printer.
inline std::string render_json(std::span<const layer_info> layers, const counts& total, std::uint64_t peak,
                               const shape& in, const shape& out, std::span<const std::size_t> outputs,
                               std::span<const input_row> named_inputs = {}) {
    std::string inputs;
    for (const input_row& r : named_inputs)
        inputs += (inputs.empty() ? "{\"name\": \"" : ", {\"name\": \"") + json_escape(r.name) +
                  "\", \"shape\": " + json_shape(r.value) + "}";
    std::string reuses;
    for (std::size_t i = 0; i != layers.size(); ++i)
        if (layers[i].reuse_of != not_a_reuse)
            reuses += (reuses.empty() ? "[" : ", [") + to_text(std::uint64_t{i}) + ", " +
                      to_text(std::uint64_t{layers[i].reuse_of}) + "]";
    std::string text = "{\n  \"input\": " + json_shape(in) +
                       (named_inputs.empty() ? std::string() : ",\n  \"inputs\": [" + inputs + "]") +
                       ",\n  \"output\": " + json_shape(out) + ",\n  \"outputs\": [" +
                       json_indices(outputs, layers.size()) + "],\n  \"reuses\": [" + reuses + "],\n  \"layers\": [";
    for (std::size_t i = 0; i != layers.size(); ++i)
        text += (i == 0 ? "\n    " : ",\n    ") + json_layer(layers[i], layers.size());
    text += layers.empty() ? "],\n" : "\n  ],\n";
    return text + "  \"totals\": " + json_counts(total, peak) + "\n}\n";
}

} // namespace detail

template<class Net>
std::string to_json() {
    return detail::render_json(layers<Net>, totals<Net>, peak_activations<Net>, input_shapes<Net>[0],
                               output_shapes<Net>.back(), output_indices<Net>, detail::input_rows<Net>);
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
