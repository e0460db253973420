// Every message a user reads is in the language of `--lang` (issue #13), over every example
// profile, every year of programs and every way `check` and `batch` speak: the table with every
// option, JSON, and the batch CSV.
//
// English output may hold Hangul only where it is a name or a citation: the company's name, a rule's
// citation (`source: 003_….txt §1 지원 제외 대상`), an organisation to contact, a center's address.
// Input errors (a batch row that cannot be read) are in English in both languages, as on stderr.
// Korean output may hold no English sentence (three English words in a row) outside ids in
// brackets, citations and the programs' own Korean names (`중소제조 특화 Multi AI Agent 개발(R&D)`).
#include <utf8proc.h>

#include <dirent.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/file.h"
#include "support.h"

using namespace sfgrant;
using sfgrant::testing::Command;
using sfgrant::testing::Run;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;
const std::vector<int> kYears = {2021, 2023, 2024, 2026};

std::vector<std::string> example_profiles() {
  std::vector<std::string> out;
  DIR* dir = opendir((kSource + "/examples").c_str());
  REQUIRE(dir != nullptr);
  while (const dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0) out.push_back("examples/" + name);
  }
  closedir(dir);
  std::sort(out.begin(), out.end());
  REQUIRE(out.size() >= 8);
  return out;
}

Run run_sfgrant(std::vector<std::string> args) {
  Command c;
  c.args = std::move(args);
  c.unset.insert(c.unset.end(), {"LANG", "LC_ALL", "LC_CTYPE"});
  const Run r = sfgrant::testing::run(c);
  INFO(r.err);
  REQUIRE((r.code == 0 || r.code == 1));
  return r;
}

bool has_hangul(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)) return true;
    p += n;
    left -= n;
  }
  return false;
}

void erase_all(std::string& s, const std::string& what) {
  if (what.empty()) return;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
}

/// A seed citation to the end of the line, as a caveat shows it: `(003_615c5e1e5f9a1b7a.txt §1 …)`.
const std::regex& citation() {
  static const std::regex r(R"(\(?[0-9]{3}_[0-9a-f]{16}\.txt.*$)");
  return r;
}

/// An English table line with the names and citations taken out.
std::string without_names(std::string line, const std::string& company) {
  erase_all(line, company);
  for (const char* tail : {"source: ", "contact: "})
    if (const size_t at = line.find(tail); at != std::string::npos) line.erase(at);
  line = std::regex_replace(line, citation(), "");
  if (line.find("regional center: ") != std::string::npos)
    if (const size_t open = line.rfind(" ("); open != std::string::npos) line.erase(open);  // the address
  return line;
}

/// Three English words or more in a row.
const std::regex& english_sentence() {
  static const std::regex r(R"([A-Za-z][A-Za-z'’-]*([ ,]+[A-Za-z][A-Za-z'’-]*){2,})");
  return r;
}

/// The Korean names of every program and track, longest first.
const std::vector<std::string>& korean_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (int year : kYears) {
      const Catalogue cat = load_year(kSource + "/programs", year);
      for (const Program& p : cat.programs) {
        out.push_back(p.name.ko);
        for (const Track& t : p.tracks) out.push_back(t.name.ko);
      }
    }
    // and the English words of those names, which Korean text uses as names (`Multi AI Agent 개발`)
    const std::vector<std::string> whole = out;
    for (const std::string& name : whole)
      for (std::sregex_iterator it(name.begin(), name.end(), english_sentence()), end; it != end; ++it)
        out.push_back(it->str());
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
  }();
  return names;
}

/// A Korean line with ids in brackets, citations and the programs' names taken out.
std::string without_ids(std::string line) {
  if (const size_t at = line.find("근거: "); at != std::string::npos) line.erase(at);
  line = std::regex_replace(line, citation(), "");
  static const std::regex brackets(R"(\[[^\]]*\])");
  line = std::regex_replace(line, brackets, "");
  for (const std::string& name : korean_names()) erase_all(line, name);
  return line;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Every table `check` prints for a profile and a year: plain, and with every option.
std::vector<Run> tables(const std::string& profile, int year, const char* lang) {
  const std::vector<std::string> base{"check",   profile,      "--year", std::to_string(year),
                                      "--as-of", "2026-02-15", "--lang", lang};
  std::vector<Run> out{run_sfgrant(base)};
  std::vector<std::string> every = base;
  every.insert(every.end(), {"--all", "--explain", "--next-steps", "--what-it-takes"});
  out.push_back(run_sfgrant(every));
  return out;
}

/// JSON values that are names or citations, by key.
bool name_key(const std::string& key) {
  return key == "source" || key == "lead" || key == "operator" || key == "phone" || key == "address";
}

void check_json_english(const nlohmann::json& j, const std::string& company, const std::string& where) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!name_key(it.key())) check_json_english(it.value(), company, where + "." + it.key());
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) check_json_english(j[i], company, where + "[" + std::to_string(i) + "]");
  } else if (j.is_string()) {
    const std::string s = j.get<std::string>();
    if (s == company) return;
    INFO(where << " = " << s);
    CHECK_FALSE(has_hangul(s));
  }
}

}  // namespace

TEST_CASE("--lang en: no Hangul in check tables but names and citations", "[lang][cli]") {
  for (const std::string& profile : example_profiles()) {
    const std::string company = load_profile(read_file(kSource + "/" + profile), profile).name();
    for (int year : kYears)
      for (const Run& r : tables(profile, year, "en"))
        for (const std::string& line : lines_of(r.out)) {
          INFO(profile << " --year " << year << ": " << line);
          CHECK_FALSE(has_hangul(without_names(line, company)));
        }
  }
}

TEST_CASE("--lang en: no Hangul in check JSON but names and citations", "[lang][cli]") {
  for (const std::string& profile : example_profiles()) {
    const std::string company = load_profile(read_file(kSource + "/" + profile), profile).name();
    for (int year : kYears) {
      const Run r = run_sfgrant({"check", profile, "--year", std::to_string(year), "--as-of", "2026-02-15", "--lang",
                                 "en", "--format", "json", "--all", "--explain", "--next-steps", "--what-it-takes"});
      INFO(profile << " --year " << year);
      check_json_english(nlohmann::json::parse(r.out), company, "$");
    }
  }
}

TEST_CASE("--lang ko: no English sentence in check tables", "[lang][cli]") {
  for (const std::string& profile : example_profiles())
    for (int year : kYears)
      for (const Run& r : tables(profile, year, "ko"))
        for (const std::string& line : lines_of(r.out)) {
          INFO(profile << " --year " << year << ": " << line);
          CHECK_FALSE(std::regex_search(without_ids(line), english_sentence()));
        }
}

TEST_CASE("batch CSV speaks the language of --lang", "[lang][cli]") {
  for (int year : kYears)
    for (const char* lang : {"en", "ko"}) {
      const Run r = run_sfgrant({"batch", "examples/companies.csv", "--year", std::to_string(year), "--as-of",
                                 "2026-02-15", "--lang", lang, "--all"});
      std::istringstream in(r.out);
      CsvReader reader(in);
      CsvRecord record;
      REQUIRE(reader.next(record));
      const std::vector<std::string> header = record.fields;
      const size_t status = static_cast<size_t>(std::find(header.begin(), header.end(), "status") - header.begin());
      REQUIRE(status < header.size());
      size_t rows = 0;
      while (reader.next(record)) {
        ++rows;
        REQUIRE(record.fields.size() == header.size());
        // a row that could not be read says what is wrong with the input as every input error
        // does, in English (README "Languages")
        if (record.fields[status] == "error") continue;
        for (size_t i = 0; i < header.size(); ++i) {
          if (header[i] == "name") continue;  // the company's name
          INFO(lang << " --year " << year << " line " << record.line << " " << header[i] << " = " << record.fields[i]);
          if (std::string(lang) == "en")
            CHECK_FALSE(has_hangul(record.fields[i]));
          else
            CHECK_FALSE(std::regex_search(without_ids(record.fields[i]), english_sentence()));
        }
      }
      CHECK(rows > 0);
    }
}
