#pragma once
/// Reads one company's filled-in evaluation sheet (`sfgrant score --sheet`).
#include <string>
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/rubric.h"

namespace sfgrant {

/// Parses a sheet for `rubric`. `stage` (from --stage) may be empty: then the sheet's `stage` key,
/// or the rubric's only stage. Every item must be graded by every evaluator and every suitability item
/// answered; grades are a grade id or name (우수, A) or the points (12). Problems go to `diags` with
/// file:line:col.
Sheet load_sheet(const std::string& text, const std::string& file, const Rubric& rubric, const std::string& stage,
                 Diagnostics& diags);

}  // namespace sfgrant
