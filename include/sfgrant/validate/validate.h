#pragma once
/// `sfgrant validate`: every problem in every file of the program data a set of paths names —
/// a programs folder (every year), a year folder, or one file with the year it belongs to.
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"

namespace sfgrant {

struct ValidationInputs {
  std::vector<std::string> paths;  ///< programs folders, year folders or files
  std::string cases;  ///< YAML test cases, to warn about programs without one ("": tests/cases beside, if any)
  std::string seeds;  ///< folder of the source announcements common.yaml lists ("": not checked)
};

/// Collects every problem; throws Error for a path that does not exist (bad usage, not a finding).
Diagnostics validate_program_data(const ValidationInputs& inputs);

}  // namespace sfgrant
