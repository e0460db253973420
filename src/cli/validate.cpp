#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "sfgrant/program_loader.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

void setup_validate(CLI::App& app, std::shared_ptr<ValidateOptions> options) {
  CLI::App* sub = app.add_subcommand("validate", "check program YAML (every problem in every file) for CI");
  sub->add_option("PATH", options->paths, "program folders or files (default: the programs folder)");
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("--format", options->format, "text, json or github (workflow annotations)")
      ->transform(CLI::IsMember({"text", "json", "github"}));
  sub->add_flag("--strict", options->strict, "treat warnings as errors");
}

namespace {

bool is_year_dir(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() == 4 && std::all_of(name.begin(), name.end(), ::isdigit);
}

/// Validates a path: a programs root (every year), a year folder, or one file of a year folder.
void validate_path(const std::string& path, Diagnostics& out) {
  std::error_code ec;
  fs::path p = fs::path(path);
  if (!fs::exists(p, ec)) {
    out.error(Location{path}, "no such file or folder", "io");
    return;
  }
  if (fs::is_directory(p, ec)) {
    fs::path dir = p.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    if (is_year_dir(dir)) {
      load_year(dir.parent_path().string(), std::stoi(dir.filename().string()), out);
      return;
    }
    auto years = available_years(dir.string());
    if (years.empty()) out.error(Location{path}, "no year folders (like 2026/) here", "no-year");
    for (int y : years) load_year(dir.string(), y, out);
    return;
  }
  fs::path parent = p.parent_path();
  if (parent.empty()) parent = ".";
  if (!is_year_dir(fs::absolute(parent).lexically_normal())) {
    if (p.filename() == "industries.yaml") {
      load_industries(read_file(path), path, out);
      return;
    }
    out.error(Location{path}, "a program file must sit in a year folder like programs/2026/", "layout");
    return;
  }
  const fs::path year_dir = fs::absolute(parent).lexically_normal();
  Diagnostics all;
  load_year(year_dir.parent_path().string(), std::stoi(year_dir.filename().string()), all);
  const fs::path target = fs::absolute(p).lexically_normal();
  for (const auto& d : all.items()) {
    std::error_code e2;
    const bool same = fs::equivalent(d.where.file, target, e2);
    const bool common = fs::path(d.where.file).filename() == "common.yaml";
    if (same || (common && d.severity == Severity::error)) out.add(d);
  }
}

}  // namespace

int run_validate(const ValidateOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(resolve_programs_dir(options.common));
  Diagnostics diags;
  for (const auto& p : paths) validate_path(p, diags);
  const size_t errors = diags.error_count() + (options.strict ? diags.warning_count() : 0);
  if (options.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& d : diags.items())
      j.push_back({{"file", d.where.file},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"severity", d.severity == Severity::error ? "error" : "warning"},
                   {"code", d.code},
                   {"message", d.message}});
    std::cout << nlohmann::ordered_json{{"errors", diags.error_count()}, {"warnings", diags.warning_count()}, {"problems", j}}.dump(2)
              << '\n';
  } else if (options.format == "github") {
    for (const auto& d : diags.items()) {
      const bool err = d.severity == Severity::error || options.strict;
      std::cout << fmt::format("::{} file={},line={},col={}::{}\n", err ? "error" : "warning", d.where.file,
                               d.where.line, d.where.column, d.message);
    }
  } else {
    for (const auto& d : diags.items()) print_diagnostic(std::cout, d);
    std::cout << fmt::format("{} error(s), {} warning(s)\n", diags.error_count(), diags.warning_count());
  }
  return errors > 0 ? kExitNone : kExitOk;
}

}  // namespace sfgrant::cli
