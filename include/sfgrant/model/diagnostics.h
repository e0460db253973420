#pragma once
/// Problems found in input files, collected rather than thrown so that `validate` can report all
/// of them at once.
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

class Diagnostics {
 public:
  void error(Location where, std::string message, std::string code = "invalid");
  void warning(Location where, std::string message, std::string code = "warning");
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Throws the first error as an Error (for commands that cannot go on with bad data).
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace sfgrant
