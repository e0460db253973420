#pragma once
/// `sfgrant programs`: the catalogue of a year (`list`) and one program in full (`show`): caps,
/// ratios, months, windows, rules, notes, documents and sources; as a table or as JSON.
#include <optional>
#include <ostream>

#include "sfgrant/model/date.h"
#include "sfgrant/model/program.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

void render_catalogue(const Catalogue& cat, const std::optional<Date>& as_of, const RenderOptions& options,
                      Format format, std::ostream& out);
void render_program(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                    const RenderOptions& options, Format format, std::ostream& out);

}  // namespace sfgrant
