#include "sfgrant/engine/catalogue_diff.h"

#include <algorithm>

namespace sfgrant {
namespace {

/// Spaces and tabs collapsed to one space, none at the ends.
std::string collapse_spaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The announcement file a citation starts with (`003_615c5e1e5f9a1b7a.txt`).
std::string cited_file(const std::string& source) { return source.substr(0, source.find(' ')); }

bool same_file(const std::string& a, const std::string& b) { return !a.empty() && cited_file(a) == cited_file(b); }

std::optional<std::int64_t> bp(const std::optional<Ratio>& r) {
  if (!r) return std::nullopt;
  return r->basis_points;
}

std::optional<std::int64_t> bp(const std::optional<PartyLimit>& l) {
  if (!l) return std::nullopt;
  return l->share.basis_points;
}

std::string limit_source(const std::optional<PartyLimit>& l, const std::string& fallback) {
  return l ? l->source : fallback;
}

bool same_schedule(const Schedule& a, const Schedule& b) {
  auto same_date = [](const std::optional<Date>& x, const std::optional<Date>& y) {
    if (!x || !y) return x.has_value() == y.has_value();
    return x->year == y->year && x->month == y->month && x->day == y->day;
  };
  return a.rolling == b.rolling && same_date(a.announce, b.announce) && same_date(a.apply_from, b.apply_from) &&
         same_date(a.apply_to, b.apply_to);
}

bool same_level_caps(const Track& a, const Track& b) {
  if (a.cap_by_level.size() != b.cap_by_level.size()) return false;
  for (size_t i = 0; i < a.cap_by_level.size(); ++i) {
    const LevelCap& x = a.cap_by_level[i];
    const LevelCap& y = b.cap_by_level[i];
    if (x.from != y.from || x.to != y.to || x.cap != y.cap) return false;
  }
  return true;
}

void add_number(std::vector<FieldChange>& out, Field f, std::optional<std::int64_t> before,
                std::optional<std::int64_t> after, const std::string& before_source, const std::string& after_source) {
  if (before != after) out.push_back({f, before, after, before_source, after_source});
}

void add_other(std::vector<FieldChange>& out, Field f, bool same, const std::string& before_source,
               const std::string& after_source) {
  if (!same) out.push_back({f, std::nullopt, std::nullopt, before_source, after_source});
}

/// Pairs rules by id (the n-th rule of an id with the n-th of the same id on the other side).
std::vector<RuleDiff> diff_rules(const std::vector<Rule>& before, const std::vector<Rule>& after) {
  std::vector<RuleDiff> out;
  std::vector<bool> used(before.size(), false);
  for (const Rule& a : after) {
    const Rule* match = nullptr;
    for (size_t i = 0; i < before.size() && match == nullptr; ++i)
      if (!used[i] && before[i].id == a.id) {
        used[i] = true;
        match = &before[i];
      }
    if (match == nullptr) {
      out.push_back({RuleChange::added, nullptr, &a});
      continue;
    }
    if (condition_text(match->require) != condition_text(a.require))
      out.push_back({RuleChange::condition, match, &a});
    else if (collapse_spaces(match->message.ko) != collapse_spaces(a.message.ko) ||
             collapse_spaces(match->message.en) != collapse_spaces(a.message.en))
      out.push_back({RuleChange::message, match, &a});
    else if (match->source != a.source && same_file(match->source, a.source))
      out.push_back({RuleChange::source, match, &a});
  }
  for (size_t i = 0; i < before.size(); ++i)
    if (!used[i]) out.push_back({RuleChange::removed, &before[i], nullptr});
  return out;
}

TrackDiff diff_track(const Track& b, const Track& a, MatchBy match) {
  TrackDiff d{&b, &a, match, {}, {}};
  auto& c = d.changes;
  const std::string& bs = b.source;
  const std::string& as = a.source;
  if (b.source != a.source && same_file(b.source, a.source)) add_other(c, Field::source, false, bs, as);
  add_number(c, Field::months, b.months, a.months, bs, as);
  add_number(c, Field::cap, b.cap, a.cap, bs, as);
  add_number(c, Field::ratio, bp(b.ratio), bp(a.ratio), bs, as);
  add_number(c, Field::years, b.years, a.years, bs, as);
  add_number(c, Field::cap_per_year, b.cap_per_year, a.cap_per_year, bs, as);
  add_other(c, Field::cap_by_level, same_level_caps(b, a), b.cap_by_level_source.empty() ? bs : b.cap_by_level_source,
            a.cap_by_level_source.empty() ? as : a.cap_by_level_source);
  add_number(c, Field::large_company_min, bp(b.large_company_min), bp(a.large_company_min), bs, as);
  add_number(c, Field::company_max, bp(b.company_max), bp(a.company_max), bs, as);
  add_number(c, Field::in_kind_max, bp(b.in_kind_max), bp(a.in_kind_max), bs, as);
  add_number(c, Field::company_cash_min, bp(b.company_cash_min), bp(a.company_cash_min), bs, as);
  add_other(c, Field::local_government, collapse_spaces(b.local_government) == collapse_spaces(a.local_government), bs,
            as);
  add_number(c, Field::cost_basis, b.cost == CostBasis::own ? 1 : 0, a.cost == CostBasis::own ? 1 : 0, bs, as);
  const std::pair<Field, const std::optional<PartyLimit> Track::*> limits[] = {
      {Field::large_company_in_kind_max, &Track::large_company_in_kind_max},
      {Field::company_own_staff_max, &Track::company_own_staff_max},
      {Field::supplier_private_min, &Track::supplier_private_min},
      {Field::local_government_max, &Track::local_government_max},
  };
  for (const auto& [field, member] : limits)
    add_number(c, field, bp(b.*member), bp(a.*member), limit_source(b.*member, bs), limit_source(a.*member, as));
  if (b.group_cap || a.group_cap) {
    const auto same_group = [](const GroupCap& x, const GroupCap& y) {
      return x.per == y.per && x.cap == y.cap && x.per_member == y.per_member && bp(x.share) == bp(y.share);
    };
    add_other(c, Field::group_cap, b.group_cap && a.group_cap && same_group(*b.group_cap, *a.group_cap),
              b.group_cap ? b.group_cap->source : bs, a.group_cap ? a.group_cap->source : as);
  }
  if (b.schedule || a.schedule) {
    const bool same = b.schedule && a.schedule && same_schedule(*b.schedule, *a.schedule);
    add_other(c, Field::window, same, b.schedule ? b.schedule->source : bs, a.schedule ? a.schedule->source : as);
  }
  d.rules = diff_rules(b.rules, a.rules);
  return d;
}

/// Pairs the tracks of a matched program: by id, then by Korean name, then the one left on each side.
void diff_tracks(const Program& b, const Program& a, ProgramDiff& d) {
  std::vector<const Track*> before_of(a.tracks.size(), nullptr);
  std::vector<MatchBy> how(a.tracks.size(), MatchBy::id);
  std::vector<bool> used(b.tracks.size(), false);
  auto pair_by = [&](MatchBy by, auto same) {
    for (size_t i = 0; i < a.tracks.size(); ++i) {
      if (before_of[i] != nullptr) continue;
      for (size_t j = 0; j < b.tracks.size(); ++j)
        if (!used[j] && same(b.tracks[j], a.tracks[i])) {
          used[j] = true;
          before_of[i] = &b.tracks[j];
          how[i] = by;
          break;
        }
    }
  };
  pair_by(MatchBy::id, [](const Track& x, const Track& y) { return x.id == y.id; });
  pair_by(MatchBy::name, [](const Track& x, const Track& y) {
    return !x.name.ko.empty() && collapse_spaces(x.name.ko) == collapse_spaces(y.name.ko);
  });
  const auto left_after = std::count(before_of.begin(), before_of.end(), nullptr);
  const auto left_before = std::count(used.begin(), used.end(), false);
  if (left_after == 1 && left_before == 1) pair_by(MatchBy::last_left, [](const Track&, const Track&) { return true; });
  for (size_t i = 0; i < a.tracks.size(); ++i) {
    if (before_of[i] == nullptr)
      d.tracks_added.push_back(&a.tracks[i]);
    else
      d.tracks.push_back(diff_track(*before_of[i], a.tracks[i], how[i]));
  }
  for (size_t j = 0; j < b.tracks.size(); ++j)
    if (!used[j]) d.tracks_removed.push_back(&b.tracks[j]);
}

ProgramDiff diff_program(const Program& b, const Program& a, MatchBy match) {
  ProgramDiff d;
  d.before = &b;
  d.after = &a;
  d.match = match;
  auto& c = d.changes;
  add_other(c, Field::name, collapse_spaces(b.name.ko) == collapse_spaces(a.name.ko), b.source, a.source);
  if (b.source != a.source && same_file(b.source, a.source)) add_other(c, Field::source, false, b.source, a.source);
  add_number(c, Field::quota, b.quota, a.quota, b.source, a.source);
  add_other(c, Field::window, same_schedule(b.schedule, a.schedule), b.schedule.source, a.schedule.source);
  d.rules = diff_rules(b.rules, a.rules);
  diff_tracks(b, a, d);
  return d;
}

template <typename Diff>
const FieldChange* find_change(const Diff& d, Field f) {
  for (const FieldChange& c : d.changes)
    if (c.field == f) return &c;
  return nullptr;
}

const RuleDiff* find_rule(const std::vector<RuleDiff>& rules, const Rule* rule, bool after) {
  for (const RuleDiff& r : rules)
    if ((after ? r.after : r.before) == rule) return &r;
  return nullptr;
}

}  // namespace

std::string_view match_by_name(MatchBy m) {
  switch (m) {
    case MatchBy::id:
      return "id";
    case MatchBy::name:
      return "name";
    case MatchBy::last_left:
      return "last_left";
  }
  return "id";
}

std::string_view field_id(Field f) {
  switch (f) {
    case Field::name:
      return "name";
    case Field::quota:
      return "quota";
    case Field::window:
      return "window";
    case Field::source:
      return "source";
    case Field::months:
      return "months";
    case Field::cap:
      return "cap";
    case Field::ratio:
      return "ratio";
    case Field::years:
      return "years";
    case Field::cap_per_year:
      return "cap_per_year";
    case Field::cap_by_level:
      return "cap_by_level";
    case Field::large_company_min:
      return "large_company_min";
    case Field::company_max:
      return "company_max";
    case Field::in_kind_max:
      return "in_kind_max";
    case Field::company_cash_min:
      return "company_cash_min";
    case Field::local_government:
      return "local_government";
    case Field::cost_basis:
      return "cost_basis";
    case Field::large_company_in_kind_max:
      return "large_company_in_kind_max";
    case Field::company_own_staff_max:
      return "company_own_staff_max";
    case Field::supplier_private_min:
      return "supplier_private_min";
    case Field::local_government_max:
      return "local_government_max";
    case Field::group_cap:
      return "group_cap";
  }
  return "";
}

std::string_view rule_change_id(RuleChange c) {
  switch (c) {
    case RuleChange::added:
      return "added";
    case RuleChange::removed:
      return "removed";
    case RuleChange::condition:
      return "condition";
    case RuleChange::message:
      return "message";
    case RuleChange::source:
      return "source";
  }
  return "";
}

const FieldChange* TrackDiff::find(Field f) const { return find_change(*this, f); }
const FieldChange* ProgramDiff::find(Field f) const { return find_change(*this, f); }

bool ProgramDiff::empty() const {
  if (!changes.empty() || !rules.empty() || !tracks_added.empty() || !tracks_removed.empty() || match != MatchBy::id)
    return false;
  return std::all_of(tracks.begin(), tracks.end(), [](const TrackDiff& t) { return t.empty(); });
}

const TrackDiff* ProgramDiff::track_after(const Track* track) const {
  for (const TrackDiff& t : tracks)
    if (t.after == track) return &t;
  return nullptr;
}

const TrackDiff* ProgramDiff::track_before(const Track* track) const {
  for (const TrackDiff& t : tracks)
    if (t.before == track) return &t;
  return nullptr;
}

const RuleDiff* ProgramDiff::rule_after(const Rule* rule) const {
  if (const RuleDiff* r = find_rule(rules, rule, true)) return r;
  for (const TrackDiff& t : tracks)
    if (const RuleDiff* r = find_rule(t.rules, rule, true)) return r;
  return nullptr;
}

const RuleDiff* ProgramDiff::rule_before(const Rule* rule) const {
  if (const RuleDiff* r = find_rule(rules, rule, false)) return r;
  for (const TrackDiff& t : tracks)
    if (const RuleDiff* r = find_rule(t.rules, rule, false)) return r;
  return nullptr;
}

const ProgramDiff* CatalogueDiff::program_after(const Program* program) const {
  for (const ProgramDiff& p : matched)
    if (p.after == program) return &p;
  return nullptr;
}

const ProgramDiff* CatalogueDiff::program_before(const Program* program) const {
  for (const ProgramDiff& p : matched)
    if (p.before == program) return &p;
  return nullptr;
}

CatalogueDiff diff_catalogues(const Catalogue& before, const Catalogue& after) {
  CatalogueDiff out;
  out.before = &before;
  out.after = &after;
  std::vector<const Program*> before_of(after.programs.size(), nullptr);
  std::vector<MatchBy> how(after.programs.size(), MatchBy::id);
  std::vector<bool> used(before.programs.size(), false);
  auto pair_by = [&](MatchBy by, auto same) {
    for (size_t i = 0; i < after.programs.size(); ++i) {
      if (before_of[i] != nullptr) continue;
      for (size_t j = 0; j < before.programs.size(); ++j)
        if (!used[j] && same(before.programs[j], after.programs[i])) {
          used[j] = true;
          before_of[i] = &before.programs[j];
          how[i] = by;
          break;
        }
    }
  };
  pair_by(MatchBy::id, [](const Program& x, const Program& y) { return x.id == y.id; });
  pair_by(MatchBy::name, [](const Program& x, const Program& y) {
    return !x.name.ko.empty() && collapse_spaces(x.name.ko) == collapse_spaces(y.name.ko);
  });
  for (size_t i = 0; i < after.programs.size(); ++i) {
    if (before_of[i] == nullptr)
      out.added.push_back(&after.programs[i]);
    else
      out.matched.push_back(diff_program(*before_of[i], after.programs[i], how[i]));
  }
  for (size_t j = 0; j < before.programs.size(); ++j)
    if (!used[j]) out.removed.push_back(&before.programs[j]);
  return out;
}

std::string condition_text(const Condition& c) {
  auto group = [&](const char* name) {
    std::string out = name;
    out += '(';
    for (size_t i = 0; i < c.children.size(); ++i) {
      if (i > 0) out += "; ";
      out += condition_text(c.children[i]);
    }
    return out + ')';
  };
  switch (c.kind) {
    case Condition::Kind::all:
      return group("all");
    case Condition::Kind::any:
      return group("any");
    case Condition::Kind::negate:
      return group("not");
    case Condition::Kind::never:
      return "never";
    case Condition::Kind::compare:
      return collapse_spaces(c.text);
  }
  return {};
}

}  // namespace sfgrant
