#ifndef NETCOUNT_REPORT_CSV_HPP
#define NETCOUNT_REPORT_CSV_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>
#include <netcount/report/format.hpp>

// to_csv<Net>(): one row per entry of layers<Net>, for spreadsheets and data frames.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

// A field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, a quote or
// a line break.
inline std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

inline std::string render_csv(std::span<const layer_info> layers, const std::vector<bool>& outputs) {
    std::string out =
        "name,kind,input_height,input_width,input_channels,output_height,output_width,output_channels,"
        "units,weights,biases,parameters,connections,connections_with_bias,activations,live_activations,merge,"
        "auxiliary,shared,output\n";
    for (std::size_t i = 0; i != layers.size(); ++i) {
        const layer_info& l = layers[i];
        out += csv_field(l.name) + ',' + csv_field(l.kind);
        for (const std::uint64_t n : {l.input.height, l.input.width, l.input.channels, l.output.height, l.output.width,
                                      l.output.channels, l.units, l.weights, l.biases, l.parameters, l.connections,
                                      l.connections_with_bias, l.activations, l.live_activations})
            out += ',' + to_text(n);
        out += l.merge ? ",1" : ",0";
        out += l.auxiliary ? ",1" : ",0";
        out += l.reuse_of != not_a_reuse ? ",1" : ",0";
        out += outputs[i] ? ",1\n" : ",0\n";
    }
    return out;
}

} // namespace detail

// to_csv<Net>(): a heading, then every layer of layers<Net> in order (merges and layers without
// weights included); `merge`, `auxiliary`, `shared` (applies a shared<...> definition's weights
// again) and `output` (named by outputs<...>) are 1 or 0. No total row: each count column sums
// to its total, but live_activations, whose most is peak_activations<Net>, the units,
// connections and activations of auxiliary rows and the weights, biases and parameters of
// shared rows, which the totals leave out. Lines end in '\n'
// (RFC 4180 asks for CRLF; Python's csv module, pandas and spreadsheets read both).
// A network whose live activations pass 2^64 (an input of more than 2^64 elements, each count
// fitting) is the compile error of peak_activations<Net>, as in to_json: its live_activations
// column would otherwise read UINT64_MAX.
template<class Net>
std::string to_csv() {
    (void)detail::checked_schedule<Net>();
    return detail::render_csv(layers<Net>, detail::output_marks<Net>());
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
