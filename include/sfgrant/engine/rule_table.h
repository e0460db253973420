#pragma once
/// Every distinct rule condition of a catalogue, evaluated once a company (issue #20): a year's
/// programs share rule sets (the 2026 common-exclusions stand in 23 programs, `role == adopter` in
/// 13), so the ~400 rules batch evaluates a company hold far fewer distinct conditions. Built from a
/// loaded Catalogue and owned by the run (batch's Worker); the Catalogue is not changed.
#include <cstdint>
#include <vector>

#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/tri.h"

namespace sfgrant {

class RuleTable {
 public:
  /// `catalogue` must outlive the table: it keeps pointers into the rules.
  explicit RuleTable(const Catalogue& catalogue);

  const Catalogue& catalogue() const { return catalogue_; }
  /// How many distinct conditions the catalogue's rules hold.
  size_t size() const { return distinct_.size(); }

  /// Each distinct condition's result for `profile` (evaluate_condition), one a slot, into `out`.
  void evaluate(const Profile& profile, std::vector<Tri>& out) const;

  /// The slot of each of program `p`'s own rules, in order; of track `t`'s rules.
  const std::vector<std::uint32_t>& program_slots(size_t p) const { return program_slots_[p]; }
  const std::vector<std::uint32_t>& track_slots(size_t p, size_t t) const { return track_slots_[p][t]; }

 private:
  const Catalogue& catalogue_;
  std::vector<const Condition*> distinct_;
  std::vector<std::vector<std::uint32_t>> program_slots_;
  std::vector<std::vector<std::vector<std::uint32_t>>> track_slots_;
};

}  // namespace sfgrant
