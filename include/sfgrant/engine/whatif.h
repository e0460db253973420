#pragma once
/// What would change the answer: the questions that decide the open programs, a profile changed
/// by `path=value` settings evaluated beside the original (`check --set`), and, for each
/// ineligible program, the smallest change in the facts a company controls that opens it
/// (`check --what-it-takes`), or the rules that keep it closed whatever the company does.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// Questions to ask

/// An unknown fact and the `possible` programs it is missing for.
struct Question {
  const FactDef* fact = nullptr;
  std::vector<const Program*> programs;
};

/// The facts missing for the `possible` programs of `ev`, one entry a fact, those missing for the
/// most programs first (ties: the order the engine lists them, which puts the most useful first).
std::vector<Question> questions_to_ask(const Evaluation& ev);

// ---------------------------------------------------------------------------------------------
// What-if: `--set path=value`

/// One assignment as written on the command line:
///   `path=value`   sets the fact (enum words in English or Korean, Korean amounts, yes/no);
///   `path=a,b`     sets a list fact (selections, smart_factory.same_level_used, plan.yearly_costs);
///   `path+=item`   adds one item to a list fact;
///   `path=`        makes the fact unknown.
struct Setting {
  const FactDef* fact = nullptr;
  std::string value;
  bool append = false;
  std::string text;  ///< as written, for messages
};

/// Parses `path=value`. Throws Error naming the text (unknown path with a "did you mean", a
/// derived fact, `+=` on a fact that is not a list).
Setting parse_setting(const std::string& text);

/// Applies a setting to `profile`. Throws Error naming the setting when the value is invalid.
void apply_setting(Profile& profile, const Setting& setting);

/// How one program's outcome differs between two evaluations.
struct ProgramChange {
  const Program* program = nullptr;
  Status before = Status::ineligible;
  Status after = Status::ineligible;
  const Track* track_before = nullptr;  ///< the best track
  const Track* track_after = nullptr;
  std::optional<Won> government_before;  ///< the best track's government share (its cap when no cost is known)
  std::optional<Won> government_after;

  bool gained() const { return before == Status::ineligible && after != Status::ineligible; }
  bool lost() const { return before != Status::ineligible && after == Status::ineligible; }
};

/// A changed profile, its evaluation and what differs from the original's.
struct WhatIf {
  std::vector<Setting> settings;
  Profile changed;
  std::vector<const FactDef*> facts;  ///< the facts whose value differs, in profile order
  Evaluation after;
  std::vector<ProgramChange> changes;  ///< only programs whose status, best track or amount changed
};

/// Applies `settings` to a copy of `original` (derived facts recomputed), evaluates it with the
/// same options and compares with `before` (the original's evaluation).
WhatIf what_if(const Catalogue& catalogue, const Profile& original, const Evaluation& before,
               const std::vector<Setting>& settings, const EvaluateOptions& options);

/// The best track's government share, else its cap: the amount a what-if compares.
std::optional<Won> support_amount(const ProgramEvaluation& pe);

// ---------------------------------------------------------------------------------------------
// What it would take

/// The facts a company controls, and how (documented in `sfgrant check --help` and README):
///   smart_factory.target_level   the level the planned build aims at: any level;
///   plan.total_cost              the planned cost: the thresholds rules name;
///   consortium.members / suppliers / demo_companies / cloud_provider
///                                who it applies with: the counts rules name, with or without a cloud provider;
///   smart_factory.level_certified  it can apply for a 스마트공장 수준확인 (level check): true only;
///   selections                   selections and certificates it can apply for or arrange: see
///                                applicable_selections(); only added, never removed.
/// Everything else (size, industry, region, role, tax arrears, sanctions, the current level, its
/// build history, past R&D results, investment, industry fields) is a fact about the company, not a choice.
const std::vector<std::string>& controllable_facts();

/// Selection ids a company can apply for or arrange: legend50, jump_up, tp_recommendation,
/// robot_si_partner, smart_service_partner, supplier_pool, smart_service_pool,
/// smart_factory_training, daejeon_consulting, leading_smart_factory, advanced_project_selected.
const std::vector<std::string>& applicable_selections();

/// One change: a fact set to a value, or one item added to a list fact.
struct Move {
  const FactDef* fact = nullptr;
  Value value;                        ///< the new value (scalar facts)
  std::optional<std::int64_t> added;  ///< the item added (list facts)
  int cost = 1;                       ///< how big a change: level steps, else 1
};

/// Sets the move's fact in `profile`.
void apply_move(Profile& profile, const Move& move);

/// A set of moves that opens a program, and what the program becomes with it.
struct Remedy {
  std::vector<Move> moves;
  Status result = Status::possible;
  const Track* track = nullptr;  ///< the best track after the change
  std::optional<Won> government;
};

/// A rule that fails and that no controllable change makes pass.
struct Blocker {
  const Rule* rule = nullptr;
  const Track* track = nullptr;  ///< nullptr for a program-level rule
};

struct Reach {
  const Program* program = nullptr;
  std::vector<Remedy> remedies;   ///< the smallest changes, best first; empty when not reachable
  std::vector<Blocker> blocking;  ///< why not, when not reachable
  bool reachable() const { return !remedies.empty(); }
};

struct ReachOptions {
  size_t max_moves = 3;         ///< changes combined at most
  size_t max_alternatives = 3;  ///< remedies of the smallest size kept
};

/// For one program: the smallest combinations of controllable changes (fewest moves, then the
/// smallest level steps; eligible before possible, then the larger government share) that make it
/// eligible or possible, or the blocking rules. `profile` must have its derived facts.
Reach what_it_takes(const Catalogue& catalogue, const Program& program, const Profile& profile,
                    const EvaluateOptions& options, const ReachOptions& reach = {});

/// The same for every ineligible program of `ev`, in catalogue order.
std::vector<Reach> what_it_takes(const Catalogue& catalogue, const Evaluation& ev, const Profile& profile,
                                 const EvaluateOptions& options, const ReachOptions& reach = {});

// ---------------------------------------------------------------------------------------------
// JSON (added to `check --format json` as "what_if" and "what_it_takes")

nlohmann::ordered_json what_if_json(const WhatIf& w, const Profile& original, Lang lang);
nlohmann::ordered_json what_it_takes_json(const std::vector<Reach>& reaches, const Profile& profile, Lang lang);

}  // namespace sfgrant
