#ifndef NETCOUNT_OPTIONS_HPP
#define NETCOUNT_OPTIONS_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include <netcount/fixed_string.hpp>

// Options of the windowed layers, written as types in any order:
//   conv<64, kernel<3>, stride<2>, same, groups<4>, no_bias, name<"conv1">>

namespace netcount {

namespace detail {

enum class option_kind : unsigned {
    kernel, stride, padding, dilation, groups, bias, name, ceil_mode, multiplier, output_padding
};

enum class padding_mode : unsigned char { valid, same, explicit_ };

// The options of one layer, gathered from its option types. `given` records which kinds of
// option appeared, so that a layer can apply its own defaults and notice repeats.
struct layer_options {
    unsigned given = 0;
    bool repeated = false;
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
    constexpr bool has(option_kind kind) const noexcept {
        return (given & (1u << static_cast<unsigned>(kind))) != 0;
    }
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

// Folds a layer's option types into one layer_options value; a pack of a few options, so a
// fold is fine here (the layer list itself is never folded). Options the layer does not take
// are left to the layer's own static_assert, which says which options it takes.
template<unsigned Accepted, class... Options>
constexpr layer_options gather_options() noexcept {
    layer_options o{};
    if constexpr ((accepts_option<Accepted, Options>() && ...)) (Options::apply(o), ...);
    return o;
}

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

// pad<P>, pad<PH, PW> or pad<Top, Bottom, Left, Right>: explicit zero padding.
template<std::size_t... P>
struct pad {
    static_assert(sizeof...(P) == 1 || sizeof...(P) == 2 || sizeof...(P) == 4,
                  "netcount: pad takes <all>, <height, width> or <top, bottom, left, right>");
    static constexpr detail::option_kind kind = detail::option_kind::padding;
    static constexpr void apply(detail::layer_options& o) noexcept {
        constexpr std::uint64_t p[] = {P...};
        o.mark(kind);
        o.padding = detail::padding_mode::explicit_;
        if constexpr (sizeof...(P) == 1) {
            o.pad_top = o.pad_bottom = o.pad_left = o.pad_right = p[0];
        } else if constexpr (sizeof...(P) == 2) {
            o.pad_top = o.pad_bottom = p[0];
            o.pad_left = o.pad_right = p[1];
        } else {
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
template<fixed_string Name>
struct name {
    static_assert(Name.size() != 0, "netcount: a layer name must be non-empty and must not contain '/'");
    static constexpr detail::option_kind kind = detail::option_kind::name;
    static constexpr std::string_view value = Name.view();
    static constexpr void apply(detail::layer_options& o) noexcept {
        o.mark(kind);
        o.name = value;
    }
};

} // namespace netcount

#endif
