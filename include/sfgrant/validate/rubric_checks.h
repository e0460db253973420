#pragma once
/// What `validate` checks in evaluation sheets (programs/RUBRICS.md) beyond what the loader reads.
#include <string>
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/rubric.h"

namespace sfgrant {

/// Checks what the loader cannot see one key at a time: item points sum to their section, sections
/// to the sheet total, grades descend and match the grade scale, weights add up to 100%, pass marks
/// and bonus caps lie within the reachable range. Problems carry the offending key's line.
void check_rubric(const Rubric& rubric, Diagnostics& diags);

/// Loads and checks every `<year_dir>/rubrics/*.yaml`: the year's common.yaml gives the citable
/// files, the file name must be `<program>.yaml` of a program of that year. Collects every problem.
void validate_rubrics(const std::string& year_dir, Diagnostics& diags);

}  // namespace sfgrant
