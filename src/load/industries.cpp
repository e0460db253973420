#include "sfgrant/model/industries.h"

#include <fmt/format.h>

#include <algorithm>

#include "yaml_util.h"

namespace sfgrant {

void IndustryTable::index() {
  sorted_ = codes;
  std::sort(sorted_.begin(), sorted_.end());
}

Tri IndustryTable::match(const std::string& ksic) const {
  if (!sorted_.empty() && sorted_.size() == codes.size()) {
    // a code is a prefix of ksic: look each prefix of ksic up
    const std::string_view k(ksic);
    for (size_t len = 1; len <= k.size(); ++len)
      if (std::binary_search(sorted_.begin(), sorted_.end(), k.substr(0, len), std::less<>())) return Tri::pass;
    // ksic is a prefix of a code: the first code not below ksic starts with it, if any does
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), k, std::less<>());
    return it != sorted_.end() && std::string_view(*it).substr(0, k.size()) == k ? Tri::unknown : Tri::fail;
  }
  bool maybe = false;
  for (const std::string& code : codes) {
    if (ksic.rfind(code, 0) == 0) return Tri::pass;
    if (code.rfind(ksic, 0) == 0) maybe = true;
  }
  return maybe ? Tri::unknown : Tri::fail;
}

namespace {

using detail::location_of;

void read_codes(const YAML::Node& node, const std::string& file, const std::string& context, IndustryTable& table,
                Diagnostics& diags) {
  if (!node.IsSequence()) {
    diags.error(location_of(node, file), fmt::format("{}.codes: expected a list of KSIC codes", context),
                "wrong-type");
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
                  fmt::format("invalid KSIC code \"{}\": expected 2-5 digits or an 8-digit item code", s),
                  "bad-code");
      continue;
    }
    table.codes.push_back(*code);
  }
}

void read_table(const YAML::Node& node, const std::string& file, const std::string& context, IndustryTable& table,
                Diagnostics& diags) {
  if (!detail::check_map(node, file, context, {"source", "codes", "notes"}, diags)) return;
  if (!node["source"]) diags.error(location_of(node, file), fmt::format("{}: \"source\" is required", context), "missing-key");
  else detail::read_scalar(node["source"], file, context + ".source", table.source, diags);
  if (!node["codes"]) diags.error(location_of(node, file), fmt::format("{}: \"codes\" is required", context), "missing-key");
  else read_codes(node["codes"], file, context, table, diags);
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
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return t;
  }
  const std::vector<std::string> keys = {"manufacturing", "root_industry", "industry_group", "excluded_industry",
                                         "service_business"};
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
  if (auto g = need("industry_group")) {
    if (detail::check_map(g, file, "industry_group", {"main", "other"}, diags)) {
      if (g["main"]) read_table(g["main"], file, "industry_group.main", t.main_group, diags);
      else diags.error(location_of(g, file), "industry_group: \"main\" is required", "missing-key");
      if (g["other"]) read_table(g["other"], file, "industry_group.other", t.other_group, diags);
      else diags.error(location_of(g, file), "industry_group: \"other\" is required", "missing-key");
    }
  }
  for (IndustryTable* table : {&t.manufacturing, &t.root_industry, &t.main_group, &t.other_group,
                               &t.excluded_industry, &t.service_business})
    table->index();
  return t;
}

void derive_facts(Profile& profile, const IndustryTables& tables) {
  static const FactDef& k_sme = fact("sme");
  static const FactDef& k_manufacturing = fact("manufacturing");
  static const FactDef& k_root_industry = fact("root_industry");
  static const FactDef& k_excluded_industry = fact("excluded_industry");
  static const FactDef& k_service_business = fact("service_business");
  auto set_tri = [&](const FactDef& f, Tri t) {
    if (t == Tri::unknown) {
      profile.clear(f);
      return;
    }
    Value v;
    v.flag = t == Tri::pass;
    profile.set(f, v);
  };
  static const FactDef& size = fact("size");
  if (profile.has(size)) {
    static const auto small = size_vocabulary().find("small");
    static const auto medium = size_vocabulary().find("medium");
    std::int64_t s = profile.get(size).number;
    set_tri(k_sme, tri_of(s == *small || s == *medium));
  } else {
    set_tri(k_sme, Tri::unknown);
  }
  static const FactDef& ksic_fact = fact("ksic");
  static const FactDef& group = fact("industry_group");
  if (!profile.has(ksic_fact)) {
    for (const FactDef* f : {&k_manufacturing, &k_root_industry, &k_excluded_industry, &k_service_business})
      set_tri(*f, Tri::unknown);
    profile.clear(group);
    return;
  }
  const std::string& ksic = profile.get(ksic_fact).text;
  Tri manufacturing = tables.manufacturing.match(ksic);
  Tri root = tables.root_industry.match(ksic);
  set_tri(k_manufacturing, manufacturing);
  set_tri(k_root_industry, root);
  set_tri(k_excluded_industry, tables.excluded_industry.match(ksic));
  set_tri(k_service_business, tables.service_business.match(ksic));
  // 뿌리업종은 주력업종에 포함 (001 §1 지원유형 및 선정규모)
  static const int main = *group.vocabulary->find("main");
  static const int other = *group.vocabulary->find("other");
  static const int none = *group.vocabulary->find("none");
  std::optional<int> g;
  if (root == Tri::pass || tables.main_group.match(ksic) == Tri::pass) g = main;
  else if (tables.other_group.match(ksic) == Tri::pass) g = other;
  else if (manufacturing == Tri::fail) g = none;
  if (g) {
    Value v;
    v.number = *g;
    profile.set(group, v);
  } else {
    profile.clear(group);
  }
}

}  // namespace sfgrant
