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

// ---------------------------------------------------------------------------------------
// Two passes, each its own constant evaluation (and so its own constexpr step budget): the
// first writes the layers' names, the second threads the shape and counts. Every element of a
// network emits into both through the same emit<Builder> function.

// Pass 1: names. Generated names are written into `chars`; `names` views them (or, for a name
// given at the top level, the name<"..."> argument itself).
template<std::size_t Entries, std::size_t Capacity>
struct naming {
    static constexpr std::size_t entry_count = Entries;
    std::array<std::string_view, Entries> names{};
    std::array<char, Capacity> chars{};

    template<class Emitters>
    constexpr naming(const Emitters& elements) noexcept;
};

template<class Naming>
struct name_builder {
    struct kind_count {
        std::string_view kind;
        std::size_t count = 0;
    };

    Naming& result;
    std::size_t entries_done = 0;
    std::size_t chars_used = 0;
    std::string_view scope{};       // path of the enclosing named block; empty at the top
    std::size_t scope_counters = 0; // first ordinal counter of the enclosing scope
    std::size_t counters_used = 0;
    // Ordinal counters per layer kind of the open scopes; each layer adds at most one.
    std::array<kind_count, Naming::entry_count> counters{};

    // The ordinal of a new layer of `kind` among the layers of that kind in its scope.
    constexpr std::size_t next_ordinal(std::string_view kind) noexcept {
        for (std::size_t i = scope_counters; i != counters_used; ++i)
            if (counters[i].kind == kind) return ++counters[i].count;
        counters[counters_used++] = {kind, 1};
        return 1;
    }

    constexpr void put(std::string_view text) noexcept {
        for (const char c : text) result.chars[chars_used++] = c;
    }

    constexpr void put_number(std::size_t n) noexcept {
        const std::size_t digits = decimal_digits(n);
        for (std::size_t i = digits; i != 0; --i, n /= 10)
            result.chars[chars_used + i - 1] = static_cast<char>('0' + n % 10);
        chars_used += digits;
    }

    // "<scope>/<given>" or "<scope>/<kind><ordinal>", with '_' before the ordinal when the kind
    // ends in a digit (relu6_1). A given name at the top level is used as it is.
    constexpr std::string_view make_name(std::string_view kind, std::string_view given) noexcept {
        const std::size_t ordinal = next_ordinal(kind);
        if (scope.empty() && !given.empty()) return given;
        const std::size_t start = chars_used;
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
        return {result.chars.data() + start, chars_used - start};
    }

    template<class L>
    constexpr void leaf() noexcept {
        result.names[entries_done++] = make_name(L::kind, given_name<L>());
    }
};

template<std::size_t Entries, std::size_t Capacity>
template<class Emitters>
constexpr naming<Entries, Capacity>::naming(const Emitters& elements) noexcept {
    name_builder<naming> b{*this};
    for (const auto emit : elements) emit(b);
}

// Pass 2: shapes and counts.
template<std::size_t Entries>
struct analysis {
    std::array<layer_info, Entries> entries{};
    counts totals{};
    shape input{};
    shape output{};
    failure fail{};

    template<class Emitters>
    constexpr analysis(const shape& in, const Emitters& elements,
                       const std::array<std::string_view, Entries>& names) noexcept;
};

template<class Analysis>
struct count_builder {
    Analysis& result;
    const std::string_view* names;
    shape cursor; // the shape flowing into the next layer
    std::size_t entries_done = 0;

    constexpr bool failed() const noexcept { return result.fail.code != error::none; }

    // Writes the next entry of layers<Net> and threads its output to the next layer.
    constexpr void record(std::string_view kind, std::string_view given, const shape& in,
                          const layer_result& r) noexcept {
        const std::size_t index = entries_done++;
        result.entries[index] = {names[index], kind,      in,        r.output,      r.units,
                                 r.weights,    r.biases, r.parameters, r.connections, r.window};
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

    template<class L>
    constexpr void leaf() noexcept {
        const shape in = cursor;
        record(L::kind, given_name<L>(), in, L::apply(in));
    }
};

template<std::size_t Entries>
template<class Emitters>
constexpr analysis<Entries>::analysis(const shape& in, const Emitters& elements,
                                      const std::array<std::string_view, Entries>& names) noexcept
    : input(in), output(in) {
    count_builder<analysis> b{*this, names.data(), in};
    for (const auto emit : elements) {
        emit(b);
        if (b.failed()) return;
    }
    output = b.cursor;
}

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
        b.template leaf<L>();
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

// The pack expansions over a network's elements live in free function templates whose only
// parameters are the elements (and a builder type): on g++, an expansion that names a member
// of a class templated on the whole list re-substitutes the list for every element, which made
// a 2,000-layer network cost 2.5 GB.
template<class... Elements>
constexpr std::size_t entry_count() noexcept {
    return sum(std::array<std::size_t, sizeof...(Elements)>{node<Elements>::entries...});
}

template<class... Elements>
constexpr std::size_t name_capacity([[maybe_unused]] std::size_t digits) noexcept {
    return sum(std::array<std::size_t, sizeof...(Elements)>{node<Elements>::name_capacity(0, digits)...});
}

template<class Builder, class... Elements>
constexpr std::array<void (*)(Builder&), sizeof...(Elements)> emitters() noexcept {
    return {&node<Elements>::template emit<Builder>...};
}

// network_traits<network<...>>: the elements of a network, checked.
template<class Network>
struct network_traits {
    // An error here means the type given as a network is not network<...> nor derived from one.
    static_assert(always_false<Network>,
                  "netcount: expected a network<input<Height, Width, Channels>, layers...> or a "
                  "type derived from one");
    static constexpr std::size_t entries = 0;
    static constexpr std::size_t name_chars = 0;
    static constexpr shape input{};
    template<class Builder>
    static constexpr std::array<void (*)(Builder&), 0> elements() noexcept { return {}; }
};

template<class... Nothing>
struct network_traits<network<Nothing...>> {
    static_assert(always_false<network<Nothing...>>,
                  "netcount: a network starts with input<Height, Width, Channels>");
    static constexpr std::size_t entries = 0;
    static constexpr std::size_t name_chars = 0;
    static constexpr shape input{};
    template<class Builder>
    static constexpr std::array<void (*)(Builder&), 0> elements() noexcept { return {}; }
};

template<class First, class... Elements>
struct network_traits<network<First, Elements...>> {
    static_assert(is_input<First>, "netcount: a network starts with input<Height, Width, Channels>");
    static constexpr std::size_t entries = entry_count<Elements...>();
    static constexpr std::size_t name_chars = name_capacity<Elements...>(decimal_digits(entries));
    static constexpr shape input = [] {
        if constexpr (is_input<First>) return First::value;
        else return shape{};
    }();
    template<class Builder>
    static constexpr auto elements() noexcept {
        return emitters<Builder, Elements...>();
    }
};

// analyzed<Net>: the names and the analysis of Net, keyed on Net itself so that diagnostics
// name a network by the user's name for it.
template<class Net>
struct analyzed {
    using traits = network_traits<network_of<Net>>;
    using naming_type = naming<traits::entries, traits::name_chars>;
    using analysis_type = analysis<traits::entries>;

    static constexpr naming_type names{traits::template elements<name_builder<naming_type>>()};
    static constexpr analysis_type value{traits::input,
                                         traits::template elements<count_builder<analysis_type>>(),
                                         names.names};
};

} // namespace netcount::detail

#endif
