#include "sfgrant/engine/closing.h"

#include <algorithm>

namespace sfgrant {

namespace {

bool same_rule(const Rule& a, const Rule& b) { return a.id == b.id && a.source == b.source; }

/// The rules that close one ineligible program.
std::vector<const Rule*> closing(const ProgramEvaluation& pe) {
  std::vector<const Rule*> out;
  for (const RuleResult& rr : pe.rules)
    if (rr.result == Tri::fail) out.push_back(rr.rule);
  if (!out.empty() || pe.tracks.empty()) return out;
  for (const RuleResult& rr : pe.tracks.front().rules) {
    if (rr.result != Tri::fail) continue;
    const bool every_track = std::all_of(pe.tracks.begin(), pe.tracks.end(), [&](const TrackEvaluation& te) {
      return std::any_of(te.rules.begin(), te.rules.end(),
                         [&](const RuleResult& o) { return o.result == Tri::fail && same_rule(*o.rule, *rr.rule); });
    });
    if (every_track) out.push_back(rr.rule);
  }
  return out;
}

}  // namespace

std::vector<ClosingRule> closing_rules(const Evaluation& ev) {
  std::vector<ClosingRule> out;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::ineligible) continue;
    for (const Rule* rule : closing(pe)) {
      auto it = std::find_if(out.begin(), out.end(), [&](const ClosingRule& c) { return same_rule(*c.rule, *rule); });
      if (it == out.end())
        out.push_back({rule, 1});
      else
        ++it->programs;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ClosingRule& a, const ClosingRule& b) { return a.programs > b.programs; });
  return out;
}

}  // namespace sfgrant
