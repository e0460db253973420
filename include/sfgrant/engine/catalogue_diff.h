#pragma once
/// What changed between two catalogues (`sfgrant programs diff`, issue #18): programs added, removed
/// and matched, and for each matched program and track the values that differ, each with the clause
/// it comes from on both sides. Codes and values only; render/catalogue_diff.h words them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/program.h"

namespace sfgrant {

/// How an old program or track was paired with a new one.
enum class MatchBy {
  id,         ///< the same id
  name,       ///< a renamed id with the same (Korean) name
  last_left,  ///< tracks only: the one track left unmatched on each side of a matched program
};
std::string_view match_by_name(MatchBy m);

/// A value of a program or track that can change between the years.
enum class Field {
  name,
  quota,   ///< 지원 과제수
  window,  ///< 공고·접수 dates (or 상시)
  source,  ///< the citation itself, when both sides cite the same announcement file
  months,
  cap,
  ratio,
  years,
  cap_per_year,
  cap_by_level,
  large_company_min,
  company_max,
  in_kind_max,
  company_cash_min,
  local_government,
  cost_basis,
  large_company_in_kind_max,
  company_own_staff_max,
  supplier_private_min,
  local_government_max,
  group_cap,  ///< a consortium's or supplier's cap (Track::group_cap)
};
/// The field's id as JSON names it: `cap`, `large_company_min`.
std::string_view field_id(Field f);

/// One value that differs. `before` / `after` hold it for the numeric fields (months, quota and
/// years a count; cap and cap_per_year won; the ratios and party limits basis points; cost_basis 0
/// build, 1 own), nothing when that side does not give it. The other fields (name, window, source,
/// cap_by_level, local_government) are read from the program or track of each side.
struct FieldChange {
  Field field = Field::cap;
  std::optional<std::int64_t> before;
  std::optional<std::int64_t> after;
  std::string before_source;
  std::string after_source;
};

/// A rule paired by id within a program (its own rules) or within a matched track.
enum class RuleChange {
  added,
  removed,
  condition,  ///< the condition differs (and maybe the message)
  message,    ///< the same condition, worded differently
  source,     ///< the same condition and message, another clause of the same announcement
};
std::string_view rule_change_id(RuleChange c);

struct RuleDiff {
  RuleChange change = RuleChange::added;
  const Rule* before = nullptr;  ///< null when added
  const Rule* after = nullptr;   ///< null when removed
};

struct TrackDiff {
  const Track* before = nullptr;
  const Track* after = nullptr;
  MatchBy match = MatchBy::id;
  std::vector<FieldChange> changes;
  std::vector<RuleDiff> rules;

  bool empty() const { return changes.empty() && rules.empty() && match == MatchBy::id; }
  const FieldChange* find(Field f) const;
};

struct ProgramDiff {
  const Program* before = nullptr;
  const Program* after = nullptr;
  MatchBy match = MatchBy::id;
  std::vector<FieldChange> changes;
  std::vector<RuleDiff> rules;    ///< the program-level rules (rule sets expanded)
  std::vector<TrackDiff> tracks;  ///< matched tracks, in the new program's order
  std::vector<const Track*> tracks_added;
  std::vector<const Track*> tracks_removed;

  bool empty() const;
  const FieldChange* find(Field f) const;
  /// The matched track pair whose new side is `after` (or old side `before`), else null.
  const TrackDiff* track_after(const Track* after) const;
  const TrackDiff* track_before(const Track* before) const;
  /// The rule diff whose new side is `after` (or old side `before`), in the program or its tracks.
  const RuleDiff* rule_after(const Rule* after) const;
  const RuleDiff* rule_before(const Rule* before) const;
};

/// Both catalogues must outlive the diff: it points into them.
struct CatalogueDiff {
  const Catalogue* before = nullptr;
  const Catalogue* after = nullptr;
  std::vector<const Program*> added;    ///< in the new catalogue's order
  std::vector<const Program*> removed;  ///< in the old catalogue's order
  std::vector<ProgramDiff> matched;     ///< in the new catalogue's order

  const ProgramDiff* program_after(const Program* after) const;
  const ProgramDiff* program_before(const Program* before) const;
};

/// Programs pair by id, then the rest by Korean name; tracks of a matched program by id, then name,
/// then the one left on each side. Rules pair by id. A citation alone counts as a change only when
/// both sides cite the same announcement file (a year-to-year diff cites two announcements anyway:
/// the citations are shown with every change instead).
CatalogueDiff diff_catalogues(const Catalogue& before, const Catalogue& after);

/// A condition in one canonical line (`all(a; any(b; c))`), spaces collapsed: what a rule requires,
/// for comparing and showing.
std::string condition_text(const Condition& c);

}  // namespace sfgrant
