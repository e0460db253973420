// Company-list columns named as Korean offices name them (SPEC §8, issue #16): the alias table,
// how headers are compared, what a duplicated or misspelt header says, Korean values in cells, and
// the README's table kept equal to the code's (SFGRANT_UPDATE_README=1 writes it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "sfgrant/load/column_names.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/profile.h"

using sfgrant::column_field;
using sfgrant::column_key;
using sfgrant::column_names;
using sfgrant::CsvProfileMapper;
using sfgrant::Error;
using sfgrant::fact;
using sfgrant::Profile;

namespace {

/// The message the mapper throws for a header (cells separated by commas), or "" when it reads.
std::string header_error(const std::vector<std::string>& header) {
  try {
    CsvProfileMapper mapper(header, "list.csv");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

/// The profile of one row under `header`; fails the test with the row's message when it is refused.
Profile read_row(const std::vector<std::string>& header, const std::vector<std::string>& row) {
  CsvProfileMapper mapper(header, "list.csv");
  sfgrant::Profile p;
  const auto problem = mapper.map(row, 2, p);
  INFO(problem.value_or(""));
  REQUIRE_FALSE(problem);
  return p;
}

/// The markdown table of column names, as the README holds it between its markers.
std::string markdown_table() {
  std::string out = "| field | Korean column names |\n|---|---|\n";
  for (const auto& c : column_names()) {
    out += "| `" + std::string(c.path) + "` | ";
    for (size_t i = 0; i < c.korean.size(); ++i) out += (i ? ", " : "") + std::string(c.korean[i]);
    out += " |\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every profile field a user gives has Korean column names, and no two names collide", "[columns]") {
  std::set<std::string> in_table;
  for (const auto& c : column_names()) {
    INFO(c.path);
    CHECK_FALSE(c.korean.empty());
    CHECK(in_table.insert(std::string(c.path)).second);
  }
  for (const auto& f : sfgrant::all_facts()) {
    INFO(f.path);
    CHECK(in_table.count(f.path) == (f.derived ? 0U : 1U));
  }
  // building the index throws on a collision; every name must lead back to its own field
  for (const auto& c : column_names())
    for (auto k : c.korean) {
      INFO(k);
      REQUIRE(column_field(k) != nullptr);
      CHECK(column_field(k)->path == c.path);
    }
}

TEST_CASE("the headers of the issue name their fields", "[columns]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"회사명", "name"},
      {"기업명", "name"},
      {"업체명", "name"},
      {"사업자등록번호", "business_number"},
      {"사업자번호", "business_number"},
      {"기업규모", "size"},
      {"규모", "size"},
      {"업종코드", "ksic"},
      {"표준산업분류", "ksic"},
      {"KSIC", "ksic"},
      {"시도", "region"},
      {"지역", "region"},
      {"시군구", "city"},
      {"현재수준", "smart_factory.level"},
      {"목표수준", "smart_factory.target_level"},
      {"총사업비", "plan.total_cost"},
      {"선정확인서", "selections"},
      {"체납여부", "status.tax_arrears"},
  };
  for (const auto& [header, path] : cases) {
    INFO(header);
    REQUIRE(column_field(header) != nullptr);
    CHECK(column_field(header)->path == path);
  }
  CHECK(column_field("sme") == nullptr);  // derived facts are never columns
  CHECK(column_field("회사") == nullptr);
}

TEST_CASE("headers match ignoring spaces, case and the separators people type", "[columns]") {
  for (const char* header : {"smart_factory.target_level", "Smart Factory Target Level", "SMART-FACTORY_TARGET.LEVEL",
                             "smartfactory targetlevel", "목표수준", "목표 수준", "목표\xE3\x80\x80수준", "목표_수준",
                             "목표·수준", "목표ㆍ수준", "목표・수준", " 목표 수준 "}) {
    INFO(header);
    REQUIRE(column_field(header) != nullptr);
    CHECK(column_field(header)->path == "smart_factory.target_level");
  }
  CHECK(column_key("시·군·구") == column_key("시군구"));
  CHECK(column_key("KSIC 코드") == "ksic코드");
  // decomposed Hangul (a Mac's file names and some exports) compares equal to the composed form
  CHECK(column_key("\xE1\x84\x92\xE1\x85\xAC\xE1\x84\x89\xE1\x85\xA1\xE1\x84\x86\xE1\x85\xA7\xE1\x86\xBC") ==
        column_key("회사명"));
}

TEST_CASE("two headers for the same field are an error naming both columns", "[columns][errors]") {
  CHECK(header_error({"회사명", "size", "기업명"}) ==
        "list.csv:1:3: columns 1 \"회사명\" and 3 \"기업명\" both mean the field \"name\"; keep one of them");
  CHECK(header_error({"name", "목표수준", "smart_factory.target_level"}) ==
        "list.csv:1:3: columns 2 \"목표수준\" and 3 \"smart_factory.target_level\" both mean the field "
        "\"smart_factory.target_level\"; keep one of them");
  CHECK(header_error({"name", "목표 수준", "목표수준"}) ==
        "list.csv:1:3: columns 2 \"목표 수준\" and 3 \"목표수준\" both mean the field "
        "\"smart_factory.target_level\"; keep one of them");
  CHECK(header_error({"name", "size", "size"}) ==
        "list.csv:1:3: column \"size\" appears twice in the header (columns 2 and 3)");
}

TEST_CASE("an unknown header says did you mean over paths and Korean names, and what to do", "[columns][errors]") {
  auto what = [](const std::string& header) {
    return " (rename the column or remove it, or pass it through to the output with `--keep \"" + header +
           "\"`; `sfgrant schema profile` lists every column name)";
  };
  CHECK(header_error({"회사명", "목표수쥰"}) ==
        "list.csv:1:2: unknown column \"목표수쥰\" (column 2) in the header; did you mean \"목표수준\" "
        "(smart_factory.target_level)?" +
            what("목표수쥰"));
  CHECK(header_error({"name", "sise"}) ==
        "list.csv:1:2: unknown column \"sise\" (column 2) in the header; did you mean \"size\"?" + what("sise"));
  CHECK(header_error({"회사명", "총사업비용"}) ==
        "list.csv:1:2: unknown column \"총사업비용\" (column 2) in the header; did you mean \"총사업비\" "
        "(plan.total_cost)?" +
            what("총사업비용"));
  CHECK(header_error({"회사명", "담당자 연락처"}) ==
        "list.csv:1:2: unknown column \"담당자 연락처\" (column 2) in the header; expected a profile path like name, "
        "size, ksic, plan.total_cost or a Korean name like 회사명, 기업규모, 업종코드, 총사업비" +
            what("담당자 연락처"));
  CHECK(header_error({"기업규모", "업종코드"}) ==
        "list.csv:1:1: the header has no \"name\" column (every profile needs a name)");
}

TEST_CASE("a row of Korean headers and Korean values reads as the same row in English", "[columns][korean]") {
  const Profile korean = read_row({"회사명", "사업자등록번호", "기업규모", "업종코드", "시·도", "시군구", "신청주체",
                                   "영업상태", "체납여부", "참여제한", "현재수준", "목표수준", "구축방식", "수준확인서",
                                   "선정·확인서", "총사업비", "연차별 사업비", "동일수준 지원이력", "참여기업 수"},
                                  {"한빛정밀(주)", "305-86-12346", "소기업", "C29294", "대전광역시", "유성구",
                                   "수요기업", "정상", "무", "×", "기초", "중간2", "정부지원", "○",
                                   "뿌리기업, 레전드50+\n도약", "4억 5천만원", "3억원; 1억 5천만원", "기초", "5"});
  const Profile english =
      read_row({"name", "business_number", "size", "ksic", "region", "city", "role", "status.business",
                "status.tax_arrears", "status.sanctioned", "smart_factory.level", "smart_factory.target_level",
                "smart_factory.built_by", "smart_factory.level_certified", "selections", "plan.total_cost",
                "plan.yearly_costs", "smart_factory.same_level_used", "consortium.members"},
               {"한빛정밀(주)", "305-86-12346", "small", "29294", "대전", "유성구", "adopter", "active", "false",
                "false", "basic", "intermediate2", "government", "true", "root_company;legend50;jump_up", "450000000",
                "300000000;150000000", "basic", "5"});
  for (const auto& f : sfgrant::all_facts()) {
    INFO(f.path);
    REQUIRE(korean.has(f) == english.has(f));
    if (!korean.has(f)) continue;
    CHECK(korean.get(f).flag == english.get(f).flag);
    CHECK(korean.get(f).number == english.get(f).number);
    CHECK(korean.get(f).text == english.get(f).text);
    CHECK(korean.get(f).items == english.get(f).items);
    CHECK(korean.get(f).amounts == english.get(f).amounts);
  }
  CHECK(korean.get(fact("plan.total_cost")).number == 450000000);
}

TEST_CASE("every yes/no word is read in a list's cell", "[columns][korean][yes-no]") {
  for (const char* yes : {"예", "네", "Y", "y", "O", "○", "유", "해당", "1", "true", "TRUE", "있음"})
    CHECK(read_row({"회사명", "체납여부"}, {"가", yes}).get(fact("status.tax_arrears")).flag == true);
  for (const char* no : {"아니오", "아니요", "N", "n", "X", "×", "무", "비해당", "0", "false", "False", "없음"})
    CHECK(read_row({"회사명", "체납여부"}, {"가", no}).get(fact("status.tax_arrears")).flag == false);
  CsvProfileMapper mapper({"회사명", "체납여부"}, "list.csv");
  sfgrant::Profile p;
  CHECK(mapper.map({"가", "아마"}, 7, p) ==
        std::optional<std::string>(
            "column 2 \"체납여부\": invalid value \"아마\" for status.tax_arrears: expected true or "
            "false (예/아니오)"));
}

TEST_CASE("amounts in a cell read as the YAML profile reads them; their commas never split a list",
          "[columns][korean][money]") {
  for (const auto& [text, won] : std::vector<std::pair<const char*, long>>{
           {"4억원", 400000000}, {"4억 5천만원", 450000000}, {"400,000,000", 400000000}, {"1,900만 원", 19000000}})
    CHECK(read_row({"회사명", "총사업비"}, {"가", text}).get(fact("plan.total_cost")).number == won);
  CHECK(read_row({"회사명", "연차별 사업비"}, {"가", "1,900만원;2억"}).get(fact("plan.yearly_costs")).amounts ==
        std::vector<sfgrant::Won>{19000000, 200000000});
}

TEST_CASE("the README lists the column names as the code has them", "[columns][docs]") {
  std::ifstream in(SFGRANT_SOURCE_DIR "/README.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string readme = buffer.str();
  const std::string begin =
      "<!-- column names: generated from src/load/column_names.cpp, checked by "
      "tests/column_names_test.cpp -->\n";
  const std::string end = "<!-- end of column names -->";
  const size_t from = readme.find(begin);
  REQUIRE(from != std::string::npos);
  const size_t to = readme.find(end, from);
  REQUIRE(to != std::string::npos);
  const std::string table = readme.substr(from + begin.size(), to - from - begin.size());
  if (table != markdown_table() && std::getenv("SFGRANT_UPDATE_README") != nullptr) {
    std::ofstream(SFGRANT_SOURCE_DIR "/README.md")
        << readme.substr(0, from + begin.size()) << markdown_table() << readme.substr(to);
    return;
  }
  INFO("regenerate it with SFGRANT_UPDATE_README=1 build/sfgrant_tests \"[docs]\"");
  CHECK(table == markdown_table());
}

TEST_CASE("--keep lets an unknown column through, and a kept profile field is read as well", "[columns][keep]") {
  const sfgrant::CsvProfileMapper mapper({"회사명", "담당자", "기업규모"}, "list.csv",
                                         sfgrant::KeepColumns{{"담당자", "기업 규모"}, false});
  CHECK(mapper.kept_names() == std::vector<std::string>{"담당자", "기업규모"});
  sfgrant::Profile p;
  CHECK_FALSE(mapper.map({"한빛", "김담당", "소기업"}, 2, p).has_value());
  CHECK(p.name() == "한빛");
  CHECK(p.has(*sfgrant::find_fact("size")));
  std::vector<std::string> kept;
  mapper.kept({"한빛", "김담당", "소기업"}, kept);
  CHECK(kept == std::vector<std::string>{"김담당", "소기업"});
  // --keep-all-unknown: every column that is no profile field
  const sfgrant::CsvProfileMapper all({"name", "담당자", "비고"}, "list.csv", sfgrant::KeepColumns{{}, true});
  CHECK(all.kept_names() == std::vector<std::string>{"담당자", "비고"});
}
