// The rule engine on the real 2026 catalogue (SPEC §5, §6): what a consultant sees for typical
// companies. Expected figures come from the 2026 announcement (003_615c5e1e5f9a1b7a.txt).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/industries.h"

using sfgrant::Catalogue;
using sfgrant::Evaluation;
using sfgrant::Profile;
using sfgrant::ProgramEvaluation;
using sfgrant::Status;
using sfgrant::TrackEvaluation;
using sfgrant::Tri;
using sfgrant::WindowState;
using sfgrant::Won;

namespace {

constexpr Won kEok = 100'000'000;

const Catalogue& catalogue_2026() {
  static const Catalogue c = sfgrant::load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  return c;
}

/// 대전 유성구의 소기업 금형 제조사 (KSIC 29294), 정부지원 기초 → 중간2, 4억원. Every field answered.
const char* const kMouldMaker = R"(name: 한밭정밀금형(주)
size: small
ksic: "29294"
region: 대전
city: 유성구
role: adopter
status:
  business: active
  tax_arrears: false
  notice_exclusion: false
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
selections: [root_company]
plan:
  total_cost: 4억원
)";

Profile profile_from(const std::string& yaml) {
  Profile p = sfgrant::load_profile(yaml, "input");
  sfgrant::derive_facts(p, catalogue_2026().industries);
  return p;
}

/// The mould maker with one line replaced (`from` must occur in the text).
std::string mould_maker_with(const std::string& from, const std::string& to) {
  std::string text = kMouldMaker;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

Evaluation evaluate(const Profile& p, std::optional<sfgrant::Date> as_of = std::nullopt) {
  sfgrant::EvaluateOptions options;
  options.as_of = as_of;
  return sfgrant::evaluate(catalogue_2026(), p, options);
}

const ProgramEvaluation& program(const Evaluation& ev, const std::string& id) {
  for (const ProgramEvaluation& pe : ev.programs)
    if (pe.program->id == id) return pe;
  FAIL("program " << id << " not in the evaluation");
  throw;  // not reached
}

const TrackEvaluation& track(const ProgramEvaluation& pe, const std::string& id) {
  for (const TrackEvaluation& te : pe.tracks)
    if (te.track->id == id) return te;
  FAIL("track " << id << " not in " << pe.program->id);
  throw;  // not reached
}

/// The result of the program-level rule `id`, if the program has it.
std::optional<Tri> rule_result(const ProgramEvaluation& pe, const std::string& id) {
  for (const auto& r : pe.rules)
    if (r.rule->id == id) return r.result;
  return std::nullopt;
}

bool asks_for(const ProgramEvaluation& pe, const std::string& path) {
  return std::any_of(pe.missing.begin(), pe.missing.end(), [&](const sfgrant::FactDef* f) { return f->path == path; });
}

sfgrant::Date date(const char* text) { return *sfgrant::Date::parse(text); }

}  // namespace

TEST_CASE("the 2026 catalogue holds the 23 public program ids", "[evaluate][catalogue]") {
  const std::vector<std::string> expected = {"government",
                                             "ministry-collab",
                                             "regional",
                                             "legend50",
                                             "jump-up",
                                             "autonomous",
                                             "manufacturing-ai",
                                             "win-win",
                                             "win-win-ai",
                                             "digital-collab",
                                             "rnd-diffusion",
                                             "robot",
                                             "automation",
                                             "level-check",
                                             "cloud",
                                             "supplier-diagnosis",
                                             "dx-mentor",
                                             "ai-commercialization",
                                             "data-processor-pool",
                                             "data-processing",
                                             "smart-service",
                                             "multi-ai-agent",
                                             "process-optimization"};
  std::vector<std::string> ids;
  for (const auto& p : catalogue_2026().programs) ids.push_back(p.id);
  CHECK(ids == expected);  // in the announcement's order
}

TEST_CASE("a complete small mould maker gets 2억원 from government:advanced at 4억원", "[evaluate][government]") {
  const Evaluation ev = evaluate(profile_from(kMouldMaker));
  const ProgramEvaluation& gov = program(ev, "government");
  CHECK(gov.status == Status::eligible);
  CHECK(gov.missing.empty());
  const TrackEvaluation& advanced = track(gov, "advanced");
  CHECK(advanced.status == Status::eligible);
  CHECK(advanced.cap == 2 * kEok);
  CHECK(advanced.full_support_cost == 4 * kEok);
  REQUIRE(advanced.split);
  CHECK(advanced.split->total == 4 * kEok);
  CHECK(advanced.split->government == 2 * kEok);
  CHECK(advanced.split->private_share == 2 * kEok);
  SECTION("same-level is closed to it: its target is above its current level") {
    const TrackEvaluation& same = track(gov, "same-level");
    CHECK(same.status == Status::ineligible);
  }
  SECTION("the best track is the advanced one") {
    REQUIRE(gov.best_track() != nullptr);
    CHECK(gov.best_track()->track->id == "advanced");
  }
}

TEST_CASE("a --cost overrides the profile's planned cost", "[evaluate][government]") {
  sfgrant::EvaluateOptions options;
  options.cost = 3 * kEok;
  const Evaluation ev = sfgrant::evaluate(catalogue_2026(), profile_from(kMouldMaker), options);
  const TrackEvaluation& advanced = track(program(ev, "government"), "advanced");
  REQUIRE(advanced.split);
  CHECK(advanced.split->government == 150'000'000);
  CHECK(advanced.split->private_share == 150'000'000);
}

TEST_CASE("a company in tax arrears is ineligible for every program", "[evaluate][exclusions]") {
  const Evaluation ev = evaluate(profile_from(mould_maker_with("tax_arrears: false", "tax_arrears: true")));
  REQUIRE(ev.programs.size() == 23);
  for (const ProgramEvaluation& pe : ev.programs) {
    INFO(pe.program->id);
    CHECK(pe.status == Status::ineligible);
    CHECK(rule_result(pe, "not-tax-arrears") == Tri::fail);
    for (const TrackEvaluation& te : pe.tracks) CHECK(te.status == Status::ineligible);
  }
}

TEST_CASE("an unanswered tax question makes programs possible and is asked", "[evaluate][unknown]") {
  const Evaluation complete = evaluate(profile_from(kMouldMaker));
  const Evaluation open = evaluate(profile_from(mould_maker_with("  tax_arrears: false\n", "")));
  REQUIRE(open.programs.size() == complete.programs.size());
  CHECK(program(open, "government").status == Status::possible);
  CHECK(track(program(open, "government"), "advanced").status == Status::possible);
  int was_eligible = 0;
  for (size_t i = 0; i < open.programs.size(); ++i) {
    const ProgramEvaluation& pe = open.programs[i];
    INFO(pe.program->id);
    CHECK(pe.status != Status::eligible);  // nothing can be certain while arrears are unknown
    CHECK(rule_result(pe, "not-tax-arrears") == Tri::unknown);
    if (complete.programs[i].status == Status::eligible) {
      ++was_eligible;
      CHECK(pe.status == Status::possible);
      CHECK(asks_for(pe, "status.tax_arrears"));
    }
  }
  CHECK(was_eligible > 0);
}

TEST_CASE("a restaurant is not a manufacturer and is an excluded industry", "[evaluate][exclusions]") {
  const Evaluation ev = evaluate(profile_from(mould_maker_with("ksic: \"29294\"", "ksic: \"56111\"")));
  const ProgramEvaluation& gov = program(ev, "government");
  CHECK(gov.status == Status::ineligible);
  CHECK(rule_result(gov, "not-excluded-industry") == Tri::fail);
  CHECK(rule_result(gov, "manufacturer") == Tri::fail);
  for (const ProgramEvaluation& pe : ev.programs) {
    INFO(pe.program->id);
    CHECK(pe.status == Status::ineligible);  // 숙박·음식점 is excluded from the whole year
  }
}

TEST_CASE("a large company cannot apply for the government type", "[evaluate][exclusions]") {
  const Evaluation ev = evaluate(profile_from(mould_maker_with("size: small", "size: large")));
  CHECK(program(ev, "government").status == Status::ineligible);
  CHECK(rule_result(program(ev, "government"), "sme-or-midsize") == Tri::fail);
}

TEST_CASE("legend50's cap follows the level table", "[evaluate][legend50]") {
  auto legend50_profile = [](const char* level, const char* target) {
    std::string text = mould_maker_with("selections: [root_company]", "selections: [legend50]");
    const auto l = text.find("  level: basic");
    text.replace(l, std::string("  level: basic").size(), std::string("  level: ") + level);
    const auto t = text.find("target_level: intermediate2");
    text.replace(t, std::string("target_level: intermediate2").size(), std::string("target_level: ") + target);
    return profile_from(text);
  };
  sfgrant::EvaluateOptions ten_eok;
  ten_eok.cost = 10 * kEok;
  SECTION("미적용 → 중간2 at 10억원: 5억원") {
    const Evaluation ev = sfgrant::evaluate(catalogue_2026(), legend50_profile("미적용", "중간2"), ten_eok);
    const TrackEvaluation& te = track(program(ev, "legend50"), "advanced");
    CHECK(program(ev, "legend50").status == Status::eligible);
    CHECK(te.cap == 5 * kEok);
    REQUIRE(te.split);
    CHECK(te.split->government == 5 * kEok);
    CHECK(te.split->private_share == 5 * kEok);
  }
  SECTION("중간1 → 중간2 at 10억원: 2억원") {
    const Evaluation ev = sfgrant::evaluate(catalogue_2026(), legend50_profile("중간1", "중간2"), ten_eok);
    const TrackEvaluation& te = track(program(ev, "legend50"), "advanced");
    CHECK(te.cap == 2 * kEok);
    REQUIRE(te.split);
    CHECK(te.split->government == 2 * kEok);
    CHECK(te.split->private_share == 8 * kEok);
    CHECK(te.full_support_cost == 4 * kEok);
  }
  SECTION("기초 → 중간1 at 10억원: 2억원") {
    const Evaluation ev = sfgrant::evaluate(catalogue_2026(), legend50_profile("기초", "중간1"), ten_eok);
    const TrackEvaluation& te = track(program(ev, "legend50"), "advanced");
    CHECK(te.cap == 2 * kEok);
  }
  SECTION("a pair the table does not list gives no amount and no eligibility") {
    const Evaluation ev = sfgrant::evaluate(catalogue_2026(), legend50_profile("중간2", "고도화"), ten_eok);
    const TrackEvaluation& te = track(program(ev, "legend50"), "advanced");
    CHECK_FALSE(te.cap);
    CHECK_FALSE(te.split);
    CHECK_FALSE(te.split_problem.empty());
  }
  SECTION("without the selection certificate it is ineligible") {
    const Evaluation ev = evaluate(profile_from(kMouldMaker));
    CHECK(program(ev, "legend50").status == Status::ineligible);
    CHECK(rule_result(program(ev, "legend50"), "legend50-selected") == Tri::fail);
  }
}

TEST_CASE("a pair missing from legend50's level table makes the track ineligible", "[evaluate][legend50]") {
  // programs/README.md: "a pair not in the table makes the track ineligible" (중간2 → 고도화 is not listed)
  std::string text = mould_maker_with("selections: [root_company]", "selections: [legend50]");
  text.replace(text.find("  level: basic"), std::string("  level: basic").size(), "  level: intermediate2");
  text.replace(text.find("target_level: intermediate2"), std::string("target_level: intermediate2").size(),
               "target_level: advanced");
  const Evaluation ev = evaluate(profile_from(text));
  CHECK(track(program(ev, "legend50"), "advanced").status == Status::ineligible);
  CHECK(program(ev, "legend50").status == Status::ineligible);
}

TEST_CASE("legend50 asks for the current level when it is missing", "[evaluate][legend50][unknown]") {
  std::string text = mould_maker_with("selections: [root_company]", "selections: [legend50]");
  text.replace(text.find("  level: basic\n"), std::string("  level: basic\n").size(), "");
  const Evaluation ev = evaluate(profile_from(text));
  const ProgramEvaluation& pe = program(ev, "legend50");
  CHECK(pe.status == Status::possible);
  CHECK(track(pe, "advanced").status == Status::possible);
  CHECK_FALSE(track(pe, "advanced").cap);
  CHECK(asks_for(pe, "smart_factory.level"));
}

TEST_CASE("application windows on 2026-02-15", "[evaluate][window]") {
  const Evaluation ev = evaluate(profile_from(kMouldMaker), date("2026-02-15"));
  // 정부형: 신청접수 '25.11~'26.1 → closed; 제조AI특화: '26.3~4 → upcoming; 수준확인: 상시 → rolling
  CHECK(program(ev, "government").window == WindowState::closed);
  CHECK(program(ev, "manufacturing-ai").window == WindowState::upcoming);
  CHECK(program(ev, "level-check").window == WindowState::rolling);
  // 레전드50+: '26.2~3 → open
  CHECK(program(ev, "legend50").window == WindowState::open);
}

TEST_CASE("a month-only window runs to the end of its last month", "[evaluate][window]") {
  const sfgrant::Program& gov = *catalogue_2026().find_program("government");  // '25.11 ~ '26.1
  CHECK(sfgrant::window_state(gov.schedule, date("2025-10-31")) == WindowState::upcoming);
  CHECK(sfgrant::window_state(gov.schedule, date("2025-11-01")) == WindowState::open);
  CHECK(sfgrant::window_state(gov.schedule, date("2026-01-31")) == WindowState::open);
  CHECK(sfgrant::window_state(gov.schedule, date("2026-02-01")) == WindowState::closed);
  CHECK(sfgrant::window_state(gov.schedule, std::nullopt) == WindowState::unknown);
}

TEST_CASE("a year-round program is not reported as accepting before it is announced",
          "[evaluate][window][regression]") {
  // 스마트공장 수준확인: 사업 공고 '26.1, 신청접수 상시. On 2025-12-15 nothing has been announced yet,
  // but the window shows "rolling" (accepting).
  const sfgrant::Program& level_check = *catalogue_2026().find_program("level-check");
  CHECK(sfgrant::window_state(level_check.schedule, date("2025-12-15"), 2026) == WindowState::upcoming);
}

TEST_CASE("a window with no end ('23.1~) closes with its program year: 2023 programs are closed in 2026",
          "[evaluate][window]") {
  const Catalogue cat = sfgrant::load_year(SFGRANT_SOURCE_DIR "/programs", 2023);
  const sfgrant::Program& cloud = *cat.find_program("cloud");  // 신청접수 '23.1~ (no end)
  REQUIRE(cloud.schedule.apply_from.has_value());
  REQUIRE_FALSE(cloud.schedule.apply_to.has_value());
  CHECK(sfgrant::window_state(cloud.schedule, date("2023-06-01"), 2023) == WindowState::open);
  CHECK(sfgrant::window_state(cloud.schedule, date("2023-12-31"), 2023) == WindowState::open);
  CHECK(sfgrant::window_state(cloud.schedule, date("2024-01-01"), 2023) == WindowState::closed);
  sfgrant::EvaluateOptions eo;
  eo.as_of = date("2026-11-30");
  for (const sfgrant::ProgramEvaluation& pe : sfgrant::evaluate(cat, profile_from(kMouldMaker), eo).programs) {
    INFO(pe.program->id);
    CHECK(pe.window == WindowState::closed);
  }
}

TEST_CASE("a track that takes no new applicants this year is ineligible with its reason", "[evaluate][never]") {
  sfgrant::YearContext context;
  context.year = 2026;
  context.announcements.push_back({"003_615c5e1e5f9a1b7a.txt", "", "", std::nullopt, ""});
  const std::string text = R"yaml(id: demo
name: {ko: 시범, en: Demo}
source: "003_615c5e1e5f9a1b7a.txt §2.6"
schedule: {rolling: true, source: "003_615c5e1e5f9a1b7a.txt §1"}
agency: {lead: 중기부, source: "003_615c5e1e5f9a1b7a.txt §3"}
tracks:
  - id: poc
    name: {ko: PoC, en: PoC}
    source: "003_615c5e1e5f9a1b7a.txt §2.6"
  - id: rnd
    name: {ko: R&D, en: R&D}
    source: "003_615c5e1e5f9a1b7a.txt §2.6"
    rules:
      - id: no-new-applicants
        require: never
        message: {ko: "'26년 신규 신청 없음", en: No new applicants in 2026}
        source: "003_615c5e1e5f9a1b7a.txt §2.6 (R&D 선정 '27년)"
)yaml";
  sfgrant::Diagnostics diags;
  sfgrant::Program program = sfgrant::load_program(text, "input", context, diags);
  INFO((diags.items().empty() ? std::string() : diags.items().front().message));
  REQUIRE_FALSE(diags.has_errors());
  Catalogue cat = catalogue_2026();
  cat.programs = {program};
  const sfgrant::ProgramEvaluation pe =
      sfgrant::evaluate_program(cat, cat.programs.front(), profile_from(kMouldMaker), {});
  CHECK(pe.status == Status::eligible);  // the PoC track is open
  CHECK(pe.tracks[0].status == Status::eligible);
  REQUIRE(pe.tracks[1].rules.size() == 1);
  CHECK(pe.tracks[1].status == Status::ineligible);
  CHECK(pe.tracks[1].rules[0].result == sfgrant::Tri::fail);
}

TEST_CASE("the regional center is chosen by region and city", "[evaluate][center]") {
  const Catalogue& cat = catalogue_2026();
  auto center = [&](const char* region, const char* city) -> std::string {
    const sfgrant::Center* c = cat.center_for(region, city);
    return c == nullptr ? "" : c->name.ko;
  };
  CHECK_THAT(center("대전", "유성구"), Catch::StartsWith("대전"));
  CHECK_THAT(center("경기", "파주시"), Catch::Contains("경기 북부"));
  CHECK_THAT(center("경기", "의정부시"), Catch::Contains("경기 북부"));
  CHECK_THAT(center("경기", "안산시"), Catch::StartsWith("경기") && !Catch::Contains("북부"));
  CHECK_THAT(center("경기", ""), Catch::StartsWith("경기") && !Catch::Contains("북부"));
  CHECK_THAT(center("경북", "포항시"), Catch::StartsWith("포항"));
  CHECK_THAT(center("경북", "경산시"), Catch::StartsWith("경북"));
  SECTION("the evaluation carries the center for the profile") {
    const Evaluation ev = evaluate(profile_from(kMouldMaker));
    const sfgrant::Center* c = program(ev, "government").center;
    REQUIRE(c != nullptr);
    CHECK_THAT(c->name.ko, Catch::StartsWith("대전"));
    CHECK_THAT(c->phone, Catch::StartsWith("042-930-4350"));  // §3 지역별 접수 및 문의처
  }
}

TEST_CASE("a city written with its district still finds its center", "[evaluate][center][regression]") {
  // Addresses are written "포항시 남구" / "고양시 일산동구"; such a city falls back to the 경북 / 경기 center.
  const Catalogue& cat = catalogue_2026();
  const sfgrant::Center* pohang = cat.center_for("경북", "포항시 남구");
  REQUIRE(pohang != nullptr);
  CHECK_THAT(pohang->name.ko, Catch::StartsWith("포항"));
  const sfgrant::Center* goyang = cat.center_for("경기", "고양시 일산동구");
  REQUIRE(goyang != nullptr);
  CHECK_THAT(goyang->name.ko, Catch::Contains("경기 북부"));
}

TEST_CASE("the autonomous factory lists each year's split", "[evaluate][multi-year]") {
  // 자율형공장 needs 중간1 or higher: a certified 중간1 maker planning 12억원 over two years
  std::string text = mould_maker_with("  level: basic", "  level: intermediate1");
  text = [&] {
    std::string t = text;
    t.replace(t.find("total_cost: 4억원"), std::string("total_cost: 4억원").size(),
              "total_cost: 12억원\n  yearly_costs: [8억원, 4억원]");
    return t;
  }();
  const Evaluation ev = evaluate(profile_from(text));
  const ProgramEvaluation& pe = program(ev, "autonomous");
  CHECK(pe.status == Status::eligible);
  const TrackEvaluation& te = track(pe, "autonomous");
  REQUIRE(te.split);
  REQUIRE(te.split->years.size() == 2);
  CHECK(te.split->years[0].government == 3 * kEok);  // 8억 × 50% = 4억, capped at 연 3억
  CHECK(te.split->years[1].government == 2 * kEok);  // 4억 × 50%
  CHECK(te.split->government == 5 * kEok);
}

TEST_CASE("the best track is one whose split could be computed", "[evaluate][multi-year][best-track]") {
  // issue #14: three yearly costs for AI 응용제품 신속 상용화, whose 유형2 runs two years: 유형2
  // cannot be split, so the row shows 유형1 (one year, 80% of 3억원) rather than 유형2's blank amounts.
  // The program's own cost is given (plan.costs), and the yearly costs add up to it: they are its years.
  std::string text = mould_maker_with(
      "total_cost: 4억원",
      "total_cost: 3억원\n  yearly_costs: [1억원, 1억원, 1억원]\n  costs:\n    ai-commercialization: 3억원");
  const Evaluation ev = evaluate(profile_from(text));
  const ProgramEvaluation& pe = program(ev, "ai-commercialization");
  const TrackEvaluation& type2 = track(pe, "type2");
  CHECK_FALSE(type2.split);
  CHECK(type2.split_problem.code == sfgrant::SplitProblem::Code::too_many_years);
  const TrackEvaluation* best = pe.best_track();
  REQUIRE(best != nullptr);
  CHECK(best->track->id == "type1");
  REQUIRE(best->split);
  CHECK(best->split->government == 240'000'000);
}

// 디지털 협업공장 (003 §2.1-⑩): "컨소시엄당 최대 10억 (총사업비 50% 이내)" beside the member's 2억원 at 50%. For
// consortia from 10억원 to 30억원 and other members taking 0 to 12억원, the member's government share is worked out
// here by hand from the clause — min(2억원, 50% of 4억원, max(0, min(10억원, 50% of the consortium) − others)) — and
// the engine must agree, with government + company = 4억원.
TEST_CASE("a consortium member's support is what the consortium's cap leaves after the others", "[evaluate][group]") {
  const std::string base = mould_maker_with("target_level: intermediate2", "target_level: intermediate1") +
                           "consortium: {members: 6, sme_manufacturers: 6, cooperation_agreement: true}\n";
  for (Won consortium = 10 * kEok; consortium <= 30 * kEok; consortium += 25 * kEok / 10) {
    for (Won others = 0; others <= 12 * kEok; others += 75'000'000) {
      std::string yaml = base;
      yaml.replace(
          yaml.find("cooperation_agreement: true}"), 28,
          fmt::format("cooperation_agreement: true, total_cost: {}, others_government: {}}}", consortium, others));
      const Evaluation ev = evaluate(profile_from(yaml));
      const TrackEvaluation& advanced = program(ev, "digital-collab").tracks.front();
      REQUIRE(advanced.track->id == "advanced");
      REQUIRE(advanced.split);
      const Won consortium_cap = std::min<Won>(10 * kEok, consortium / 2 / 1000 * 1000);
      const Won left = std::max<Won>(0, consortium_cap - others);
      const Won expected = std::min<Won>(2 * kEok, left);
      INFO("consortium " << consortium << ", others " << others);
      CHECK(advanced.split->government == expected);
      CHECK(advanced.split->government + advanced.split->company == 4 * kEok);
      REQUIRE(advanced.split->group);
      CHECK(advanced.split->group->remaining == left);
      CHECK(advanced.split->group->lowered == (left < 2 * kEok));
    }
  }
}

TEST_CASE("without the other members' support the split is the member's own and says the group is open",
          "[evaluate][group]") {
  const Evaluation ev =
      evaluate(profile_from(mould_maker_with("target_level: intermediate2", "target_level: intermediate1") +
                            "consortium: {members: 6, sme_manufacturers: 6, cooperation_agreement: true}\n"));
  const TrackEvaluation& advanced = program(ev, "digital-collab").tracks.front();
  REQUIRE(advanced.split);
  CHECK(advanced.split->government == 2 * kEok);
  REQUIRE(advanced.split->group);
  CHECK(advanced.split->group->limit == 10 * kEok);
  CHECK_FALSE(advanced.split->group->others);
  CHECK_FALSE(advanced.split->group->remaining);
  // 10억원 among 6 members: 166,666,666.67 → 1억 6,666만 6,000원 each, below the member's 2억원: quoted, not split
  CHECK(advanced.split->group->equal_share == 166'666'000);
}
