#pragma once
/// Reads evaluation sheets (rubrics, programs/<year>/rubrics/<program>.yaml, format in
/// programs/RUBRICS.md) strictly: unknown and duplicate keys are errors with file:line:col.
#include <optional>
#include <string>
#include <vector>
#include "sfgrant/load/citations.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/rubric.h"

namespace sfgrant {

/// Parses one rubric file. `citations` are what a `source` may cite (the year's
/// common.yaml). Strict: unknown and duplicate keys are errors. Does not run check_rubric.
Rubric load_rubric(const std::string& text, const std::string& file, const Citations& citations, Diagnostics& diags);

/// Program ids that have a rubric in `<year_dir>/rubrics/`, sorted.
std::vector<std::string> rubric_programs(const std::string& year_dir);

/// Loads `<year_dir>/rubrics/<program>.yaml` (check_rubric, in validate/, checks it). nullopt (and nothing in `diags`)
/// when there is none.
std::optional<Rubric> load_program_rubric(const std::string& year_dir, const std::string& program, Diagnostics& diags);

/// The rubric files of a year, `<year_dir>/rubrics/*.yaml`, sorted.
std::vector<std::string> rubric_files(const std::string& year_dir);

/// What a rubric of the year may cite (the year's common.yaml); no files when it cannot be read.
Citations year_citations(const std::string& year_dir);

}  // namespace sfgrant
