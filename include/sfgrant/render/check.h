#pragma once
/// `sfgrant check`: one company's evaluation, with what a what-if changes and what it would take,
/// as a table for people, as SPEC §7 JSON, or (the evaluation alone) as Markdown.
#include <ostream>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/what_if.h"
#include "sfgrant/engine/what_it_takes.h"
#include "sfgrant/engine/year_compare.h"
#include "sfgrant/render/format.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

struct CheckReport {
  const Evaluation& evaluation;
  const Profile& profile;
  const WhatIf* what_if = nullptr;             ///< `--set`
  const WhatItTakes* what_it_takes = nullptr;  ///< `--what-it-takes`
  int newest_year = 0;  ///< the newest year in the programs folder (is the next round's data there?)
  const YearComparison* compare = nullptr;  ///< `--compare YEAR`
};

void render_check(const CheckReport& report, const RenderOptions& options, Format format, std::ostream& out);

}  // namespace sfgrant
