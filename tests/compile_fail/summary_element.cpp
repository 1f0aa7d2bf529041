// to_summary's sizes are counted in its Element, the type of one number: void has no size, and
// the error says what Element is for (once: the summary is not made of a type without a size).
// The twin counts in float.
// expect: netcount: to_summary<Net, Element>: Element is the type of one number
#include <string>

#include <netcount/netcount.hpp>
#include <netcount/report/summary.hpp>
namespace nc = netcount;

#ifdef NETCOUNT_COMPILE_FAIL
using element = void;
#else
using element = float;
#endif

using net = nc::network<nc::input<4, 4, 1>, nc::conv<2, nc::kernel<3>>>;
std::string summary() { return nc::to_summary<net, element>(); }
