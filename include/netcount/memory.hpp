#ifndef NETCOUNT_MEMORY_HPP
#define NETCOUNT_MEMORY_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <cstddef>
#include <cstdint>
#include <span>

#include <netcount/counts.hpp>
#include <netcount/detail/checked.hpp>
#include <netcount/peak.hpp>

// memory<Net, Element, Batch>: the bytes a network's numbers take when each is an Element.
//   static_assert(netcount::memory<my_net, float>.parameter_bytes <= 100'000'000);
//   constexpr auto m = netcount::memory<my_net, std::uint16_t, 32>; // half precision, batch 32

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

struct memory_use {
    std::uint64_t parameter_bytes = 0;       // every trainable number, once, whatever the batch
    std::uint64_t input_bytes = 0;           // the batch of inputs (of every input of a network of several)
    std::uint64_t activation_bytes = 0;      // every layer's output for the batch, summed; the input
                                             // is not included (it is input_bytes)
    std::uint64_t peak_activation_bytes = 0; // the most alive at once in one inference run of
                                             // the batch, input included: peak_activations<Net>

    friend constexpr bool operator==(const memory_use&, const memory_use&) = default;
};

namespace detail {

struct memory_result {
    memory_use use{};
    bool overflow = false;
};

// `in`: every input's shape (one for a network of one input).
constexpr memory_result memory_of(const counts& total, std::span<const shape> in, std::uint64_t peak,
                                  std::uint64_t element_bytes, std::uint64_t batch) noexcept {
    bool overflow = false;
    const std::uint64_t per_batch = mul(element_bytes, batch, overflow);
    std::uint64_t input_elements = 0;
    for (const shape& s : in)
        input_elements = add(input_elements, mul(mul(s.height, s.width, overflow), s.channels, overflow), overflow);
    const memory_use use{.parameter_bytes = mul(total.parameters, element_bytes, overflow),
                         .input_bytes = mul(input_elements, per_batch, overflow),
                         .activation_bytes = mul(total.activations, per_batch, overflow),
                         .peak_activation_bytes = mul(peak, per_batch, overflow)};
    return {use, overflow};
}

// A network of one input (tools/limits calls this form).
constexpr memory_result memory_of(const counts& total, const shape& in, std::uint64_t peak, std::uint64_t element_bytes,
                                  std::uint64_t batch) noexcept {
    return memory_of(total, std::span<const shape>(&in, 1), peak, element_bytes, batch);
}

template<class Net, std::size_t ElementBytes, std::size_t Batch, schedule Rules>
constexpr memory_use checked_memory() noexcept {
    static_assert(Batch > 0, "netcount: memory<Net, Element, Batch> needs a batch of at least 1");
    constexpr memory_result r =
        memory_of(totals<Net>, input_shapes<Net>, peak_activations<Net, Rules>, ElementBytes, Batch);
    static_assert(!r.overflow, "netcount: a count overflows 64 bits");
    return r.use;
}

} // namespace detail

// memory<Net, Element, Batch = 1>: parameter, input and activation bytes when every number is
// an Element (float, double, std::uint16_t for half precision, ...). Activations are the
// outputs of every entry of layers<Net>: layers with and without weights (a relu's output
// counts, as if nothing ran in place) and merges; this is what a training framework keeps
// for the backward pass at most. peak_activation_bytes is the peak of an inference run, each
// of the Batch inputs under the schedule of peak_activations<Net, Rules> (the default rules
// unless given: memory<Net, std::int8_t, 1, schedule{.in_place_depthwise = true}>).
template<class Net, class Element, std::size_t Batch = 1, schedule Rules = schedule()>
inline constexpr memory_use memory = detail::checked_memory<Net, sizeof(Element), Batch, Rules>();

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
