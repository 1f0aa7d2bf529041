#ifndef NETCOUNT_DETAIL_ANALYSIS_HPP
#define NETCOUNT_DETAIL_ANALYSIS_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include <netcount/detail/checked.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/network.hpp>
#include <netcount/shape.hpp>

// The counting engine. A network's elements become an array of emit functions (one pack
// expansion, no recursion over the layer list); one constexpr loop calls them in order, and
// each writes its layers' entries while the shape is threaded from one layer to the next.
// The result, entries and generated names alike, is one constexpr object per network.

namespace netcount::detail {

// Where and why counting stopped; code == none for a valid network.
struct failure {
    error code = error::none;
    std::size_t index = 0; // of the layer in layers<Net>
    shape input{};
};

constexpr std::size_t decimal_digits(std::size_t n) noexcept {
    std::size_t digits = 1;
    for (; n >= 10; n /= 10) ++digits;
    return digits;
}

constexpr bool ends_with_digit(std::string_view s) noexcept {
    return !s.empty() && s.back() >= '0' && s.back() <= '9';
}

constexpr bool valid_name(std::string_view s) noexcept {
    return !s.empty() && s.find('/') == std::string_view::npos;
}

template<class>
inline constexpr bool always_false = false;

template<std::size_t K>
constexpr std::size_t sum(const std::array<std::size_t, K>& values) noexcept {
    std::size_t total = 0;
    for (const std::size_t v : values) total += v;
    return total;
}

template<std::size_t Entries, std::size_t NameCapacity>
struct analysis;

// The state of one counting pass, beside the analysis it fills.
template<class Analysis>
struct builder {
    struct kind_count {
        std::string_view kind;
        std::size_t count = 0;
    };

    Analysis& result;
    shape cursor;                  // the shape flowing into the next layer
    std::size_t layers_done = 0;
    std::string_view scope{};      // path of the enclosing named block; empty at the top
    std::size_t scope_counters = 0; // first ordinal counter of the enclosing scope
    std::size_t counters_used = 0;
    std::size_t names_used = 0;
    // Ordinal counters per layer kind of the open scopes; each layer adds at most one.
    std::array<kind_count, Analysis::entry_count> counters{};

    constexpr bool failed() const noexcept { return result.fail.code != error::none; }

    // The ordinal of a new layer of `kind` among the layers of that kind in its scope.
    constexpr std::size_t next_ordinal(std::string_view kind) noexcept {
        for (std::size_t i = scope_counters; i != counters_used; ++i)
            if (counters[i].kind == kind) return ++counters[i].count;
        counters[counters_used++] = {kind, 1};
        return 1;
    }

    constexpr void put(std::string_view text) noexcept {
        for (const char c : text) result.names[names_used++] = c;
    }

    constexpr void put_number(std::size_t n) noexcept {
        const std::size_t digits = decimal_digits(n);
        for (std::size_t i = digits; i != 0; --i, n /= 10)
            result.names[names_used + i - 1] = static_cast<char>('0' + n % 10);
        names_used += digits;
    }

    // "<scope>/<given>" or "<scope>/<kind><ordinal>", with '_' before the ordinal when the kind
    // ends in a digit (relu6_1). A given name at the top level is used as it is.
    constexpr std::string_view make_name(std::string_view kind, std::string_view given,
                                         std::size_t ordinal) noexcept {
        if (scope.empty() && !given.empty()) return given;
        const std::size_t start = names_used;
        if (!scope.empty()) {
            put(scope);
            put("/");
        }
        if (!given.empty()) {
            put(given);
        } else {
            put(kind);
            if (ends_with_digit(kind)) put("_");
            put_number(ordinal);
        }
        return {result.names.data() + start, names_used - start};
    }

    // Writes the next entry of layers<Net> and threads its output to the next layer.
    constexpr void record(std::string_view kind, std::string_view given, const shape& in,
                          const layer_result& r) noexcept {
        const std::size_t index = layers_done++;
        result.entries[index] = {make_name(kind, given, next_ordinal(kind)), kind, in, r.output,
                                 r.units, r.weights, r.biases, r.parameters, r.connections,
                                 r.window};
        bool overflow = false;
        counts& t = result.totals;
        t = {add(t.units, r.units, overflow), add(t.weights, r.weights, overflow),
             add(t.biases, r.biases, overflow), add(t.parameters, r.parameters, overflow),
             add(t.connections, r.connections, overflow)};
        const error status = !given.empty() && !valid_name(given) ? error::invalid_name
                             : r.status != error::none           ? r.status
                             : overflow                           ? error::count_overflow
                                                                  : error::none;
        if (status != error::none) result.fail = {status, index, in};
        cursor = r.output;
    }
};

// node<Element>: how one element of a network emits its entries. A layer emits one.
template<class L, bool = layer_kind<L>>
struct node {
    static constexpr std::size_t entries = 1;

    static constexpr std::size_t name_capacity(std::size_t prefix, std::size_t digits) noexcept {
        constexpr std::string_view given = given_name<L>();
        constexpr std::string_view kind = L::kind;
        if (prefix == 0 && !given.empty()) return 0;
        return (prefix == 0 ? 0 : prefix + 1) + (given.empty() ? kind.size() + 1 + digits : given.size());
    }

    template<class Builder>
    static constexpr void emit(Builder& b) noexcept {
        const shape in = b.cursor;
        b.record(L::kind, given_name<L>(), in, L::apply(in));
    }
};

template<class T>
struct node<T, false> {
    // An error here means an element of the network is neither a layer nor a block.
    static_assert(layer_kind<T>,
                  "netcount: a network element must be a layer kind: a type with a static "
                  "`kind` and a static `apply(shape)` returning netcount::layer_result");
    static constexpr std::size_t entries = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder&) noexcept {}
};

template<std::size_t Entries, std::size_t NameCapacity>
struct analysis {
    static constexpr std::size_t entry_count = Entries;
    using emitter = void (*)(builder<analysis>&);

    std::array<layer_info, Entries> entries{};
    std::array<char, NameCapacity> names{}; // generated names; entries' names point here
    counts totals{};
    shape input{};
    shape output{};
    failure fail{};

    // `elements` comes by value: on g++ a loop over a static array of a class templated on the
    // whole layer list slows down quadratically.
    template<std::size_t K>
    constexpr analysis(const shape& in, std::array<emitter, K> elements) noexcept
        : input(in), output(in) {
        builder<analysis> b{*this, in};
        for (const emitter emit : elements) {
            emit(b);
            if (b.failed()) return;
        }
        output = b.cursor;
    }
};

// The sizes and emitters of a network<input<...>, Elements...>.
template<class Network>
struct network_facts {
    // An error here means the type given as a network is not network<...> nor derived from one.
    static_assert(always_false<Network>,
                  "netcount: expected a network<input<Height, Width, Channels>, layers...> or a "
                  "type derived from one");
};

template<class First, class... Elements>
struct network_facts<network<First, Elements...>> {
    static_assert(is_input<First>, "netcount: a network starts with input<Height, Width, Channels>");

    static constexpr std::size_t entries =
        sum(std::array<std::size_t, sizeof...(Elements)>{node<Elements>::entries...});
    static constexpr std::size_t name_capacity = sum(std::array<std::size_t, sizeof...(Elements)>{
        node<Elements>::name_capacity(0, decimal_digits(entries))...});
    using analysis_type = analysis<entries, name_capacity>;

    static constexpr shape input() noexcept {
        if constexpr (is_input<First>) return First::value;
        else return {};
    }
    static constexpr std::array<typename analysis_type::emitter, sizeof...(Elements)> elements() noexcept {
        return {&node<Elements>::template emit<builder<analysis_type>>...};
    }
};

template<class... Nothing>
struct network_facts<network<Nothing...>> {
    static_assert(always_false<network<Nothing...>>,
                  "netcount: a network starts with input<Height, Width, Channels>");
};

// analyzed<Net>::value: the one analysis of Net, keyed on Net itself so that diagnostics name
// a network by the user's name for it.
template<class Net>
struct analyzed {
    using facts = network_facts<network_of<Net>>;
    static constexpr typename facts::analysis_type value{facts::input(), facts::elements()};
};

} // namespace netcount::detail

#endif
