#pragma once
#include <string>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// Checks `validate` runs on top of loading a year.
///
/// Warns about each program of `cat` that no case under `cases_dir` (any depth, every case whose
/// `year` is the catalogue's) expects anything of, and about programs without an `eligible` or an
/// `ineligible` case. Case files that cannot be read are left to `sfgrant test`.
void check_case_coverage(const Catalogue& cat, const std::string& cases_dir, Diagnostics& diags);

/// Reports each announcement of the year that is not a file in `seeds_dir` (the folder of the
/// source announcements), pointing at its line in common.yaml.
void check_announcement_files(const Catalogue& cat, const std::string& seeds_dir, Diagnostics& diags);

}  // namespace sfgrant
