#ifndef NETCOUNT_REPORT_TABLE_HPP
#define NETCOUNT_REPORT_TABLE_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
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

// The table as rows of cells, the heading first: the same cells for text and for Markdown.
inline std::vector<std::vector<std::string>> table_rows(std::span<const layer_info> layers, const counts& total,
                                                        std::uint64_t peak, const table_options& options) {
    std::uint64_t counts::*const figure = share_figure(options.share);
    const bool share = figure != nullptr;
    const std::uint64_t whole = share ? total.*figure : 0;
    std::vector<std::vector<std::string>> rows{{"layer", "output", "units", "weights", "parameters", "connections"}};
    if (options.live_activations) rows[0].emplace_back("live activations");
    if (share) rows[0].emplace_back(share_heading(options.share));
    for (const layer_info& l : layers) {
        // A layer with parameters but no weights (batch_norm, prelu, layer_scale) has a row, so
        // that the rows' parameters and their shares add up to the total row's.
        if (l.weights == 0 && l.parameters == 0 && !options.all_layers) continue;
        const layer_formulas f = formulas_of(l);
        rows.push_back({shown_name(l), to_text(l.output), f.units, f.weights, to_text(l.parameters), f.connections});
        if (options.live_activations) rows.back().push_back(to_text(l.live_activations));
        if (share) rows.back().push_back(share_cell(share_of_total(l, figure, whole), options.bar_width));
    }
    rows.push_back({"total", "", to_text(total.units), to_text(total.weights), to_text(total.parameters),
                    to_text(total.connections)});
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
// layer and output columns are left-aligned, the counts right-aligned (their results line up).
inline std::string markdown(const std::vector<std::vector<std::string>>& rows, std::size_t last_count_column = 5) {
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
    const auto right = [last_count_column](std::size_t column) { return column >= 2 && column <= last_count_column; };
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
    return detail::columns(detail::table_rows(layers<Net>, totals<Net>, peak_activations<Net>, options));
}

// to_markdown<Net>(): the same table in Markdown, for docs and READMEs.
template<class Net>
std::string to_markdown(table_options options = {}) {
    return detail::markdown(detail::table_rows(layers<Net>, totals<Net>, peak_activations<Net>, options),
                            options.live_activations ? 6 : 5);
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
