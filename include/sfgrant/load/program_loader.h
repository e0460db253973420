#pragma once
/// Reads a year of program data (`programs/<year>/`) into a Catalogue, collecting every problem.
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// Years present in a programs folder (sub-folders named by four digits), ascending.
std::vector<int> available_years(const std::string& programs_dir);

/// Loads one year. Problems go to `diags`; what could be read is returned.
Catalogue load_year(const std::string& programs_dir, int year, Diagnostics& diags);

/// Loads one year and throws the first error (for commands that evaluate).
Catalogue load_year(const std::string& programs_dir, int year);

/// Parses one program file's text in the context of a year's rule sets and announcements
/// (used by load_year and by tests that feed a string named `input`).
struct YearContext;
Program load_program(const std::string& text, const std::string& file, const YearContext& context,
                     Diagnostics& diags);

/// What a program file may refer to: the year's rule sets and announcements.
struct YearContext {
  int year = 0;
  std::vector<Announcement> announcements;
  std::vector<std::pair<std::string, std::vector<Rule>>> rule_sets;
  std::vector<std::string> order;  ///< program ids in the announcement's order (common.yaml `programs`)
  Location order_where;
};

/// Parses a year's `common.yaml`.
YearContext load_common(const std::string& text, const std::string& file, Diagnostics& diags);

/// Reads a whole file ("-" for standard input). Throws Error when it cannot.
std::string read_file(const std::string& path);

/// The maps of the program data format (programs/README.md). The loader accepts exactly the keys
/// listed here and `sfgrant schema` is generated from the same lists, so the two cannot disagree.
enum class DataMap {
  program, track, rule, rule_set_use, condition, text, note, level_table, level_row,
  schedule, agency, apply, document, common, announcement, centers_file, center
};

struct DataKey {
  std::string name;
  bool required = false;  ///< the loader reports "… is required" when it is missing
};

/// Every key a map accepts, in the order the format documents them.
const std::vector<DataKey>& data_keys(DataMap map);
std::vector<std::string> data_key_names(DataMap map);

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
