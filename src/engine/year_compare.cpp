#include "sfgrant/engine/year_compare.h"

namespace sfgrant {
namespace {

const ProgramEvaluation* evaluation_of(const Evaluation& ev, const Program* program) {
  for (const ProgramEvaluation& pe : ev.programs)
    if (pe.program == program) return &pe;
  return nullptr;
}

/// The result of `rule` in the program's rules or any of its tracks' rules.
std::optional<Tri> result_of(const ProgramEvaluation* pe, const Rule* rule) {
  if (pe == nullptr || rule == nullptr) return std::nullopt;
  for (const RuleResult& rr : pe->rules)
    if (rr.rule == rule) return rr.result;
  for (const TrackEvaluation& te : pe->tracks)
    for (const RuleResult& rr : te.rules)
      if (rr.rule == rule) return rr.result;
  return std::nullopt;
}

/// The rules that decide the program's status: its own and its best track's.
std::vector<RuleResult> deciding_rules(const ProgramEvaluation& pe) {
  std::vector<RuleResult> out = pe.rules;
  if (const TrackEvaluation* best = pe.best_track()) out.insert(out.end(), best->rules.begin(), best->rules.end());
  return out;
}

std::optional<Won> shown_support(const ProgramEvaluation* pe) {
  if (pe == nullptr || pe->status == Status::ineligible) return std::nullopt;
  return support_amount(*pe);
}

void rule_causes(const ProgramDiff& diff, const ProgramEvaluation& before, const ProgramEvaluation& after,
                 std::vector<CompareCause>& out) {
  for (const RuleResult& rr : deciding_rules(after)) {
    if (rr.result == Tri::pass) continue;
    const RuleDiff* rd = diff.rule_after(rr.rule);
    if (rd == nullptr || (rd->change != RuleChange::added && rd->change != RuleChange::condition)) continue;
    CompareCause c;
    c.code = CompareCause::Code::rule_decides_now;
    c.rule = rd;
    c.before = result_of(&before, rd->before);
    c.after = rr.result;
    if (c.before != c.after) out.push_back(c);
  }
  for (const RuleResult& rr : deciding_rules(before)) {
    if (rr.result == Tri::pass) continue;
    const RuleDiff* rd = diff.rule_before(rr.rule);
    if (rd == nullptr || (rd->change != RuleChange::removed && rd->change != RuleChange::condition)) continue;
    CompareCause c;
    c.code = CompareCause::Code::rule_gone;
    c.rule = rd;
    c.before = rr.result;
    c.after = result_of(&after, rd->after);
    if (!c.after || *c.after == Tri::pass) out.push_back(c);
  }
}

/// Why the best track's support differs: its money terms, or another track.
void track_causes(const ProgramDiff& diff, const ProgramEvaluation& before, const ProgramEvaluation& after,
                  std::vector<CompareCause>& out) {
  const TrackEvaluation* now = after.best_track();
  const TrackEvaluation* then = before.best_track();
  if (now == nullptr || then == nullptr) return;
  const TrackDiff* td = diff.track_after(now->track);
  if (td == nullptr) {
    CompareCause c;
    c.code = CompareCause::Code::track_added;
    c.after_track = now->track;
    out.push_back(c);
    return;
  }
  if (td->before != then->track) {
    CompareCause c;
    c.code =
        diff.track_before(then->track) == nullptr ? CompareCause::Code::track_removed : CompareCause::Code::other_track;
    c.before_track = then->track;
    c.after_track = now->track;
    out.push_back(c);
    return;
  }
  for (const FieldChange& fc : td->changes) {
    if (fc.field != Field::cap && fc.field != Field::ratio && fc.field != Field::cap_by_level &&
        fc.field != Field::cap_per_year && fc.field != Field::years && fc.field != Field::large_company_min &&
        fc.field != Field::company_max)
      continue;
    CompareCause c;
    c.code = CompareCause::Code::field;
    c.track = td;
    c.change = &fc;
    out.push_back(c);
  }
}

ProgramComparison compare_program(const ProgramDiff* diff, const ProgramEvaluation* before,
                                  const ProgramEvaluation* after) {
  ProgramComparison pc;
  pc.diff = diff;
  pc.before = before;
  pc.after = after;
  pc.support_before = shown_support(before);
  pc.support_after = shown_support(after);
  if (diff == nullptr || before == nullptr || after == nullptr) return pc;  // in one year only: no cause to find
  const bool status_differs = before->status != after->status;
  const bool support_differs = pc.support_before != pc.support_after;
  if (status_differs) rule_causes(*diff, *before, *after, pc.causes);
  if (support_differs || status_differs) track_causes(*diff, *before, *after, pc.causes);
  if ((status_differs || support_differs) && pc.causes.empty()) pc.causes.push_back({});
  return pc;
}

}  // namespace

bool ProgramComparison::changed() const {
  if (before == nullptr || after == nullptr) return true;
  return before->status != after->status || support_before != support_after;
}

YearComparison compare_years(const CatalogueDiff& diff, const Evaluation& before, const Evaluation& after) {
  YearComparison out;
  out.diff = &diff;
  out.before = &before;
  out.after = &after;
  for (const ProgramEvaluation& pe : after.programs) {
    const ProgramDiff* pd = diff.program_after(pe.program);
    out.programs.push_back(compare_program(pd, pd ? evaluation_of(before, pd->before) : nullptr, &pe));
  }
  for (const Program* gone : diff.removed)
    if (const ProgramEvaluation* pe = evaluation_of(before, gone))
      out.programs.push_back(compare_program(nullptr, pe, nullptr));
  return out;
}

}  // namespace sfgrant
