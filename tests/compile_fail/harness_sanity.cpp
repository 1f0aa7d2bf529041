// The harness itself: this file must be rejected with exactly this text, which proves that
// the compile-fail tests see the compiler's diagnostics. Twin tests (tests/CMakeLists.txt) must
// fail: one expects a text that is in no diagnostic, one allows fewer bytes than this
// diagnostic takes, and one puts another error before the netcount message.
// expect: netcount: harness sanity check
#ifdef NETCOUNT_COMPILE_FAIL
#ifdef NETCOUNT_HARNESS_LATE_MESSAGE
int harness_first = "not an int";
#endif
template<class T>
struct harness_check {
    static_assert(sizeof(T) == 0, "netcount: harness sanity check");
};
template struct harness_check<int>;
#endif
