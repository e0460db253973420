#pragma once
/// What a `source` in program data may cite: the announcements of one program year.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sfgrant {

struct Citations {
  /// A constructor, not an aggregate: `{year, {files}}` stays valid as members are added.
  Citations(int year_ = 0, std::vector<std::string> files_ = {}, std::map<std::string, std::string> not_of_year_ = {})
      : year(year_), files(std::move(files_)), not_of_year(std::move(not_of_year_)) {}

  int year = 0;                    ///< 0 when unknown: messages then say "the year"
  std::vector<std::string> files;  ///< seed file names, as common.yaml `announcements` lists them
  /// Listed files that are not announcements of the year (model/announcement_year.h) → why, with the
  /// place of their entry: a source citing one is an error.
  std::map<std::string, std::string> not_of_year;
};

}  // namespace sfgrant
