#pragma once
/// Selection scoring (선정평가): an announcement's evaluation sheet (평가표) as data — a Rubric —,
/// one company's filled-in sheet — a Sheet —, and the exact score it earns — a ScoreResult.
/// Plain structs: load/rubric_loader.h and load/sheet_loader.h read the YAML (programs/RUBRICS.md),
/// validate/rubric_checks.h checks a rubric, score/score.h scores a sheet.
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "sfgrant/model/error.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/rational.h"

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// The rubric: one program's evaluation sheets, stage by stage.

/// A column of the sheet's grade scale, highest first (우수, 양호, 보통, 다소 미흡, 미흡).
struct Grade {
  std::string id;
  Text name;                         ///< empty when the announcement names no grades (2021: columns A–E)
  std::optional<Rational> fraction;  ///< share of an item's maximum, for items that list no points
  Location where;
};

/// A scored item: its maximum and the points of each grade, highest first.
struct RubricItem {
  std::string id;
  Text text;
  Rational max;
  /// One value per grade of the stage. Empty when the source gives no grade scale (incomplete stages):
  /// then a sheet enters points from 0 to `max`.
  std::vector<Rational> points;
  std::string source;
  Location where;
  Location points_where;
};

struct RubricSection {
  std::string id;
  Text name;
  Rational points;  ///< the section's total as the sheet prints it, e.g. 고도화 (40)
  std::vector<RubricItem> items;
  std::string source;
  Location where;
  Location points_where;
};

/// A pass/fail row (○/×, 적/부): any fail makes the company unsuitable whatever its points.
struct SuitabilityItem {
  std::string id;
  Text text;
  std::string source;
  Location where;
};

struct Suitability {
  std::string pass_mark = "○";
  std::string fail_mark = "×";
  std::vector<SuitabilityItem> items;
  std::string source;
  Location where;
};

struct BonusItem {
  std::string id;
  Text text;
  Rational points;
  Text note;  ///< e.g. evidence needed for it to count
  std::string source;
  Location where;
};

/// 가점: the items held add up, then the sum is capped (대전: 2 + 2 + 2, at most 5).
struct Bonus {
  std::optional<Rational> cap;  ///< none: the sum of the items held
  std::vector<BonusItem> items;
  std::string source;
  Location where;
  Location cap_where;

  Rational max() const;  ///< the most the bonus can add
};

/// How evaluators' totals become the stage's score.
enum class Aggregate {
  mean,          ///< arithmetic mean of every evaluator
  trimmed_mean,  ///< drop one highest and one lowest total, mean of the rest (needs 3 or more)
};

struct EvaluatorRule {
  Aggregate aggregate = Aggregate::mean;
  Text panel;          ///< who evaluates, as the announcement says it (평가위원회 7인 내외)
  std::string source;  ///< empty when the rubric gives no `evaluators` (the source is silent)
  Location where;
};

/// 기본점수 = evaluators × weight + a score from elsewhere × its weight (2021 1차: 80% + 일자리 20%).
struct Combination {
  Rational evaluators_weight;
  std::string extra_id;  ///< the key a sheet gives the other score under (`scores: {jobs: 75}`)
  Text extra_name;
  Rational extra_weight;
  Rational extra_max;
  std::string source;
  Location where;
};

enum class PassOn {
  base,         ///< the mark is on the score before the bonus
  final_score,  ///< … on the score with the bonus
};

struct PassMark {
  Rational at_least;
  PassOn on = PassOn::final_score;
  std::string source;
  Location where;
};

/// One evaluation of the selection process (현장평가, 1차, 2차 …).
struct Stage {
  std::string id;
  Text name;
  std::string source;
  Location where;
  EvaluatorRule evaluators;
  std::vector<Grade> grades;
  std::optional<Suitability> suitability;
  std::vector<RubricSection> sections;
  std::optional<Rational> total;  ///< the sheet total (합계); required when there are sections
  Location total_where;
  std::optional<Bonus> bonus;
  std::optional<Combination> combine;
  std::optional<PassMark> pass;
  Text incomplete;  ///< what the announcement leaves out; empty when the sheet is complete
  std::string incomplete_source;
  std::vector<Note> notes;

  bool scored() const { return !sections.empty(); }
  bool is_incomplete() const { return !incomplete.empty(); }
  /// Sum of the sections' item maxima (what a perfect sheet scores before weighting).
  Rational items_max() const;
  /// Highest possible score before the bonus: the sheet total (an incomplete sheet: its published items),
  /// or the combination's weighted maximum.
  Rational base_max() const;
  Rational final_max() const;
  std::vector<const RubricItem*> items() const;  ///< every item, sections in order
};

struct Rubric {
  std::string program;
  Text name;
  std::string source;
  std::vector<Stage> stages;
  std::vector<Note> notes;
  std::string file;
  Location where;

  const Stage* find_stage(std::string_view id) const;
};

/// One evaluator's points for every item of the stage (in Stage::items() order).
struct EvaluatorSheet {
  std::string name;  ///< empty when the sheet gives none
  std::vector<Rational> points;
  std::vector<std::string> grades;  ///< the grade id given per item, empty when given as points
  Location where;
};

struct Sheet {
  std::string file;
  std::string program;
  std::string company;         ///< optional, shown in the output
  std::string stage;           ///< resolved stage id
  std::vector<bool> suitable;  ///< per Suitability item: true ○, false ×
  std::vector<EvaluatorSheet> evaluators;
  std::vector<std::string> bonus;  ///< ids of the bonus items held
  std::optional<Rational> extra;   ///< the combination's other score (일자리평가 점수)
};

/// The grade scale of an item as a sheet prints it: "우수 15 · 양호 12 · …", "15 · 12 · …" when the
/// grades have no names, "0~15점" when the item takes points.
std::string describe_grades(const Stage& stage, const RubricItem& item, Lang lang);
/// A grade's name in `lang`, or its id when it has none.
std::string grade_label(const Grade& g, Lang lang);

}  // namespace sfgrant
