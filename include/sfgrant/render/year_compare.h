#pragma once
/// `check --compare YEAR`: the company's result in two years side by side per program, and what
/// made the difference; a table under check's, or the `compare` key of check's JSON (README).
#include <ostream>

#include "sfgrant/engine/year_compare.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

void render_year_compare_table(const YearComparison& comparison, const RenderOptions& options, std::ostream& out);
/// The value of the `compare` key.
void write_year_compare_json(const YearComparison& comparison, Lang lang, JsonWriter& out);

}  // namespace sfgrant
