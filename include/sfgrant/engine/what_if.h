#pragma once
/// A profile changed by `path=value` settings (`check --set`), evaluated beside the original, and
/// what differs.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

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

}  // namespace sfgrant
