#pragma once
#include <string>
#include <vector>

namespace sfgrant {

/// The maps of the program data format (programs/README.md). The loader accepts exactly the keys
/// listed here and `sfgrant schema` is generated from the same lists, so the two cannot disagree.
enum class DataMap {
  program,
  track,
  rule,
  rule_set_use,
  condition,
  text,
  note,
  level_table,
  level_row,
  schedule,
  agency,
  apply,
  document,
  party_limit,
  group_cap,
  common,
  announcement,
  centers_file,
  center
};

struct DataKey {
  std::string name;
  bool required = false;  ///< the loader reports "… is required" when it is missing
};

/// Every key a map accepts, in the order the format documents them.
const std::vector<DataKey>& data_keys(DataMap map);
std::vector<std::string> data_key_names(DataMap map);

}  // namespace sfgrant
