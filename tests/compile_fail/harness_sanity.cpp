// The harness itself: this file must be rejected with exactly this text, which proves that
// the compile-fail tests see the compiler's diagnostics. A twin test expects a text that is
// in no diagnostic and must fail.
// expect: netcount: harness sanity check
#ifdef NETCOUNT_COMPILE_FAIL
template<class T>
struct harness_check {
    static_assert(sizeof(T) == 0, "netcount: harness sanity check");
};
template struct harness_check<int>;
#endif
