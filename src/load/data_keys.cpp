#include "sfgrant/load/data_keys.h"

namespace sfgrant {

const std::vector<DataKey>& data_keys(DataMap map) {
  using K = std::vector<DataKey>;
  static const K kProgram = {{"id", true},     {"name", true},     {"category", false}, {"source", true},
                             {"quota", false}, {"schedule", true}, {"agency", true},    {"apply", false},
                             {"notes", false}, {"rules", false},   {"tracks", true}};
  static const K kTrack = {{"id", true},
                           {"name", true},
                           {"source", true},
                           {"months", false},
                           {"cap", false},
                           {"ratio", false},
                           {"years", false},
                           {"cap_per_year", false},
                           {"cap_by_level", false},
                           {"large_company_min", false},
                           {"company_max", false},
                           {"in_kind_max", false},
                           {"company_cash_min", false},
                           {"local_government", false},
                           {"cost", false},
                           {"large_company_in_kind_max", false},
                           {"company_own_staff_max", false},
                           {"supplier_private_min", false},
                           {"local_government_max", false},
                           {"group_cap", false},
                           {"rules", false},
                           {"notes", false},
                           {"schedule", false}};
  static const K kRule = {{"id", true}, {"require", true}, {"message", true}, {"source", true}};
  static const K kUse = {{"use", true}};
  static const K kCondition = {{"all", false}, {"any", false}, {"not", false}};
  static const K kText = {{"ko", false}, {"en", false}};
  static const K kNote = {{"text", true}, {"source", true}, {"kind", false}};
  static const K kLevelTable = {{"source", true}, {"rows", true}};
  static const K kLevelRow = {{"from", true}, {"to", true}, {"cap", true}};
  static const K kSchedule = {{"announce", false}, {"apply_from", false}, {"apply_to", false},
                              {"rolling", false},  {"selection", false},  {"source", true}};
  static const K kAgency = {
      {"lead", false}, {"operator", false}, {"phone", false}, {"regional_center", false}, {"source", true}};
  static const K kApply = {{"where", false}, {"documents", false}, {"source", false}};
  static const K kDocument = {{"name", true}, {"validity", false}, {"source", true}};
  static const K kPartyLimit = {{"share", true}, {"source", true}};
  static const K kGroupCap = {{"per", true}, {"cap", false}, {"per_member", false}, {"share", false}, {"source", true}};
  static const K kCommon = {{"year", true}, {"announcements", true}, {"programs", false}, {"rule_sets", false}};
  static const K kAnnouncement = {
      {"file", true}, {"title", false}, {"issued", true}, {"reused_in", false}, {"reason", false}};
  static const K kCentersFile = {{"centers", true}};
  static const K kCenter = {{"id", true},     {"name", true},     {"regions", true}, {"cities", false},
                            {"phone", false}, {"address", false}, {"source", true}};
  switch (map) {
    case DataMap::program:
      return kProgram;
    case DataMap::track:
      return kTrack;
    case DataMap::rule:
      return kRule;
    case DataMap::rule_set_use:
      return kUse;
    case DataMap::condition:
      return kCondition;
    case DataMap::text:
      return kText;
    case DataMap::note:
      return kNote;
    case DataMap::level_table:
      return kLevelTable;
    case DataMap::level_row:
      return kLevelRow;
    case DataMap::schedule:
      return kSchedule;
    case DataMap::agency:
      return kAgency;
    case DataMap::apply:
      return kApply;
    case DataMap::document:
      return kDocument;
    case DataMap::group_cap:
      return kGroupCap;
    case DataMap::party_limit:
      return kPartyLimit;
    case DataMap::common:
      return kCommon;
    case DataMap::announcement:
      return kAnnouncement;
    case DataMap::centers_file:
      return kCentersFile;
    case DataMap::center:
      return kCenter;
  }
  return kProgram;
}

std::vector<std::string> data_key_names(DataMap map) {
  std::vector<std::string> names;
  for (const DataKey& k : data_keys(map)) names.push_back(k.name);
  return names;
}

}  // namespace sfgrant
