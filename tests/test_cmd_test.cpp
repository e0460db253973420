// `sfgrant test` for CI (issue #18 item 4): against a broken catalogue the load errors come once, first,
// each with its place (standard error in text); then the cases; the last line counts them. --format
// github gives one annotation per load error and per failed case, --format json the same as data.
// And a --year with no data names the years there are.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sfgrant::testing::Command;
using sfgrant::testing::Run;
using sfgrant::testing::slurp;
using sfgrant::testing::TempDir;

Run sfgrant_run(std::vector<std::string> args) {
  Command command;
  command.args = std::move(args);
  return sfgrant::testing::run(command);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The cases in the YAML case files of a folder: each starts with `- name:`.
size_t cases_in(const std::string& dir) {
  static const std::regex name(R"(^\s*- name:)");
  size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    for (const std::string& line : lines_of(slurp(entry.path().string()))) n += std::regex_search(line, name) ? 1U : 0U;
  return n;
}

/// A copy of the shipped programs with two mistakes in 2026, at places computed from the edits:
/// a misspelt key in government.yaml and an amount that is not one in robot.yaml.
struct BrokenCatalogue {
  TempDir dir;
  std::string programs = sfgrant::testing::copy_programs(dir);
  std::vector<std::string> places;  ///< "file:line:col" of each mistake

  BrokenCatalogue() {
    break_file("government.yaml", "    months: ", "    monts: ");
    break_file("robot.yaml", "    cap: ", "    cap: 2 million won #");
  }
  void break_file(const std::string& name, const std::string& before, const std::string& after) {
    const std::string path = programs + "/2026/" + name;
    const size_t at = sfgrant::testing::replace_once(path, before, after);
    const std::string text = slurp(path);
    const auto line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1;
    const size_t column = name == "government.yaml" ? 5 : after.find('2') + 1;  // the key; the amount
    places.push_back(path + ":" + std::to_string(line) + ":" + std::to_string(column));
  }
};

}  // namespace

TEST_CASE("test --format github: one annotation per load error and per failed case", "[test-cmd]") {
  BrokenCatalogue broken;
  const std::string cases = SFGRANT_SOURCE_DIR "/tests/cases";
  const size_t cases_2026 = cases_in(cases + "/2026");
  const size_t all_cases = cases_in(cases);
  REQUIRE(cases_2026 > 50);
  REQUIRE(all_cases > cases_2026);

  const Run r = sfgrant_run({"test", cases, "--programs", broken.programs, "--format", "github"});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  size_t load_errors = 0;
  size_t case_errors = 0;
  for (const std::string& line : lines_of(r.out)) {
    if (line.rfind("::error file=" + broken.programs, 0) == 0) ++load_errors;
    if (line.rfind("::error file=" + cases + "/2026/", 0) == 0) ++case_errors;
    CHECK(line.rfind("::error file=" + cases + "/2026/", 0) == line.rfind("::error file=" + cases + "/", 0));
  }
  CHECK(load_errors == broken.places.size());
  CHECK(case_errors == cases_2026);  // the 2026 cases did not run; the other years' passed
  for (const std::string& p : broken.places) {
    const auto colon = p.rfind(':');
    const auto line_colon = p.rfind(':', colon - 1);
    CHECK_THAT(r.out, Catch::Contains("::error file=" + p.substr(0, line_colon) +
                                      ",line=" + p.substr(line_colon + 1, colon - line_colon - 1) +
                                      ",col=" + p.substr(colon + 1) + "::"));
  }
  // the load errors come first, the count last
  CHECK(lines_of(r.out).front().rfind("::error file=" + broken.programs, 0) == 0);
  CHECK(lines_of(r.out).back() ==
        std::to_string(all_cases - cases_2026) + " passed, " + std::to_string(cases_2026) + " failed, 2 errors");
  CHECK(r.err.empty());
}

TEST_CASE("test in text: the load errors once, first, on standard error; the count last", "[test-cmd]") {
  BrokenCatalogue broken;
  const std::string cases = SFGRANT_SOURCE_DIR "/tests/cases";
  const size_t cases_2026 = cases_in(cases + "/2026");
  const Run r = sfgrant_run({"test", cases, "--programs", broken.programs});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  for (const std::string& p : broken.places) CHECK_THAT(r.err, Catch::Contains(p + ": error: "));
  CHECK_THAT(r.err, Catch::StartsWith(broken.places.front() + ": error: unknown key \"monts\" in track"));
  // one line for the cases that could not run, not one per case
  CHECK(lines_of(r.out) ==
        std::vector<std::string>{"FAIL " + std::to_string(cases_2026) +
                                     " cases of 2026: not run, the 2026 program data does not load (its errors come "
                                     "first)",
                                 std::to_string(cases_in(cases) - cases_2026) + " passed, " +
                                     std::to_string(cases_2026) + " failed, 2 errors"});
}

TEST_CASE("test --format json: counts, problems and every case with its result", "[test-cmd]") {
  BrokenCatalogue broken;
  const std::string cases = SFGRANT_SOURCE_DIR "/tests/cases";
  const size_t cases_2026 = cases_in(cases + "/2026");
  const Run r = sfgrant_run({"test", cases, "--programs", broken.programs, "--format", "json"});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  json j;
  REQUIRE_NOTHROW(j = json::parse(r.out));
  CHECK(j.at("passed") == cases_in(cases) - cases_2026);
  CHECK(j.at("failed") == cases_2026);
  CHECK(j.at("errors") == 2);
  REQUIRE(j.at("problems").size() == 2);
  for (size_t k = 0; k < 2; ++k) {
    const json& p = j.at("problems")[k];
    CHECK(p.at("file").get<std::string>() + ":" + std::to_string(p.at("line").get<int>()) + ":" +
              std::to_string(p.at("column").get<int>()) ==
          broken.places[k]);
    CHECK(p.at("severity") == "error");
  }
  size_t not_run = 0;
  for (const json& c : j.at("cases")) {
    const bool of_2026 = c.at("file").get<std::string>().rfind(cases + "/2026/", 0) == 0;
    CHECK(c.at("result") == (of_2026 ? "not-run" : "pass"));
    not_run += c.at("result") == "not-run" ? 1U : 0U;
    if (of_2026) CHECK(c.at("program_year") == 2026);
  }
  CHECK(not_run == cases_2026);
  CHECK(j.at("cases").size() == cases_in(cases));
}

TEST_CASE("test: a failing case is an annotation at the case with its differences", "[test-cmd]") {
  TempDir dir;
  const std::string file = dir.write("wrong.yaml", R"(cases:
  - name: wrong on purpose
    year: 2026
    as_of: 2026-02-15
    profile: {name: 시험, size: large}
    expect:
      government: {status: eligible}
)");
  const Run r = sfgrant_run({"test", file, "--format", "github"});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  CHECK(lines_of(r.out).size() == 2);
  CHECK_THAT(lines_of(r.out).front(), Catch::StartsWith("::error file=" + file +
                                                        ",line=2,col=5::case \"wrong on "
                                                        "purpose\" failed%0Agovernment.status: expected eligible, "
                                                        "got ineligible"));
  CHECK(lines_of(r.out).back() == "0 passed, 1 failed");
}

TEST_CASE("--year with no data names the years there are", "[test-cmd][year]") {
  std::vector<std::string> years;
  for (const auto& entry : fs::directory_iterator(SFGRANT_SOURCE_DIR "/programs"))
    if (entry.is_directory()) years.push_back(entry.path().filename().string());
  std::sort(years.begin(), years.end());
  std::string listed;
  for (const std::string& y : years) listed += (listed.empty() ? "" : ", ") + y;
  REQUIRE(std::find(years.begin(), years.end(), "2025") == years.end());

  for (const std::vector<std::string>& args : {std::vector<std::string>{"check", "examples/small-mould-maker.yaml"},
                                               {"programs", "list"},
                                               {"split", "government:advanced", "--cost", "4억원"},
                                               {"score", "lighthouse", "--template"}}) {
    std::vector<std::string> with_year = args;
    with_year.insert(with_year.end(), {"--programs", "programs", "--year", "2025"});
    const Run r = sfgrant_run(with_year);
    INFO(args.front() << ": " << r.out << r.err);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--year 2025: no program data for 2025 here; the years there are " + listed));
    CHECK_THAT(r.err, !Catch::Contains("run `sfgrant validate`"));
  }
}
