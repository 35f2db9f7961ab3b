# Build speed (docs/PERFORMANCE.md, "Build" has the figures behind each choice).
#
# - ccache, with its cache outside the tree (ccache's own default, ~/.cache/ccache) and the
#   source root as base_dir, so a rebuild, `make clean` or another clone on the same machine
#   reuses it. The sloppiness is what ccache needs to cache files compiled with a PCH.
# - mold links (a 160 MB test-linked binary in well under a second).
# - Debug info as line tables (-g1) by default: every stack trace, ASan report and gdb backtrace
#   still has file:line, at about half the compile time and a quarter of the object size of -g.
# - Two precompiled headers, one for the service and one for the tests, each compiled once per
#   flavour and reused by every target (scs_apply_pch below). AUTO uses them in unoptimised
#   builds (the ASan/UBSan flavour, -O0), where parsing headers is most of a file's compile
#   time. Optimised builds do without: g++ 12 at -O2 reports its known false positives on
#   std::string (-Warray-bounds, -Wstringop-overflow, GCC bugs 105329/105651) in code compiled
#   against a precompiled <string>, and -O2 code generation dwarfs the parse anyway.

if(SCS_CCACHE)
  find_program(SCS_CCACHE_PROGRAM ccache)
  if(SCS_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env
        CCACHE_BASEDIR=${CMAKE_SOURCE_DIR} CCACHE_NOHASHDIR=1
        CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
        ${SCS_CCACHE_PROGRAM})
  endif()
endif()

if(SCS_MOLD)
  find_program(SCS_MOLD_PROGRAM mold)
  if(SCS_MOLD_PROGRAM)
    add_link_options(-fuse-ld=mold)
  endif()
endif()

if(SCS_PCH STREQUAL "AUTO")
  if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(SCS_PCH ON)
  else()
    set(SCS_PCH OFF)
  endif()
endif()

if(SCS_DEBUG_INFO STREQUAL "lines")
  set(scs_debug_flag -g1)
elseif(SCS_DEBUG_INFO STREQUAL "full")
  set(scs_debug_flag -g)
elseif(SCS_DEBUG_INFO STREQUAL "none")
  set(scs_debug_flag -g0)
else()
  message(FATAL_ERROR "SCS_DEBUG_INFO must be lines, full or none (got '${SCS_DEBUG_INFO}')")
endif()
foreach(config RELWITHDEBINFO DEBUG)
  string(REGEX REPLACE "(^| )-g( |$)" "\\1${scs_debug_flag}\\2" CMAKE_CXX_FLAGS_${config}
         "${CMAKE_CXX_FLAGS_${config}}")
endforeach()

# A precompiled header is only used by a file compiled with the same macros, so the few macros
# that imported targets add to some of their users (fmt, spdlog, gtest, curl) are defined for
# every file. Each is what those libraries' headers would assume here anyway.
add_compile_definitions(FMT_SHARED SPDLOG_COMPILED_LIB SPDLOG_FMT_EXTERNAL SPDLOG_SHARED_LIB
                        GTEST_HAS_PTHREAD=1 _FILE_OFFSET_BITS=64)

set(SCS_PCH_SERVICE_HEADERS
  <algorithm> <array> <atomic> <chrono> <cstdint> <functional> <map> <memory> <mutex> <optional>
  <set> <string> <string_view> <thread> <utility> <vector>
  <boost/json.hpp> <fmt/format.h> <tl/expected.hpp>)
set(SCS_PCH_TEST_HEADERS ${SCS_PCH_SERVICE_HEADERS} <gtest/gtest.h> <gmock/gmock.h>)

# scs_pch_donors(): the two targets that compile the precompiled headers. Call once, at the top.
function(scs_pch_donors)
  if(NOT SCS_PCH)
    return()
  endif()
  add_library(scs_pch_service OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch_anchor.cpp)
  target_link_libraries(scs_pch_service PRIVATE tl::expected Boost::json fmt::fmt)
  target_precompile_headers(scs_pch_service PRIVATE ${SCS_PCH_SERVICE_HEADERS})
  if(SCS_BUILD_TESTS)
    find_package(GTest REQUIRED)
    add_library(scs_pch_tests OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch_anchor.cpp)
    target_link_libraries(scs_pch_tests PRIVATE tl::expected Boost::json fmt::fmt GTest::gtest GTest::gmock)
    target_precompile_headers(scs_pch_tests PRIVATE ${SCS_PCH_TEST_HEADERS})
  endif()
endfunction()

# scs_apply_pch(DIR KIND): every C++ library and executable defined under DIR (recursively)
# reuses the precompiled header of KIND (service or tests). CMake adds -Winvalid-pch to such
# files, so with -Werror a header that could not be used (flags that drifted apart) fails the
# build instead of silently making it slow.
function(scs_apply_pch dir kind)
  if(NOT SCS_PCH)
    return()
  endif()
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$" AND NOT target MATCHES "^scs_pch_")
      target_precompile_headers(${target} REUSE_FROM scs_pch_${kind})
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    scs_apply_pch(${subdir} ${kind})
  endforeach()
endfunction()
