// `sfgrant validate [PATH...]`: every problem in every program file, for people and for CI.
#include "sfgrant/validate/validate.h"
#include "commands.h"
#include "sfgrant/render/diagnostics.h"

namespace sfgrant::cli {

struct ValidateOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  std::string cases;  ///< --cases: YAML test cases, to warn about programs without one
  std::string seeds;  ///< --seeds: folder of the source announcements common.yaml lists
};

namespace {

int run_validate(const ValidateOptions& options) {
  // paths → validate the program data → render
  ValidationInputs inputs{options.paths, options.cases, options.seeds};
  if (inputs.paths.empty()) inputs.paths.push_back(resolve_programs_dir(options.common));
  const Diagnostics diags = validate_program_data(inputs);
  const DiagnosticFormat format = options.format == "json"     ? DiagnosticFormat::json
                                  : options.format == "github" ? DiagnosticFormat::github
                                                               : DiagnosticFormat::text;
  render_diagnostics(diags, options.strict, format, std::cout);
  const size_t failures = diags.error_count() + (options.strict ? diags.warning_count() : 0);
  return failures > 0 ? kExitNone : kExitOk;
}

}  // namespace

Runner setup_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand("validate", "check program YAML (every problem in every file) for CI");
  sub->add_option("PATH", options->paths, "program folders or files (default: the programs folder)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("--format", options->format, "text, json or github (workflow annotations)")
      ->transform(CLI::IsMember({"text", "json", "github"}));
  sub->add_flag("--strict", options->strict, "treat warnings as errors");
  sub->add_option("--cases", options->cases,
                  "YAML test cases, to warn about programs without one (default: tests/cases next to the programs "
                  "folder, when it exists)");
  sub->add_option("--seeds", options->seeds,
                  "folder of the source announcements; each one common.yaml lists must be there");
  return [options] { return run_validate(*options); };
}

}  // namespace sfgrant::cli
