#pragma once
/// The evaluation sheet to fill in (`sfgrant score --template`), the inverse of load/sheet_loader.h.
#include <ostream>
#include "sfgrant/model/lang.h"
#include "sfgrant/model/rubric.h"

namespace sfgrant {

/// A sheet to fill in: every item with its grades in a comment, filled with the highest grade so that
/// it loads back as it is. `lang` picks the comments' language.
void write_sheet_template(const Rubric& rubric, const Stage& stage, Lang lang, std::ostream& out);

}  // namespace sfgrant
