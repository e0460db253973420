#pragma once
/// The facts sfgrant works out itself from what the company gave (SPEC §3 derived facts).
#include "sfgrant/model/industries.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Sets the derived facts of `profile` (sme, manufacturing, root_industry, industry_group,
/// excluded_industry, service_business, entertainment_code, amusement_goods_code) from its size and
/// KSIC code; leaves a fact unknown
/// when its inputs are.
void derive_facts(Profile& profile, const IndustryTables& tables);

}  // namespace sfgrant
