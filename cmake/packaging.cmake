# Packaging: the man page (help2man from --help), bash and zsh completions, examples, a Debian
# package (CPack DEB), and the interview terminal test.
#   cmake --build build && cmake --install build --prefix /usr/local
#   cmake -S . -B build-deb -DCMAKE_INSTALL_PREFIX=/usr … && cmake --build build-deb --target package
#                                               # → build-deb/sfgrant_<version>_<arch>.deb
#   scripts/deb-smoke.sh                        # the .deb installed and run in a fresh Debian 12 chroot
#
# In script mode (`cmake -DSFGRANT=… -DOUT=… -P cmake/packaging.cmake`) this file writes the
# help2man include with every subcommand's --help, so the man page documents them all.

if(CMAKE_SCRIPT_MODE_FILE)
  # ---- script mode: the [SUBCOMMANDS] section of the man page ----
  execute_process(COMMAND "${SFGRANT}" --help OUTPUT_VARIABLE top RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SFGRANT} --help failed")
  endif()
  string(REGEX MATCH "Subcommands:\n(.*)" _ "${top}")
  set(listing "${CMAKE_MATCH_1}")
  string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "\n${listing}")
  set(text "[SUBCOMMANDS]\n")
  foreach(name ${names})
    string(STRIP "${name}" name)
    execute_process(COMMAND "${SFGRANT}" ${name} --help OUTPUT_VARIABLE help)
    string(REPLACE "${SFGRANT}" "sfgrant" help "${help}")
    # roff: a backslash is \e; a line starting with . or ' would be a request
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "\n${help}")
    string(APPEND text ".SS ${name}\n.nf\n${help}\n.fi\n")
  endforeach()
  string(APPEND text "[ENVIRONMENT]\n"
    ".TP\n.B SFGRANT_PROGRAMS\nprogram data folder when --programs is not given (default: the installed share/sfgrant/programs)\n"
    ".TP\n.B COLUMNS\nwidth tables are fitted to (default: the terminal's width; no limit when the output is not a terminal)\n"
    ".TP\n.B NO_COLOR\nwhen set and not empty, no colours (also --no-color, TERM=dumb, or output not a terminal)\n"
    "[EXIT STATUS]\n"
    "check and interview: 0 when at least one program is eligible or possible, 1 when none is, 2 on bad usage or input. "
    "validate and test: 0 when clean, 1 when something fails. batch: 0 when every row was evaluated, 1 when some rows "
    "were rejected, 2 when it could not run.\n"
    "[FILES]\n"
    ".TP\n.I <prefix>/share/sfgrant/programs/<year>/\nthe program data (one YAML file per sub-program)\n"
    ".TP\n.I <prefix>/share/doc/sfgrant/examples/\nexample company profiles and a company list\n")
  file(WRITE "${OUT}" "${text}")
  return()
endif()

# ---- configure mode ----

install(FILES completions/sfgrant.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME sfgrant)
install(FILES completions/_sfgrant DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(SFGRANT_MAN_INCLUDE "${CMAKE_CURRENT_BINARY_DIR}/sfgrant.h2m")
  set(SFGRANT_MAN "${CMAKE_CURRENT_BINARY_DIR}/sfgrant.1")
  # run as `sfgrant` found on PATH, so the page shows that name and not the build folder
  add_custom_command(
    OUTPUT "${SFGRANT_MAN}.gz"
    COMMAND ${CMAKE_COMMAND} -DSFGRANT=$<TARGET_FILE:sfgrant> -DOUT=${SFGRANT_MAN_INCLUDE}
            -P "${CMAKE_CURRENT_LIST_FILE}"
    COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:sfgrant>:$ENV{PATH}" LC_ALL=C.UTF-8
            ${HELP2MAN} --no-info --locale=C.UTF-8 --section 1 --name "eligibility and budget calculator for Korea's smart manufacturing support programs"
            --include "${SFGRANT_MAN_INCLUDE}" --output "${SFGRANT_MAN}" sfgrant
    COMMAND gzip -9 -n -f -k "${SFGRANT_MAN}"
    DEPENDS sfgrant "${CMAKE_CURRENT_LIST_FILE}"
    COMMENT "Generating the man page sfgrant.1 with help2man"
    VERBATIM)
  add_custom_target(sfgrant_man ALL DEPENDS "${SFGRANT_MAN}.gz")
  install(FILES "${SFGRANT_MAN}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: the man page is not built or installed (apt-get install help2man)")
endif()

# ---- Debian package ----
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "sfgrant")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "sfgrant")
set(CPACK_PACKAGE_CONTACT "sfgrant maintainers <sfgrant@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "eligibility and budget calculator for Korea's smart manufacturing programs")  # under 80 (Debian policy 3.4.1)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "sfgrant evaluates a company profile against the smart manufacturing innovation support\nprograms (스마트 제조혁신 지원사업) encoded as YAML, and prints the programs it can apply\nfor, why the others are closed to it, and the government / private cost split.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# The binary finds its data next to itself through /proc/self/exe, else at the data folder compiled
# in from CMAKE_INSTALL_PREFIX: a package build needs the two prefixes to agree, or `sfgrant check`
# fails where /proc is not mounted (a bare chroot, some build sandboxes).
if(NOT CMAKE_INSTALL_PREFIX STREQUAL CPACK_PACKAGING_INSTALL_PREFIX)
  message(STATUS "the .deb installs under ${CPACK_PACKAGING_INSTALL_PREFIX} but the data folder compiled "
                 "in is ${SFGRANT_DATA_DIR}: configure with -DCMAKE_INSTALL_PREFIX=/usr to build a package")
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_STRIP_FILES ON)  # the binary without its debug information
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  # exact library versions from the binary (libyaml-cpp0.7, libfmt9, libutf8proc2, libxlsxwriter4, …)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libyaml-cpp0.7, libfmt9, libutf8proc2, libxlsxwriter4, libedit2, libxxhash0, libstdc++6, libc6")
endif()
# only the runtime: no headers or static libraries are installed
include(CPack)

# ---- the interview, driven in a real terminal ----
if(SFGRANT_BUILD_TESTS)
  add_test(NAME interview-tmux
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/tests/interview_tmux.sh" $<TARGET_FILE:sfgrant>
                   "${CMAKE_CURRENT_SOURCE_DIR}/programs")
  set_tests_properties(interview-tmux PROPERTIES TIMEOUT 180)
endif()
