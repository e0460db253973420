// Rules as data (SPEC §6, programs/README.md "Rules"): parsing comparisons, their errors, and
// three-valued evaluation against profiles built fact by fact.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/rule.h"

using sfgrant::CompareOp;
using sfgrant::Condition;
using sfgrant::Error;
using sfgrant::Location;
using sfgrant::Profile;
using sfgrant::Tri;

namespace {

const Location kAt{"input", 7, 5};

Condition parse(const std::string& text) { return sfgrant::parse_comparison(text, kAt); }

std::string parse_error(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

void give(Profile& p, const char* path, const std::string& value) {
  sfgrant::assign_fact(p, sfgrant::fact(path), value, Location{"input", 1, 1});
}

void give_list(Profile& p, const char* path, const std::vector<std::string>& items) {
  sfgrant::assign_list(p, sfgrant::fact(path), items, {});
}

Tri eval(const std::string& text, const Profile& p) { return sfgrant::evaluate_condition(parse(text), p); }

int level(const char* id) { return *sfgrant::level_vocabulary().find(id); }

Condition combine(Condition::Kind kind, std::vector<Condition> children) {
  Condition c;
  c.kind = kind;
  c.children = std::move(children);
  return c;
}

/// A profile where `status.tax_arrears` is `a` and `status.sanctioned` is `b` (unknown = not given).
Profile two_facts(Tri a, Tri b) {
  Profile p;
  if (a != Tri::unknown) give(p, "status.tax_arrears", a == Tri::pass ? "true" : "false");
  if (b != Tri::unknown) give(p, "status.sanctioned", b == Tri::pass ? "true" : "false");
  return p;
}

const Tri kAll[] = {Tri::pass, Tri::fail, Tri::unknown};

}  // namespace

TEST_CASE("each operator form of a comparison is understood", "[rule][parse]") {
  SECTION("a yes/no fact alone") {
    const Condition c = parse("smart_factory.level_certified");
    CHECK(c.kind == Condition::Kind::compare);
    CHECK(c.fact == &sfgrant::fact("smart_factory.level_certified"));
    CHECK(c.op == CompareOp::truthy);
    CHECK(c.text == "smart_factory.level_certified");
  }
  SECTION("== and != with English and Korean words") {
    const Condition eq = parse("status.tax_arrears == false");
    CHECK(eq.op == CompareOp::eq);
    CHECK(eq.rhs.numbers == std::vector<std::int64_t>{0});
    const Condition ne = parse("size != 대기업");
    CHECK(ne.op == CompareOp::ne);
    CHECK(ne.rhs.numbers == std::vector<std::int64_t>{*sfgrant::size_vocabulary().find("large")});
  }
  SECTION("ordering operators on ordered facts") {
    CHECK(parse("size <= midsize").op == CompareOp::le);
    CHECK(parse("smart_factory.target_level >= intermediate1").op == CompareOp::ge);
    CHECK(parse("smart_factory.level < 중간2").op == CompareOp::lt);
    const Condition gt = parse("smart_factory.target_level > smart_factory.level");
    CHECK(gt.op == CompareOp::gt);
    CHECK(gt.rhs.fact == &sfgrant::fact("smart_factory.level"));
  }
  SECTION("money and counts") {
    const Condition money = parse("plan.total_cost >= 2억원");
    CHECK(money.op == CompareOp::ge);
    CHECK(money.rhs.numbers == std::vector<std::int64_t>{200'000'000});
    CHECK(parse("consortium.members >= 5").rhs.numbers == std::vector<std::int64_t>{5});
  }
  SECTION("in and not in a list") {
    const Condition in = parse("region in [서울, 경기]");
    CHECK(in.op == CompareOp::in);
    CHECK(in.rhs.numbers.size() == 2);
    CHECK(parse("region not in [서울]").op == CompareOp::not_in);
  }
  SECTION("has and lacks on list facts, with a value or a fact") {
    CHECK(parse("selections has legend50").op == CompareOp::has);
    const Condition lacks = parse("smart_factory.same_level_used lacks smart_factory.target_level");
    CHECK(lacks.op == CompareOp::lacks);
    CHECK(lacks.rhs.fact == &sfgrant::fact("smart_factory.target_level"));
  }
}

TEST_CASE("a mistyped fact name is refused with a suggestion", "[rule][parse][errors]") {
  const std::string m = parse_error("sise == small");
  CHECK_THAT(m, Catch::StartsWith("input:7:5: "));
  CHECK_THAT(m, Catch::Contains("sise == small"));
  CHECK_THAT(m, Catch::Contains("unknown fact \"sise\""));
  CHECK_THAT(m, Catch::Contains("did you mean \"size\"?"));
}

TEST_CASE("a value outside the fact's vocabulary is refused with the allowed values", "[rule][parse][errors]") {
  const std::string m = parse_error("size == huge");
  CHECK_THAT(m, Catch::StartsWith("input:7:5: "));
  CHECK_THAT(m, Catch::Contains("\"huge\""));
  CHECK_THAT(m, Catch::Contains("small") && Catch::Contains("medium") && Catch::Contains("midsize") &&
                    Catch::Contains("large"));
  CHECK_THAT(parse_error("selections has legend99"), Catch::Contains("\"legend99\""));
  CHECK_THAT(parse_error("smart_factory.level == intermediate"), Catch::Contains("intermediate1"));
  CHECK_THAT(parse_error("status.tax_arrears == maybe"), Catch::Contains("\"maybe\""));
  CHECK_THAT(parse_error("plan.total_cost >= 2억원x"), Catch::Contains("2억원x"));
}

TEST_CASE("ordering a fact that has no order is refused", "[rule][parse][errors]") {
  const std::string m = parse_error("region > 서울");
  CHECK_THAT(m, Catch::StartsWith("input:7:5: "));
  CHECK_THAT(m, Catch::Contains("region"));
  CHECK_THAT(m, Catch::Contains("no order"));
  CHECK_FALSE(parse_error("role <= supplier").empty());
}

TEST_CASE("has and lacks on a fact that is not a list are refused", "[rule][parse][errors]") {
  const std::string m = parse_error("size has small");
  CHECK_THAT(m, Catch::StartsWith("input:7:5: "));
  CHECK_THAT(m, Catch::Contains("size has small"));
  CHECK_FALSE(parse_error("region lacks 서울").empty());
}

TEST_CASE("malformed comparisons are refused", "[rule][parse][errors]") {
  CHECK_THAT(parse_error("size"), Catch::Contains("not a yes/no fact"));
  CHECK_THAT(parse_error("size =="), Catch::Contains("value is missing"));
  CHECK_THAT(parse_error("region in 서울"), Catch::Contains("[a, b]"));
  CHECK_THAT(parse_error("region in []"), Catch::Contains("empty"));
  CHECK_THAT(parse_error("selections == legend50"), Catch::Contains("has or lacks"));
  CHECK_THAT(parse_error("size == region"), Catch::Contains("cannot be compared"));
  CHECK_FALSE(parse_error("== small").empty());
}

TEST_CASE("all fails if any part fails, else is unknown if any part is unknown", "[rule][tri]") {
  for (Tri a : kAll) {
    for (Tri b : kAll) {
      const Profile p = two_facts(a, b);
      const Condition c = combine(Condition::Kind::all, {parse("status.tax_arrears"), parse("status.sanctioned")});
      Tri expected = Tri::pass;
      if (a == Tri::fail || b == Tri::fail)
        expected = Tri::fail;
      else if (a == Tri::unknown || b == Tri::unknown)
        expected = Tri::unknown;
      INFO(sfgrant::tri_name(a) << " and " << sfgrant::tri_name(b));
      CHECK(sfgrant::evaluate_condition(c, p) == expected);
    }
  }
}

TEST_CASE("any passes if any part passes, else is unknown if any part is unknown", "[rule][tri]") {
  for (Tri a : kAll) {
    for (Tri b : kAll) {
      const Profile p = two_facts(a, b);
      const Condition c = combine(Condition::Kind::any, {parse("status.tax_arrears"), parse("status.sanctioned")});
      Tri expected = Tri::fail;
      if (a == Tri::pass || b == Tri::pass)
        expected = Tri::pass;
      else if (a == Tri::unknown || b == Tri::unknown)
        expected = Tri::unknown;
      INFO(sfgrant::tri_name(a) << " or " << sfgrant::tri_name(b));
      CHECK(sfgrant::evaluate_condition(c, p) == expected);
    }
  }
}

TEST_CASE("not swaps pass and fail and keeps unknown", "[rule][tri]") {
  const Condition c = combine(Condition::Kind::negate, {parse("status.tax_arrears")});
  CHECK(sfgrant::evaluate_condition(c, two_facts(Tri::pass, Tri::unknown)) == Tri::fail);
  CHECK(sfgrant::evaluate_condition(c, two_facts(Tri::fail, Tri::unknown)) == Tri::pass);
  CHECK(sfgrant::evaluate_condition(c, two_facts(Tri::unknown, Tri::unknown)) == Tri::unknown);
}

TEST_CASE("nested conditions combine three-valued results", "[rule][tri]") {
  // any: [target > level, exceeded_target, all: [built_by == self, level_certified]]  (정부형 수준향상)
  const Condition c =
      combine(Condition::Kind::any,
              {parse("smart_factory.target_level > smart_factory.level"), parse("smart_factory.exceeded_target"),
               combine(Condition::Kind::all,
                       {parse("smart_factory.built_by == self"), parse("smart_factory.level_certified")})});
  Profile same_level;
  give(same_level, "smart_factory.level", "intermediate1");
  give(same_level, "smart_factory.target_level", "intermediate1");
  give(same_level, "smart_factory.exceeded_target", "false");
  SECTION("unknown while the self-built route is unanswered") {
    CHECK(sfgrant::evaluate_condition(c, same_level) == Tri::unknown);
  }
  SECTION("a self-built, certified factory passes") {
    give(same_level, "smart_factory.built_by", "자체구축");
    give(same_level, "smart_factory.level_certified", "예");
    CHECK(sfgrant::evaluate_condition(c, same_level) == Tri::pass);
  }
  SECTION("a government-built factory at the same level fails, whatever its certificate") {
    give(same_level, "smart_factory.built_by", "government");
    CHECK(sfgrant::evaluate_condition(c, same_level) == Tri::fail);
  }
}

TEST_CASE("a missing fact makes a comparison unknown, never false", "[rule][tri]") {
  Profile empty;
  CHECK(eval("status.tax_arrears == false", empty) == Tri::unknown);
  CHECK(eval("size <= midsize", empty) == Tri::unknown);
  CHECK(eval("region in [서울, 경기]", empty) == Tri::unknown);
  CHECK(eval("region not in [서울, 경기]", empty) == Tri::unknown);
  CHECK(eval("selections has legend50", empty) == Tri::unknown);
  CHECK(eval("selections lacks legend50", empty) == Tri::unknown);
  CHECK(eval("plan.total_cost >= 2억원", empty) == Tri::unknown);
}

TEST_CASE("comparisons decide on the values given", "[rule][eval]") {
  Profile p;
  give(p, "size", "medium");
  give(p, "region", "경기");
  give(p, "city", "파주시");
  give(p, "status.tax_arrears", "false");
  give(p, "plan.total_cost", "4억원");
  give(p, "consortium.members", "5");
  give_list(p, "selections", {"legend50", "root_company"});
  CHECK(eval("size <= midsize", p) == Tri::pass);
  CHECK(eval("size < medium", p) == Tri::fail);
  CHECK(eval("size == 중기업", p) == Tri::pass);
  CHECK(eval("size != medium", p) == Tri::fail);
  CHECK(eval("region in [서울, 경기]", p) == Tri::pass);
  CHECK(eval("region not in [서울, 경기]", p) == Tri::fail);
  CHECK(eval("city == 파주시", p) == Tri::pass);
  CHECK(eval("city in [고양시, 포천시]", p) == Tri::fail);
  CHECK(eval("status.tax_arrears == false", p) == Tri::pass);
  CHECK(eval("status.tax_arrears", p) == Tri::fail);
  CHECK(eval("plan.total_cost >= 4억원", p) == Tri::pass);
  CHECK(eval("plan.total_cost > 4억원", p) == Tri::fail);
  CHECK(eval("consortium.members >= 5", p) == Tri::pass);
  CHECK(eval("consortium.members > 5", p) == Tri::fail);
  CHECK(eval("selections has legend50", p) == Tri::pass);
  CHECK(eval("selections has jump_up", p) == Tri::fail);
  CHECK(eval("selections lacks jump_up", p) == Tri::pass);
}

TEST_CASE("a fact can be compared with another fact", "[rule][eval]") {
  const std::string rule = "smart_factory.target_level > smart_factory.level";
  Profile p;
  give(p, "smart_factory.level", "basic");
  CHECK(eval(rule, p) == Tri::unknown);  // target not given yet
  give(p, "smart_factory.target_level", "intermediate2");
  CHECK(eval(rule, p) == Tri::pass);
  give(p, "smart_factory.target_level", "basic");
  CHECK(eval(rule, p) == Tri::fail);
  CHECK(eval("smart_factory.target_level == smart_factory.level", p) == Tri::pass);
}

TEST_CASE("same-level support is once per level: same_level_used lacks target_level", "[rule][eval]") {
  const std::string rule = "smart_factory.same_level_used lacks smart_factory.target_level";
  Profile p;
  give(p, "smart_factory.target_level", "intermediate1");
  CHECK(eval(rule, p) == Tri::unknown);  // used levels not given
  give_list(p, "smart_factory.same_level_used", {});
  CHECK(eval(rule, p) == Tri::pass);  // an empty list is known: never used
  give_list(p, "smart_factory.same_level_used", {"중간1"});
  CHECK(eval(rule, p) == Tri::fail);
  give(p, "smart_factory.target_level", "intermediate2");
  CHECK(eval(rule, p) == Tri::pass);
  CHECK(eval("smart_factory.same_level_used has smart_factory.target_level", p) == Tri::fail);
  Profile no_target;
  give_list(no_target, "smart_factory.same_level_used", {"basic"});
  CHECK(eval(rule, no_target) == Tri::unknown);
}

TEST_CASE("Korean labels are values as good as the English words", "[rule][eval]") {
  Profile english;
  give(english, "smart_factory.level", "intermediate1");
  Profile korean;
  give(korean, "smart_factory.level", "중간1");
  CHECK(korean.get(sfgrant::fact("smart_factory.level")).number == level("intermediate1"));
  for (const Profile* p : {&english, &korean}) {
    CHECK(eval("smart_factory.level == 중간1", *p) == Tri::pass);
    CHECK(eval("smart_factory.level == intermediate1", *p) == Tri::pass);
    CHECK(eval("smart_factory.level >= 기초", *p) == Tri::pass);
    CHECK(eval("smart_factory.level > 중간1", *p) == Tri::fail);
    CHECK(eval("smart_factory.level in [미적용, 기초]", *p) == Tri::fail);
  }
}

TEST_CASE("the questions to ask name the facts a rule is missing", "[rule][missing]") {
  Profile p;
  give(p, "smart_factory.level", "basic");
  std::vector<const sfgrant::FactDef*> missing;
  sfgrant::missing_facts(parse("smart_factory.target_level > smart_factory.level"), p, missing);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->path == "smart_factory.target_level");
  SECTION("a derived fact is asked about through what it comes from") {
    std::vector<const sfgrant::FactDef*> derived;
    sfgrant::missing_facts(parse("manufacturing"), p, derived);
    REQUIRE(derived.size() == 1);
    CHECK(derived[0]->path == "ksic");
    std::vector<const sfgrant::FactDef*> sme;
    sfgrant::missing_facts(parse("sme"), p, sme);
    REQUIRE(sme.size() == 1);
    CHECK(sme[0]->path == "size");
  }
}
