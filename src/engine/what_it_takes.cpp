#include "sfgrant/engine/what_it_takes.h"

#include <algorithm>

namespace sfgrant {

const std::vector<std::string>& controllable_facts() {
  static const std::vector<std::string> facts = {"smart_factory.target_level",
                                                 "plan.total_cost",
                                                 "consortium.members",
                                                 "consortium.suppliers",
                                                 "consortium.demo_companies",
                                                 "consortium.cloud_provider",
                                                 "smart_factory.level_certified",
                                                 "selections"};
  return facts;
}

const std::vector<std::string>& applicable_selections() {
  static const std::vector<std::string> ids = {"legend50",
                                               "jump_up",
                                               "tp_recommendation",
                                               "robot_si_partner",
                                               "smart_service_partner",
                                               "supplier_pool",
                                               "smart_service_pool",
                                               "smart_factory_training",
                                               "daejeon_consulting",
                                               "leading_smart_factory",
                                               "advanced_project_selected"};
  return ids;
}

std::vector<Move> standing_moves(const Profile& profile) {
  std::vector<Move> out;
  // in the order of the facts, as every remedy lists its moves
  const FactDef& business = fact("status.business");
  // a suspended business can resume; a closed one (폐업) would be a new registration, not this company
  const std::int64_t active = business.vocabulary->find("active").value_or(0);
  const std::int64_t suspended = business.vocabulary->find("suspended").value_or(0);
  if (profile.has(business) && profile.get(business).number == suspended) {
    Move m;
    m.fact = &business;
    m.value.number = active;
    out.push_back(m);
  }
  const FactDef& arrears = fact("status.tax_arrears");
  if (profile.has(arrears) && profile.get(arrears).flag) {
    Move m;
    m.fact = &arrears;
    m.value.flag = false;
    out.push_back(m);
  }
  return out;
}

void apply_move(Profile& profile, const Move& move) {
  if (!move.added) {
    profile.set(*move.fact, move.value);
    return;
  }
  Value v = profile.has(*move.fact) ? profile.get(*move.fact) : Value{};
  if (std::find(v.items.begin(), v.items.end(), *move.added) == v.items.end()) v.items.push_back(*move.added);
  profile.set(*move.fact, v);
}

namespace {

bool controllable(const FactDef* f) {
  if (f == nullptr) return false;
  const auto& facts = controllable_facts();
  return std::find(facts.begin(), facts.end(), f->path) != facts.end();
}

class MoveFinder {
 public:
  explicit MoveFinder(const Profile& profile) : profile_(profile) {}

  void scan(const Condition& c) {
    if (c.kind != Condition::Kind::compare) {
      for (const Condition& child : c.children) scan(child);
      return;
    }
    if (controllable(c.fact)) leaf(*c.fact, c);
    if (controllable(c.rhs.fact)) any_value(*c.rhs.fact);
  }

  std::vector<Move> moves() {
    std::stable_sort(moves_.begin(), moves_.end(), [](const Move& a, const Move& b) {
      if (a.cost != b.cost) return a.cost < b.cost;
      return a.fact->index < b.fact->index;
    });
    return moves_;
  }

 private:
  void leaf(const FactDef& f, const Condition& c) {
    switch (f.type) {
      case FactType::choice:
        any_value(f);
        break;
      case FactType::boolean:
        if (f.path == "smart_factory.level_certified")
          add_scalar(f, boolean(true));
        else {
          add_scalar(f, boolean(true));
          add_scalar(f, boolean(false));
        }
        break;
      case FactType::number:
      case FactType::money:
        for (std::int64_t x : c.rhs.numbers) {
          switch (c.op) {
            case CompareOp::eq:
            case CompareOp::ge:
            case CompareOp::le:
            case CompareOp::in:
              add_scalar(f, number(x));
              break;
            case CompareOp::gt:
              add_scalar(f, number(x + 1));
              break;
            case CompareOp::lt:
              if (x > 0) add_scalar(f, number(x - 1));
              break;
            default:
              break;
          }
        }
        break;
      case FactType::list:
        if (c.op == CompareOp::has && f.vocabulary != nullptr) {
          for (std::int64_t item : c.rhs.numbers) {
            const std::string& id = f.vocabulary->choices[static_cast<size_t>(item)].id;
            const auto& ok = applicable_selections();
            if (std::find(ok.begin(), ok.end(), id) == ok.end()) continue;
            if (profile_.has(f)) {
              const auto& items = profile_.get(f).items;
              if (std::find(items.begin(), items.end(), item) != items.end()) continue;
            }
            Move m;
            m.fact = &f;
            m.added = item;
            add(m);
          }
        }
        break;
      default:
        break;
    }
  }

  /// Every value of an enumerated fact (the target level): the cost is the distance in steps.
  void any_value(const FactDef& f) {
    if (f.type != FactType::choice || f.vocabulary == nullptr) return;
    const bool known = profile_.has(f);
    const std::int64_t now = known ? profile_.get(f).number : -1;
    // with no target yet, the distance counts from the current level
    const FactDef& level = fact("smart_factory.level");
    const std::int64_t from = known ? now : (profile_.has(level) ? profile_.get(level).number : 0);
    for (size_t i = 0; i < f.vocabulary->choices.size(); ++i) {
      const auto idx = static_cast<std::int64_t>(i);
      Value v;
      v.number = idx;
      Move m;
      m.fact = &f;
      m.value = v;
      m.cost = std::max<int>(1, static_cast<int>(idx > from ? idx - from : from - idx));
      if (known && now == idx) continue;
      add(m);
    }
  }

  static Value boolean(bool b) {
    Value v;
    v.flag = b;
    return v;
  }
  static Value number(std::int64_t n) {
    Value v;
    v.number = n;
    return v;
  }

  void add_scalar(const FactDef& f, Value v) {
    if (profile_.has(f)) {
      const Value& now = profile_.get(f);
      if (f.type == FactType::boolean ? now.flag == v.flag : now.number == v.number) return;
    }
    Move m;
    m.fact = &f;
    m.value = std::move(v);
    add(m);
  }

  void add(const Move& m) {
    for (const Move& have : moves_) {
      if (have.fact != m.fact || have.added != m.added) continue;
      if (m.added || (have.value.flag == m.value.flag && have.value.number == m.value.number)) return;
    }
    moves_.push_back(m);
  }

  const Profile& profile_;
  std::vector<Move> moves_;
};

/// Calls `f(combination)` for each combination of `size` moves with at most one value a scalar
/// fact; stops when `f` returns false.
template <typename F>
bool each_combination(const std::vector<Move>& moves, size_t size, std::vector<size_t>& picked, size_t from, F& f) {
  if (picked.size() == size) return f(picked);
  for (size_t i = from; i < moves.size(); ++i) {
    bool clash = false;
    for (size_t p : picked) clash = clash || (moves[p].fact == moves[i].fact && !moves[i].added);
    if (clash) continue;
    picked.push_back(i);
    const bool go_on = each_combination(moves, size, picked, i + 1, f);
    picked.pop_back();
    if (!go_on) return false;
  }
  return true;
}

int total_cost(const Remedy& r) {
  int c = 0;
  for (const Move& m : r.moves) c += m.cost;
  return c;
}

/// True when some combination of at most `max_moves` of `moves` makes `rule` pass or unknown.
bool rule_can_pass(const Rule& rule, const std::vector<Move>& moves, const Profile& profile, size_t max_moves) {
  bool found = false;
  std::vector<size_t> picked;
  auto test = [&](const std::vector<size_t>& combo) {
    Profile p = profile;
    for (size_t i : combo) apply_move(p, moves[i]);
    found = evaluate_condition(rule.require, p) != Tri::fail;
    return !found;
  };
  for (size_t size = 1; size <= max_moves && !found; ++size) each_combination(moves, size, picked, 0, test);
  return found;
}

}  // namespace

Reach what_it_takes(const Catalogue& catalogue, const Program& program, const Profile& given,
                    const EvaluateOptions& options, const ReachOptions& reach) {
  Reach out;
  out.program = &program;
  // the standing the company can put right first; the search starts from there
  const std::vector<Move> standing = standing_moves(given);
  Profile profile = given;
  for (const Move& m : standing) apply_move(profile, m);
  MoveFinder finder(profile);
  for (const Rule& r : program.rules) finder.scan(r.require);
  for (const Track& t : program.tracks)
    for (const Rule& r : t.rules) finder.scan(r.require);
  const std::vector<Move> moves = finder.moves();

  std::vector<size_t> picked;
  for (size_t size = standing.empty() ? 1 : 0; size <= reach.max_moves && out.remedies.empty(); ++size) {
    auto test = [&](const std::vector<size_t>& combo) {
      Profile p = profile;
      for (size_t i : combo) apply_move(p, moves[i]);
      const ProgramEvaluation pe = evaluate_program(catalogue, program, p, options);
      if (pe.status == Status::ineligible) return true;
      Remedy r;
      r.moves = standing;
      for (size_t i : combo) r.moves.push_back(moves[i]);
      r.result = pe.status;
      const TrackEvaluation* best = pe.best_track();
      r.track = best != nullptr ? best->track : nullptr;
      r.government = support_amount(pe);
      out.remedies.push_back(std::move(r));
      return true;
    };
    each_combination(moves, size, picked, 0, test);
  }
  std::stable_sort(out.remedies.begin(), out.remedies.end(), [](const Remedy& a, const Remedy& b) {
    if (a.result != b.result) return a.result > b.result;  // eligible before possible
    if (total_cost(a) != total_cost(b)) return total_cost(a) < total_cost(b);
    return a.government.value_or(0) > b.government.value_or(0);
  });
  // keep the cheapest, and any other that is as cheap or gets more (a better status or a larger
  // government share): a bigger change for the same outcome is no alternative
  std::vector<Remedy> kept;
  for (Remedy& r : out.remedies) {
    bool worth = kept.empty() || (r.result == kept.front().result && total_cost(r) == total_cost(kept.front()));
    if (!worth) {
      worth = true;
      for (const Remedy& k : kept)
        if (k.result >= r.result && k.government.value_or(0) >= r.government.value_or(0)) worth = false;
    }
    if (worth && kept.size() < reach.max_alternatives) kept.push_back(std::move(r));
  }
  out.remedies = std::move(kept);
  for (Remedy& r : out.remedies)
    std::stable_sort(r.moves.begin(), r.moves.end(),
                     [](const Move& a, const Move& b) { return a.fact->index < b.fact->index; });
  if (out.reachable()) return out;

  // Not reachable: the failing rules nothing the company controls can turn
  const ProgramEvaluation now = evaluate_program(catalogue, program, profile, options);
  for (const RuleResult& rr : now.rules)
    if (rr.result == Tri::fail && !rule_can_pass(*rr.rule, moves, profile, reach.max_moves))
      out.blocking.push_back({rr.rule, nullptr});
  if (out.blocking.empty()) {
    for (const TrackEvaluation& te : now.tracks)
      for (const RuleResult& rr : te.rules)
        if (rr.result == Tri::fail && !rule_can_pass(*rr.rule, moves, profile, reach.max_moves))
          out.blocking.push_back({rr.rule, te.track});
  }
  if (out.blocking.empty()) {  // each rule can be turned, but not all of them at once within max_moves
    for (const RuleResult& rr : now.rules)
      if (rr.result == Tri::fail) out.blocking.push_back({rr.rule, nullptr});
    for (const TrackEvaluation& te : now.tracks)
      for (const RuleResult& rr : te.rules)
        if (rr.result == Tri::fail) out.blocking.push_back({rr.rule, te.track});
  }
  return out;
}

WhatItTakes what_it_takes(const Catalogue& catalogue, const Evaluation& ev, const Profile& profile,
                          const EvaluateOptions& options, const ReachOptions& reach) {
  WhatItTakes out;
  out.standing = standing_moves(profile);
  for (const ProgramEvaluation& pe : ev.programs)
    if (pe.status == Status::ineligible)
      out.reaches.push_back(what_it_takes(catalogue, *pe.program, profile, options, reach));
  return out;
}

}  // namespace sfgrant
