#include "sfgrant/engine/derive.h"

#include <optional>

namespace sfgrant {

void derive_facts(Profile& profile, const IndustryTables& tables) {
  static const FactDef& k_sme = fact("sme");
  static const FactDef& k_manufacturing = fact("manufacturing");
  static const FactDef& k_root_industry = fact("root_industry");
  static const FactDef& k_excluded_industry = fact("excluded_industry");
  static const FactDef& k_service_business = fact("service_business");
  static const FactDef& k_entertainment_code = fact("entertainment_code");
  static const FactDef& k_amusement_goods_code = fact("amusement_goods_code");
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
    for (const FactDef* f : {&k_manufacturing, &k_root_industry, &k_excluded_industry, &k_service_business,
                             &k_entertainment_code, &k_amusement_goods_code})
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
  set_tri(k_entertainment_code, tables.entertainment_in_part.match(ksic));
  set_tri(k_amusement_goods_code, tables.amusement_goods_in_part.match(ksic));
  // 뿌리업종은 주력업종에 포함 (001 §1 지원유형 및 선정규모)
  static const int main = *group.vocabulary->find("main");
  static const int other = *group.vocabulary->find("other");
  static const int none = *group.vocabulary->find("none");
  std::optional<int> g;
  if (root == Tri::pass || tables.main_group.match(ksic) == Tri::pass)
    g = main;
  else if (tables.other_group.match(ksic) == Tri::pass)
    g = other;
  else if (manufacturing == Tri::fail)
    g = none;
  if (g) {
    Value v;
    v.number = *g;
    profile.set(group, v);
  } else {
    profile.clear(group);
  }
}

}  // namespace sfgrant
