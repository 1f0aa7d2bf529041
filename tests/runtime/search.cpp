// The search core of <netcount/search.hpp> (detail::advance), run at run time against a brute
// force: every search of netcount (widest, widest_scale, largest_input, largest_height,
// largest_width) is this one function fed with what each candidate is (invalid, fits, over).
// Here the candidates are patterns, not networks: every pattern of up to 9 candidates that keeps
// the searches' one assumption (among valid candidates, none fits after one is over), each with
// every seed, and periodic patterns (valid at r mod P from k0 on, as groups and U-Nets make
// them) over ranges up to 2^40 and 2^64 - 1, whose answer is worked out by formula. The
// networks themselves are checked against a scan of fits<...> in tests/static/search_brute.cpp.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include <netcount/search.hpp>

#include "catch.hpp"

namespace {

namespace d = netcount::detail;
using d::probe_result;

// The whole search, as searched<Space, S> runs it at compile time.
template<class Probe>
d::search_state run(std::size_t last, std::size_t seed, Probe probe) {
    d::search_state s = d::begin_search(last, seed);
    while (s.step != d::search_step::done) s = d::advance(s, probe(s.next));
    return s;
}

// What a scan of every candidate says: the largest that fits, and the smallest that is valid.
struct truth {
    std::size_t largest_fit = 0;
    std::size_t smallest_valid = 0;
    bool smallest_valid_is_over = false;
};

truth scan(const std::vector<probe_result>& pattern) {
    truth t{};
    for (std::size_t k = 1; k < pattern.size(); ++k) {
        if (pattern[k] == probe_result::fits) t.largest_fit = k;
        if (pattern[k] != probe_result::invalid && t.smallest_valid == 0) {
            t.smallest_valid = k;
            t.smallest_valid_is_over = pattern[k] == probe_result::over;
        }
    }
    return t;
}

// An ending is right if it is the brute force's answer, or nothing fits and the smallest valid
// candidate (if any) is the one the error names; an unsettled search is counted apart.
bool right(const d::search_state& s, const truth& t) {
    if (d::search_found(s)) return s.lo == t.largest_fit;
    if (d::search_found_none(s))
        return t.largest_fit == 0 &&
               (s.first_valid == 0 ? t.smallest_valid == 0
                                   : s.smallest_over == t.smallest_valid && t.smallest_valid_is_over);
    return false;
}

} // namespace

TEST_CASE("search core: every pattern of up to 9 candidates, every seed") {
    std::size_t patterns = 0, wrong = 0, unsettled = 0, most_probes = 0;
    for (std::size_t n = 1; n <= 9; ++n) {
        std::size_t count = 1;
        for (std::size_t i = 0; i != n; ++i) count *= 3;
        for (std::size_t code = 0; code != count; ++code) {
            std::vector<probe_result> pattern(n + 1, probe_result::invalid);
            bool over_seen = false, kept = true;
            for (std::size_t k = 1, c = code; k <= n; ++k, c /= 3) {
                pattern[k] = static_cast<probe_result>(c % 3);
                over_seen = over_seen || pattern[k] == probe_result::over;
                kept = kept && !(over_seen && pattern[k] == probe_result::fits);
            }
            if (!kept) continue; // breaks the assumption: checked below for termination only
            const truth t = scan(pattern);
            for (std::size_t seed = 0; seed <= n; ++seed) {
                if (seed != 0 && pattern[seed] == probe_result::invalid) continue; // a seed is valid
                const d::search_state s = run(n, seed, [&](std::size_t k) { return pattern[k]; });
                ++patterns;
                if (!d::search_found(s) && !d::search_found_none(s))
                    ++unsettled;
                else if (!right(s, t))
                    ++wrong;
                if (s.probes > most_probes) most_probes = s.probes;
            }
        }
    }
    // 3^1 + ... + 3^9 patterns, less those with a fit after an over; each with its seeds.
    CHECK(patterns > 20'000);
    CHECK(wrong == 0);
    CHECK(unsettled == 0);
    CHECK(most_probes <= 11); // never more than n + 2: each candidate once, last and 1 again
}

TEST_CASE("search core: patterns that break the assumption still end") {
    // Fits after over: the answer may be wrong (the assumption is the contract), but the search
    // ends within search_probes, with lo <= top, and what it calls the answer fits.
    for (std::size_t n = 1; n <= 7; ++n) {
        std::size_t count = 1;
        for (std::size_t i = 0; i != n; ++i) count *= 3;
        for (std::size_t code = 0; code != count; ++code) {
            std::vector<probe_result> pattern(n + 1, probe_result::invalid);
            for (std::size_t k = 1, c = code; k <= n; ++k, c /= 3) pattern[k] = static_cast<probe_result>(c % 3);
            const d::search_state s = run(n, 0, [&](std::size_t k) { return pattern[k]; });
            REQUIRE(s.probes <= d::search_probes);
            REQUIRE(s.lo <= s.top);
            if (d::search_found(s)) REQUIRE(pattern[s.lo] == probe_result::fits);
        }
    }
}

namespace {

// Valid at the candidates k >= k0 with k % period == rest; those up to `fit` fit.
struct periodic {
    std::size_t period, rest, k0, fit;
    probe_result operator()(std::size_t k) const {
        if (k < k0 || k % period != rest) return probe_result::invalid;
        return k <= fit ? probe_result::fits : probe_result::over;
    }
    // The largest valid candidate at most min(fit, last), by formula; 0 if none.
    std::size_t answer(std::size_t last) const {
        const std::size_t high = fit < last ? fit : last;
        if (high < k0 || high < rest) return 0;
        const std::size_t k = high - (high - rest) % period;
        return k >= k0 && k >= 1 ? k : 0;
    }
    std::size_t smallest_valid(std::size_t last) const {
        const std::size_t from = k0 > 1 ? k0 : 1;
        const std::size_t k = from + (rest + period - from % period) % period;
        return k <= last && k >= from ? k : 0;
    }
};

} // namespace

TEST_CASE("search core: periodic validity over ranges up to 2^64 - 1") {
    constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
    std::uint64_t random = 20240811; // a fixed linear congruential sequence (Knuth's MMIX constants)
    auto draw = [&random](std::uint64_t below) {
        random = random * 6364136223846793005u + 1442695040888963407u;
        return static_cast<std::size_t>((random >> 11) % below);
    };
    std::size_t runs = 0, wrong = 0, unsettled = 0;
    for (const std::size_t last : {std::size_t{100}, std::size_t{4096}, std::size_t{65536}, std::size_t{1} << 40, max})
        for (const std::size_t period : {1u, 2u, 3u, 4u, 16u, 32u, 48u})
            for (int i = 0; i != 300; ++i) {
                const std::size_t rest = draw(period), k0 = draw(3) == 0 ? 1 : draw(70);
                // The fitting candidates end near the bottom, anywhere, or past the range.
                const std::size_t fit = draw(3) == 0 ? draw(300) : draw(2) == 0 ? draw(last) : max;
                const periodic p{period, rest, k0, fit};
                const std::size_t seed = draw(2) == 0 ? p.smallest_valid(last) : 0;
                const d::search_state s = run(last, seed, p);
                ++runs;
                REQUIRE(s.probes <= d::search_probes);
                if (!d::search_found(s) && !d::search_found_none(s)) {
                    ++unsettled;
                    continue;
                }
                const std::size_t expected = p.answer(last);
                const std::size_t valid = p.smallest_valid(last);
                if (d::search_found(s) ? s.lo != expected : expected != 0 || s.smallest_over != valid) ++wrong;
            }
    CHECK(runs == 5 * 7 * 300);
    CHECK(wrong == 0);
    // Periods up to 48 and invalid sides up to 70 below the smallest valid one fit in
    // search_probes: a bisection, a scan of the invalid sides and about two periods.
    CHECK(unsettled == 0);
}

TEST_CASE("search core: contiguous validity costs a bisection") {
    // Every candidate valid, those up to `fit` fitting: last, 1, then about log2(last) middles.
    for (const std::size_t fit : {std::size_t{1}, std::size_t{122}, (std::size_t{1} << 39) + 12345})
        for (const std::size_t last : {std::size_t{1} << 40, std::numeric_limits<std::size_t>::max()}) {
            const d::search_state s = run(last, 0, periodic{1, 0, 1, fit});
            REQUIRE(d::search_found(s));
            CHECK(s.lo == fit);
            // A bisection of n candidates probes at most floor(log2(n)) + 1 of them.
            CHECK(s.probes <= 2 + (last == (std::size_t{1} << 40) ? 41 : 65));
        }
    // Nothing fits: over from 1 on, settled by the probe of 1.
    const d::search_state none = run(std::size_t{1} << 40, 0, periodic{1, 0, 1, 0});
    CHECK(d::search_found_none(none));
    CHECK(none.smallest_over == 1);
    CHECK(none.probes == 2);
}

TEST_CASE("search core: valid candidates too far apart end unsettled, with the multiple") {
    // Valid only at multiples of 256 (a U-Net of eight stride-2 levels searched at Step = 1), the
    // first 1,000 fitting: the candidates between the answer and the next valid one (255 of
    // them) cannot all be checked within search_probes. Every valid candidate met is a
    // multiple of 256, which the error suggests as the Step.
    const d::search_state s = run(4096, 0, periodic{256, 0, 1, 1000});
    CHECK(s.probes == d::search_probes);
    CHECK(!d::search_found(s));
    CHECK(!d::search_found_none(s));
    CHECK(s.lo == 768); // the largest multiple of 256 up to 1,000, found; not proved the largest
    CHECK(s.multiple == 256);
    // At Step = 256 the same search is 16 contiguous candidates: 1,000 / 256 = 3.
    const d::search_state stepped = run(16, 0, periodic{1, 0, 1, 3});
    CHECK(d::search_found(stepped));
    CHECK(stepped.lo == 3);
}
