// `sfgrant test [PATH...]`: the YAML test cases of the program data.
#include "commands.h"
#include "sfgrant/render/test_report.h"
#include "sfgrant/validate/case_runner.h"

namespace sfgrant::cli {

struct TestOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string filter;
};

namespace {

int run_test(const TestOptions& options) {
  // case files → run each case → report
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("tests/cases");
  CaseRunner runner({resolve_programs_dir(options.common), options.filter});
  Diagnostics diags;
  std::vector<CaseResult> results;
  for (const auto& root : paths)
    for (const auto& file : case_files(root))
      for (CaseResult& r : runner.run_file(file, diags)) results.push_back(std::move(r));
  render_test_report(results, diags, std::cout);
  for (const CaseResult& r : results)
    if (!r.passed) return kExitNone;
  return diags.error_count() > 0 ? kExitNone : kExitOk;
}

}  // namespace

Runner setup_test(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* sub = app.add_subcommand("test", "run YAML test cases (profile + expected results)");
  sub->add_option("PATH", options->paths, "case files or folders (default: tests/cases)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("-k", options->filter, "only cases whose name contains this text");
  return [options] { return run_test(*options); };
}

}  // namespace sfgrant::cli
