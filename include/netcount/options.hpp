#ifndef NETCOUNT_OPTIONS_HPP
#define NETCOUNT_OPTIONS_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

#include <netcount/error.hpp>
#include <netcount/fixed_string.hpp>

// Options of the windowed layers, written as types in any order:
//   conv<64, kernel<3>, stride<2>, same, groups<4>, no_bias, name<"conv1">>

NETCOUNT_DIAGNOSTICS_PUSH
namespace netcount {

namespace detail {

enum class option_kind : unsigned {
    kernel,
    stride,
    padding,
    dilation,
    groups,
    bias,
    name,
    ceil_mode,
    multiplier,
    output_padding
};

enum class padding_mode : unsigned char { valid, same, explicit_ };

// The options of one layer, gathered from its option types. `given` records which kinds of
// option appeared, so that a layer can apply its own defaults and notice repeats.
struct layer_options {
    unsigned given = 0;
    bool repeated = false;
    bool refused = false; // an option the layer does not take (left out; option_not_taken says so)
    std::uint64_t kernel_h = 0, kernel_w = 0;
    std::uint64_t stride_h = 1, stride_w = 1;
    padding_mode padding = padding_mode::valid;
    std::uint64_t pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
    std::uint64_t dilation_h = 1, dilation_w = 1;
    std::uint64_t groups = 1;
    bool bias = true;
    bool ceil_mode = false;
    std::uint64_t multiplier = 1;
    std::uint64_t output_pad_h = 0, output_pad_w = 0;
    std::string_view name{};

    constexpr void mark(option_kind kind) noexcept {
        const unsigned bit = 1u << static_cast<unsigned>(kind);
        repeated = repeated || (given & bit) != 0;
        given |= bit;
    }
    constexpr bool has(option_kind kind) const noexcept { return (given & (1u << static_cast<unsigned>(kind))) != 0; }
};

template<class T>
concept option = requires(layer_options& o) {
    { T::kind } -> std::convertible_to<option_kind>;
    T::apply(o);
};

// The mask of option kinds a layer accepts.
constexpr unsigned options_mask(std::initializer_list<option_kind> kinds) noexcept {
    unsigned mask = 0;
    for (auto k : kinds) mask |= 1u << static_cast<unsigned>(k);
    return mask;
}

template<unsigned Accepted, class T>
constexpr bool accepts_option() noexcept {
    if constexpr (option<T>)
        return (Accepted & (1u << static_cast<unsigned>(T::kind))) != 0;
    else
        return false;
}

template<unsigned Accepted, class T>
constexpr void apply_option(layer_options& o) noexcept {
    if constexpr (accepts_option<Accepted, T>())
        T::apply(o);
    else
        o.refused = true;
}

// Folds a layer's option types into one layer_options value; a pack of a few options, so a
// fold is fine here (the layer list itself is never folded). An option the layer does not take
// is left out, after option_not_taken has said so, so that the layer still counts and nothing
// after the error fails too (max_pool<kernel<3>, groups<2>> does not also lack its kernel).
template<unsigned Accepted, class... Options>
constexpr layer_options gather_options() noexcept {
    layer_options o{};
    (apply_option<Accepted, Options>(o), ...);
    return o;
}

} // namespace detail

// option_not_taken<Layer, Option>: instantiated when a layer is given an option it does not
// take, or a type that is no option at all; the template arguments name both:
//     max_pool<kernel<3>, groups<2>>  ->  option_not_taken<max_pool<...>, groups<2>>
// "the layer does not take groups<...>". Each layer's own comment lists the options it takes.
template<class Layer, class Option>
struct option_not_taken {
    static constexpr unsigned kind = [] {
        if constexpr (detail::option<Option>)
            return static_cast<unsigned>(Option::kind);
        else
            return ~0u;
    }();
    static_assert(kind != static_cast<unsigned>(detail::option_kind::kernel),
                  "netcount: the layer does not take kernel<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::stride),
                  "netcount: the layer does not take stride<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::padding),
                  "netcount: the layer does not take padding (valid, same or pad<...>)");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::dilation),
                  "netcount: the layer does not take dilation<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::groups),
                  "netcount: the layer does not take groups<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::bias),
                  "netcount: the layer does not take no_bias");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::name),
                  "netcount: the layer does not take name<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::ceil_mode),
                  "netcount: the layer does not take ceil_mode");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::multiplier),
                  "netcount: the layer does not take multiplier<...>");
    static_assert(kind != static_cast<unsigned>(detail::option_kind::output_padding),
                  "netcount: the layer does not take output_padding<...>");
    static_assert(kind != ~0u, "netcount: this type is not an option (kernel<...>, stride<...>, valid, same, "
                               "pad<...>, dilation<...>, groups<...>, no_bias, ceil_mode, multiplier<...>, "
                               "output_padding<...> or name<...>)");
    static constexpr bool reported = true; // see verdict in error.hpp
};

namespace detail {

// options_checked<Layer, Accepted, Options...>: reports each option the layer does not take.
// A layer writes, after gathering its options,
//     static_assert(verdict<!options.refused, options_checked<...>>::reported);
// which never fails itself and instantiates options_checked only when an option is not taken
// (a check of its own for every layer type cost 20% more compile time on 1,500 named convs);
// the errors are option_not_taken's, reached from a static_assert directly so that clang does
// not give up on the layer (see verdict in error.hpp).
template<class Layer, unsigned Accepted, class... Options>
struct options_checked {
    static_assert((verdict<accepts_option<Accepted, Options>(), option_not_taken<Layer, Options>>::reported && ...));
    static constexpr bool reported = true;
};

} // namespace detail

// kernel<K> or kernel<KH, KW>: the window size (height, width).
template<std::size_t KH, std::size_t KW = KH>
struct kernel {
    static constexpr detail::option_kind kind = detail::option_kind::kernel;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.kernel_h = KH;
        o.kernel_w = KW;
    }
};

// stride<S> or stride<SH, SW>.
template<std::size_t SH, std::size_t SW = SH>
struct stride {
    static constexpr detail::option_kind kind = detail::option_kind::stride;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.stride_h = SH;
        o.stride_w = SW;
    }
};

// dilation<D> or dilation<DH, DW>.
template<std::size_t DH, std::size_t DW = DH>
struct dilation {
    static constexpr detail::option_kind kind = detail::option_kind::dilation;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.dilation_h = DH;
        o.dilation_w = DW;
    }
};

// valid: no padding (the default).
struct valid {
    static constexpr detail::option_kind kind = detail::option_kind::padding;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.padding = detail::padding_mode::valid;
    }
};

// same: output = ceil(input / stride), padding split as TensorFlow does (the odd one at the
// end): the usual "with padding", floor((input - 1) / stride) + 1.
struct same {
    static constexpr detail::option_kind kind = detail::option_kind::padding;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.padding = detail::padding_mode::same;
    }
};

namespace detail {
// Instantiated for a pad<...> of 3 or more than 4 values; it then pads nothing, so that this is
// the only error.
template<std::size_t... P>
struct pad_arity {
    static_assert(always_false<pad_arity>, "netcount: pad takes <all>, <height, width> or <top, bottom, left, right>");
    static constexpr bool reported = true; // see verdict in error.hpp
};
} // namespace detail

// pad<P>, pad<PH, PW> or pad<Top, Bottom, Left, Right>: explicit zero padding.
template<std::size_t... P>
struct pad {
    static_assert(detail::verdict < sizeof...(P) == 1 || sizeof...(P) == 2 || sizeof...(P) == 4,
                  detail::pad_arity < P... >> ::reported);
    static constexpr detail::option_kind kind = detail::option_kind::padding;
    static constexpr void apply(detail::layer_options& o) noexcept {
        constexpr std::uint64_t p[] = {P..., 0};
        o.mark(kind);
        o.padding = detail::padding_mode::explicit_;
        if constexpr (sizeof...(P) == 1) {
            o.pad_top = o.pad_bottom = o.pad_left = o.pad_right = p[0];
        } else if constexpr (sizeof...(P) == 2) {
            o.pad_top = o.pad_bottom = p[0];
            o.pad_left = o.pad_right = p[1];
        } else if constexpr (sizeof...(P) == 4) {
            o.pad_top = p[0];
            o.pad_bottom = p[1];
            o.pad_left = p[2];
            o.pad_right = p[3];
        }
    }
};

// groups<G>: grouped convolution; AlexNet's two towers are groups<2>.
template<std::size_t G>
struct groups {
    static constexpr detail::option_kind kind = detail::option_kind::groups;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.groups = G;
    }
};

// no_bias: the layer has no bias vector (as before a batch norm).
struct no_bias {
    static constexpr detail::option_kind kind = detail::option_kind::bias;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.bias = false;
    }
};

// ceil_mode: pooling rounds the output size up, as Caffe and PyTorch's ceil_mode=True do.
struct ceil_mode {
    static constexpr detail::option_kind kind = detail::option_kind::ceil_mode;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.ceil_mode = true;
    }
};

// multiplier<M>: filters per input channel of a depthwise_conv (default 1).
template<std::size_t M>
struct multiplier {
    static constexpr detail::option_kind kind = detail::option_kind::multiplier;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.multiplier = M;
    }
};

// output_padding<P> or output_padding<PH, PW>: extra rows and columns at the end of a
// transposed_conv's output (PyTorch's output_padding), to pick among the output sizes that one
// stride maps to.
template<std::size_t PH, std::size_t PW = PH>
struct output_padding {
    static constexpr detail::option_kind kind = detail::option_kind::output_padding;
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.output_pad_h = PH;
        o.output_pad_w = PW;
    }
};

// name<"conv1">: the layer's name in layers<Net> and in layer<Net, "conv1">.
// The name must keep the rule of error.hpp (printable ASCII, no '/', ...): rejected_name says
// which part it breaks.
namespace detail {
template<fixed_string Name, std::size_t... I>
rejected_name<name_problem_of(Name.view()), Name.chars[I]...> rejected_name_for(std::index_sequence<I...>) noexcept;

// Only a bad name is spelled out as characters; a good one costs one look at its characters.
template<bool Valid>
struct name_option_verdict {
    template<fixed_string>
    using type = accepted;
};
template<>
struct name_option_verdict<false> {
    template<fixed_string Name>
    using type = decltype(rejected_name_for<Name>(std::make_index_sequence<Name.size()>{}));
};
} // namespace detail

template<fixed_string Name>
struct name {
    static constexpr name_problem problem = name_problem_of(Name.view());
    static_assert(detail::name_option_verdict<problem == name_problem::none>::template type<Name>::reported);
    static constexpr detail::option_kind kind = detail::option_kind::name;
    // A rejected name reads as no name, so that nothing after its error fails too.
    static constexpr std::string_view value = problem == name_problem::none ? Name.view() : std::string_view{};
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.name = value;
    }
};

} // namespace netcount

NETCOUNT_DIAGNOSTICS_POP

#endif
