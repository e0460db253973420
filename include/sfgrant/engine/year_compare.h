#pragma once
/// One company in two program years side by side (`check --compare YEAR`, issue #18): per program
/// matched by the catalogue diff, the status and government support then and now, and the changes in
/// the data that made the difference. Codes and values; render/year_compare.h words them.
#include <optional>
#include <vector>

#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/engine/evaluate.h"

namespace sfgrant {

/// Why the company's result differs between the years.
struct CompareCause {
  enum class Code {
    rule_decides_now,  ///< a rule added or changed in the new year fails or is unknown now
    rule_gone,         ///< a rule that failed or was unknown then was removed or changed, and no longer stops it
    field,             ///< the best track's cap, ratio or another money term changed (`field`)
    track_added,       ///< the best track now is one the old year did not have
    track_removed,     ///< the best track then is gone
    other_track,       ///< the best track now is another of the matched tracks
    unexplained,       ///< the result differs and no change in the data explains it (derived facts, the cost)
  };
  Code code = Code::unexplained;
  const RuleDiff* rule = nullptr;       ///< rule_decides_now, rule_gone
  std::optional<Tri> before;            ///< the rule's result then (nothing when it did not exist)
  std::optional<Tri> after;             ///< … and now
  const TrackDiff* track = nullptr;     ///< field: the matched track
  const FieldChange* change = nullptr;  ///< field
  const Track* before_track = nullptr;  ///< track_removed, other_track
  const Track* after_track = nullptr;   ///< track_added, other_track
};

struct ProgramComparison {
  const ProgramDiff* diff = nullptr;          ///< null when the program is in one year only
  const ProgramEvaluation* before = nullptr;  ///< null: new in the later year
  const ProgramEvaluation* after = nullptr;   ///< null: not in the later year
  std::optional<Won> support_before;          ///< support_amount, when the program is not ineligible
  std::optional<Won> support_after;
  std::vector<CompareCause> causes;  ///< empty when status and support are the same

  bool changed() const;
};

struct YearComparison {
  const CatalogueDiff* diff = nullptr;
  const Evaluation* before = nullptr;
  const Evaluation* after = nullptr;
  /// the later year's programs in order (matched or new), then the programs it no longer has
  std::vector<ProgramComparison> programs;
};

/// `before` and `after` are the same profile evaluated against `diff.before` and `diff.after`; all
/// four must outlive the result.
YearComparison compare_years(const CatalogueDiff& diff, const Evaluation& before, const Evaluation& after);

}  // namespace sfgrant
