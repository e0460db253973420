#pragma once
/// The facts sfgrant works out itself from what the company gave (SPEC §3 derived facts).
#include <optional>
#include <string>

#include "sfgrant/model/industries.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Sets the derived facts of `profile` (sme, manufacturing, root_industry, industry_group,
/// excluded_industry, service_business, entertainment_code, amusement_goods_code) from its size and
/// KSIC code; leaves a fact unknown
/// when its inputs are.
void derive_facts(Profile& profile, const IndustryTables& tables);

/// What one KSIC code gives against the industry tables: everything derived but `sme` (which comes
/// from the size). Depends on the code and the tables only.
struct KsicFacts {
  Tri manufacturing = Tri::unknown;
  Tri root_industry = Tri::unknown;
  Tri excluded_industry = Tri::unknown;
  Tri service_business = Tri::unknown;
  Tri entertainment_code = Tri::unknown;
  Tri amusement_goods_code = Tri::unknown;
  std::optional<int> industry_group;  ///< index into industry_group's vocabulary; none: unknown
};

/// Matches a (normalised) KSIC code against the tables.
KsicFacts ksic_facts(const std::string& ksic, const IndustryTables& tables);

/// derive_facts with the KSIC part given: `ksic` must be what ksic_facts gives for the profile's code
/// (ignored when the profile has none).
void derive_facts(Profile& profile, const KsicFacts& ksic);

}  // namespace sfgrant
