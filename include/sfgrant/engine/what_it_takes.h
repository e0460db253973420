#pragma once
/// For each ineligible program, the smallest change in the facts a company controls that opens it
/// (`check --what-it-takes`), or the rules that keep it closed whatever the company does.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// The facts a company controls, and how (documented in `sfgrant check --help` and README):
///   smart_factory.target_level   the level the planned build aims at: any level;
///   plan.total_cost              the planned cost: the thresholds rules name;
///   consortium.members / suppliers / demo_companies / cloud_provider
///                                who it applies with: the counts rules name, with or without a cloud provider;
///   smart_factory.level_certified  it can apply for a 스마트공장 수준확인 (level check): true only;
///   selections                   selections and certificates it can apply for or arrange: see
///                                applicable_selections(); only added, never removed.
/// Its standing it can also change before it applies (standing_moves()): pay its tax arrears
/// (status.tax_arrears → false) and resume a suspended business (status.business → active; a
/// closed one stays closed: reopening is a new registration).
/// Everything else (size, industry, region, role, sanctions, the current level, its build history,
/// past R&D results, investment, industry fields) is a fact about the company, not a choice.
const std::vector<std::string>& controllable_facts();

/// Selection ids a company can apply for or arrange: legend50, jump_up, tp_recommendation,
/// robot_si_partner, smart_service_partner, supplier_pool, smart_service_pool,
/// smart_factory_training, daejeon_consulting, leading_smart_factory, advanced_project_selected.
const std::vector<std::string>& applicable_selections();

/// One change: a fact set to a value, or one item added to a list fact.
struct Move;

/// The changes to its standing the company can make before applying: pay its tax arrears, resume
/// a suspended business. Empty when its standing closes nothing. Every remedy assumes them (what_it_takes()).
std::vector<Move> standing_moves(const Profile& profile);

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
/// eligible or possible, or the blocking rules. The standing moves come first in every remedy
/// (a program they open alone has them as its remedy) and the search adds at most `max_moves` more;
/// the blocking rules are those left once they are made. `profile` must have its derived facts.
Reach what_it_takes(const Catalogue& catalogue, const Program& program, const Profile& profile,
                    const EvaluateOptions& options, const ReachOptions& reach = {});

struct WhatItTakes {
  std::vector<Move> standing;  ///< standing_moves(): the first moves of every remedy
  std::vector<Reach> reaches;  ///< per ineligible program of the evaluation, in catalogue order
};

/// The same for every ineligible program of `ev`.
WhatItTakes what_it_takes(const Catalogue& catalogue, const Evaluation& ev, const Profile& profile,
                          const EvaluateOptions& options, const ReachOptions& reach = {});

}  // namespace sfgrant
