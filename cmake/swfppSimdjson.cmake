# Makes sure the target simdjson::simdjson exists, for swfpp's CMake targets: one the including
# project already has (say from its own FetchContent of simdjson), else simdjson's CMake package
# (Debian's libsimdjson-dev ships one), else simdjson's pkg-config file. Sets nothing else.
# Included by the top-level CMakeLists.txt and by the installed swfppConfig.cmake.
if(NOT TARGET simdjson::simdjson)
  find_package(simdjson CONFIG QUIET)
endif()
if(NOT TARGET simdjson::simdjson)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(swfpp_simdjson QUIET IMPORTED_TARGET simdjson)
  endif()
  if(TARGET PkgConfig::swfpp_simdjson)
    add_library(simdjson::simdjson INTERFACE IMPORTED)
    set_target_properties(simdjson::simdjson PROPERTIES INTERFACE_LINK_LIBRARIES PkgConfig::swfpp_simdjson)
  endif()
endif()
