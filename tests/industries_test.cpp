// Derived facts from the shipped KSIC tables (programs/industries.yaml, SPEC §3 "Facts derived by
// the engine"): manufacturing, 뿌리업종, 주력/기타, excluded industries, service business, sme.
#include <catch2/catch.hpp>

#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/industries_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/text/file.h"
#include "support.h"

using sfgrant::fact;
using sfgrant::Profile;

namespace {

const sfgrant::IndustryTables& tables() { return sfgrant::testing::shipped_industries(); }

/// A profile with only the given size and KSIC code (either may be empty = not given), facts derived.
Profile company(const std::string& size, const std::string& ksic) {
  Profile p;
  const sfgrant::Location at{"input", 1, 1};
  if (!size.empty()) sfgrant::assign_fact(p, fact("size"), size, at);
  if (!ksic.empty()) sfgrant::assign_fact(p, fact("ksic"), ksic, at);
  sfgrant::derive_facts(p, tables());
  return p;
}

/// "yes", "no" or "unknown" for a yes/no derived fact.
std::string yes_no(const Profile& p, const char* path) {
  const sfgrant::FactDef& f = fact(path);
  if (!p.has(f)) return "unknown";
  return p.get(f).flag ? "yes" : "no";
}

/// "main", "other", "none" or "unknown".
std::string group(const Profile& p) {
  const sfgrant::FactDef& f = fact("industry_group");
  if (!p.has(f)) return "unknown";
  return f.vocabulary->choices[static_cast<size_t>(p.get(f).number)].id;
}

}  // namespace

TEST_CASE("the shipped industry tables load without problems", "[industries]") {
  sfgrant::Diagnostics diags;
  const std::string path = SFGRANT_SOURCE_DIR "/programs/industries.yaml";
  (void)sfgrant::load_industries(sfgrant::read_file(path), path, diags);
  CHECK(diags.error_count() == 0);
}

TEST_CASE("a mould maker (29294 금형) is manufacturing, root industry and main group", "[industries][derive]") {
  const Profile p = company("small", "29294");
  CHECK(yes_no(p, "manufacturing") == "yes");
  CHECK(yes_no(p, "root_industry") == "yes");
  CHECK(group(p) == "main");
  CHECK(yes_no(p, "excluded_industry") == "no");
  CHECK(yes_no(p, "service_business") == "no");
  SECTION("written with its section letter") {
    const Profile c = company("small", "C29294");
    CHECK(yes_no(c, "root_industry") == "yes");
    CHECK(group(c) == "main");
  }
}

TEST_CASE("a food manufacturer (10xxx 식료품) is manufacturing in the other group", "[industries][derive]") {
  const Profile p = company("small", "10711");  // 떡, 빵 및 과자류 제조업
  CHECK(yes_no(p, "manufacturing") == "yes");
  CHECK(yes_no(p, "root_industry") == "no");
  CHECK(group(p) == "other");
  CHECK(yes_no(p, "excluded_industry") == "no");
}

TEST_CASE("a root industry outside the main divisions still counts as main", "[industries][derive]") {
  // 25922 도금업 sits in C25 (main anyway); 26221 인쇄회로기판 in C26 (main). 3111 선박 건조업 is
  // a 4-digit 뿌리업종 group in C31, which is an other-group division: 뿌리업종은 주력업종에 포함.
  const Profile ship = company("medium", "31111");
  CHECK(yes_no(ship, "root_industry") == "yes");
  CHECK(group(ship) == "main");
  const Profile furniture = company("medium", "32011");  // 가구: C32, other group, not root
  CHECK(yes_no(furniture, "root_industry") == "no");
  CHECK(group(furniture) == "other");
}

TEST_CASE("a restaurant (56111) is an excluded industry, not manufacturing", "[industries][derive]") {
  const Profile p = company("small", "56111");
  CHECK(yes_no(p, "excluded_industry") == "yes");
  CHECK(yes_no(p, "manufacturing") == "no");
  CHECK(yes_no(p, "root_industry") == "no");
  CHECK(group(p) == "none");
  CHECK(yes_no(p, "service_business") == "yes");
}

TEST_CASE("a 2-digit code decides manufacturing but not the 뿌리업종 question", "[industries][derive]") {
  const Profile p = company("small", "29");
  CHECK(yes_no(p, "manufacturing") == "yes");
  CHECK(yes_no(p, "root_industry") == "unknown");  // 29294 is 뿌리, 29110 is not: more digits needed
  CHECK(group(p) == "main");
  CHECK(yes_no(p, "excluded_industry") == "no");
}

TEST_CASE("an 8-digit item code of the 뿌리업종 table is a root industry", "[industries][derive]") {
  const Profile item = company("small", "29230101");  // 주물주조기계
  CHECK(yes_no(item, "root_industry") == "yes");
  CHECK(yes_no(item, "manufacturing") == "yes");
  CHECK(group(item) == "main");
  SECTION("the 5-digit industry above the item is not a root industry by itself") {
    // 29230 (광물처리 및 취급장비) has the item 29230101 in the table, but the whole industry is
    // not listed: only the item code decides.
    CHECK(yes_no(company("small", "29230"), "root_industry") == "unknown");
    CHECK(yes_no(company("small", "29230199"), "root_industry") == "no");
  }
}

TEST_CASE("small and medium are SMEs, midsize and large are not, no size is unknown", "[industries][sme]") {
  CHECK(yes_no(company("small", ""), "sme") == "yes");
  CHECK(yes_no(company("medium", ""), "sme") == "yes");
  CHECK(yes_no(company("중기업", ""), "sme") == "yes");
  CHECK(yes_no(company("midsize", ""), "sme") == "no");
  CHECK(yes_no(company("large", ""), "sme") == "no");
  CHECK(yes_no(company("", "29294"), "sme") == "unknown");
}

TEST_CASE("without a KSIC code every industry fact is unknown", "[industries][derive]") {
  const Profile p = company("small", "");
  CHECK(yes_no(p, "manufacturing") == "unknown");
  CHECK(yes_no(p, "root_industry") == "unknown");
  CHECK(yes_no(p, "excluded_industry") == "unknown");
  CHECK(yes_no(p, "service_business") == "unknown");
  CHECK(group(p) == "unknown");
}

TEST_CASE("derived facts follow a changed KSIC code", "[industries][derive]") {
  Profile p = company("small", "56111");
  REQUIRE(yes_no(p, "excluded_industry") == "yes");
  sfgrant::assign_fact(p, fact("ksic"), "29294", sfgrant::Location{});
  sfgrant::derive_facts(p, tables());
  CHECK(yes_no(p, "excluded_industry") == "no");
  CHECK(yes_no(p, "manufacturing") == "yes");
  CHECK(group(p) == "main");
}
