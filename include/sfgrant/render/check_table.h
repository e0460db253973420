#pragma once
/// `check` as a table: the programs open to the company with the best track's split, why the others
/// are closed (--all), the questions to ask, every rule (--explain) and what to do next (--next-steps).
#include <ostream>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

/// `newest_year`: the newest year of the programs folder, to say whether the next round's data exists
/// when most windows of this one have closed.
void render_check_table(const Evaluation& ev, const Profile& profile, int newest_year, const RenderOptions& options,
                        std::ostream& out);

}  // namespace sfgrant
