// A new year `validate` can trust (issue #18 item 3): a year folder copied from the last one fails on
// every citation, each at its own place, until each is checked against the new announcement; an old
// announcement kept on purpose says so (`reused_in`, `reason`); "year 2026 in a folder named 2027"
// points at the `year:` line. The expected counts and places are read off the files with a regular
// expression, not through the loader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/announcement_year.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sfgrant::testing::Command;
using sfgrant::testing::copy_programs;
using sfgrant::testing::replace_once;
using sfgrant::testing::Run;
using sfgrant::testing::slurp;
using sfgrant::testing::TempDir;

Run validate(std::vector<std::string> args) {
  args.insert(args.begin(), "validate");
  Command command;
  command.args = std::move(args);
  return sfgrant::testing::run(command);
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

using Place = std::tuple<std::string, int, int>;  // file, line, column

/// Every `source:` whose value names a seed file (NNN_<16 hex>.txt), in every YAML file under `dir`:
/// the place of its value (the opening quote when quoted), as yaml-cpp marks it.
std::set<Place> citations_in(const std::string& dir) {
  static const std::regex source(R"re(source:\s*("?)\d{3}_[0-9a-f]{16}\.txt)re");
  std::set<Place> places;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      for (auto m = std::sregex_iterator(line.begin(), line.end(), source); m != std::sregex_iterator(); ++m) {
        const size_t value =
            static_cast<size_t>(m->position(0)) + m->str(0).find_first_not_of(' ', 7);  // after "source:"
        places.emplace(entry.path().string(), n, static_cast<int>(value) + 1);
      }
  }
  return places;
}

/// "line:col" (1-based, bytes) where `needle` first starts in `text`.
std::string position_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  const size_t line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  const auto line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1;
  return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

std::string place_of(const json& p) {
  return p.at("file").get<std::string>() + ":" + std::to_string(p.at("line").get<int>()) + ":" +
         std::to_string(p.at("column").get<int>());
}

Place place_tuple(const json& p) {
  return {p.at("file").get<std::string>(), p.at("line").get<int>(), p.at("column").get<int>()};
}

json parse(const Run& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  json j;
  REQUIRE_NOTHROW(j = json::parse(r.out));
  return j;
}

}  // namespace

TEST_CASE("a 2026 folder copied as 2027 fails on every citation, each at its own place", "[validate][new-year]") {
  TempDir dir;
  const std::string programs = copy_programs(dir);
  fs::rename(programs + "/2026", programs + "/2027");
  const std::string year = programs + "/2027";
  replace_once(year + "/common.yaml", "\nyear: 2026\n", "\nyear: 2027\n");  // what a maintainer would change

  const std::set<Place> citations = citations_in(year);
  REQUIRE(citations.size() > 100);  // the 2026 data cites its announcement a few hundred times

  const Run r = validate({year, "--format", "json"});
  CHECK(r.code == 1);
  const json j = parse(r);
  CHECK(j.at("errors") == citations.size());
  CHECK_FALSE(j.contains("omitted"));  // every error is listed, so each place can be compared
  std::set<Place> errors;
  for (const json& p : j.at("problems"))
    if (p.at("severity") == "error") {
      CHECK(p.at("code") == "not-of-year");
      errors.insert(place_tuple(p));
    }
  CHECK(errors == citations);

  const std::string common = slurp(year + "/common.yaml");
  const std::string issued = year + "/common.yaml:" + position_of(common, "2025-10-31");
  const std::string reused = year + "/common.yaml:" + position_of(common, "2026\n    reason:");
  SECTION("the message says which announcement, why, and where it is listed") {
    const Run text = validate({year + "/government.yaml"});
    CHECK_THAT(text.out, Catch::Contains("cites 003_615c5e1e5f9a1b7a.txt, issued 2025-10-31, before 2027's "
                                         "announcements (issued from 2026-07-01) (" +
                                         issued + "): check the clause against 2027's announcement and cite that"));
  }
  SECTION("each listed announcement is a warning at its entry: --strict fails even with nothing citing it") {
    std::vector<std::string> warnings;
    for (const json& p : j.at("problems"))
      if (p.at("severity") == "warning" && p.at("code") == "not-of-year") warnings.push_back(place_of(p));
    // 003 (issued 2025-10-31) at its `issued:` date; the 2021 annex at its `reused_in: 2026`
    CHECK(warnings == std::vector<std::string>{issued, reused});
  }
}

TEST_CASE("year 2026 in a folder named 2027 points at the year: line", "[validate][new-year]") {
  TempDir dir;
  const std::string programs = copy_programs(dir);
  fs::rename(programs + "/2026", programs + "/2027");
  const std::string common = programs + "/2027/common.yaml";
  // the line of `year: 2026`, read off the file
  const std::string year_value = position_of(slurp(common), "2026\nannouncements:");
  const Run r = validate({programs + "/2027"});
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::Contains(common + ":" + year_value + ": error: year 2026 in a folder named 2027"));
  CHECK_THAT(r.out, !Catch::Contains(common + ":1:1:"));
}

TEST_CASE("an older announcement kept on purpose says reused_in and why", "[validate][new-year]") {
  TempDir dir;
  const std::string programs = copy_programs(dir);
  const std::string common = programs + "/2023/common.yaml";
  const std::string reuse = "    reused_in: 2023\n";
  REQUIRE(slurp(common).find(reuse) != std::string::npos);

  SECTION("the shipped data passes as it is") { CHECK(validate({programs, "--strict"}).code == 0); }
  SECTION("without reused_in, the one 2023 source that cites the 2021 annex after a slash fails") {
    replace_once(common, reuse, "");
    std::string text = slurp(common);
    const size_t reason = text.find("    reason: ");
    text.erase(reason, text.find('\n', reason) + 1 - reason);
    write(common, text);
    const std::set<Place> cites_annex = [&] {
      std::set<Place> out;
      for (const Place& p : citations_in(programs + "/2023")) {
        std::ifstream in(std::get<0>(p));
        std::string line;
        for (int n = 1; n <= std::get<1>(p); ++n) std::getline(in, line);
        if (line.find("001_c16ef58a78636ca9.txt") != std::string::npos) out.insert(p);
      }
      return out;
    }();
    REQUIRE(cites_annex.size() == 1);  // carbon-neutral.yaml: "000_… §2 ②-2 지원대상 각주 / 001_… 붙임1 뿌리업종"
    const json j = parse(validate({programs + "/2023", "--format", "json"}));
    CHECK(j.at("errors") == 1);
    for (const json& p : j.at("problems"))
      if (p.at("severity") == "error") CHECK(place_tuple(p) == *cites_annex.begin());
  }
  SECTION("reused_in needs a reason") {
    std::string text = slurp(common);
    const size_t reason = text.find("    reason: ");
    text.erase(reason, text.find('\n', reason) + 1 - reason);
    write(common, text);
    const Run r = validate({common});
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("error: announcement.reused_in: \"reason\" is required (why the year still "
                                      "relies on this announcement)"));
  }
}

TEST_CASE("common.yaml: every announcement has an issued date, a reuse both fields", "[validate][new-year]") {
  auto load = [](const std::string& text) {
    sfgrant::Diagnostics diags;
    sfgrant::load_common(text, "input", diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.where.str() + ": " + d.message);
    return out;
  };
  const std::string head = "year: 2027\nannouncements:\n  - file: 003_x.txt\n";
  CHECK(load(head) == std::vector<std::string>{"input:3:5: announcement: \"issued\" is required"});
  CHECK(load(head + "    issued: 2026-10-30\n").empty());
  CHECK(load(head + "    issued: 2026-10-30\n    reason: a reason\n") ==
        std::vector<std::string>{"input:5:13: announcement.reason: explains a reuse, but there is no \"reused_in\" "
                                 "(the year it was checked for)"});
  CHECK(load(head + "    issued: 2028-01-02\n") ==
        std::vector<std::string>{"input:4:13: announcement \"003_x.txt\" is not of 2027: issued 2028-01-02, after "
                                 "2027; every source citing it is an error until it is checked against 2027's "
                                 "announcement"});
}

TEST_CASE("an announcement of year Y is issued from (Y-1)-07-01 to Y-12-31", "[validate][new-year]") {
  using sfgrant::AnnouncementFit;
  auto fit = [](const std::string& issued, std::optional<int> reused_in = std::nullopt) {
    sfgrant::Announcement a;
    a.file = "x.txt";
    a.issued = issued;
    a.reused_in = reused_in;
    return sfgrant::announcement_fit(a, 2026);
  };
  CHECK(fit("2025-06-30") == AnnouncementFit::too_early);
  CHECK(fit("2025-07-01") == AnnouncementFit::of_year);
  CHECK(fit("2025-10-31") == AnnouncementFit::of_year);  // the 2026 통합공고
  CHECK(fit("2026-12-31") == AnnouncementFit::of_year);
  CHECK(fit("2027-01-01") == AnnouncementFit::too_late);
  CHECK(fit("2025-06") == AnnouncementFit::too_early);  // a month counts as its last day at the start...
  CHECK(fit("2025-07") == AnnouncementFit::of_year);
  CHECK(fit("2027-01") == AnnouncementFit::too_late);  // ...and as its first day at the end
  CHECK(fit("") == AnnouncementFit::undated);
  CHECK(fit("2021-01-07", 2026) == AnnouncementFit::of_year);  // the 2021 annex, re-checked for 2026
  CHECK(fit("2021-01-07", 2025) == AnnouncementFit::reused_for_other_year);
  CHECK(fit("2027-03-01", 2026) == AnnouncementFit::too_late);  // reuse cannot reach into the future
}
