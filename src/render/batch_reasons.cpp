#include "batch_reasons.h"

#include <fmt/format.h>

#include <vector>

#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/words.h"
#include "sfgrant/text/join.h"

namespace sfgrant {

BatchReasons::BatchReasons(const Catalogue& catalogue, Lang lang) {
  // every reason a row can give, written once: `rule-id: message` or `missing: path`
  auto add = [&](const void* key, std::string text) {
    std::string cell = csv_cell(text);
    reasons_.emplace(key, Reason{std::move(text), std::move(cell)});
  };
  for (const Program& p : catalogue.programs) {
    for (const Rule& r : p.rules) add(&r, r.id + ": " + r.message.in(lang));
    for (const Track& t : p.tracks)
      for (const Rule& r : t.rules) add(&r, r.id + ": " + r.message.in(lang));
  }
  for (const FactDef& f : all_facts()) add(&f, "missing: " + f.path);
  // the caveats of each program with each of its tracks as the best, and of the program alone
  for (const Program& p : catalogue.programs) {
    auto caveats = [&](const Track* t, bool at_cap) {
      std::vector<std::string> texts;
      for (const Note& n : p.notes)
        if (n.kind == NoteKind::caveat) texts.push_back("※ " + n.text.in(lang));
      if (t != nullptr)
        for (const Note& n : t->notes)
          if (n.kind == NoteKind::caveat) texts.push_back("※ " + n.text.in(lang));
      if (at_cap) texts.push_back("※ " + cap_basis_mark(lang));  // no cost given for it: split at the cap
      return join(texts, " ", [](const std::string& x) { return x; });
    };
    auto keep = [&](std::unordered_map<const void*, Reason>& into, const void* key, std::string text) {
      if (text.empty()) return;
      std::string cell = csv_cell(text);
      into.emplace(key, Reason{std::move(text), std::move(cell)});
    };
    keep(caveats_, &p, caveats(nullptr, false));
    for (const Track& t : p.tracks) {
      keep(caveats_, &t, caveats(&t, false));
      if (t.cost == CostBasis::own && t.has_money()) keep(at_cap_, &t, caveats(&t, true));
    }
  }
}

const BatchReasons::Reason* BatchReasons::caveats(const ProgramEvaluation& pe, const TrackEvaluation* best) const {
  if (best != nullptr && best->split && best->split->basis == SplitBasis::cap) {
    const auto it = at_cap_.find(best->track);
    if (it != at_cap_.end()) return &it->second;
  }
  const auto it = caveats_.find(best != nullptr ? static_cast<const void*>(best->track) : pe.program);
  return it == caveats_.end() ? nullptr : &it->second;
}

const BatchReasons::Reason* BatchReasons::first(const ProgramEvaluation& pe) const {
  auto failed = [](const std::vector<RuleResult>& rules) -> const Rule* {
    for (const RuleResult& rr : rules)
      if (rr.result == Tri::fail) return rr.rule;
    return nullptr;
  };
  if (const Rule* f = failed(pe.rules)) return &reasons_.at(f);
  if (pe.status == Status::ineligible)
    for (const TrackEvaluation& te : pe.tracks)
      if (const Rule* f = failed(te.rules)) return &reasons_.at(f);
  if (pe.status == Status::possible && !pe.missing.empty()) return &reasons_.at(pe.missing.front());
  return nullptr;
}

std::string rejected_reason(const RejectedRow& row) {
  if (row.last_line <= row.line) return row.reason;
  return fmt::format("lines {}-{}: {}", row.line, row.last_line, row.reason);
}

}  // namespace sfgrant
