#ifndef NETCOUNT_REPORT_FORMAT_HPP
#define NETCOUNT_REPORT_FORMAT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/shape.hpp>

// What the report formats share: numbers and shapes as text, each figure's formula, shares in
// percent, escaping. Integers only, so that every format prints the same on every platform.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

inline std::string to_text(std::uint64_t n) { return std::to_string(n); }

inline std::string to_text(std::int64_t n) { return std::to_string(n); }

inline std::string to_text(const shape& s) {
    return to_text(s.height) + " x " + to_text(s.width) + " x " + to_text(s.channels);
}

// 60954656 -> "60,954,656".
inline std::string grouped(std::uint64_t n) {
    const std::string digits = to_text(n);
    std::string out;
    for (std::size_t i = 0; i != digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// A round number with an SI prefix, exactly, from its decimal digits: "1200000" -> "1.2M",
// "50000" -> "50k", "7" -> "7". Digits of any length, so that an axis tick above 2^64 reads
// as well as any other ("20000000T").
inline std::string si_digits(std::string_view digits) {
    constexpr struct {
        std::size_t zeros;
        char prefix;
    } prefixes[] = {{12, 'T'}, {9, 'G'}, {6, 'M'}, {3, 'k'}};
    for (const auto& p : prefixes) {
        if (digits.size() <= p.zeros) continue; // below 10^zeros
        std::string_view fraction = digits.substr(digits.size() - p.zeros);
        while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
        return std::string(digits.substr(0, digits.size() - p.zeros)) +
               (fraction.empty() ? "" : "." + std::string(fraction)) + p.prefix;
    }
    return std::string(digits);
}

inline std::string si_text(std::uint64_t n) { return si_digits(to_text(n)); }

// round(rest * 10^digits / whole), half up, for rest < whole, exactly, whatever their size:
// long division, one decimal digit at a time (rest * 10^digits may not fit in 64 bits); each
// digit adds the remainder to itself ten times modulo `whole`, so that no sum leaves 64 bits
// either. At most 10^digits, where the remainder rounds up to a whole.
inline std::uint64_t rounded_digits(std::uint64_t rest, std::uint64_t whole, int digits) {
    std::uint64_t value = 0;
    for (int digit = 0; digit != digits; ++digit) {
        std::uint64_t next = 0, ten_rests = 0; // 10 * rest = next * whole + ten_rests
        for (int k = 0; k != 10; ++k) {
            if (ten_rests >= whole - rest) {
                ten_rests -= whole - rest;
                ++next;
            } else {
                ten_rests += rest;
            }
        }
        value = value * 10 + next;
        rest = ten_rests;
    }
    return rest >= whole - rest ? value + 1 : value; // rest >= whole / 2 rounds up
}

// part / whole in tenths of a percent, rounded half up: (part * 1000 + whole / 2) / whole,
// exactly, whatever their size; 0 of a whole of 0. A share is of a whole that holds the part:
// for part > whole (an auxiliary head's connections against a total that leaves them out)
// there is none, so no caller can print a share above 100% or a bar longer than its 100%.
inline std::optional<std::uint64_t> permille(std::uint64_t part, std::uint64_t whole) {
    if (part > whole) return std::nullopt;
    if (whole == 0) return 0;
    return part / whole * 1000 + rounded_digits(part % whole, whole, 3); // part / whole <= 1
}

// 619 -> "61.9%".
inline std::string percent_text(std::uint64_t tenths) {
    return to_text(tenths / 10) + "." + to_text(tenths % 10) + "%";
}

// What a report shows for a share that is not one: a figure the total leaves out (an auxiliary
// entry's units, connections or activations, detail::in_totals), which is no part of it.
inline constexpr std::string_view not_in_total = "not in the total";

// An entry's share of the total of a figure (a total of totals<Net>), in tenths of a percent:
// none for a figure the total leaves out.
inline std::optional<std::uint64_t> share_of_total(const layer_info& entry, std::uint64_t counts::*figure,
                                                   std::uint64_t total) {
    if (!in_totals(entry, figure)) return std::nullopt;
    return permille(contribution(entry).*figure, total);
}

// A share as text: "61.9%", or not_in_total for none.
inline std::string share_text(std::optional<std::uint64_t> tenths) {
    return tenths ? percent_text(*tenths) : std::string(not_in_total);
}

// "a * b * c = product", or just the number when there is no formula: factors up to the first
// 0 (table_formula, layer_info.hpp), at least two of them. A formula is shown only where its
// factors give the value: a kind whose formula does not hold shows its numbers alone, never a
// formula that is wrong.
template<std::size_t N>
std::string formula(const std::uint64_t (&factors)[N], std::uint64_t value) {
    std::string text;
    std::uint64_t product = 1;
    std::size_t used = 0;
    bool overflow = false;
    for (; used != N && factors[used] != 0; ++used) {
        if (used != 0) text += " * ";
        text += to_text(factors[used]);
        product = mul(product, factors[used], overflow);
    }
    return used < 2 || overflow || product != value ? to_text(value) : text + " = " + to_text(value);
}

// The formulas of a layer's units, weights and connections, as its kind gives them (a static
// formula(), layer_info::formula); numbers alone for a kind without one and for merges.
struct layer_formulas {
    std::string units, weights, connections;
};

inline layer_formulas formulas_of(const layer_info& l) {
    if (l.formula == nullptr) return {to_text(l.units), to_text(l.weights), to_text(l.connections)};
    const table_formula f = l.formula(l);
    return {formula(f.units, l.units), formula(f.weights, l.weights), formula(f.connections, l.connections)};
}

// The indices that stand for inputs (layer_info::inputs, output_indices) are at least the
// number of entries: network_input - k for the k-th input, which reports show as -1 - k.
inline std::string index_text(std::size_t index, std::size_t entries) {
    return index < entries ? to_text(std::uint64_t{index}) : "-" + to_text(std::uint64_t{network_input - index + 1});
}

// A merge of paths (add, concat, multiply, one's own), as opposed to a layer.
inline bool is_merge(const layer_info& l) { return l.merge; }

// A layer's name as a report shows it: marked when it is in an auxiliary head, whose units,
// connections and activations are not in the totals; when it applies shared weights again
// (a reuse of a shared<...> definition), whose weights, biases and parameters are not; and
// when it is one of the outputs an outputs<...> names (a network of one output is not marked:
// its output is its last row).
inline std::string shown_name(const layer_info& l, bool output = false) {
    std::string marks;
    const auto mark = [&marks](std::string_view m) { marks += (marks.empty() ? " (" : ", ") + std::string(m); };
    if (l.auxiliary) mark("auxiliary");
    if (l.reuse_of != not_a_reuse) mark("shared");
    if (output) mark("output");
    return std::string(l.name) + (marks.empty() ? marks : marks + ")");
}

// One flag per entry of layers<Net>: whether outputs<...> names it (none for a network without
// outputs<...>).
template<class Net>
std::vector<bool> output_marks() {
    std::vector<bool> marks(layers<Net>.size());
    if constexpr (network_traits<network_of<Net>>::outputs != 0)
        for (const std::size_t i : output_indices<Net>)
            if (i < marks.size()) marks[i] = true;
    return marks;
}

// Text inside a JSON string.
inline std::string json_escape(std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

// Text inside an XML element or attribute (SVG). Names are printable ASCII (error.hpp), so
// the five predefined entities cover them. Other text (an SVG title) may hold control
// characters, most of which XML 1.0 does not allow at all: tab, line feed and carriage return
// become character references (an attribute keeps them then), the others and DEL U+FFFD. Bytes above 0x7f
// are copied: UTF-8 stays UTF-8.
inline std::string xml_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\t':
            out += "&#9;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                out += "\xEF\xBF\xBD"; // U+FFFD
            else
                out += c;
        }
    }
    return out;
}

// A name inside a GitHub-flavoured Markdown table cell, so that the cell reads back as the
// name: '|' would end the cell, and the characters that can start inline syntax (emphasis,
// code, links, raw HTML, entities, strikethrough, math) are backslash-escaped, which
// CommonMark allows before any ASCII punctuation. '_' is left alone between two letters or
// digits, where it can neither open nor close emphasis (max_pool1 stays as it is). The other
// printable characters mean nothing inside a table cell.
inline std::string markdown_escape(std::string_view s) {
    const auto alnum = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    };
    std::string out;
    for (std::size_t i = 0; i != s.size(); ++i) {
        const char c = s[i];
        const bool inert_underscore = c == '_' && i != 0 && i + 1 != s.size() && alnum(s[i - 1]) && alnum(s[i + 1]);
        if (std::string_view("\\`*_[]<>&|~$!").find(c) != std::string_view::npos && !inert_underscore) out += '\\';
        out += c;
    }
    return out;
}

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
