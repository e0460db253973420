// `sfgrant validate [PATH...]`: every problem in every program file, for people and for CI.
// resolve paths → load each year (collecting, not stopping) → coverage and citation checks → render.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.h"
#include "sfgrant/load/industries_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/rubric.h"
#include "sfgrant/text/file.h"
#include "sfgrant/validate/coverage.h"
#include "sfgrant/validate/rubric_checks.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

void setup_validate(CLI::App& app, std::shared_ptr<ValidateOptions> options) {
  CLI::App* sub = app.add_subcommand("validate", "check program YAML (every problem in every file) for CI");
  sub->add_option("PATH", options->paths, "program folders or files (default: the programs folder)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("--format", options->format, "text, json or github (workflow annotations)")
      ->transform(CLI::IsMember({"text", "json", "github"}));
  sub->add_flag("--strict", options->strict, "treat warnings as errors");
  sub->add_option("--cases", options->cases,
                  "YAML test cases, to warn about programs without one (default: tests/cases next to the programs "
                  "folder, when it exists)");
  sub->add_option("--seeds", options->seeds, "folder of the source announcements; each one common.yaml lists must be there");
}

namespace {

/// One year to load, and when the user named a single file, that file.
struct Target {
  fs::path root;  ///< the programs folder holding the year folder
  int year = 0;
  std::optional<fs::path> only;
};

bool is_year_dir(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

fs::path normal(const fs::path& p) {
  fs::path n = fs::absolute(p).lexically_normal();
  if (n.filename().empty()) n = n.parent_path();
  return n;
}

/// What a PATH argument names: a programs folder (every year), a year folder, or one file of a year
/// folder. A path that does not exist is bad usage (exit 2), not a finding.
void resolve_path(const std::string& path, std::vector<Target>& targets, Diagnostics& out) {
  std::error_code ec;
  const fs::path p(path);
  if (!fs::exists(p, ec)) throw Error(Location{path}, "no such file or folder");
  if (fs::is_directory(p, ec)) {
    fs::path dir = p.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    if (is_year_dir(normal(p))) {
      targets.push_back({dir.parent_path().empty() ? fs::path(".") : dir.parent_path(),
                         std::stoi(normal(p).filename().string()), std::nullopt});
      return;
    }
    const auto years = available_years(dir.string());
    if (years.empty()) out.error(Location{path}, "no year folders (like 2026/) here", "no-year");
    for (int y : years) targets.push_back({dir, y, std::nullopt});
    return;
  }
  fs::path parent = p.parent_path();
  if (parent.empty()) parent = ".";
  // a rubric (<year>/rubrics/<program>.yaml) is checked with its year
  if (normal(parent).filename() == "rubrics" && is_year_dir(normal(parent).parent_path())) parent = normal(parent).parent_path();
  if (!is_year_dir(normal(parent))) {
    if (p.filename() == "industries.yaml") {
      load_industries(read_file(path), path, out);
      return;
    }
    out.error(Location{path}, "a program file must sit in a year folder like programs/2026/", "layout");
    return;
  }
  targets.push_back({parent.parent_path().empty() ? fs::path(".") : parent.parent_path(),
                     std::stoi(normal(parent).filename().string()), p});
}

/// The cases folder for a programs folder: --cases, else `tests/cases` beside it when it exists.
std::string cases_dir_for(const ValidateOptions& options, const fs::path& root) {
  if (!options.cases.empty()) return options.cases;
  std::error_code ec;
  const fs::path beside = normal(root).parent_path() / "tests" / "cases";
  return fs::is_directory(beside, ec) ? beside.string() : std::string();
}

void validate_target(const ValidateOptions& options, const Target& t, Diagnostics& out) {
  Diagnostics all;
  const Catalogue cat = load_year(t.root.string(), t.year, all);
  validate_rubrics((t.root / std::to_string(t.year)).string(), all);
  if (const std::string cases = cases_dir_for(options, t.root); !cases.empty()) check_case_coverage(cat, cases, all);
  if (!options.seeds.empty()) check_announcement_files(cat, options.seeds, all);
  if (!t.only) {
    for (const auto& d : all.items()) out.add(d);
    return;
  }
  // One file: its own problems, and the errors of common.yaml that it depends on.
  const fs::path target = normal(*t.only);
  for (const auto& d : all.items()) {
    std::error_code ec;
    const bool same = !d.where.file.empty() && fs::equivalent(d.where.file, target, ec);
    const bool common = fs::path(d.where.file).filename() == "common.yaml";
    if (same || (common && d.severity == Severity::error)) out.add(d);
  }
}

/// GitHub workflow commands: `%`, CR and LF are escaped in the message, also `:` and `,` in properties.
std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* severity_name(const Diagnostic& d) { return d.severity == Severity::error ? "error" : "warning"; }

void render_json(const Diagnostics& diags, bool strict, std::ostream& out) {
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const auto& d : diags.items())
    problems.push_back({{"file", d.where.file},
                        {"line", d.where.line},
                        {"column", d.where.column},
                        {"severity", severity_name(d)},
                        {"code", d.code},
                        {"message", d.message}});
  out << nlohmann::ordered_json{{"errors", diags.error_count()},
                                {"warnings", diags.warning_count()},
                                {"strict", strict},
                                {"problems", problems}}
             .dump(2)
      << '\n';
}

void render_github(const Diagnostics& diags, bool strict, std::ostream& out) {
  for (const auto& d : diags.items()) {
    const bool as_error = d.severity == Severity::error || strict;
    std::string props = "file=" + github_escape(d.where.file, true);
    if (d.where.line > 0) props += fmt::format(",line={}", d.where.line);
    if (d.where.line > 0 && d.where.column > 0) props += fmt::format(",col={}", d.where.column);
    out << fmt::format("::{} {}::{}\n", as_error ? "error" : "warning", props, github_escape(d.message, false));
  }
}

void render_text(const Diagnostics& diags, bool strict, std::ostream& out) {
  for (const auto& d : diags.items()) print_diagnostic(out, d);
  out << fmt::format("{} error(s), {} warning(s){}\n", diags.error_count(), diags.warning_count(),
                     strict && diags.warning_count() > 0 ? " (--strict: warnings fail the check)" : "");
}

}  // namespace

int run_validate(const ValidateOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(resolve_programs_dir(options.common));
  std::error_code ec;
  if (!options.cases.empty() && !fs::is_directory(options.cases, ec))
    throw Error(Location{options.cases}, "--cases: no such folder");
  if (!options.seeds.empty() && !fs::is_directory(options.seeds, ec))
    throw Error(Location{options.seeds}, "--seeds: no such folder");

  Diagnostics diags;
  std::vector<Target> targets;
  for (const auto& p : paths) resolve_path(p, targets, diags);
  for (const Target& t : targets) validate_target(options, t, diags);

  if (options.format == "json") render_json(diags, options.strict, std::cout);
  else if (options.format == "github") render_github(diags, options.strict, std::cout);
  else render_text(diags, options.strict, std::cout);
  const size_t failures = diags.error_count() + (options.strict ? diags.warning_count() : 0);
  return failures > 0 ? kExitNone : kExitOk;
}

}  // namespace sfgrant::cli
