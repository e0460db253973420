// The xlsx output of batch as a consultant opening it in Excel would notice: every row is there
// (past Excel's row limit on further sheets), an over-long name is cut with a mark, NULs are gone,
// and each change is a warning. The workbook is read back from its XML (an xlsx is a zip).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/batch_xlsx.h"
#include "support.h"

using namespace sfgrant;

namespace {

using sfgrant::testing::good_row;
using sfgrant::testing::kHeader;

const Catalogue& catalogue() {
  static const Catalogue cat = load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  return cat;
}

/// One member of the zip, as `unzip -p` prints it ("" when there is no such member).
std::string unzip(const std::string& file, const std::string& member) {
  const std::string command = "unzip -p '" + file + "' '" + member + "' 2>/dev/null";
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buffer[65536];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
  pclose(p);
  return out;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

struct Written {
  BatchSummary summary;
  std::vector<std::string> warnings;
  size_t sheets = 0;
};

Written write_xlsx(const std::string& input, const std::string& path, BatchXlsxOptions options) {
  Written w;
  options.on_warning = [&w](const std::string& m) { w.warnings.push_back(m); };
  BatchOptions bo;
  bo.evaluate.as_of = Date{2026, 2, 15};
  std::istringstream in(input);
  auto xlsx = make_batch_xlsx(path, catalogue(), options);
  w.summary = run_batch(catalogue(), in, bo, *xlsx, [](const RejectedRow&) {});
  w.sheets = xlsx->result_sheets();
  return w;
}

}  // namespace

namespace {

/// The XML of the sheet named `name` ("" when there is none): libxlsxwriter numbers the sheet files in
/// the order the sheets were added, which is the order workbook.xml lists them.
std::string sheet_xml(const std::string& path, const std::string& name) {
  const std::string workbook = unzip(path, "xl/workbook.xml");
  size_t index = 0;
  for (size_t at = workbook.find("<sheet "); at != std::string::npos; at = workbook.find("<sheet ", at + 1)) {
    ++index;
    if (workbook.compare(at, 14 + name.size(), "<sheet name=\"" + name + "\"") == 0)
      return unzip(path, fmt::format("xl/worksheets/sheet{}.xml", index));
  }
  return "";
}

}  // namespace

TEST_CASE("past the row limit of a sheet the rows go on in 사업별 (2), 사업별 (3), none dropped", "[batch][xlsx]") {
  sfgrant::testing::TempDir dir;
  const std::string path = dir.path() + "/out.xlsx";
  std::string input = kHeader;
  const int companies = 7;
  for (int i = 1; i <= companies; ++i) input += good_row("회사" + std::to_string(i));
  input += "깨진행,huge,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n";  // rejected
  BatchXlsxOptions options;
  options.sheet_rows = 4;  // a header and three rows a sheet, as Excel's 1,048,576 in small
  const Written w = write_xlsx(input, path, options);
  long expected_rows = 0;
  for (const auto& [id, t] : w.summary.programs) expected_rows += t.eligible + t.possible;
  REQUIRE(expected_rows >= companies);
  const auto sheets = static_cast<size_t>((expected_rows + 2) / 3);
  CHECK(w.sheets == sheets);

  const std::string workbook = unzip(path, "xl/workbook.xml");
  // 기업별 first: what people open the file for
  CHECK(workbook.find("<sheet name=\"기업별\"") == workbook.find("<sheet "));
  CHECK(workbook.find(fmt::format("name=\"사업별 ({})\"", sheets)) != std::string::npos);
  CHECK(workbook.find(fmt::format("name=\"사업별 ({})\"", sheets + 1)) == std::string::npos);
  CHECK(workbook.find("name=\"기업별 (3)\"") != std::string::npos);  // 7 companies, 3 a sheet
  CHECK(workbook.find("name=\"요약\"") != std::string::npos);
  std::string all_results;
  long data_rows = 0;
  for (size_t s = 1; s <= sheets; ++s) {
    const std::string xml = sheet_xml(path, s == 1 ? "사업별" : fmt::format("사업별 ({})", s));
    CHECK(count(xml, "<row ") <= 4);
    CHECK(xml.find(">행<") != std::string::npos);  // each sheet has the header, frozen and filterable
    CHECK(xml.find("<pane ySplit=\"1\"") != std::string::npos);
    CHECK(xml.find("<autoFilter ref=\"A1:") != std::string::npos);
    data_rows += static_cast<long>(count(xml, "<row ")) - 1;
    all_results += xml;
  }
  CHECK(data_rows == expected_rows);
  for (int i = 1; i <= companies; ++i) CHECK(all_results.find(">회사" + std::to_string(i) + "<") != std::string::npos);
  CHECK(sheet_xml(path, "오류").find(">깨진행<") != std::string::npos);
  const std::string summary = sheet_xml(path, "요약");
  CHECK(summary.find(fmt::format("사업별: {}행, 시트 {}개에 나뉨 (사업별, 사업별 (2)", expected_rows, sheets)) !=
        std::string::npos);
  CHECK(summary.find("기업별: 7행, 시트 3개에 나뉨") != std::string::npos);
  CHECK(summary.find("오류: 1행") != std::string::npos);
  CHECK(w.warnings.empty());
}

TEST_CASE("the English workbook continues in by program (2)", "[batch][xlsx]") {
  sfgrant::testing::TempDir dir;
  const std::string path = dir.path() + "/out.xlsx";
  BatchXlsxOptions options;
  options.lang = Lang::en;
  options.sheet_rows = 2;
  write_xlsx(std::string(kHeader) + good_row("A") + good_row("B"), path, options);
  const std::string workbook = unzip(path, "xl/workbook.xml");
  CHECK(workbook.find("name=\"by program (2)\"") != std::string::npos);
  CHECK(workbook.find("name=\"summary\"") != std::string::npos);
}

TEST_CASE("won amounts are numbers shown with a thousands separator, widths fit Hangul", "[batch][xlsx]") {
  sfgrant::testing::TempDir dir;
  const std::string path = dir.path() + "/out.xlsx";
  write_xlsx(std::string(kHeader) + good_row("한빛정밀"), path, BatchXlsxOptions{});
  CHECK(unzip(path, "xl/styles.xml").find("formatCode=\"#,##0\"") != std::string::npos);
  const std::string companies = sheet_xml(path, "기업별");
  CHECK(companies.find("<v>200000000</v>") != std::string::npos);  // 정부형 고도화 at 4억원, a number
  // 기업명 column: 한빛정밀 is 8 columns wide on a screen, "기업명" 6: 8 + 3 for the filter button
  CHECK(companies.find("<col min=\"2\" max=\"2\" width=\"11.7109375\"") != std::string::npos);
}

TEST_CASE("a 40,000-character name is cut to Excel's 32,767 with a mark, a NUL is removed, each with a warning",
          "[batch][xlsx]") {
  sfgrant::testing::TempDir dir;
  const std::string path = dir.path() + "/out.xlsx";
  const std::string long_name(40000, 'x');
  const std::string input =
      std::string(kHeader) + good_row(long_name) + good_row(std::string("가\0나", 7)) + good_row("보통");
  BatchXlsxOptions options;
  options.display_name = "results.xlsx";
  const Written w = write_xlsx(input, path, options);
  const std::string sheet = sheet_xml(path, "사업별");
  const std::string cut = std::string(32767 - 5, 'x') + "…[잘림]";
  CHECK(sheet.find(">" + cut + "<") != std::string::npos);
  CHECK(sheet.find(">가나<") != std::string::npos);
  CHECK(sheet.find(">보통<") != std::string::npos);
  REQUIRE(w.warnings.size() >= 2);
  CHECK(w.warnings.front() == "results.xlsx: warning: line 2: name longer than Excel's 32767 characters a cell; cut");
  bool nul = false;
  for (const auto& m : w.warnings) nul = nul || m == "results.xlsx: warning: line 3: NUL bytes removed from the name";
  CHECK(nul);
}

TEST_CASE("a cell is cut between characters, counted as Excel counts them", "[xlsx]") {
  bool nul = false;
  bool cut = false;
  CHECK(fit_excel_cell("가나다라", "…", nul, cut, 3) == "가나…");
  CHECK(cut);
  CHECK(fit_excel_cell("가나다", "…", nul, cut, 3) == "가나다");
  CHECK_FALSE(cut);
  CHECK(fit_excel_cell("😀😀", "…", nul, cut, 3) == "😀…");  // two UTF-16 units each
  CHECK(fit_excel_cell(std::string("a\0b", 3), "…", nul, cut) == "ab");
  CHECK(nul);
}

TEST_CASE("a workbook that cannot be written is an error naming the file", "[batch][xlsx]") {
  BatchXlsxOptions options;
  options.display_name = "out.xlsx";
  BatchOptions bo;
  bo.evaluate.as_of = Date{2026, 2, 15};
  std::istringstream in(std::string(kHeader) + good_row("회사"));
  auto xlsx = make_batch_xlsx("/nonexistent-folder/out.xlsx", catalogue(), options);
  try {
    run_batch(catalogue(), in, bo, *xlsx, [](const RejectedRow&) {});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).rfind("out.xlsx: cannot write the workbook: ", 0) == 0);
  }
}
