// `sfgrant test [PATH...]`: the YAML test cases of the program data, for people and for CI.
#include "commands.h"
#include "sfgrant/render/test_report.h"
#include "sfgrant/validate/case_runner.h"

namespace sfgrant::cli {

struct TestOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string filter;
  std::string format = "text";
};

namespace {

int run_test(const TestOptions& options) {
  // case files → run each case → the program data's errors, then the case files' → report
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("tests/cases");
  CaseRunner runner({resolve_programs_dir(options.common), options.filter});
  Diagnostics case_problems;
  std::vector<CaseResult> results;
  for (const auto& root : paths)
    for (const auto& file : case_files(root))
      for (CaseResult& r : runner.run_file(file, case_problems)) results.push_back(std::move(r));
  Diagnostics problems = runner.program_problems();
  for (const auto& d : case_problems.items()) problems.add(d);
  for (const auto& [file, o] : case_problems.omitted()) problems.add_omitted(file, o);
  const DiagnosticFormat format = options.format == "json"     ? DiagnosticFormat::json
                                  : options.format == "github" ? DiagnosticFormat::github
                                                               : DiagnosticFormat::text;
  render_test_report(results, problems, format, std::cout, std::cerr);
  for (const CaseResult& r : results)
    if (!r.passed) return kExitNone;
  return problems.error_count() > 0 ? kExitNone : kExitOk;
}

}  // namespace

Runner setup_test(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* sub = app.add_subcommand("test", "run YAML test cases (profile + expected results)");
  sub->add_option("PATH", options->paths, "case files or folders (default: tests/cases)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("-k", options->filter, "only cases whose name contains this text");
  sub->add_option("--format", options->format,
                  "text (errors to standard error), json, or github (workflow annotations)")
      ->transform(CLI::IsMember({"text", "json", "github"}));
  return [options] { return run_test(*options); };
}

}  // namespace sfgrant::cli
