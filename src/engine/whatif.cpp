#include "sfgrant/engine/whatif.h"

#include <fmt/format.h>

#include <algorithm>

#include "sfgrant/model/industries.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant {

using json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// Questions to ask

std::vector<Question> questions_to_ask(const Evaluation& ev) {
  std::vector<Question> out;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::possible) continue;
    for (const FactDef* f : pe.missing) {
      auto it = std::find_if(out.begin(), out.end(), [&](const Question& q) { return q.fact == f; });
      if (it == out.end()) out.push_back({f, {pe.program}});
      else if (std::find(it->programs.begin(), it->programs.end(), pe.program) == it->programs.end())
        it->programs.push_back(pe.program);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Question& a, const Question& b) { return a.programs.size() > b.programs.size(); });
  return out;
}

// ---------------------------------------------------------------------------------------------
// What-if

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_items(const std::string& text) {
  std::string inner = trim(text);
  if (inner.size() >= 2 && inner.front() == '[' && inner.back() == ']') inner = inner.substr(1, inner.size() - 2);
  std::vector<std::string> items;
  if (trim(inner).empty()) return items;
  size_t start = 0;
  while (true) {
    const auto comma = inner.find(',', start);
    items.push_back(trim(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

/// The words of a list fact's current items, as assign_list reads them back.
std::vector<std::string> list_words(const FactDef& f, const Profile& profile) {
  std::vector<std::string> words;
  if (!profile.has(f)) return words;
  const Value& v = profile.get(f);
  if (f.type == FactType::money_list) {
    for (Won w : v.amounts) words.push_back(std::to_string(w));
  } else {
    for (auto idx : v.items) words.push_back(f.vocabulary->choices[static_cast<size_t>(idx)].id);
  }
  return words;
}

bool same_value(const FactDef& f, const Profile& a, const Profile& b) {
  if (a.has(f) != b.has(f)) return false;
  if (!a.has(f)) return true;
  const Value& x = a.get(f);
  const Value& y = b.get(f);
  switch (f.type) {
    case FactType::boolean: return x.flag == y.flag;
    case FactType::number:
    case FactType::money:
    case FactType::choice: return x.number == y.number;
    case FactType::text: return x.text == y.text;
    case FactType::list: return x.items == y.items;
    case FactType::money_list: return x.amounts == y.amounts;
  }
  return false;
}

}  // namespace

Setting parse_setting(const std::string& text) {
  Setting s;
  s.text = text;
  auto eq = text.find('=');
  if (eq == std::string::npos)
    throw Error(fmt::format("--set \"{}\": expected PATH=VALUE, e.g. smart_factory.target_level=intermediate2", text));
  std::string path = text.substr(0, eq);
  if (!path.empty() && path.back() == '+') {
    s.append = true;
    path.pop_back();
  }
  path = trim(path);
  s.value = trim(text.substr(eq + 1));
  const FactDef* f = find_fact(path);
  if (f == nullptr) {
    std::vector<std::string> paths;
    for (const FactDef& d : all_facts())
      if (!d.derived) paths.push_back(d.path);
    std::string message = fmt::format("--set \"{}\": unknown profile field \"{}\"", text, path);
    if (is_fact_group(path)) message += fmt::format("; {} is a group, set one of its keys ({}.…)", path, path);
    else if (auto near = closest(path, paths)) message += fmt::format("; did you mean \"{}\"?", *near);
    throw Error(message);
  }
  if (f->derived)
    throw Error(fmt::format("--set \"{}\": {} is derived by sfgrant; set {} instead", text, f->path,
                            f->path == "sme" ? "size" : "ksic"));
  if (s.append && f->type != FactType::list && f->type != FactType::money_list)
    throw Error(fmt::format("--set \"{}\": += adds to a list, and {} is not one; use {}=VALUE", text, f->path, f->path));
  if (s.append && s.value.empty()) throw Error(fmt::format("--set \"{}\": nothing to add", text));
  s.fact = f;
  return s;
}

void apply_setting(Profile& profile, const Setting& s) {
  const FactDef& f = *s.fact;
  const Location where{"--set " + s.text};
  if (!s.append && s.value.empty()) {
    profile.clear(f);
    return;
  }
  if (f.type == FactType::list || f.type == FactType::money_list) {
    std::vector<std::string> items = s.append ? list_words(f, profile) : std::vector<std::string>{};
    for (const std::string& item : split_items(s.value)) items.push_back(item);
    assign_list(profile, f, items, {where});
    return;
  }
  assign_fact(profile, f, s.value, where);
}

std::optional<Won> support_amount(const ProgramEvaluation& pe) {
  const TrackEvaluation* best = pe.best_track();
  if (best == nullptr) return std::nullopt;
  if (best->split) return best->split->government;
  return best->cap;
}

WhatIf what_if(const Catalogue& catalogue, const Profile& original, const Evaluation& before,
               const std::vector<Setting>& settings, const EvaluateOptions& options) {
  WhatIf w;
  w.settings = settings;
  w.changed = original;
  for (const Setting& s : settings) apply_setting(w.changed, s);
  derive_facts(w.changed, catalogue.industries);
  for (const FactDef& f : all_facts())
    if (!f.derived && !same_value(f, original, w.changed)) w.facts.push_back(&f);

  w.after = evaluate(catalogue, w.changed, options);
  // keep the programs the original evaluation shows (check --open filters them)
  std::vector<ProgramEvaluation> kept;
  for (ProgramEvaluation& pe : w.after.programs) {
    auto it = std::find_if(before.programs.begin(), before.programs.end(),
                           [&](const ProgramEvaluation& b) { return b.program == pe.program; });
    if (it == before.programs.end()) continue;
    ProgramChange c;
    c.program = pe.program;
    c.before = it->status;
    c.after = pe.status;
    const TrackEvaluation* tb = it->best_track();
    const TrackEvaluation* ta = pe.best_track();
    c.track_before = tb != nullptr ? tb->track : nullptr;
    c.track_after = ta != nullptr ? ta->track : nullptr;
    c.government_before = support_amount(*it);
    c.government_after = support_amount(pe);
    // a closed program's amount is not a change anybody can use: only compare open ones
    const bool amounts_matter = c.before != Status::ineligible || c.after != Status::ineligible;
    if (c.before != c.after ||
        (amounts_matter && (c.track_before != c.track_after || c.government_before != c.government_after)))
      w.changes.push_back(c);
    kept.push_back(std::move(pe));
  }
  w.after.programs = std::move(kept);
  return w;
}

// ---------------------------------------------------------------------------------------------
// What it would take

const std::vector<std::string>& controllable_facts() {
  static const std::vector<std::string> facts = {
      "smart_factory.target_level", "plan.total_cost",           "consortium.members",
      "consortium.suppliers",       "consortium.demo_companies", "consortium.cloud_provider",
      "smart_factory.level_certified", "selections"};
  return facts;
}

const std::vector<std::string>& applicable_selections() {
  static const std::vector<std::string> ids = {
      "legend50",         "jump_up",           "tp_recommendation",      "robot_si_partner",
      "smart_service_partner", "supplier_pool", "smart_service_pool",    "smart_factory_training",
      "daejeon_consulting", "leading_smart_factory", "advanced_project_selected"};
  return ids;
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
      case FactType::choice: any_value(f); break;
      case FactType::boolean:
        if (f.path == "smart_factory.level_certified") add_scalar(f, boolean(true));
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
            case CompareOp::in: add_scalar(f, number(x)); break;
            case CompareOp::gt: add_scalar(f, number(x + 1)); break;
            case CompareOp::lt:
              if (x > 0) add_scalar(f, number(x - 1));
              break;
            default: break;
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
      default: break;
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
    for (size_t p : picked)
      clash = clash || (moves[p].fact == moves[i].fact && !moves[i].added);
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

Reach what_it_takes(const Catalogue& catalogue, const Program& program, const Profile& profile,
                    const EvaluateOptions& options, const ReachOptions& reach) {
  Reach out;
  out.program = &program;
  MoveFinder finder(profile);
  for (const Rule& r : program.rules) finder.scan(r.require);
  for (const Track& t : program.tracks)
    for (const Rule& r : t.rules) finder.scan(r.require);
  const std::vector<Move> moves = finder.moves();

  std::vector<size_t> picked;
  for (size_t size = 1; size <= reach.max_moves && out.remedies.empty(); ++size) {
    auto test = [&](const std::vector<size_t>& combo) {
      Profile p = profile;
      for (size_t i : combo) apply_move(p, moves[i]);
      const ProgramEvaluation pe = evaluate_program(catalogue, program, p, options);
      if (pe.status == Status::ineligible) return true;
      Remedy r;
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

std::vector<Reach> what_it_takes(const Catalogue& catalogue, const Evaluation& ev, const Profile& profile,
                                 const EvaluateOptions& options, const ReachOptions& reach) {
  std::vector<Reach> out;
  for (const ProgramEvaluation& pe : ev.programs)
    if (pe.status == Status::ineligible) out.push_back(what_it_takes(catalogue, *pe.program, profile, options, reach));
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

namespace {

/// A fact's value as data: ids for enums, integers for money, booleans, lists; null when unknown.
json value_json(const FactDef& f, const Profile& profile) {
  if (!profile.has(f)) return nullptr;
  const Value& v = profile.get(f);
  switch (f.type) {
    case FactType::boolean: return v.flag;
    case FactType::number:
    case FactType::money: return v.number;
    case FactType::text: return v.text;
    case FactType::choice: return f.vocabulary->choices[static_cast<size_t>(v.number)].id;
    case FactType::list: {
      json items = json::array();
      for (auto idx : v.items) items.push_back(f.vocabulary->choices[static_cast<size_t>(idx)].id);
      return items;
    }
    case FactType::money_list: return v.amounts;
  }
  return nullptr;
}

json opt_won(const std::optional<Won>& w) { return w ? json(*w) : json(nullptr); }

json track_id(const Track* t) { return t != nullptr ? json(t->id) : json(nullptr); }

}  // namespace

json what_if_json(const WhatIf& w, const Profile& original, Lang lang) {
  json j;
  json settings = json::array();
  for (const Setting& s : w.settings) settings.push_back(s.text);
  j["settings"] = settings;
  json facts = json::array();
  for (const FactDef* f : w.facts)
    facts.push_back({{"path", f->path}, {"before", value_json(*f, original)}, {"after", value_json(*f, w.changed)}});
  j["changes"] = facts;
  json gained = json::array();
  json lost = json::array();
  json programs = json::array();
  for (const ProgramChange& c : w.changes) {
    if (c.gained()) gained.push_back(c.program->id);
    if (c.lost()) lost.push_back(c.program->id);
    json p;
    p["id"] = c.program->id;
    p["name"] = c.program->name.in(lang);
    p["status_before"] = std::string(status_name(c.before));
    p["status_after"] = std::string(status_name(c.after));
    p["track_before"] = track_id(c.track_before);
    p["track_after"] = track_id(c.track_after);
    // an amount only where the program is open, as the table shows it
    const bool has_before = c.before != Status::ineligible && c.government_before.has_value();
    const bool has_after = c.after != Status::ineligible && c.government_after.has_value();
    const Won before = has_before ? c.government_before.value_or(0) : 0;
    const Won after = has_after ? c.government_after.value_or(0) : 0;
    p["government_before"] = has_before ? json(before) : json(nullptr);
    p["government_after"] = has_after ? json(after) : json(nullptr);
    p["government_change"] = has_before && has_after ? json(after - before) : json(nullptr);
    programs.push_back(p);
  }
  j["gained"] = gained;
  j["lost"] = lost;
  j["programs"] = programs;
  return j;
}

json what_it_takes_json(const std::vector<Reach>& reaches, const Profile& profile, Lang lang) {
  json out = json::array();
  for (const Reach& r : reaches) {
    json j;
    j["id"] = r.program->id;
    j["name"] = r.program->name.in(lang);
    j["reachable"] = r.reachable();
    json remedies = json::array();
    for (const Remedy& rem : r.remedies) {
      json changes = json::array();
      Profile after = profile;
      for (const Move& m : rem.moves) apply_move(after, m);
      for (const Move& m : rem.moves) {
        json c = {{"path", m.fact->path}, {"before", value_json(*m.fact, profile)}, {"after", value_json(*m.fact, after)}};
        if (m.added) c["add"] = m.fact->vocabulary->choices[static_cast<size_t>(*m.added)].id;
        changes.push_back(c);
      }
      remedies.push_back({{"changes", changes},
                          {"status", std::string(status_name(rem.result))},
                          {"track", track_id(rem.track)},
                          {"government", opt_won(rem.government)}});
    }
    j["remedies"] = remedies;
    json blocking = json::array();
    for (const Blocker& b : r.blocking) {
      json bj = {{"rule", b.rule->id}, {"message", b.rule->message.in(lang)}, {"source", b.rule->source}};
      bj["track"] = track_id(b.track);
      blocking.push_back(bj);
    }
    j["blocking"] = blocking;
    out.push_back(j);
  }
  return out;
}

}  // namespace sfgrant
