// Scoring a filled-in sheet. The rules (trimmed mean, ties, bonus cap, pass marks) are written down in
// programs/RUBRICS.md.
#include "sfgrant/score/score.h"

#include <fmt/format.h>

#include <algorithm>

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// Scoring

std::optional<std::pair<size_t, size_t>> trimmed_out(const std::vector<Rational>& totals) {
  if (totals.size() < 3) return std::nullopt;
  size_t high = 0;
  size_t low = 0;
  for (size_t k = 1; k < totals.size(); ++k) {
    if (totals[k] > totals[high]) high = k;  // the first listed of the highest
    if (totals[k] <= totals[low]) low = k;   // the last listed of the lowest
  }
  // When every total is equal, high is the first evaluator and low the last: still two different ones.
  return std::make_pair(high, low);
}

ScoreResult score_sheet(const Rubric& rubric, const Stage& stage, const Sheet& sheet) {
  ScoreResult r;
  r.rubric = &rubric;
  r.stage = &stage;

  if (stage.suitability)
    for (size_t k = 0; k < stage.suitability->items.size() && k < sheet.suitable.size(); ++k)
      if (!sheet.suitable[k]) r.unsuitable.push_back(&stage.suitability->items[k]);
  r.suitable = r.unsuitable.empty();

  if (stage.scored() && !sheet.evaluators.empty()) {
    std::vector<Rational> totals;
    for (const auto& ev : sheet.evaluators) {
      EvaluatorResult er;
      er.name = ev.name;
      size_t k = 0;
      for (const auto& section : stage.sections) {
        Rational sum;
        for (size_t j = 0; j < section.items.size(); ++j, ++k) sum += k < ev.points.size() ? ev.points[k] : Rational(0);
        er.sections.push_back(sum);
        er.total += sum;
      }
      totals.push_back(er.total);
      r.evaluators.push_back(std::move(er));
    }
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean) {
      if (auto out = trimmed_out(totals)) {
        r.evaluators[out->first].counted = false;
        r.evaluators[out->first].dropped = "highest";
        r.evaluators[out->second].counted = false;
        r.evaluators[out->second].dropped = "lowest";
      } else {
        r.too_few_to_trim = true;
      }
    }
    Rational sum;
    std::int64_t counted = 0;
    for (const auto& er : r.evaluators)
      if (er.counted) {
        sum += er.total;
        ++counted;
      }
    r.evaluator_score = sum / Rational(counted);

    // Items that lose points, averaged over the evaluators that count; the losses add up to
    // (items' maximum − evaluator score).
    size_t k = 0;
    for (const auto& section : stage.sections)
      for (const auto& item : section.items) {
        Rational item_sum;
        for (size_t e = 0; e < sheet.evaluators.size(); ++e)
          if (r.evaluators[e].counted) item_sum += sheet.evaluators[e].points[k];
        const Rational mean = item_sum / Rational(counted);
        if (mean < item.max) r.losses.push_back(ItemLoss{&section, &item, mean, item.max - mean});
        ++k;
      }
    std::stable_sort(r.losses.begin(), r.losses.end(),
                     [](const ItemLoss& a, const ItemLoss& b) { return a.lost > b.lost; });
  }

  r.base = r.evaluator_score;
  if (stage.combine) {
    r.extra = sheet.extra.value_or(Rational(0));
    r.base = stage.combine->evaluators_weight * r.evaluator_score + stage.combine->extra_weight * *r.extra;
  }
  if (stage.bonus) {
    for (const auto& id : sheet.bonus)
      for (const auto& item : stage.bonus->items)
        if (item.id == id) {
          r.bonus_held.push_back(&item);
          r.bonus_sum += item.points;
        }
    r.bonus = stage.bonus->cap && *stage.bonus->cap < r.bonus_sum ? *stage.bonus->cap : r.bonus_sum;
  }
  r.final_score = r.base + r.bonus;

  // Verdict: a fail on a suitability row decides whatever the points; then the pass mark.
  if (!r.suitable) {
    r.verdict = Verdict::fail;
  } else if (!stage.scored()) {
    r.verdict = Verdict::pass;
  } else if (stage.is_incomplete()) {
    r.verdict = Verdict::incomplete;
  } else if (stage.pass) {
    const PassMark& p = *stage.pass;
    const Rational value = p.on == PassOn::base ? r.base : r.final_score;
    r.verdict = value >= p.at_least ? Verdict::pass : Verdict::fail;
    r.passed_by_bonus = r.verdict == Verdict::pass && p.on == PassOn::final_score && r.base < p.at_least;
  } else {
    r.verdict = Verdict::no_pass_mark;
  }
  return r;
}

}  // namespace sfgrant
