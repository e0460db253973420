#pragma once
/// Selection scoring (선정평가): the exact score a filled-in sheet earns, by the rules in programs/RUBRICS.md.
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "sfgrant/model/lang.h"
#include "sfgrant/model/rational.h"
#include "sfgrant/model/rubric.h"

namespace sfgrant {

struct EvaluatorResult {
  std::string name;
  Rational total;
  std::vector<Rational> sections;  ///< per RubricSection
  bool counted = true;             ///< false when dropped by the trimmed mean
  std::string dropped;             ///< "highest" or "lowest" when not counted
};

/// Points an item loses: its maximum minus its mean over the evaluators that count.
struct ItemLoss {
  const RubricSection* section = nullptr;
  const RubricItem* item = nullptr;
  Rational mean;
  Rational lost;
};

enum class Verdict {
  pass,
  fail,
  no_pass_mark,  ///< the stage ranks by score (2021 2차)
  incomplete,    ///< the published sheet is partial: no pass or fail
};

struct ScoreResult {
  const Rubric* rubric = nullptr;
  const Stage* stage = nullptr;
  std::vector<const SuitabilityItem*> unsuitable;  ///< the × answers
  bool suitable = true;
  std::vector<EvaluatorResult> evaluators;
  bool too_few_to_trim = false;  ///< trimmed mean asked for, fewer than 3 evaluators: plain mean used
  Rational evaluator_score;      ///< the (trimmed) mean of the evaluators' totals
  std::optional<Rational> extra;
  Rational base;  ///< after the combination, before the bonus
  std::vector<const BonusItem*> bonus_held;
  Rational bonus_sum;
  Rational bonus;  ///< after the cap
  Rational final_score;
  Verdict verdict = Verdict::no_pass_mark;
  bool passed_by_bonus = false;  ///< passes only because of the bonus
  std::vector<ItemLoss> losses;  ///< items that lose points, most first (ties in sheet order)
};

/// Scores a loaded sheet. Exact; the rules are in programs/RUBRICS.md.
ScoreResult score_sheet(const Rubric& rubric, const Stage& stage, const Sheet& sheet);

/// The trimmed mean rule on its own: indices of the dropped highest and lowest totals (the first listed
/// of the highest, the last listed of the lowest), or nothing when fewer than 3 totals are given.
std::optional<std::pair<size_t, size_t>> trimmed_out(const std::vector<Rational>& totals);

}  // namespace sfgrant
