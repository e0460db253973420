// Program data a hostile or careless author could blow up: rule sets used many times count toward
// the node limit as they expand, and validate lists at most 100 problems a file, counting the rest.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/render/diagnostics.h"
#include "support.h"

using namespace sfgrant;
namespace fs = std::filesystem;

namespace {

const std::string kBad = std::string(SFGRANT_SOURCE_DIR) + "/tests/bad_inputs/programs";

/// A year folder whose common.yaml has a rule set of `rules` rules, and a program using it `uses` times.
std::string blown_up_year(const sfgrant::testing::TempDir& dir, int rules, int uses) {
  fs::create_directories(dir.path() + "/programs/2026");
  fs::copy_file(kBad + "/industries.yaml", dir.path() + "/programs/industries.yaml");
  std::string common = sfgrant::testing::slurp(kBad + "/2026/common.yaml");
  std::string set = "rule_sets:\n  big:\n";
  for (int i = 0; i < rules; ++i)
    set += "    - id: r" + std::to_string(i) +
           "\n      require: {all: [size <= midsize, status.tax_arrears == false]}\n"
           "      message: {ko: 규칙, en: rule}\n"
           "      source: \"003_615c5e1e5f9a1b7a.txt §1 사업 신청 자격\"\n";
  common.replace(common.find("rule_sets:\n"), 11, set);
  dir.write("programs/2026/common.yaml", common);
  std::string base = sfgrant::testing::slurp(kBad + "/2026/base.yaml");
  base = base.substr(base.find("id: base"));
  base.replace(0, 8, "id: big");
  std::string many;
  for (int i = 0; i < uses; ++i) many += "  - use: big\n";
  base.replace(base.find("  - use: common-exclusions\n"), 27, many);
  return dir.write("programs/2026/big.yaml", base);
}

}  // namespace

TEST_CASE("2,000 rules used 400 times are refused at the node limit, quickly, with one error", "[validate][limits]") {
  sfgrant::testing::TempDir dir;
  const std::string file = blown_up_year(dir, 2000, 400);
  sfgrant::testing::Command c;
  c.args = {"validate", file};
  c.timeout_seconds = 60;
  const auto started = std::chrono::steady_clock::now();
  const sfgrant::testing::Run r = sfgrant::testing::run(c);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO(r.out.substr(0, 3000) << r.err.substr(0, 2000));
  CHECK(r.code == 1);
  CHECK(seconds < 20);  // 55 s and 1.3 GB before; well under 2 s on a quiet machine
  // 4 nodes a rule (the rule, its `all` and two comparisons): 8,000 a use, over 200,000 at the 26th
  CHECK(r.out.find(": error: rule sets expand to more than 200000 rule nodes (limit 200000") != std::string::npos);
  CHECK(r.out.size() < 200000);  // at most 100 problems a file are listed
}

TEST_CASE("a few uses of a rule set are fine", "[validate][limits]") {
  sfgrant::testing::TempDir dir;
  const std::string file = blown_up_year(dir, 20, 1);
  sfgrant::testing::Command c;
  c.args = {"validate", file};
  const sfgrant::testing::Run r = sfgrant::testing::run(c);
  INFO(r.out << r.err);
  CHECK(r.out.find("rule sets expand") == std::string::npos);
}

TEST_CASE("past 100 problems in a file, the rest are counted, not listed", "[validate][limits]") {
  Diagnostics d;
  for (int i = 0; i < 1000; ++i) d.error(Location{"a.yaml", i + 1, 1}, "bad");
  d.warning(Location{"a.yaml", 2000, 1}, "odd");
  d.error(Location{"b.yaml", 1, 1}, "bad");
  CHECK(d.items().size() == kMaxProblemsPerFile + 1);
  CHECK(d.error_count() == 1001);
  CHECK(d.warning_count() == 1);
  std::ostringstream out;
  render_diagnostics(d, false, DiagnosticFormat::text, out);
  CHECK(out.str().find("… and 900 more errors and 1 more warning in a.yaml (only the first 100 problems of a file "
                       "are listed)\n1001 error(s), 1 warning(s)\n") != std::string::npos);
  CHECK(out.str().find("b.yaml:1:1: error: bad") != std::string::npos);
}
