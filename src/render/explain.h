#pragma once
/// `check --explain`: every rule with ✔ / ✘ / ?, each comparison with the company's value against the
/// required one, and the citation. Private to render/.
#include <ostream>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

void explain_rules(const std::vector<RuleResult>& rules, const Profile& profile, const RenderOptions& options,
                   std::ostream& out, const std::string& indent);

}  // namespace sfgrant
