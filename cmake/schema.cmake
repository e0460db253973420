# Schema checks (issue #4), included by CMakeLists.txt when it exists:
#   schema-committed      schema/*.schema.json are exactly what `sfgrant schema --write` prints, so the files
#                         editors read cannot drift from the loaders;
#   schema-shipped-files  every program file, common.yaml, centers.yaml, example profile and YAML test case
#                         validates against its schema with a real JSON Schema validator (Debian
#                         python3-jsonschema + python3-yaml), and the broken files marked `# schema: invalid`
#                         are rejected (tests/schema_check.py).
#
# Run as a script (`cmake -DSFGRANT=… -DSCHEMA_DIR=… -DOUT_DIR=… -P cmake/schema.cmake`) it does the
# schema-committed comparison.

if(CMAKE_SCRIPT_MODE_FILE)
  file(REMOVE_RECURSE "${OUT_DIR}")
  file(MAKE_DIRECTORY "${OUT_DIR}")
  execute_process(COMMAND "${SFGRANT}" schema --write "${OUT_DIR}" RESULT_VARIABLE status OUTPUT_QUIET)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "`sfgrant schema --write` failed (${status})")
  endif()
  # diff -r compares both the file names and their contents
  execute_process(COMMAND diff -r -u "${SCHEMA_DIR}" "${OUT_DIR}" RESULT_VARIABLE different)
  if(different)
    message(FATAL_ERROR "schema/ differs from what `sfgrant schema` prints now (the diff is above); run "
                        "`sfgrant schema --write schema` in the source tree and commit the result")
  endif()
  message(STATUS "schema/ matches `sfgrant schema`")
  return()
endif()

if(NOT SFGRANT_BUILD_TESTS)
  return()
endif()

add_test(NAME schema-committed
         COMMAND "${CMAKE_COMMAND}" -DSFGRANT=$<TARGET_FILE:sfgrant>
                 "-DSCHEMA_DIR=${CMAKE_CURRENT_SOURCE_DIR}/schema"
                 "-DOUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/schema-generated"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/schema.cmake")

# Debian's interpreter first: python3-jsonschema and python3-yaml are Debian packages (dev.sh installs them).
find_program(SFGRANT_PYTHON3 NAMES python3 HINTS /usr/bin)
if(SFGRANT_PYTHON3)
  add_test(NAME schema-shipped-files
           COMMAND "${SFGRANT_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/tests/schema_check.py"
                   --sfgrant $<TARGET_FILE:sfgrant> --root "${CMAKE_CURRENT_SOURCE_DIR}")
else()
  message(WARNING "python3 not found: the schema-shipped-files test will fail (apt-get install python3-jsonschema python3-yaml)")
  add_test(NAME schema-shipped-files COMMAND "${CMAKE_COMMAND}" -E false)
endif()
