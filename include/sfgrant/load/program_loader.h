#pragma once
/// Reads a year of program data (`programs/<year>/`) into a Catalogue, collecting every problem.
#include <map>
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// Years present in a programs folder (sub-folders named by four digits), ascending.
std::vector<int> available_years(const std::string& programs_dir);

/// The files load_year reads for a year: its common.yaml, the KSIC tables (the year's own
/// industries.yaml, else the programs folder's), and every other .yaml/.yml of the year's folder in
/// name order (the programs and centers.yaml). Files that do not exist are still named.
struct YearFiles {
  std::string common;
  std::string industries;
  std::vector<std::string> programs;
};
YearFiles year_files(const std::string& programs_dir, int year);

/// Loads one year. Problems go to `diags`; what could be read is returned.
Catalogue load_year(const std::string& programs_dir, int year, Diagnostics& diags);

/// Loads one year and throws the first error (for commands that evaluate).
Catalogue load_year(const std::string& programs_dir, int year);

/// Parses one program file's text in the context of a year's rule sets and announcements
/// (used by load_year and by tests that feed a string named `input`).
struct YearContext;
Program load_program(const std::string& text, const std::string& file, const YearContext& context, Diagnostics& diags);

/// What a program file may refer to: the year's rule sets and announcements.
struct YearContext {
  int year = 0;
  Location year_where;  ///< the `year:` value, for "year 2026 in a folder named 2027"
  std::vector<Announcement> announcements;
  std::vector<std::pair<std::string, std::vector<Rule>>> rule_sets;
  std::vector<std::string> order;  ///< program ids in the announcement's order (common.yaml `programs`)
  Location order_where;
  std::map<std::string, std::string> not_of_year;  ///< see Citations::not_of_year
};

/// Parses a year's `common.yaml`.
YearContext load_common(const std::string& text, const std::string& file, Diagnostics& diags);

/// Parses a year's `centers.yaml`.
std::vector<Center> load_centers(const std::string& text, const std::string& file, const YearContext& context,
                                 Diagnostics& diags);

/// Where `needle` first appears in a file as the value of a `key:` (for places the model does not
/// keep, like a program's id or an announcement's file name); the file's first line when it does not.
Location find_key_line(const std::string& file, const std::string& key, const std::string& needle, bool top_level);

}  // namespace sfgrant
