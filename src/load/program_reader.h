#pragma once
/// Reading one program file into the model (the format is programs/README.md): the program, its
/// schedule, agency and documents (program_reader.cpp), its tracks and money terms
/// (track_reader.cpp), and its rules (rule_reader.cpp). Private to the loader.
#include <string>
#include <vector>

#include "sfgrant/load/program_loader.h"
#include "yaml_reader.h"

namespace sfgrant::detail {

class ProgramReader : public YamlReader {
 public:
  ProgramReader(std::string file, const YearContext& context, Diagnostics& diags);

  Program program(const YAML::Node& root);
  /// A list of rules; with `allow_use`, `- use: NAME` inserts one of the year's rule sets.
  void rules(const YAML::Node& n, const std::string& what, std::vector<Rule>& out, bool allow_use);

 private:
  Condition condition(const YAML::Node& n, const std::string& what, int depth = 0);
  Rule rule(const YAML::Node& n, const std::string& what);

  Track track(const YAML::Node& n, const std::string& program_id);
  std::optional<Ratio> opt_ratio(const YAML::Node& map, const char* key, const std::string& ctx);
  std::optional<PartyLimit> opt_party_limit(const YAML::Node& map, const char* key, const std::string& ctx);
  std::optional<GroupCap> opt_group_cap(const YAML::Node& map, const Track& t, const std::string& ctx);
  void level_table(const YAML::Node& n, Track& t, const std::string& ctx);
  static Rule level_table_rule(const Track& t);
  void check_track_money(const YAML::Node& n, const Track& t, const std::string& ctx);

  Schedule schedule(const YAML::Node& n, const std::string& ctx);
  Agency agency(const YAML::Node& n, const std::string& ctx);
  HowToApply apply(const YAML::Node& n, const std::string& ctx);
  void check_rule_ids(const Program& p, const std::string& ctx);

  const YearContext& context_;
  /// Rule nodes (rules and their conditions) that `- use:` has copied into this file so far; past
  /// kMaxYamlNodes the uses are refused, once.
  size_t expanded_nodes_ = 0;
  bool expansion_refused_ = false;
};

/// The citations a year's files may use.
Citations citations_of(const YearContext& context);

}  // namespace sfgrant::detail
