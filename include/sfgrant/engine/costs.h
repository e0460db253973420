#pragma once
/// The cost each track is split at (SPEC §3 `plan.costs`, §7 `split.basis`), and the check that
/// every `plan.costs` entry names a program (and track) of the catalogue.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/split.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// The company's own cost for a track: its `program:track` entry, else its `program` entry.
const ProgramCost* stated_cost(const Profile& profile, const Program& program, const Track& track);
/// The company's own cost for the program as a whole: its `program` entry.
const ProgramCost* stated_cost(const Profile& profile, const Program& program);

/// Every key `plan.costs` may use for `catalogue`: each program with money to split, and each of its
/// tracks with money as `program:track`.
std::vector<std::string> cost_keys(const Catalogue& catalogue);

/// A `plan.costs` key that names no program, or no track of its program, of the catalogue's year.
struct CostKeyProblem {
  enum class Code { unknown_program, unknown_track, no_money };
  Code code = Code::unknown_program;
  const ProgramCost* entry = nullptr;
  std::optional<std::string> suggestion;  ///< the nearest program or program:track, for "did you mean"
};

/// Every entry of `plan.costs` that does not name a program or track of `catalogue` with money to
/// split; empty when all do.
std::vector<CostKeyProblem> cost_key_problems(const Catalogue& catalogue, const Profile& profile);

}  // namespace sfgrant
