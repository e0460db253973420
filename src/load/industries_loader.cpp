#include "sfgrant/load/industries_loader.h"

#include <fmt/format.h>

#include "sfgrant/model/profile.h"
#include "yaml_util.h"

namespace sfgrant {

namespace {

using detail::location_of;

void read_codes(const YAML::Node& node, const std::string& file, const std::string& context, IndustryTable& table,
                Diagnostics& diags) {
  if (!node.IsSequence()) {
    diags.error(location_of(node, file), fmt::format("{}.codes: expected a list of KSIC codes", context), "wrong-type");
    return;
  }
  for (const auto& item : node) {
    std::string s;
    if (!detail::read_scalar(item, file, context + ".codes", s, diags)) continue;
    auto dash = s.find('-');
    if (dash != std::string::npos) {
      auto lo = normalize_ksic(s.substr(0, dash));
      auto hi = normalize_ksic(s.substr(dash + 1));
      if (!lo || !hi || lo->size() != 2 || hi->size() != 2 || *lo > *hi) {
        diags.error(location_of(item, file),
                    fmt::format("invalid KSIC range \"{}\": expected two-digit divisions like \"10-34\"", s),
                    "bad-code");
        continue;
      }
      for (int d = std::stoi(*lo); d <= std::stoi(*hi); ++d) table.codes.push_back(fmt::format("{:02}", d));
      continue;
    }
    auto code = normalize_ksic(s);
    if (!code) {
      diags.error(location_of(item, file),
                  fmt::format("invalid KSIC code \"{}\": expected 2-5 digits or an 8-digit item code", s), "bad-code");
      continue;
    }
    table.codes.push_back(*code);
  }
}

void read_table(const YAML::Node& node, const std::string& file, const std::string& context, IndustryTable& table,
                Diagnostics& diags) {
  if (!detail::check_map(node, file, context, {"source", "codes", "notes"}, diags)) return;
  if (!node["source"])
    diags.error(location_of(node, file), fmt::format("{}: \"source\" is required", context), "missing-key");
  else
    detail::read_scalar(node["source"], file, context + ".source", table.source, diags);
  if (!node["codes"])
    diags.error(location_of(node, file), fmt::format("{}: \"codes\" is required", context), "missing-key");
  else
    read_codes(node["codes"], file, context, table, diags);
  if (node["notes"] && node["notes"].IsSequence()) {
    for (const auto& n : node["notes"]) {
      std::string s;
      if (detail::read_scalar(n, file, context + ".notes", s, diags)) table.notes.push_back(s);
    }
  }
}

}  // namespace

IndustryTables load_industries(const std::string& text, const std::string& file, Diagnostics& diags) {
  IndustryTables t;
  t.file = file;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return t;
  const YAML::Node& root = *parsed;
  const std::vector<std::string> keys = {"manufacturing",          "root_industry",    "industry_group",
                                         "excluded_industry",      "service_business", "entertainment_in_part",
                                         "amusement_goods_in_part"};
  if (!detail::check_map(root, file, "industries", keys, diags)) return t;
  auto need = [&](const char* key) -> YAML::Node {
    YAML::Node n = root[key];
    if (!n) diags.error(location_of(root, file), fmt::format("industries: \"{}\" is required", key), "missing-key");
    return n;
  };
  if (auto n = need("manufacturing")) read_table(n, file, "manufacturing", t.manufacturing, diags);
  if (auto n = need("root_industry")) read_table(n, file, "root_industry", t.root_industry, diags);
  if (auto n = need("excluded_industry")) read_table(n, file, "excluded_industry", t.excluded_industry, diags);
  if (auto n = need("service_business")) read_table(n, file, "service_business", t.service_business, diags);
  // optional: without them no code holds an excluded industry in part
  if (auto n = root["entertainment_in_part"])
    read_table(n, file, "entertainment_in_part", t.entertainment_in_part, diags);
  if (auto n = root["amusement_goods_in_part"])
    read_table(n, file, "amusement_goods_in_part", t.amusement_goods_in_part, diags);
  if (auto g = need("industry_group")) {
    if (detail::check_map(g, file, "industry_group", {"main", "other"}, diags)) {
      if (g["main"])
        read_table(g["main"], file, "industry_group.main", t.main_group, diags);
      else
        diags.error(location_of(g, file), "industry_group: \"main\" is required", "missing-key");
      if (g["other"])
        read_table(g["other"], file, "industry_group.other", t.other_group, diags);
      else
        diags.error(location_of(g, file), "industry_group: \"other\" is required", "missing-key");
    }
  }
  for (IndustryTable* table : {&t.manufacturing, &t.root_industry, &t.main_group, &t.other_group, &t.excluded_industry,
                               &t.service_business, &t.entertainment_in_part, &t.amusement_goods_in_part})
    table->index();
  return t;
}

}  // namespace sfgrant
