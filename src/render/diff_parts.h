#pragma once
/// How the values of a catalogue diff read, in words and in JSON: shared by `programs diff` and
/// `check --compare`. Private to render/.
#include <ostream>
#include <string>

#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/tri.h"
#include "sfgrant/render/catalogue_diff.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

/// `한도` / `cap`.
std::string field_label(Field f, Lang lang);

/// One side of a change as people read it (`2억원`, `50%`, `9개월`, `접수 2025-11~2026-01`), `-` when
/// that side does not give it. `program` and `track` are that side's (track null for program fields).
std::string field_value_text(const FieldChange& change, bool after, const Program* program, const Track* track,
                             Lang lang);
/// The same as a JSON value: integers (won, counts), percent text for ratios, objects for windows
/// and level tables, null when not given.
void write_field_value_json(const FieldChange& change, bool after, const Program* program, const Track* track,
                            Lang lang, JsonWriter& out);

/// `규칙 추가` / `rule added`.
std::string rule_change_label(RuleChange c, Lang lang);
/// `message (condition)`.
std::string rule_text(const Rule& rule, Lang lang);
/// `충족` / `met`.
std::string tri_word(Tri t, Lang lang);
/// `이름으로 맞춤` / `matched by name`; "" for a match by id.
std::string match_note(MatchBy m, Lang lang);
/// A track in one line: `고도화 [advanced] 2억원 · 50% · 9개월`.
std::string track_summary(const Track& t, Lang lang);

/// `programs diff --format json` (catalogue_diff_json.cpp).
void write_catalogue_diff_json(const CatalogueDiff& diff, const DiffSides& sides, Lang lang, std::ostream& out);

}  // namespace sfgrant
