#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "sfgrant/validate/case_runner.h"

namespace sfgrant::cli {

void setup_test(CLI::App& app, std::shared_ptr<TestOptions> options) {
  CLI::App* sub = app.add_subcommand("test", "run YAML test cases (profile + expected results)");
  sub->add_option("PATH", options->paths, "case files or folders (default: tests/cases)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("-k", options->filter, "only cases whose name contains this text");
}

int run_test(const TestOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("tests/cases");
  CaseRunner runner({resolve_programs_dir(options.common), options.filter});
  Diagnostics diags;
  size_t passed = 0;
  size_t failed = 0;
  for (const auto& root : paths) {
    for (const auto& file : case_files(root)) {
      for (const CaseResult& r : runner.run_file(file, diags)) {
        if (r.passed) {
          ++passed;
          continue;
        }
        ++failed;
        std::cout << "FAIL " << r.where.str() << ": " << r.name << '\n';
        for (const auto& d : r.differences) std::cout << "    " << d << '\n';
      }
    }
  }
  for (const auto& d : diags.items()) print_diagnostic(std::cout, d);
  const size_t errors = diags.error_count();
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed + errors);
  return failed + errors > 0 ? kExitNone : kExitOk;
}

}  // namespace sfgrant::cli
