# netcount_label_quick(): gives every test of the calling directory that has no label yet the
# label `quick`. Called at the end of each directory that adds tests; the two long tests,
# crosscheck and shape_fuzz (PyTorch runs and compiles hundreds of networks: 130 of the suite's
# 170 seconds on 2 cores), are labelled `slow` where they are added. So `ctest -L quick` is the
# suite but those two, `ctest -L slow` those two. (Labelling from one place would need CMake
# 3.28's set_tests_properties(DIRECTORY).)
function(netcount_label_quick)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    get_test_property(${test} LABELS labels)
    if(NOT labels)
      set_tests_properties(${test} PROPERTIES LABELS quick)
    endif()
  endforeach()
endfunction()
