// `batch --format jsonl --detail summary` as a screening script reads it: per company the statuses,
// amounts, rule ids and missing facts of the full SPEC §7 record, and nothing that record does not say.
// Every expected value is taken from the full output of the same run, never written here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/batch_jsonl.h"
#include "support.h"

using namespace sfgrant;
using json = nlohmann::ordered_json;

namespace {

const Catalogue& catalogue() {
  static const Catalogue cat = load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  return cat;
}

/// The example list (12 companies of every kind and a row that cannot be read) with a kept column,
/// two more rows that cannot be read and one company that gives nothing but its name.
std::string company_list() {
  const std::string examples = testing::slurp(SFGRANT_SOURCE_DIR "/examples/companies.csv");
  const size_t header_end = examples.find('\n');
  REQUIRE(header_end != std::string::npos);
  std::istringstream rows(examples.substr(header_end + 1));
  const std::string header = examples.substr(0, header_end);
  const size_t columns = static_cast<size_t>(std::count(header.begin(), header.end(), ',')) + 1;
  std::string list = "담당자," + examples.substr(0, header_end + 1);
  int i = 0;
  for (std::string row; std::getline(rows, row);) {
    if (row.empty()) continue;
    list += "담당" + std::to_string(i++) + "," + row + "\n";
  }
  list += "박대리,깨진행,,huge" + std::string(columns - 3, ',') + "\n";
  list += "김대리,이름만" + std::string(columns - 1, ',') + "\n";
  list += "최대리,\"따옴표 \"\"q\"\"\",,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";  // wrong column count
  return list;
}

std::string run_jsonl(const std::string& input, JsonlDetail detail, int jobs) {
  BatchOptions options;
  options.evaluate.as_of = Date{2026, 2, 15};
  options.keep.names = {"담당자"};
  options.jobs = jobs;
  options.batch_rows = 3;
  std::istringstream in(input);
  std::ostringstream out;
  const auto format = make_batch_jsonl(out, catalogue(), Lang::ko, false, detail);
  run_batch(catalogue(), in, options, *format, {});
  return out.str();
}

std::vector<json> lines_of(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

std::vector<std::string> keys_of(const json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

/// `sfgrant batch examples/companies.csv --as-of 2026-02-15 ARGS...` with the shipped programs.
testing::Run run_cli(std::vector<std::string> args) {
  testing::Command command;
  command.args = {"batch", "examples/companies.csv", "--programs", "programs", "--as-of", "2026-02-15"};
  command.args.insert(command.args.end(), args.begin(), args.end());
  return testing::run(command);
}

int status_rank(const std::string& s) { return s == "eligible" ? 2 : s == "possible" ? 1 : 0; }

}  // namespace

TEST_CASE("a summary line holds each program's status, window, reasons and splits as the full record has them",
          "[batch][jsonl][summary]") {
  const std::string input = company_list();
  const std::vector<json> full = lines_of(run_jsonl(input, JsonlDetail::full, 1));
  const std::vector<json> summary = lines_of(run_jsonl(input, JsonlDetail::summary, 1));
  REQUIRE(full.size() == 16);
  REQUIRE(summary.size() == full.size());
  size_t companies = 0;
  size_t splits = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    const json& f = full[i];
    const json& s = summary[i];
    INFO("line " << f["line"]);
    CHECK(s["line"] == f["line"]);
    CHECK(s["kept"] == f["kept"]);
    if (f.value("status", "") == "error") {  // a rejected row keeps its error record, byte for byte
      CHECK(s == f);
      continue;
    }
    ++companies;
    CHECK(keys_of(s) == std::vector<std::string>{"line", "kept", "name", "programs"});
    CHECK(s["name"] == f["company"]["name"]);
    REQUIRE(s["programs"].size() == f["programs"].size());
    for (size_t p = 0; p < f["programs"].size(); ++p) {
      const json& fp = f["programs"][p];
      const json& sp = s["programs"][p];
      INFO("program " << fp["id"]);
      CHECK(keys_of(sp) ==
            std::vector<std::string>{"id", "status", "best_track", "window", "reasons", "missing", "tracks"});
      CHECK(sp["id"] == fp["id"]);
      CHECK(sp["status"] == fp["status"]);
      CHECK(sp["window"] == fp["window"]["state"]);
      CHECK(sp["missing"] == fp["missing"]);
      // the same reasons in the same order, by id: no message, no source
      REQUIRE(sp["reasons"].size() == fp["reasons"].size());
      for (size_t r = 0; r < fp["reasons"].size(); ++r) {
        json expected = {{"rule", fp["reasons"][r]["rule"]}, {"result", fp["reasons"][r]["result"]}};
        if (fp["reasons"][r].contains("track")) expected["track"] = fp["reasons"][r]["track"];
        CHECK(sp["reasons"][r] == expected);
      }
      REQUIRE(sp["tracks"].size() == fp["tracks"].size());
      int best_rank = -1;
      for (size_t t = 0; t < fp["tracks"].size(); ++t) {
        const json& ft = fp["tracks"][t];
        const json& st = sp["tracks"][t];
        CHECK(keys_of(st) == std::vector<std::string>{"id", "status", "cap", "split"});
        CHECK(st["id"] == ft["id"]);
        CHECK(st["status"] == ft["status"]);
        CHECK(st["cap"] == ft["cap"]);
        CHECK(st["split"] == ft["split"]);  // basis, government, private, company, large_company, group …
        if (!st["split"].is_null() && st["split"]["government"] > 0) ++splits;
        if (st["id"] == sp["best_track"]) best_rank = status_rank(st["status"]);
      }
      // the best track is one of the program's, and none of its tracks has a better status
      CHECK(best_rank >= 0);
      for (const json& st : sp["tracks"]) CHECK(status_rank(st["status"]) <= best_rank);
    }
  }
  CHECK(companies == 13);
  CHECK(splits > 100);  // the comparison above saw real splits, not only nulls
}

TEST_CASE("a summary line is a small part of the full record", "[batch][jsonl][summary]") {
  const std::string input = company_list();
  const std::string full = run_jsonl(input, JsonlDetail::full, 1);
  const std::string summary = run_jsonl(input, JsonlDetail::summary, 1);
  CHECK(summary.size() * 3 < full.size());
  CHECK(summary.find("\"message\"") == std::string::npos);
  CHECK(summary.find("\"source\"") == std::string::npos);
  CHECK(full.find("\"message\"") != std::string::npos);
}

TEST_CASE("-j 1 and -j 2 write the same summary bytes", "[batch][jsonl][summary][parallel]") {
  std::string input = company_list();
  const std::string rows = input.substr(input.find('\n') + 1);
  for (int i = 0; i < 40; ++i) input += rows;
  const std::string one = run_jsonl(input, JsonlDetail::summary, 1);
  CHECK(std::count(one.begin(), one.end(), '\n') == 16 * 41);
  CHECK(one == run_jsonl(input, JsonlDetail::summary, 2));
}

TEST_CASE("--detail is refused with csv and xlsx, and summary is the jsonl record on the command line",
          "[batch][jsonl][summary][cli]") {
  testing::Run csv = run_cli({"--detail", "summary"});
  CHECK(csv.code == 2);
  CHECK_THAT(csv.err, Catch::Contains("--detail is for jsonl"));
  CHECK(csv.out.empty());
  testing::Run bad = run_cli({"--format", "jsonl", "--detail", "short"});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("short") && Catch::Contains("summary"));
  testing::Run ok = run_cli({"--format", "jsonl", "--detail", "summary"});
  CHECK(ok.code == 1);  // the example list has a row that cannot be read, on line 13
  const std::vector<json> lines = lines_of(ok.out);
  REQUIRE(lines.size() == 13);
  CHECK(keys_of(lines[0]) == std::vector<std::string>{"line", "name", "programs"});
  CHECK(lines[0]["line"] == 2);
  CHECK(lines[11]["status"] == "error");
  CHECK(lines[11]["line"] == 13);
}
