// Company profiles (SPEC §3): strict loading with file:line:col messages, Korean labels, business
// number check digit, KSIC normalisation, unknown stays unknown.
#include <catch2/catch.hpp>

#include <string>

#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/profile.h"

using sfgrant::Diagnostics;
using sfgrant::Error;
using sfgrant::fact;
using sfgrant::Profile;

namespace {

/// The message load_profile throws for `text` named `input`, or "" when it loads.
std::string load_error(const std::string& text) {
  try {
    (void)sfgrant::load_profile(text, "input");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

int level(const char* id) { return *sfgrant::level_vocabulary().find(id); }
int size(const char* id) { return *sfgrant::size_vocabulary().find(id); }

/// The SPEC §3 example, with two corrections: its business number 305-86-12345 fails the check digit
/// (it must end in 6), and its yearly costs 3억 + 3억 do not add up to its total of 4억.
const char* const kFullProfile = R"(name: 한빛정밀(주)
business_number: 305-86-12346
size: small
ksic: "29294"
region: 대전
city: 유성구
role: adopter
status:
  business: active
  tax_arrears: false
  sanctioned: false
smart_factory:
  level: basic
  target_level: intermediate2
  built_by: government
  level_certified: true
  exceeded_target: false
  same_level_used: []
  project_in_progress: false
  warranty_expired: true
  self_as_capable: false
  collects_data: true
selections: [legend50, jump_up]
consortium:
  members: 5
  suppliers: 1
  demo_companies: 3
  cloud_provider: true
plan:
  total_cost: 6억원
  yearly_costs: [3억원, 3억원]
)";

}  // namespace

TEST_CASE("a full profile as SPEC §3 shows it loads every field", "[profile][load]") {
  const Profile p = sfgrant::load_profile(kFullProfile, "input");
  CHECK(p.name() == "한빛정밀(주)");
  CHECK(p.get(fact("business_number")).text == "305-86-12346");
  CHECK(p.get(fact("size")).number == size("small"));
  CHECK(p.get(fact("ksic")).text == "29294");
  CHECK(p.get(fact("region")).number == *sfgrant::region_vocabulary().find("대전"));
  CHECK(p.get(fact("city")).text == "유성구");
  CHECK(p.get(fact("status.tax_arrears")).flag == false);
  CHECK(p.get(fact("smart_factory.level")).number == level("basic"));
  CHECK(p.get(fact("smart_factory.target_level")).number == level("intermediate2"));
  CHECK(p.get(fact("smart_factory.level_certified")).flag == true);
  CHECK(p.has(fact("smart_factory.same_level_used")));
  CHECK(p.get(fact("smart_factory.same_level_used")).items.empty());
  CHECK(p.get(fact("selections")).items.size() == 2);
  CHECK(p.get(fact("consortium.members")).number == 5);
  CHECK(p.get(fact("consortium.cloud_provider")).flag == true);
  CHECK(p.total_cost() == 600'000'000);
  CHECK(p.yearly_costs() == std::vector<sfgrant::Won>{300'000'000, 300'000'000});
  SECTION("where each fact was given is kept for messages") {
    const sfgrant::Location& at = p.where(fact("smart_factory.level"));
    CHECK(at.file == "input");
    CHECK(at.line == 13);
    CHECK(at.column == 10);
  }
}

TEST_CASE("the SPEC §3 example's business number fails its own check digit", "[profile][business-number]") {
  // 3·1 + 0·3 + 5·7 + 8·1 + 6·3 + 1·7 + 2·1 + 3·3 + 4·5 = 102; + ⌊4·5/10⌋ = 104; check = (10 − 4) % 10 = 6
  CHECK(sfgrant::business_number_problem("305-86-12346") == std::nullopt);
  CHECK(sfgrant::business_number_problem("305-86-12345").has_value());
}

TEST_CASE("a business number is checked by its check digit", "[profile][business-number]") {
  // 314-86-26937: 3 + 3 + 28 + 8 + 18 + 14 + 6 + 27 + 15 = 122; + ⌊3·5/10⌋ = 1 → 123; check 7.
  // The ⌊d9·5/10⌋ term matters here: without it the check digit would be 8.
  CHECK(sfgrant::business_number_problem("314-86-26937") == std::nullopt);
  CHECK(sfgrant::business_number_problem("3148626937") == std::nullopt);
  CHECK(sfgrant::business_number_problem("314-86-26938").has_value());
  CHECK(sfgrant::business_number_problem("314-86-2693").has_value());
  CHECK(sfgrant::business_number_problem("314/86/26937").has_value());
  SECTION("in a profile, the error names the number") {
    CHECK(load_error("name: a\nbusiness_number: 314-86-26938\n") ==
          "input:2:18: invalid business_number \"314-86-26938\": check digit is 8, expected 7");
  }
}

TEST_CASE("a mistyped key is an error with a suggestion", "[profile][errors]") {
  CHECK(load_error("name: a\nsize: small\nsise: small\n") ==
        "input:3:1: unknown key \"sise\" in profile; did you mean \"size\"?");
  CHECK(load_error("name: a\nsmart_factory:\n  levle: basic\n") ==
        "input:3:3: unknown key \"levle\" in smart_factory; did you mean \"level\"?");
}

TEST_CASE("every group of facts is read, none accepted and dropped", "[profile][group]") {
  // `supplier:` once passed the key check (a fact starts with it) and was then skipped whole
  const sfgrant::Profile p =
      sfgrant::load_profile("name: a\nsupplier: {other_projects: 2, others_government: 3억원}\n", "input");
  CHECK(p.get(fact("supplier.other_projects")).number == 2);
  CHECK(p.get(fact("supplier.others_government")).number == 300'000'000);
  CHECK(load_error("name: a\nsupplier:\n  other_project: 2\n") ==
        "input:3:3: unknown key \"other_project\" in supplier; did you mean \"other_projects\"?");
  for (const sfgrant::FactDef& f : sfgrant::all_facts()) {
    const auto dot = f.path.find('.');
    if (dot != std::string::npos) CHECK(sfgrant::is_fact_group(f.path.substr(0, dot)));
  }
}

TEST_CASE("a key given twice is an error pointing at both places", "[profile][errors]") {
  CHECK(load_error("name: a\nsize: small\nsize: medium\n") ==
        "input:3:1: duplicate key \"size\" in profile (first given at input:2:1)");
}

TEST_CASE("an enum word that is not allowed lists the choices", "[profile][errors]") {
  CHECK(load_error("name: a\nsize: huge\n") ==
        "input:2:7: invalid value \"huge\" for size: expected one of small (소기업), medium (중기업), "
        "midsize (중견기업), large (대기업)");
  CHECK_THAT(load_error("name: a\nsmart_factory:\n  level: intermediate\n"),
             Catch::StartsWith("input:3:10: invalid value \"intermediate\" for smart_factory.level") &&
                 Catch::Contains("did you mean \"intermediate1\"?"));
  CHECK(load_error("name: a\nstatus:\n  tax_arrears: maybe\n") ==
        "input:3:16: invalid value \"maybe\" for status.tax_arrears: expected true or false (예/아니오)");
}

TEST_CASE("a bad amount is an error naming the field and the text", "[profile][errors][money]") {
  const std::string m = load_error("name: a\nplan:\n  total_cost: 4억원x\n");
  CHECK_THAT(m, Catch::StartsWith("input:3:15: plan.total_cost: invalid amount \"4억원x\""));
  const std::string negative = load_error("name: a\nplan:\n  total_cost: -5억\n");
  CHECK_THAT(negative, Catch::StartsWith("input:3:15: plan.total_cost: invalid amount \"-5억\""));
  CHECK_THAT(negative, Catch::Contains("negative"));
  CHECK_THAT(load_error("name: a\nplan:\n  yearly_costs: [300000000, 3억원x]\n"),
             Catch::StartsWith("input:3:29: plan.yearly_costs: invalid amount \"3억원x\""));
}

TEST_CASE("text that is not YAML is an error with its place", "[profile][errors]") {
  CHECK_THAT(load_error("name: [unclosed\n"), Catch::StartsWith("input:") && Catch::Contains("YAML syntax error"));
  CHECK(load_error("") == "input: empty document: expected a YAML map");
}

TEST_CASE("a file with two YAML documents is refused", "[profile][errors]") {
  CHECK(load_error("name: a\n---\nname: b\n") ==
        "input:2:1: more than one YAML document in the file: expected exactly one");
}

TEST_CASE("a list where one value is expected is refused, and the other way round", "[profile][errors]") {
  CHECK(load_error("name: a\nsize: [small, medium]\n") == "input:2:7: size: expected a single value, found a list");
  CHECK(load_error("name: a\nselections: legend50\n") ==
        "input:2:13: selections: expected a list like [a, b], found \"legend50\"");
  CHECK(load_error("name: a\nstatus: active\n") == "input:2:9: status: expected a map, found \"active\"");
  CHECK(load_error("- a\n- b\n") == "input:1:1: a profile must be a map of keys (name, size, ksic, …), found a list");
}

TEST_CASE("a company name is required", "[profile][errors]") {
  CHECK(load_error("size: small\n") == "input:1:1: profile: \"name\" is required");
}

TEST_CASE("yearly costs that do not add up to the total are an error", "[profile][errors][money]") {
  CHECK(load_error("name: a\nplan:\n  total_cost: 6억원\n  yearly_costs: [3억원, 2억원]\n") ==
        "input:4:17: plan.yearly_costs add up to 5억원 but plan.total_cost is 6억원");
  SECTION("yearly costs alone give the total") {
    const Profile p = sfgrant::load_profile("name: a\nplan:\n  yearly_costs: [3억원, 2억원]\n", "input");
    CHECK(p.total_cost() == 500'000'000);
  }
}

TEST_CASE("every problem in a profile is collected, not just the first", "[profile][errors]") {
  Diagnostics diags;
  (void)sfgrant::load_profile("name: a\nsise: small\nsize: huge\nregion: 한밭\n", "input", diags);
  REQUIRE(diags.error_count() == 3);
  CHECK(diags.items()[0].where.line == 2);
  CHECK(diags.items()[1].where.line == 3);
  CHECK(diags.items()[2].where.line == 4);
  CHECK_THAT(load_error("name: a\nsise: small\nsize: huge\n"), Catch::Contains("and 1 more"));
}

TEST_CASE("the count of further profile errors points to a command that reads profiles",
          "[profile][errors][regression]") {
  // `sfgrant validate` checks program YAML and refuses a profile ("a program file must sit in a year
  // folder"), so advising it for a profile's further errors sends the user nowhere.
  CHECK_THAT(load_error("name: a\nsise: small\nsize: huge\n"), !Catch::Contains("sfgrant validate"));
}

TEST_CASE("a derived fact given in a profile is explained, not matched to a random key",
          "[profile][errors][regression]") {
  // `sme: true` today says: unknown key "sme" in profile; did you mean "name"?
  const std::string m = load_error("name: a\nsme: true\n");
  CHECK_THAT(m, Catch::StartsWith("input:2:1: "));
  CHECK_THAT(m, !Catch::Contains("did you mean \"name\""));
  CHECK_THAT(m, Catch::Contains("derived"));
}

TEST_CASE("KSIC codes are normalised and checked", "[profile][ksic]") {
  CHECK(sfgrant::normalize_ksic("C29294") == std::string("29294"));
  CHECK(sfgrant::normalize_ksic("29294") == std::string("29294"));
  CHECK(sfgrant::normalize_ksic("29") == std::string("29"));
  CHECK(sfgrant::normalize_ksic("29230101") == std::string("29230101"));
  CHECK_FALSE(sfgrant::normalize_ksic("292941"));
  CHECK_FALSE(sfgrant::normalize_ksic("2"));
  CHECK_FALSE(sfgrant::normalize_ksic("2929x"));
  CHECK_FALSE(sfgrant::normalize_ksic(""));
  SECTION("in a profile") {
    CHECK(sfgrant::load_profile("name: a\nksic: C29294\n", "input").get(fact("ksic")).text == "29294");
    CHECK(sfgrant::load_profile("name: a\nksic: \"29230101\"\n", "input").get(fact("ksic")).text == "29230101");
    CHECK_THAT(load_error("name: a\nksic: \"292941\"\n"),
               Catch::StartsWith("input:2:7: invalid value \"292941\" for ksic"));
  }
}

TEST_CASE("enum values accept the Korean label", "[profile][korean]") {
  const Profile p = sfgrant::load_profile(
      "name: a\nsize: 소기업\nrole: 도입기업\nstatus:\n  business: 휴업\n  tax_arrears: 아니오\n"
      "smart_factory:\n  level: 중간1\n  target_level: 중간2\n  built_by: 자체구축\n  same_level_used: [기초]\n",
      "input");
  CHECK(p.get(fact("size")).number == size("small"));
  CHECK(p.get(fact("status.tax_arrears")).flag == false);
  CHECK(p.get(fact("smart_factory.level")).number == level("intermediate1"));
  CHECK(p.get(fact("smart_factory.target_level")).number == level("intermediate2"));
  CHECK(p.get(fact("smart_factory.same_level_used")).items == std::vector<std::int64_t>{level("basic")});
  const Profile english = sfgrant::load_profile("name: a\nsize: small\nstatus:\n  business: suspended\n", "input");
  CHECK(p.get(fact("status.business")).number == english.get(fact("status.business")).number);
}

TEST_CASE("a field not given stays unknown", "[profile][unknown]") {
  const Profile p = sfgrant::load_profile("name: a\nsize: small\nstatus:\n  business: active\n", "input");
  CHECK(p.has(fact("size")));
  CHECK_FALSE(p.has(fact("status.tax_arrears")));
  CHECK_FALSE(p.has(fact("smart_factory.level")));
  CHECK_FALSE(p.has(fact("selections")));
  CHECK_FALSE(p.total_cost());
  SECTION("a key with no value is unknown too") {
    const Profile blank = sfgrant::load_profile("name: a\nstatus:\n  tax_arrears:\n", "input");
    CHECK_FALSE(blank.has(fact("status.tax_arrears")));
  }
}

TEST_CASE("yes/no is read as people write it", "[profile][yes-no]") {
  for (const char* yes : {"true", "yes", "y", "1", "예", "O", "o"}) CHECK(sfgrant::parse_yes_no(yes) == true);
  for (const char* no : {"false", "no", "n", "0", "아니오", "X", "x"}) CHECK(sfgrant::parse_yes_no(no) == false);
  CHECK_FALSE(sfgrant::parse_yes_no("maybe"));
  CHECK_FALSE(sfgrant::parse_yes_no(""));
}

TEST_CASE("every yes/no word of Korean forms and lists is read, Latin letters in either case",
          "[profile][yes-no][korean]") {
  for (const char* yes :
       {"true", "TRUE", "True", "yes", "Yes", "y", "Y", "1", "O", "o", "예", "네", "있음", "유", "해당", "○", "◯"})
    CHECK(sfgrant::parse_yes_no(yes) == true);
  for (const char* no : {"false", "FALSE", "False", "no", "NO", "n", "N", "0", "X", "x", "아니오", "아니요", "없음",
                         "무", "비해당", "×"})
    CHECK(sfgrant::parse_yes_no(no) == false);
  for (const char* neither : {"해당없음?", "예예", "0.0", "○×", "ㅇ"}) CHECK_FALSE(sfgrant::parse_yes_no(neither));
  SECTION("the YAML profile reads them the same way") {
    const Profile p = sfgrant::load_profile(
        "name: a\nstatus:\n  tax_arrears: 무\n  sanctioned: 비해당\nsmart_factory:\n  level_certified: ○\n"
        "  collects_data: 네\n  project_in_progress: ×\nconsortium:\n  cloud_provider: 해당\n",
        "input");
    CHECK(p.get(fact("status.tax_arrears")).flag == false);
    CHECK(p.get(fact("status.sanctioned")).flag == false);
    CHECK(p.get(fact("smart_factory.level_certified")).flag == true);
    CHECK(p.get(fact("smart_factory.collects_data")).flag == true);
    CHECK(p.get(fact("smart_factory.project_in_progress")).flag == false);
    CHECK(p.get(fact("consortium.cloud_provider")).flag == true);
  }
}

TEST_CASE("selections, roles and business states accept the Korean words people write", "[profile][korean]") {
  const Profile p = sfgrant::load_profile(
      "name: a\nrole: 수요기업\nstatus:\n  business: 정상\nselections: [뿌리기업, 레전드50+, 도약, 뿌리기업 확인서, TP "
      "추천서]\n",
      "input");
  const auto& v = sfgrant::selection_vocabulary();
  CHECK(p.get(fact("selections")).items == std::vector<std::int64_t>{*v.find("root_company"), *v.find("legend50"),
                                                                     *v.find("jump_up"), *v.find("tp_recommendation")});
  CHECK(p.get(fact("role")).number == *fact("role").vocabulary->find("adopter"));
  CHECK(p.get(fact("status.business")).number == *fact("status.business").vocabulary->find("active"));
  CHECK(load_error("name: a\nselections: [뿌리]\n") ==
        "input:2:14: invalid value \"뿌리\" for selections: expected one of " + v.describe());
}
