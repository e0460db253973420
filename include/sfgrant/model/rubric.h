#pragma once
/// Selection scoring (선정평가): an announcement's evaluation sheet (평가표) as data — a Rubric —,
/// one company's filled-in sheet — a Sheet —, and the exact score it earns — a ScoreResult.
/// Plain structs; rubric_loader.cpp reads the YAML (programs/RUBRICS.md), rubric.cpp checks and scores.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

/// An exact rational number of points. Always reduced with a positive denominator; every operation
/// is exact and throws Error("score overflow") instead of wrapping. No floating point on the scoring path.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t whole) : num_(whole) {}  // NOLINT: points are written as plain integers
  Rational(std::int64_t num, std::int64_t den);

  /// `15`, `12.5`, `-3`, `4/5`, `80%` (a percentage is a fraction of 1). Throws Error naming the text.
  static Rational parse(std::string_view text);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  bool is_integer() const { return den_ == 1; }

  /// Decimal text with exactly `decimals` digits, rounded half away from zero: 245/3 → "81.67".
  std::string fixed(int decimals = 2) const;
  /// `81`, `12.5`, `245/3`: exact, shortest (a terminating decimal when it has at most 4 digits).
  std::string exact() const;
  /// For JSON only: the value rounded to `decimals` digits, as a double.
  double rounded(int decimals = 2) const;

  friend Rational operator+(Rational a, Rational b);
  friend Rational operator-(Rational a, Rational b);
  friend Rational operator*(Rational a, Rational b);
  friend Rational operator/(Rational a, Rational b);
  Rational& operator+=(Rational b) { return *this = *this + b; }
  Rational& operator-=(Rational b) { return *this = *this - b; }
  friend bool operator==(Rational a, Rational b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend bool operator!=(Rational a, Rational b) { return !(a == b); }
  friend bool operator<(Rational a, Rational b);
  friend bool operator>(Rational a, Rational b) { return b < a; }
  friend bool operator<=(Rational a, Rational b) { return !(b < a); }
  friend bool operator>=(Rational a, Rational b) { return !(a < b); }

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// ---------------------------------------------------------------------------------------------
// The rubric: one program's evaluation sheets, stage by stage.

/// A column of the sheet's grade scale, highest first (우수, 양호, 보통, 다소 미흡, 미흡).
struct Grade {
  std::string id;
  Text name;                        ///< empty when the announcement names no grades (2021: columns A–E)
  std::optional<Rational> fraction; ///< share of an item's maximum, for items that list no points
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

/// Checks what the loader cannot see one key at a time: item points sum to their section, sections
/// to the sheet total, grades descend and match the grade scale, weights add up to 100%, pass marks
/// and bonus caps lie within the reachable range. Problems carry the offending key's line.
void check_rubric(const Rubric& rubric, Diagnostics& diags);

/// Parses one rubric file. `announcements` are the seed file names a `source` may cite (the year's
/// common.yaml). Strict: unknown and duplicate keys are errors. Does not run check_rubric.
Rubric load_rubric(const std::string& text, const std::string& file, const std::vector<std::string>& announcements,
                   Diagnostics& diags);

/// Loads and checks every `<year_dir>/rubrics/*.yaml`: the year's common.yaml gives the citable
/// files, the file name must be `<program>.yaml` of a program of that year. Collects every problem.
void validate_rubrics(const std::string& year_dir, Diagnostics& diags);

/// Program ids that have a rubric in `<year_dir>/rubrics/`, sorted.
std::vector<std::string> rubric_programs(const std::string& year_dir);

/// Loads and checks `<year_dir>/rubrics/<program>.yaml`. nullopt (and nothing in `diags`) when there is none.
std::optional<Rubric> load_program_rubric(const std::string& year_dir, const std::string& program, Diagnostics& diags);

// ---------------------------------------------------------------------------------------------
// A filled-in sheet and its score.

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
  std::string company;                   ///< optional, shown in the output
  std::string stage;                     ///< resolved stage id
  std::vector<bool> suitable;            ///< per Suitability item: true ○, false ×
  std::vector<EvaluatorSheet> evaluators;
  std::vector<std::string> bonus;        ///< ids of the bonus items held
  std::optional<Rational> extra;         ///< the combination's other score (일자리평가 점수)
};

/// Parses a sheet for `rubric`. `stage` (from --stage) may be empty: then the sheet's `stage` key,
/// or the rubric's only stage. Every item must be graded by every evaluator and every suitability item
/// answered; grades are a grade id or name (우수, A) or the points (12). Problems go to `diags` with
/// file:line:col.
Sheet load_sheet(const std::string& text, const std::string& file, const Rubric& rubric, const std::string& stage,
                 Diagnostics& diags);

/// A sheet to fill in: every item with its grades in a comment, filled with the highest grade so that
/// it loads back as it is. `lang` picks the comments' language.
void write_sheet_template(const Rubric& rubric, const Stage& stage, Lang lang, std::ostream& out);

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
  Rational base;                 ///< after the combination, before the bonus
  std::vector<const BonusItem*> bonus_held;
  Rational bonus_sum;
  Rational bonus;                ///< after the cap
  Rational final_score;
  Verdict verdict = Verdict::no_pass_mark;
  Text reason;
  bool passed_by_bonus = false;  ///< passes only because of the bonus
  std::vector<ItemLoss> losses;  ///< items that lose points, most first (ties in sheet order)
};

/// Scores a loaded sheet. Exact; the rules are in programs/RUBRICS.md.
ScoreResult score_sheet(const Rubric& rubric, const Stage& stage, const Sheet& sheet);

/// The trimmed mean rule on its own: indices of the dropped highest and lowest totals (the first listed
/// of the highest, the last listed of the lowest), or nothing when fewer than 3 totals are given.
std::optional<std::pair<size_t, size_t>> trimmed_out(const std::vector<Rational>& totals);

}  // namespace sfgrant
