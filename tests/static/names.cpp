// Layer names: given ones are kept; the others are the kind and the ordinal among the layers
// of that kind (named ones included), with '_' where the kind ends in a digit.
#include <span>
#include <string_view>
#include <type_traits>

#include <netcount/netcount.hpp>

namespace nc = netcount;

struct named_net : nc::network<nc::input<32, 32, 3>, nc::conv<8, nc::kernel<3>, nc::name<"stem">>, nc::relu6,
                               nc::conv<8, nc::kernel<3>>, nc::relu6, nc::max_pool<nc::kernel<2>>, nc::relu,
                               nc::flatten, nc::dropout, nc::fc<10>, nc::softmax> {};

static_assert(nc::layers<named_net>[0].name == "stem");
static_assert(nc::layers<named_net>[1].name == "relu6_1");
static_assert(nc::layers<named_net>[2].name == "conv2"); // the second conv, though the first is named
static_assert(nc::layers<named_net>[3].name == "relu6_2");
static_assert(nc::layers<named_net>[4].name == "max_pool1");
static_assert(nc::layers<named_net>[5].name == "relu1");
static_assert(nc::layers<named_net>[6].name == "flatten1");
static_assert(nc::layers<named_net>[7].name == "dropout1");
static_assert(nc::layers<named_net>[8].name == "fc1");
static_assert(nc::layers<named_net>[9].name == "softmax1");

static_assert(nc::layers<named_net>[0].kind == "conv");
static_assert(nc::layers<named_net>[1].kind == "relu6");
static_assert(nc::layers<named_net>[4].kind == "max_pool");
static_assert(nc::layers<named_net>[8].kind == "fc");

// layer<Net, "name"> finds generated names too.
static_assert(nc::layer<named_net, "conv2">.output == nc::shape{28, 28, 8}); // 32 -> 30 -> 28
static_assert(nc::layer<named_net, "fc1">.weights == 14 * 14 * 8 * 10);      // 28 / 2 = 14

// Ordinals run to as many digits as needed.
struct many_relus : nc::network<nc::input<1, 1, 1>, nc::relu, nc::relu, nc::relu, nc::relu, nc::relu, nc::relu,
                                nc::relu, nc::relu, nc::relu, nc::relu, nc::relu, nc::relu> {};
static_assert(nc::layers<many_relus>[9].name == "relu10");
static_assert(nc::layers<many_relus>[11].name == "relu12");

// A network with no layers is its input.
struct empty_net : nc::network<nc::input<4, 5, 6>> {};
static_assert(nc::layers<empty_net>.size() == 0);
static_assert(nc::output_shape<empty_net> == nc::shape{4, 5, 6});
static_assert(nc::parameters<empty_net> == 0);

// The rule every name keeps (error.hpp): printable ASCII, no '/', no space at either end.
// Every allowed character is allowed: ' ' (inside) to '~', '/' left out.
inline constexpr char every_allowed[] =
    "! \"#$%&'()*+,-.0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
static_assert(sizeof every_allowed - 1 == 94); // 95 printable characters, '/' left out
static_assert(nc::name_problem_of(every_allowed) == nc::name_problem::none);
struct every_character_net : nc::network<nc::input<1, 1, 1>, nc::conv<1, nc::kernel<1>, nc::name<every_allowed>>> {};
static_assert(nc::layers<every_character_net>[0].name == std::string_view(every_allowed));

static_assert(nc::name_problem_of("") == nc::name_problem::empty);
static_assert(nc::name_problem_of("a\tb") == nc::name_problem::control_character);
static_assert(nc::name_problem_of("a\x7f") == nc::name_problem::control_character); // DEL
static_assert(nc::name_problem_of("\x1f") == nc::name_problem::control_character);
static_assert(nc::name_problem_of("caf\xc3\xa9") == nc::name_problem::not_ascii); // UTF-8
static_assert(nc::name_problem_of("a\x80") == nc::name_problem::not_ascii);       // not UTF-8
static_assert(nc::name_problem_of("a/b") == nc::name_problem::slash);
static_assert(nc::name_problem_of(" a") == nc::name_problem::space_at_either_end);
static_assert(nc::name_problem_of("a ") == nc::name_problem::space_at_either_end);
static_assert(nc::name_problem_of("a  b") == nc::name_problem::none);
static_assert(nc::name_problem_of("~") == nc::name_problem::none);

// A kind of one's own keeps the rule too; spaces inside are fine, and generated names use it.
struct spaced_kind {
    static constexpr std::string_view kind = "space to depth";
    static constexpr nc::layer_result apply(const nc::shape& in) noexcept { return {.output = in}; }
};
struct spaced_net : nc::network<nc::input<2, 2, 1>, spaced_kind, spaced_kind> {};
static_assert(nc::layers<spaced_net>[1].name == "space to depth2");

// A network is a type: const, volatile and references do not change it (decltype of a network
// object works), and count as the network itself.
struct small_net : nc::network<nc::input<4, 4, 3>, nc::conv<2, nc::kernel<3>, nc::name<"c">>> {};
static_assert(nc::weights<small_net> == 3 * 3 * 3 * 2);
static_assert(nc::weights<const small_net> == 3 * 3 * 3 * 2);
static_assert(nc::weights<volatile small_net> == 3 * 3 * 3 * 2);
static_assert(nc::weights<small_net&> == 3 * 3 * 3 * 2);
static_assert(nc::weights<const small_net&> == 3 * 3 * 3 * 2);
static_assert(nc::weights<small_net&&> == 3 * 3 * 3 * 2);
static_assert(nc::layers<const volatile small_net&>[0].output == nc::shape{2, 2, 2});
static_assert(nc::layer<const small_net&, "c">.connections == 3 * 3 * 3 * 2 * 2 * 2);
constexpr small_net small_net_object{};
static_assert(nc::parameters<decltype(small_net_object)> == 3 * 3 * 3 * 2 + 2);
static_assert(std::is_same_v<nc::network_of<const small_net&>, nc::network_of<small_net>>);

// A merge of one's own whose kind ends in a digit is named as such a layer is: '_' before the
// ordinal. "m1" and "m11" are two kinds; without the '_' the first m1 block would be "m11" too,
// and layer<Net, "m11"> would find two entries.
template<class... Paths>
struct m1 {
    static constexpr std::string_view kind = "m1";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept { return {.output = paths[0]}; }
};
template<class... Paths>
struct m11 {
    static constexpr std::string_view kind = "m11";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept { return {.output = paths[0]}; }
};
struct digit_merges : nc::network<nc::input<2, 2, 1>, m11<nc::identity>, m1<nc::identity, nc::relu>, m1<nc::identity>> {
};
static_assert(nc::layers<digit_merges>[0].name == "m11_1");
static_assert(nc::layers<digit_merges>[1].name == "m1_1/relu1"); // the merge's scope holds its paths
static_assert(nc::layers<digit_merges>[2].name == "m1_1");
static_assert(nc::layers<digit_merges>[3].name == "m1_2");
static_assert(nc::layer<digit_merges, "m11_1">.kind == "m11");

// The name buffer holds ordinals as long as the names made, not the entries: 200 empty heads
// (auxiliary1 ... auxiliary200, three digits for the last 101) and one relu make 201 names but
// one entry. Sized by the entries (one digit each, and one character of slack a name), the
// buffer was 2,206 characters for 2,207: an out-of-bounds write, not a netcount error.
struct empty_heads : nc::network<nc::input<2, 2, 1>, nc::repeat<200, nc::auxiliary<>>, nc::relu> {};
static_assert(nc::layers<empty_heads>.size() == 1);
static_assert(nc::layers<empty_heads>[0].name == "relu1");
