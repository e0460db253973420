// A year of program data: common.yaml, the KSIC tables, every program file and centers.yaml, loaded
// into one Catalogue in the announcement's order, with every problem collected.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "sfgrant/load/industries_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/file.h"

namespace sfgrant {
namespace fs = std::filesystem;

std::vector<int> available_years(const std::string& programs_dir) {
  std::vector<int> years;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(programs_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.size() == 4 && std::all_of(name.begin(), name.end(), ::isdigit))
      years.push_back(std::stoi(name));
  }
  std::sort(years.begin(), years.end());
  return years;
}

Location find_key_line(const std::string& file, const std::string& key, const std::string& needle, bool top_level) {
  std::string text;
  try {
    text = read_data_file(file);
  } catch (const Error&) {
    return Location{file, 1, 1};
  }
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const size_t k = line.find(key + ":");
    if (k == std::string::npos || line.find_first_not_of(" -", 0) != k || (top_level && k != 0)) continue;
    const size_t v = line.find(needle, k);
    if (v != std::string::npos) return Location{file, n, static_cast<int>(v) + 1};
  }
  return Location{file, 1, 1};
}

YearFiles year_files(const std::string& programs_dir, int year) {
  const fs::path dir = fs::path(programs_dir) / std::to_string(year);
  YearFiles files;
  files.common = (dir / "common.yaml").string();
  fs::path industries = dir / "industries.yaml";
  if (!fs::exists(industries)) industries = fs::path(programs_dir) / "industries.yaml";
  files.industries = industries.string();
  std::error_code ec;
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto ext = entry.path().extension().string();
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml") && name != "common.yaml" &&
        name != "industries.yaml")
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& f : found) files.programs.push_back(f.string());
  return files;
}

namespace {

/// Puts programs in the announcement's order and checks that the list and the files agree.
void order_programs(Catalogue& cat, const YearContext& context, Diagnostics& diags) {
  auto rank = [&](const std::string& id) {
    auto it = std::find(context.order.begin(), context.order.end(), id);
    return static_cast<size_t>(it - context.order.begin());
  };
  for (const Program& p : cat.programs)
    if (rank(p.id) == context.order.size())
      diags.error(find_key_line(p.file, "id", p.id, true),
                  fmt::format("program \"{}\" is not listed under `programs` in common.yaml", p.id), "unlisted");
  for (const std::string& id : context.order)
    if (cat.find_program(id) == nullptr)
      diags.error(context.order_where, fmt::format("common.yaml lists program \"{}\" but there is no {}.yaml", id, id),
                  "missing-program");
  std::stable_sort(cat.programs.begin(), cat.programs.end(),
                   [&](const Program& a, const Program& b) { return rank(a.id) < rank(b.id); });
}

}  // namespace

Catalogue load_year(const std::string& programs_dir, int year, Diagnostics& diags) {
  Catalogue cat;
  cat.year = year;
  const fs::path dir = fs::path(programs_dir) / std::to_string(year);
  cat.folder = dir.string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::string have;
    for (int y : available_years(programs_dir)) have += (have.empty() ? "" : ", ") + std::to_string(y);
    diags.error(
        Location{dir.string()},
        fmt::format("no programs for {} in {} (years available: {})", year, programs_dir, have.empty() ? "none" : have),
        "no-year");
    return cat;
  }
  auto read = [&](const fs::path& p) -> std::optional<std::string> {
    try {
      return read_data_file(p.string());
    } catch (const Error& e) {
      diags.error(e.where(), e.message(), "io");
      return std::nullopt;
    }
  };
  const YearFiles inputs = year_files(programs_dir, year);
  YearContext context;
  const fs::path common = inputs.common;
  if (!fs::exists(common)) {
    diags.error(Location{common.string()}, "missing common.yaml (the year, its announcements and rule sets)",
                "missing-file");
  } else if (auto text = read(common)) {
    context = load_common(*text, common.string(), diags);
    if (context.year != 0 && context.year != year)
      diags.error(context.year_where, fmt::format("year {} in a folder named {}", context.year, year), "inconsistent");
  }
  cat.announcements = context.announcements;

  const fs::path industries = inputs.industries;
  if (!fs::exists(industries)) {
    diags.error(Location{industries.string()}, "missing industries.yaml (KSIC tables for derived facts)",
                "missing-file");
  } else if (auto text = read(industries)) {
    cat.industries = load_industries(*text, industries.string(), diags);
  }

  std::map<std::string, std::string> ids;
  for (const std::string& file : inputs.programs) {
    const fs::path f(file);
    const std::string name = f.filename().string();
    auto text = read(f);
    if (!text) continue;
    if (name == "centers.yaml") {
      cat.centers = load_centers(*text, f.string(), context, diags);
      continue;
    }
    Program p = load_program(*text, f.string(), context, diags);
    if (p.id.empty()) continue;
    const Location id_line = find_key_line(f.string(), "id", p.id, true);
    if (f.stem().string() != p.id)
      diags.warning(id_line,
                    fmt::format("program id \"{}\" in a file named {}: name the file {}.yaml", p.id, name, p.id),
                    "file-name");
    auto [it, inserted] = ids.emplace(p.id, f.string());
    if (!inserted) {
      diags.error(id_line, fmt::format("duplicate program id \"{}\" in {} (also in {})", p.id, year, it->second),
                  "duplicate-id");
      continue;
    }
    cat.programs.push_back(std::move(p));
  }
  if (!context.order.empty()) order_programs(cat, context, diags);
  return cat;
}

Catalogue load_year(const std::string& programs_dir, int year) {
  Diagnostics diags;
  Catalogue cat = load_year(programs_dir, year, diags);
  diags.throw_if_errors();
  return cat;
}

}  // namespace sfgrant
