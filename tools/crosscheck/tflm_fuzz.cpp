// Random buffer lists through netcount's greedy_plan, printed for tflm_planner.py --compare,
// which plans them by the rules of docs/deploy.md (written from that statement, not from this
// code) and must give every offset and the head. Lists of 40 and of 200 buffers; steps below
// the list's length (netcount's bucketed walk) and beyond it (the walk of every placed buffer);
// lifetimes mostly short, some long; sizes from few values, so that equal sizes tie often.
//   tflm_fuzz SEED CASES
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>

#include <netcount/netcount.hpp>

namespace {

template<std::size_t N>
void one_case(std::mt19937_64& rng, int c) {
    std::array<netcount::arena_buffer, N> b{};
    const std::uint64_t steps = 1 + rng() % (c % 2 != 0 ? 2 * N : N / 2);
    for (netcount::arena_buffer& x : b) {
        const std::uint64_t first = rng() % steps;
        const std::uint64_t length = rng() % 5 == 0 ? rng() % N : rng() % 3;
        x.bytes = 16 * (1 + rng() % (c % 3 != 0 ? 4 : 30));
        x.first_step = first;
        x.last_step = first + length;
    }
    const auto r = netcount::greedy_plan(b);
    std::printf("case");
    for (const netcount::arena_buffer& x : r.buffers)
        std::printf(" %llu,%zu,%zu,%llu", static_cast<unsigned long long>(x.bytes), x.first_step, x.last_step,
                    static_cast<unsigned long long>(x.offset));
    std::printf(" head %llu\n", static_cast<unsigned long long>(r.head_bytes));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    std::mt19937_64 rng(std::strtoull(argv[1], nullptr, 10));
    const int cases = std::atoi(argv[2]);
    for (int c = 0; c < cases; ++c) {
        if (c % 10 == 9)
            one_case<200>(rng, c);
        else
            one_case<40>(rng, c);
    }
}
