# netcount_import(): a netcount header generated from a model by netcount-import, kept in sync
# by the build (docs/import.md, "In the build").
#
#   netcount_import(<target> MODEL <file.onnx> NAME <name> [NAMESPACE <ns>] [INPUT C,H,W]
#                   [HEADER <file>] [PYTHON <interpreter>] [DEPENDS <files>...])
#   netcount_import(<target> TORCH <package.module:factory> NAME <name> [NAMESPACE <ns>]
#                   [INPUT C,H,W] [PYTHONPATH <dirs>...] [DEPENDS <files>...] [...])
#
# Writes <build dir>/netcount_import/<target>/<HEADER> (<name>.hpp by default) with
# netcount-import, before <target> is compiled, and again whenever the model file, a DEPENDS
# file (for TORCH: the Python files that define the model) or the importer changes; adds that
# directory to <target>'s include path, so its code writes #include "<name>.hpp". The header
# static_asserts the model's own parameters and output shapes, and a
# static_assert(netcount::within_budget<name, budget{...}>) in the target's code fails the build
# when the model does not fit. The target links netcount::netcount itself.
#
# The importer runs under PYTHON, or the NETCOUNT_IMPORT_PYTHON variable, or the first python3 on
# the PATH; it must import onnx (MODEL) or torch (TORCH), which is checked when CMake configures.
#
# This file is included by netcount's own CMakeLists.txt (add_subdirectory, FetchContent) and
# by the installed netcount-config.cmake (find_package), each after setting
# netcount_import_program to its netcount-import and netcount_import_package to the directory of
# its Python files (tools/netcount_import, or <DATADIR>/netcount/netcount_import). Defining the function probes nothing: Python
# is looked for only when netcount_import() is called.

include_guard(GLOBAL)

# A global property, not a variable: the function is called from directories (and after
# find_package scopes) that do not see the includer's variables.
set_property(GLOBAL PROPERTY NETCOUNT_IMPORT_PROGRAM "${netcount_import_program}")
set_property(GLOBAL PROPERTY NETCOUNT_IMPORT_PACKAGE "${netcount_import_package}")

function(netcount_import target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODEL;TORCH;NAME;NAMESPACE;INPUT;HEADER;PYTHON"
    "PYTHONPATH;DEPENDS")
  set(where "netcount_import(${target})")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${where}: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "${where}: no target ${target} (define it before calling netcount_import)")
  endif()
  if(NOT arg_NAME)
    message(FATAL_ERROR "${where}: NAME <name> is required (the C++ struct's name)")
  endif()
  if((arg_MODEL AND arg_TORCH) OR (NOT arg_MODEL AND NOT arg_TORCH))
    message(FATAL_ERROR "${where}: give MODEL <file.onnx> or TORCH <package.module:factory>, one of them")
  endif()
  get_property(program GLOBAL PROPERTY NETCOUNT_IMPORT_PROGRAM)
  if(NOT EXISTS "${program}")
    message(FATAL_ERROR "${where}: netcount-import is not at '${program}'")
  endif()

  # The interpreter, and once per interpreter and front end a check that it imports what the
  # importer needs: a missing onnx or torch is then a configure error that says so, not a
  # traceback in the middle of a build.
  if(arg_PYTHON)
    set(python "${arg_PYTHON}")
  elseif(NETCOUNT_IMPORT_PYTHON)
    set(python "${NETCOUNT_IMPORT_PYTHON}")
  else()
    find_program(NETCOUNT_IMPORT_PYTHON NAMES python3 python
      DOC "Python with onnx (and torch, for TORCH) that runs netcount-import")
    if(NOT NETCOUNT_IMPORT_PYTHON)
      message(FATAL_ERROR "${where}: no python3 found; set NETCOUNT_IMPORT_PYTHON or PYTHON")
    endif()
    set(python "${NETCOUNT_IMPORT_PYTHON}")
  endif()
  if(arg_TORCH)
    set(module torch)
  else()
    set(module onnx)
  endif()
  string(MAKE_C_IDENTIFIER "${python}_${module}" checked)
  if(NOT _NETCOUNT_IMPORT_CHECKED_${checked})
    execute_process(COMMAND "${python}" -c "import ${module}"
      RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE error)
    if(NOT result EQUAL 0)
      string(STRIP "${error}" error)
      string(REGEX REPLACE ".*\n" "" error "${error}")
      if(NOT error)
        set(error "${result}") # the interpreter did not run: "No such file or directory"
      endif()
      message(FATAL_ERROR "${where}: ${python} cannot import ${module} (${error}); netcount-import "
        "needs it (Debian: python3-onnx, python3-torch). Set NETCOUNT_IMPORT_PYTHON, or PYTHON, "
        "to a Python that has it.")
    endif()
    set(_NETCOUNT_IMPORT_CHECKED_${checked} ON CACHE INTERNAL "")
  endif()

  if(arg_HEADER)
    set(header_name "${arg_HEADER}")
  else()
    set(header_name "${arg_NAME}.hpp")
  endif()
  set(directory "${CMAKE_CURRENT_BINARY_DIR}/netcount_import/${target}")
  set(header "${directory}/${header_name}")
  get_filename_component(header_directory "${header}" DIRECTORY)
  file(MAKE_DIRECTORY "${header_directory}")

  set(command "${python}" "${program}" --name "${arg_NAME}" -o "${header}")
  if(arg_NAMESPACE)
    list(APPEND command --namespace "${arg_NAMESPACE}")
  endif()
  if(arg_INPUT)
    list(APPEND command --input "${arg_INPUT}")
  endif()
  set(depends "")
  if(arg_MODEL)
    get_filename_component(model "${arg_MODEL}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND command "${model}")
    list(APPEND depends "${model}")
    get_filename_component(source "${model}" NAME)
  else()
    list(APPEND command --torch "${arg_TORCH}")
    set(source "${arg_TORCH}")
    if(arg_PYTHONPATH)
      set(path "")
      foreach(dir IN LISTS arg_PYTHONPATH)
        get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND path "${dir}")
      endforeach()
      string(REPLACE ";" ":" path "${path}")
      set(command "${CMAKE_COMMAND}" -E env "PYTHONPATH=${path}" ${command})
    endif()
  endif()
  foreach(file IN LISTS arg_DEPENDS)
    get_filename_component(file "${file}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND depends "${file}")
  endforeach()
  # The importer: its script and its package's Python files (tools/netcount_import in the
  # source tree, <DATADIR>/netcount/netcount_import installed).
  get_property(package GLOBAL PROPERTY NETCOUNT_IMPORT_PACKAGE)
  file(GLOB importer_files "${package}/*.py")
  list(APPEND depends "${program}" ${importer_files})

  add_custom_command(OUTPUT "${header}"
    COMMAND ${command}
    DEPENDS ${depends}
    COMMENT "netcount-import: ${header_name} (${arg_NAME}) from ${source}"
    VERBATIM)
  # A target of its own runs the command before any of <target>'s sources is compiled, wherever
  # <target> was defined; the compiler's dependency scan then recompiles what includes the header.
  string(MAKE_C_IDENTIFIER "netcount_import_${target}_${header_name}" generator)
  add_custom_target(${generator} DEPENDS "${header}")
  add_dependencies(${target} ${generator})

  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE "${directory}")
  elseif(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE "${directory}")
  else()
    target_include_directories(${target} PUBLIC "${directory}")
  endif()
endfunction()
