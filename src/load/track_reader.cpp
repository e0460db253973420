// A track and its money terms: cap, ratio, years, the level-dependent cap table, three-party shares,
// cash and in-kind limits, and the checks that tie them together.
#include "program_reader.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include "sfgrant/load/data_keys.h"

namespace sfgrant::detail {

Track ProgramReader::track(const YAML::Node& n, const std::string& program_id) {
  Track t;
  t.where = at(n);
  if (!keys(n, "track", DataMap::track)) return t;
  if (auto id = need(n, "id", "track")) t.id = scalar(id, "track.id").value_or("");
  const std::string ctx = fmt::format("track {}:{}", program_id, t.id);
  if (auto name = need(n, "name", ctx)) t.name = text(name, ctx + ".name", true);
  t.source = source(n, ctx);
  if (n["months"]) t.months = positive(n["months"], ctx + ".months");
  if (n["cap"]) t.cap = amount(n["cap"], ctx + ".cap");
  if (n["ratio"]) t.ratio = ratio(n["ratio"], ctx + ".ratio");
  if (n["years"]) t.years = positive(n["years"], ctx + ".years").value_or(1);
  if (n["cap_per_year"]) t.cap_per_year = amount(n["cap_per_year"], ctx + ".cap_per_year");
  if (n["cap_by_level"]) level_table(n["cap_by_level"], t, ctx + ".cap_by_level");
  if (!t.cap_by_level.empty()) t.rules.push_back(level_table_rule(t));
  t.large_company_min = opt_ratio(n, "large_company_min", ctx);
  t.company_max = opt_ratio(n, "company_max", ctx);
  t.in_kind_max = opt_ratio(n, "in_kind_max", ctx);
  t.company_cash_min = opt_ratio(n, "company_cash_min", ctx);
  if (n["local_government"]) t.local_government = scalar(n["local_government"], ctx + ".local_government").value_or("");
  if (n["cost"]) {
    const std::string basis = scalar(n["cost"], ctx + ".cost").value_or("");
    if (basis == "own")
      t.cost = CostBasis::own;
    else if (basis != "build")
      error(n["cost"],
            fmt::format("{}.cost: \"{}\": expected build (the smart-factory build budget, plan.total_cost) "
                        "or own (the track's own cost: a fee, consultation, diagnosis, R&D or service)",
                        ctx, basis),
            "bad-value");
  }
  t.large_company_in_kind_max = opt_party_limit(n, "large_company_in_kind_max", ctx);
  t.company_own_staff_max = opt_party_limit(n, "company_own_staff_max", ctx);
  t.supplier_private_min = opt_party_limit(n, "supplier_private_min", ctx);
  t.local_government_max = opt_party_limit(n, "local_government_max", ctx);
  t.group_cap = opt_group_cap(n, t, ctx);
  if (n["rules"]) rules(n["rules"], ctx + ".rules", t.rules, true);
  if (n["notes"]) t.notes = notes(n["notes"], ctx + ".notes", false);
  if (n["schedule"]) t.schedule = schedule(n["schedule"], ctx + ".schedule");
  check_track_money(n, t, ctx);
  return t;
}

std::optional<Ratio> ProgramReader::opt_ratio(const YAML::Node& map, const char* key, const std::string& ctx) {
  if (!map[key]) return std::nullopt;
  return ratio(map[key], ctx + "." + key);
}

/// `{share: 20%, source: "…"}`: a limit on one party's contribution and the clause it comes from.
std::optional<PartyLimit> ProgramReader::opt_party_limit(const YAML::Node& map, const char* key,
                                                         const std::string& ctx) {
  const YAML::Node n = map[key];
  if (!n) return std::nullopt;
  const std::string where = ctx + "." + key;
  if (!keys(n, where, DataMap::party_limit)) return std::nullopt;
  PartyLimit limit;
  if (auto share = need(n, "share", where)) limit.share = ratio(share, where + ".share").value_or(Ratio{});
  limit.source = source(n, where);
  return limit;
}

/// `{per: consortium, cap: 10억원, share: 50%, source: "…"}` or `{per: consortium, per_member: true, …}`:
/// a cap on the group the company is a member of, as a sum or as the track's cap for each member.
std::optional<GroupCap> ProgramReader::opt_group_cap(const YAML::Node& map, const Track& t, const std::string& ctx) {
  const YAML::Node n = map["group_cap"];
  if (!n) return std::nullopt;
  const std::string where = ctx + ".group_cap";
  if (!keys(n, where, DataMap::group_cap)) return std::nullopt;
  GroupCap g;
  if (auto per = need(n, "per", where)) {
    const std::string value = scalar(per, where + ".per").value_or("");
    if (value == "supplier")
      g.per = GroupCap::Per::supplier;
    else if (value != "consortium")
      error(per,
            fmt::format("{}.per: \"{}\": expected consortium (the consortium the company is a member of) or "
                        "supplier (its supplier's projects in the program)",
                        where, value),
            "bad-value");
  }
  if (n["cap"]) g.cap = amount(n["cap"], where + ".cap");
  if (n["per_member"]) g.per_member = boolean(n["per_member"], where + ".per_member").value_or(false);
  if (n["share"]) g.share = ratio(n["share"], where + ".share");
  g.source = source(n, where);
  if (g.cap.has_value() == g.per_member)
    error(n,
          fmt::format("{}: give either cap (the group's cap as a sum) or per_member: true (the track's cap for "
                      "each member)",
                      where),
          "inconsistent");
  if (g.per_member && g.per != GroupCap::Per::consortium)
    error(n["per_member"], fmt::format("{}: per_member counts consortium.members: it needs per: consortium", where),
          "inconsistent");
  if (g.share && g.per != GroupCap::Per::consortium)
    error(n["share"],
          fmt::format("{}: share is of the consortium's total cost (consortium.total_cost): it needs per: consortium",
                      where),
          "inconsistent");
  if (!t.ratio)
    error(n, fmt::format("{}: group_cap needs the track's ratio (a split to limit)", where), "inconsistent");
  return g;
}

/// A level-dependent cap table (레전드50+ 현재-목표 수준별 지원한도). Each row answers one
/// current → target pair with a cap, or with `cap: none` where the announcement supports none.
/// The table must answer every pair it covers exactly once: for each `from` and each `to` it
/// names (with from below to), one row.
void ProgramReader::level_table(const YAML::Node& n, Track& t, const std::string& ctx) {
  if (!keys(n, ctx, DataMap::level_table)) return;
  t.cap_by_level_source = source(n, ctx);
  YAML::Node rows = need(n, "rows", ctx);
  if (!rows) return;
  if (!rows.IsSequence() || rows.size() == 0) {
    error(rows, fmt::format("{}.rows: expected a list of {{from, to, cap}}", ctx), "wrong-type");
    return;
  }
  const auto& levels = level_vocabulary().choices;
  auto name = [&](int idx) { return levels[static_cast<size_t>(idx)].id; };
  std::map<std::pair<int, int>, Location> answered;  // every readable row, `cap: none` included
  std::set<int> froms;
  std::set<int> tos;
  bool rows_ok = true;
  for (const auto& row : rows) {
    if (!keys(row, ctx + ".rows", DataMap::level_row)) {
      rows_ok = false;
      continue;
    }
    LevelCap lc;
    lc.where = at(row);
    bool ok = true;
    for (const char* key : {"from", "to"}) {
      YAML::Node v = need(row, key, ctx + ".rows");
      if (!v) {
        ok = false;
        continue;
      }
      auto word = scalar(v, ctx + ".rows." + key);
      auto idx = word ? level_vocabulary().find(*word) : std::nullopt;
      if (!idx) {
        if (word)
          error(v,
                fmt::format("{}.rows.{}: \"{}\" is not a level; expected one of {}", ctx, key, *word,
                            level_vocabulary().describe()),
                "bad-level");
        ok = false;
        continue;
      }
      (std::string(key) == "from" ? lc.from : lc.to) = *idx;
    }
    YAML::Node cap = need(row, "cap", ctx + ".rows");
    const bool unsupported = cap && cap.IsScalar() && cap.Scalar() == "none";
    std::optional<Won> w;
    if (cap && !unsupported) w = amount(cap, ctx + ".rows.cap");
    if (!ok || (!w && !unsupported)) {
      rows_ok = false;
      continue;
    }
    if (lc.to <= lc.from) {
      error(row, fmt::format("{}: a row from {} to {} does not raise the level", ctx, name(lc.from), name(lc.to)),
            "bad-level");
      rows_ok = false;
      continue;
    }
    auto [it, inserted] = answered.emplace(std::pair{lc.from, lc.to}, lc.where);
    if (!inserted) {
      error(row,
            fmt::format("{}: the pair {} → {} is given twice (first at {}); a table needs exactly one answer", ctx,
                        name(lc.from), name(lc.to), it->second.str()),
            "overlap");
      continue;
    }
    froms.insert(lc.from);
    tos.insert(lc.to);
    if (unsupported) continue;
    lc.cap = *w;
    t.cap_by_level.push_back(lc);
  }
  if (!rows_ok) return;  // the gaps of a table with broken rows would only repeat those errors
  std::vector<std::string> missing;
  for (int from : froms)
    for (int to : tos)
      if (from < to && answered.count({from, to}) == 0) missing.push_back(name(from) + " → " + name(to));
  if (!missing.empty()) {
    auto names = [&](const std::set<int>& set) {
      std::vector<std::string> out;
      for (int i : set) out.push_back(name(i));
      return fmt::format("{}", fmt::join(out, ", "));
    };
    error(rows,
          fmt::format("{}: no row for {}; the table covers from {} to {}, so it needs one row for each pair "
                      "(write `cap: none` where the announcement supports none)",
                      ctx, fmt::join(missing, ", "), names(froms), names(tos)),
          "missing-row");
  }
  if (t.cap_by_level.empty())
    error(rows, fmt::format("{}: every row says `cap: none`; the track would support no level pair", ctx),
          "missing-row");
}

/// The level table as a rule: the current → target pair must be one of its rows.
Rule ProgramReader::level_table_rule(const Track& t) {
  Rule r;
  r.id = "level-table";
  r.source = t.cap_by_level_source;
  r.where = t.cap_by_level.front().where;
  r.message = {"현재-목표 수준 조합이 지원한도 표에 있어야 함",
               "The current → target level pair must be one of the cap table's rows"};
  r.require.kind = Condition::Kind::any;
  const auto& levels = level_vocabulary().choices;
  for (const LevelCap& row : t.cap_by_level) {
    Condition both;
    both.kind = Condition::Kind::all;
    for (const auto& [path, idx] :
         {std::pair{"smart_factory.level", row.from}, std::pair{"smart_factory.target_level", row.to}}) {
      Condition c;
      c.kind = Condition::Kind::compare;
      c.fact = &fact(path);
      c.op = CompareOp::eq;
      c.rhs.numbers = {idx};
      c.text = fmt::format("{} == {}", path, levels[static_cast<size_t>(idx)].id);
      c.where = row.where;
      both.children.push_back(std::move(c));
    }
    r.require.children.push_back(std::move(both));
  }
  return r;
}

void ProgramReader::check_track_money(const YAML::Node& n, const Track& t, const std::string& ctx) {
  if (t.cap_per_year && t.years < 2)
    error(n["cap_per_year"], fmt::format("{}: cap_per_year needs years of 2 or more", ctx), "inconsistent");
  if (t.years > 1 && !t.cap_per_year)
    error(n["years"], fmt::format("{}: a multi-year track needs cap_per_year", ctx), "inconsistent");
  if (t.cap && t.cap_per_year && *t.cap_per_year > *t.cap)
    error(n["cap_per_year"], fmt::format("{}: cap_per_year is more than the whole cap", ctx), "inconsistent");
  if (!t.cap_by_level.empty() && t.cap) {
    for (const LevelCap& row : t.cap_by_level)
      if (row.cap > *t.cap)
        diags_.error(row.where,
                     fmt::format("{}: a level-table cap is more than the track's cap {}", ctx, format_korean(*t.cap)),
                     "inconsistent");
  }
  // Only keys that are missing: one that is there but unreadable has been reported already.
  if ((n["cap"] || n["cap_by_level"]) && !n["ratio"])
    error(n, fmt::format("{}: a cap needs a ratio", ctx), "inconsistent");
  if (n["large_company_in_kind_max"] && !n["large_company_min"])
    error(n["large_company_in_kind_max"],
          fmt::format("{}: large_company_in_kind_max limits the large company's contribution: the track needs "
                      "large_company_min",
                      ctx),
          "inconsistent");
  for (const char* key :
       {"large_company_in_kind_max", "company_own_staff_max", "supplier_private_min", "local_government_max"})
    if (n[key] && !n["ratio"])
      error(n[key], fmt::format("{}: {} needs the track's ratio (a split to limit)", ctx, key), "inconsistent");
  if (n["large_company_min"] || n["company_max"]) {
    if (!n["ratio"] || !n["large_company_min"] || !n["company_max"]) {
      error(n, fmt::format("{}: a three-party track needs ratio, large_company_min and company_max", ctx),
            "inconsistent");
      return;
    }
    if (!t.ratio || !t.large_company_min || !t.company_max) return;
    const auto gov = t.ratio->basis_points;
    const auto large = t.large_company_min->basis_points;
    const auto company = t.company_max->basis_points;
    if (gov + large > Ratio::kWhole)
      error(n["large_company_min"],
            fmt::format("{}: government {} and large company at least {} are more than 100%", ctx,
                        format_ratio(*t.ratio), format_ratio(*t.large_company_min)),
            "shares");
    if (gov + large + company < Ratio::kWhole && company > 0)
      diags_.warning(
          at(n),
          fmt::format("{}: shares {} + {} + {} leave part of the total unpaid; the large company covers it", ctx,
                      format_ratio(*t.ratio), format_ratio(*t.large_company_min), format_ratio(*t.company_max)),
          "shares");
  }
}

}  // namespace sfgrant::detail
