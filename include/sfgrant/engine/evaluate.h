#pragma once
/// The rule engine: evaluates a profile against a year's catalogue in three-valued logic (SPEC §6)
/// and splits the cost of every track.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/split.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/tri.h"

namespace sfgrant {

enum class Status { ineligible, possible, eligible };
std::string_view status_name(Status s);
Status status_of(Tri t);

enum class WindowState { upcoming, open, closed, rolling, unknown };
std::string_view window_name(WindowState s);

struct RuleResult {
  const Rule* rule = nullptr;
  Tri result = Tri::unknown;
};

struct TrackEvaluation {
  const Track* track = nullptr;
  Status status = Status::ineligible;
  std::vector<RuleResult> rules;  ///< the track's own rules (the program's are in ProgramEvaluation)
  std::optional<Won> cap;         ///< after the level table, when it applies
  std::optional<Won> full_support_cost;
  std::optional<Split> split;
  SplitProblem split_problem;                 ///< why there is no split although a cost was given
  WindowState window = WindowState::unknown;  ///< the track's own window, else its program's
};

struct ProgramEvaluation {
  const Program* program = nullptr;
  Status status = Status::ineligible;
  std::vector<RuleResult> rules;  ///< the program-level rules
  std::vector<TrackEvaluation> tracks;
  WindowState window = WindowState::unknown;
  std::vector<const FactDef*> missing;  ///< facts to ask about, most useful first
  const Center* center = nullptr;       ///< the regional center for the company, when known

  /// The best track: eligible before possible, then one whose split could be computed, then the
  /// largest government share or cap.
  const TrackEvaluation* best_track() const;
};

/// The best track's government share, else its cap: the amount a what-if and a remedy report.
std::optional<Won> support_amount(const ProgramEvaluation& pe);

struct EvaluateOptions {
  std::optional<Date> as_of;  ///< for windows; nothing means unknown
  std::optional<Won> cost;    ///< overrides the profile's plan.total_cost
  bool find_center = true;    ///< look up the regional center (next steps)
};

struct Evaluation {
  const Catalogue* catalogue = nullptr;
  std::optional<Date> as_of;
  std::optional<Won> cost;  ///< the cost the splits use
  std::vector<ProgramEvaluation> programs;
};

/// The company's best program (batch --per company): among the eligible programs, the one with the
/// largest support_amount (government share at the company's cost, else the cap); a tie goes to
/// the first in catalogue order, and an eligible program without an amount counts as 0. Null when
/// no program is eligible.
const ProgramEvaluation* best_program(const Evaluation& ev);

/// Evaluates one condition. Every part is evaluated (no short-circuit), so explanations are complete.
Tri evaluate_condition(const Condition& c, const Profile& profile);

/// The profile facts a condition needs that are unknown (derived facts map to what they come from).
void missing_facts(const Condition& c, const Profile& profile, std::vector<const FactDef*>& out);

/// The application window on `as_of`. A rolling (상시) window closes with its program year.
WindowState window_state(const Schedule& s, const std::optional<Date>& as_of, int program_year = 0);

/// `--cost AMOUNT` as if `plan.total_cost: AMOUNT` were written in the profile: rules, questions and
/// splits all see it. Yearly costs that add up to another total are dropped (they were for that
/// one); yearly costs that add up to AMOUNT are kept.
void apply_cost(Profile& profile, Won cost);

/// `profile` must already have its derived facts (derive_facts).
Evaluation evaluate(const Catalogue& catalogue, const Profile& profile, const EvaluateOptions& options);
ProgramEvaluation evaluate_program(const Catalogue& catalogue, const Program& program, const Profile& profile,
                                   const EvaluateOptions& options);

/// The same, into `out`, reusing the vectors it already holds: batch evaluates millions of
/// profiles, and allocating and freeing every result's vectors cost more than the rules.
/// Application windows depend on the date only: when `out` already holds this catalogue's
/// programs at the same as_of, their windows are kept rather than worked out again.
void evaluate(const Catalogue& catalogue, const Profile& profile, const EvaluateOptions& options, Evaluation& out);
void evaluate_program(const Catalogue& catalogue, const Program& program, const Profile& profile,
                      const EvaluateOptions& options, ProgramEvaluation& out);

class RuleTable;
/// The same again, each distinct condition of `table`'s catalogue evaluated once (into
/// `rule_results`, reused company after company): batch. The result is the one above.
void evaluate(const RuleTable& table, const Profile& profile, const EvaluateOptions& options, Evaluation& out,
              std::vector<Tri>& rule_results);

}  // namespace sfgrant
