#pragma once
/// derive_facts for a batch: what a KSIC code gives against the industry tables, matched once per
/// distinct code. A list of a million companies holds a few thousand codes at most, but matching
/// one is eight table searches (issue #20 item 1).
#include <string>
#include <unordered_map>

#include "sfgrant/engine/derive.h"

namespace sfgrant {

/// One per thread (not shared): bounded to kMaxEntries codes, forgotten all at once past that, so its
/// memory stays flat however many codes a list holds.
class DerivedFactCache {
 public:
  static constexpr size_t kMaxEntries = 4096;

  explicit DerivedFactCache(const IndustryTables& tables) : tables_(tables) {}

  /// Exactly what derive_facts(profile, tables) does.
  void derive(Profile& profile);

  size_t size() const { return by_code_.size(); }

 private:
  const IndustryTables& tables_;
  std::unordered_map<std::string, KsicFacts> by_code_;  ///< keyed by the normalised code
};

}  // namespace sfgrant
