#pragma once
/// Problems found in input files, collected rather than thrown so that `validate` can report all
/// of them at once.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "sfgrant/model/error.h"

namespace sfgrant {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  std::string code;  ///< short kind, e.g. "unknown-key", "duplicate-key", "bad-amount"
};

/// Problems kept for one file; past it they are only counted (`… and N more errors in FILE`),
/// so that a file with a million problems costs neither the memory nor the screen (README "Input
/// limits").
constexpr size_t kMaxProblemsPerFile = 100;

/// What was counted but not kept, for one file.
struct Omitted {
  size_t errors = 0;
  size_t warnings = 0;
};

class Diagnostics {
 public:
  void error(Location where, std::string message, std::string code = "invalid");
  void warning(Location where, std::string message, std::string code = "warning");
  void add(Diagnostic d);
  /// Counts problems of `file` that another Diagnostics counted without keeping (copying one into another).
  void add_omitted(const std::string& file, const Omitted& o);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  /// The problems kept: the first kMaxProblemsPerFile of each file.
  const std::vector<Diagnostic>& items() const { return items_; }
  /// The problems past kMaxProblemsPerFile, by file: counted in error_count() and warning_count().
  const std::map<std::string, Omitted>& omitted() const { return omitted_; }
  /// Throws the first error as an Error (for commands that cannot go on with bad data).
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> items_;
  std::map<std::string, size_t> kept_;  ///< by file
  std::map<std::string, Omitted> omitted_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace sfgrant
