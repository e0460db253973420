// The start-up cache (issue #20 item 3, README "Start-up cache"): a snapshot gives back the same
// catalogue as the YAML, for every shipped year, as every output shows it; it is never served stale
// (an amount changed in a copied folder shows in `check`); a corrupt, truncated, foreign or other
// key's snapshot is refused and replaced; --no-cache reads the YAML and keeps nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/catalogue_cache.h"
#include "sfgrant/load/catalogue_snapshot.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/catalogue.h"
#include "sfgrant/render/check.h"
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

const std::string kPrograms = std::string(SFGRANT_SOURCE_DIR) + "/programs";

/// Everything a user can see of a catalogue: `programs list` and `programs show` of every program
/// (table and JSON, both languages), and `check` of every example profile (JSON and table).
std::string everything_shown(const sfgrant::Catalogue& cat) {
  std::ostringstream out;
  const sfgrant::Date as_of{cat.year, 2, 15};
  for (const sfgrant::Lang lang : {sfgrant::Lang::ko, sfgrant::Lang::en}) {
    sfgrant::RenderOptions ro;
    ro.lang = lang;
    for (const sfgrant::Format format : {sfgrant::Format::table, sfgrant::Format::json}) {
      sfgrant::render_catalogue(cat, as_of, ro, format, out);
      for (const sfgrant::Program& p : cat.programs) sfgrant::render_program(p, cat, as_of, ro, format, out);
    }
  }
  for (const auto& entry : fs::directory_iterator(std::string(SFGRANT_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    sfgrant::Profile profile = sfgrant::load_profile(slurp(entry.path().string()), entry.path().string());
    sfgrant::derive_facts(profile, cat.industries);
    const sfgrant::Evaluation ev = sfgrant::evaluate(cat, profile, sfgrant::EvaluateOptions{as_of, {}, true});
    for (const sfgrant::Format format : {sfgrant::Format::json, sfgrant::Format::table})
      sfgrant::render_check(sfgrant::CheckReport{ev, profile}, sfgrant::RenderOptions{}, format, out);
  }
  return out.str();
}

sfgrant::Catalogue load(const std::string& programs, int year) {
  sfgrant::Diagnostics diags;
  sfgrant::Catalogue cat = sfgrant::load_year(programs, year, diags);
  REQUIRE_FALSE(diags.has_errors());
  return cat;
}

}  // namespace

TEST_CASE("a snapshot gives back every shipped year as every output shows it", "[cache]") {
  for (const int year : sfgrant::available_years(kPrograms)) {
    CAPTURE(year);
    const sfgrant::Catalogue yaml = load(kPrograms, year);
    const std::string bytes = sfgrant::snapshot_bytes(yaml, "key");
    const auto back = sfgrant::catalogue_from_snapshot(bytes, "key");
    REQUIRE(back.has_value());
    CHECK(back->programs.size() == yaml.programs.size());
    const std::string shown = everything_shown(yaml);
    CHECK(shown.size() > 100000);  // every program and example, so a lost field has somewhere to show
    CHECK(everything_shown(*back) == shown);
    CHECK(sfgrant::snapshot_bytes(*back, "key") == bytes);
  }
}

TEST_CASE("a snapshot that is not whole, or not this key's or this format's, is refused", "[cache]") {
  const sfgrant::Catalogue cat = load(kPrograms, 2026);
  const std::string bytes = sfgrant::snapshot_bytes(cat, "key");
  REQUIRE(sfgrant::catalogue_from_snapshot(bytes, "key").has_value());
  CHECK_FALSE(sfgrant::catalogue_from_snapshot(bytes, "another key").has_value());
  CHECK_FALSE(sfgrant::catalogue_from_snapshot("", "key").has_value());
  CHECK_FALSE(sfgrant::catalogue_from_snapshot(bytes + "x", "key").has_value());
  size_t refused = 0, tried = 0;
  for (size_t at = 0; at < bytes.size(); at += 997) {  // every cut and every flipped byte, a prime step apart
    ++tried;
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    refused += !sfgrant::catalogue_from_snapshot(bytes.substr(0, at), "key").has_value();
    refused += !sfgrant::catalogue_from_snapshot(flipped, "key").has_value();
  }
  CHECK(tried > 200);
  CHECK(refused == 2 * tried);
  // a body that passes the hash but is not a catalogue (what the fuzzer feeds): refused, not a crash
  for (const std::string& body :
       {std::string(), std::string(7, '\0'), std::string(64, '\xff'), std::string(4096, '\x01')})
    CHECK_FALSE(sfgrant::catalogue_from_snapshot(sfgrant::snapshot_frame(body, "k"), "k").has_value());
}

TEST_CASE("the cache stores a year once, serves it, and reads the YAML again when a byte changes", "[cache]") {
  TempDir dir;
  const std::string programs = copy_programs(dir);
  sfgrant::CacheOptions options{true, dir.path() + "/cache"};
  sfgrant::CacheUse use;
  sfgrant::Diagnostics diags;
  const sfgrant::Catalogue first = sfgrant::load_year_cached(programs, 2026, diags, options, &use);
  CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
  REQUIRE(fs::is_regular_file(use.file));
  CHECK(fs::path(use.file).parent_path() == fs::path(options.dir));

  const sfgrant::Catalogue second = sfgrant::load_year_cached(programs, 2026, diags, options, &use);
  CHECK(use.kind == sfgrant::CacheUse::Kind::hit);
  CHECK(everything_shown(second) == everything_shown(first));

  SECTION("an amount changed in a program file") {
    replace_once(programs + "/2026/government.yaml", "cap: 2억원", "cap: 1.8억원");
    const sfgrant::Catalogue changed = sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
    CHECK(changed.find_program("government")->find_track("advanced")->cap == 180000000);
    sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::hit);
    CHECK(fs::directory_iterator(options.dir) != fs::directory_iterator());
    CHECK(std::distance(fs::directory_iterator(options.dir), fs::directory_iterator()) == 1);  // replaced, not added
  }
  SECTION("the shared KSIC tables changed") {
    std::ofstream(programs + "/industries.yaml", std::ios::app) << "\n# a comment is a change too\n";
    sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
  }
  SECTION("a program file removed") {
    fs::remove(programs + "/2026/centers.yaml");
    const sfgrant::Catalogue fewer = sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
    CHECK(fewer.centers.empty());
  }
  SECTION("a corrupt snapshot is read past and replaced") {
    const std::string file = use.file;
    std::string bytes = slurp(file);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    const sfgrant::Catalogue again = sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
    CHECK(everything_shown(again) == everything_shown(first));
    std::ofstream(file, std::ios::binary | std::ios::trunc) << "not a snapshot";
    sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::stored);
  }
  SECTION("data with errors is not kept") {
    replace_once(programs + "/2026/government.yaml", "cap: 2억원", "cap: 2억원 원");
    sfgrant::Diagnostics bad;
    sfgrant::load_year_cached(programs, 2026, bad, options, &use);
    CHECK(bad.has_errors());
    CHECK(use.kind == sfgrant::CacheUse::Kind::not_stored);
    CHECK(use.reason == "the data has errors");
  }
  SECTION("a cache folder that cannot be written: the YAML, and nothing kept") {
    std::ofstream(dir.path() + "/not-a-folder") << "x";
    sfgrant::CacheOptions blocked{true, dir.path() + "/not-a-folder/cache"};
    const sfgrant::Catalogue read = sfgrant::load_year_cached(programs, 2026, diags, blocked, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::not_stored);
    CHECK(read.programs.size() == first.programs.size());
  }
  SECTION("snapshots of other folders untouched for 30 days, and old temporaries, are removed") {
    auto aged = [&](const std::string& name, int days) {
      const std::string path = options.dir + "/" + name;
      std::ofstream(path) << "x";
      fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(24 * days));
      return path;
    };
    const std::string old_snapshot = aged("2026-0123456789abcdef.snapshot", 31);
    const std::string recent_snapshot = aged("2023-0123456789abcdef.snapshot", 29);
    const std::string old_temporary = aged("2026-0123456789abcdef.snapshot.AbCdEf", 2);
    const std::string other_file = aged("notes.txt", 400);
    replace_once(programs + "/2026/government.yaml", "cap: 2억원", "cap: 1.8억원");  // a store
    sfgrant::load_year_cached(programs, 2026, diags, options, &use);
    REQUIRE(use.kind == sfgrant::CacheUse::Kind::stored);
    CHECK_FALSE(fs::exists(old_snapshot));
    CHECK_FALSE(fs::exists(old_temporary));
    CHECK(fs::exists(recent_snapshot));
    CHECK(fs::exists(other_file));  // not sfgrant's
    CHECK(fs::exists(use.file));
  }
  SECTION("off: no snapshot read or written") {
    TempDir other;
    sfgrant::load_year_cached(programs, 2026, diags, sfgrant::CacheOptions{false, other.path()}, &use);
    CHECK(use.kind == sfgrant::CacheUse::Kind::off);
    CHECK(fs::directory_iterator(other.path()) == fs::directory_iterator());
  }
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("check shows an amount changed in a copied programs folder, with the cache warm", "[cache][cli]") {
  TempDir dir;
  const std::string programs = copy_programs(dir);
  const std::string cache = dir.path() + "/cache";
  auto check = [&](std::vector<std::string> extra = {}) {
    Command c;
    c.args = {"check", "examples/small-mould-maker.yaml", "--programs", programs, "--as-of", "2026-02-15", "--format",
              "json"};
    c.args.insert(c.args.end(), extra.begin(), extra.end());
    c.env = {"XDG_CACHE_HOME=" + cache, "SFGRANT_CACHE_TRACE=1"};
    return sfgrant::testing::run(c);
  };
  auto government = [](const Run& r) {
    const json j = json::parse(r.out);
    for (const json& p : j["programs"])
      if (p["id"] == "government") return p["tracks"][0]["split"]["government"].get<std::int64_t>();
    return std::int64_t{-1};
  };
  const Run cold = check();
  REQUIRE(cold.code == 0);
  CHECK(cold.err.find("sfgrant: cache stored " + cache + "/sfgrant/2026-") != std::string::npos);
  const Run warm = check();
  CHECK(warm.err.find("sfgrant: cache hit") != std::string::npos);
  CHECK(warm.out == cold.out);
  CHECK(government(warm) == 200000000);

  replace_once(programs + "/2026/government.yaml", "cap: 2억원", "cap: 1.8억원");
  const Run changed = check();
  CHECK(changed.err.find("sfgrant: cache stored") != std::string::npos);
  CHECK(government(changed) == 180000000);
  CHECK(government(check()) == 180000000);

  const Run bypass = check({"--no-cache"});
  CHECK(bypass.err.find("sfgrant: cache off") != std::string::npos);
  CHECK(government(bypass) == 180000000);

  // validate always reads the YAML; batch goes through the cache like check
  Command validate;
  validate.args = {"validate", programs};
  validate.env = {"XDG_CACHE_HOME=" + cache, "SFGRANT_CACHE_TRACE=1"};
  const Run validated = sfgrant::testing::run(validate);
  CHECK(validated.code == 0);
  CHECK(validated.err.find("sfgrant: cache") == std::string::npos);
  Command batch = validate;
  batch.args = {"batch", "examples/companies.csv", "--programs", programs, "--as-of", "2026-02-15",
                "-o",    dir.path() + "/out.csv"};
  CHECK(sfgrant::testing::run(batch).err.find("sfgrant: cache hit") != std::string::npos);
  batch.args.push_back("--no-cache");
  CHECK(sfgrant::testing::run(batch).err.find("sfgrant: cache off") != std::string::npos);
}
