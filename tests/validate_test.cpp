// `sfgrant validate` as an author and a CI pipeline meet it (issue #4): every kind of mistake in
// tests/broken_programs/ is found with its message, its file:line:col and exit status 1; warnings
// (no test case, a far-off date) only fail with --strict; the four mistakes of the issue's "done
// when" are all reported, at the right place, in text, json and github formats.
#include <catch2/catch.hpp>

#include "support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using nlohmann::json;

using sfgrant::testing::Command;
using sfgrant::testing::Run;
using Scratch = sfgrant::testing::TempDir;
const auto read_all = sfgrant::testing::slurp;

/// Runs `sfgrant validate ARGS...` from the source tree, so relative paths read as a user types them.
Run validate(std::vector<std::string> args) {
  args.insert(args.begin(), "validate");
  Command command;
  command.args = std::move(args);
  return sfgrant::testing::run(command);
}

json problems_of(const Run& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  json j;
  REQUIRE_NOTHROW(j = json::parse(r.out));
  return j;
}

/// The 1-based line and column where `needle` starts in `text` (columns count bytes, as yaml-cpp does).
std::pair<int, int> position_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(at - line_start) + 1};
}

std::string place(const std::string& file, int line, int column) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

/// The output line that starts with `prefix`, or nothing.
std::string line_starting(const std::string& out, const std::string& prefix) {
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line;
  return {};
}

const std::string kBroken = "tests/broken_programs/2026/";

/// One broken file: where its one mistake is and what validate must say about it.
struct Mistake {
  const char* file;
  int line;
  int column;
  const char* message;
};

// Each line and column below was read off the file itself (see the comment heading each file).
const Mistake kMistakes[] = {
    {"yaml-syntax", 5, 7,
     "YAML syntax error: end of map flow not found"},  // the unclosed {…} of line 4 runs into line 5
    {"unknown-key", 24, 5, "unknown key \"monts\" in track; did you mean \"months\"?"},
    {"duplicate-key", 25, 5,
     "duplicate key \"cap\" in track (first given at tests/broken_programs/2026/duplicate-key.yaml:24:5)"},
    {"wrong-type", 15, 3, "program wrong-type.rules: expected a list of rules"},
    {"multi-document", 26, 1, "more than one YAML document in the file: expected exactly one"},
    {"bad-amount", 25, 10, "track bad-amount:advanced.cap: invalid amount \"2 million won\""},
    {"bad-ratio", 26, 12, "track bad-ratio:advanced.ratio: invalid ratio \"50\": missing %"},
    {"ratio-over-100", 26, 12, "track ratio-over-100:advanced.ratio: invalid ratio \"150%\": above 100%"},
    {"not-positive", 24, 13, "track not-positive:advanced.months: expected a whole number above 0, found \"0\""},
    {"party-shares", 26, 24, "government 50% and large company at least 60% are more than 100%"},
    {"unknown-fact", 17, 14, "unknown fact \"manufacturng\"; did you mean \"manufacturing\"?"},
    {"unknown-value", 17, 14, "\"midsized\" is not a value of size"},
    {"unknown-rule-set", 14, 10, "unknown rule set \"common-exclusion\"; did you mean \"common-exclusions\"?"},
    {"unknown-source", 18, 13,
     "source \"003_615c5e1e5f9a1b7b.txt §2.1-① 사업개요 (지원 대상)\" does not cite an announcement of 2026; did you "
     "mean \"003_615c5e1e5f9a1b7a.txt\"?"},
    {"missing-source", 16, 5, "rule manufacturer: \"source\" is required"},
    {"missing-language", 5, 7, "program missing-language.name: both ko and en are required"},
    {"duplicate-id-b", 3, 5,
     "duplicate program id \"duplicate-id-a\" in 2026 (also in tests/broken_programs/2026/duplicate-id-a.yaml)"},
    {"duplicate-track-id", 26, 5,
     "duplicate track id \"advanced\" (first at tests/broken_programs/2026/duplicate-track-id.yaml:20:5)"},
    {"level-table-overlap", 33, 11,
     "the pair none → intermediate1 is given twice (first at "
     "tests/broken_programs/2026/level-table-overlap.yaml:29:11)"},
    {"level-table-gap", 29, 9, "no row for basic → intermediate2"},
    {"bad-date", 8, 15,
     "program bad-date.schedule.apply_from: \"2026-13\" is not a date; expected YYYY-MM or YYYY-MM-DD"},
    {"window-backwards", 8, 13, "the window ends (2026-03) before it starts (2026-05)"},
    {"bad-note-kind", 17, 11,
     "program bad-note-kind.notes[1].kind: \"warning\" is not a kind of note; expected background (what the "
     "program is) or caveat (it qualifies an answer)"},
};

}  // namespace

TEST_CASE("validate reports each kind of mistake once, where it is, and exits 1", "[validate]") {
  for (const Mistake& m : kMistakes) {
    DYNAMIC_SECTION(m.file) {
      const std::string file = kBroken + m.file + ".yaml";
      const Run text = validate({file});
      INFO(text.out << text.err);
      CHECK(text.code == 1);
      CHECK_THAT(line_starting(text.out, place(file, m.line, m.column) + ": error: "), Catch::Contains(m.message));
      CHECK_THAT(text.out, Catch::Contains("1 error(s)"));  // one mistake, one message: no cascade

      const json j = problems_of(validate({file, "--format", "json"}));
      REQUIRE(j.at("errors") == 1);
      bool found = false;
      for (const json& p : j.at("problems"))
        if (p.at("severity") == "error") {
          found = true;
          CHECK(p.at("file") == file);
          CHECK(p.at("line") == m.line);
          CHECK(p.at("column") == m.column);
          CHECK_THAT(p.at("message").get<std::string>(), Catch::Contains(m.message));
        }
      CHECK(found);
    }
  }
}

TEST_CASE("the broken files each carry their own mistake", "[validate]") {
  // Validating the whole year finds every mistake of every file, not just the first one.
  const json j = problems_of(validate({"tests/broken_programs/2026", "--format", "json"}));
  CHECK(j.at("errors") == std::size(kMistakes));
  for (const Mistake& m : kMistakes) {
    bool found = false;
    for (const json& p : j.at("problems"))
      found = found || (p.at("file") == kBroken + m.file + ".yaml" && p.at("line") == m.line);
    CHECK(found);
  }
}

TEST_CASE("a year's common.yaml must not list a program that has no file", "[validate]") {
  const Run r = validate({"tests/broken_programs/2027"});
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains("tests/broken_programs/2027/common.yaml:10:11: error: common.yaml lists program "
                                    "\"forgotten\" but there is no forgotten.yaml"));
}

TEST_CASE("--seeds checks that each announcement of the year is a file there", "[validate]") {
  SECTION("a folder without the announcement") {
    const Run r = validate({kBroken + "untested.yaml", "--seeds", "tests/broken_programs"});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("tests/broken_programs/2026/common.yaml:5:11: error: announcement "
                                      "\"003_615c5e1e5f9a1b7a.txt\" is not a file in tests/broken_programs"));
  }
  SECTION("a folder with it") {
    Scratch seeds;
    std::ofstream(seeds.path() + "/003_615c5e1e5f9a1b7a.txt") << "2026년 스마트 제조혁신 지원사업 통합공고\n";
    const Run r = validate({kBroken + "untested.yaml", "--seeds", seeds.path()});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, !Catch::Contains("is not a file"));
  }
}

TEST_CASE("warnings are reported apart from errors and fail only with --strict", "[validate]") {
  const std::string file = kBroken + "far-date.yaml";
  const Run plain = validate({file});
  INFO(plain.out);
  CHECK(plain.code == 0);
  CHECK_THAT(plain.out, Catch::Contains(file + ":8:13: warning: program far-date.schedule.apply_to: 2062-03 is more "
                                               "than a year away from the program year 2026"));
  CHECK_THAT(plain.out, Catch::Contains("0 error(s), 1 warning(s)"));
  CHECK(validate({file, "--strict"}).code == 1);

  SECTION("github annotations say warning, or error under --strict") {
    CHECK_THAT(validate({file, "--format", "github"}).out,
               Catch::StartsWith("::warning file=" + file + ",line=8,col=13::"));
    CHECK_THAT(validate({file, "--format", "github", "--strict"}).out,
               Catch::StartsWith("::error file=" + file + ",line=8,col=13::"));
  }
}

TEST_CASE("a program without test cases is a warning when validate finds the cases", "[validate]") {
  const std::string cases = "tests/broken_programs/cases";
  SECTION("no case at all") {
    const std::string file = kBroken + "untested.yaml";
    const Run r = validate({file, "--cases", cases, "--strict"});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains(file + ":3:5: warning: program \"untested\" has no test case"));
    CHECK(validate({file, "--cases", cases}).code == 0);
    // next to tests/broken_programs there is no tests/cases: nothing to compare with, no warning
    CHECK(validate({file, "--strict"}).code == 0);
  }
  SECTION("cases that never show it ineligible") {
    const std::string file = kBroken + "half-tested.yaml";
    const Run r = validate({file, "--cases", cases});
    INFO(r.out);
    CHECK_THAT(r.out, Catch::Contains("warning: program \"half-tested\" has no case where it is ineligible"));
    CHECK_THAT(r.out, Catch::Contains("warning: program \"half-tested\" has no case where it is possible"));
    CHECK_THAT(r.out, !Catch::Contains("where it is eligible"));
  }
  SECTION("the shipped programs: found through tests/cases beside programs/, every one covered") {
    Scratch tree;
    const std::string copy = "cp -r '" SFGRANT_SOURCE_DIR "/programs' '" + tree.path() + "/programs' && mkdir -p '" +
                             tree.path() + "/tests' && cp -r '" SFGRANT_SOURCE_DIR "/tests/cases' '" + tree.path() +
                             "/tests/cases'";
    REQUIRE(std::system(copy.c_str()) == 0);
    CHECK(validate({tree.path() + "/programs", "--strict"}).code == 0);
    REQUIRE(std::remove((tree.path() + "/tests/cases/2026/robot.yaml").c_str()) == 0);
    const Run r = validate({tree.path() + "/programs", "--strict"});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("/programs/2026/robot.yaml:") &&
                          Catch::Contains("warning: program \"robot\" has no test case"));
  }
}

TEST_CASE("validate refuses bad usage with exit 2", "[validate]") {
  CHECK(validate({"tests/broken_programs/no-such-year"}).code == 2);
  CHECK(validate({"programs", "--cases", "no/such/folder"}).code == 2);
  CHECK(validate({"programs", "--format", "xml"}).code == 2);
}

TEST_CASE("the issue's four mistakes in a copy of the 2026 data, in every format", "[validate]") {
  // A copy of the shipped data with one ratio at 150%, a misspelt key, a duplicated key and a rule
  // citing an announcement that does not exist. The expected places are computed from the edits.
  Scratch tree;
  const std::string copy = "cp -r '" SFGRANT_SOURCE_DIR "/programs' '" + tree.path() + "/programs'";
  REQUIRE(std::system(copy.c_str()) == 0);
  const std::string year = tree.path() + "/programs/2026/";
  struct Edit {
    std::string file;
    std::string before;
    std::string after;
    std::string at;  ///< text the problem points at (its first occurrence after the edit)
    std::string message;
  };
  const std::vector<Edit> edits = {
      {"government.yaml", "    ratio: 50%\n", "    ratio: 150%\n", "150%", "invalid ratio \"150%\": above 100%"},
      {"legend50.yaml", "    months: 9\n", "    monhts: 9\n", "monhts",
       "unknown key \"monhts\" in track; did you mean \"months\"?"},
      {"win-win.yaml", "    company_max: 40%\n", "    company_max: 40%\n    company_max: 40%\n",
       "company_max: 40%\n    company_max", "duplicate key \"company_max\" in track (first given at "},
      {"robot.yaml", "\"003_615c5e1e5f9a1b7a.txt §2.2-① 사업개요 (지원대상: ",
       "\"009_0000000000000000.txt §2.2-① 사업개요 (지원대상: ", "\"009_0000000000000000.txt",
       "source \"009_0000000000000000.txt §2.2-① 사업개요 (지원대상: 도입기업이 공급기업과 컨소시엄을 구성)\" does not "
       "cite an announcement of 2026"},
  };
  struct Place {
    std::string file;
    int line;
    int column;
    std::string message;
  };
  std::vector<Place> places;
  for (const Edit& e : edits) {
    std::string text = read_all(year + e.file);
    const size_t at = text.find(e.before);
    REQUIRE(at != std::string::npos);
    text.replace(at, e.before.size(), e.after);
    std::ofstream(year + e.file, std::ios::binary | std::ios::trunc) << text;
    auto [line, column] = position_of(text, e.at);
    if (e.file == "win-win.yaml") {  // the second company_max, at the start of its line
      line += 1;
      column = 5;
    }
    places.push_back({year + e.file, line, column, e.message});
  }

  SECTION("text") {
    const Run r = validate({tree.path() + "/programs"});
    INFO(r.out);
    CHECK(r.code == 1);
    for (const Place& p : places)
      CHECK_THAT(line_starting(r.out, place(p.file, p.line, p.column) + ": error: "), Catch::Contains(p.message));
    CHECK_THAT(r.out, Catch::Contains("4 error(s), 0 warning(s)"));
  }
  SECTION("json") {
    const Run r = validate({tree.path() + "/programs", "--format", "json"});
    CHECK(r.code == 1);
    const json j = problems_of(r);
    CHECK(j.at("errors") == 4);
    for (const Place& p : places) {
      bool found = false;
      for (const json& d : j.at("problems"))
        found = found || (d.at("file") == p.file && d.at("line") == p.line && d.at("column") == p.column &&
                          d.at("severity") == "error" &&
                          d.at("message").get<std::string>().find(p.message) != std::string::npos);
      CHECK(found);
    }
  }
  SECTION("github") {
    const Run r = validate({tree.path() + "/programs", "--format", "github"});
    INFO(r.out);
    CHECK(r.code == 1);
    for (const Place& p : places) {
      std::string escaped = p.message;  // workflow commands escape % as %25
      for (size_t i = 0; (i = escaped.find('%', i)) != std::string::npos; i += 3) escaped.replace(i, 1, "%25");
      CHECK_THAT(line_starting(r.out, "::error file=" + p.file + ",line=" + std::to_string(p.line) +
                                          ",col=" + std::to_string(p.column) + "::"),
                 Catch::Contains(escaped));
    }
  }
}

TEST_CASE("validate checks the rubrics beside the programs (issue #8)", "[validate][score]") {
  // A copy of the shipped data where one item of the 대전 AS sheet is worth 16 instead of 15: its
  // section (AS 지원 적정성, 40) no longer adds up, and validate says so at the section's points.
  Scratch tree;
  const std::string copy = "cp -r '" SFGRANT_SOURCE_DIR "/programs' '" + tree.path() + "/programs'";
  REQUIRE(std::system(copy.c_str()) == 0);
  const std::string rubric = tree.path() + "/programs/2024/rubrics/daejeon-as.yaml";
  std::string text = read_all(rubric);
  const std::string before = "            max: 15\n            points: [15, 12, 9, 6, 3]\n";
  const size_t at = text.find(before);
  REQUIRE(at != std::string::npos);
  text.replace(at, before.size(), "            max: 16\n            points: [16, 12, 9, 6, 3]\n");
  std::ofstream(rubric, std::ios::binary | std::ios::trunc) << text;
  const int line = position_of(text, "points: 40").first;

  SECTION("the programs folder") {
    const Run r = validate({tree.path() + "/programs"});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("its items add up to 41 points but the section is worth 40"));
    CHECK_THAT(r.out, Catch::Contains("1 error(s)"));
  }
  SECTION("the rubric file alone, at its line") {
    const Run r = validate({rubric});
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    CHECK_THAT(line_starting(r.out, rubric + ":" + std::to_string(line) + ":"),
               Catch::Contains("its items add up to 41 points but the section is worth 40"));
  }
  SECTION("the shipped rubrics are clean") {
    const Run r = validate({"programs/2021/rubrics/lighthouse.yaml", "programs/2024/rubrics/daejeon-as.yaml",
                            "programs/2026/rubrics/supplier-diagnosis.yaml"});
    INFO(r.out << r.err);
    CHECK(r.code == 0);
  }
}

TEST_CASE("test --format github on the broken gallery: an annotation per mistake and per case",
          "[validate][test-cmd]") {
  // tests/broken_programs/2026 does not load: each of its mistakes is an annotation at its place,
  // once, and the one case of tests/broken_programs/cases did not run (issue #18 item 4).
  Command command;
  command.args = {"test", "tests/broken_programs/cases", "--programs", "tests/broken_programs", "--format", "github"};
  const Run r = sfgrant::testing::run(command);
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == std::size(kMistakes) + 2);  // + the case, + the count
  for (const Mistake& m : kMistakes)
    CHECK(line_starting(r.out, "::error file=" + kBroken + m.file + ".yaml,line=" + std::to_string(m.line) +
                                   ",col=" + std::to_string(m.column) + "::") != "");
  CHECK_THAT(lines[lines.size() - 2],
             Catch::StartsWith("::error file=tests/broken_programs/cases/2026/half-tested.yaml,line=5,col=5::case "
                               "\"half-tested — a manufacturer is eligible\" did not run"));
  CHECK(lines.back() == "0 passed, 1 failed, " + std::to_string(std::size(kMistakes)) + " errors");
}
