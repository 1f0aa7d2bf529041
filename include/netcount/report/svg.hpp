#ifndef NETCOUNT_REPORT_SVG_HPP
#define NETCOUNT_REPORT_SVG_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/peak.hpp>
#include <netcount/report/format.hpp>

// to_svg<Net>(): a bar chart of weights and connections per layer, a standalone SVG file that
// any browser shows. Two panels side by side, each with its own axis, so that the layers that
// hold the weights and those that do the work stand out: AlexNet's fc6 and fc7 on the left,
// its convolutions on the right.
//   std::ofstream("alexnet.svg") << netcount::to_svg<netcount::zoo::alexnet>({.title = "AlexNet"});

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

enum class axis_scale { linear, log };

struct svg_options {
    axis_scale scale = axis_scale::linear; // log: every decade the same width
    bool all_layers = false;               // also the layers without weights (no bars)
    std::string_view title{};              // "weights and connections per layer" if empty
    bool memory_profile = false;           // a third panel: the activations alive while each layer
                                           // runs, every layer, the peak marked (peak_activations<Net>)
};

namespace detail {

// Text widths, in pixels, of the monospace font the chart uses (about 0.6 em per character,
// rounded up so that labels never collide).
inline constexpr std::uint64_t name_char_px = 8;  // 12 px names
inline constexpr std::uint64_t value_char_px = 7; // 11 px values

// Tenths of a pixel, written as a decimal: 1234 -> "123.4".
inline std::string px_text(std::uint64_t tenths) {
    return to_text(tenths / 10) + (tenths % 10 == 0 ? "" : "." + to_text(tenths % 10));
}

// A tick on an axis: where it sits, in tenths of a pixel from the axis' left end, and its label.
struct svg_tick {
    std::uint64_t tenths = 0;
    std::string label;
};

// One panel's axis: where a value's bar ends, in tenths of a pixel, and the ticks to draw. The
// axis can end above 2^64 (a figure of 1.8 * 10^19 rounds up to 2 * 10^19), so its ends are
// kept as decimal mantissa and exponent, and the ticks are placed and labelled from them
// exactly; only bar ends are computed in floating point.
struct svg_axis {
    axis_scale scale = axis_scale::linear;
    std::uint64_t top_mantissa = 1;      // linear: the value at the right end is
    int top_exponent = 0;                //   top_mantissa * 10^top_exponent
    int low_decade = 0, high_decade = 1; // log: the decades at the ends
    std::vector<svg_tick> ticks;

    // Where a value sits on an axis `width` pixels long (the end of a bar).
    std::uint64_t position_tenths(std::uint64_t value, std::uint64_t width) const {
        if (value == 0) return 0;
        const double length = static_cast<double>(width) * 10.0;
        if (scale == axis_scale::linear) {
            const double top = static_cast<double>(top_mantissa) * std::pow(10.0, top_exponent);
            return static_cast<std::uint64_t>(std::llround(static_cast<double>(value) * length / top));
        }
        const double decades = std::log10(static_cast<double>(value)) - low_decade;
        return static_cast<std::uint64_t>(std::llround(decades * length / (high_decade - low_decade)));
    }

    // A bar's length: a value too small for a pixel, or at the left end of a log axis, still
    // shows one.
    std::uint64_t bar_tenths(std::uint64_t value, std::uint64_t width) const {
        const std::uint64_t t = position_tenths(value, width);
        return value != 0 && t < 10 ? 10 : t;
    }
};

// The exponent of the largest power of ten not above n (n > 0).
inline int decade_of(std::uint64_t n) {
    int d = 0;
    for (; n >= 10; n /= 10) ++d;
    return d;
}

// 10^exponent, for exponent <= 19 (10^19 < 2^64).
inline std::uint64_t power_of_ten(int exponent) {
    std::uint64_t p = 1;
    for (int i = 0; i < exponent; ++i) p *= 10;
    return p;
}

// mantissa * 10^exponent in decimal digits, whatever its size.
inline std::string digits_of(std::uint64_t mantissa, int exponent) {
    return mantissa == 0 ? "0" : to_text(mantissa) + std::string(static_cast<std::size_t>(exponent), '0');
}

// i / n of `length`, rounded half up; i <= n <= 20 and length a few thousand, so nothing overflows.
inline std::uint64_t fraction_of(std::uint64_t i, std::uint64_t n, std::uint64_t length) {
    return (2 * i * length + n) / (2 * n);
}

// Linear: ticks at a round step (1, 2 or 5 times a power of ten), at most six of them.
// Log: a tick at every power of ten from below the smallest value to above the largest.
inline svg_axis make_axis(axis_scale scale, const std::vector<std::uint64_t>& values, std::uint64_t width) {
    std::uint64_t largest = 0, smallest = 0;
    for (const std::uint64_t v : values) {
        if (v > largest) largest = v;
        if (v != 0 && (smallest == 0 || v < smallest)) smallest = v;
    }
    svg_axis a;
    a.scale = scale;
    if (largest == 0) largest = smallest = 1;
    const std::uint64_t length = width * 10;
    if (scale == axis_scale::linear) {
        // step = f * 10^e, the first of 1, 2, 5 and 10 times 10^e not below largest / 5:
        // rough <= 3.7 * 10^18, so e <= 18 and the step (at most 10^19) fits.
        const std::uint64_t rough = largest / 5 + (largest % 5 != 0 ? 1 : 0);
        const int e = decade_of(rough);
        const std::uint64_t base = power_of_ten(e);
        std::uint64_t f = 10;
        for (const std::uint64_t candidate : {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{5}})
            if (candidate * base >= rough) {
                f = candidate;
                break;
            }
        const std::uint64_t step = f * base;
        const std::uint64_t steps = largest / step + (largest % step != 0 ? 1 : 0); // at most 5
        a.top_mantissa = f * steps;
        a.top_exponent = e;
        for (std::uint64_t k = 0; k <= steps; ++k)
            a.ticks.push_back({fraction_of(k, steps, length), si_digits(digits_of(k * f, e))});
    } else {
        a.low_decade = decade_of(smallest);
        a.high_decade = decade_of(largest); // at most 19
        if (power_of_ten(a.high_decade) < largest || a.high_decade == a.low_decade) ++a.high_decade;
        const auto decades = static_cast<std::uint64_t>(a.high_decade - a.low_decade);
        for (int d = a.low_decade; d <= a.high_decade; ++d)
            a.ticks.push_back({fraction_of(static_cast<std::uint64_t>(d - a.low_decade), decades, length),
                               si_digits(digits_of(1, d))});
    }
    return a;
}

inline std::string svg_text(std::uint64_t x, std::uint64_t y, std::string_view attributes, std::string_view text) {
    return "  <text x=\"" + to_text(x) + "\" y=\"" + to_text(y) + "\" " + std::string(attributes) + ">" +
           xml_escape(text) + "</text>\n";
}

inline std::string render_svg(std::span<const layer_info> all, const counts& total, std::uint64_t peak,
                              const svg_options& options) {
    std::vector<const layer_info*> rows;
    for (const layer_info& l : all)
        if (options.all_layers || options.memory_profile || l.weights != 0 || l.connections != 0) rows.push_back(&l);

    // A panel's bars are each row's figure; its tooltips give the row's share of `total`, the
    // total of `counted` in totals<Net> (share_of_total, format.hpp: none for a figure the total
    // leaves out), or of the peak for the memory profile (counted null).
    struct panel {
        std::string_view figure, colour;
        std::uint64_t layer_info::*member;
        std::uint64_t counts::*counted;
        std::uint64_t total;
        std::uint64_t left = 0, label_width = 0;
        svg_axis axis{};
    };
    std::vector<panel> panels{
        {"weights", "#4e79a7", &layer_info::weights, &counts::weights, total.weights},
        {"connections", "#f28e2b", &layer_info::connections, &counts::connections, total.connections}};
    // The memory profile: its bars are shares of the peak, and the peak's own bar is marked:
    // the first row at the peak that runs (an auxiliary row's 0 is no peak).
    if (options.memory_profile)
        panels.push_back({"live activations", "#59a14f", &layer_info::live_activations, nullptr, peak});
    const layer_info* peak_row = nullptr;
    for (const layer_info* l : rows)
        if (options.memory_profile && peak_row == nullptr && !l->auxiliary && l->live_activations == peak) peak_row = l;

    // Geometry, in pixels.
    constexpr std::uint64_t margin = 16, title_height = 28, heading_height = 22, row_height = 24, bar_height = 16,
                            plot_width = 300, gap = 32, axis_height = 24, footer_height = 22;
    std::uint64_t name_width = 0;
    for (const layer_info* l : rows)
        if (shown_name(*l).size() > name_width) name_width = shown_name(*l).size();
    std::uint64_t left = margin + name_width * name_char_px + 10;
    for (panel& p : panels) {
        std::vector<std::uint64_t> values;
        std::uint64_t widest = 1;
        for (const layer_info* l : rows) {
            values.push_back(l->*p.member);
            if (grouped(l->*p.member).size() > widest) widest = grouped(l->*p.member).size();
        }
        p.axis = make_axis(options.scale, values, plot_width);
        p.left = left;
        if (p.member == &layer_info::live_activations) widest += 5; // "peak "
        p.label_width = widest * value_char_px + 8;
        left += plot_width + p.label_width + gap;
    }
    const std::uint64_t width = left - gap + margin;
    const std::uint64_t plot_top = margin + title_height + heading_height;
    const std::uint64_t plot_bottom = plot_top + rows.size() * row_height;
    const std::uint64_t height = plot_bottom + axis_height + footer_height + margin;

    const std::string_view title = options.title.empty() ? "weights and connections per layer" : options.title;
    const std::string_view scale_name = options.scale == axis_scale::log ? "log scale" : "linear scale";
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + to_text(width) + "\" height=\"" +
                      to_text(height) + "\" viewBox=\"0 0 " + to_text(width) + " " + to_text(height) +
                      "\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n";
    out += "  <title>" + xml_escape(title) + "</title>\n";
    out += "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out += svg_text(margin, margin + 18, "font-size=\"16\" font-weight=\"bold\" fill=\"#222222\"", title);

    for (const panel& p : panels) {
        // Heading with its colour key.
        out += "  <rect x=\"" + to_text(p.left) + "\" y=\"" + to_text(plot_top - 18) +
               "\" width=\"12\" height=\"12\" fill=\"" + std::string(p.colour) + "\"/>\n";
        out += svg_text(p.left + 18, plot_top - 8, "font-size=\"12\" fill=\"#222222\"",
                        std::string(p.figure) + " (" + std::string(scale_name) + ")");
        // Grid lines and tick labels.
        for (const svg_tick& t : p.axis.ticks) {
            const std::string x = px_text(p.left * 10 + t.tenths);
            out += "  <line x1=\"" + x + "\" y1=\"" + to_text(plot_top) + "\" x2=\"" + x + "\" y2=\"" +
                   to_text(plot_bottom) + "\" stroke=\"#dddddd\"/>\n";
            out += "  <text x=\"" + x + "\" y=\"" + to_text(plot_bottom + 14) +
                   "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\">" + t.label + "</text>\n";
        }
    }

    for (std::size_t r = 0; r != rows.size(); ++r) {
        const layer_info& l = *rows[r];
        const std::uint64_t y = plot_top + r * row_height;
        out += svg_text(panels[0].left - 10, y + 16, "font-size=\"12\" text-anchor=\"end\" fill=\"#222222\"",
                        shown_name(l));
        for (const panel& p : panels) {
            const std::uint64_t value = l.*p.member;
            const std::uint64_t bar = p.axis.bar_tenths(value, plot_width);
            const bool is_peak = &l == peak_row && p.member == &layer_info::live_activations;
            const std::optional<std::uint64_t> share =
                p.counted != nullptr ? share_of_total(l, p.counted, p.total) : permille(value, p.total);
            if (bar != 0)
                out += "  <rect x=\"" + to_text(p.left) + "\" y=\"" + to_text(y + (row_height - bar_height) / 2) +
                       "\" width=\"" + px_text(bar) + "\" height=\"" + to_text(bar_height) + "\" fill=\"" +
                       std::string(is_peak ? "#e15759" : p.colour) + "\"><title>" + xml_escape(shown_name(l)) + ": " +
                       grouped(value) + " " + std::string(p.figure) + ", " + share_text(share) + "</title></rect>\n";
            out += "  <text x=\"" + px_text(p.left * 10 + bar + 40) + "\" y=\"" + to_text(y + 16) +
                   "\" font-size=\"11\" fill=\"#333333\">" + (is_peak ? "peak " : "") + grouped(value) + "</text>\n";
        }
    }

    // Where the peak is live: at a row, or, in a network where no layer runs (only an input, or
    // only auxiliary heads), at the input.
    const std::string peak_place =
        peak_row != nullptr ? " at " + std::string(peak_row->name) : std::string(" (the input; no layer runs)");
    out += svg_text(
        margin, plot_bottom + axis_height + 16, "font-size=\"12\" fill=\"#222222\"",
        "total: " + grouped(total.weights) + " weights, " + grouped(total.connections) +
            " connections (multiply-accumulates)" +
            (options.memory_profile ? "; peak: " + grouped(peak) + " live activations" + peak_place : std::string()));
    return out + "</svg>\n";
}

} // namespace detail

// One row per layer with weights or connections (options.all_layers: every layer), its name on
// the left (" (auxiliary)" after an auxiliary entry's), a bar for its weights and one for its
// connections, each labelled with its value; a tooltip gives the layer's share of the total, or
// "not in the total" for an auxiliary entry's connections. The totals are written below. With
// memory_profile, every layer and a third panel: the activations alive while it runs, the
// peak's bar red and labelled "peak".
template<class Net>
std::string to_svg(svg_options options = {}) {
    return detail::render_svg(layers<Net>, totals<Net>, peak_activations<Net>, options);
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
