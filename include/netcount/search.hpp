#ifndef NETCOUNT_SEARCH_HPP
#define NETCOUNT_SEARCH_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <type_traits>
#include <utility>

#include <netcount/budget.hpp>
#include <netcount/counts.hpp>
#include <netcount/detail/analysis.hpp>
#include <netcount/edit.hpp>
#include <netcount/error.hpp>
#include <netcount/fixed_string.hpp>
#include <netcount/network.hpp>
#include <netcount/scale.hpp>

// How big can it be? Searches by the compiler, each answer the largest that is valid and fits,
// or a compile error that says why it cannot be found:
//
//   fits<Net, Budget>                             true or false, never an error
//   widest<Net, "fc6", Budget>                    the most outputs fc6 may have
//   widest_scale<Net, Budget, 100>                the largest width multiplier k / 100
//   largest_input<Net, Budget, 32>                the largest square input side, a multiple of 32
//   largest_height<Net, Budget>, largest_width<Net, Budget>
//                                                 one side, the other kept (a 49 x 10 spectrogram)
//
// Each search looks for the largest candidate k in [1, last] (a width, a multiplier, a side
// over Step) that is valid and within budget, counting candidates as values, without any of
// netcount's compile errors (probe_budget): a candidate is invalid, fits, or is over budget
// (a candidate whose counts overflow 64 bits is over: it is too large to be counted, as every
// larger one). The searches assume one thing, which every layer kind of netcount keeps:
//
//   among VALID candidates, every figure a budget limits is non-decreasing in k,
//
// so that once a valid candidate is over budget, every larger valid one is too. Validity itself
// may change in any way: groups that must divide a width, an add or concat whose paths must
// agree (a U-Net valid only at multiples of 16), windows larger than a small input. So a
// candidate that fits proves nothing above it, one over budget rules out everything from it on,
// and an invalid one says nothing: the search then looks at the candidates after it, one by
// one, until one is valid (the search core below). The answer is proved: every candidate
// above it is invalid or over budget, each seen or implied by the assumption. When the candidates to
// look at one by one would exceed `search_probes`, the search stops with a compile error that
// names what it knows and a Step that every valid candidate it met is a multiple of.

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {
// A false that depends on values, for the static_assert of a rejection.
template<auto...>
inline constexpr bool never = false;
} // namespace detail

enum class search_kind : unsigned { widest, largest_input, widest_scale, largest_height, largest_width };

// nothing_fits<Search, Figure, PerLayer, Actual, Limit, Size>: instantiated when even the
// smallest valid candidate (the fewest filters or outputs, the smallest multiplier, side,
// height or width; every smaller one is invalid, each checked) is over budget, so that every
// candidate is. Actual is the figure at that Size (a layer's figure where PerLayer), Limit the
// budget's.
template<search_kind Search, budget_figure Figure, bool PerLayer, std::uint64_t Actual, std::uint64_t Limit,
         std::size_t Size>
struct nothing_fits {
    static_assert(Search != search_kind::widest || Size != 1,
                  "netcount: widest: the network is over budget even with 1 filter or output in that layer");
    static_assert(Search != search_kind::widest || Size == 1,
                  "netcount: widest: the network is over budget even with the fewest filters or outputs that are "
                  "valid in that layer");
    static_assert(Search != search_kind::largest_input,
                  "netcount: largest_input: the network is over budget even on the smallest input side that is "
                  "valid");
    static_assert(Search != search_kind::widest_scale,
                  "netcount: widest_scale: the network is over budget even at the smallest width multiplier that "
                  "is valid");
    static_assert(Search != search_kind::largest_height,
                  "netcount: largest_height: the network is over budget even at the smallest input height that is "
                  "valid");
    static_assert(Search != search_kind::largest_width,
                  "netcount: largest_width: the network is over budget even at the smallest input width that is "
                  "valid");
    static constexpr bool reported = true; // see verdict in error.hpp
};

// nothing_counts<Search, Size>: instantiated when every candidate is invalid or has a count
// over 64 bits; Size is the smallest that is not invalid (every smaller one is, each checked).
template<search_kind Search, std::size_t Size>
struct nothing_counts {
    static_assert(Search != search_kind::widest,
                  "netcount: widest: every width up to Max is invalid or has a count over 64 bits");
    static_assert(Search != search_kind::largest_input,
                  "netcount: largest_input: every input side up to Max is invalid or has a count over 64 bits");
    static_assert(Search != search_kind::widest_scale,
                  "netcount: widest_scale: every multiplier up to Den is invalid or has a count over 64 bits");
    static_assert(Search != search_kind::largest_height,
                  "netcount: largest_height: every input height up to Max is invalid or has a count over 64 bits");
    static_assert(Search != search_kind::largest_width,
                  "netcount: largest_width: every input width up to Max is invalid or has a count over 64 bits");
    static constexpr bool reported = true;
};

// candidates_too_sparse<Search, Fits, From, To, Multiple>: instantiated when valid candidates
// are too far apart for the search to settle [From, To] within search_probes candidates. Fits
// is the largest candidate found to fit (0: none); every valid candidate the search met is a
// multiple of Multiple (0: it met none), which as the Step (largest_input, largest_height,
// largest_width) leaves out candidates that cannot be valid.
template<search_kind Search, std::size_t Fits, std::size_t From, std::size_t To, std::size_t Multiple>
struct candidates_too_sparse {
    static_assert(Search != search_kind::widest,
                  "netcount: widest: valid widths are not contiguous and too far apart to check one by one");
    static_assert(Search != search_kind::largest_input,
                  "netcount: largest_input: valid sides are not contiguous and too far apart to check one by one; "
                  "pass Step = Multiple");
    static_assert(Search != search_kind::widest_scale,
                  "netcount: widest_scale: valid multipliers are not contiguous and too far apart to check one by "
                  "one");
    static_assert(Search != search_kind::largest_height,
                  "netcount: largest_height: valid heights are not contiguous and too far apart to check one by "
                  "one; pass Step = Multiple");
    static_assert(Search != search_kind::largest_width,
                  "netcount: largest_width: valid widths are not contiguous and too far apart to check one by one; "
                  "pass Step = Multiple");
    static constexpr bool reported = true;
};

// layer_without_width<Name...>: instantiated when widest names a layer resize cannot change.
template<char... Name>
struct layer_without_width {
    static_assert(detail::never<Name...>,
                  "netcount: widest searches the filters or outputs of a conv, transposed_conv, fc or linear layer, "
                  "and this name is another layer, a merge or an interpolation");
    static constexpr bool reported = true;
};

// search_range_rejected<Search, A, B>: a search's own arguments out of range: Max (widest),
// Step and Max (largest_input, largest_height, largest_width), Den and Divisor (widest_scale).
template<search_kind Search, std::size_t A, std::size_t B>
struct search_range_rejected {
    static_assert(Search != search_kind::widest,
                  "netcount: widest<Net, \"name\", Budget, Max> needs Max of at least 1");
    static_assert(Search != search_kind::largest_input,
                  "netcount: largest_input<Net, Budget, Step, Max> needs Step of at least 1 and Max of at least Step");
    static_assert(Search != search_kind::widest_scale,
                  "netcount: widest_scale<Net, Budget, Den, Divisor> needs Den and Divisor of at least 1");
    static_assert(Search != search_kind::largest_height,
                  "netcount: largest_height<Net, Budget, Step, Max> needs Step of at least 1 and Max of at least Step");
    static_assert(Search != search_kind::largest_width,
                  "netcount: largest_width<Net, Budget, Step, Max> needs Step of at least 1 and Max of at least Step");
    static constexpr bool reported = true;
};

// scale_arithmetic_overflows<Den, Divisor, Channels>: instantiated when scale_width's rounding
// (make_divisible, scale.hpp) of a count as large as Channels, the most any layer of the
// network has, overflows 64 bits at the multiplier Den / Den.
template<std::size_t Den, std::size_t Divisor, std::uint64_t Channels>
struct scale_arithmetic_overflows {
    static_assert(detail::never<Den, Divisor, Channels>,
                  "netcount: widest_scale: Den or Divisor is too large for scale_width's arithmetic on this "
                  "network (a product overflows 64 bits)");
    static constexpr bool reported = true;
};

namespace detail {

// ---------------------------------------------------------------------------------------
// What a search learns of one candidate, never a compile error.

// overflow: a count over 64 bits stopped the counting, so whether the network is otherwise
// valid is not known; it does not fit, and neither does any larger valid candidate.
enum class probe_result : unsigned char { invalid, fits, over, overflow };

// Where the budget limits the peak or a layer, within_budget also needs the memory schedule,
// whose sums may overflow where no single count does: such a valid network is over.
template<class Net, budget B>
constexpr probe_result probe_budget() noexcept {
    constexpr error code = analyzed<Net>::totals.fail.code;
    // A budget whose arena settings tflm_arena does not take is the budget's error, not a
    // candidate's: reported, never read as "does not fit".
    if constexpr (B.arena_bytes != budget::unlimited && !arena_budget_valid(B))
        (void)sizeof(report<invalid_arena_budget<B.arena_element_bytes, B.arena_scratch>>);
    if constexpr (code == error::count_overflow)
        return probe_result::overflow;
    else if constexpr (code != error::none)
        return probe_result::invalid;
    else if constexpr (budget_verdict<Net, B>().exceeded)
        return probe_result::over;
    else if constexpr (limits_layers(B))
        // In its own branch: the full pass (analyzed_layers) costs several times the totals.
        return schedule_of<Net, B.peak_schedule>().overflow ? probe_result::over : probe_result::fits;
    else
        return probe_result::fits;
}

// ---------------------------------------------------------------------------------------
// The search core, shared by every search: plain constexpr code over one state, which the
// templates below (searched) feed with one probe at a time. The candidates are 1 to last; the
// state keeps
//   lo   the largest candidate known to fit (0 while none is), and
//   top  the largest that may still fit: every candidate above it is known not to,
// and ends when lo == top. A probe of k settles:
//   fits:    lo = k (k is always above lo);
//   over:    top = k - 1 (every valid candidate from k on is over, by the assumption); so
//            does an overflow (every valid candidate from k on overflows too);
//   invalid: nothing by itself. The candidates after k are then probed one by one (a scan)
//            until one is valid: if it fits, lo = it; if it is over, or every one up to top is
//            invalid, top = k - 1.
// The probes: last (the whole range may fit), the seed (the network as given, valid), 1 (if it
// is over, nothing fits), then the middle of (lo, top], moved up to the lattice of the valid candidates met: the first one plus
// multiples of the gcd of their distances, halved until a point of it lies between the middle
// and top. Where validity is periodic (multiples of 16) the middle is then valid, and a search
// costs about the bisection's probes plus one period, the candidates that end it; where it is
// not, the scans cost what they cost, and the answer is the same.
//
// Searches never recurse over layers; `searched` recurses once per probe, at most
// search_probes deep: the search then stops unsettled (candidates_too_sparse). 256 covers a
// bisection over 2^64 candidates, the invalid sides below a network's smallest valid one
// (AlexNet's 66) and periods up to 48 on top of that (tests/runtime/search.cpp).

inline constexpr std::size_t search_probes = 256;

enum class search_step : unsigned char { last, seed, first, middle, scan, done };

struct search_state {
    std::size_t last = 0;          // the candidates are 1 to last
    std::size_t seed = 0;          // a candidate known to be valid (the network as given), or 0
    std::size_t lo = 0;            // the largest candidate known to fit; 0 while none is known
    std::size_t top = 0;           // every candidate above top is known not to fit
    std::size_t next = 0;          // the candidate of the next probe
    std::size_t scan_from = 0;     // scan: every candidate in [scan_from, next) is invalid
    std::size_t first_valid = 0;   // the first valid candidate met (fits or over); 0 while none is
    std::size_t spacing = 0;       // the gcd of the distances of the valid candidates met from it
    std::size_t multiple = 0;      // the gcd of the valid candidates met
    std::size_t smallest_over = 0; // the smallest candidate met that is over or overflows; 0 if none
    std::size_t probes = 0;
    search_step step = search_step::last;
};

constexpr search_state begin_search(std::size_t last, std::size_t seed) noexcept {
    return {.last = last, .seed = seed < last ? seed : 0, .top = last, .next = last, .step = search_step::last};
}

// The middle of (lo, top], moved up to the first point at or above it of the lattice of the
// valid candidates met, with the spacing halved until that point is at most top.
constexpr std::size_t search_middle(const search_state& s) noexcept {
    const std::size_t m = s.lo + (s.top - s.lo) / 2 + 1;
    for (std::size_t step = s.spacing; step > 1; step /= 2) {
        const std::size_t want = s.first_valid % step, have = m % step;
        const std::size_t ahead = want >= have ? want - have : step - (have - want);
        if (ahead <= s.top - m) return m + ahead;
    }
    return m;
}

// The state after the probe of s.next found r.
constexpr search_state advance(search_state s, probe_result r) noexcept {
    const std::size_t k = s.next;
    const bool scan = s.step == search_step::scan;
    ++s.probes;
    if (r == probe_result::fits || r == probe_result::over) {
        if (s.first_valid == 0) s.first_valid = k;
        s.spacing = std::gcd(s.spacing, k > s.first_valid ? k - s.first_valid : s.first_valid - k);
        s.multiple = std::gcd(s.multiple, k);
    }
    const bool over = r == probe_result::over || r == probe_result::overflow;
    if (over && (s.smallest_over == 0 || k < s.smallest_over)) s.smallest_over = k;
    bool scanning = false;
    if (r == probe_result::fits) {
        s.lo = k;
    } else if (over || k == s.top) { // over, or invalid up to top
        s.top = (scan ? s.scan_from : k) - 1;
    } else if (scan || s.step == search_step::middle) { // one by one after an invalid middle
        s.scan_from = scan ? s.scan_from : k;
        s.next = k + 1;
        s.step = search_step::scan;
        scanning = true;
    } // else the probe of the seed or of 1, invalid: the next step comes
    if (s.lo == s.top || s.probes >= search_probes) {
        s.step = search_step::done;
    } else if (!scanning) {
        // After last, the seed if it may still fit; then 1 while nothing is known to fit.
        const bool seed = s.step == search_step::last && s.lo < s.seed && s.seed <= s.top;
        const bool first = !seed && s.step < search_step::first && s.lo == 0 && s.seed != 1;
        s.next = seed ? s.seed : first ? 1 : search_middle(s);
        s.step = seed ? search_step::seed : first ? search_step::first : search_step::middle;
    }
    return s;
}

// How a search ended.
constexpr bool search_found(const search_state& s) noexcept { return s.lo == s.top && s.lo != 0; }
constexpr bool search_found_none(const search_state& s) noexcept { return s.lo == s.top && s.lo == 0; }

// ---------------------------------------------------------------------------------------
// The searches: each is a Space, data only, that says what its candidate k is
//   static constexpr search_kind kind;
//   static constexpr budget limits;
//   static constexpr std::size_t last, unit;   // candidates 1 to last, each unit large
//   static constexpr std::size_t seed;         // the candidate that is the network as given, or 0
//   template<std::size_t K> using at = ...;     // the network of candidate K

template<class Space, std::size_t K>
inline constexpr probe_result probe_of = probe_budget<typename Space::template at<K>, Space::limits>();

// searched<Space, S>: the state at the end of the search from S. One variable per probe, each
// its own constant evaluation (so the chain costs no constexpr call depth), instantiated one
// inside the other: at most search_probes deep.
template<class Space, search_state S>
constexpr search_state search_from() noexcept;

template<class Space, search_state S>
inline constexpr search_state searched = search_from<Space, S>();

template<class Space, search_state S>
constexpr search_state search_from() noexcept {
    if constexpr (S.step == search_step::done)
        return S;
    else
        return searched<Space, advance(S, probe_of<Space, S.next>)>;
}

template<class Space, std::size_t K>
constexpr void report_nothing_fits() noexcept {
    using candidate = typename Space::template at<K>;
    constexpr std::size_t size = K * Space::unit;
    if constexpr (analyzed<candidate>::totals.fail.code != error::none ||
                  !budget_verdict<candidate, Space::limits>().exceeded) {
        (void)sizeof(report<nothing_counts<Space::kind, size>>);
    } else {
        constexpr budget_check c = budget_verdict<candidate, Space::limits>();
        (void)sizeof(report<nothing_fits<Space::kind, c.figure, c.per_layer, c.actual, c.limit, size>>);
    }
}

// The answer in the Space's units, or one compile error that says why there is none.
template<class Space>
constexpr std::size_t search() noexcept {
    constexpr search_state s = searched<Space, begin_search(Space::last, Space::seed)>;
    if constexpr (search_found(s)) {
        return s.lo * Space::unit;
    } else if constexpr (s.lo == 0 && s.smallest_over == 0) {
        // Every candidate met is invalid: the error of the largest, the network's own.
        (void)checked<typename Space::template at<Space::last>>();
        return 0;
    } else if constexpr (search_found_none(s)) {
        report_nothing_fits<Space, s.smallest_over>();
        return 0;
    } else {
        (void)sizeof(report<candidates_too_sparse<Space::kind, s.lo * Space::unit, (s.lo + 1) * Space::unit,
                                                  s.top * Space::unit, s.multiple * Space::unit>>);
        return 0;
    }
}

// A network<input<...>, ...> with an input that counts (its first; the others are checked<Net>'s,
// with its layers): what the searches edit. Anything
// else is checked<Net>'s error.
template<class Net>
inline constexpr bool searchable = false;
template<std::size_t H, std::size_t W, std::size_t C, class... Options, class... Elements>
inline constexpr bool searchable<network<input<H, W, C, Options...>, Elements...>> = H != 0 && W != 0 && C != 0;

template<class Net>
constexpr bool valid_network() noexcept {
    (void)checked<Net>(); // the network's own error, if any
    if constexpr (searchable<network_of<Net>>)
        return checked<Net>().fail.code == error::none;
    else
        return false;
}

// widest: candidate N is the network with the layer at entry Index resized to N.
template<std::size_t Index, std::size_t N>
struct resize_entry {
    static constexpr bool enters(std::size_t first, std::size_t count) noexcept {
        return first <= Index && Index < first + count;
    }
    static constexpr bool targets(std::size_t) noexcept { return false; } // merges are checked before
    template<class Layer, std::size_t At>
    using apply = std::conditional_t<At == Index, typename resized<Layer, N>::type, Layer>;
};

template<class Net, std::size_t Index, std::size_t N>
using resized_entry = typename edit_network<network_of<Net>, resize_entry<Index, N>>::type;

template<class Net, std::size_t Index, budget B, std::size_t Max>
struct widest_space {
    static constexpr search_kind kind = search_kind::widest;
    static constexpr budget limits = B;
    static constexpr std::size_t last = Max, unit = 1,
                                 seed = layers<Net>[Index].output.channels; // its width
    template<std::size_t K>
    using at = resized_entry<Net, Index, K>;
};

template<fixed_string Name, std::size_t... I>
constexpr void report_layer_without_width(std::index_sequence<I...>) noexcept {
    (void)sizeof(report<layer_without_width<Name.chars[I]...>>);
}

// The name is checked first, once: unknown or repeated (layer<Net, "name">'s error), or a layer
// resize cannot change (a resize to 1 and to 2 then give the same network). Every candidate
// of the search is then a valid edit, so that one mistake makes one error.
template<class Net, fixed_string Name, budget B, std::size_t Max>
constexpr std::size_t widest() noexcept {
    if constexpr (Max == 0) {
        (void)sizeof(report<search_range_rejected<search_kind::widest, Max, 0>>);
        return 0;
    } else if constexpr (!valid_network<Net>()) {
        return 0;
    } else {
        constexpr name_match m = find_name(layers<Net>, Name.view());
        if constexpr (m.matches != 1) {
            report_layer_name<Name, m.matches>(std::make_index_sequence<Name.size()>{});
            return 0;
        } else if constexpr (std::is_same_v<resized_entry<Net, m.index, 1>, resized_entry<Net, m.index, 2>>) {
            report_layer_without_width<Name>(std::make_index_sequence<Name.size()>{});
            return 0;
        } else {
            return search<widest_space<Net, m.index, B, Max>>();
        }
    }
}

// widest_scale: candidate k is scale_width<Net, k, Den, Divisor>.
template<class Net, budget B, std::size_t Den, std::size_t Divisor>
struct scale_space {
    static constexpr search_kind kind = search_kind::widest_scale;
    static constexpr budget limits = B;
    static constexpr std::size_t last = Den, unit = 1, seed = 0;
    template<std::size_t K>
    using at = scale_width<Net, K, Den, Divisor>;
};

// The most channels any entry of Net outputs: at least the count of every layer scale_width
// scales (a conv's filters, an fc's outputs, a squeeze_excitation's fc1 and fc2).
template<class Net>
constexpr std::uint64_t most_channels() noexcept {
    std::uint64_t most = 0;
    for (const layer_info& l : layers<Net>)
        if (l.output.channels > most) most = l.output.channels;
    return most;
}

// Whether scale_width knows how to scale a layer: scaled_width's own template says so (after
// its error, once per layer kind, if it does not); a specialisation of one's own does.
template<class Layer>
constexpr bool width_known() noexcept {
    if constexpr (requires { scaled_width<Layer, 1, 1, 1>::width_known; })
        return scaled_width<Layer, 1, 1, 1>::width_known;
    else
        return true;
}

// scale_width's edit with every layer it would scale whose width it does not know replaced by
// void: the network itself when it knows them all.
template<class Net>
struct widths_known {
    static constexpr bool enters(std::size_t, std::size_t) noexcept { return true; }
    static constexpr bool targets(std::size_t) noexcept { return false; }
    template<class Layer, std::size_t Index>
    using apply = std::conditional_t<kept_width<Net>[Index] || width_known<Layer>(), Layer, void>;
};

template<class Net, budget B, std::size_t Den, std::size_t Divisor>
constexpr std::size_t widest_scale() noexcept {
    if constexpr (Den == 0 || Divisor == 0) {
        (void)sizeof(report<search_range_rejected<search_kind::widest_scale, Den, Divisor>>);
        return 0;
    } else if constexpr (!valid_network<Net>()) {
        return 0;
    } else if constexpr (!std::is_same_v<typename edit_network<network_of<Net>, widths_known<Net>>::type,
                                         network_of<Net>>) {
        return 0; // scale_width's error for that layer, once, and no candidate
    } else if constexpr (make_divisible(most_channels<Net>(), Den, Den, Divisor).overflow) {
        // Checked once here, at the largest multiplier, where every product is largest, so that
        // no candidate meets scale_width's own error.
        (void)sizeof(report<scale_arithmetic_overflows<Den, Divisor, most_channels<Net>()>>);
        return 0;
    } else {
        return search<scale_space<Net, B, Den, Divisor>>();
    }
}

// largest_input, largest_height, largest_width: candidate k has an input of k * Step along the
// axes searched, the network's own along the other.
template<class Net, budget B, search_kind Kind, std::size_t Step, std::size_t Max>
struct input_space {
    static constexpr search_kind kind = Kind;
    static constexpr budget limits = B;
    static constexpr std::size_t last = Max / Step, unit = Step;
    static constexpr shape own = input_shape<Net>;
    static constexpr std::uint64_t side = Kind == search_kind::largest_width ? own.width : own.height;
    static constexpr std::size_t seed =
        (Kind != search_kind::largest_input || own.height == own.width) && side % Step == 0 ? side / Step : 0;
    template<std::size_t K>
    using at = with_input<Net, Kind == search_kind::largest_width ? own.height : K * Step,
                          Kind == search_kind::largest_height ? own.width : K * Step>;
};

// Instantiated for largest_input, largest_height or largest_width of a network of several
// inputs: which inputs the side is of would be a guess.
template<class Net>
struct input_search_of_several_inputs {
    static_assert(always_false<Net>, "netcount: largest_input, largest_height and largest_width search the input of "
                                     "a network of one; this one has several: search with_inputs<Net, shape{...}...> "
                                     "of your own (fits<Net, Budget>)");
    static constexpr bool reported = true; // see verdict in error.hpp
};

template<class Net, budget B, search_kind Kind, std::size_t Step, std::size_t Max>
constexpr std::size_t largest_input() noexcept {
    if constexpr (Step == 0 || Max < Step) {
        (void)sizeof(report<search_range_rejected<Kind, Step, Max>>);
        return 0;
    } else if constexpr (!valid_network<Net>()) {
        return 0;
    } else if constexpr (input_shapes<Net>.size() != 1) {
        (void)sizeof(report<input_search_of_several_inputs<Net>>);
        return 0;
    } else {
        return search<input_space<Net, B, Kind, Step, Max>>();
    }
}

} // namespace detail

// fits<Net, Budget>: true if Net is a valid network within every limit of Budget, false
// otherwise: never a compile error for a network (an invalid one, or one whose counts overflow
// 64 bits, does not fit), so that it can steer `if constexpr`, a `requires` or a search of one's
// own. within_budget<Net, Budget> is the check that fails with the numbers.
template<class Net, budget B>
inline constexpr bool fits = detail::probe_budget<Net, B>() == detail::probe_result::fits;

// widest<Net, "name", Budget, Max = 65536>: the largest filter or output count N in [1, Max]
// for which resize<Net, "name", N> is valid and within Budget (a conv, transposed_conv, fc or
// linear layer). A compile error when the name is unknown, repeated or not such a layer, when
// even the fewest filters or outputs that are valid are over budget (with the figure), or when
// valid counts are too far apart to search.
template<class Net, fixed_string Name, budget B, std::size_t Max = 65536>
inline constexpr std::size_t widest = detail::widest<Net, Name, B, Max>();

// widest_scale<Net, Budget, Den, Divisor = 1>: the largest k in [1, Den] for which
// scale_width<Net, k, Den, Divisor> is valid and within Budget: the widest width multiplier
// k / Den.
template<class Net, budget B, std::size_t Den, std::size_t Divisor = 1>
inline constexpr std::size_t widest_scale = detail::widest_scale<Net, B, Den, Divisor>();

// largest_input<Net, Budget, Step = 1, Max = 4096>: the largest square side S, a multiple of
// Step and at most Max, for which with_input<Net, S, S> is valid and within Budget. A compile
// error with the figure when even the smallest valid side is over budget; the network's own
// error when no side the search met is valid.
template<class Net, budget B, std::size_t Step = 1, std::size_t Max = 4096>
inline constexpr std::size_t largest_input = detail::largest_input<Net, B, search_kind::largest_input, Step, Max>();

// largest_height<Net, Budget, Step = 1, Max = 4096>: the same for the height H of
// with_input<Net, H, W>, W the network's own input width; largest_width<...> for the width,
// the height kept.
template<class Net, budget B, std::size_t Step = 1, std::size_t Max = 4096>
inline constexpr std::size_t largest_height = detail::largest_input<Net, B, search_kind::largest_height, Step, Max>();

template<class Net, budget B, std::size_t Step = 1, std::size_t Max = 4096>
inline constexpr std::size_t largest_width = detail::largest_input<Net, B, search_kind::largest_width, Step, Max>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
