#pragma once
/// Runs YAML test cases (load/case_loader.h) against the program data: each case's profile is
/// evaluated and every expectation compared, with a readable difference where one does not hold.
#include <map>
#include <string>
#include <vector>

#include "sfgrant/load/case_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct CaseResult {
  std::string name;
  Location where;
  bool passed = false;
  std::vector<std::string> differences;  ///< "path: expected X, got Y"
  int not_run_year = 0;                  ///< when the program data of this year did not load, the case did not run
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

  /// The errors of the program data the cases needed, each reported once however many cases needed
  /// that year (a case of such a year is a result with `not_run_year` set).
  const Diagnostics& program_problems() const { return program_problems_; }

 private:
  const Catalogue* catalogue(int year);
  CaseResult run(const TestCase& c, Diagnostics& diags);

  CaseRunOptions options_;
  std::map<int, Catalogue> catalogues_;
  std::map<int, bool> failed_years_;
  Diagnostics program_problems_;
};

}  // namespace sfgrant
