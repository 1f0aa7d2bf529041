#ifndef NETCOUNT_REPORT_SUMMARY_HPP
#define NETCOUNT_REPORT_SUMMARY_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <netcount/counts.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/memory.hpp>
#include <netcount/peak.hpp>
#include <netcount/report/format.hpp>
#include <netcount/report/table.hpp>

// to_summary<Net, Element>(): the summary in the form torchinfo and Keras print: a row per
// entry of layers<Net>, indented by block, with its output shape, parameters and MACs, then the
// totals and the bytes the network takes with every number an Element.
//   std::cout << netcount::to_summary<my_net>();                 // sizes as float
//   std::cout << netcount::to_summary<my_net, std::int8_t>();    // sizes in int8

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

struct summary_options {
    bool all_layers = true; // false: only the entries with parameters or MACs (a long network's
                            // short form; the totals are the same)
};

namespace detail {

// n in the largest power of `base` that leaves at least 1 of it, with two decimals rounded half
// up, exactly (rounded_digits, format.hpp), and the unit's name after `separator`:
// (60965224, 1000) -> "60.97M", (243860896, 1024) -> "232.56 MiB". Empty below `base`, where
// the exact figure says it all. A figure that rounds up to `base` of a unit takes the next:
// 999,999 -> "1.00M", never "1000.00K".
inline std::string in_units(std::uint64_t n, std::uint64_t base, const std::string_view (&names)[6],
                            std::string_view separator) {
    if (n < base) return "";
    std::size_t k = 0;
    std::uint64_t unit = base; // base^(k + 1): at most 1024^6 = 2^60
    while (k + 1 != 6 && n / unit >= base) {
        unit *= base;
        ++k;
    }
    std::uint64_t hundredths = n / unit * 100 + rounded_digits(n % unit, unit, 2); // n / unit < base
    if (hundredths >= base * 100 && k + 1 != 6) {
        unit *= base;
        ++k;
        hundredths = n / unit * 100 + rounded_digits(n % unit, unit, 2);
    }
    const std::string cents = to_text(hundredths % 100);
    return to_text(hundredths / 100) + '.' + (cents.size() == 1 ? "0" : "") + cents + std::string(separator) +
           std::string(names[k]);
}

// Counts in powers of 1000 (K, M, G, ...), bytes in powers of 1024 (KiB, MiB, GiB, ...).
inline std::string count_units(std::uint64_t n) {
    constexpr std::string_view names[6] = {"K", "M", "G", "T", "P", "E"};
    return in_units(n, 1000, names, "");
}

inline std::string byte_units(std::uint64_t n) {
    constexpr std::string_view names[6] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    return in_units(n, 1024, names, " ");
}

// The name of an element type the summary's sizes are for, where it has a common one; empty
// for any other, whose size in bytes the summary still states.
template<class Element>
constexpr std::string_view element_name() noexcept {
    using E = std::remove_cv_t<Element>;
    if constexpr (std::is_same_v<E, float>)
        return "float";
    else if constexpr (std::is_same_v<E, double>)
        return "double";
    else if constexpr (std::is_same_v<E, std::int8_t>)
        return "int8";
    else if constexpr (std::is_same_v<E, std::uint8_t>)
        return "uint8";
    else if constexpr (std::is_same_v<E, std::int16_t>)
        return "int16";
    else if constexpr (std::is_same_v<E, std::uint16_t>)
        return "uint16";
    else if constexpr (std::is_same_v<E, std::int32_t>)
        return "int32";
    else if constexpr (std::is_same_v<E, std::uint32_t>)
        return "uint32";
    else if constexpr (std::is_same_v<E, std::int64_t>)
        return "int64";
    else if constexpr (std::is_same_v<E, std::uint64_t>)
        return "uint64";
    else
        return "";
}

// What the summary shows beyond layers<Net>: the figures of its totals and bytes.
struct summary_figures {
    shape input{};
    std::span<const input_row> named_inputs{}; // a row each, instead of `input`
    counts total{};
    std::uint64_t peak = 0;          // peak_activations<Net>
    std::string_view peak_at{};      // the entry where it is first reached; empty: the input
    memory_use bytes{};              // memory<Net, Element>
    std::uint64_t element_bytes = 0; // sizeof(Element)
    std::string_view element_name{}; // element_name<Element>(), maybe empty
};

// An entry's name, indented two spaces for each block it is in (each '/' of its name).
inline std::string indented_name(const layer_info& l, bool output) {
    std::size_t depth = 0;
    for (const char c : l.name) depth += c == '/' ? 1 : 0;
    return std::string(2 * depth, ' ') + shown_name(l, output);
}

inline std::string render_summary(std::span<const layer_info> layers, const summary_figures& f,
                                  const summary_options& options, const std::vector<bool>& outputs) {
    // The layer rows: layer, kind and output left-aligned, parameters and MACs right-aligned.
    std::vector<std::vector<std::string>> rows{{"layer", "kind", "output", "parameters", "MACs"}};
    if (f.named_inputs.empty()) rows.push_back({"input", "input", to_text(f.input), "0", "0"});
    for (const input_row& r : f.named_inputs)
        rows.push_back({std::string(r.name), "input", to_text(r.value), "0", "0"});
    bool auxiliary = false, shared = false;
    for (std::size_t i = 0; i != layers.size(); ++i) {
        const layer_info& l = layers[i];
        auxiliary = auxiliary || l.auxiliary;
        shared = shared || l.reuse_of != not_a_reuse;
        if (!options.all_layers && l.parameters == 0 && l.connections == 0 && !outputs[i]) continue;
        rows.push_back({indented_name(l, outputs[i]), std::string(l.kind), to_text(l.output), grouped(l.parameters),
                        grouped(l.connections)});
    }
    const std::vector<std::size_t> width = column_widths(rows);
    std::string out;
    const auto line = [&out, &width](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i != cells.size(); ++i) {
            const std::string pad(width[i] - cells[i].size(), ' ');
            text += i < 3 ? cells[i] + pad : pad + cells[i];
            if (i + 1 != cells.size()) text += "  ";
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
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

    // The totals and the bytes: a label, the exact figure right-aligned, and the figure in
    // units. Both groups share their columns, so that every exact figure ends in one column.
    const std::string element = to_text(f.element_bytes) + (f.element_bytes == 1 ? " byte" : " bytes");
    // "bytes with float numbers (4 bytes each)", "bytes with 3-byte numbers" for a type without a name
    const std::string peak_at = f.peak_at.empty() ? "at the input" : "at " + std::string(f.peak_at);
    const std::vector<std::vector<std::string>> totals{
        {"total parameters", grouped(f.total.parameters), count_units(f.total.parameters)},
        {"trainable parameters", grouped(f.total.parameters), count_units(f.total.parameters)},
        {"non-trainable parameters", "0", ""},
        {"MACs", grouped(f.total.connections), count_units(f.total.connections)},
        {"activations", grouped(f.total.activations), count_units(f.total.activations)},
        {"peak activations", grouped(f.peak), count_units(f.peak) + (f.peak < 1000 ? "" : ", ") + peak_at}};
    const std::vector<std::vector<std::string>> bytes{
        {"parameters", grouped(f.bytes.parameter_bytes), byte_units(f.bytes.parameter_bytes)},
        {"input", grouped(f.bytes.input_bytes), byte_units(f.bytes.input_bytes)},
        {"activations", grouped(f.bytes.activation_bytes), byte_units(f.bytes.activation_bytes)},
        {"peak activations", grouped(f.bytes.peak_activation_bytes), byte_units(f.bytes.peak_activation_bytes)}};
    std::size_t label = 0, figure = 0;
    for (const auto* group : {&totals, &bytes})
        for (const auto& row : *group) {
            label = row[0].size() > label ? row[0].size() : label;
            figure = row[1].size() > figure ? row[1].size() : figure;
        }
    const auto figure_line = [&out, label, figure](const std::vector<std::string>& row) {
        std::string text = row[0] + std::string(label - row[0].size() + 2 + figure - row[1].size(), ' ') + row[1];
        if (!row[2].empty()) text += "  " + row[2];
        out += text + '\n';
    };
    out += '\n';
    for (const auto& row : totals) figure_line(row);
    out += "\nbytes with " +
           (f.element_name.empty() ? to_text(f.element_bytes) + "-byte numbers"
                                   : std::string(f.element_name) + " numbers (" + element + " each)") +
           ", batch 1:\n";
    for (const auto& row : bytes) figure_line(row);

    // What the figures are, for a reader who knows torchinfo's or Keras's.
    out += "\nEvery parameter netcount counts is trainable (batch norm's running mean and\n"
           "variance are not parameters). MACs: multiply-accumulates, biases not included\n"
           "(connections<Net>). Activations: every entry's output, the input not included;\n"
           "peak activations: the most alive at once in inference, the input included\n"
           "(peak_activations<Net>).\n";
    if (auxiliary)
        out += "(auxiliary): an entry of a head that only training runs; its parameters are in\n"
               "the totals, its MACs and activations are not.\n";
    if (shared)
        out += "(shared): an entry that applies a shared<...> definition's weights again; its MACs\n"
               "and activations are in the totals, its parameters are counted once, at the definition.\n";
    out += "K, M, G: 10^3, 10^6, 10^9; KiB, MiB, GiB: 2^10, 2^20, 2^30 bytes; two decimals,\n"
           "rounded half up.\n";
    return out;
}

} // namespace detail

// to_summary<Net, Element = float>(summary_options): a row per entry of layers<Net> (after a
// row for the input), its name indented two spaces per block it is in, with its kind, output
// shape, parameters and MACs, exact, with thousands separators; then the total and trainable
// parameters, the MACs, the activations and their peak, and the bytes of the parameters, the
// input, the activations and their peak with every number an Element (memory<Net, Element>),
// each exact and in units (K, M, G for counts, KiB, MiB, GiB for bytes). Every Element whose
// size memory<Net, Element> takes (an object type); a network whose bytes pass 2^64 is its
// compile error.
template<class Net, class Element = float>
std::string to_summary(summary_options options = {}) {
    static_assert(std::is_object_v<Element> && !std::is_unbounded_array_v<Element>,
                  "netcount: to_summary<Net, Element>: Element is the type of one number (float, std::int8_t, ...), "
                  "whose size in bytes the summary's sizes are counted in");
    if constexpr (std::is_object_v<Element> && !std::is_unbounded_array_v<Element>) {
        constexpr std::size_t at = detail::checked_schedule<Net>().peak_index;
        std::string_view peak_at; // peak_layer<Net>'s name, where there is one
        if constexpr (at != detail::schedule_result::no_entry) peak_at = layers<Net>[at].name;
        const detail::summary_figures f{.input = input_shapes<Net>[0],
                                        .named_inputs = detail::input_rows<Net>,
                                        .total = totals<Net>,
                                        .peak = peak_activations<Net>,
                                        .peak_at = peak_at,
                                        .bytes = memory<Net, Element>,
                                        .element_bytes = sizeof(Element),
                                        .element_name = detail::element_name<Element>()};
        return detail::render_summary(layers<Net>, f, options, detail::output_marks<Net>());
    } else {
        return {};
    }
}

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
