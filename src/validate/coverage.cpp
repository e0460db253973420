// Checks `validate` runs on top of loading a year: every program has test cases, every cited
// announcement is a file.
#include "sfgrant/validate/coverage.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "sfgrant/load/case_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/text/file.h"

namespace sfgrant {
namespace fs = std::filesystem;

void check_case_coverage(const Catalogue& cat, const std::string& cases_dir, Diagnostics& diags) {
  std::map<std::string, std::set<std::string>> statuses;  // program id → statuses its cases expect
  const std::string year = std::to_string(cat.year);
  for (const std::string& f : case_files(cases_dir)) {
    Diagnostics ignored;  // `sfgrant test` reports the problems of case files
    std::vector<TestCase> cases;
    try {
      cases = load_cases(read_file(f), f, ignored);
    } catch (const Error&) {
      continue;
    }
    for (const TestCase& tc : cases) {
      if (tc.year != cat.year) continue;
      for (const ProgramExpectation& p : tc.expect) {
        std::set<std::string>& seen = statuses[p.id];
        if (p.status) seen.insert(*p.status);
        for (const TrackExpectation& t : p.tracks)
          if (t.status) seen.insert(*t.status);
      }
    }
  }
  const std::string expected_file = (fs::path(cases_dir) / year).string();
  for (const Program& p : cat.programs) {
    const Location where = find_key_line(p.file, "id", p.id, true);
    auto it = statuses.find(p.id);
    if (it == statuses.end()) {
      diags.warning(where,
                    fmt::format("program \"{}\" has no test case: no {} case under {} expects anything of it; "
                                "add {}/{}.yaml with an eligible, an ineligible and a possible case",
                                p.id, year, cases_dir, expected_file, p.id),
                    "no-test-case");
      continue;
    }
    // a possible case shows the program asks its questions: an unknown fact is never assumed
    for (const char* status : {"eligible", "ineligible", "possible"})
      if (it->second.count(status) == 0)
        diags.warning(where,
                      fmt::format("program \"{}\" has no case where it is {}: add one to {}/{}.yaml", p.id, status,
                                  expected_file, p.id),
                      "no-test-case");
  }
}

void check_announcement_files(const Catalogue& cat, const std::string& seeds_dir, Diagnostics& diags) {
  std::vector<std::string> present;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(seeds_dir, ec))
    if (e.is_regular_file()) present.push_back(e.path().filename().string());
  const std::string common = (fs::path(cat.folder) / "common.yaml").string();
  for (const Announcement& a : cat.announcements) {
    if (a.file.empty() || std::find(present.begin(), present.end(), a.file) != present.end()) continue;
    std::string message = fmt::format("announcement \"{}\" is not a file in {}", a.file, seeds_dir);
    if (auto near = closest(a.file, present)) message += fmt::format("; did you mean \"{}\"?", *near);
    diags.error(find_key_line(common, "file", a.file, false), message, "unknown-source");
  }
}

}  // namespace sfgrant
