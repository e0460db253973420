// The real `sfgrant` command (SPEC §2, §7): exit codes, JSON keys scripts rely on, and messages.
// A small fixture runs SFGRANT_BINARY from the source tree with the shipped program data.
#include <catch2/catch.hpp>

#include "support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

using sfgrant::testing::Command;
using sfgrant::testing::run;
using sfgrant::testing::slurp;
using sfgrant::testing::TempDir;
using Result = sfgrant::testing::Run;

const std::string kPrograms = SFGRANT_SOURCE_DIR "/programs";

/// `sfgrant ARGS... --programs <source>/programs`
Result run_sfgrant(std::vector<std::string> args, std::string stdin_text = "") {
  args.push_back("--programs");
  args.push_back(kPrograms);
  Command command;
  command.args = std::move(args);
  command.stdin_text = std::move(stdin_text);
  return run(command);
}

json parse_json(const Result& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  json j;
  REQUIRE_NOTHROW(j = json::parse(r.out));
  return j;
}

const json& by_id(const json& list, const std::string& id) {
  for (const json& item : list)
    if (item.at("id") == id) return item;
  FAIL("no entry with id " << id);
  throw;  // not reached
}

/// SPEC §4: the public program and track ids of 2026.
const std::map<std::string, std::vector<std::string>>& spec_2026() {
  static const std::map<std::string, std::vector<std::string>> ids = {
      {"government", {"advanced", "same-level"}},
      {"ministry-collab", {"advanced", "same-level"}},
      {"regional", {"advanced", "basic"}},
      {"legend50", {"advanced"}},
      {"jump-up", {"advanced"}},
      {"autonomous", {"autonomous"}},
      {"manufacturing-ai", {"ai"}},
      {"win-win", {"standard"}},
      {"win-win-ai", {"advanced"}},
      {"digital-collab", {"advanced", "same-level"}},
      {"rnd-diffusion", {"advanced"}},
      {"robot", {"robot"}},
      {"automation", {"automation"}},
      {"level-check", {"level-check"}},
      {"cloud", {"standalone", "integrated"}},
      {"supplier-diagnosis", {"basic", "advanced"}},
      {"dx-mentor", {"pre-planning", "build-guidance", "ax-planning", "aftercare"}},
      {"ai-commercialization", {"type1", "type2"}},
      {"data-processor-pool", {"pool"}},
      {"data-processing", {"processing"}},
      {"smart-service", {"new", "upgrade"}},
      {"multi-ai-agent", {"poc", "rnd"}},
      {"process-optimization", {"diagnosis", "rnd"}},
  };
  return ids;
}

}  // namespace

TEST_CASE("check --format json prints the SPEC §7 keys for every 2026 program", "[cli][check][json]") {
  const Result r =
      run_sfgrant({"check", "examples/small-mould-maker.yaml", "--format", "json", "--as-of", "2026-02-15"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  CHECK(j.at("year") == 2026);
  CHECK(j.at("as_of") == "2026-02-15");
  CHECK(j.at("company").at("name").is_string());
  CHECK_FALSE(j.at("company").at("name").get<std::string>().empty());
  const json& programs = j.at("programs");
  REQUIRE(programs.is_array());
  CHECK(programs.size() == 23);
  std::set<std::string> seen;
  for (const json& p : programs) {
    const std::string id = p.at("id");
    INFO("program " << id);
    seen.insert(id);
    CHECK(p.at("name").is_string());
    CHECK(std::set<std::string>{"eligible", "possible", "ineligible"}.count(p.at("status").get<std::string>()) == 1);
    CHECK(p.at("reasons").is_array());
    for (const json& reason : p.at("reasons")) {
      CHECK(reason.at("rule").is_string());
      CHECK(std::set<std::string>{"fail", "unknown"}.count(reason.at("result").get<std::string>()) == 1);
      CHECK(reason.at("message").is_string());
      CHECK(reason.at("source").is_string());
    }
    CHECK(p.at("missing").is_array());
    CHECK(std::set<std::string>{"upcoming", "open", "closed", "rolling", "unknown"}.count(
              p.at("window").at("state").get<std::string>()) == 1);
    std::vector<std::string> track_ids;
    for (const json& t : p.at("tracks")) {
      track_ids.push_back(t.at("id"));
      CHECK(t.at("name").is_string());
      CHECK(t.at("status").is_string());
      CHECK(t.contains("cap"));
      CHECK(t.contains("ratio"));
      CHECK(t.contains("full_support_cost"));
    }
    const auto spec = spec_2026().find(id);
    REQUIRE(spec != spec_2026().end());
    CHECK(track_ids == spec->second);
  }
  CHECK(seen.size() == 23);
}

TEST_CASE("check shows the mould maker's government:advanced split as SPEC §7 does", "[cli][check][json]") {
  const Result r =
      run_sfgrant({"check", "examples/small-mould-maker.yaml", "--format", "json", "--as-of", "2026-02-15"});
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  const json& gov = by_id(j.at("programs"), "government");
  CHECK(gov.at("name") == "정부형 스마트공장");
  CHECK(gov.at("status") == "eligible");
  CHECK(gov.at("missing").empty());
  CHECK(gov.at("window").at("apply_from") == "2025-11");
  CHECK(gov.at("window").at("apply_to") == "2026-01");
  CHECK(gov.at("window").at("state") == "closed");
  const json& advanced = by_id(gov.at("tracks"), "advanced");
  CHECK(advanced.at("status") == "eligible");
  CHECK(advanced.at("months") == 9);
  CHECK(advanced.at("cap") == 200000000);
  CHECK(advanced.at("ratio") == 0.5);
  CHECK(advanced.at("full_support_cost") == 400000000);
  const json& split = advanced.at("split");
  CHECK(split.at("total") == 400000000);
  CHECK(split.at("government") == 200000000);
  CHECK(split.at("private") == 200000000);
  CHECK(split.at("company") == 200000000);
  for (const char* key : {"large_company", "local_government", "private_in_kind_max", "company_cash_min", "years"}) {
    INFO(key);
    REQUIRE(split.contains(key));
    CHECK(split.at(key).is_null());
  }
  CHECK(by_id(j.at("programs"), "manufacturing-ai").at("window").at("state") == "upcoming");
  CHECK(by_id(j.at("programs"), "level-check").at("window").at("state") == "rolling");
}

TEST_CASE("--cost is the same as plan.total_cost written in the profile: rules, questions, splits",
          "[cli][check][cost]") {
  // issue #14: --cost fed the splits but not the rules, so 2023 상생형 유형2 (total cost at most
  // 2,000만원) stayed possible and asked for plan.total_cost at --cost 4억원
  std::string profile = slurp(SFGRANT_SOURCE_DIR "/examples/small-mould-maker.yaml");
  const std::string written = "  total_cost: 4억원\n";
  const auto at = profile.find(written);
  REQUIRE(at != std::string::npos);
  TempDir dir;
  for (const std::string year : {"2026", "2023"}) {
    INFO("year " << year);
    const std::string path = dir.write("company.yaml", profile);
    const Result with_total =
        run_sfgrant({"check", path, "--format", "json", "--as-of", "2026-02-15", "--year", year, "--all"});
    dir.write("company.yaml", std::string(profile).erase(at, written.size()));
    const Result with_option = run_sfgrant(
        {"check", path, "--format", "json", "--as-of", "2026-02-15", "--year", year, "--all", "--cost", "4억원"});
    REQUIRE(with_total.code == with_option.code);
    CHECK(parse_json(with_total) == parse_json(with_option));
  }
}

TEST_CASE("--cost PROGRAM=AMOUNT is plan.costs written in the profile", "[costs][cli]") {
  std::string profile = slurp(SFGRANT_SOURCE_DIR "/examples/small-mould-maker.yaml");
  TempDir dir;
  const std::string plain = dir.write("plain.yaml", profile);
  const auto at = profile.find("  total_cost: 4억원\n");  // under the example's own plan: key
  REQUIRE(at != std::string::npos);
  const std::string written = dir.write(
      "written.yaml",
      std::string(profile).insert(at, "  costs:\n    level-check: 80만원\n    dx-mentor:aftercare: 1,000만원\n"));
  const Result with_profile = run_sfgrant({"check", written, "--format", "json", "--as-of", "2026-02-15", "--all"});
  const Result with_option = run_sfgrant({"check", plain, "--format", "json", "--as-of", "2026-02-15", "--all",
                                          "--cost", "level-check=80만원", "--cost", "dx-mentor:aftercare=1,000만원"});
  INFO(with_option.err);
  REQUIRE(with_profile.code == with_option.code);
  const json j = parse_json(with_option);
  CHECK(parse_json(with_profile) == j);
  for (const auto& program : j.at("programs"))
    for (const auto& t : program.at("tracks")) {
      if (!t.contains("split") || t.at("split").is_null()) continue;
      const std::string id = program.at("id").get<std::string>() + ":" + t.at("id").get<std::string>();
      const std::string basis = t.at("split").at("basis");
      if (id == "level-check:level-check" || id == "dx-mentor:aftercare") {
        CHECK(basis == "program");
      } else if (id == "government:advanced") {
        CHECK(basis == "plan");
      } else if (id == "dx-mentor:pre-planning") {
        CHECK(basis == "cap");
      }
    }

  const Result typo = run_sfgrant({"check", plain, "--as-of", "2026-02-15", "--cost", "level-chek=80만원"});
  CHECK(typo.code == 2);
  CHECK(typo.err.find("\"level-check\" 아닌가요?") != std::string::npos);  // Korean by default
  // a program of another year is not an error (one profile, several years): not used, and said so
  const Result other = run_sfgrant(
      {"check", plain, "--as-of", "2026-02-15", "--year", "2021", "--lang", "en", "--cost", "level-check=80만원"});
  CHECK(other.code != 2);
  CHECK(other.err.find("is a program of another year than 2021: not used") != std::string::npos);
}

TEST_CASE("check exits 1 when no program is open to the company", "[cli][check][exit]") {
  const Result r = run_sfgrant({"check", "examples/tax-arrears.yaml", "--format", "json", "--as-of", "2026-02-15"});
  INFO(r.err);
  CHECK(r.code == 1);
  const json j = parse_json(r);
  CHECK(j.at("programs").size() == 23);
  for (const json& p : j.at("programs")) {
    INFO(p.at("id"));
    CHECK(p.at("status") == "ineligible");
    bool cited = false;
    for (const json& reason : p.at("reasons"))
      if (reason.at("rule") == "not-tax-arrears" && reason.at("result") == "fail") {
        cited = true;
        CHECK_THAT(reason.at("source").get<std::string>(), Catch::StartsWith("003_615c5e1e5f9a1b7a.txt"));
        CHECK_FALSE(reason.at("message").get<std::string>().empty());
      }
    CHECK(cited);
  }
}

TEST_CASE("check lists the question to ask when a fact is missing", "[cli][check][unknown]") {
  std::string profile = slurp(SFGRANT_SOURCE_DIR "/examples/small-mould-maker.yaml");
  const auto at = profile.find("  tax_arrears: false\n");
  REQUIRE(at != std::string::npos);
  profile.erase(at, std::string("  tax_arrears: false\n").size());
  const Result r = run_sfgrant({"check", "-", "--format", "json", "--as-of", "2026-02-15"}, profile);
  INFO(r.err);
  CHECK(r.code == 0);  // possible programs count as open
  const json j = parse_json(r);
  const json& gov = by_id(j.at("programs"), "government");
  CHECK(gov.at("status") == "possible");
  bool asked = false;
  for (const json& m : gov.at("missing")) asked = asked || m == "status.tax_arrears";
  CHECK(asked);
  bool reason = false;
  for (const json& x : gov.at("reasons"))
    reason = reason || (x.at("rule") == "not-tax-arrears" && x.at("result") == "unknown");
  CHECK(reason);
}

TEST_CASE("a typo in a profile exits 2 and points at file:line:col", "[cli][check][errors]") {
  TempDir dir;
  const std::string path = dir.write("typo.yaml", "name: 테스트정밀\nsize: small\nsise: small\n");
  const Result r = run_sfgrant({"check", path});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(path + ":3:1"));
  CHECK_THAT(r.err, Catch::Contains("\"sise\""));
  CHECK_THAT(r.err, Catch::Contains("\"size\""));
  CHECK(r.out.empty());
}

TEST_CASE("a profile file that does not exist exits 2 naming it", "[cli][check][errors]") {
  const Result r = run_sfgrant({"check", "/nonexistent/company.yaml"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/company.yaml"));
}

TEST_CASE("split win-win at 4억원 shares 1.2억 / 1.2억 / 1.6억", "[cli][split][json]") {
  const Result r = run_sfgrant({"split", "win-win", "--cost", "4억원", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  CHECK(j.at("year") == 2026);
  CHECK(j.at("program") == "win-win");
  CHECK(j.at("track") == "standard");
  CHECK(j.at("cap") == 120000000);
  CHECK(j.at("ratio") == 0.3);
  const json& s = j.at("split");
  CHECK(s.at("total") == 400000000);
  CHECK(s.at("government") == 120000000);
  CHECK(s.at("large_company") == 120000000);
  CHECK(s.at("company") == 160000000);
  CHECK(s.at("private") == 280000000);
}

TEST_CASE("split autonomous at 12억원 lists 3억 for each of two years", "[cli][split][json]") {
  const Result r = run_sfgrant({"split", "autonomous", "--cost", "12억원", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  const json& s = j.at("split");
  CHECK(s.at("government") == 600000000);
  const json& years = s.at("years");
  REQUIRE(years.is_array());
  REQUIRE(years.size() == 2);
  CHECK(years[0].at("government") == 300000000);
  CHECK(years[1].at("government") == 300000000);
  CHECK(years[0].at("total") == 600000000);
  SECTION("uneven yearly costs") {
    const Result u = run_sfgrant(
        {"split", "autonomous", "--cost", "12억원", "--years", "8억원", "--years", "4억원", "--format", "json"});
    INFO(u.err);
    REQUIRE(u.code == 0);
    const json k = parse_json(u);
    CHECK(k.at("split").at("government") == 500000000);
    CHECK(k.at("split").at("years")[1].at("government") == 200000000);
  }
}

TEST_CASE("split dx-mentor:pre-planning at 280만원 gives the whole 238만원", "[cli][split][json]") {
  const Result r = run_sfgrant({"split", "dx-mentor:pre-planning", "--cost", "280만원", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  CHECK(j.at("cap") == 2380000);
  CHECK(j.at("split").at("government") == 2380000);
  CHECK(j.at("split").at("private") == 420000);
  CHECK(j.at("full_support_cost") == 2800000);
}

TEST_CASE("split legend50 takes its cap from --level and --target-level", "[cli][split][levels]") {
  const Result r = run_sfgrant(
      {"split", "legend50", "--cost", "10억원", "--level", "미적용", "--target-level", "중간2", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(parse_json(r).at("split").at("government") == 500000000);
  const Result without = run_sfgrant({"split", "legend50", "--cost", "10억원"});
  CHECK(without.code == 2);
  CHECK_THAT(without.err, Catch::Contains("--level"));
}

TEST_CASE("split prints Korean or English amounts in its table", "[cli][split][table]") {
  const Result ko = run_sfgrant({"split", "government:advanced", "--cost", "4억원"});
  REQUIRE(ko.code == 0);
  CHECK_THAT(ko.out, Catch::Contains("2억원"));
  CHECK_THAT(ko.out, Catch::Contains("4억원"));
  const Result en = run_sfgrant({"split", "government:advanced", "--cost", "4억원", "--lang", "en"});
  REQUIRE(en.code == 0);
  CHECK_THAT(en.out, Catch::Contains("KRW 200,000,000"));
  CHECK_THAT(en.out, Catch::Contains("KRW 400,000,000"));
}

TEST_CASE("split of a program with several tracks asks for one", "[cli][split][errors]") {
  const Result r = run_sfgrant({"split", "government", "--cost", "4억"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("advanced") && Catch::Contains("same-level"));
}

TEST_CASE("split with an unreadable cost exits 2 naming the text", "[cli][split][errors]") {
  const Result r = run_sfgrant({"split", "government:advanced", "--cost", "4억원x"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("4억원x"));
  CHECK(r.out.empty());
}

TEST_CASE("split of an unknown program suggests the right id", "[cli][split][errors]") {
  const Result r = run_sfgrant({"split", "goverment:advanced", "--cost", "4억원"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("\"goverment\"") && Catch::Contains("\"government\""));
}

TEST_CASE("programs list shows the 23 programs of 2026 with their windows", "[cli][programs][json]") {
  const Result r = run_sfgrant({"programs", "list", "--as-of", "2026-02-15", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = parse_json(r);
  CHECK(j.at("year") == 2026);
  const json& programs = j.at("programs");
  REQUIRE(programs.size() == 23);
  for (const json& p : programs) CHECK(spec_2026().count(p.at("id").get<std::string>()) == 1);
  CHECK(by_id(programs, "government").at("window").at("state") == "closed");
  CHECK(by_id(programs, "manufacturing-ai").at("window").at("state") == "upcoming");
}

TEST_CASE("validate passes the shipped program data", "[cli][validate]") {
  const Result r = run_sfgrant({"validate"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
}

TEST_CASE("validate fails a program file with a bad amount and says where", "[cli][validate]") {
  TempDir dir;
  const std::string copy = "cp -r '" + kPrograms + "' '" + dir.path() + "/programs'";
  REQUIRE(std::system(copy.c_str()) == 0);
  const std::string programs = dir.path() + "/programs";
  const std::string file = programs + "/2026/government.yaml";
  std::string gov = slurp(file);
  const auto at = gov.find("cap: 2억원");
  REQUIRE(at != std::string::npos);
  gov.replace(at, std::string("cap: 2억원").size(), "cap: 2억원원");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << gov;
  {
    Command clean;
    clean.args = {"validate", programs + "/2026/legend50.yaml", "--programs", programs};
    CHECK(run(clean).code == 0);
  }
  Command cli;
  cli.args = {"validate", file, "--programs", programs};
  const Result r = run(cli);
  CHECK(r.code == 1);
  CHECK_THAT(r.out + r.err, Catch::Contains("government.yaml:") && Catch::Contains("2억원원"));
  SECTION("validate with no path checks the whole programs folder") {
    Command all;
    all.args = {"validate", "--programs", programs};
    const Result a = run(all);
    CHECK(a.code == 1);
    CHECK_THAT(a.out + a.err, Catch::Contains("government.yaml:") && Catch::Contains("2억원원"));
  }
  SECTION("check refuses to evaluate with broken program data") {
    Command check;
    check.args = {"check", "examples/small-mould-maker.yaml", "--programs", programs};
    CHECK(run(check).code == 2);
  }
}

TEST_CASE("test runs the YAML cases and all of them pass", "[cli][test]") {
  const Result r = run_sfgrant({"test", "tests/cases"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  std::smatch m;
  const std::regex summary(R"((^|\n)(\d+) passed, 0 failed\n)");
  REQUIRE(std::regex_search(r.out, m, summary));
  CHECK(std::stoi(m[2].str()) > 0);
}

TEST_CASE("test fails a deliberately wrong expectation with a readable diff", "[cli][test]") {
  // The first 2026 정부형 case with two expectations made wrong: 1억원 instead of 2억원, and the
  // same-level track eligible.
  std::string cases = slurp(SFGRANT_SOURCE_DIR "/tests/cases/2026/government.yaml");
  cases = cases.substr(0, cases.find("- name: ", cases.find("- name: ") + 1));
  const std::string right = "advanced: {status: eligible, cap: 2억원, government: 2억원, private: 2억원}";
  REQUIRE(cases.find(right) != std::string::npos);
  cases.replace(cases.find(right), right.size(),
                "advanced: {status: eligible, cap: 2억원, government: 1억원, private: 2억원}");
  cases.replace(cases.find("same-level: {status: ineligible}"), std::string("same-level: {status: ineligible}").size(),
                "same-level: {status: eligible}");
  TempDir dir;
  const std::string file = dir.write("wrong.yaml", cases);

  const Result r = run_sfgrant({"test", file});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("FAIL " + file + ":4:3: 정부형 고도화"));
  CHECK_THAT(
      r.out,
      Catch::Contains("government.tracks.advanced.government: expected 1억원 (100,000,000), got 2억원 (200,000,000)"));
  CHECK_THAT(r.out, Catch::Contains("government.tracks.same-level.status: expected eligible, got ineligible"));
  CHECK_THAT(r.out, Catch::EndsWith("0 passed, 1 failed\n"));
}

TEST_CASE("test -k runs only the cases whose name contains the text", "[cli][test]") {
  const Result all = run_sfgrant({"test", "tests/cases"});
  const Result some = run_sfgrant({"test", "tests/cases", "-k", "정부형"});
  const std::regex summary(R"((\d+) passed, (\d+) failed\n$)");
  std::smatch a;
  std::smatch s;
  REQUIRE(std::regex_search(all.out, a, summary));
  REQUIRE(std::regex_search(some.out, s, summary));
  CHECK(some.code == 0);
  CHECK(std::stoi(s[1].str()) > 0);
  CHECK(std::stoi(s[1].str()) < std::stoi(a[1].str()));
  const Result none = run_sfgrant({"test", "tests/cases", "-k", "no case has this name"});
  CHECK_THAT(none.out, Catch::Contains("0 passed, 0 failed"));
}

TEST_CASE("batch csv to a file named .csv starts with a UTF-8 BOM for Excel; stdout only with --bom",
          "[cli][batch][bom]") {
  const TempDir dir;
  const std::string list = SFGRANT_SOURCE_DIR "/examples/companies.csv";
  const std::string bom = "\xEF\xBB\xBF";
  auto batch = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"batch", list, "--as-of", "2026-02-15"});
    Result r = run_sfgrant(args);
    INFO(r.err);
    REQUIRE((r.code == 0 || r.code == 1));
    return r;
  };
  const std::string plain = batch({}).out;
  REQUIRE(plain.rfind("line,", 0) == 0);  // standard output: no BOM, for scripts
  CHECK(batch({"--bom"}).out == bom + plain);
  batch({"-o", dir.path() + "/results.csv"});
  CHECK(slurp(dir.path() + "/results.csv") == bom + plain);
  batch({"-o", dir.path() + "/RESULTS.CSV"});
  CHECK(slurp(dir.path() + "/RESULTS.CSV") == bom + plain);
  batch({"-o", dir.path() + "/plain.csv", "--no-bom"});
  CHECK(slurp(dir.path() + "/plain.csv") == plain);
  batch({"-o", dir.path() + "/results.txt"});
  CHECK(slurp(dir.path() + "/results.txt") == plain);
  CHECK(batch({"-o", "-"}).out == plain);
  batch({"--format", "jsonl", "-o", dir.path() + "/results.jsonl"});
  CHECK(slurp(dir.path() + "/results.jsonl").rfind("{", 0) == 0);
  const Result both = run_sfgrant({"batch", list, "--bom", "--no-bom"});
  CHECK(both.code == 2);
  CHECK_THAT(both.err, Catch::Contains("--bom excludes --no-bom"));
}
