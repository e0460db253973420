// `sfgrant score PROGRAM --sheet FILE | --template`: a selection score from an announcement's
// evaluation sheet (선정평가). Pipeline: find the year → load the rubric → load the sheet → score → render.
#include <fmt/format.h>

#include <filesystem>

#include "commands.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/load/rubric_loader.h"
#include "sfgrant/load/sheet_loader.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/diagnostics.h"
#include "sfgrant/render/score.h"
#include "sfgrant/render/sheet_template.h"
#include "sfgrant/score/score.h"
#include "sfgrant/text/file.h"
#include "sfgrant/validate/rubric_checks.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

struct ScoreOptions {
  CommonOptions common;
  std::string program;
  std::string sheet;
  std::string stage;
  bool print_template = false;
};

namespace {

int run_score(const ScoreOptions& options);

/// --year, else the newest year that has an evaluation sheet for the program, else the newest year.
int score_year(const ScoreOptions& options, const std::string& programs_dir) {
  if (options.common.year != 0) return resolve_year(options.common, programs_dir);
  auto years = available_years(programs_dir);
  for (auto y = years.rbegin(); y != years.rend(); ++y) {
    const auto ids = rubric_programs((fs::path(programs_dir) / std::to_string(*y)).string());
    if (std::find(ids.begin(), ids.end(), options.program) != ids.end()) return *y;
  }
  return resolve_year(options.common, programs_dir);
}

[[noreturn]] void no_rubric(const std::string& programs_dir, int year, const std::string& program) {
  std::vector<std::string> all;
  std::vector<std::string> ids;
  for (int y : available_years(programs_dir))
    for (const auto& id : rubric_programs((fs::path(programs_dir) / std::to_string(y)).string())) {
      all.push_back(fmt::format("{} ({})", id, y));
      ids.push_back(id);
    }
  std::string message = fmt::format("no evaluation sheet for \"{}\" in {}", program, year);
  if (auto near = closest(program, ids); near && *near != program)
    message += fmt::format("; did you mean \"{}\"?", *near);
  if (!all.empty()) message += fmt::format("; sheets exist for {}", fmt::join(all, ", "));
  throw Error(message);
}

const Stage& pick_stage(const Rubric& rubric, const std::string& wanted) {
  std::vector<std::string> ids;
  std::string listed;
  for (const auto& s : rubric.stages) {
    ids.push_back(s.id);
    listed += fmt::format("{}{} ({})", listed.empty() ? "" : ", ", s.id, s.name.ko);
  }
  if (wanted.empty()) {
    if (rubric.stages.size() == 1) return rubric.stages.front();
    throw Error(
        fmt::format("{} has {} stages: choose one with --stage: {}", rubric.program, rubric.stages.size(), listed));
  }
  if (const Stage* s = rubric.find_stage(wanted)) return *s;
  std::string message = fmt::format("unknown --stage \"{}\" of {}", wanted, rubric.program);
  if (auto near = closest(wanted, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
  throw Error(message + "; expected one of " + listed);
}

int run_score(const ScoreOptions& options) {
  // find the year → load and check the rubric → (template, or load the sheet → score) → render
  const std::string dir = resolve_programs_dir(options.common);
  const int year = score_year(options, dir);
  const std::string year_dir = (fs::path(dir) / std::to_string(year)).string();
  Diagnostics rubric_diags;
  const std::optional<Rubric> rubric = load_program_rubric(year_dir, options.program, rubric_diags);
  if (!rubric) no_rubric(dir, year, options.program);
  check_rubric(*rubric, rubric_diags);
  if (rubric_diags.has_errors()) {
    for (const auto& d : rubric_diags.items())
      if (d.severity == Severity::error) print_diagnostic(std::cerr, d);
    throw Error(Location{rubric->file}, fmt::format("the evaluation sheet data has {} error(s); run `sfgrant validate`",
                                                    rubric_diags.error_count()));
  }
  const RenderOptions ro = render_options(options.common);
  if (options.print_template) {
    write_sheet_template(*rubric, pick_stage(*rubric, options.stage), ro.lang, std::cout);
    return kExitOk;
  }
  if (options.sheet.empty()) throw Error("give --sheet FILE to score a filled-in sheet, or --template to print one");
  Diagnostics sheet_diags;
  const Sheet sheet = load_sheet(read_file(options.sheet), options.sheet, *rubric, options.stage, sheet_diags);
  if (sheet_diags.has_errors()) {
    for (const auto& d : sheet_diags.items()) print_diagnostic(std::cerr, d);
    std::cerr << fmt::format(
        "sfgrant: error: {}: {} error(s) in the sheet; `sfgrant score {} --template` prints one to fill in\n",
        options.sheet, sheet_diags.error_count(), options.program);
    return kExitUsage;
  }
  const ScoreResult result = score_sheet(*rubric, *rubric->find_stage(sheet.stage), sheet);
  render_score(result, sheet, year, ro, resolve_format(options.common), std::cout);
  return result.verdict == Verdict::fail ? kExitNone : kExitOk;
}

}  // namespace

Runner setup_score(CLI::App& app) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* sub = app.add_subcommand("score", "selection score from an announcement's evaluation sheet (선정평가)");
  sub->add_option("PROGRAM", options->program, "program with an evaluation sheet, e.g. daejeon-as, lighthouse")
      ->required();
  CLI::Option* sheet = sub->add_option("--sheet", options->sheet, "filled-in sheet (YAML, - for stdin)");
  CLI::Option* tmpl = sub->add_flag("--template", options->print_template, "print a sheet to fill in");
  sheet->excludes(tmpl);
  sub->add_option("--stage", options->stage, "stage of the selection, e.g. first (default: the sheet's `stage`)");
  add_common(*sub, options->common);
  return [options] { return run_score(*options); };
}

}  // namespace sfgrant::cli
