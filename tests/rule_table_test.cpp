// The rule table batch evaluates with (engine/rule_table.h): every distinct condition of a catalogue
// once a company, and exactly the results evaluate() gives without it (what check shows).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/rule_table.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/file.h"

using sfgrant::Catalogue;
using sfgrant::Evaluation;
using sfgrant::Profile;
using sfgrant::RuleTable;
using sfgrant::Tri;

namespace {

const Catalogue& catalogue_2026() {
  static const Catalogue c = sfgrant::load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  return c;
}

/// Everything an output shows of an evaluation, one line a program: statuses, every rule's result,
/// the facts to ask, each track's cap and split.
std::string describe(const Evaluation& ev) {
  std::string out;
  for (const sfgrant::ProgramEvaluation& pe : ev.programs) {
    out += fmt::format("{} {} window {}:", pe.program->id, sfgrant::status_name(pe.status),
                       sfgrant::window_name(pe.window));
    for (const sfgrant::RuleResult& r : pe.rules) out += fmt::format(" {}={}", r.rule->id, sfgrant::tri_name(r.result));
    out += " ask";
    for (const sfgrant::FactDef* f : pe.missing) out += " " + f->path;
    for (const sfgrant::TrackEvaluation& te : pe.tracks) {
      out += fmt::format(" | {} {} cap {}", te.track->id, sfgrant::status_name(te.status), te.cap.value_or(-1));
      for (const sfgrant::RuleResult& r : te.rules)
        out += fmt::format(" {}={}", r.rule->id, sfgrant::tri_name(r.result));
      if (te.split) out += fmt::format(" split {}+{}", te.split->government, te.split->private_share);
    }
    out += '\n';
  }
  return out;
}

/// evaluate() and the table's, on the same profile, into one reused Evaluation as batch does.
void require_same(const Catalogue& catalogue, const Profile& profile, const sfgrant::EvaluateOptions& options,
                  const RuleTable& table, Evaluation& reused, std::vector<Tri>& rule_results) {
  const Evaluation plain = sfgrant::evaluate(catalogue, profile, options);
  sfgrant::evaluate(table, profile, options, reused, rule_results);
  REQUIRE(describe(reused) == describe(plain));
}

}  // namespace

TEST_CASE("batch's rule table gives every example company the result check gives", "[rule_table]") {
  const Catalogue& catalogue = catalogue_2026();
  const RuleTable table(catalogue);
  Evaluation reused;
  std::vector<Tri> rule_results;
  sfgrant::EvaluateOptions options;
  options.as_of = sfgrant::Date::parse("2026-02-15");
  int companies = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SFGRANT_SOURCE_DIR "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    CAPTURE(entry.path().filename().string());
    Profile profile = sfgrant::load_profile(sfgrant::read_file(entry.path().string()), entry.path().string());
    sfgrant::derive_facts(profile, catalogue.industries);
    require_same(catalogue, profile, options, table, reused, rule_results);
    // and with nothing known but the name: every rule unknown, every fact asked
    Profile blank;
    sfgrant::assign_fact(blank, sfgrant::fact("name"), "빈 회사", {});
    sfgrant::derive_facts(blank, catalogue.industries);
    require_same(catalogue, blank, options, table, reused, rule_results);
    ++companies;
  }
  REQUIRE(companies >= 9);
}

TEST_CASE("rules shared by programs are one condition of the table", "[rule_table]") {
  const Catalogue& catalogue = catalogue_2026();
  size_t rules = 0;
  for (const sfgrant::Program& p : catalogue.programs) {
    rules += p.rules.size();
    for (const sfgrant::Track& t : p.tracks) rules += t.rules.size();
  }
  const RuleTable table(catalogue);
  // the common exclusions alone stand in 23 programs
  REQUIRE(table.size() * 2 < rules);
  // each rule's slot holds that rule's own condition
  Profile profile;
  sfgrant::assign_fact(profile, sfgrant::fact("name"), "세금체납(주)", {});
  sfgrant::assign_fact(profile, sfgrant::fact("status.tax_arrears"), "true", {});
  std::vector<Tri> results;
  table.evaluate(profile, results);
  for (size_t p = 0; p < catalogue.programs.size(); ++p)
    for (size_t j = 0; j < catalogue.programs[p].rules.size(); ++j) {
      const sfgrant::Rule& rule = catalogue.programs[p].rules[j];
      REQUIRE(results[table.program_slots(p)[j]] == sfgrant::evaluate_condition(rule.require, profile));
    }
}

TEST_CASE("a cost given for one program is what that program's rules see through the table", "[rule_table]") {
  // a catalogue of one program whose rule tests the cost: the table's results are for the profile's
  // own cost, and the program's stated cost (plan.costs) must be seen instead
  Catalogue catalogue;
  catalogue.year = 2026;
  sfgrant::Program program;
  program.id = "fee";
  sfgrant::Rule rule;
  rule.id = "cost-at-least-1eok";
  rule.require = sfgrant::parse_comparison("plan.total_cost >= 100000000", {});
  program.rules.push_back(rule);
  sfgrant::Track track;
  track.id = "one";
  track.rules.push_back(rule);
  program.tracks.push_back(track);
  catalogue.programs.push_back(program);
  const RuleTable table(catalogue);
  REQUIRE(table.size() == 1);

  Profile profile;
  sfgrant::assign_fact(profile, sfgrant::fact("name"), "수수료(주)", {});
  sfgrant::assign_fact(profile, sfgrant::fact("plan.total_cost"), "5000만원", {});
  sfgrant::assign_program_cost(profile, "fee", "2억원", {});
  Evaluation ev;
  std::vector<Tri> results;
  sfgrant::evaluate(table, profile, {}, ev, results);
  REQUIRE(results[0] == Tri::fail);                      // the profile's own 5,000만원
  REQUIRE(ev.programs[0].rules[0].result == Tri::pass);  // the program's 2억원
  REQUIRE(ev.programs[0].tracks[0].rules[0].result == Tri::pass);
  REQUIRE(ev.programs[0].status == sfgrant::Status::eligible);
}
