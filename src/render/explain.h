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

/// Every distinct failed rule message of a program: its own rules, then its tracks' (why it is closed).
std::vector<std::string> failed_reasons(const ProgramEvaluation& pe, Lang lang);

/// The caveats that qualify a program's answer (the ※ lines): the program's, then its best track's.
std::vector<const Note*> caveats(const ProgramEvaluation& pe, const TrackEvaluation* best);

}  // namespace sfgrant
