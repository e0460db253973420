# libFuzzer targets (fuzz/*.cpp), one executable each: fuzz_program, fuzz_profile, fuzz_money,
# fuzz_table, fuzz_csv, fuzz_snapshot. Needs clang (libFuzzer ships with it: Debian clang-14 + libclang-rt-14-dev):
#   CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DSFGRANT_FUZZ=ON -DSFGRANT_BUILD_TESTS=OFF
# scripts/fuzz.sh does this and runs each target for a bounded time.
option(SFGRANT_FUZZ "Build the libFuzzer targets in fuzz/ (clang only; instruments the core library)" OFF)

if(SFGRANT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SFGRANT_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}; "
                        "configure with CXX=clang++-14")
  endif()
  set(SFGRANT_FUZZ_SANITIZERS "address,undefined" CACHE STRING "sanitizers for the fuzz build")

  # The library under test gets coverage instrumentation and the sanitizers; everything linking it
  # (the CLI and the tests too, when built) gets the sanitizer runtime.
  target_compile_options(sfgrant_core PRIVATE
    -fsanitize=fuzzer-no-link,${SFGRANT_FUZZ_SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(sfgrant_core INTERFACE -fsanitize=${SFGRANT_FUZZ_SANITIZERS})

  set(SFGRANT_FUZZ_TARGETS "")
  foreach(name fuzz_program fuzz_profile fuzz_money fuzz_csv fuzz_table fuzz_snapshot)
    add_executable(${name} "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/${name}.cpp")
    target_link_libraries(${name} PRIVATE sfgrant_core sfgrant_warnings)
    target_compile_options(${name} PRIVATE
      -fsanitize=fuzzer,${SFGRANT_FUZZ_SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,${SFGRANT_FUZZ_SANITIZERS})
    target_compile_definitions(${name} PRIVATE SFGRANT_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND SFGRANT_FUZZ_TARGETS ${name})
  endforeach()
  add_custom_target(fuzz DEPENDS ${SFGRANT_FUZZ_TARGETS})
endif()
