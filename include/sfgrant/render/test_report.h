#pragma once
/// `sfgrant test`: each failing case with its differences, the problems of the case files, and the count.
#include <ostream>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/validate/case_runner.h"

namespace sfgrant {

void render_test_report(const std::vector<CaseResult>& results, const Diagnostics& diags, std::ostream& out);

}  // namespace sfgrant
