#ifndef NETCOUNT_DETAIL_ANALYSIS_HPP
#define NETCOUNT_DETAIL_ANALYSIS_HPP

#include <netcount/detail/config.hpp> // NETCOUNT_DIAGNOSTICS_PUSH, _POP

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <utility>

#include <netcount/detail/checked.hpp>
#include <netcount/detail/field.hpp>
#include <netcount/detail/node.hpp>
#include <netcount/detail/schedule.hpp>
#include <netcount/detail/shared.hpp>
#include <netcount/error.hpp>
#include <netcount/layer_info.hpp>
#include <netcount/layer_kind.hpp>
#include <netcount/network.hpp>
#include <netcount/shape.hpp>

// The counting engine. A network's elements become an array of emit functions (one pack
// expansion, no recursion over the layer list) and constexpr loops call them in order. Two
// passes, each its own constant evaluation and so its own constexpr step budget:
//   1. structure: every entry's name and the entries it reads from;
//   2. counts: the shape threaded from layer to layer, and what each layer counts.
// A block (detail/node.hpp, block.hpp) emits its parts into either pass the same way.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount::detail {

// Where and why counting stopped; code == none for a valid network.
struct failure {
    error code = error::none;
    std::size_t index = 0; // of the layer in layers<Net>
    shape input{};
};

// ---------------------------------------------------------------------------------------
// Pass 1: names and the layer graph.

// A from<"name"> (block.hpp), as the structure pass resolved it.
struct tap_record {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::string_view name{};            // as written
    std::size_t source = network_input; // the entry it reads (where unresolved: the tensor before it)
    std::size_t next = none;            // the next tap that reads the same source (the totals pass)
    bool resolved = false;              // exactly one entry or block of that name came before it
    bool in_auxiliary = false;          // the from<> is inside an auxiliary head
    // A max_unpool<"pool"> (block.hpp) is two taps of the pool's name that do not move the
    // cursor: the first reads the pool's input (the size it unpools to, if the source is a
    // max_pool), the second the pool's output (the indices' shape).
    bool reads_input = false;
};

// A named block that is no entry of its own (a named sequence, a named head), and its output.
// A merge's block name is its merge entry's name, found among the entries.
struct scope_record {
    std::string_view path{};
    std::size_t output = network_input;
};

// The arrays only taps use have no element in a network without one: the engine's cost for
// every other network is as it was.
// A shared<...> definition, as the structure pass met it: its name and how often it was applied.
struct shared_record {
    std::string_view name{};
    std::size_t applications = 0;
};

// Several inputs (network.hpp): the k-th input of a network stands in layers<Net> for
// network_input - k; positions of the memory schedule and of first_tap put the inputs first.
// Inputs is 0 for a network of one unnamed input, whose engine is as it was.
template<std::size_t Inputs>
inline constexpr std::size_t input_positions = Inputs == 0 ? 1 : Inputs;

// Whether `from`, an index of layer_info::inputs, stands for one of the network's inputs.
template<std::size_t Inputs>
constexpr bool is_input_index(std::size_t from) noexcept {
    return from > network_input - input_positions<Inputs>;
}

template<std::size_t Entries, std::size_t Names, std::size_t Chars, std::size_t Edges, std::size_t Taps = 0,
         std::size_t Outputs = 0, std::size_t Defs = 0, bool Batched = false, std::size_t Inputs = 0>
struct structure {
    static constexpr std::size_t entry_count = Entries;
    static constexpr std::size_t input_count = Inputs;
    static constexpr std::size_t name_count = Names;
    static constexpr std::size_t tap_count = Taps;
    static constexpr std::size_t definition_count = Defs;
    static constexpr bool batched = Batched;
    std::array<std::string_view, Entries> names{};
    std::array<std::span<const std::size_t>, Entries> inputs{}; // views of `edges`
    std::array<char, Chars> chars{};                            // generated names live here
    std::array<std::size_t, Edges> edges{};
    std::size_t output = network_input; // the entry whose output is the network's (the last, if several)
    // The network's outputs: `output`, or those outputs<...> names (its last Outputs taps).
    std::array<std::size_t, Outputs == 0 ? 1 : Outputs> outputs{};
    std::size_t outputs_elements = 0; // outputs<...> met
    bool outputs_last = true;         // ... each at the top level, nothing after it
    // Taps only (and named inputs, whose names no other may have):
    std::array<tap_record, Taps> taps{};
    std::array<scope_record, Taps == 0 && Inputs == 0 ? 0 : Names> scopes{};
    std::array<bool, Taps == 0 && Inputs == 0 ? 0 : Entries> auxiliary{}; // the entry is in an auxiliary head
    // The first tap that reads each position (the inputs, then i + input_positions: entry i), or none.
    std::array<std::size_t, Taps == 0 ? 0 : Entries + input_positions<Inputs>> first_tap{};
    // Named inputs only: each input's name, in order.
    std::array<std::string_view, Inputs> input_names{};
    std::size_t scopes_done = 0;
    // Taps only: every entry's and named block's name in a hash table (chained, item i the
    // entry i, item Entries + j the block scopes[j]), so that a from<> finds its name in a step
    // or two. Scanning every name instead made 500 from<>s in a chain of 1,000 relus cost 4.8 s
    // and 714 MB on g++ 12 (quadratic; g++ also keeps every string comparison it evaluated).
    static constexpr std::size_t name_items = Taps == 0 ? 0 : Entries + Names;
    static constexpr std::size_t buckets = 2 * name_items + 1;
    std::array<std::size_t, Taps == 0 ? 0 : buckets> bucket{}; // its last item + 1; 0: empty
    std::array<std::size_t, name_items> next_item{};           // the item before, + 1; 0: none
    std::array<shared_record, Defs> definitions{};
    std::size_t definitions_done = 0;
    // rois<...> only: the block each entry is in (0: none, else the n-th block met).
    std::array<std::size_t, Batched ? Entries : 0> region{};
    // The first error of the graph (from<>, outputs<>, shared<>), and the name it spells.
    failure graph_fail{};
    std::string_view graph_fail_name{};

    constexpr void fail_graph(error code, std::string_view name, bool replaces = false) noexcept {
        if (graph_fail.code == error::none || replaces) {
            graph_fail = {.code = code};
            graph_fail_name = name;
        }
    }

    template<class Emitters>
    constexpr explicit structure(const Emitters& elements, const std::string_view* inputs = nullptr) noexcept;

    // The bucket of a name: its length and its first two and last six characters (where ordinals
    // and block paths differ), in one expression and without calls, since clang charges its
    // constexpr steps per statement, loop iteration and call, and this runs for every entry.
    // The products wrap modulo 2^N on purpose: a hash, not a count.
    static constexpr std::size_t bucket_of(const char* p, std::size_t n) noexcept {
        return (n * 1000003u ^ (n > 0 ? static_cast<unsigned char>(p[0]) : 0u) * 7919u ^
                (n > 1 ? static_cast<unsigned char>(p[1]) : 0u) * 104729u ^
                (n > 0 ? static_cast<unsigned char>(p[n - 1]) : 0u) * 2654435761u ^
                (n > 1 ? static_cast<unsigned char>(p[n - 2]) : 0u) * 40503u ^
                (n > 2 ? static_cast<unsigned char>(p[n - 3]) : 0u) * 2246822519u ^
                (n > 3 ? static_cast<unsigned char>(p[n - 4]) : 0u) * 3266489917u ^
                (n > 4 ? static_cast<unsigned char>(p[n - 5]) : 0u) * 668265263u ^
                (n > 5 ? static_cast<unsigned char>(p[n - 6]) : 0u) * 374761393u) %
               buckets;
    }
    constexpr void index_name(std::size_t item, std::string_view name) noexcept {
        std::size_t& head = *(bucket.data() + bucket_of(name.data(), name.size()));
        *(next_item.data() + item) = head;
        head = item + 1;
    }
    // The items named `name` indexed so far: how many, and the tensor of the last one found.
    struct name_lookup {
        std::size_t matches = 0;
        std::size_t tensor = network_input;
    };
    constexpr name_lookup look_up(std::string_view name) const noexcept {
        name_lookup found{};
        for (std::size_t item = bucket[bucket_of(name.data(), name.size())]; item-- != 0; item = next_item[item]) {
            const bool entry = item < Entries;
            if ((entry ? names[item] : scopes[item - Entries].path) == name) {
                ++found.matches;
                found.tensor = entry ? item : scopes[item - Entries].output;
            }
        }
        return found;
    }

    constexpr void verify_taps() noexcept;
    constexpr void verify_inputs() noexcept;
};

// The builders reach their arrays through raw pointers, and count digits in expressions:
// clang charges its constexpr step budget per statement, and std::array's operator[] or
// string_view's back() are calls with statements of their own.
template<class Structure>
struct structure_builder {
    struct kind_count {
        const char* kind; // kind_id of a layer kind, or of a block's stem
        std::size_t count = 0;
    };
    // What a block restores when it closes its scope.
    struct scope_state {
        std::string_view path;
        std::size_t counters_begin;
        std::size_t counters_end;
        std::string_view block; // the enclosing block's own name
        bool unnamed_merge;     // whether the enclosing scope is an unnamed merge's
        bool flat;              // open_merge opened no scope
    };

    Structure& result;
    std::string_view* names = result.names.data();
    std::span<const std::size_t>* inputs = result.inputs.data();
    char* chars = result.chars.data();
    std::size_t* edges = result.edges.data();
    std::size_t cursor = network_input; // the entry whose output the next layer reads
    std::size_t entries_done = 0;
    std::size_t edges_done = 0;
    std::size_t taps_done = 0;
    std::size_t outputs_entries = 0; // entries made before outputs<...>
    bool in_auxiliary = false;
    std::size_t chars_used = 0;
    std::string_view scope{};       // path of the enclosing named block; empty at the top
    std::size_t scope_counters = 0; // first ordinal counter of the enclosing scope
    std::size_t counters_used = 0;
    std::string_view block{};      // the name of the block being emitted, its merge's name
    bool in_unnamed_merge = false; // the scope is an unnamed merge's (open_merge)
    // Ordinal counters per kind in the open scopes; each name made adds at most one.
    std::array<kind_count, Structure::name_count + 1> counter_store{};
    kind_count* counters = counter_store.data();
    // rois<...>: the block being emitted (0: none), the one around it, and its first entry.
    struct region_state {
        std::size_t id = 0, outer = 0, first = 0;
    };
    region_state region{};
    std::size_t regions_made = 0;

    static constexpr bool failed() noexcept { return false; }

    // The ordinal of a new layer or block of a kind among those of that kind in its scope.
    constexpr std::size_t next_ordinal(const char* kind) noexcept {
        for (kind_count* c = counters + scope_counters; c != counters + counters_used; ++c)
            if (c->kind == kind) return ++c->count;
        counters[counters_used++] = {kind, 1};
        return 1;
    }

    constexpr void put(std::string_view text) noexcept {
#if defined(__clang__)
        __builtin_memcpy(chars + chars_used, text.data(), text.size()); // one step, not one a char
        chars_used += text.size();
#else
        for (const char c : text) chars[chars_used++] = c;
#endif
    }

    constexpr void put_number(std::size_t n) noexcept {
        chars_used += decimal_digits(n);
        for (char* p = chars + chars_used; n != 0; n /= 10) *--p = static_cast<char>('0' + n % 10);
    }

    // "<scope>/<given>" or "<scope>/<stem><ordinal>", with '_' before the ordinal when the
    // stem ends in a digit (relu6_1). A given name at the top level is used as it is.
    constexpr std::string_view make_name(const char* kind, std::string_view stem, bool digit_end,
                                         std::string_view given) noexcept {
        const std::size_t ordinal = next_ordinal(kind);
        if (scope.empty() && !given.empty()) return given;
        const std::size_t start = chars_used;
        if (!scope.empty()) {
            put(scope);
            chars[chars_used++] = '/';
        }
        if (!given.empty()) return put(given), std::string_view{chars + start, chars_used - start};
        put(stem);
        if (digit_end) chars[chars_used++] = '_';
        put_number(ordinal);
        return {chars + start, chars_used - start};
    }

    // An entry named `name` that reads the entries from[0, n).
    constexpr void add_entry(std::string_view name, const std::size_t* from, std::size_t n) noexcept {
        names[entries_done] = name;
        inputs[entries_done] = {edges + edges_done, n};
        for (const std::size_t* f = from; f != from + n; ++f) edges[edges_done++] = *f;
        if constexpr (Structure::tap_count != 0 || Structure::input_count != 0)
            result.auxiliary[entries_done] = in_auxiliary;
        if constexpr (Structure::tap_count != 0) result.index_name(entries_done, name);
        if constexpr (Structure::batched) check_region(name, from, n);
        cursor = entries_done++;
    }

    // A rois<...> block's tensors hold one region each, and its entries count the batch of
    // them: only its first entry (the RoIAlign) reads a tensor from outside, and no entry
    // outside reads one of its tensors (outputs<...> may name them).
    constexpr void check_region(std::string_view name, const std::size_t* from, std::size_t n) noexcept {
        result.region[entries_done] = region.id;
        const std::size_t expected = entries_done == region.first && region.id != 0 ? region.outer : region.id;
        for (const std::size_t* f = from; f != from + n; ++f)
            if ((*f >= Structure::entry_count ? 0 : result.region[*f]) != expected)
                result.fail_graph(error::rois_crossed, name);
    }

    // An element of a network or block: a layer here, a block by its node.
    template<class E>
    static constexpr void visit(structure_builder& b) noexcept {
        if constexpr (layer_kind<E>) {
            const std::size_t from = b.cursor;
            b.add_entry(b.make_name(kind_id<E>, E::kind, kind_ends_with_digit<E>, given_name_v<E>), &from, 1);
        } else {
            node<E>::template emit<structure_builder>(b);
        }
    }

    // A named block's parts are named inside its path: "<block>/<part>". A stem that ends in a
    // digit (a merge of one's own of kind "m1") takes '_' before its ordinal, as a layer's does.
    constexpr scope_state open_scope(const char* kind, std::string_view stem, std::string_view given) noexcept {
        return enter(make_name(kind, stem, ends_with_digit(stem), given)); // counts in the enclosing scope
    }

    // A merge (add, concat, residual, one's own; flattens) or a block built on one
    // (squeeze_excitation, whose parts have names of their own: does not). An unnamed merge
    // among the parts of an unnamed merge opens no scope: its name and its parts' are made in
    // the enclosing one, so that nested unnamed merges read concat1/conv3, not
    // concat1/concat1/conv1 (docs/reference.md, "Names").
    constexpr scope_state open_merge(const char* kind, std::string_view stem, std::string_view given,
                                     bool flattens) noexcept {
        if (flattens && given.empty() && in_unnamed_merge) {
            const scope_state outer = saved(true);
            block = make_name(kind, stem, ends_with_digit(stem), {});
            return outer;
        }
        const scope_state outer = open_scope(kind, stem, given);
        in_unnamed_merge = flattens && given.empty();
        return outer;
    }

    static constexpr bool ends_with_digit(std::string_view stem) noexcept {
        return !stem.empty() && stem.back() >= '0' && stem.back() <= '9';
    }

    // What close_scope restores; `flat`: no scope was opened, only a merge's name made.
    constexpr scope_state saved(bool flat) const noexcept {
        return {.path = scope,
                .counters_begin = scope_counters,
                .counters_end = counters_used,
                .block = block,
                .unnamed_merge = in_unnamed_merge,
                .flat = flat};
    }

    // Enters the scope of that path: its parts count their ordinals afresh.
    constexpr scope_state enter(std::string_view path) noexcept {
        const scope_state outer = saved(false);
        scope = block = path;
        scope_counters = counters_used;
        in_unnamed_merge = false;
        return outer;
    }

    // rois<...>: its entries are named and linked as any others, and kept to their block.
    constexpr region_state enter_batch(std::uint64_t) noexcept {
        const region_state outer = region;
        if constexpr (Structure::batched) region = {.id = ++regions_made, .outer = outer.id, .first = entries_done};
        return outer;
    }
    constexpr void leave_batch(const region_state& outer) noexcept { region = outer; }

    // A named block whose output is not an entry of the same name is recorded, so that from<>
    // can read it by its name.
    constexpr void close_scope(const scope_state& outer) noexcept {
        block = outer.block;
        if (outer.flat) return; // its parts' names stay counted in the enclosing scope
        in_unnamed_merge = outer.unnamed_merge;
        if constexpr (Structure::tap_count != 0 || Structure::input_count != 0) {
            if (cursor >= Structure::entry_count || names[cursor] != scope) {
                if constexpr (Structure::tap_count != 0)
                    result.index_name(Structure::entry_count + result.scopes_done, scope);
                result.scopes[result.scopes_done++] = {.path = scope, .output = cursor};
            }
        }
        scope = outer.path;
        scope_counters = outer.counters_begin;
        counters_used = outer.counters_end;
    }

    // The merge entry of a block is named after the block itself.
    template<class M>
    constexpr void merge(const std::size_t* paths, std::size_t n) noexcept {
        add_entry(block, paths, n);
    }

    // An entry that reads the cursor and takes its size from an earlier tensor (upsample_back,
    // block.hpp): named after its block, or else after its kind, before the block's parts are;
    // linked to the cursor only.
    template<class R>
    constexpr std::string_view entry_name(bool named_after_scope) noexcept {
        return named_after_scope ? scope : make_name(kind_id<R>, R::kind, false, {});
    }
    template<class R>
    constexpr void sized_like(std::size_t, std::string_view name) noexcept {
        const std::size_t from = cursor;
        add_entry(name, &from, 1);
    }

    // An auxiliary head's entries are named and linked as any others; from<> may read them only
    // from inside a head.
    constexpr bool enter_auxiliary() noexcept {
        const bool was = in_auxiliary;
        in_auxiliary = true;
        return was;
    }
    constexpr void leave_auxiliary(bool was) noexcept { in_auxiliary = was; }

    // from<"name">: the only entry or named block of that name computed so far, else (an error
    // that verify_taps() says) the tensor before it, so that the pass goes on.
    constexpr std::size_t resolve(std::string_view name, bool reads_input) noexcept {
        auto found = result.look_up(name);
        for (std::size_t k = 0; k != Structure::input_count; ++k) {
            if (result.input_names[k] == name) {
                ++found.matches;
                found.tensor = network_input - k;
            }
        }
        const std::size_t source = found.matches == 1 ? found.tensor : cursor;
        result.taps[taps_done++] = {.name = name,
                                    .source = source,
                                    .resolved = found.matches == 1,
                                    .in_auxiliary = in_auxiliary,
                                    .reads_input = reads_input};
        return source;
    }
    constexpr void tap(std::string_view name) noexcept {
        if constexpr (Structure::tap_count != 0) {
            cursor = resolve(name, false);
            if (result.outputs_elements != 0) result.outputs_last = false; // a from<> after outputs<>
        }
    }

    // max_unpool<"pool">: an entry named after its kind that reads the cursor and the pool,
    // found as from<> finds it (two taps, which verify_taps() checks as any), so that the
    // schedule keeps the pool's output (its indices) alive until the unpool.
    template<class R>
    constexpr void unpool(std::string_view pool) noexcept {
        std::size_t from[2] = {cursor, cursor};
        if constexpr (Structure::tap_count != 0) {
            from[1] = resolve(pool, true);
            resolve(pool, false);
        }
        add_entry(make_name(kind_id<R>, R::kind, false, {}), from, 2);
    }

    // shared<"name", Elements...>: a scope of its name; the name is recorded, once.
    constexpr scope_state open_definition(const char* kind, std::string_view name, std::size_t) noexcept {
        if constexpr (Structure::definition_count != 0) {
            bool twice = false;
            for (std::size_t i = 0; i != result.definitions_done; ++i)
                twice = twice || result.definitions[i].name == name;
            if (twice || result.definitions_done == Structure::definition_count)
                result.fail_graph(error::shared_defined_twice, name, true);
            else
                result.definitions[result.definitions_done++] = {.name = name, .applications = 1};
        }
        return open_scope(kind, "shared", name);
    }
    constexpr void close_definition(const scope_state& outer) noexcept { close_scope(outer); }

    // A reuse: a scope "<name>@<n>" for its n-th application, n from 2.
    constexpr scope_state open_use(const char*, std::string_view name) noexcept {
        std::size_t n = 0;
        if constexpr (Structure::definition_count != 0) {
            for (std::size_t i = 0; i != result.definitions_done; ++i)
                if (result.definitions[i].name == name) n = ++result.definitions[i].applications;
        }
        if (n == 0) result.fail_graph(error::shared_used_before_definition, name);
        const std::size_t start = chars_used;
        if (!scope.empty()) {
            put(scope);
            chars[chars_used++] = '/';
        }
        put(name);
        chars[chars_used++] = '@';
        put_number(n == 0 ? 1 : n);
        return enter({chars + start, chars_used - start});
    }
    constexpr void close_use(const scope_state& outer) noexcept { close_scope(outer); }

    // A reuse that names no definition, or its own.
    constexpr void shared_error(error code, std::string_view name) noexcept { result.fail_graph(code, name); }

    // outputs<...>: its n taps are the network's outputs. It must be the last element, at the
    // top level (verify_taps() says so otherwise).
    constexpr void end_outputs(std::size_t n) noexcept {
        if constexpr (Structure::tap_count != 0) {
            if (++result.outputs_elements > 1 || !scope.empty()) result.outputs_last = false;
            for (std::size_t i = 0; i != n && i < result.outputs.size(); ++i)
                result.outputs[i] = result.taps[taps_done - n + i].source;
            outputs_entries = entries_done;
        }
    }
};

template<std::size_t Entries, std::size_t Names, std::size_t Chars, std::size_t Edges, std::size_t Taps,
         std::size_t Outputs, std::size_t Defs, bool Batched, std::size_t Inputs>
template<class Emitters>
constexpr structure<Entries, Names, Chars, Edges, Taps, Outputs, Defs, Batched, Inputs>::structure(
    const Emitters& elements, [[maybe_unused]] const std::string_view* named_inputs) noexcept {
    structure_builder<structure> b{*this};
    if constexpr (Inputs != 0) {
        for (std::size_t k = 0; k != Inputs; ++k) input_names[k] = named_inputs[k];
        b.cursor = network_input - (Inputs - 1); // the last input
    }
    for (const auto emit : elements) emit(b);
    output = b.cursor;
    if constexpr (Outputs == 0) outputs[0] = output;
    if constexpr (Taps != 0) {
        if (outputs_elements != 0 && b.outputs_entries != b.entries_done) outputs_last = false;
        verify_taps();
    }
    if constexpr (Inputs != 0) verify_inputs();
}

// Named inputs: no entry or named block has an input's name (from<> would not know which it
// reads), and every input is read by an entry that runs in inference, or is an output.
template<std::size_t Entries, std::size_t Names, std::size_t Chars, std::size_t Edges, std::size_t Taps,
         std::size_t Outputs, std::size_t Defs, bool Batched, std::size_t Inputs>
constexpr void structure<Entries, Names, Chars, Edges, Taps, Outputs, Defs, Batched, Inputs>::verify_inputs() noexcept {
    for (std::size_t k = 0; k != Inputs; ++k) {
        const std::string_view name = input_names[k];
        bool taken = false, read = false, repeated = false;
        for (std::size_t j = 0; j != Inputs; ++j) repeated = repeated || (j != k && input_names[j] == name);
        if (repeated) continue; // network_traits says so (input_named_twice)
        for (std::size_t i = 0; i != Entries; ++i) {
            taken = taken || names[i] == name;
            if (auxiliary[i]) continue;
            for (const std::size_t from : inputs[i]) read = read || from == network_input - k;
        }
        for (std::size_t i = 0; i != scopes_done; ++i) taken = taken || scopes[i].path == name;
        for (const std::size_t o : outputs) read = read || o == network_input - k;
        if (taken) fail_graph(error::input_name_taken, name);
        if (!read) fail_graph(error::input_unread, name);
    }
}

// Each from<> names exactly one entry or named block of the whole network, computed before it,
// and not in an auxiliary head unless the from<> is in one too. Then the taps that read each
// position are linked, for the totals pass, which keeps only their shapes.
template<std::size_t Entries, std::size_t Names, std::size_t Chars, std::size_t Edges, std::size_t Taps,
         std::size_t Outputs, std::size_t Defs, bool Batched, std::size_t Inputs>
constexpr void structure<Entries, Names, Chars, Edges, Taps, Outputs, Defs, Batched, Inputs>::verify_taps() noexcept {
    // outputs<...> elsewhere than last, at the top level: the error names its first tensor.
    if (!outputs_last) fail_graph(error::outputs_not_last, taps[Taps - Outputs].name);
    for (std::size_t k = 0; k != Taps && graph_fail.code == error::none; ++k) {
        const tap_record& t = taps[k];
        std::size_t matches = look_up(t.name).matches;
        for (std::size_t i = 0; i != Inputs; ++i) matches += input_names[i] == t.name ? 1u : 0u;
        const error code = matches == 0                                                   ? error::tap_unknown
                           : matches > 1                                                  ? error::tap_ambiguous
                           : !t.resolved                                                  ? error::tap_not_computed
                           : t.source < Entries && auxiliary[t.source] && !t.in_auxiliary ? error::tap_reads_auxiliary
                                                                                          : error::none;
        if (code != error::none) fail_graph(code, t.name);
    }
    for (std::size_t& f : first_tap) f = tap_record::none;
    for (std::size_t k = Taps; k-- != 0;) {
        std::size_t& first = first_tap[taps[k].source + input_positions<Inputs>]; // an input's wraps below it
        taps[k].next = first;
        first = k;
    }
}

// ---------------------------------------------------------------------------------------
// Pass 2: shapes and counts. Two forms: `summary` keeps only the totals (all that
// weights<Net> and a budget need), `analysis` also writes every entry of layers<Net>. On g++
// every scalar of a constexpr result costs about 140 bytes, and an entry has about forty, so a
// budget check that skips them is several times cheaper.

// A network with taps (from<>) keeps the shapes they read: the totals pass keeps no entry, so
// each source's output shape is copied for the taps that read it when it is recorded.
// A shared<...> definition as the counting pass met it: its name, its first entry, and (the
// totals pass, which keeps no entry) where its entries' stored figures are kept.
struct definition_slot {
    std::string_view name{};
    std::size_t first = 0;
    std::size_t stored_first = 0;
};

// The figures a reuse must have the same of as its definition.
struct stored_figures {
    std::uint64_t weights = 0, biases = 0, parameters = 0;
};

// A network with shared<...> definitions keeps, in the totals pass, each definition and the
// stored figures of its entries (DefEntries in all), which a reuse is checked against.
// Plain: the first attempt at the totals, which knows nothing of the graph (analyzed<Net>
// below): it stops at the first from<>, outputs<>, shared<>, rois<> or max_unpool<> it meets.
template<std::size_t Taps, std::size_t Defs = 0, std::size_t DefEntries = 0, bool Batched = false, bool Plain = false>
struct summary_of {
    static constexpr bool keeps_entries = false;
    static constexpr bool plain = Plain;
    static constexpr bool batched = Batched;
    static constexpr std::size_t inputs_named = 0; // the structure pass's taps give their shapes
    static constexpr std::size_t taps = Taps;
    static constexpr std::size_t definitions = Defs;
    counts totals{};
    shape input{};
    shape output{};
    failure fail{};
    bool graph_met = false; // Plain: an element of a graph came, and the attempt stopped there
    std::size_t entries_done = 0;
    std::size_t taps_done = 0;
    std::array<shape, Taps> tapped{}; // the shape each tap reads, once its source is recorded
    std::array<definition_slot, Defs> definition_table{};
    std::size_t definitions_done = 0;
    std::array<stored_figures, DefEntries> stored{};
    std::size_t stored_done = 0;
};

using summary = summary_of<0>;
using plain_summary = summary_of<0, 0, 0, false, true>;

template<std::size_t Entries, std::size_t Taps = 0, std::size_t Defs = 0, bool Batched = false, std::size_t Inputs = 0>
struct analysis {
    static constexpr bool keeps_entries = true;
    static constexpr bool plain = false;
    static constexpr bool batched = Batched;
    static constexpr std::size_t entry_count = Entries;
    static constexpr std::size_t inputs_named = Inputs;
    static constexpr std::size_t taps = Taps;
    static constexpr std::size_t definitions = Defs;
    std::array<layer_info, Entries> entries{};
    std::array<definition_slot, Defs> definition_table{};
    std::size_t definitions_done = 0;
    std::array<stored_figures, 0> stored{}; // the entries have them
    std::size_t stored_done = 0;
    shape input{};
    shape output{};
    std::array<shape, Inputs> inputs{}; // named inputs only: each input's shape, in order
    failure fail{};
    std::size_t entries_done = 0; // every entry is written when this is Entries and fail is none

    constexpr bool complete() const noexcept { return fail.code == error::none && entries_done == Entries; }
    schedule_result schedule{}; // peak activations; each entry's live_activations

    template<class Emitters, class Structure>
    constexpr analysis(const shape& in, const Emitters& elements, const Structure& s,
                       const shape* shapes = nullptr) noexcept;

    // The shapes of the network's inputs, in order, for the memory schedule.
    constexpr const shape* input_shapes() const noexcept {
        if constexpr (Inputs == 0)
            return &input;
        else
            return inputs.data();
    }
};

// The kind of the entries a max_unpool<"pool"> may read (max_pool, pool.hpp).
inline constexpr std::string_view max_pool_kind = "max_pool";

template<class Analysis>
struct count_builder {
    struct scope_state {};

    Analysis& result;
    const std::string_view* names;
    const std::span<const std::size_t>* inputs;
    shape cursor; // the shape flowing into the next layer
    layer_info* entries = nullptr;
    std::size_t entries_done = 0;
    memory_role* roles = nullptr; // of each entry, for the memory schedule (full pass only)
    bool in_auxiliary = false;    // inside an auxiliary head (block.hpp)
    // Networks with taps: the structure's record of each, and the first tap of each position.
    const tap_record* taps = nullptr;
    const std::size_t* first_tap = nullptr;
    std::size_t taps_done = 0;
    // shared<...>: the innermost definition being emitted (its slot, or none), and the
    // application being emitted: its first entry and the definition it applies.
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t definition = none;
    std::size_t use_of = none;
    std::size_t use_first = 0;
    // rois<...>: the regions each entry runs on (a product, for rois inside rois), and whether
    // that product overflowed.
    std::uint64_t batch = 1;
    bool batch_overflow = false;

    constexpr bool failed() const noexcept {
        if constexpr (Analysis::plain)
            return result.fail.code != error::none || result.graph_met;
        else
            return result.fail.code != error::none;
    }

    // The plain attempt at the totals meets an element of a graph: it stops, and the graph's
    // pass counts the network (analyzed<Net>).
    constexpr void met_graph() noexcept {
        if constexpr (Analysis::plain) result.graph_met = true;
    }

    // The receptive field of what entry `from` produced.
    constexpr receptive_field field_of(std::size_t from) const noexcept {
        if constexpr (Analysis::inputs_named == 0)
            return from == network_input ? receptive_field{} : entries[from].receptive_field;
        else
            return is_input_index<Analysis::inputs_named>(from) ? receptive_field{} : entries[from].receptive_field;
    }

    // The shape of the tensor `from` stands for (the full pass).
    constexpr shape tensor_shape(std::size_t from) const noexcept {
        if constexpr (Analysis::inputs_named == 0)
            return from == network_input ? result.input : entries[from].output;
        else
            return is_input_index<Analysis::inputs_named>(from) ? result.inputs[network_input - from]
                                                                : entries[from].output;
    }

    // Writes the next entry of layers<Net> and threads its output to the next layer. Few
    // statements on purpose: clang charges its constexpr step budget per statement, and this
    // runs for every layer; the overflow checks chain the builtins with ||, which sequences
    // them and costs no steps.
    constexpr void record(std::string_view kind, formula_function formula, bool valid_name, const shape in,
                          const layer_result& r) noexcept {
        const std::size_t index = entries_done++;
        std::uint64_t with_bias = 0, activations = 0;
        bool overflow = detail::add_overflows(r.connections, r.bias_connections, &with_bias) ||
                        detail::mul_overflows(r.output.height, r.output.width, &activations) ||
                        detail::mul_overflows(activations, r.output.channels, &activations);
        if constexpr (Analysis::batched)
            overflow = overflow || batch_overflow || mul_overflows(activations, batch, &activations);
        // The totals are the summary's; the full pass runs only for a network whose summary
        // has already been checked, so it does not sum them again.
        // An auxiliary head's units, connections and activations are not in the totals, so
        // they are not added (a sum that would pass 2^64 with them is no error).
        if constexpr (!Analysis::keeps_entries) {
            counts& t = result.totals;
            overflow = overflow ||
                       ((Analysis::definitions == 0 || use_of == none) &&
                        (detail::add_overflows(t.weights, r.weights, &t.weights) ||
                         detail::add_overflows(t.biases, r.biases, &t.biases) ||
                         detail::add_overflows(t.parameters, r.parameters, &t.parameters))) ||
                       (!in_auxiliary &&
                        (detail::add_overflows(t.units, r.units, &t.units) ||
                         detail::add_overflows(t.connections, r.connections, &t.connections) ||
                         detail::add_overflows(t.connections_with_bias, with_bias, &t.connections_with_bias) ||
                         detail::add_overflows(t.activations, activations, &t.activations)));
        }
        // A reuse applies its definition's weights: it must have the same figures of them.
        bool differs = false;
        std::size_t reuse_of = not_a_reuse;
        if constexpr (Analysis::definitions != 0) {
            if (use_of != none) {
                const definition_slot& d = result.definition_table[use_of];
                reuse_of = d.first + (index - use_first);
                stored_figures def{};
                if constexpr (Analysis::keeps_entries)
                    def = {entries[reuse_of].weights, entries[reuse_of].biases, entries[reuse_of].parameters};
                else
                    def = result.stored[d.stored_first + (index - use_first)];
                differs = def.weights != r.weights || def.biases != r.biases || def.parameters != r.parameters;
            } else if (definition != none && !Analysis::keeps_entries) {
                const definition_slot& d = result.definition_table[definition];
                result.stored[d.stored_first + (index - d.first)] = {r.weights, r.biases, r.parameters};
            }
        }
        if constexpr (Analysis::keeps_entries) {
            const std::span<const std::size_t> from = inputs[index];
            const std::size_t* const first = from.data();
            receptive_field field = field_of(*first);
            for (const std::size_t* f = first + 1; f < first + from.size(); ++f) field = widest(field, field_of(*f));
            entries[index] = {.name = names[index],
                              .kind = kind,
                              .input = in,
                              .output = r.output,
                              .units = r.units,
                              .weights = r.weights,
                              .biases = r.biases,
                              .parameters = r.parameters,
                              .connections = r.connections,
                              .connections_with_bias = with_bias,
                              .activations = activations,
                              .window = r.window,
                              .receptive_field = next_field(field, r.window),
                              .inputs = from,
                              .formula = formula,
                              .reuse_of = reuse_of};
        }
        // One verdict for both passes, from the same checks: the full pass only adds the
        // receptive field, which never fails (a field too large for its integers is marked,
        // layer_info.hpp). What a layer kind returns is checked too, as a kind defined outside
        // the library can return anything: the shape it produces, which the next layer reads,
        // and its window, which the receptive field divides by.
        const error status =
            !valid_name                                                             ? error::invalid_name
            : r.status != error::none                                               ? r.status
            : r.output.height == 0 || r.output.width == 0 || r.output.channels == 0 ? error::empty_output
            : r.window.height.kernel == 0 || r.window.height.stride == 0 || r.window.height.dilation == 0 ||
                    r.window.width.kernel == 0 || r.window.width.stride == 0 || r.window.width.dilation == 0
                ? error::zero_window
            : overflow ? error::count_overflow
            : differs  ? error::shared_weights_differ
                       : error::none;
        if (status != error::none) result.fail = {status, index, in};
        cursor = r.output;
        if constexpr (!Analysis::keeps_entries && Analysis::taps != 0) {
            for (std::size_t k = first_tap[index + 1]; k != tap_record::none; k = taps[k].next)
                result.tapped[k] = !taps[k].reads_input ? r.output : kind == max_pool_kind ? in : shape{};
        }
    }

    // outputs<...>: the taps gave the shapes; the structure pass keeps which they are.
    static constexpr void end_outputs(std::size_t) noexcept {}

    // shared<"name", Elements...>: a slot for the definition, and room for the figures of its
    // `definition_entries` entries, which its reuses must have the same of.
    struct shared_state {
        std::size_t definition, use_of, use_first;
    };
    constexpr shared_state open_definition(const char*, std::string_view name, std::size_t count) noexcept {
        met_graph();
        const shared_state outer{definition, use_of, use_first};
        if constexpr (Analysis::definitions != 0) {
            if (result.definitions_done != Analysis::definitions) {
                result.definition_table[result.definitions_done] = {
                    .name = name, .first = entries_done, .stored_first = result.stored_done};
                if constexpr (!Analysis::keeps_entries) result.stored_done += count;
                definition = result.definitions_done++;
            }
        }
        return outer;
    }
    constexpr void close_definition(const shared_state& outer) noexcept {
        definition = outer.definition;
        use_of = outer.use_of;
        use_first = outer.use_first;
    }
    // A reuse: its entries are checked against, and marked as, the definition's.
    constexpr shared_state open_use(const char*, std::string_view name) noexcept {
        met_graph();
        const shared_state outer{definition, use_of, use_first};
        if constexpr (Analysis::definitions != 0) {
            for (std::size_t i = 0; i != result.definitions_done; ++i)
                if (result.definition_table[i].name == name) {
                    use_of = i;
                    use_first = entries_done;
                }
        }
        return outer;
    }
    constexpr void close_use(const shared_state& outer) noexcept { close_definition(outer); }
    // The structure pass reports it.
    constexpr void shared_error(error, std::string_view) noexcept { met_graph(); }

    // max_unpool<"pool">: the entry R::apply makes from the cursor, the named entry's input if it
    // is a max_pool (else {}), and its output, checked as a layer's is. The totals pass reads the
    // two from its taps (record() wrote them), the full pass from the entry.
    template<class R>
    constexpr void unpool(std::string_view) noexcept {
        met_graph();
        shape pool_input{}, pool_output{};
        if constexpr (Analysis::taps != 0) {
            const std::size_t k = taps_done;
            taps_done += 2;
            if constexpr (Analysis::keeps_entries) {
                const std::size_t pool = taps[k].source;
                pool_output = tensor_shape(pool);
                if (pool < Analysis::entry_count && entries[pool].kind == max_pool_kind)
                    pool_input = entries[pool].input;
            } else {
                pool_input = result.tapped[k];
                pool_output = result.tapped[k + 1];
            }
        }
        if constexpr (Analysis::batched)
            record_batch(R::kind, nullptr, true, cursor, R::apply(cursor, pool_input, pool_output));
        else
            record(R::kind, nullptr, true, cursor, R::apply(cursor, pool_input, pool_output));
    }

    // from<"name">: the shape of the tensor the structure pass found for it.
    constexpr void tap(std::string_view) noexcept {
        met_graph();
        if constexpr (Analysis::taps != 0) {
            const std::size_t k = taps_done++;
            if constexpr (Analysis::keeps_entries)
                cursor = tensor_shape(taps[k].source);
            else
                cursor = result.tapped[k];
        }
    }

    // An entry of a rois<...> block: units and connections are the batch's, the activations
    // record() scales.
    constexpr void record_batch(std::string_view kind, formula_function formula, bool valid_name, const shape in,
                                const layer_result& r) noexcept {
        layer_result all = r;
        batch_overflow = batch_overflow || mul_overflows(all.units, batch, &all.units) ||
                         mul_overflows(all.connections, batch, &all.connections) ||
                         mul_overflows(all.bias_connections, batch, &all.bias_connections);
        record(kind, formula, valid_name, in, all);
    }
    constexpr std::uint64_t enter_batch(std::uint64_t n) noexcept {
        met_graph();
        const std::uint64_t outer = batch;
        batch_overflow = batch_overflow || mul_overflows(batch, n, &batch);
        return outer;
    }
    constexpr void leave_batch(std::uint64_t outer) noexcept { batch = outer; }

    // An element of a network or block: a layer here, a block by its node.
    template<class E>
    static constexpr void visit(count_builder& b) noexcept {
        if constexpr (layer_kind<E>) {
            if constexpr (Analysis::keeps_entries && memory_role_of<E> != memory_role::buffer)
                b.roles[b.entries_done] = memory_role_of<E>;
            if constexpr (Analysis::batched)
                b.record_batch(E::kind, formula_of<E>, given_name_is_valid<E>, b.cursor, E::apply(b.cursor));
            else
                b.record(E::kind, formula_of<E>, given_name_is_valid<E>, b.cursor, E::apply(b.cursor));
        } else {
            node<E>::template emit<count_builder>(b);
        }
    }

    static constexpr scope_state open_scope(const char*, std::string_view, std::string_view) noexcept { return {}; }
    static constexpr scope_state open_merge(const char*, std::string_view, std::string_view, bool) noexcept {
        return {};
    }
    static constexpr void close_scope(const scope_state&) noexcept {}

    // A merge's rule (merge_kind) gives its output and counts, checked as a layer's are.
    template<class M>
    constexpr void merge(const shape* paths, std::size_t n) noexcept {
        if constexpr (Analysis::batched)
            record_batch(M::kind, nullptr, true, paths[0], M::merge(std::span<const shape>(paths, n)));
        else
            record(M::kind, nullptr, true, paths[0], M::merge(std::span<const shape>(paths, n)));
        if constexpr (Analysis::keeps_entries) entries[entries_done - 1].merge = true;
    }

    // An entry R::apply(cursor, read) makes from the cursor and an earlier tensor's shape
    // (upsample_back, block.hpp), checked as a layer's is.
    template<class R>
    static constexpr bool entry_name(bool) noexcept {
        return true; // the structure pass names it
    }
    template<class R>
    constexpr void sized_like(const shape& read, bool) noexcept {
        if constexpr (Analysis::batched)
            record_batch(R::kind, nullptr, true, cursor, R::apply(cursor, read));
        else
            record(R::kind, nullptr, true, cursor, R::apply(cursor, read));
    }

    // An auxiliary head (block.hpp) counts its parameters, weights and biases, not its units,
    // connections or activations: the totals pass does not add those (record()); the full pass
    // marks its entries, which the memory schedule then skips. Heads do not nest in the
    // totals' sense (a head inside a head is as auxiliary as its parent), so entering returns
    // the state to go back to.
    struct auxiliary_state {
        bool was_auxiliary;
        std::size_t first;
    };
    constexpr auxiliary_state enter_auxiliary() noexcept {
        const auxiliary_state before{in_auxiliary, entries_done};
        in_auxiliary = true;
        return before;
    }
    constexpr void leave_auxiliary(const auxiliary_state& before) noexcept {
        in_auxiliary = before.was_auxiliary;
        if constexpr (Analysis::keeps_entries) {
            for (std::size_t i = before.first; i != entries_done; ++i) {
                entries[i].auxiliary = true;
                roles[i] = memory_role::auxiliary;
            }
        }
    }
};

// The summary after elements[0, n) more, from where `s` stands.
template<class Summary>
constexpr Summary continue_summary(Summary s, void (*const* elements)(count_builder<Summary>&) noexcept, std::size_t n,
                                   const tap_record* taps, const std::size_t* first_tap) noexcept {
    if (s.fail.code != error::none || s.graph_met) return s;
    count_builder<Summary> b{.result = s,
                             .names = nullptr,
                             .inputs = nullptr,
                             .cursor = s.output,
                             .entries_done = s.entries_done,
                             .taps = taps,
                             .first_tap = first_tap,
                             .taps_done = s.taps_done};
    for (std::size_t i = 0; i != n && s.fail.code == error::none && !s.graph_met; ++i) elements[i](b);
    s.output = b.cursor;
    s.entries_done = b.entries_done;
    s.taps_done = b.taps_done;
    return s;
}

template<std::size_t Entries, std::size_t Taps, std::size_t Defs, bool Batched, std::size_t Inputs>
template<class Emitters, class Structure>
constexpr analysis<Entries, Taps, Defs, Batched, Inputs>::analysis(const shape& in, const Emitters& elements,
                                                                   const Structure& s,
                                                                   [[maybe_unused]] const shape* shapes) noexcept
    : input(in), output(in) {
    if constexpr (Inputs != 0)
        for (std::size_t k = 0; k != Inputs; ++k) inputs[k] = shapes[k];
    std::array<memory_role, Entries> roles{};
    count_builder<analysis> b{.result = *this,
                              .names = s.names.data(),
                              .inputs = s.inputs.data(),
                              .cursor = in,
                              .entries = entries.data(),
                              .roles = roles.data(),
                              .taps = s.taps.data()};
    for (const auto emit : elements) {
        emit(b);
        if (fail.code != error::none) break;
    }
    output = b.cursor;
    entries_done = b.entries_done;
    // The schedule reads every entry's inputs: only a complete pass has them all.
    if (complete())
        schedule = schedule_memory<Entries, Inputs>(entries.data(), roles.data(), input_shapes(), s.outputs.data(),
                                                    s.outputs.size());
}

// ---------------------------------------------------------------------------------------
// network_traits<network<...>>: the elements of a network, checked.

// Instantiated when the type given as a network is not network<...> nor derived from one.
template<class Network>
struct not_a_network {
    static_assert(always_false<Network>, "netcount: expected a network<input<Height, Width, Channels>, layers...> or a "
                                         "type derived from one");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// Instantiated when a network does not start with its input.
template<class Network>
struct network_without_input {
    static_assert(always_false<Network>, "netcount: a network starts with input<Height, Width, Channels>");
    static constexpr bool reported = true;
};

// After any of these errors the network counts as empty (its input and no layer), so that the
// error is the only one.
struct empty_network_traits {
    static constexpr std::size_t entries = 0, edges = 0, names = 0, name_chars = 0, taps = 0, outputs = 0, shares = 0,
                                 shared_defs = 0, shared_entries = 0, batched = 0;
    static constexpr shape input{1, 1, 1};
    template<class Builder>
    static constexpr std::array<void (*)(Builder&) noexcept, 0> elements() noexcept {
        return {};
    }
};

template<class Network>
struct network_traits : empty_network_traits {
    static_assert(not_a_network<Network>::reported);
};

template<class... Nothing>
struct network_traits<network<Nothing...>> : empty_network_traits {
    static_assert(network_without_input<network<Nothing...>>::reported);
};

template<bool Counted, class... Elements>
struct element_traits : empty_network_traits {};

// The facts of a network's elements, evaluated once for every trait read from them.
template<class... Elements>
inline constexpr element_facts facts_of = total_facts<Elements...>();

template<class... Elements>
struct element_traits<true, Elements...> {
    static constexpr std::size_t entries = facts_of<Elements...>.entries;
    static constexpr std::size_t edges = facts_of<Elements...>.edges;
    static constexpr std::size_t names = facts_of<Elements...>.names;
    static constexpr std::size_t taps = facts_of<Elements...>.taps;
    static constexpr std::size_t outputs = facts_of<Elements...>.outputs; // 0: one, the last tensor
    static constexpr std::size_t shares = facts_of<Elements...>.shares;
    static constexpr std::size_t shared_defs = facts_of<Elements...>.shared_defs;
    static constexpr std::size_t shared_entries = facts_of<Elements...>.shared_entries;
    static constexpr std::size_t batched = facts_of<Elements...>.batched;
    // An ordinal is at most the number of names made, not of entries: an empty auxiliary<> makes a
    // name ("auxiliary200") and no entry.
    static constexpr std::size_t name_chars = name_capacity<Elements...>(0, decimal_digits(names));
    template<class Builder>
    static constexpr auto elements() noexcept {
        return emitters<Builder, Elements...>();
    }
};

// A network with shared<...> is counted with every reuse resolved to its definition's elements
// (detail/shared.hpp); any other as it is written.
template<bool Counted, bool Shared, class... Elements>
struct resolved_traits : element_traits<Counted, Elements...> {};
template<class... Elements>
struct resolved_traits<true, true, Elements...>
    : element_traits<true, typename resolved<registry_list<std::index_sequence_for<Elements...>, Elements...>,
                                             Elements>::type...> {};

// Instantiated for a network of several inputs one of which has no name<"...">.
template<class Input>
struct unnamed_input {
    static_assert(always_false<Input>, "netcount: a network of several inputs names each of them: input<Height, "
                                       "Width, Channels, name<\"...\">> (from<\"...\"> reads an input by its name)");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// Instantiated for two inputs of the same name.
template<class Input>
struct input_named_twice {
    static_assert(always_false<Input>, "netcount: two inputs of this network have the same name");
    static constexpr bool reported = true;
};

// Instantiated for an input<...> after a network's first layer, inside a block, or after an
// unnamed first input (only a network whose first input is named has several). The element is
// then skipped: a from<> of its name fails too.
template<class Input>
struct input_not_first {
    static_assert(always_false<Input>, "netcount: an input<...> comes after a layer, inside a block, or after an "
                                       "unnamed first input: a network starts with all its inputs, each named when "
                                       "there are several");
    static constexpr bool reported = true;
};

template<std::size_t H, std::size_t W, std::size_t C, class... Options>
struct node<input<H, W, C, Options...>, false> {
    static_assert(input_not_first<input<H, W, C, Options...>>::reported);
    static constexpr bool is_option = false;
    static constexpr std::size_t entries = 0, edges = 0, names = 0, taps = 0, outputs = 0, shares = 0, shared_defs = 0,
                                 shared_entries = 0, batched = 0;
    static constexpr std::size_t name_capacity(std::size_t, std::size_t) noexcept { return 0; }
    template<class Builder>
    static constexpr void emit(Builder&) noexcept {}
};

// The k-th input's name repeats an earlier one's.
template<std::size_t N>
constexpr std::size_t repeated_name(const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t k = 0; k != N; ++k)
        for (std::size_t j = 0; j != k; ++j)
            if (!names[k].empty() && names[k] == names[j]) return k;
    return N;
}

// The K-th of several input types (the one an error names).
template<std::size_t K, class Input>
struct indexed_input {};
template<class Indices, class... Inputs>
struct indexed_inputs;
template<std::size_t... K, class... Inputs>
struct indexed_inputs<std::index_sequence<K...>, Inputs...> : indexed_input<K, Inputs>... {};
template<std::size_t K, class Input>
Input pick_input(const indexed_input<K, Input>*);

// A network that starts with several inputs, or with one named: the inputs split from the
// elements, each known by its name (Inputs of the engine = their number).
template<class Inputs, class... Elements>
struct named_inputs_traits;

template<class... Inputs, class... Elements>
struct named_inputs_traits<input_list<Inputs...>, Elements...>
    : resolved_traits<(is_valid_input<Inputs> && ...), facts_of<Elements...>.shares != 0, Elements...> {
    static constexpr std::size_t named_inputs = sizeof...(Inputs);
    static constexpr std::size_t inputs = named_inputs;
    static constexpr std::array<shape, inputs> input_shapes{Inputs::value...};
    static constexpr std::array<std::string_view, inputs> input_names{Inputs::given...};
    static constexpr shape input = input_shapes[inputs - 1]; // the layers after the inputs read the last
    static_assert((verdict < inputs == 1 || !Inputs::given.empty(), unnamed_input < Inputs >> ::reported && ...));
    static constexpr std::size_t repeated = repeated_name(input_names);
    static_assert(
        verdict<repeated == inputs,
                input_named_twice<
                    decltype(pick_input < repeated == inputs
                                 ? 0
                                 : repeated > (static_cast<const indexed_inputs<std::index_sequence_for<Inputs...>,
                                                                                Inputs...>*>(nullptr)))>>::reported);
};

// input_count<Traits>: a network's number of inputs where it names them, else 0 (one unnamed
// input). A variable, not a member of every network's traits: on g++ a member there (or two
// empty arrays) cost a 10,000-layer chain 1 MB.
template<class Traits>
inline constexpr std::size_t input_count = 0;
template<class Traits>
requires requires { Traits::named_inputs; }
inline constexpr std::size_t input_count<Traits> = Traits::named_inputs;

template<class Split>
struct named_inputs_of;
template<class Inputs, class... Elements>
struct named_inputs_of<split_inputs<Inputs, Elements...>> : named_inputs_traits<Inputs, Elements...> {};

template<class First, class... Elements>
struct network_traits<network<First, Elements...>>
    : resolved_traits<is_valid_input<First>, facts_of<Elements...>.shares != 0, Elements...> {
    static_assert(verdict<is_input<First>, network_without_input<network<First, Elements...>>>::reported);
    static constexpr shape input = [] {
        if constexpr (is_input<First>)
            return First::value;
        else
            return shape{1, 1, 1};
    }();
};

// A network whose first input is named (every network of several inputs) is counted with its
// inputs split from its elements. The specialization matches on the first element alone: one
// that looked at the second too cost a 10,000-layer chain 0.2 MB more on g++.
template<std::size_t H, std::size_t W, std::size_t C, fixed_string Name, class... Elements>
struct network_traits<network<input<H, W, C, netcount::name<Name>>, Elements...>>
    : named_inputs_of<typename split_inputs<input_list<input<H, W, C, netcount::name<Name>>>, Elements...>::self> {};

// analyzed<Net>: the summary, the structure and the analysis of Net, each evaluated only when
// asked for, and keyed on Net itself so that diagnostics name a network by the user's name.
// The totals come in parts of at most `part_size` elements, each its own constant evaluation
// that goes on from the part before: each then has the compilers' whole budget (clang's
// constexpr steps, g++'s operations), so networks of any length count under default limits.
// Chaining the parts is recursion over parts, not layers: 100,000 layers make 25 parts.
inline constexpr std::size_t part_size = 2048;

template<class Net>
struct analyzed_layers {
    using traits = network_traits<network_of<Net>>;
    using structure_type = structure<traits::entries, traits::names, traits::name_chars, traits::edges, traits::taps,
                                     traits::outputs, traits::shared_defs, traits::batched != 0, input_count<traits>>;
    using analysis_type =
        analysis<traits::entries, traits::taps, traits::shared_defs, traits::batched != 0, input_count<traits>>;

    // Named inputs: their names and shapes (network_traits has them only then).
    static constexpr const std::string_view* input_names() noexcept {
        if constexpr (input_count<traits> == 0)
            return nullptr;
        else
            return traits::input_names.data();
    }
    static constexpr const shape* input_shapes() noexcept {
        if constexpr (input_count<traits> == 0)
            return nullptr;
        else
            return traits::input_shapes.data();
    }

    static constexpr structure_type graph{traits::template elements<structure_builder<structure_type>>(),
                                          input_names()};
    static constexpr analysis_type value{traits::input, traits::template elements<count_builder<analysis_type>>(),
                                         graph, input_shapes()};
};

// A network with taps needs the structure pass before its totals (which tensor each from<>
// reads), one with shared<...> its verdict on the names, and one with rois<...> its verdict on
// what crosses a block's boundary; one without any of them reads no name.
template<class Net>
struct graph_analyzed {
    using traits = network_traits<network_of<Net>>;
    using summary_type = summary_of<traits::taps, traits::shared_defs, traits::shared_entries, traits::batched != 0>;
    static constexpr auto elements = traits::template elements<count_builder<summary_type>>();
    static constexpr std::size_t parts = elements.size() / part_size + 1;

    static constexpr summary_type first() noexcept {
        summary_type s{.input = traits::input, .output = traits::input};
        if constexpr (traits::taps != 0 || traits::shares != 0 || traits::batched != 0 || input_count<traits> != 0) {
            constexpr const auto& graph = analyzed_layers<Net>::graph;
            s.fail = graph.graph_fail;
            if constexpr (traits::taps != 0 && input_count<traits> == 0) {
                for (std::size_t k = graph.first_tap[0]; k != tap_record::none; k = graph.taps[k].next)
                    s.tapped[k] = graph.taps[k].reads_input ? shape{} : traits::input; // the input is no max_pool
            } else if constexpr (traits::taps != 0) {
                // Input i is at position inputs - 1 - i (network_input - i + inputs wraps there).
                for (std::size_t i = 0; i != input_count<traits>; ++i)
                    for (std::size_t k = graph.first_tap[input_count<traits> - 1 - i]; k != tap_record::none;
                         k = graph.taps[k].next)
                        s.tapped[k] = graph.taps[k].reads_input ? shape{} : traits::input_shapes[i];
            }
        }
        return s;
    }

    template<std::size_t Part>
    static constexpr summary_type before() noexcept {
        if constexpr (Part == 0)
            return first();
        else
            return part<Part - 1>;
    }

    static constexpr const tap_record* taps() noexcept {
        if constexpr (traits::taps == 0)
            return nullptr;
        else
            return analyzed_layers<Net>::graph.taps.data();
    }
    // The totals pass reads entry i's first tap at [i + 1]: with several inputs, whose positions
    // come first (first() reads them), the array is read from its last input's position on.
    static constexpr const std::size_t* first_taps() noexcept {
        if constexpr (traits::taps == 0)
            return nullptr;
        else
            return analyzed_layers<Net>::graph.first_tap.data() + (input_positions<input_count<traits>> - 1);
    }

    template<std::size_t Part>
    static constexpr summary_type part = continue_summary(before<Part>(), elements.data() + Part * part_size,
                                                          Part + 1 == parts ? elements.size() - Part * part_size
                                                                            : part_size,
                                                          taps(), first_taps());

    static constexpr summary_type totals = part<parts - 1>;
};

// The plain attempt at the totals: the elements as written, counted as if no element were of a
// graph, up to the first that is. It reads no fact of the elements (network_traits reads them
// all: whether any is a from<>, a shared<>, ...), so a network that uses no graph pays for one
// pack expansion of its elements, the emitters', as before the graph existed: the facts' cost
// a 10,000-layer chain's totals 10 MB and 0.1 s on g++ 12 (164 against 154 MB).
template<class Network>
struct plain_network {
    static constexpr bool counted = false; // network_traits reports what is wrong
    static constexpr shape input{1, 1, 1};
    template<class Builder>
    static constexpr std::array<void (*)(Builder&) noexcept, 0> elements() noexcept {
        return {};
    }
};

template<class First, class... Elements>
struct plain_network<network<First, Elements...>> {
    // A network whose first input is named may have several (network_traits splits them off),
    // which only the graph's pass reads.
    static constexpr bool counted = [] {
        if constexpr (is_valid_input<First>)
            return First::given.empty();
        else
            return false;
    }();
    static constexpr shape input = [] {
        if constexpr (is_input<First>)
            return First::value;
        else
            return shape{1, 1, 1};
    }();
    template<class Builder>
    static constexpr auto elements() noexcept {
        if constexpr (counted)
            return emitters<Builder, Elements...>();
        else
            return std::array<void (*)(Builder&) noexcept, 0>{};
    }
};

template<class Net>
struct plain_analyzed {
    using net = plain_network<network_of<Net>>;
    static constexpr auto elements = net::template elements<count_builder<plain_summary>>();
    static constexpr std::size_t parts = elements.size() / part_size + 1;

    template<std::size_t Part>
    static constexpr plain_summary before() noexcept {
        if constexpr (Part == 0)
            return {.input = net::input, .output = net::input};
        else
            return part<Part - 1>;
    }

    template<std::size_t Part>
    static constexpr plain_summary
        part = continue_summary(before<Part>(), elements.data() + Part * part_size,
                                Part + 1 == parts ? elements.size() - Part * part_size : part_size, nullptr, nullptr);
};

// Whether the plain attempt's totals are the network's: it counted every element, or it
// stopped at an error and no element is of a graph (only then are the facts read: an invalid
// network's verdict is the graph pass's if it has a graph, as its errors come first).
template<class Net>
constexpr bool plain_totals_hold() noexcept {
    using plain = plain_analyzed<Net>;
    if constexpr (!plain::net::counted) {
        return false; // nothing of it is counted: its elements are not emitted
    } else {
        constexpr const plain_summary& s = plain::template part<plain::parts - 1>;
        if constexpr (s.graph_met) {
            return false;
        } else if constexpr (s.fail.code == error::none) {
            return true;
        } else {
            using traits = network_traits<network_of<Net>>;
            return traits::taps == 0 && traits::shares == 0 && traits::batched == 0;
        }
    }
}

template<class Net>
constexpr const auto& totals_of() noexcept {
    if constexpr (plain_totals_hold<Net>())
        return plain_analyzed<Net>::template part<plain_analyzed<Net>::parts - 1>;
    else
        return graph_analyzed<Net>::totals;
}

// analyzed<Net>::totals: the plain attempt's totals where they hold, else the graph pass's.
// outputs and taps: those of network_traits, read only for a network that has a graph.
template<class Net>
struct analyzed {
    static constexpr bool plain = plain_totals_hold<Net>();
    static constexpr const auto& totals = totals_of<Net>();

    static constexpr std::size_t outputs() noexcept {
        if constexpr (plain)
            return 0;
        else
            return network_traits<network_of<Net>>::outputs;
    }
    static constexpr std::size_t taps() noexcept {
        if constexpr (plain)
            return 0;
        else
            return network_traits<network_of<Net>>::taps;
    }
};

} // namespace netcount::detail

NETCOUNT_DIAGNOSTICS_POP

#endif
