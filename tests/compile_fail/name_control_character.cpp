// A control character (a tab here; a newline would split a Markdown row and make the SVG
// ill-formed) is rejected where the name is written.
// expect: netcount: a name must not contain a control character (names are printable ASCII)
// expect: name_problem::control_character
#include <netcount/netcount.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using layer = nc::conv<8, nc::kernel<3>, nc::name<"conv\t1">>;
#else
using layer = nc::conv<8, nc::kernel<3>, nc::name<"conv 1">>; // a space inside is printable
#endif

struct net : nc::network<nc::input<8, 8, 3>, layer> {};
static_assert(nc::weights<net> == 3 * 3 * 3 * 8);
