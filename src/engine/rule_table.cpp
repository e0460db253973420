#include "sfgrant/engine/rule_table.h"

#include <string>
#include <unordered_map>

#include "sfgrant/engine/evaluate.h"

namespace sfgrant {
namespace {

/// What a condition tests, as a string: equal keys evaluate alike for every profile (kind, fact,
/// operator, right-hand side and children; not the text as written or where).
void append_key(const Condition& c, std::string& key) {
  key += std::to_string(static_cast<int>(c.kind));
  if (c.kind == Condition::Kind::compare) {
    key += c.fact != nullptr ? std::to_string(c.fact->index) : std::string("-");
    key += ' ';
    key += std::to_string(static_cast<int>(c.op));
    key += ' ';
    key += c.rhs.fact != nullptr ? std::to_string(c.rhs.fact->index) : std::string("-");
    for (const std::int64_t n : c.rhs.numbers) key += ' ' + std::to_string(n);
    for (const std::string& t : c.rhs.texts) key += ' ' + std::to_string(t.size()) + ':' + t;
  }
  key += '(';
  for (const Condition& child : c.children) append_key(child, key);
  key += ')';
}

}  // namespace

RuleTable::RuleTable(const Catalogue& catalogue) : catalogue_(catalogue) {
  std::unordered_map<std::string, std::uint32_t> slots;
  auto slot = [&](const Rule& r) {
    std::string key;
    append_key(r.require, key);
    const auto [it, added] = slots.emplace(std::move(key), static_cast<std::uint32_t>(distinct_.size()));
    if (added) distinct_.push_back(&r.require);
    return it->second;
  };
  program_slots_.resize(catalogue.programs.size());
  track_slots_.resize(catalogue.programs.size());
  for (size_t p = 0; p < catalogue.programs.size(); ++p) {
    const Program& program = catalogue.programs[p];
    for (const Rule& r : program.rules) program_slots_[p].push_back(slot(r));
    track_slots_[p].resize(program.tracks.size());
    for (size_t t = 0; t < program.tracks.size(); ++t)
      for (const Rule& r : program.tracks[t].rules) track_slots_[p][t].push_back(slot(r));
  }
}

void RuleTable::evaluate(const Profile& profile, std::vector<Tri>& out) const {
  out.resize(distinct_.size());
  for (size_t i = 0; i < distinct_.size(); ++i) out[i] = evaluate_condition(*distinct_[i], profile);
}

}  // namespace sfgrant
