#pragma once
/// `sfgrant programs diff`: what changed between two catalogues, as a table for a terminal, as
/// Markdown for a pull-request comment, or as JSON (keys in README "programs diff").
#include <ostream>
#include <string>

#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

/// What each side is called in headings and columns: `2023`, or `2026 (../pr/programs)` when two
/// data folders are compared.
struct DiffSides {
  std::string before;
  std::string after;
};

void render_catalogue_diff(const CatalogueDiff& diff, const DiffSides& sides, const RenderOptions& options,
                           Format format, std::ostream& out);

}  // namespace sfgrant
