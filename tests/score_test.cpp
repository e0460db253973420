// Selection scoring (issue #8): the announcements' evaluation sheets as data and the `score` command.
// Every expected figure is computed by hand from the sheets (001 붙임2 and §5, 004 §4); the arithmetic
// is written next to each case.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>
#include "support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/load/program_loader.h"
#include "sfgrant/load/rubric_loader.h"
#include "sfgrant/load/sheet_loader.h"
#include "sfgrant/model/rubric.h"
#include "sfgrant/render/score.h"
#include "sfgrant/render/sheet_template.h"
#include "sfgrant/score/score.h"
#include "sfgrant/text/file.h"
#include "sfgrant/validate/rubric_checks.h"

namespace fs = std::filesystem;
using sfgrant::Diagnostics;
using sfgrant::Rational;
using sfgrant::Rubric;
using sfgrant::ScoreResult;
using sfgrant::Sheet;
using sfgrant::Verdict;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;
const std::string kPrograms = kSource + "/programs";

std::string year_dir(int year) { return kPrograms + "/" + std::to_string(year); }

Rubric shipped(int year, const std::string& program) {
  Diagnostics diags;
  auto rubric = sfgrant::load_program_rubric(year_dir(year), program, diags);
  REQUIRE(rubric.has_value());
  REQUIRE(diags.error_count() == 0);
  return *rubric;
}

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += d.where.str() + ": " + d.message + "\n";
  return out;
}

/// Loads `text` as a sheet named `input` for `rubric`; the sheet must be clean.
Sheet sheet_of(const Rubric& rubric, const std::string& text, const std::string& stage = "") {
  Diagnostics diags;
  Sheet sheet = sfgrant::load_sheet(text, "input", rubric, stage, diags);
  INFO(messages(diags));
  REQUIRE(diags.error_count() == 0);
  return sheet;
}

/// The 15 items of the 2021 first round in sheet order, and their maxima (붙임2).
const std::array<const char*, 15> kFirstItems = {
    "background",     "goals-strategy",  "industry4-tech",  "factory-wide", "use-cases",
    "ceo-commitment", "job-quality",     "pqcd-roi",        "maintenance",  "data-plan",
    "best-practice",  "industry-spread", "knowhow-sharing", "awareness",    "market-effect"};
const std::array<int, 15> kFirstMax = {5, 5, 10, 10, 10, 5, 5, 10, 5, 5, 10, 5, 5, 5, 5};

/// An evaluator's points totalling `total`: 10-point items lose in steps of 2 (down to 2), then
/// 5-point items in steps of 1 (down to 1). Every value is a grade of its item.
std::array<int, 15> first_round_points(int total) {
  int loss = 100 - total;
  std::array<int, 15> points = kFirstMax;
  for (size_t k = 0; k < points.size(); ++k)
    if (kFirstMax[k] == 10) {
      const int take = std::min(8, loss - loss % 2);
      points[k] -= take;
      loss -= take;
    }
  for (size_t k = 0; k < points.size(); ++k)
    if (kFirstMax[k] == 5) {
      const int take = std::min(4, loss);
      points[k] -= take;
      loss -= take;
    }
  REQUIRE(loss == 0);
  return points;
}

/// A 2021 first-round sheet with one evaluator per total, the 일자리 score and the bonus.
std::string first_round_sheet(const std::vector<int>& totals, int jobs, bool flagship) {
  std::ostringstream s;
  s << "stage: first\nevaluators:\n";
  for (int total : totals) {
    const auto points = first_round_points(total);
    int sum = 0;
    s << "  - grades:\n";
    for (size_t k = 0; k < points.size(); ++k) {
      s << "      " << kFirstItems[k] << ": " << points[k] << "\n";
      sum += points[k];
    }
    REQUIRE(sum == total);
  }
  s << "scores: {jobs: " << jobs << "}\n";
  s << "bonus: [" << (flagship ? "regional-flagship-midsize" : "") << "]\n";
  return s.str();
}

using CliRun = sfgrant::testing::Run;

/// Runs the real binary with the source tree's programs.
CliRun run_cli(std::vector<std::string> args) {
  args.push_back("--programs");
  args.push_back(kPrograms);
  sfgrant::testing::Command command;
  command.args = std::move(args);
  return sfgrant::testing::run(command);
}

std::string sheet_path(const char* name) { return kSource + "/tests/score/" + name; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Exact points

TEST_CASE("points are exact rationals printed with two decimals, half away from zero", "[score][rational]") {
  CHECK(Rational::parse("12.5") == Rational(25, 2));
  CHECK(Rational::parse("80%") == Rational(4, 5));
  CHECK(Rational::parse("4/5") == Rational(4, 5));
  CHECK(Rational::parse(" 15 ") == Rational(15));
  CHECK_THROWS_WITH(Rational::parse("15점"), Catch::Contains("invalid number \"15점\""));
  CHECK(Rational(245, 3).fixed(2) == "81.67");
  CHECK(Rational(1, 8).fixed(2) == "0.13");
  CHECK(Rational(-1, 8).fixed(2) == "-0.13");
  CHECK(Rational(72).fixed(2) == "72.00");
  CHECK(Rational(5, 2).exact() == "2.5");
  CHECK(Rational(245, 3).exact() == "245/3");
  // 0.8 × 245/3 + 0.2 × 70 = 196/3 + 14 = 238/3, exactly
  CHECK(Rational(4, 5) * Rational(245, 3) + Rational(1, 5) * Rational(70) == Rational(238, 3));
}

TEST_CASE("the trimmed mean drops one highest and one lowest total, ties included", "[score][trimmed]") {
  using sfgrant::trimmed_out;
  // 90, 90, 80, 70, 70: the first 90 and the last 70 go
  auto out = trimmed_out({Rational(90), Rational(90), Rational(80), Rational(70), Rational(70)});
  REQUIRE(out);
  CHECK(out->first == 0);
  CHECK(out->second == 4);
  // all equal: still two different evaluators, the first and the last
  out = trimmed_out({Rational(80), Rational(80), Rational(80)});
  REQUIRE(out);
  CHECK(out->first == 0);
  CHECK(out->second == 2);
  // fewer than 3: nothing can be dropped
  CHECK_FALSE(trimmed_out({Rational(90), Rational(80)}).has_value());
}

// ---------------------------------------------------------------------------------------------
// The shipped rubrics

TEST_CASE("every shipped rubric validates without errors or warnings", "[score][rubric]") {
  for (int year : {2021, 2023, 2024, 2026}) {
    Diagnostics diags;
    sfgrant::validate_rubrics(year_dir(year), diags);
    INFO(year << "\n" << messages(diags));
    CHECK(diags.items().empty());
  }
  CHECK(sfgrant::rubric_programs(year_dir(2021)) == std::vector<std::string>{"lighthouse"});
  CHECK(sfgrant::rubric_programs(year_dir(2024)) == std::vector<std::string>{"daejeon-as"});
  CHECK(sfgrant::rubric_programs(year_dir(2026)) == std::vector<std::string>{"supplier-diagnosis"});
}

TEST_CASE("the rubrics carry the announcements' weights", "[score][rubric]") {
  const Rubric lighthouse = shipped(2021, "lighthouse");
  const auto* first = lighthouse.find_stage("first");
  REQUIRE(first != nullptr);
  REQUIRE(first->sections.size() == 3);  // 고도화 40, 지속가능성 30, 파급효과 30
  CHECK(first->sections[0].points == Rational(40));
  CHECK(first->sections[1].points == Rational(30));
  CHECK(first->sections[2].points == Rational(30));
  REQUIRE(first->combine);
  CHECK(first->combine->evaluators_weight == Rational(4, 5));
  CHECK(first->combine->extra_weight == Rational(1, 5));
  REQUIRE(first->pass);
  CHECK(first->pass->at_least == Rational(70));
  CHECK(first->pass->on == sfgrant::PassOn::base);
  CHECK(first->evaluators.aggregate == sfgrant::Aggregate::trimmed_mean);
  const auto* second = lighthouse.find_stage("second");
  REQUIRE(second != nullptr);
  CHECK(second->sections[0].points == Rational(50));
  CHECK(second->sections[1].points == Rational(50));
  CHECK_FALSE(second->pass.has_value());
  REQUIRE(lighthouse.find_stage("site") != nullptr);
  CHECK(lighthouse.find_stage("site")->suitability->items.size() == 8);

  const Rubric daejeon = shipped(2024, "daejeon-as");
  const auto& field = daejeon.stages.at(0);
  CHECK(field.suitability->items.size() == 4);
  CHECK(field.sections.at(0).points == Rational(40));
  CHECK(field.sections.at(1).points == Rational(45));
  CHECK(field.sections.at(2).points == Rational(15));
  REQUIRE(field.bonus);
  CHECK(*field.bonus->cap == Rational(5));
  CHECK(field.bonus->items.size() == 3);
  CHECK(field.pass->at_least == Rational(60));

  const Rubric diagnosis = shipped(2026, "supplier-diagnosis");
  REQUIRE(diagnosis.stages.size() == 3);  // 15 / 5 / 10 points of 100
  CHECK(diagnosis.stages[0].items_max() == Rational(15));
  CHECK(diagnosis.stages[1].items_max() == Rational(5));
  CHECK(diagnosis.stages[2].items_max() == Rational(10));
  for (const auto& s : diagnosis.stages) CHECK(s.is_incomplete());
}

// ---------------------------------------------------------------------------------------------
// Broken rubrics are reported with their line

namespace {

const char* const kBrokenRubric = R"(program: demo
name: {ko: 데모, en: Demo}
source: "004_cb59a73e5183e31b.txt §4"
stages:
  - id: field
    name: {ko: 현장평가, en: On-site}
    source: "004_cb59a73e5183e31b.txt §4 표"
    grades: [{id: good}, {id: poor}]
    sections:
      - id: fit
        name: {ko: 적정성, en: Fit}
        points: 40
        source: "004_cb59a73e5183e31b.txt §4 표"
        items:
          - id: x
            text: {ko: 가, en: A}
            max: 20
            points: [20, 10]
            source: "004_cb59a73e5183e31b.txt §4 표"
          - id: y
            text: {ko: 나, en: B}
            max: 18
            points: [9, 18]
            source: "004_cb59a73e5183e31b.txt §4 표"
    total: 40
    pass: {at_least: 120, on: final, source: "004_cb59a73e5183e31b.txt §4"}
)";

}  // namespace

TEST_CASE("a section whose items do not add up is reported at its points line", "[score][rubric]") {
  Diagnostics diags;
  const Rubric rubric = sfgrant::load_rubric(kBrokenRubric, "input", {2024, {"004_cb59a73e5183e31b.txt"}}, diags);
  REQUIRE(diags.error_count() == 0);
  sfgrant::check_rubric(rubric, diags);
  const std::string all = messages(diags);
  INFO(all);
  CHECK_THAT(all, Catch::Contains("input:12:17: section \"fit\" (적정성): its items add up to 38 points but the "
                                  "section is worth 40"));
  CHECK_THAT(all, Catch::Contains("input:23:21: item \"y\": grades must descend: [9, 18] has 18 after 9"));
  CHECK_THAT(all, Catch::Contains("input:23:21: item \"y\": the highest grade gives 9 but the item's max is 18"));
  CHECK_THAT(all, Catch::Contains("input:26:11: stage \"field\" (현장평가): pass mark 120 is out of range"));
}

TEST_CASE("validate_rubrics finds a broken rubric in a year folder and names its line", "[score][rubric]") {
  const fs::path dir = fs::temp_directory_path() / ("sfgrant_rubrics_" + std::to_string(::getpid())) / "2024";
  fs::create_directories(dir / "rubrics");
  fs::copy_file(year_dir(2024) + "/common.yaml", dir / "common.yaml", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "daejeon-as.yaml") << "# the program file only needs to exist here\n";
  std::string text = sfgrant::read_file(year_dir(2024) + "/rubrics/daejeon-as.yaml");
  const std::string from = "        points: 45\n";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "        points: 50\n");  // 관리 및 활용: its items still add up to 45
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  const std::string file = (dir / "rubrics" / "daejeon-as.yaml").string();
  std::ofstream(file) << text;

  Diagnostics diags;
  sfgrant::validate_rubrics(dir.string(), diags);
  const std::string all = messages(diags);
  INFO(all);
  CHECK_THAT(all, Catch::Contains(fmt::format("{}:{}:17: section \"management\" (관리 및 활용): its items add up to 45 "
                                              "points but the section is worth 50",
                                              file, line)));
  // …and the sections then exceed the sheet total
  CHECK_THAT(all, Catch::Contains("its sections add up to 105 points but the sheet total is 100"));
  fs::remove_all(dir.parent_path());
}

TEST_CASE("rubric files are strict: unknown keys, duplicate keys and unlisted seed files", "[score][rubric]") {
  const std::string text = R"(program: demo
name: {ko: 데모, en: Demo}
source: "009_unknown.txt §1"
stages:
  - id: field
    name: {ko: 현장평가, en: On-site}
    name: {ko: 현장평가, en: On-site}
    source: "004_cb59a73e5183e31b.txt §4"
    suitability:
      source: "004_cb59a73e5183e31b.txt §4"
      itmes: []
)";
  Diagnostics diags;
  (void)sfgrant::load_rubric(text, "input", {2024, {"004_cb59a73e5183e31b.txt"}}, diags);
  const std::string all = messages(diags);
  INFO(all);
  CHECK_THAT(all, Catch::Contains("input:3:9: rubric: source \"009_unknown.txt §1\" does not cite an announcement"));
  CHECK_THAT(all, Catch::Contains("input:7:5: duplicate key \"name\""));
  CHECK_THAT(all, Catch::Contains("input:11:7: unknown key \"itmes\""));
  CHECK_THAT(all, Catch::Contains("did you mean \"items\"?"));
}

// ---------------------------------------------------------------------------------------------
// Scoring, by hand

TEST_CASE("대전 AS: 72 points, a 2+2+2 bonus capped at 5, 77 passes the 60-point mark", "[score][daejeon]") {
  const Rubric rubric = shipped(2024, "daejeon-as");
  const Sheet sheet = sheet_of(rubric, sfgrant::read_file(kSource + "/tests/score/daejeon-pass.yaml"));
  const ScoreResult r = sfgrant::score_sheet(rubric, rubric.stages.front(), sheet);
  REQUIRE(r.evaluators.size() == 1);
  CHECK(r.evaluators[0].sections == std::vector<Rational>{33, 27, 12});  // 15+12+6, 12+9+6, 12
  CHECK(r.evaluators[0].total == Rational(72));
  CHECK(r.evaluator_score == Rational(72));
  CHECK(r.bonus_sum == Rational(6));
  CHECK(r.bonus == Rational(5));
  CHECK(r.final_score == Rational(77));
  CHECK(r.verdict == Verdict::pass);
  CHECK_FALSE(r.passed_by_bonus);
  REQUIRE(r.losses.size() == 6);
  CHECK(r.losses[0].item->id == "kpi-management");  // 다소 미흡: 6 of 15
  CHECK(r.losses[0].lost == Rational(9));
  CHECK(r.losses[1].item->id == "data-use");        // 보통: 9 of 15
  CHECK(r.losses[2].item->id == "aftercare-plan");  // 보통: 6 of 10
  CHECK(r.losses[2].lost == Rational(4));
}

TEST_CASE("대전 AS: one × fails the company whatever its points", "[score][daejeon]") {
  const Rubric rubric = shipped(2024, "daejeon-as");
  const Sheet sheet = sheet_of(rubric, sfgrant::read_file(kSource + "/tests/score/daejeon-unsuitable.yaml"));
  const ScoreResult r = sfgrant::score_sheet(rubric, rubric.stages.front(), sheet);
  CHECK(r.final_score == Rational(77));
  CHECK_FALSE(r.suitable);
  REQUIRE(r.unsuitable.size() == 1);
  CHECK(r.unsuitable[0]->id == "warranty-expired");
  CHECK(r.verdict == Verdict::fail);
  CHECK_THAT(sfgrant::score_reason(r, sfgrant::Lang::ko), Catch::Contains("부적합") && Catch::Contains("하자보수"));
}

TEST_CASE("대전 AS: 57 points pass at 61 only with the bonus, and the output says so", "[score][daejeon]") {
  const Rubric rubric = shipped(2024, "daejeon-as");
  const Sheet sheet = sheet_of(rubric, sfgrant::read_file(kSource + "/tests/score/daejeon-bonus-lifts.yaml"));
  const ScoreResult r = sfgrant::score_sheet(rubric, rubric.stages.front(), sheet);
  CHECK(r.base == Rational(57));
  CHECK(r.bonus == Rational(4));
  CHECK(r.final_score == Rational(61));
  CHECK(r.verdict == Verdict::pass);
  CHECK(r.passed_by_bonus);
  CHECK_THAT(sfgrant::score_reason(r, sfgrant::Lang::ko), Catch::Contains("가점 없이는 57.00점으로 미달"));
}

TEST_CASE("등대공장 1차: trimmed mean with ties, 80% + 20% 일자리, pass at 70 before the bonus",
          "[score][lighthouse]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  const Sheet sheet = sheet_of(rubric, sfgrant::read_file(kSource + "/tests/score/lighthouse-first.yaml"));
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("first"), sheet);
  REQUIRE(r.evaluators.size() == 5);
  std::vector<Rational> totals;
  for (const auto& e : r.evaluators) totals.push_back(e.total);
  CHECK(totals == std::vector<Rational>{90, 90, 80, 70, 70});
  CHECK(r.evaluators[0].dropped == "highest");
  CHECK(r.evaluators[1].counted);
  CHECK(r.evaluators[3].counted);
  CHECK(r.evaluators[4].dropped == "lowest");
  CHECK(r.evaluator_score == Rational(80));  // (90 + 80 + 70) / 3
  CHECK(r.base == Rational(79));             // 0.8 × 80 + 0.2 × 75
  CHECK(r.bonus == Rational(3));
  CHECK(r.final_score == Rational(82));
  CHECK(r.verdict == Verdict::pass);
  // losses over evaluators 2–4: every 10-point item means 8 (−2), every 5-point item 4 (−1); they add up to 100 − 80
  Rational lost;
  for (const auto& l : r.losses) lost += l.lost;
  CHECK(lost == Rational(20));
  CHECK(r.losses.front().item->id == "industry4-tech");
  CHECK(r.losses.front().lost == Rational(2));
}

TEST_CASE("등대공장 1차: a mean that does not terminate stays exact", "[score][lighthouse]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  const Sheet sheet = sheet_of(rubric, first_round_sheet({86, 83, 81, 81, 70}, 70, false));
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("first"), sheet);
  CHECK(r.evaluator_score == Rational(245, 3));  // (83 + 81 + 81) / 3
  CHECK(r.base == Rational(238, 3));             // 0.8 × 245/3 + 0.2 × 70
  CHECK(r.base.fixed(2) == "79.33");
  CHECK(r.verdict == Verdict::pass);
}

TEST_CASE("등대공장 1차: the 3-point bonus does not lift a 68 over the 70 mark", "[score][lighthouse]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  const Sheet sheet = sheet_of(rubric, first_round_sheet({70, 70, 70}, 60, true));
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("first"), sheet);
  CHECK(r.base == Rational(68));  // 0.8 × 70 + 0.2 × 60
  CHECK(r.final_score == Rational(71));
  CHECK(r.verdict == Verdict::fail);
  CHECK_THAT(sfgrant::score_reason(r, sfgrant::Lang::ko), Catch::Contains("기본점수 68.00점 < 70점 (2.00점 부족)"));
}

TEST_CASE("등대공장 1차: with fewer than 3 evaluators nothing is dropped", "[score][lighthouse]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  const Sheet sheet = sheet_of(rubric, first_round_sheet({90, 80}, 50, false));
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("first"), sheet);
  CHECK(r.too_few_to_trim);
  CHECK(r.evaluators[0].counted);
  CHECK(r.evaluators[1].counted);
  CHECK(r.evaluator_score == Rational(85));
  CHECK(r.base == Rational(78));  // 0.8 × 85 + 0.2 × 50
}

TEST_CASE("등대공장 현장평가: one 부 makes the company 부적격", "[score][lighthouse]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  const Sheet sheet = sheet_of(rubric, R"(stage: site
suitability:
  plan-vs-site: 적
  effect-validity: 적
  design-validity: 적
  misuse-risk: 부
  commitment: 적
  expertise: ○
  growth-will: 적
  expandability: 적
)");
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("site"), sheet);
  CHECK(r.verdict == Verdict::fail);
  REQUIRE(r.unsuitable.size() == 1);
  CHECK(r.unsuitable[0]->id == "misuse-risk");
}

TEST_CASE("2026 substitution items score their published points only", "[score][supplier-diagnosis]") {
  const Rubric rubric = shipped(2026, "supplier-diagnosis");
  const Sheet sheet =
      sheet_of(rubric, "stage: smart-factory-document\nevaluators:\n  - grades: {supplier-expertise: 12.5}\n");
  const ScoreResult r = sfgrant::score_sheet(rubric, *rubric.find_stage("smart-factory-document"), sheet);
  CHECK(r.final_score == Rational(25, 2));
  CHECK(r.verdict == Verdict::incomplete);
  CHECK_THAT(sfgrant::score_reason(r, sfgrant::Lang::ko), Catch::Contains("15점 / 100점"));
}

TEST_CASE("every template loads back as a sheet and scores the maximum", "[score][template]") {
  for (const auto& [year, program] : std::vector<std::pair<int, std::string>>{
           {2021, "lighthouse"}, {2024, "daejeon-as"}, {2026, "supplier-diagnosis"}}) {
    const Rubric rubric = shipped(year, program);
    for (const auto& stage : rubric.stages)
      for (auto lang : {sfgrant::Lang::ko, sfgrant::Lang::en}) {
        std::ostringstream text;
        sfgrant::write_sheet_template(rubric, stage, lang, text);
        INFO(program << ":" << stage.id << "\n" << text.str());
        const Sheet sheet = sheet_of(rubric, text.str());
        CHECK(sheet.stage == stage.id);
        const ScoreResult r = sfgrant::score_sheet(rubric, stage, sheet);
        CHECK(r.suitable);
        CHECK(r.base == stage.base_max());
        CHECK(r.verdict != Verdict::fail);
      }
  }
}

TEST_CASE("a bad sheet names each problem with file:line:col", "[score][sheet]") {
  const Rubric rubric = shipped(2024, "daejeon-as");
  Diagnostics diags;
  (void)sfgrant::load_sheet(R"(program: daejeon-as
suitability: {as-scope: ○, cost-agreement: ○, utilization-relevance: 네, warranty-expired: ○}
evaluators:
  - grades:
      period: 우스
      aftercare-will: 보통
      aftercare-plan: 11
      staff-capability: 보통
      data-use: 보통
      kpi-management: 보통
bonus: [training, training]
)",
                            "input", rubric, "", diags);
  const std::string all = messages(diags);
  INFO(all);
  CHECK_THAT(all,
             Catch::Contains("input:2:74: suitability.utilization-relevance: \"네\" is not an answer: expected ○"));
  CHECK_THAT(all, Catch::Contains("input:5:15: evaluators[1].grades.period: unknown grade \"우스\""));
  CHECK_THAT(all, Catch::Contains("did you mean \"우수\"?"));
  CHECK_THAT(
      all, Catch::Contains("input:7:23: evaluators[1].grades.aftercare-plan: 11 is not a grade of this item (max 10)"));
  CHECK_THAT(all, Catch::Contains("input:5:7: evaluators[1].grades: one item is missing: field-improvement"));
  CHECK_THAT(all, Catch::Contains("input:11:19: bonus[2]: bonus item \"training\" is listed twice"));
}

TEST_CASE("a sheet for a several-stage rubric must name its stage", "[score][sheet]") {
  const Rubric rubric = shipped(2021, "lighthouse");
  Diagnostics diags;
  (void)sfgrant::load_sheet("program: lighthouse\nstage: frist\n", "input", rubric, "", diags);
  CHECK_THAT(messages(diags),
             Catch::Contains("input:2:8: unknown stage \"frist\" of lighthouse; did you mean \"first\"?"));
  Diagnostics none;
  (void)sfgrant::load_sheet("program: lighthouse\n", "input", rubric, "", none);
  CHECK_THAT(messages(none),
             Catch::Contains("the lighthouse rubric has 3 stages: say which one with `stage:` (site, first, second)"));
}

// ---------------------------------------------------------------------------------------------
// The command

TEST_CASE("score prints each evaluator, the bonus cap, the final score and the verdict", "[score][cli]") {
  const CliRun run = run_cli({"score", "daejeon-as", "--sheet", sheet_path("daejeon-pass.yaml")});
  INFO(run.out << run.err);
  CHECK(run.code == 0);
  CHECK_THAT(run.out, Catch::Contains("외부전문가") && Catch::Contains("72.00"));
  CHECK_THAT(run.out, Catch::Contains("합 6 → 최대 5") && Catch::Contains("+5.00"));
  CHECK_THAT(run.out, Catch::Contains("결과: 통과 — 최종 점수 77.00점 ≥ 60점"));
  CHECK_THAT(run.out, Catch::Contains("-9.00") && Catch::Contains("성과지표 설정여부"));
}

TEST_CASE("score --format json gives the figures as numbers and exact text", "[score][cli]") {
  const CliRun run =
      run_cli({"score", "lighthouse", "--format", "json", "--sheet", sheet_path("lighthouse-first.yaml")});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["year"] == 2021);  // found without --year: the newest year with a lighthouse sheet
  CHECK(j["stage"] == "first");
  CHECK(j["evaluators"][0]["dropped"] == "highest");
  CHECK(j["evaluators"][4]["dropped"] == "lowest");
  CHECK(j["evaluators"][1]["counted"] == true);
  CHECK(j["evaluator_score"] == 80.0);
  CHECK(j["base_score"] == 79.0);
  CHECK(j["bonus"]["points"] == 3.0);
  CHECK(j["final_score"] == 82.0);
  CHECK(j["final_score_exact"] == "82");
  CHECK(j["result"] == "pass");
  CHECK(j["pass_mark"]["on"] == "base");
  CHECK(j["losses"][0]["item"] == "industry4-tech");
}

TEST_CASE("score exits 1 on a fail and says why", "[score][cli]") {
  const CliRun run = run_cli({"score", "daejeon-as", "--lang", "en", "--sheet", sheet_path("daejeon-unsuitable.yaml")});
  INFO(run.out << run.err);
  CHECK(run.code == 1);
  CHECK_THAT(run.out, Catch::Contains("result: fail — unsuitable: × on 1 item(s)"));
  const CliRun lifted =
      run_cli({"score", "daejeon-as", "--format", "json", "--sheet", sheet_path("daejeon-bonus-lifts.yaml")});
  const auto j = nlohmann::json::parse(lifted.out);
  CHECK(lifted.code == 0);
  CHECK(j["passed_by_bonus"] == true);
  CHECK(j["base_score"] == 57.0);
  CHECK(j["bonus"]["sum"] == 4.0);
  CHECK(j["final_score"] == 61.0);
}

TEST_CASE("score exits 2 on a bad sheet with file:line:col and a caret", "[score][cli]") {
  const CliRun run = run_cli({"score", "daejeon-as", "--sheet", sheet_path("daejeon-bad-grade.yaml")});
  CHECK(run.code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains(
                          "daejeon-bad-grade.yaml:5:15: error: evaluators[1].grades.period: unknown grade \"우스\""));
  CHECK_THAT(run.err, Catch::Contains("daejeon-bad-grade.yaml:12:7: error: unknown key \"field-improvment\""));
  CHECK_THAT(run.err, Catch::Contains("        period: 우스\n                ^"));
  CHECK_THAT(run.err, Catch::Contains("4 error(s) in the sheet"));
}

TEST_CASE("score --template prints a sheet that scores as it is", "[score][cli]") {
  const CliRun choose = run_cli({"score", "lighthouse", "--template"});
  CHECK(choose.code == 2);
  CHECK_THAT(choose.err, Catch::Contains("lighthouse has 3 stages: choose one with --stage: site (현장평가), first"));

  const CliRun tmpl = run_cli({"score", "lighthouse", "--template", "--stage", "first"});
  REQUIRE(tmpl.code == 0);
  CHECK_THAT(tmpl.out,
             Catch::Contains(
                 "industry4-tech: 10   # 4차 산업혁명 기술(AI·5G 등) 적용 및 활용 계획의 적정성 — 10 · 8 · 6 · 4 · 2"));
  const fs::path file = fs::temp_directory_path() / ("sfgrant_score_tmpl_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << tmpl.out;
  const CliRun run = run_cli({"score", "lighthouse", "--format", "json", "--sheet", file.string()});
  fs::remove(file);
  INFO(run.err);
  REQUIRE(run.code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["base_score"] == 100.0);
  CHECK(j["result"] == "pass");
}

TEST_CASE("score names the programs that have sheets when there is none", "[score][cli]") {
  const CliRun run = run_cli({"score", "government", "--sheet", "x.yaml"});
  CHECK(run.code == 2);
  CHECK_THAT(run.err, Catch::Contains("no evaluation sheet for \"government\" in 2026") &&
                          Catch::Contains("daejeon-as (2024)") && Catch::Contains("lighthouse (2021)"));
}

TEST_CASE("score's evaluator table has a note column only when the mean drops scores", "[score][cli]") {
  const CliRun single = run_cli({"score", "daejeon-as", "--sheet", sheet_path("daejeon-pass.yaml")});
  REQUIRE(single.code == 0);
  CHECK_THAT(single.out, Catch::Contains("합계(100)\n") && !Catch::Contains("비고"));
  const CliRun trimmed = run_cli({"score", "lighthouse", "--sheet", sheet_path("lighthouse-first.yaml")});
  REQUIRE(trimmed.code == 0);
  CHECK_THAT(trimmed.out,
             Catch::Contains("비고") && Catch::Contains("제외 (최고점)") && Catch::Contains("제외 (최저점)"));
}
