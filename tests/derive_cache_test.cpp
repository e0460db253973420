// batch's DerivedFactCache against derive_facts: the same derived facts for every code, however the
// codes come and however many there are (issue #20 item 1).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/derive_cache.h"
#include "sfgrant/load/industries_loader.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/text/file.h"
#include "support.h"

using sfgrant::fact;
using sfgrant::FactDef;
using sfgrant::Profile;

namespace {

const sfgrant::IndustryTables& tables() { return sfgrant::testing::shipped_industries(); }

/// Every derived fact as `path=value` (`path=?` when unknown), in fact order.
std::string derived(const Profile& p) {
  std::string out;
  for (const FactDef& f : sfgrant::all_facts()) {
    if (!f.derived) continue;
    out += f.path + "=";
    if (!p.has(f))
      out += "?";
    else if (f.type == sfgrant::FactType::boolean)
      out += p.get(f).flag ? "yes" : "no";
    else
      out += std::to_string(p.get(f).number);
    out += ' ';
  }
  return out;
}

/// The profile through derive_facts and through the cache: the same derived facts.
void require_same(const Profile& given, sfgrant::DerivedFactCache& cache) {
  Profile direct = given;
  sfgrant::derive_facts(direct, tables());
  Profile cached = given;
  cache.derive(cached);
  REQUIRE(derived(cached) == derived(direct));
  REQUIRE(cache.size() <= sfgrant::DerivedFactCache::kMaxEntries);
}

/// Codes of every kind: each table's codes, their prefixes (unknown) and longer codes under them,
/// every 2- and 3-digit code, and more 5-digit codes than the cache holds.
std::vector<std::string> codes() {
  std::set<std::string> out;
  const sfgrant::IndustryTables& t = tables();
  for (const sfgrant::IndustryTable* table :
       {&t.manufacturing, &t.root_industry, &t.main_group, &t.other_group, &t.excluded_industry, &t.service_business,
        &t.entertainment_in_part, &t.amusement_goods_in_part})
    for (const std::string& c : table->codes) {
      for (size_t n = 2; n <= c.size(); ++n) out.insert(c.substr(0, n));
      if (c.size() < 5) out.insert(c + std::string(5 - c.size(), '9'));
    }
  for (int i = 10; i < 1000; ++i) out.insert(std::to_string(i));
  for (int i = 10000; i < 99999; i += 11) out.insert(std::to_string(i));
  std::vector<std::string> valid;  // a table may hold codes no company can give (6 digits)
  for (const std::string& c : out)
    if (sfgrant::normalize_ksic(c)) valid.push_back(c);
  return valid;
}

}  // namespace

TEST_CASE("the derived-fact cache gives every code and size what derive_facts gives", "[derive_cache]") {
  const std::vector<std::string> all = codes();
  REQUIRE(all.size() > 2 * sfgrant::DerivedFactCache::kMaxEntries);  // the cache is cleared on the way
  sfgrant::DerivedFactCache cache(tables());
  const sfgrant::Location at{"input", 1, 1};
  const std::vector<std::string> sizes = {"", "small", "medium", "midsize", "large"};
  Profile given;
  // twice over: the second pass finds the codes the cache kept since its last clearing
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < all.size(); ++i) {
      CAPTURE(all[i]);
      given.reset();
      const std::string& size = sizes[i % sizes.size()];
      if (!size.empty()) sfgrant::assign_fact(given, fact("size"), size, at);
      sfgrant::assign_fact(given, fact("ksic"), all[i], at);
      require_same(given, cache);
    }
  }
  // no code: everything but sme unknown, whatever the cache holds
  given.reset();
  sfgrant::assign_fact(given, fact("size"), "small", at);
  require_same(given, cache);
  REQUIRE(derived(given).find("manufacturing=?") != std::string::npos);
}

TEST_CASE("the derived-fact cache gives every example company what derive_facts gives", "[derive_cache]") {
  sfgrant::DerivedFactCache cache(tables());
  int companies = 0;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& entry : std::filesystem::directory_iterator(SFGRANT_SOURCE_DIR "/examples")) {
      if (entry.path().extension() != ".yaml") continue;
      CAPTURE(entry.path().filename().string());
      const Profile given = sfgrant::load_profile(sfgrant::read_file(entry.path().string()), entry.path().string());
      require_same(given, cache);
      ++companies;
    }
  REQUIRE(companies >= 2 * 9);
}
