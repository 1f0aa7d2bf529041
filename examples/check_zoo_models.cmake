# cmake -DZOO_DIR=include/netcount/zoo -DMODELS=examples/zoo_models.hpp -P check_zoo_models.cmake
# Fails when a network of the zoo is missing from the list that examples/zoo and examples/chart
# share. A zoo network is a line "struct <name>" that ends there or goes on with " : ...".
file(GLOB headers ${ZOO_DIR}/*.hpp)
file(READ ${MODELS} models)
set(missing "")
foreach(header IN LISTS headers)
  file(STRINGS ${header} lines REGEX "^struct [a-z0-9_]+( :|$)")
  foreach(line IN LISTS lines)
    string(REGEX MATCH "^struct ([a-z0-9_]+)" _ "${line}")
    set(network ${CMAKE_MATCH_1}) # the MATCHES below overwrites CMAKE_MATCH_1
    if(NOT models MATCHES "zoo::${network}>")
      list(APPEND missing ${network})
    endif()
  endforeach()
endforeach()
if(missing)
  message(FATAL_ERROR "examples/zoo_models.hpp lacks these zoo networks: ${missing}")
endif()
message(STATUS "every zoo network is listed")
