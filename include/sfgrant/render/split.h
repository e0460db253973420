#pragma once
/// `sfgrant split`: one track's cost split, line by line for people or as JSON.
#include <optional>
#include <ostream>

#include "sfgrant/engine/split.h"
#include "sfgrant/render/format.h"

namespace sfgrant {

struct SplitReport {
  int year = 0;
  const Program& program;
  const Track& track;
  Won cap = 0;
  const Split& split;
  std::optional<Won> full_support_cost;
};

void render_split(const SplitReport& r, const RenderOptions& options, Format format, std::ostream& out);

}  // namespace sfgrant
