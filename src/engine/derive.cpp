#include "sfgrant/engine/derive.h"

#include <optional>

namespace sfgrant {

KsicFacts ksic_facts(const std::string& ksic, const IndustryTables& tables) {
  static const FactDef& group = fact("industry_group");
  KsicFacts k;
  k.manufacturing = tables.manufacturing.match(ksic);
  k.root_industry = tables.root_industry.match(ksic);
  k.excluded_industry = tables.excluded_industry.match(ksic);
  k.service_business = tables.service_business.match(ksic);
  k.entertainment_code = tables.entertainment_in_part.match(ksic);
  k.amusement_goods_code = tables.amusement_goods_in_part.match(ksic);
  // 뿌리업종은 주력업종에 포함 (001 §1 지원유형 및 선정규모)
  static const int main = *group.vocabulary->find("main");
  static const int other = *group.vocabulary->find("other");
  static const int none = *group.vocabulary->find("none");
  if (k.root_industry == Tri::pass || tables.main_group.match(ksic) == Tri::pass)
    k.industry_group = main;
  else if (tables.other_group.match(ksic) == Tri::pass)
    k.industry_group = other;
  else if (k.manufacturing == Tri::fail)
    k.industry_group = none;
  return k;
}

void derive_facts(Profile& profile, const KsicFacts& ksic) {
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
  set_tri(k_manufacturing, ksic.manufacturing);
  set_tri(k_root_industry, ksic.root_industry);
  set_tri(k_excluded_industry, ksic.excluded_industry);
  set_tri(k_service_business, ksic.service_business);
  set_tri(k_entertainment_code, ksic.entertainment_code);
  set_tri(k_amusement_goods_code, ksic.amusement_goods_code);
  if (ksic.industry_group) {
    Value v;
    v.number = *ksic.industry_group;
    profile.set(group, v);
  } else {
    profile.clear(group);
  }
}

void derive_facts(Profile& profile, const IndustryTables& tables) {
  static const FactDef& ksic_fact = fact("ksic");
  derive_facts(profile, profile.has(ksic_fact) ? ksic_facts(profile.get(ksic_fact).text, tables) : KsicFacts{});
}

}  // namespace sfgrant
