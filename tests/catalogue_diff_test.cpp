// `programs diff` and `check --compare` (issue #18 items 1 and 2): what changed between the 2023 and
// 2026 announcements, checked against values read from the seed announcements themselves, the
// Markdown and compare goldens, the JSON keys, and bad input.
//
// Golden files: tests/golden/diff-2023-2026.md and tests/golden/check-compare-ko.txt. After a
// deliberate change, rewrite them with SFGRANT_UPDATE_GOLDEN=1 build/sfgrant_tests "[golden]".
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/money.h"
#include "support.h"

namespace {

using namespace sfgrant;
using sfgrant::testing::Run;
using sfgrant::testing::slurp;
using sfgrant::testing::TempDir;

const std::string kSource = SFGRANT_SOURCE_DIR;
const std::string kPrograms = kSource + "/programs";

Run run(std::vector<std::string> args) {
  sfgrant::testing::Command command;
  command.args = std::move(args);
  command.env = {"LC_ALL=C.UTF-8"};
  return sfgrant::testing::run(command);
}

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = kSource + "/tests/golden/" + name;
  if (const char* update = std::getenv("SFGRANT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  INFO("golden file " << path << " (SFGRANT_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == slurp(path));
}

const Catalogue& year(int y) {
  static const Catalogue c2023 = load_year(kPrograms, 2023);
  static const Catalogue c2026 = load_year(kPrograms, 2026);
  return y == 2023 ? c2023 : c2026;
}

const ProgramDiff& matched(const CatalogueDiff& d, const std::string& id) {
  for (const ProgramDiff& p : d.matched)
    if (p.after->id == id) return p;
  FAIL("no matched program " << id);
  throw std::logic_error("unreachable");
}

const TrackDiff& track(const ProgramDiff& p, const std::string& id) {
  for (const TrackDiff& t : p.tracks)
    if (t.after->id == id) return t;
  FAIL("no matched track " << id);
  throw std::logic_error("unreachable");
}

/// The announcement file a citation names.
std::string cited_file(const std::string& source) { return source.substr(0, source.find(' ')); }

nlohmann::json member(const nlohmann::json& list, const std::string& key, const std::string& value) {
  for (const auto& item : list)
    if (item.at(key) == value) return item;
  FAIL("no element with " << key << " = " << value);
  return {};
}

}  // namespace

TEST_CASE("programs diff 2023 2026: 정부형 and 로봇 terms as the two announcements state them", "[diff]") {
  // Read from the seeds, not from the tool:
  //   000_3f91ab727bde1a21.txt (2023 통합공고) §2 ①-1 정부일반형 스마트공장, 지원조건 표:
  //     "고도화1(동일수준*)  최대 6개월, 0.5억원  50% 이내" / "고도화1  최대 9개월, 2억원  50% 이내";
  //     지원규모 620억원, no number of projects.
  //   003_615c5e1e5f9a1b7a.txt (2026 통합공고) §2.1-① 정부형 스마트공장, 지원조건 표:
  //     "고도화  최대 9개월  최대 2억원  50% 이내" / "고도화 (동일수준)  최대 6개월  최대 0.5억원";
  //     "지원 과제 : 265개 내외".
  //   2023 §2 ②-4 로봇활용 제조혁신지원: "로봇 도입  최대 8개월, 3억원  50% 이내";
  //   2026 §2.2-① 제조로봇 도입: "최대 8개월, 2.5억원 한도 (정부지원비율 50% 이내)".
  // So 정부형's cap, ratio and months did NOT change between the two years (its quota, name, track
  // names and window did), and the robot cap went from 3억 to 2.5억.
  const Won cap_2023 = parse_amount("2억원"), cap_2026 = parse_amount("2억원");
  const Won same_level_cap = parse_amount("0.5억원");
  const Ratio half = parse_ratio("50%");

  const CatalogueDiff d = diff_catalogues(year(2023), year(2026));
  const ProgramDiff& gov = matched(d, "government");
  // the YAML holds the seeds' values on both sides
  const TrackDiff& advanced = track(gov, "advanced");
  REQUIRE(advanced.before->id == "advanced1");
  CHECK(advanced.match == MatchBy::last_left);  // 고도화1 → 고도화: neither id nor name is the same
  CHECK(advanced.before->cap == cap_2023);
  CHECK(advanced.after->cap == cap_2026);
  CHECK(advanced.before->ratio == half);
  CHECK(advanced.after->ratio == half);
  CHECK(advanced.before->months == 9);
  CHECK(advanced.after->months == 9);
  // … so the diff reports no change in them
  CHECK(advanced.find(Field::cap) == nullptr);
  CHECK(advanced.find(Field::ratio) == nullptr);
  CHECK(advanced.find(Field::months) == nullptr);
  const TrackDiff& same = track(gov, "same-level");
  CHECK(same.match == MatchBy::id);
  CHECK(same.before->cap == same_level_cap);
  CHECK(same.after->cap == same_level_cap);
  CHECK(same.before->months == 6);
  CHECK(same.after->months == 6);
  CHECK(same.find(Field::cap) == nullptr);
  // what did change: the quota (none → 265), the name, the window, with both years' clauses
  const FieldChange* quota = gov.find(Field::quota);
  REQUIRE(quota != nullptr);
  CHECK(!quota->before.has_value());
  CHECK(quota->after == 265);
  CHECK(cited_file(quota->before_source) == "000_3f91ab727bde1a21.txt");
  CHECK(cited_file(quota->after_source) == "003_615c5e1e5f9a1b7a.txt");
  CHECK(gov.find(Field::name) != nullptr);
  const FieldChange* window = gov.find(Field::window);
  REQUIRE(window != nullptr);
  CHECK(window->before_source.find("000_3f91ab727bde1a21.txt") == 0);
  CHECK(window->after_source.find("003_615c5e1e5f9a1b7a.txt") == 0);
  // 2026 asks that the applicant adopts the factory (§2.1-① 지원 대상), a rule 2023 did not have
  const auto adopter = std::find_if(gov.rules.begin(), gov.rules.end(), [](const RuleDiff& r) {
    return r.change == RuleChange::added && r.after->id == "adopter";
  });
  CHECK(adopter != gov.rules.end());

  // robot: 3억 → 2.5억, 8 months and 50% both years
  const ProgramDiff& robot = matched(d, "robot");
  const TrackDiff& robot_track = track(robot, "robot");
  const FieldChange* cap = robot_track.find(Field::cap);
  REQUIRE(cap != nullptr);
  CHECK(cap->before == parse_amount("3억원"));
  CHECK(cap->after == parse_amount("2.5억원"));
  CHECK(cited_file(cap->before_source) == "000_3f91ab727bde1a21.txt");
  CHECK(cited_file(cap->after_source) == "003_615c5e1e5f9a1b7a.txt");
  CHECK(robot_track.find(Field::months) == nullptr);
  CHECK(robot_track.find(Field::ratio) == nullptr);
}

TEST_CASE("programs diff 2023 2026 lists the programs new in 2026 and those it no longer has", "[diff]") {
  // 2026 §1 지원사업 현황 against 2023 §1 현황: the 2026 table's rows that the 2023 one has no program for
  const std::set<std::string> expected_new = {"regional",
                                              "legend50",
                                              "jump-up",
                                              "autonomous",
                                              "manufacturing-ai",
                                              "win-win-ai",
                                              "digital-collab",
                                              "rnd-diffusion",
                                              "automation",
                                              "supplier-diagnosis",
                                              "dx-mentor",
                                              "ai-commercialization",
                                              "data-processor-pool",
                                              "data-processing",
                                              "smart-service",
                                              "multi-ai-agent",
                                              "process-optimization"};
  const std::set<std::string> expected_gone = {
      "carbon-neutral", "investment-linked", "supply-chain", "ai-consulting", "data-facilitator", "meister", "as"};
  const CatalogueDiff d = diff_catalogues(year(2023), year(2026));
  std::set<std::string> added, removed;
  for (const Program* p : d.added) added.insert(p->id);
  for (const Program* p : d.removed) removed.insert(p->id);
  CHECK(added == expected_new);
  CHECK(removed == expected_gone);
  CHECK(d.matched.size() == 6);  // government, ministry-collab, win-win, robot, level-check, cloud

  // the table says the same, with each new program's clause
  const Run r = run({"programs", "diff", "2023", "2026", "--programs", kPrograms});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("새 사업 17개 · 없어진 사업 7개 · 이어진 사업 6개") != std::string::npos);
  CHECK(r.out.find("legend50") != std::string::npos);
  CHECK(r.out.find("003_615c5e1e5f9a1b7a.txt §2.1-④") != std::string::npos);
  CHECK(r.out.find("3억원") != std::string::npos);
  CHECK(r.out.find("2억 5,000만원") != std::string::npos);
}

TEST_CASE("programs diff --format markdown is the golden file", "[diff][golden]") {
  const Run r = run({"programs", "diff", "2023", "2026", "--programs", kPrograms, "--format", "markdown"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  check_golden("diff-2023-2026.md", r.out);
  // every table row has as many cells as its header
  std::regex cell_bar(R"((^|[^\\])\|)");
  size_t columns = 0;
  std::string line;
  std::istringstream lines(r.out);
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') {
      columns = 0;
      continue;
    }
    const auto bars = static_cast<size_t>(
        std::distance(std::sregex_iterator(line.begin(), line.end(), cell_bar), std::sregex_iterator()));
    if (columns == 0) columns = bars;
    INFO(line);
    CHECK(bars == columns);
  }
}

TEST_CASE("programs diff --format json: the keys README documents", "[diff]") {
  const Run r = run({"programs", "diff", "2023", "2026", "--programs", kPrograms, "--format", "json", "--lang", "en"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j.at("before").at("year") == 2023);
  CHECK(j.at("after").at("year") == 2026);
  CHECK(j.at("summary").at("added") == 17);
  CHECK(j.at("summary").at("removed") == 7);
  CHECK(j.at("summary").at("matched") == 6);
  const nlohmann::json legend = member(j.at("added"), "id", "legend50");
  CHECK(legend.at("tracks").at(0).at("cap") == 500000000);  // 2026 §1 현황: 레전드50+ 9개월 5억 50%
  CHECK(legend.at("tracks").at(0).at("ratio") == "50%");
  const nlohmann::json gov = member(j.at("matched"), "id", "government");
  CHECK(gov.at("match") == "id");
  CHECK(gov.at("changed") == true);
  CHECK(gov.at("name").at("before") == "Government general-type smart factory");
  const nlohmann::json quota = member(gov.at("changes"), "field", "quota");
  CHECK(quota.at("before").is_null());
  CHECK(quota.at("after") == 265);
  CHECK(quota.at("before_source").get<std::string>().rfind("000_3f91ab727bde1a21.txt", 0) == 0);
  CHECK(quota.at("after_source").get<std::string>().rfind("003_615c5e1e5f9a1b7a.txt", 0) == 0);
  const nlohmann::json adopter = member(gov.at("rules"), "id", "adopter");
  CHECK(adopter.at("change") == "added");
  CHECK(adopter.at("before").is_null());
  CHECK(adopter.at("after").at("condition") == "role == adopter");
  const nlohmann::json advanced = member(gov.at("tracks"), "id", "advanced");
  CHECK(advanced.at("before_id") == "advanced1");
  CHECK(advanced.at("match") == "last_left");
  const nlohmann::json robot = member(member(j.at("matched"), "id", "robot").at("tracks"), "id", "robot");
  const nlohmann::json cap = member(robot.at("changes"), "field", "cap");
  CHECK(cap.at("before") == 300000000);
  CHECK(cap.at("after") == 250000000);
}

TEST_CASE("programs diff --against: a changed copy of a year, matched by name across a renamed id", "[diff]") {
  // a pull request's data: 2026 with 정부형's cap, ratio and months changed, and robot renamed to robot-x
  TempDir dir;
  const std::filesystem::path copy = std::filesystem::path(dir.path()) / "2026";
  std::filesystem::copy(kPrograms + "/2026", copy, std::filesystem::copy_options::recursive);
  std::filesystem::copy_file(kPrograms + "/industries.yaml", std::filesystem::path(dir.path()) / "industries.yaml");
  auto edit = [&](const std::string& file, const std::string& from, const std::string& to) {
    sfgrant::testing::replace_once((copy / file).string(), from, to);
  };
  edit("government.yaml", "    months: 9\n    cap: 2억원\n    ratio: 50%",
       "    months: 12\n    cap: 3억원\n    ratio: 60%");
  edit("robot.yaml", "id: robot\n", "id: robot-x\n");
  edit("common.yaml", "robot, automation", "robot-x, automation");
  edit("digital-collab.yaml", "      cap: 10억원\n      share: 50%", "      cap: 12억원\n      share: 50%");

  const Run r = run({"programs", "diff", "2026", "--programs", kPrograms, "--against", dir.path(), "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);  // it reports; differing is not a failure
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j.at("summary").at("added") == 0);
  CHECK(j.at("summary").at("removed") == 0);
  CHECK(j.at("summary").at("changed") == 3);
  // a consortium's cap is a money term like the others: 10억원 → 12억원 on the first track
  const nlohmann::json collab =
      member(member(j.at("matched"), "id", "digital-collab").at("tracks"), "id", "advanced").at("changes");
  CHECK(member(collab, "field", "group_cap").at("before").at("cap") == 1000000000);
  CHECK(member(collab, "field", "group_cap").at("after").at("cap") == 1200000000);
  CHECK(member(collab, "field", "group_cap").at("after").at("per") == "consortium");
  const nlohmann::json robot = member(j.at("matched"), "id", "robot-x");
  CHECK(robot.at("before_id") == "robot");
  CHECK(robot.at("match") == "name");
  const nlohmann::json advanced = member(member(j.at("matched"), "id", "government").at("tracks"), "id", "advanced");
  const nlohmann::json changes = advanced.at("changes");
  CHECK(member(changes, "field", "cap").at("before") == 200000000);
  CHECK(member(changes, "field", "cap").at("after") == 300000000);
  CHECK(member(changes, "field", "ratio").at("before") == "50%");
  CHECK(member(changes, "field", "ratio").at("after") == "60%");
  CHECK(member(changes, "field", "months").at("after") == 12);
  for (const auto& c : changes) {
    CHECK(c.at("before_source") == "003_615c5e1e5f9a1b7a.txt §2.1-① 지원조건 표 (고도화 행)");
    CHECK(c.at("after_source") == "003_615c5e1e5f9a1b7a.txt §2.1-① 지원조건 표 (고도화 행)");
  }
  // the table words the name match
  const Run table = run({"programs", "diff", "2026", "--programs", kPrograms, "--against", dir.path()});
  CHECK(table.code == 0);
  CHECK(table.out.find("robot → robot-x") != std::string::npos);
  CHECK(table.out.find("이름으로 맞춤") != std::string::npos);
  CHECK(table.out.find("컨소시엄 전체 한도: 12억원, 컨소시엄 총사업비의 50% 이내") != std::string::npos);
}

TEST_CASE("programs diff refuses a year that does not exist, naming those that do", "[diff]") {
  const Run r = run({"programs", "diff", "2023", "2025", "--programs", kPrograms});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("no program year 2025 here; the years are 2021, 2023, 2024, 2026") != std::string::npos);
  const Run one = run({"programs", "diff", "2023", "--programs", kPrograms});
  CHECK(one.code == 2);
  CHECK(one.err.find("programs diff needs two years") != std::string::npos);
  const Run bad = run({"programs", "diff", "23", "2026", "--programs", kPrograms});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("a year is 4 decimal digits, like 2026: \"23\"") != std::string::npos);
  const Run list = run({"programs", "list", "--programs", kPrograms, "--format", "markdown"});
  CHECK(list.code == 2);
  CHECK(list.err.find("--format markdown is for `programs diff`") != std::string::npos);
}

TEST_CASE("check --compare 2023: per program what changed and why, the golden file", "[diff][compare][golden]") {
  // service-company.yaml: a service business. 2023 상생형 required a manufacturer (§2 ①-2 참여기업 모집
  // 지원대상), 2026 상생형 has no such rule and one standard track: ineligible → possible, and the table says
  // which rule went and which track it is now
  const Run r = run({"check", kSource + "/examples/service-company.yaml", "--programs", kPrograms, "--as-of",
                     "2026-02-15", "--compare", "2023"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  check_golden("check-compare-ko.txt", r.out);
  CHECK(r.out.find("규칙 삭제 [manufacturer] 국내 중소·중견 제조기업만 참여 가능: 2023 미충족 → 2026 규칙 없음") !=
        std::string::npos);
  // without --compare the output is check's own, unchanged
  const Run plain =
      run({"check", kSource + "/examples/service-company.yaml", "--programs", kPrograms, "--as-of", "2026-02-15"});
  CHECK(r.out.rfind(plain.out, 0) == 0);
  CHECK(plain.out.find("비교") == std::string::npos);
}

TEST_CASE("check --compare --format json adds the compare key; SPEC §7 keys stay as they are", "[diff][compare]") {
  const std::vector<std::string> base = {
      "check", kSource + "/examples/service-company.yaml", "--programs", kPrograms, "--as-of", "2026-02-15", "--format",
      "json"};
  std::vector<std::string> args = base;
  args.insert(args.end(), {"--compare", "2023"});
  const Run r = run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  nlohmann::json without = j;
  without.erase("compare");
  CHECK(without == nlohmann::json::parse(run(base).out));  // the rest is check's JSON as it was
  const nlohmann::json& c = j.at("compare");
  CHECK(c.at("year") == 2023);
  const nlohmann::json win = member(c.at("programs"), "id", "win-win");
  CHECK(win.at("match") == "id");
  CHECK(win.at("changed") == true);
  CHECK(win.at("before").at("status") == "ineligible");
  CHECK(win.at("before").at("support").is_null());
  CHECK(win.at("after").at("status") == "possible");
  CHECK(win.at("after").at("support") == 30000000);  // 30% of its 1억원 plan (2026 §2.1-⑧: 30% 이내, 1.2억)
  CHECK(win.at("after").at("track") == "standard");
  const nlohmann::json gone = member(win.at("causes"), "code", "rule_gone");
  CHECK(gone.at("rule") == "manufacturer");
  CHECK(gone.at("change") == "removed");
  CHECK(gone.at("before") == "fail");
  CHECK(gone.at("after").is_null());
  CHECK(gone.at("before_source").get<std::string>().rfind("000_3f91ab727bde1a21.txt §2 ①-2", 0) == 0);
  CHECK(member(win.at("causes"), "code", "track_added").at("after_track") == "standard");
  // a program of 2026 only has no "before"; one of 2023 only no "after"
  const nlohmann::json dx = member(c.at("programs"), "id", "dx-mentor");
  CHECK(dx.at("before").is_null());
  CHECK(dx.at("match").is_null());
  const nlohmann::json chain = member(c.at("programs"), "id", "supply-chain");
  CHECK(chain.at("after").is_null());
  CHECK(chain.at("before").at("status") == "possible");
}

TEST_CASE("check --compare refuses a year the programs folder does not have", "[diff][compare]") {
  const Run r =
      run({"check", kSource + "/examples/service-company.yaml", "--programs", kPrograms, "--compare", "2019"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--compare: no program year 2019 here; the years are 2021, 2023, 2024, 2026") != std::string::npos);
}
