#pragma once
/// Shared pieces of the fuzz targets: the real 2026 data loaded once, and a sink for output.
/// A target may throw nothing but sfgrant::Error for bad input; anything else (another exception,
/// a sanitizer report, a timeout) is a bug that libFuzzer reports.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <streambuf>
#include <string>

#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/text/file.h"

namespace sfgrant::fuzz {

/// The shipped program data (SFGRANT_SOURCE_DIR/programs), or $SFGRANT_PROGRAMS.
inline std::string programs_dir() {
  if (const char* env = std::getenv("SFGRANT_PROGRAMS"); env != nullptr && *env != '\0') return env;
  return std::string(SFGRANT_SOURCE_DIR) + "/programs";
}

/// Loads the real catalogue of a year; aborts when the shipped data does not load, since every
/// input would then test nothing.
inline Catalogue load_real_catalogue(int year) {
  Diagnostics diags;
  Catalogue cat = load_year(programs_dir(), year, diags);
  if (diags.has_errors()) {
    for (const auto& d : diags.items()) std::cerr << d.where.str() << ": " << d.message << '\n';
    std::cerr << "fuzz: the shipped " << year << " data does not load from " << programs_dir() << '\n';
    std::abort();
  }
  return cat;
}

/// The year context (rule sets, announcements) of the shipped common.yaml.
inline YearContext load_real_context(int year) {
  const std::string file = programs_dir() + "/" + std::to_string(year) + "/common.yaml";
  Diagnostics diags;
  YearContext ctx = load_common(read_file(file), file, diags);
  if (diags.has_errors()) {
    std::cerr << "fuzz: " << file << " does not load\n";
    std::abort();
  }
  return ctx;
}

/// An ostream that discards what it is given (rendering is exercised, not printed).
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

inline std::ostream& null_stream() {
  static NullBuffer buffer;
  static std::ostream out(&buffer);
  return out;
}

/// Aborts with a message: a property the target checks does not hold.
[[noreturn]] inline void fail(const std::string& what) {
  std::cerr << "fuzz property violated: " << what << '\n';
  std::abort();
}

}  // namespace sfgrant::fuzz
