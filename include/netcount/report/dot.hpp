#ifndef NETCOUNT_REPORT_DOT_HPP
#define NETCOUNT_REPORT_DOT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/report/format.hpp>
#include <netcount/shape.hpp>

// to_dot<Net>(): the layer graph in Graphviz's DOT language, branches and merges included.
//   netcount::to_dot<my_net>() piped to `dot -Tsvg > net.svg`

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

struct dot_options {
    bool all_layers = true; // false: only layers with weights and merges; the others are
                            // bypassed, their edges joined through them
};

namespace detail {

// Text inside a DOT label string, as graphviz reads it back: a quote and a backslash take a
// backslash (which keeps "\\n" or "\\N" in a name from being a line break or the node's id),
// and '&' becomes "&amp;", since graphviz turns HTML entities in any label into characters
// ("&lt;" would read as '<'). A name is never the end of its label (the kind or the shape
// follows), so its last backslash is never read with the closing quote.
inline std::string dot_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '&') {
            out += "&amp;";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// An input is "input" (the first), "input1", "input2", ... (network_input - k for the k-th).
inline std::string dot_node(std::size_t index) {
    if (index == network_input) return "input";
    if (index > network_input / 2) return "input" + to_text(std::uint64_t{network_input - index});
    return "n" + to_text(std::uint64_t{index});
}

inline std::string dot_label(const layer_info& l) {
    std::string label = dot_escape(l.name);
    // The kind, unless the name says it already ("conv2", "block/relu1").
    const std::string_view last = l.name.substr(l.name.rfind('/') + 1);
    if (!last.starts_with(l.kind)) label += "\\n" + dot_escape(l.kind);
    label += "\\n" + to_text(l.output);
    if (l.weights != 0) label += "\\n" + grouped(l.weights) + " weights";
    if (l.connections != 0) label += "\\n" + grouped(l.connections) + " connections";
    return label;
}

inline std::string render_dot(std::span<const layer_info> layers, const shape& in, const dot_options& options,
                              std::span<const input_row> named_inputs = {}) {
    const auto shown = [&](const layer_info& l) { return options.all_layers || l.weights != 0 || is_merge(l); };
    // What each entry stands for in the drawing: itself if shown, else what it reads from.
    std::vector<std::vector<std::size_t>> sources(layers.size());
    const auto sources_of = [&](std::size_t from) {
        return from >= layers.size() || shown(layers[from]) ? std::vector<std::size_t>{from} : sources[from];
    };
    std::string out = "digraph network {\n"
                      "  rankdir=TB;\n"
                      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
                      "fontsize=10];\n"
                      "  edge [arrowsize=0.6];\n";
    // Named inputs: a node each, labelled with its name.
    if (named_inputs.empty())
        out += "  input [label=\"input\\n" + to_text(in) + "\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n";
    for (std::size_t k = 0; k != named_inputs.size(); ++k)
        out += "  " + dot_node(network_input - k) + " [label=\"" + dot_escape(named_inputs[k].name) + "\\ninput\\n" +
               to_text(named_inputs[k].value) + "\", shape=box, style=filled, fillcolor=\"#e0e0e0\"];\n";
    std::string edges;
    for (std::size_t i = 0; i != layers.size(); ++i) {
        const layer_info& l = layers[i];
        std::vector<std::size_t> from;
        for (const std::size_t f : l.inputs)
            for (const std::size_t s : sources_of(f)) from.push_back(s);
        if (!shown(l)) {
            // Bypassed: pass its sources on, once each.
            for (const std::size_t s : from) {
                bool seen = false;
                for (const std::size_t t : sources[i]) seen = seen || t == s;
                if (!seen) sources[i].push_back(s);
            }
            continue;
        }
        out += "  " + dot_node(i) + " [label=\"" + dot_label(l) + "\"";
        if (is_merge(l))
            out += ", shape=ellipse, fillcolor=\"#fff2cc\"";
        else if (l.weights != 0)
            out += ", fillcolor=\"#dae8fc\"";
        if (l.auxiliary) out += ", style=\"rounded,filled,dashed\"";
        out += "];\n";
        for (const std::size_t s : from) edges += "  " + dot_node(s) + " -> " + dot_node(i) + ";\n";
    }
    return out + edges + "}\n";
}

} // namespace detail

// Layers with weights are blue boxes with their weights and connections, merges (add, concat,
// multiply, ...) yellow ellipses, other layers white boxes, auxiliary heads dashed; an edge for every input a layer reads, so that a
// merge of a path with itself shows two.
template<class Net>
std::string to_dot(dot_options options = {}) {
    return detail::render_dot(layers<Net>, input_shapes<Net>[0], options, detail::input_rows<Net>);
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
