#pragma once
/// `sfgrant test`: the problems first (the errors of the program data the cases need, each once, then
/// the problems of the case files), then each case that did not pass, then the count.
#include <ostream>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/render/diagnostics.h"
#include "sfgrant/validate/case_runner.h"

namespace sfgrant {

/// text: the problems go to `err` (file:line:col, the line and a caret), the failed cases to `out`, and
/// the last line of `out` is `N passed, N failed` (`, N errors` added when there are problems); a year
/// whose program data does not load is one line for all its cases. github: one annotation per problem
/// and per failed case, then the count, all to `out`. json: one object to `out` (README "sfgrant test").
void render_test_report(const std::vector<CaseResult>& results, const Diagnostics& problems, DiagnosticFormat format,
                        std::ostream& out, std::ostream& err);

}  // namespace sfgrant
