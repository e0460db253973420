#pragma once
/// `sfgrant programs diff OLD NEW` and `programs diff [YEAR [NEW]] --against DIR` (issue #18), called
/// from `programs`.
#include <string>

#include "common.h"

namespace sfgrant::cli {

struct ProgramsDiffOptions {
  std::string first;    ///< OLD year (or the year of this folder, with --against)
  std::string second;   ///< NEW year (with --against, the other folder's year; default: the same)
  std::string against;  ///< --against DIR: the other data folder
};

/// load both catalogues → diff → render. 0 whenever it could compare (it reports, it does not judge).
int run_programs_diff(const CommonOptions& common, const ProgramsDiffOptions& options);

/// Loads `year` (4 digits) of the programs folder `dir`, or throws naming the years that exist there.
Catalogue load_year_of(const CommonOptions& common, const std::string& dir, const std::string& year, const char* what);

}  // namespace sfgrant::cli
