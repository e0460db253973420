#pragma once
/// What a `source` in program data may cite: the announcements of one program year.
#include <string>
#include <vector>

namespace sfgrant {

struct Citations {
  int year = 0;                    ///< 0 when unknown: messages then say "the year"
  std::vector<std::string> files;  ///< seed file names, as common.yaml `announcements` lists them
};

}  // namespace sfgrant
