#ifndef NETCOUNT_REPORT_TABLE_HPP
#define NETCOUNT_REPORT_TABLE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>
#include <netcount/report/format.hpp>

// to_table<Net>() and to_markdown<Net>(): units, weights, parameters and connections per layer,
// with their formulas, as plain text or as Markdown.
//   std::cout << netcount::to_table<my_net>({.share = netcount::share_of::weights});

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

// The total a share column divides by.
enum class share_of { none, weights, connections, parameters };

struct table_options {
    bool all_layers = false;         // also list the layers without parameters (pooling, activations, ...)
    share_of share = share_of::none; // add a column: each layer's share of this total, with a bar
    std::size_t bar_width = 20;      // characters of a bar for 100%
    bool live_activations = false;   // add a column: the activations alive while each layer runs,
                                     // and the peak in the total row (peak_activations<Net>)
    bool input = false;              // add a column before the output: each layer's input shape
    bool kernel = false;             // add a column after the output: each layer's window (kernel,
                                     // stride, padding, dilation, groups; kernel_text)
};

namespace detail {

// The figure of totals<Net> a share column divides by, or null (if, not switch: see
// message(error) in error.hpp).
inline std::uint64_t counts::*share_figure(share_of s) {
    if (s == share_of::weights) return &counts::weights;
    if (s == share_of::connections) return &counts::connections;
    if (s == share_of::parameters) return &counts::parameters;
    return nullptr;
}

inline const char* share_heading(share_of s) {
    if (s == share_of::weights) return "share of weights";
    if (s == share_of::connections) return "share of connections";
    if (s == share_of::parameters) return "share of parameters";
    return "";
}

// " 61.9% ############": the percent right-aligned in 6 characters, then a bar of '#', one per
// 100 / bar_width percent, rounded; not_in_total for no share (share_of_total, format.hpp), so
// that no bar is ever longer than bar_width.
inline std::string share_cell(std::optional<std::uint64_t> share, std::size_t bar_width) {
    if (!share) return std::string(not_in_total);
    const std::uint64_t tenths = *share; // at most 1000
    std::string text = percent_text(tenths);
    text.insert(0, text.size() < 6 ? 6 - text.size() : 0, ' ');
    // (tenths * bar_width + 500) / 1000, rounded half up, without a product that could pass
    // 2^64 for a huge bar_width: tenths <= 1000, so split bar_width at a multiple of 1000.
    const std::uint64_t bar = tenths * (bar_width / 1000) + (tenths * (bar_width % 1000) + 500) / 1000;
    return bar == 0 ? text : text + ' ' + std::string(bar, '#');
}

// "3 x 3", then what differs from a plain window: ", stride 2", ", pad 1" (all four sides;
// "pad 1 x 2" for height and width, "pad 0,1 x 0,1" for before,after of each), ", dilation 2",
// ", groups 32", ", transposed"; "global" for a window over the whole input (fc, global
// pooling). Empty for a layer without weights whose window is plain (activations, norms,
// merges), where "1 x 1" would say nothing.
inline std::string kernel_text(const layer_info& l) {
    const layer_window& w = l.window;
    if (w.global) return "global";
    const axis_window& y = w.height;
    const axis_window& x = w.width;
    const axis_window plain{};
    if (y == plain && x == plain && w.groups == 1 && !w.transposed && l.weights == 0) return "";
    const auto pair = [](std::uint64_t a, std::uint64_t b) {
        return a == b ? to_text(a) : to_text(a) + " x " + to_text(b);
    };
    std::string text = to_text(y.kernel) + " x " + to_text(x.kernel);
    if (y.stride != 1 || x.stride != 1) text += ", stride " + pair(y.stride, x.stride);
    if (y.pad_begin != y.pad_end || x.pad_begin != x.pad_end)
        text += ", pad " + to_text(y.pad_begin) + "," + to_text(y.pad_end) + " x " + to_text(x.pad_begin) + "," +
                to_text(x.pad_end);
    else if (y.pad_begin != 0 || x.pad_begin != 0)
        text += ", pad " + pair(y.pad_begin, x.pad_begin);
    if (y.dilation != 1 || x.dilation != 1) text += ", dilation " + pair(y.dilation, x.dilation);
    if (w.groups != 1) text += ", groups " + to_text(w.groups);
    if (w.transposed) text += ", transposed";
    return text;
}

// The table as rows of cells, the heading first: the same cells for text and for Markdown.
inline std::vector<std::vector<std::string>> table_rows(std::span<const layer_info> layers, const counts& total,
                                                        std::uint64_t peak, const table_options& options,
                                                        const std::vector<bool>& outputs,
                                                        std::span<const input_row> named_inputs = {}) {
    std::uint64_t counts::*const figure = share_figure(options.share);
    const bool share = figure != nullptr;
    const std::uint64_t whole = share ? total.*figure : 0;
    // The cells of a row: the layer, [input], output, [kernel], then the counts (table_columns).
    const auto start = [&options](std::string name, std::string input, std::string output, std::string kernel) {
        std::vector<std::string> row{std::move(name)};
        if (options.input) row.push_back(std::move(input));
        row.push_back(std::move(output));
        if (options.kernel) row.push_back(std::move(kernel));
        return row;
    };
    std::vector<std::vector<std::string>> rows{start("layer", "input", "output", "kernel")};
    for (const char* heading : {"units", "weights", "parameters", "connections"}) rows[0].emplace_back(heading);
    if (options.live_activations) rows[0].emplace_back("live activations");
    if (share) rows[0].emplace_back(share_heading(options.share));
    // Named inputs (every network of several): a row each, "<name> (input)", its shape the
    // output, counting nothing.
    for (const input_row& r : named_inputs) {
        rows.push_back(start(std::string(r.name) + " (input)", "", to_text(r.value), ""));
        for (const char* cell : {"0", "0", "0", "0"}) rows.back().emplace_back(cell);
        if (options.live_activations) rows.back().emplace_back("");
        if (share) rows.back().emplace_back("");
    }
    for (std::size_t i = 0; i != layers.size(); ++i) {
        const layer_info& l = layers[i];
        // A layer with parameters but no weights (batch_norm, prelu, layer_scale) has a row, so
        // that the rows' parameters and their shares add up to the total row's. An output has
        // one too, so that the table shows each.
        if (l.weights == 0 && l.parameters == 0 && !options.all_layers && !outputs[i]) continue;
        const layer_formulas f = formulas_of(l);
        rows.push_back(start(shown_name(l, outputs[i]), to_text(l.input), to_text(l.output), kernel_text(l)));
        for (const std::string& cell : {f.units, f.weights, to_text(l.parameters), f.connections})
            rows.back().push_back(cell);
        if (options.live_activations) rows.back().push_back(to_text(l.live_activations));
        if (share) rows.back().push_back(share_cell(share_of_total(l, figure, whole), options.bar_width));
    }
    rows.push_back(start("total", "", "", ""));
    for (const std::uint64_t n : {total.units, total.weights, total.parameters, total.connections})
        rows.back().push_back(to_text(n));
    if (options.live_activations) rows.back().push_back("peak " + to_text(peak));
    if (share) rows.back().push_back(share_cell(permille(whole, whole), 0));
    return rows;
}

inline std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width;
    for (const auto& row : rows)
        for (std::size_t i = 0; i != row.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            if (row[i].size() > width[i]) width[i] = row[i].size();
        }
    return width;
}

// Lays out rows of cells in left-aligned columns, two spaces apart, with a rule under the head.
inline std::string columns(const std::vector<std::vector<std::string>>& rows) {
    const std::vector<std::size_t> width = column_widths(rows);
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

// A GitHub-flavoured Markdown table, padded so that its source reads as a table too. The
// columns from first_count_column to last_count_column (the counts) are right-aligned, so that
// their results line up; the others (layer, shapes, kernel, share) left-aligned.
inline std::string markdown(const std::vector<std::vector<std::string>>& rows, std::size_t first_count_column,
                            std::size_t last_count_column) {
    // The first column holds names (markdown_escape); the others only numbers, shapes,
    // formulas and bars, where '|' and '\\' are all there could be to escape.
    std::vector<std::vector<std::string>> cells = rows;
    for (auto& row : cells)
        for (std::size_t i = 0; i != row.size(); ++i) {
            std::string escaped;
            if (i == 0)
                escaped = markdown_escape(row[i]);
            else
                for (const char c : row[i]) {
                    if (c == '|' || c == '\\') escaped += '\\';
                    escaped += c;
                }
            row[i] = escaped;
        }
    std::vector<std::size_t> width = column_widths(cells);
    for (std::size_t& w : width) w = w < 3 ? 3 : w; // a rule needs three dashes
    const auto right = [first_count_column, last_count_column](std::size_t column) {
        return column >= first_count_column && column <= last_count_column;
    };
    std::string out;
    for (std::size_t r = 0; r != cells.size(); ++r) {
        out += '|';
        for (std::size_t i = 0; i != cells[r].size(); ++i) {
            const std::string pad(width[i] - cells[r][i].size(), ' ');
            out += ' ' + (right(i) && r != 0 ? pad + cells[r][i] : cells[r][i] + pad) + " |";
        }
        out += '\n';
        if (r == 0) {
            out += '|';
            for (std::size_t i = 0; i != width.size(); ++i) {
                out += ' ' + (right(i) ? std::string(width[i] - 1, '-') + ':' : std::string(width[i], '-')) + " |";
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace detail

// to_table<Net>(): a table of layer, output shape, units, weights (each with its formula),
// parameters (weights, biases and the other trainable numbers), connections (with its formula)
// and the totals. By default only the layers with parameters.
template<class Net>
std::string to_table(table_options options = {}) {
    return detail::columns(detail::table_rows(layers<Net>, totals<Net>, peak_activations<Net>, options,
                                              detail::output_marks<Net>(), detail::input_rows<Net>));
}

// to_markdown<Net>(): the same table in Markdown, for docs and READMEs.
template<class Net>
std::string to_markdown(table_options options = {}) {
    // The counts: units, weights, parameters, connections and the live activations, after the
    // layer, the output and the input and kernel columns asked for.
    const std::size_t first = std::size_t{2} + (options.input ? 1U : 0U) + (options.kernel ? 1U : 0U);
    return detail::markdown(detail::table_rows(layers<Net>, totals<Net>, peak_activations<Net>, options,
                                               detail::output_marks<Net>(), detail::input_rows<Net>),
                            first, first + (options.live_activations ? 4U : 3U));
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
