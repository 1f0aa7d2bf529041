#ifndef NETCOUNT_REPORT_HPP
#define NETCOUNT_REPORT_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// Reports: the compile-time results printed as the tables people know. A separate header, so
// that code that only static_asserts never includes <string>.

namespace netcount {

struct table_options {
    bool all_layers = false; // also list the layers without weights (pooling, activations, ...)
};

namespace detail {

inline std::string to_text(std::uint64_t n) { return std::to_string(n); }

inline std::string to_text(const shape& s) {
    return to_text(s.height) + " x " + to_text(s.width) + " x " + to_text(s.channels);
}

// "a * b * c = product", or just the number when there is no formula.
inline std::string formula(std::initializer_list<std::uint64_t> factors, std::uint64_t value) {
    std::string text;
    for (const std::uint64_t f : factors) {
        if (!text.empty()) text += " * ";
        text += to_text(f);
    }
    return text.empty() ? to_text(value) : text + " = " + to_text(value);
}

// The seed's formulas, per kind: for a conv, units = Y * X * N, weights = h * w * (C / g) * N,
// connections = h * w * (C / g) * N * Y * X; for an fc, weights = connections = in * out.
struct layer_formulas {
    std::string units, weights, connections;
};

inline layer_formulas formulas_of(const layer_info& l) {
    const std::uint64_t y = l.output.height, x = l.output.width, n = l.output.channels;
    if (l.kind == "conv") {
        const std::uint64_t kh = l.window.height.kernel, kw = l.window.width.kernel;
        const std::uint64_t c = l.input.channels / l.window.groups;
        return {formula({y, x, n}, l.units), formula({kh, kw, c, n}, l.weights),
                formula({kh, kw, c, n, y, x}, l.connections)};
    }
    if (l.kind == "fc") {
        const std::uint64_t in = l.input.height * l.input.width * l.input.channels;
        return {to_text(l.units), formula({in, n}, l.weights), formula({in, n}, l.connections)};
    }
    return {to_text(l.units), to_text(l.weights), to_text(l.connections)};
}

// Lays out rows of cells in left-aligned columns, two spaces apart, with a rule under the head.
inline std::string columns(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width;
    for (const auto& row : rows)
        for (std::size_t i = 0; i != row.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            if (row[i].size() > width[i]) width[i] = row[i].size();
        }
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i != cells.size(); ++i) {
            text += cells[i];
            if (i + 1 != cells.size()) text += std::string(width[i] - cells[i].size() + 2, ' ');
        }
        out += text + '\n';
    };
    for (std::size_t r = 0; r != rows.size(); ++r) {
        line(rows[r]);
        if (r == 0) {
            std::vector<std::string> rule;
            for (const std::size_t w : width) rule.emplace_back(w, '-');
            line(rule);
        }
    }
    return out;
}

inline std::string render_table(std::span<const layer_info> layers, const counts& total,
                                table_options options) {
    std::vector<std::vector<std::string>> rows{{"layer", "output", "units", "weights", "connections"}};
    for (const layer_info& l : layers) {
        if (l.weights == 0 && !options.all_layers) continue;
        const layer_formulas f = formulas_of(l);
        rows.push_back({std::string(l.name), to_text(l.output), f.units, f.weights, f.connections});
    }
    rows.push_back({"total", "", to_text(total.units), to_text(total.weights), to_text(total.connections)});
    return columns(rows);
}

} // namespace detail

// to_table<Net>(): the seed's table (layer, output shape, units, weights and connections, each
// with its formula) with totals. By default only the layers with weights, as in the seed.
template<class Net>
std::string to_table(table_options options = {}) {
    return detail::render_table(layers<Net>, totals<Net>, options);
}

} // namespace netcount

#endif
