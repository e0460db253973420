#include "sfgrant/load/profile_csv.h"

#include <fmt/format.h>

#include <string_view>

#include "sfgrant/load/column_names.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/money.h"

namespace sfgrant {
namespace {

/// `plan.costs` (사업별 비용): a cell of `program[:track]=amount` items, separated like a list's.
bool is_costs_column(const std::string& header) {
  static const std::string path = column_key("plan.costs"), korean = column_key("사업별 비용");
  const std::string key = column_key(header);
  return key == path || key == korean;
}

/// An unknown header: the nearest name (a path, or a Korean name with its path) and what to do.
std::string unknown_column_message(const std::string& header, size_t column) {
  std::string message = fmt::format("unknown column \"{}\" (column {}) in the header", header, column);
  if (auto near = closest_column_name(header)) {
    const FactDef* f = column_field(*near);
    message += f->path == *near ? fmt::format("; did you mean \"{}\"?", *near)
                                : fmt::format("; did you mean \"{}\" ({})?", *near, f->path);
  } else {
    message +=
        "; expected a profile path like name, size, ksic, plan.total_cost or a Korean name like 회사명, 기업규모, "
        "업종코드, 총사업비";
  }
  return message + " (rename the column or remove it, or pass it through to the output with `--keep \"" + header +
         "\"`; `sfgrant schema profile` lists every column name)";
}

}  // namespace

CsvProfileMapper::CsvProfileMapper(const std::vector<std::string>& header, const std::string& file,
                                   const KeepColumns& keep)
    : file_(file) {
  // Excel exports often end the header with empty cells (name,size,ksic,,,): they are no columns
  size_t named = header.size();
  while (named > 1 && header[named - 1].find_first_not_of(" \t") == std::string::npos) --named;
  width_ = header.size();
  std::vector<bool> keep_found(keep.names.size(), false);
  for (size_t i = 0; i < named; ++i) {
    std::string h = header[i];
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.erase(h.begin());
    const Location at{file, 1, static_cast<int>(i + 1)};
    bool kept = false;
    for (size_t k = 0; k < keep.names.size(); ++k)
      if (!h.empty() && column_key(keep.names[k]) == column_key(h)) kept = keep_found[k] = true;
    const bool field = is_costs_column(h) || column_field(h) != nullptr;
    if (kept || (keep.all_unknown && !field)) {
      kept_.push_back(i);
      kept_names_.push_back(h);
      if (!field) {  // passed through only
        columns_.push_back(nullptr);
        read_.push_back(false);
        headers_.push_back(std::move(h));
        continue;
      }
    }
    read_.push_back(true);
    if (is_costs_column(h)) {  // plan.costs: a map, not a fact; null in columns_
      if (costs_column_)
        throw Error(at, fmt::format("columns {} \"{}\" and {} \"{}\" both mean plan.costs; keep one of them",
                                    *costs_column_ + 1, headers_[*costs_column_], i + 1, h));
      costs_column_ = i;
      columns_.push_back(nullptr);
      headers_.push_back(std::move(h));
      continue;
    }
    const FactDef* f = column_field(h);
    if (f == nullptr) throw Error(at, unknown_column_message(h, i + 1));
    for (size_t k = 0; k < i; ++k) {
      if (columns_[k] != f || !read_[k]) continue;
      if (headers_[k] == h)
        throw Error(at, fmt::format("column \"{}\" appears twice in the header (columns {} and {})", h, k + 1, i + 1));
      throw Error(at, fmt::format("columns {} \"{}\" and {} \"{}\" both mean the field \"{}\"; keep one of them", k + 1,
                                  headers_[k], i + 1, h, f->path));
    }
    columns_.push_back(f);
    headers_.push_back(std::move(h));
  }
  for (size_t k = 0; k < keep.names.size(); ++k)
    if (!keep_found[k])
      throw Error(Location{file, 1, 1}, fmt::format("--keep \"{}\": the header has no such column", keep.names[k]));
  for (size_t i = 0; i < columns_.size(); ++i) parsers_.push_back(parser_for(columns_[i], read_[i]));
  if (find_fact("name") != nullptr) {
    bool has_name = false;
    for (const FactDef* f : columns_) has_name = has_name || (f != nullptr && f->path == "name");
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

/// The items of a list cell: separated by `;` or line ends (Excel's Alt+Enter), and for a list of
/// words also by `,` (뿌리기업, 레전드50+). Not for amounts, whose commas group thousands (1,900만원).
std::vector<std::string> list_items(std::string_view cell, bool words) {
  const std::string_view separators = words ? ";,\r\n" : ";\r\n";
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find_first_of(separators, start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view item = trim(cell.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace

CsvProfileMapper::CellParser CsvProfileMapper::parser_for(const FactDef* f, bool read) {
  if (!read) return CellParser::skip;
  if (f == nullptr) return CellParser::costs;
  static const FactDef& ksic = fact("ksic");
  static const FactDef& business_number = fact("business_number");
  if (f->derived || f == &business_number) return CellParser::other;  // an error, or a check digit to check
  switch (f->type) {
    case FactType::boolean:
      return CellParser::yes_no;
    case FactType::number:
      return CellParser::count;
    case FactType::money:
      return CellParser::amount;
    case FactType::choice:
      return CellParser::choice;
    case FactType::text:
      // a name cell is never empty here (an empty cell is unknown), the one text assign_fact refuses
      return f == &ksic ? CellParser::ksic : CellParser::text;
    case FactType::list:
    case FactType::money_list:
      return CellParser::list;
  }
  return CellParser::other;
}

/// The direct parse of one (trimmed, non-empty) cell; false when it refuses the cell (assign_fact then
/// reads it, and says what is wrong).
bool CsvProfileMapper::parse_cell(CellParser parser, const FactDef& f, const std::string& cell, const Location& at,
                                  Profile& profile) {
  switch (parser) {
    case CellParser::yes_no:
      if (auto b = parse_yes_no(cell)) {
        profile.overwrite(f, at).flag = *b;
        return true;
      }
      return false;
    case CellParser::count:
      if (auto n = parse_count(cell)) {
        profile.overwrite(f, at).number = *n;
        return true;
      }
      return false;
    case CellParser::amount: {
      Won amount = 0;
      try {
        amount = parse_amount(cell);
      } catch (const Error&) {
        return false;
      }
      profile.overwrite(f, at).number = amount;
      return true;
    }
    case CellParser::choice:
      if (auto idx = f.vocabulary->find(cell)) {  // the full names of regions (대전광역시) go to assign_fact
        profile.overwrite(f, at).number = *idx;
        return true;
      }
      return false;
    case CellParser::text:
      profile.overwrite(f, at).text.assign(cell);
      return true;
    case CellParser::ksic:
      if (auto code = normalize_ksic(cell)) {
        profile.overwrite(f, at).text = std::move(*code);
        return true;
      }
      return false;
    case CellParser::skip:
    case CellParser::costs:
    case CellParser::list:
    case CellParser::other:
      break;
  }
  return false;
}

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
      const CellParser parser = parsers_[i];
      if (parser == CellParser::skip) continue;  // a kept-only column is not read
      const std::string_view trimmed = trim(fields[i]);
      if (trimmed.empty()) continue;  // an empty cell is unknown
      cell.assign(trimmed);
      at.column = static_cast<int>(i + 1);
      if (parser == CellParser::costs) {  // plan.costs: level-check=100만원; dx-mentor:aftercare=1,000만원
        for (const std::string& item : list_items(cell, false)) {
          const auto eq = item.find('=');
          if (eq == std::string::npos)
            throw Error(at, fmt::format("plan.costs: \"{}\": expected program=amount or program:track=amount, items "
                                        "separated by ; (e.g. level-check=100만원; dx-mentor:aftercare=1,000만원)",
                                        item));
          assign_program_cost(profile, std::string(trim(std::string_view(item).substr(0, eq))),
                              std::string(trim(std::string_view(item).substr(eq + 1))), at);
        }
        continue;
      }
      const FactDef& f = *columns_[i];
      if (parser == CellParser::list) {
        assign_list(profile, f, list_items(cell, f.type == FactType::list), {at});
      } else if (!parse_cell(parser, f, cell, at, profile)) {
        assign_fact(profile, f, cell, at);
      }
    }
  } catch (const Error& e) {
    // a column headed by another name than the field's path (목표수준) is named as the list has it
    const size_t i = static_cast<size_t>(at.column - 1);
    if (at.column > 0 && columns_[i] != nullptr && headers_[i] != columns_[i]->path)
      return fmt::format("column {} \"{}\": {}", at.column, headers_[i], e.message());
    return e.message();
  }
  Diagnostics diags;
  check_profile(profile, Location{file_, static_cast<int>(line), 0}, diags);
  if (diags.has_errors()) return diags.items().front().message;
  return std::nullopt;
}

void CsvProfileMapper::kept(const std::vector<std::string>& fields, std::vector<std::string>& out) const {
  out.resize(kept_.size());
  for (size_t k = 0; k < kept_.size(); ++k)
    if (kept_[k] < fields.size())
      out[k] = fields[kept_[k]];
    else
      out[k].clear();
}

}  // namespace sfgrant
