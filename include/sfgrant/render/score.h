#pragma once
/// `sfgrant score`: a filled-in sheet's score, per evaluator, with the verdict and why, the items
/// that lose the most points and the notes a consultant should know; as a table or as JSON.
#include <ostream>
#include <string>

#include "sfgrant/render/format.h"
#include "sfgrant/score/score.h"

namespace sfgrant {

void render_score(const ScoreResult& r, const Sheet& sheet, int year, const RenderOptions& options, Format format,
                  std::ostream& out);

/// Why the verdict is what it is: "기본점수 68.00점 < 70점 (2.00점 부족)".
std::string score_reason(const ScoreResult& r, Lang lang);

}  // namespace sfgrant
