#include "sfgrant/engine/evaluate.h"

#include "sfgrant/engine/group_cap.h"

#include <algorithm>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/rule_table.h"

namespace sfgrant {

std::string_view status_name(Status s) {
  switch (s) {
    case Status::eligible:
      return "eligible";
    case Status::possible:
      return "possible";
    case Status::ineligible:
      return "ineligible";
  }
  return "ineligible";
}

Status status_of(Tri t) {
  if (t == Tri::pass) return Status::eligible;
  if (t == Tri::unknown) return Status::possible;
  return Status::ineligible;
}

std::string_view window_name(WindowState s) {
  switch (s) {
    case WindowState::upcoming:
      return "upcoming";
    case WindowState::open:
      return "open";
    case WindowState::closed:
      return "closed";
    case WindowState::rolling:
      return "rolling";
    case WindowState::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

std::int64_t scalar_number(const FactDef& f, const Value& v) {
  return f.type == FactType::boolean ? (v.flag ? 1 : 0) : v.number;
}

bool contains(const std::vector<std::int64_t>& items, std::int64_t x) {
  return std::find(items.begin(), items.end(), x) != items.end();
}

Tri compare(const Condition& c, const Profile& profile) {
  const FactDef& f = *c.fact;
  if (!profile.has(f)) return Tri::unknown;
  const Value& lhs = profile.get(f);
  if (c.op == CompareOp::truthy) return tri_of(lhs.flag);
  if (c.op == CompareOp::has || c.op == CompareOp::lacks) {
    std::int64_t x = 0;
    if (c.rhs.fact != nullptr) {
      if (!profile.has(*c.rhs.fact)) return Tri::unknown;
      x = profile.get(*c.rhs.fact).number;
    } else {
      x = c.rhs.numbers.empty() ? -1 : c.rhs.numbers.front();
    }
    bool has = contains(lhs.items, x);
    return tri_of(c.op == CompareOp::has ? has : !has);
  }
  if (f.type == FactType::text) {
    const std::string& s = lhs.text;
    bool in = std::find(c.rhs.texts.begin(), c.rhs.texts.end(), s) != c.rhs.texts.end();
    if (c.rhs.fact != nullptr) {
      if (!profile.has(*c.rhs.fact)) return Tri::unknown;
      in = profile.get(*c.rhs.fact).text == s;
    }
    switch (c.op) {
      case CompareOp::eq:
      case CompareOp::in:
        return tri_of(in);
      case CompareOp::ne:
      case CompareOp::not_in:
        return tri_of(!in);
      default:
        return Tri::unknown;
    }
  }
  const std::int64_t a = scalar_number(f, lhs);
  std::int64_t b = 0;
  if (c.rhs.fact != nullptr) {
    if (!profile.has(*c.rhs.fact)) return Tri::unknown;
    b = scalar_number(*c.rhs.fact, profile.get(*c.rhs.fact));
  } else if (!c.rhs.numbers.empty()) {
    b = c.rhs.numbers.front();
  }
  switch (c.op) {
    case CompareOp::eq:
      return tri_of(a == b);
    case CompareOp::ne:
      return tri_of(a != b);
    case CompareOp::lt:
      return tri_of(a < b);
    case CompareOp::le:
      return tri_of(a <= b);
    case CompareOp::gt:
      return tri_of(a > b);
    case CompareOp::ge:
      return tri_of(a >= b);
    case CompareOp::in:
      return tri_of(contains(c.rhs.numbers, a));
    case CompareOp::not_in:
      return tri_of(!contains(c.rhs.numbers, a));
    default:
      return Tri::unknown;
  }
}

/// Derived facts are asked about through what they are derived from.
const FactDef* askable(const FactDef& f) {
  if (!f.derived) return &f;
  if (f.path == "sme") return &fact("size");
  return &fact("ksic");
}

void add_unique(std::vector<const FactDef*>& out, const FactDef* f) {
  if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
}

}  // namespace

Tri evaluate_condition(const Condition& c, const Profile& profile) {
  switch (c.kind) {
    case Condition::Kind::compare:
      return c.fact == nullptr ? Tri::unknown : compare(c, profile);
    case Condition::Kind::never:
      return Tri::fail;
    case Condition::Kind::negate:
      return c.children.empty() ? Tri::unknown : tri_not(evaluate_condition(c.children[0], profile));
    case Condition::Kind::all: {
      Tri t = Tri::pass;
      for (const Condition& child : c.children) t = tri_and(t, evaluate_condition(child, profile));
      return t;
    }
    case Condition::Kind::any: {
      Tri t = Tri::fail;
      for (const Condition& child : c.children) t = tri_or(t, evaluate_condition(child, profile));
      return t;
    }
  }
  return Tri::unknown;
}

void missing_facts(const Condition& c, const Profile& profile, std::vector<const FactDef*>& out) {
  if (c.kind != Condition::Kind::compare) {
    for (const Condition& child : c.children) missing_facts(child, profile, out);
    return;
  }
  if (c.fact == nullptr) return;
  if (!profile.has(*c.fact)) add_unique(out, askable(*c.fact));
  if (c.rhs.fact != nullptr && !profile.has(*c.rhs.fact)) add_unique(out, askable(*c.rhs.fact));
}

WindowState window_state(const Schedule& s, const std::optional<Date>& as_of, int program_year) {
  if (s.rolling) {
    if (!as_of) return WindowState::rolling;
    const long day = as_of->first_day();
    if (s.apply_from && day < s.apply_from->first_day()) return WindowState::upcoming;
    if (!s.apply_from && s.announce && day < s.announce->first_day()) return WindowState::upcoming;
    if (s.apply_to && day > s.apply_to->last_day()) return WindowState::closed;
    // 상시 접수 runs while the year's budget lasts: a past program year is over
    if (program_year > 0 && as_of->year > program_year) return WindowState::closed;
    return WindowState::rolling;
  }
  if (!as_of || (!s.apply_from && !s.apply_to)) return WindowState::unknown;
  const long day = as_of->first_day();
  if (s.apply_from && day < s.apply_from->first_day()) return WindowState::upcoming;
  if (s.apply_to && day > s.apply_to->last_day()) return WindowState::closed;
  // an open-ended window ('23.1~) ends with its program year: a 2023 program is not open in 2026
  if (!s.apply_to && program_year > 0 && as_of->year > program_year) return WindowState::closed;
  if (!s.apply_from) return WindowState::unknown;
  return WindowState::open;
}

const TrackEvaluation* ProgramEvaluation::best_track() const {
  const TrackEvaluation* best = nullptr;
  auto amount = [](const TrackEvaluation& t) -> Won {
    if (t.split) return t.split->government;
    return t.cap.value_or(0);
  };
  // a track whose split could not be computed (three yearly costs for a two-year track) comes after
  // one of the same status whose split could
  auto computed = [](const TrackEvaluation& t) { return t.split_problem.code == SplitProblem::Code::none; };
  for (const TrackEvaluation& t : tracks) {
    if (best == nullptr || t.status > best->status ||
        (t.status == best->status && computed(t) != computed(*best) && computed(t)) ||
        (t.status == best->status && computed(t) == computed(*best) && amount(t) > amount(*best)))
      best = &t;
  }
  return best;
}

std::optional<Won> support_amount(const ProgramEvaluation& pe) {
  const TrackEvaluation* best = pe.best_track();
  if (best == nullptr) return std::nullopt;
  if (best->split) return best->split->government;
  return best->cap;
}

const ProgramEvaluation* best_program(const Evaluation& ev) {
  const ProgramEvaluation* best = nullptr;
  Won best_amount = 0;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::eligible) continue;
    const Won amount = support_amount(pe).value_or(0);
    if (best == nullptr || amount > best_amount) {
      best = &pe;
      best_amount = amount;
    }
  }
  return best;
}

namespace {

/// The program's window and each track's (its own schedule, else the program's).
void fill_windows(const Catalogue& catalogue, const Program& program, const EvaluateOptions& options,
                  ProgramEvaluation& pe) {
  pe.window = window_state(program.schedule, options.as_of, catalogue.year);
  for (size_t k = 0; k < program.tracks.size(); ++k) {
    const Track& t = program.tracks[k];
    pe.tracks[k].window = t.schedule ? window_state(*t.schedule, options.as_of, catalogue.year) : pe.window;
  }
}

/// The build cost a split uses, and its years: --cost, else the profile's. Yearly costs written
/// for another total than --cost are not this cost's years (apply_cost).
struct BuildCost {
  std::optional<Won> total;
  const std::vector<Won>* years;
};

BuildCost build_cost(const Profile& profile, const std::optional<Won>& override_cost) {
  static const FactDef& yearly_costs = fact("plan.yearly_costs");
  static const std::vector<Won> kNoYears;
  BuildCost out{override_cost ? override_cost : profile.total_cost(), &kNoYears};
  const bool years_fit = profile.has(yearly_costs) && (!override_cost || [&] {
                           Won sum = 0;
                           for (const Won w : profile.get(yearly_costs).amounts) sum = checked_add(sum, w);
                           return sum == *override_cost;
                         }());
  if (years_fit) out.years = &profile.get(yearly_costs).amounts;
  return out;
}

/// The profile that rules see when the company gave a program's (or track's) own cost: that cost is
/// its plan.total_cost there, as --cost is for the build budget (SPEC §3). Nothing when none was given.
std::optional<Profile> with_stated_cost(const Profile& profile, const ProgramCost* stated) {
  if (stated == nullptr) return std::nullopt;
  Profile scoped = profile;
  apply_cost(scoped, stated->amount);
  return scoped;
}

/// A group cap (컨소시엄당 한도) lowers the company's government share to what the group has left
/// after its other members, when the profile says what they take; the split says so either way.
void apply_group_cap(const Track& track, const Profile& view, const std::vector<Won>& yearly, Won track_cap,
                     Split& split) {
  std::optional<GroupShare> group = group_share(track, view, track_cap);
  if (group && group->remaining && *group->remaining < split.government) {
    SplitProblem problem;
    if (std::optional<Split> lowered = split_cost(track, *group->remaining, split.total, yearly, problem)) {
      lowered->basis = split.basis;
      split = std::move(*lowered);
      group->lowered = true;
    }
  }
  split.group = group;
}

/// The track's split, at the cost that is the track's: its stated cost (basis program), the build
/// budget for a build track (basis plan), or for a fee or service whose cost was not given the cost
/// that reaches the cap (basis cap), never the build budget.
void fill_split(const Track& track, const Profile& view, bool stated, const std::optional<Won>& override_cost,
                std::optional<int> level_idx, std::optional<int> target_idx, TrackEvaluation& te) {
  static const std::vector<Won> kNoYears;
  const BuildCost cost = build_cost(view, stated ? std::nullopt : override_cost);
  const bool own_unstated = track.cost == CostBasis::own && !stated;
  te.cap = cap_for_levels(track, level_idx, target_idx);
  if (!te.cap) {
    if (cost.total && !own_unstated)
      te.split_problem.code =
          level_idx && target_idx ? SplitProblem::Code::no_level_row : SplitProblem::Code::levels_unknown;
    return;
  }
  try {
    te.full_support_cost = full_support_cost(track, *te.cap);
    if (own_unstated) {
      if (!te.full_support_cost) return;
      te.split = split_cost(track, *te.cap, *te.full_support_cost, kNoYears, te.split_problem);
      if (te.split) te.split->basis = SplitBasis::cap;
    } else if (cost.total) {
      te.split = split_cost(track, *te.cap, *cost.total, *cost.years, te.split_problem);
      if (te.split) te.split->basis = stated ? SplitBasis::program : SplitBasis::plan;
    }
    if (te.split && track.group_cap)  // split again at the same cost and years as above
      apply_group_cap(track, view, own_unstated ? kNoYears : *cost.years, *te.cap, *te.split);
  } catch (const Error&) {  // the cost that reaches the cap is beyond int64 won
    te.split_problem.code = SplitProblem::Code::overflow;
  }
}

/// Each rule's result: from the company's RuleTable results when there are some and the rule
/// sees the profile itself, else evaluated against the view (a stated cost makes another profile).
struct RuleResults {
  const RuleTable* table = nullptr;
  const std::vector<Tri>* results = nullptr;
  size_t program = 0;

  Tri program_rule(size_t j, const Rule& r, const Profile& view, const Profile& profile) const {
    if (table != nullptr && &view == &profile) return (*results)[table->program_slots(program)[j]];
    return evaluate_condition(r.require, view);
  }
  Tri track_rule(size_t t, size_t j, const Rule& r, const Profile& view, const Profile& profile) const {
    if (table != nullptr && &view == &profile) return (*results)[table->track_slots(program, t)[j]];
    return evaluate_condition(r.require, view);
  }
};

/// evaluate_program without the windows.
void fill_program(const Catalogue& catalogue, const Program& program, const Profile& profile,
                  const EvaluateOptions& options, ProgramEvaluation& pe, const RuleResults& known = {}) {
  pe.program = &program;
  pe.rules.clear();
  pe.missing.clear();
  pe.center = nullptr;
  pe.tracks.resize(program.tracks.size());
  const std::optional<Profile> program_scoped = with_stated_cost(profile, stated_cost(profile, program));
  const Profile& program_view = program_scoped ? *program_scoped : profile;
  Tri program_tri = Tri::pass;
  for (size_t j = 0; j < program.rules.size(); ++j) {
    const Rule& r = program.rules[j];
    Tri t = known.program_rule(j, r, program_view, profile);
    pe.rules.push_back({&r, t});
    program_tri = tri_and(program_tri, t);
    if (t == Tri::unknown) missing_facts(r.require, program_view, pe.missing);
  }
  static const FactDef& level = fact("smart_factory.level");
  static const FactDef& target = fact("smart_factory.target_level");
  std::optional<int> level_idx, target_idx;
  if (profile.has(level)) level_idx = static_cast<int>(profile.get(level).number);
  if (profile.has(target)) target_idx = static_cast<int>(profile.get(target).number);

  Tri any_track = Tri::fail;
  for (size_t k = 0; k < program.tracks.size(); ++k) {
    const Track& track = program.tracks[k];
    TrackEvaluation& te = pe.tracks[k];
    te.track = &track;
    te.rules.clear();
    te.cap.reset();
    te.full_support_cost.reset();
    te.split.reset();
    te.split_problem = SplitProblem{};
    const ProgramCost* stated = stated_cost(profile, program, track);
    const std::optional<Profile> track_scoped =
        stated != nullptr && stated != stated_cost(profile, program) ? with_stated_cost(profile, stated) : std::nullopt;
    const Profile& view = track_scoped ? *track_scoped : program_view;
    Tri t = program_tri;
    for (size_t j = 0; j < track.rules.size(); ++j) {
      const Rule& r = track.rules[j];
      Tri rt = known.track_rule(k, j, r, view, profile);
      te.rules.push_back({&r, rt});
      t = tri_and(t, rt);
      if (rt == Tri::unknown && program_tri != Tri::fail) missing_facts(r.require, view, pe.missing);
    }
    te.status = status_of(t);
    any_track = tri_or(any_track, t);
    if (track.has_money()) fill_split(track, view, stated != nullptr, options.cost, level_idx, target_idx, te);
  }
  pe.status = status_of(tri_and(program_tri, any_track));
  static const FactDef& region = fact("region");
  static const FactDef& city = fact("city");
  if (options.find_center && profile.has(region)) {
    const std::string& r = region_vocabulary().choices[static_cast<size_t>(profile.get(region).number)].id;
    pe.center = catalogue.center_for(r, profile.has(city) ? profile.get(city).text : std::string());
  }
}

}  // namespace

ProgramEvaluation evaluate_program(const Catalogue& catalogue, const Program& program, const Profile& profile,
                                   const EvaluateOptions& options) {
  ProgramEvaluation pe;
  evaluate_program(catalogue, program, profile, options, pe);
  return pe;
}

void evaluate_program(const Catalogue& catalogue, const Program& program, const Profile& profile,
                      const EvaluateOptions& options, ProgramEvaluation& pe) {
  fill_program(catalogue, program, profile, options, pe);
  fill_windows(catalogue, program, options, pe);
}

void apply_cost(Profile& profile, Won cost) {
  static const FactDef& total = fact("plan.total_cost");
  static const FactDef& yearly = fact("plan.yearly_costs");
  if (profile.has(yearly)) {
    Won sum = 0;
    for (const Won w : profile.get(yearly).amounts) sum = checked_add(sum, w);
    if (sum != cost) profile.clear(yearly);
  }
  Value v;
  v.number = cost;
  profile.set(total, std::move(v));
}

Evaluation evaluate(const Catalogue& catalogue, const Profile& profile, const EvaluateOptions& options) {
  Evaluation ev;
  evaluate(catalogue, profile, options, ev);
  return ev;
}

namespace {

/// evaluate() into `ev`; with a table, each rule's result from its `rule_results` (RuleResults).
void fill_evaluation(const Catalogue& catalogue, const Profile& profile, const EvaluateOptions& options, Evaluation& ev,
                     const RuleTable* table, const std::vector<Tri>* rule_results) {
  auto same_date = [](const std::optional<Date>& a, const std::optional<Date>& b) {
    return a.has_value() == b.has_value() && (!a || (a->year == b->year && a->month == b->month && a->day == b->day));
  };
  const bool same_windows = ev.catalogue == &catalogue && same_date(ev.as_of, options.as_of) &&
                            ev.programs.size() == catalogue.programs.size();
  ev.catalogue = &catalogue;
  ev.as_of = options.as_of;
  ev.cost = options.cost ? options.cost : profile.total_cost();
  ev.programs.resize(catalogue.programs.size());
  for (size_t i = 0; i < catalogue.programs.size(); ++i) {
    const Program& program = catalogue.programs[i];
    fill_program(catalogue, program, profile, options, ev.programs[i], RuleResults{table, rule_results, i});
    if (!same_windows) fill_windows(catalogue, program, options, ev.programs[i]);
  }
}

}  // namespace

void evaluate(const Catalogue& catalogue, const Profile& profile, const EvaluateOptions& options, Evaluation& ev) {
  fill_evaluation(catalogue, profile, options, ev, nullptr, nullptr);
}

void evaluate(const RuleTable& table, const Profile& profile, const EvaluateOptions& options, Evaluation& ev,
              std::vector<Tri>& rule_results) {
  table.evaluate(profile, rule_results);
  fill_evaluation(table.catalogue(), profile, options, ev, &table, &rule_results);
}

}  // namespace sfgrant
