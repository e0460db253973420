#pragma once
/// `check --what-it-takes`: for each ineligible program the smallest change that opens it, or
/// "not reachable" with the blocking rules and their citations; as a table or as the
/// "what_it_takes" member of `check --format json`.
#include <ostream>
#include <vector>

#include "sfgrant/engine/what_it_takes.h"
#include "sfgrant/render/format.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

void render_what_it_takes(const WhatItTakes& result, const Profile& profile, const RenderOptions& options,
                          std::ostream& out);
void write_what_it_takes_json(const WhatItTakes& result, const Profile& profile, Lang lang, JsonWriter& out);

}  // namespace sfgrant
