#pragma once
/// `check --format markdown`: one company's evaluation as GitHub-flavoured Markdown for e-mail and wiki
/// pages: the header (company, year and announcements, reference date, cost basis), a table of the
/// programs open to the company, the caveats, the questions still to answer, the ineligible programs
/// with one reason each, and the numbered citations. Text from the data goes through markdown_escape.
#include <ostream>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

void render_check_markdown(const Evaluation& ev, const Profile& profile, Lang lang, std::ostream& out);

}  // namespace sfgrant
