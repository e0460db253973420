// Resolve paths → load each year (collecting, not stopping) → rubrics, coverage and citation checks.
#include "sfgrant/validate/validate.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "sfgrant/load/industries_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/file.h"
#include "sfgrant/validate/coverage.h"
#include "sfgrant/validate/rubric_checks.h"

namespace sfgrant {
namespace fs = std::filesystem;
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
  if (normal(parent).filename() == "rubrics" && is_year_dir(normal(parent).parent_path()))
    parent = normal(parent).parent_path();
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
std::string cases_dir_for(const ValidationInputs& options, const fs::path& root) {
  if (!options.cases.empty()) return options.cases;
  std::error_code ec;
  const fs::path beside = normal(root).parent_path() / "tests" / "cases";
  return fs::is_directory(beside, ec) ? beside.string() : std::string();
}

void validate_target(const ValidationInputs& options, const Target& t, Diagnostics& out) {
  Diagnostics all;
  const Catalogue cat = load_year(t.root.string(), t.year, all);
  validate_rubrics((t.root / std::to_string(t.year)).string(), all);
  if (const std::string cases = cases_dir_for(options, t.root); !cases.empty()) check_case_coverage(cat, cases, all);
  if (!options.seeds.empty()) check_announcement_files(cat, options.seeds, all);
  if (!t.only) {
    for (const auto& d : all.items()) out.add(d);
    for (const auto& [file, o] : all.omitted()) out.add_omitted(file, o);
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
  for (const auto& [file, o] : all.omitted()) {
    std::error_code ec;
    if (!file.empty() && fs::equivalent(file, target, ec)) out.add_omitted(file, o);
    if (fs::path(file).filename() == "common.yaml") out.add_omitted(file, Omitted{o.errors, 0});
  }
}

}  // namespace

Diagnostics validate_program_data(const ValidationInputs& inputs) {
  std::error_code ec;
  if (!inputs.cases.empty() && !fs::is_directory(inputs.cases, ec))
    throw Error(Location{inputs.cases}, "--cases: no such folder");
  if (!inputs.seeds.empty() && !fs::is_directory(inputs.seeds, ec))
    throw Error(Location{inputs.seeds}, "--seeds: no such folder");
  Diagnostics diags;
  std::vector<Target> targets;
  for (const auto& p : inputs.paths) resolve_path(p, targets, diags);
  for (const Target& t : targets) validate_target(inputs, t, diags);
  return diags;
}

}  // namespace sfgrant
