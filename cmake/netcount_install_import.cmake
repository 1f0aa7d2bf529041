# Installs netcount-import (the source tree's tools/netcount-import) with the directory of its
# Python files written into it: run by `cmake --install` (install(SCRIPT) in CMakeLists.txt),
# where CMAKE_INSTALL_PREFIX is the prefix of this install (`--prefix` included), after
# CMakeLists.txt set netcount_import_script, netcount_import_bindir and netcount_import_datadir
# (CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR/netcount as configured, each relative to the
# prefix or absolute) and netcount_import_staging (a directory in the build tree).
#
# Both relative (the default layout, or any other under the prefix): the path from the bin
# directory to the data directory, so the installed tree stays relocatable. Either absolute: the
# data directory's absolute path (without DESTDIR, which only stages the files).
foreach(dir bindir datadir)
  if(IS_ABSOLUTE "${netcount_import_${dir}}")
    set(${dir} "${netcount_import_${dir}}")
  else()
    set(${dir} "${CMAKE_INSTALL_PREFIX}/${netcount_import_${dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${netcount_import_bindir}" OR IS_ABSOLUTE "${netcount_import_datadir}")
  set(package "${datadir}")
else()
  file(RELATIVE_PATH package "${bindir}" "${datadir}")
  if(package STREQUAL "")
    set(package ".")
  endif()
endif()
if(package MATCHES "[\"\\\\]")
  message(FATAL_ERROR "netcount: the data directory ${package} has a quote or a backslash in its name, "
    "which netcount-import cannot hold")
endif()
file(READ "${netcount_import_script}" text)
string(FIND "${text}" "\nPACKAGE_DIRECTORY = None\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "netcount: ${netcount_import_script} has no line 'PACKAGE_DIRECTORY = None' to set")
endif()
string(REPLACE "\nPACKAGE_DIRECTORY = None\n" "\nPACKAGE_DIRECTORY = \"${package}\"\n" text "${text}")
file(MAKE_DIRECTORY "${netcount_import_staging}")
file(WRITE "${netcount_import_staging}/netcount-import" "${text}")
file(INSTALL DESTINATION "${bindir}" TYPE PROGRAM FILES "${netcount_import_staging}/netcount-import")
