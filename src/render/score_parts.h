#pragma once
/// What the score's table and JSON share. Private to render/.
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sfgrant/model/lang.h"
#include "sfgrant/score/score.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

const char* verdict_id(Verdict v);
std::string verdict_label(Verdict v, Lang lang);
/// What a consultant should know besides the score: too few evaluators to trim, bonus evidence, the stage's notes.
std::vector<std::pair<Text, std::string>> result_notes(const ScoreResult& r);

void score_table(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, int width, std::ostream& out);
void score_json(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, JsonWriter& out);

}  // namespace sfgrant
