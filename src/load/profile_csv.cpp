#include "sfgrant/load/profile_csv.h"

#include <fmt/format.h>

#include <string_view>

#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant {

CsvProfileMapper::CsvProfileMapper(const std::vector<std::string>& header, const std::string& file) : file_(file) {
  std::vector<std::string> names;
  for (const FactDef& f : all_facts())
    if (!f.derived) names.push_back(f.path);
  // Excel exports often end the header with empty cells (name,size,ksic,,,): they are no columns
  size_t named = header.size();
  while (named > 1 && header[named - 1].find_first_not_of(" \t") == std::string::npos) --named;
  width_ = header.size();
  for (size_t i = 0; i < named; ++i) {
    std::string h = header[i];
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.erase(h.begin());
    const FactDef* f = find_fact(h);
    if (f == nullptr || f->derived) {
      std::string message = fmt::format("unknown column \"{}\" (column {}) in the header", h, i + 1);
      if (auto near = closest(h, names))
        message += fmt::format("; did you mean \"{}\"?", *near);
      else
        message += "; columns are profile paths like name, size, ksic, status.tax_arrears, plan.total_cost";
      throw Error(Location{file, 1, static_cast<int>(i + 1)}, message);
    }
    for (size_t k = 0; k < i; ++k)
      if (columns_[k] == f)
        throw Error(Location{file, 1, static_cast<int>(i + 1)},
                    fmt::format("column \"{}\" appears twice in the header (columns {} and {})", h, k + 1, i + 1));
    columns_.push_back(f);
  }
  if (find_fact("name") != nullptr) {
    bool has_name = false;
    for (const FactDef* f : columns_) has_name = has_name || f->path == "name";
    if (!has_name) throw Error(Location{file, 1, 1}, "the header has no \"name\" column (every profile needs a name)");
  }
}

namespace {

std::string_view trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

}  // namespace

std::optional<std::string> CsvProfileMapper::map(const std::vector<std::string>& fields, long line,
                                                 Profile& profile) const {
  if (fields.size() < columns_.size() || fields.size() > width_) {
    if (width_ == columns_.size())
      return fmt::format("{} fields, but the header has {} columns", fields.size(), columns_.size());
    return fmt::format("{} fields, but the header has {} columns (and {} empty ones after them)", fields.size(),
                       columns_.size(), width_ - columns_.size());
  }
  for (size_t i = columns_.size(); i < fields.size(); ++i)
    if (!trim(fields[i]).empty())
      return fmt::format(
          "column {} has no name in the header but holds \"{}\" (cells under an empty header cell "
          "must be empty)",
          i + 1, fields[i]);
  // one location and one cell buffer for the whole row: copying the file name into a new
  // Location for every cell was a good part of the mapping
  Location at{file_, static_cast<int>(line), 0};
  std::string cell;
  try {
    for (size_t i = 0; i < columns_.size(); ++i) {
      const FactDef& f = *columns_[i];
      const std::string_view trimmed = trim(fields[i]);
      if (trimmed.empty()) continue;  // an empty cell is unknown
      cell.assign(trimmed);
      at.column = static_cast<int>(i + 1);
      if (f.type == FactType::list || f.type == FactType::money_list) {
        std::vector<std::string> items;
        size_t start = 0;
        while (start <= cell.size()) {
          size_t semi = cell.find(';', start);
          if (semi == std::string::npos) semi = cell.size();
          std::string_view item = trim(std::string_view(cell).substr(start, semi - start));
          if (!item.empty()) items.emplace_back(item);
          start = semi + 1;
        }
        assign_list(profile, f, items, {at});
      } else {
        assign_fact(profile, f, cell, at);
      }
    }
  } catch (const Error& e) {
    return e.message();
  }
  Diagnostics diags;
  check_profile(profile, Location{file_, static_cast<int>(line), 0}, diags);
  if (diags.has_errors()) return diags.items().front().message;
  return std::nullopt;
}

}  // namespace sfgrant
