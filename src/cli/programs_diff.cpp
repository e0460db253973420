// `sfgrant programs diff`: what changed between two years, or between two data folders.
#include "programs_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/catalogue_diff.h"

namespace sfgrant::cli {
namespace {

std::string years_text(const std::vector<int>& years) {
  std::string out;
  for (const int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out.empty() ? "none" : out;
}

/// A checkout's root holds its data in programs/: accept either.
std::string data_folder(const std::string& dir) {
  std::error_code ec;
  if (available_years(dir).empty() && std::filesystem::is_directory(std::filesystem::path(dir) / "programs", ec))
    return (std::filesystem::path(dir) / "programs").string();
  return dir;
}

}  // namespace

Catalogue load_year_of(const CommonOptions& common, const std::string& dir, const std::string& year, const char* what) {
  const bool four_digits = year.size() == 4 && year[0] >= '1' && year[0] <= '9' &&
                           std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::vector<int> years = available_years(dir);
  if (!four_digits)
    throw Error(fmt::format("{}: a year is 4 decimal digits, like 2026: \"{}\" (years in {}: {})", what, year, dir,
                            years_text(years)));
  if (years.empty())
    throw Error(Location{dir}, fmt::format("{}: no program years here (expected folders like {}/2026)", what, dir));
  const int y = std::stoi(year);
  if (std::find(years.begin(), years.end(), y) == years.end())
    throw Error(Location{dir},
                fmt::format("{}: no program year {} here; the years are {}", what, y, years_text(years)));
  CommonOptions one = common;
  one.programs = dir;
  one.year = y;
  return load_catalogue(one);
}

int run_programs_diff(const CommonOptions& common, const ProgramsDiffOptions& options) {
  // load both catalogues → diff → render
  const std::string here = resolve_programs_dir(common);
  if (options.against.empty() && (options.first.empty() || options.second.empty()))
    throw Error(
        fmt::format("programs diff needs two years, e.g. `programs diff 2023 2026`, or --against DIR "
                    "(years in {}: {})",
                    here, years_text(available_years(here))));
  const std::string first =
      !options.first.empty() ? options.first : std::to_string(resolve_year(common, here));  // --year, else the newest
  const Catalogue before = load_year_of(common, here, first, "programs diff");
  const std::string there = options.against.empty() ? here : data_folder(options.against);
  const std::string second = !options.second.empty() ? options.second : first;
  const Catalogue after = load_year_of(common, there, second, options.against.empty() ? "programs diff" : "--against");
  DiffSides sides{std::to_string(before.year), std::to_string(after.year)};
  if (!options.against.empty()) {
    sides.before += " (" + here + ")";
    sides.after += " (" + there + ")";
  }
  const CatalogueDiff diff = diff_catalogues(before, after);
  render_catalogue_diff(diff, sides, render_options(common), resolve_format(common), std::cout);
  return kExitOk;
}

}  // namespace sfgrant::cli
