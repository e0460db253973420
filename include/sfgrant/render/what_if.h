#pragma once
/// `check --set`: the settings, then each program whose status, best track or support changes
/// (gained, lost, amount up or down) beside the original; as a table or as the "what_if" member of
/// `check --format json`.
#include <ostream>

#include "sfgrant/engine/what_if.h"
#include "sfgrant/render/format.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

void render_what_if_table(const WhatIf& w, const Profile& original, const RenderOptions& options, std::ostream& out);
void write_what_if_json(const WhatIf& w, const Profile& original, Lang lang, JsonWriter& out);

/// A fact's value as data: ids for enums, integers for money, booleans, lists; null when unknown.
void write_fact_value(const FactDef& f, const Profile& profile, JsonWriter& out);

}  // namespace sfgrant
