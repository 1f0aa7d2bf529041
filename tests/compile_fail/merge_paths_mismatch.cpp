// A merge of one's own rejects paths it cannot combine through layer_result::status; the
// diagnostic names the merge ("fuse", entry 1), its first path's shape, and every path's shape in
// invalid_merge's path_shapes<...>: the conv's 8 channels too.
// expect: netcount: the paths of a merge produce shapes it cannot combine
// expect: paths_mismatch, 1,
// expect: {8, 8, 16}
// expect: path_shapes<
// expect: {8, 8, 8}
// expect: 'f', 'u', 's', 'e'
#include <span>

#include <netcount/netcount.hpp>
namespace nc = netcount;

// BiFPN's weighted fusion (Tan, Pang and Le 2020): one learned weight per path, one shape.
template<class... Paths>
struct weighted_fusion {
    static constexpr std::string_view kind = "weighted_fusion";
    static constexpr nc::layer_result merge(std::span<const nc::shape> paths) noexcept {
        for (const nc::shape& p : paths)
            if (p != paths[0]) return {.status = nc::error::paths_mismatch};
        return {.output = paths[0], .parameters = paths.size()};
    }
};

#ifdef NETCOUNT_COMPILE_FAIL
using other = nc::conv<8, nc::kernel<1>>; // 8 channels against 16
#else
using other = nc::conv<16, nc::kernel<1>>;
#endif

struct net : nc::network<nc::input<8, 8, 16>, weighted_fusion<nc::name<"fuse">, nc::identity, other>> {};
static_assert(nc::parameters<net> > 0);
