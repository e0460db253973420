// plan.costs: each track's cost (issue #14). A fee or a service is split at the cost the company gave
// for it, else at the cost that reaches its cap and marked so, never at the build budget.
#include <catch2/catch.hpp>

#include <string>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/profile_jsonl.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/profile_writer.h"
#include "sfgrant/load/program_loader.h"
#include "support.h"

using sfgrant::Catalogue;
using sfgrant::CostKeyProblem;
using sfgrant::Diagnostics;
using sfgrant::Profile;
using sfgrant::SplitBasis;
using sfgrant::Won;
using sfgrant::testing::slurp;

namespace {

const Catalogue& year(int y) {
  static const Catalogue c2026 = sfgrant::load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  static const Catalogue c2023 = sfgrant::load_year(SFGRANT_SOURCE_DIR "/programs", 2023);
  return y == 2026 ? c2026 : c2023;
}

Profile load(const std::string& text, Diagnostics& diags) { return sfgrant::load_profile(text, "company.yaml", diags); }

const sfgrant::TrackEvaluation& track_of(const sfgrant::Evaluation& ev, const std::string& program,
                                         const std::string& track) {
  for (const auto& pe : ev.programs)
    if (pe.program->id == program)
      for (const auto& te : pe.tracks)
        if (te.track->id == track) return te;
  FAIL("no " << program << ":" << track);
  static const sfgrant::TrackEvaluation none;
  return none;
}

sfgrant::Evaluation evaluate(int y, Profile p) {
  sfgrant::derive_facts(p, year(y).industries);
  return sfgrant::evaluate(year(y), p, sfgrant::EvaluateOptions{});
}

}  // namespace

TEST_CASE("plan.costs is read from YAML and JSON Lines and written back", "[costs][profile]") {
  Diagnostics diags;
  const Profile p = load(
      "name: A\nplan:\n  total_cost: 4억원\n  costs:\n    level-check: 100만원\n    dx-mentor:pre-planning: "
      "'280만원'\n",
      diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(p.program_costs().size() == 2);
  CHECK(p.program_cost("level-check")->amount == 1'000'000);
  CHECK(p.program_cost("dx-mentor:pre-planning")->amount == 2'800'000);
  CHECK(p.program_cost("level-check")->where.line == 5);

  // written back, read again: the same entries (the interview saves profiles with this writer)
  Diagnostics again;
  const Profile back = load(sfgrant::profile_yaml(p), again);
  REQUIRE_FALSE(again.has_errors());
  REQUIRE(back.program_costs().size() == 2);
  CHECK(back.program_cost("dx-mentor:pre-planning")->amount == 2'800'000);

  Profile row;
  const auto error = sfgrant::json_to_profile(
      R"({"name":"B","plan":{"total_cost":"4억원","costs":{"level-check":"80만원","robot":300000000}}})", 2,
      "list.jsonl", row);
  INFO(error.value_or(""));
  REQUIRE_FALSE(error);
  CHECK(row.program_cost("level-check")->amount == 800'000);
  CHECK(row.program_cost("robot")->amount == 300'000'000);
}

TEST_CASE("a malformed plan.costs entry is an error at its place", "[costs][profile][errors]") {
  struct Bad {
    const char* yaml;
    const char* says;
  } bad[] = {
      {"name: A\nplan:\n  costs:\n    Level Check: 100만원\n", "is not a program id or program:track"},
      {"name: A\nplan:\n  costs:\n    level-check: 백만원\n", "plan.costs.level-check: invalid amount"},
      {"name: A\nplan:\n  costs: 100만원\n", "expected a map of program or program:track"},
      {"name: A\nplan:\n  costs:\n    level-check: [1, 2]\n", "plan.costs.level-check"},
  };
  for (const Bad& b : bad) {
    INFO(b.yaml);
    Diagnostics diags;
    load(b.yaml, diags);
    REQUIRE(diags.has_errors());
    CHECK(diags.items().front().message.find(b.says) != std::string::npos);
    CHECK(diags.items().front().where.line == 4 - (std::string(b.yaml).find("costs: 100") != std::string::npos));
  }
}

TEST_CASE("plan.costs keys are checked against the year's programs, with did you mean", "[costs][catalogue]") {
  Diagnostics diags;
  const Profile p = load(
      "name: A\nplan:\n  costs:\n    level-chek: 1\n    dx-mentor:pre-plan: 1\n    data-processor-pool: 1\n    "
      "robot: 1\n",
      diags);
  REQUIRE_FALSE(diags.has_errors());
  const auto problems = sfgrant::cost_key_problems(year(2026), p);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].code == CostKeyProblem::Code::unknown_program);
  CHECK(problems[0].suggestion == std::optional<std::string>("level-check"));
  CHECK(problems[1].code == CostKeyProblem::Code::unknown_track);
  CHECK(problems[1].suggestion == std::optional<std::string>("dx-mentor:pre-planning"));
  CHECK(problems[2].code == CostKeyProblem::Code::no_money);  // a pool registration has nothing to split
}

TEST_CASE("each track is split at its own cost: plan, program or cap", "[costs][evaluate]") {
  // 003_615c5e1e5f9a1b7a.txt: 정부형 고도화 50% 최대 2억원 (§2.1-①); 수준확인 전액, 0.01억원 (§1 현황 표);
  // DX 멘토단 사전기획 85% 최대 238만원, 사후관리 50% 최대 1,900만원 (§2.6)
  const std::string base = slurp(SFGRANT_SOURCE_DIR "/examples/small-mould-maker.yaml");
  Diagnostics diags;
  Profile p = load(base + "\n", diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(p.total_cost() == Won{400'000'000});

  SECTION("no own cost given: build tracks at the build budget, fees and services at the cap") {
    const auto ev = evaluate(2026, p);
    const auto& gov = track_of(ev, "government", "advanced");
    REQUIRE(gov.split);
    CHECK(gov.split->basis == SplitBasis::plan);
    CHECK(gov.split->government == 200'000'000);
    const auto& level = track_of(ev, "level-check", "level-check");
    REQUIRE(level.split);
    CHECK(level.split->basis == SplitBasis::cap);
    CHECK(level.split->total == 1'000'000);  // not 4억원: the company pays nothing of a 100만원 fee
    CHECK(level.split->private_share == 0);
    const auto& aftercare = track_of(ev, "dx-mentor", "aftercare");
    REQUIRE(aftercare.split);
    CHECK(aftercare.split->basis == SplitBasis::cap);
    CHECK(aftercare.split->total == 38'000'000);
    CHECK(aftercare.split->private_share == 19'000'000);
  }
  SECTION("a program:track entry wins over the program's, and both over the cap") {
    p.set_program_cost({"dx-mentor", 2'000'000, {}});
    p.set_program_cost({"dx-mentor:aftercare", 10'000'000, {}});
    const auto ev = evaluate(2026, p);
    const auto& aftercare = track_of(ev, "dx-mentor", "aftercare");
    REQUIRE(aftercare.split);
    CHECK(aftercare.split->basis == SplitBasis::program);
    CHECK(aftercare.split->government == 5'000'000);
    const auto& pre = track_of(ev, "dx-mentor", "pre-planning");
    REQUIRE(pre.split);
    CHECK(pre.split->basis == SplitBasis::program);
    CHECK(pre.split->government == 1'700'000);                                       // 200만원 × 85%
    CHECK(track_of(ev, "government", "advanced").split->government == 200'000'000);  // the build is untouched
  }
}

TEST_CASE("a track's stated cost is the plan.total_cost its rules see", "[costs][evaluate][rules]") {
  // 000_3f91ab727bde1a21.txt §2 ①-2: 유형2 기초 is a build of at most 2,000만원. With a 4억원 build budget
  // the track is closed; with its own 2,000만원 stated, it is decided on that.
  const std::string yaml = R"(name: A
size: small
ksic: '29294'
region: 대전
role: adopter
status: {business: active, notice_exclusion: false, tax_arrears: false, sanctioned: false}
smart_factory: {level: none, target_level: basic, built_by: none, level_certified: false,
  exceeded_target: false, exceeded_basic_target: false, same_level_used: [], project_in_progress: false}
consortium: {lead_organisation: large}
plan:
  total_cost: 4억원
)";
  Diagnostics diags;
  Profile p = load(yaml, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(track_of(evaluate(2023, p), "win-win", "type2-basic").status == sfgrant::Status::ineligible);
  p.set_program_cost({"win-win:type2-basic", 20'000'000, {}});
  const auto ev = evaluate(2023, p);
  const auto& type2 = track_of(ev, "win-win", "type2-basic");
  CHECK(type2.status == sfgrant::Status::eligible);
  REQUIRE(type2.split);
  CHECK(type2.split->government == 10'000'000);
  CHECK(type2.split->large_company == Won{10'000'000});
  CHECK(type2.split->company == 0);
  // the other tracks keep the build budget
  CHECK(track_of(ev, "win-win", "type1-basic").split->total == 400'000'000);
}
