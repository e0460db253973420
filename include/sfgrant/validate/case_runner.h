#pragma once
/// YAML test cases for program data: a profile, an optional cost and date, and the expected status
/// and amounts per program and track (`sfgrant test`, tests/cases/).
#include <map>
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct CaseResult {
  std::string name;
  Location where;
  bool passed = false;
  std::vector<std::string> differences;  ///< "path: expected X, got Y"
};

struct CaseRunOptions {
  std::string programs_dir;
  std::string filter;  ///< run only cases whose name contains this
};

/// Loads catalogues once per year for a whole run.
class CaseRunner {
 public:
  explicit CaseRunner(CaseRunOptions options) : options_(std::move(options)) {}

  /// Runs every case of one file. Problems with the file itself (bad YAML, unknown keys, unknown
  /// program ids) go to `diags`; a case that cannot run is a failed result.
  std::vector<CaseResult> run_file(const std::string& path, Diagnostics& diags);

  /// Every `*.yaml` below `path` (or `path` itself when it is a file), sorted.
  static std::vector<std::string> collect(const std::string& path);

 private:
  const Catalogue* catalogue(int year, Diagnostics& diags, const Location& where);

  CaseRunOptions options_;
  std::map<int, Catalogue> catalogues_;
  std::map<int, bool> failed_years_;
};

}  // namespace sfgrant
