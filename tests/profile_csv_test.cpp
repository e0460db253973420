// CsvProfileMapper's per-column parsers against assign_fact, the general path: for every field and
// every way of writing its value (and wrong ones), the same profile or the same error (issue #20 item 1).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "sfgrant/load/profile_csv.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/profile.h"

using sfgrant::FactDef;
using sfgrant::FactType;
using sfgrant::Profile;

namespace {

/// Cells for a field: each of its words as written (id, Korean label, other words, other cases),
/// and values it must refuse.
std::vector<std::string> cells_for(const FactDef& f) {
  std::vector<std::string> out;
  switch (f.type) {
    case FactType::boolean:
      out = {"true", "FALSE", "Yes", "n", "예", "아니오", "○", "×", "없음", "maybe", "2"};
      break;
    case FactType::number:
      out = {"0", "7", "123456789", "1234567890", "12a", "-3", "1,000"};
      break;
    case FactType::money:
      out = {"150000000", "1,900만원", "3억", "4억원", "1.5억", "abc", "-1000", "99999999999999999999"};
      break;
    case FactType::choice:
    case FactType::list:
      for (const sfgrant::Choice& c : f.vocabulary->choices) {
        out.push_back(c.id);
        if (!c.label.empty()) out.push_back(c.label);
        for (const std::string& w : c.also) out.push_back(w);
      }
      out.insert(out.end(), {"대전광역시", "Daejeon", "충청북도", "nonsense", "BASIC"});
      break;
    case FactType::money_list:
      out = {"100만원", "1억", "abc"};
      break;
    case FactType::text:
      out = {"어떤 글", "C29294", "29294", "12345678", "123456", "1", "683-88-00370", "683-88-00371", "12-3"};
      break;
  }
  return out;
}

/// The profile the general path makes of the row (the old mapper's way): each non-empty cell through
/// assign_fact (one item a list; the cells are written trimmed), then check_profile; or the error it
/// stops at.
std::optional<std::string> general_path(const std::vector<const FactDef*>& columns, const std::vector<std::string>& row,
                                        long line, Profile& profile) {
  sfgrant::Location at{"list.csv", static_cast<int>(line), 0};
  try {
    for (size_t i = 0; i < columns.size(); ++i) {
      at.column = static_cast<int>(i + 1);
      if (row[i].empty()) continue;  // unknown
      if (columns[i]->type == FactType::list || columns[i]->type == FactType::money_list)
        sfgrant::assign_list(profile, *columns[i], {row[i]}, {at});
      else
        sfgrant::assign_fact(profile, *columns[i], row[i], at);
    }
  } catch (const sfgrant::Error& e) {
    return e.message();
  }
  sfgrant::Diagnostics diags;
  sfgrant::check_profile(profile, sfgrant::Location{"list.csv", static_cast<int>(line), 0}, diags);
  if (diags.has_errors()) return diags.items().front().message;
  return std::nullopt;
}

/// Every fact as its value and where it was given.
std::string describe(const Profile& p) {
  std::string out;
  for (const FactDef& f : sfgrant::all_facts()) {
    if (!p.has(f)) continue;
    const sfgrant::Value& v = p.get(f);
    out += fmt::format("{}: flag={} number={} text=\"{}\" items={} amounts={} at {}\n", f.path, v.flag, v.number,
                       v.text, fmt::join(v.items, ","), fmt::join(v.amounts, ","), p.where(f).str());
  }
  return out;
}

}  // namespace

TEST_CASE("a CSV cell of every field reads as assign_fact reads it, errors included", "[profile_csv]") {
  const FactDef& name = sfgrant::fact("name");
  int compared = 0, refused = 0;
  Profile fast;  // reused row after row, as batch does
  for (const FactDef& f : sfgrant::all_facts()) {
    if (&f == &name || f.derived) continue;
    const sfgrant::CsvProfileMapper mapper({"name", f.path}, "list.csv");
    for (const std::string& cell : cells_for(f)) {
      CAPTURE(f.path, cell);
      fast.reset();
      const auto fast_error = mapper.map({"한빛", " " + cell + " "}, 7, fast);
      Profile general;
      const auto general_error = general_path({&name, &f}, {"한빛", cell}, 7, general);
      REQUIRE(fast_error == general_error);
      if (!fast_error) REQUIRE(describe(fast) == describe(general));
      ++compared;
      refused += fast_error ? 1 : 0;
    }
  }
  // both kinds were met: cells read and cells refused
  REQUIRE(compared > 300);
  REQUIRE(refused > 30);
  REQUIRE(compared - refused > 200);
}

TEST_CASE("a CSV row of every field at once reads as assign_fact reads it", "[profile_csv]") {
  std::vector<const FactDef*> columns;
  std::vector<std::string> header;
  for (const FactDef& f : sfgrant::all_facts())
    if (!f.derived) {
      columns.push_back(&f);
      header.push_back(f.path);
    }
  const sfgrant::CsvProfileMapper mapper(header, "list.csv");
  Profile fast;
  int read = 0;
  // row k takes each field's k-th readable cell (wrapping), so the whole row reads
  for (size_t k = 0; k < 12; ++k) {
    std::vector<std::string> row;
    for (const FactDef* f : columns) {
      std::vector<std::string> good;
      for (const std::string& cell : cells_for(*f)) {
        Profile one;
        sfgrant::Location at{"list.csv", 1, 1};
        try {
          if (f->type == FactType::list || f->type == FactType::money_list)
            sfgrant::assign_list(one, *f, {cell}, {at});
          else
            sfgrant::assign_fact(one, *f, cell, at);
          good.push_back(cell);
        } catch (const sfgrant::Error&) {
        }
      }
      if (f->path == "name")
        row.emplace_back("한빛");
      else if (f->path == "plan.yearly_costs" || good.empty())  // yearly costs would have to add up to the total
        row.emplace_back();
      else
        row.push_back(good[k % good.size()]);
    }
    CAPTURE(k, fmt::join(row, ","));
    fast.reset();
    const auto fast_error = mapper.map(row, static_cast<long>(k + 2), fast);
    Profile general;
    const auto general_error = general_path(columns, row, static_cast<long>(k + 2), general);
    REQUIRE(fast_error == general_error);
    if (!fast_error) {
      REQUIRE(describe(fast) == describe(general));
      ++read;
    }
  }
  REQUIRE(read == 12);
}
