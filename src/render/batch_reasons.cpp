#include "batch_reasons.h"

#include <fmt/format.h>

#include <vector>

#include "sfgrant/engine/questions.h"

#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/words.h"
#include "sfgrant/text/join.h"

namespace sfgrant {

BatchReasons::BatchReasons(const Catalogue& catalogue, Lang lang) : lang_(lang) {
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
    auto caveats = [&](const Track* t, bool at_cap, bool group_open = false) {
      std::vector<std::string> texts;
      for (const Note& n : p.notes)
        if (n.kind == NoteKind::caveat) texts.push_back("※ " + n.text.in(lang));
      if (t != nullptr)
        for (const Note& n : t->notes)
          if (n.kind == NoteKind::caveat) texts.push_back("※ " + n.text.in(lang));
      if (at_cap) texts.push_back("※ " + cap_basis_mark(lang));  // no cost given for it: split at the cap
      if (group_open) texts.push_back("※ " + group_cap_mark(*t->group_cap, lang));
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
      if (t.group_cap) keep(group_open_, &t, caveats(&t, false, true));
    }
  }
}

const BatchReasons::Reason* BatchReasons::caveats(const ProgramEvaluation& pe, const TrackEvaluation* best) const {
  if (best != nullptr && best->split && best->split->basis == SplitBasis::cap) {
    const auto it = at_cap_.find(best->track);
    if (it != at_cap_.end()) return &it->second;
  }
  if (best != nullptr && best->split && best->split->group && !best->split->group->remaining) {
    const auto it = group_open_.find(best->track);
    if (it != group_open_.end()) return &it->second;
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

void BatchReasons::fill(ResultRow& r, const ProgramEvaluation& pe, long line, const std::string& name,
                        bool reasons) const {
  // reused row after row: nothing of the program before may stay (cleared, keeping the strings' room)
  for (std::string* text : {&r.track, &r.reason, &r.caveats, &r.track_name, &r.basis}) text->clear();
  r.cap.reset();
  r.government.reset();
  r.private_share.reset();
  r.company.reset();
  r.large_company.reset();
  r.line = line;
  r.name = name;
  r.program = pe.program->id;
  r.status = std::string(status_name(pe.status));
  const TrackEvaluation* best = pe.best_track();
  if (best != nullptr) {
    r.track = best->track->id;
    r.track_name = best->track->name.in(lang_);
    r.cap = best->cap;
    if (best->split) {
      r.government = best->split->government;
      r.private_share = best->split->private_share;
      r.company = best->split->company;
      r.large_company = best->split->large_company;
      r.basis = std::string(split_basis_name(best->split->basis));
    }
  }
  if (const Reason* reason = first(pe); reason != nullptr && reasons) r.reason = reason->text;
  if (const Reason* caveat = caveats(pe, best); caveat != nullptr && reasons) r.caveats = caveat->text;
  r.program_name = pe.program->name.in(lang_);
  r.status_text = status_label(pe.status, lang_);
  r.window = window_label(pe.window, lang_);
  r.missing = join(pe.missing, ";", [](const FactDef* f) { return f->path; });
  std::vector<const std::string*> failed;
  auto add_failed = [&](const std::vector<RuleResult>& rules) {
    for (const RuleResult& rr : rules)
      if (rr.result == Tri::fail) failed.push_back(&reasons_.at(rr.rule).text);
  };
  add_failed(pe.rules);
  for (const TrackEvaluation& te : pe.tracks) add_failed(te.rules);
  r.failed = join(failed, "; ", [](const std::string* t) { return *t; });
}

void BatchReasons::fill(CompanyRow& r, const CompanyResult& company) const {
  r.line = company.line;
  r.name = company.profile.name();
  for (const ProgramEvaluation& pe : company.evaluation.programs) {
    if (pe.status == Status::eligible) ++r.eligible;
    if (pe.status == Status::possible) ++r.possible;
    if (pe.status == Status::ineligible) ++r.ineligible;
  }
  r.status = r.eligible > 0 ? Status::eligible : r.possible > 0 ? Status::possible : Status::ineligible;
  if (const ProgramEvaluation* pe = best_program(company.evaluation)) {
    r.program = pe->program->id;
    r.program_name = pe->program->name.in(lang_);
    const TrackEvaluation* best = pe->best_track();
    if (best != nullptr) {
      r.track = best->track->id;
      r.track_name = best->track->name.in(lang_);
      if (best->split) {
        r.government = best->split->government;
        r.company = best->split->company;
        r.large_company = best->split->large_company;
        r.private_share = best->split->private_share;
        r.basis = std::string(split_basis_name(best->split->basis));
      }
    }
    if (const Reason* caveat = caveats(*pe, best)) r.caveats = caveat->text;
  }
  // the three facts that decide the most possible programs: `label (n)`
  const std::vector<Question> questions = questions_to_ask(company.evaluation);
  std::vector<std::string> asked;
  for (size_t i = 0; i < questions.size() && i < 3; ++i)
    asked.push_back(fmt::format("{} ({})", fact_label(*questions[i].fact, lang_), questions[i].programs.size()));
  r.questions = join(asked, "; ", [](const std::string& x) { return x; });
}

std::string rejected_reason(const RejectedRow& row) {
  if (row.last_line <= row.line) return row.reason;
  return fmt::format("lines {}-{}: {}", row.line, row.last_line, row.reason);
}

}  // namespace sfgrant
