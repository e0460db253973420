#include "sfgrant/engine/derive_cache.h"

namespace sfgrant {

void DerivedFactCache::derive(Profile& profile) {
  static const FactDef& ksic_fact = fact("ksic");
  if (!profile.has(ksic_fact)) {
    derive_facts(profile, KsicFacts{});
    return;
  }
  const std::string& code = profile.get(ksic_fact).text;
  auto found = by_code_.find(code);
  if (found == by_code_.end()) {
    if (by_code_.size() >= kMaxEntries) by_code_.clear();
    found = by_code_.emplace(code, ksic_facts(code, tables_)).first;
  }
  derive_facts(profile, found->second);
}

}  // namespace sfgrant
