// Batch input and output as a technopark's script would notice them: nothing lost, order kept,
// Korean Excel files read right, formulas neutralised.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/batch_jsonl.h"
#include "sfgrant/text/byte_source.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"
#include "support.h"

using namespace sfgrant;

namespace {

using sfgrant::testing::good_row;
using sfgrant::testing::kHeader;

const Catalogue& catalogue() {
  static const Catalogue cat = load_year(SFGRANT_SOURCE_DIR "/programs", 2026);
  return cat;
}

struct Run {
  std::string out;
  std::vector<RejectedRow> rejects;
  BatchSummary summary;
};

/// Runs `input` into the csv format (`all`: every status, as --all).
Run run(const std::string& input, BatchOptions options = {}, bool all = false) {
  options.evaluate.as_of = Date{2026, 2, 15};
  std::istringstream in(input);
  std::ostringstream out;
  const auto csv = make_batch_csv(out, catalogue(), BatchCsvOptions{Lang::ko, all, false});
  Run r;
  r.summary = run_batch(catalogue(), in, options, *csv, [&r](const RejectedRow& row) { r.rejects.push_back(row); });
  r.out = out.str();
  return r;
}

}  // namespace

TEST_CASE("a good row gets the same split as check: 정부형 고도화 at 4억원 is 2억원", "[batch]") {
  Run r = run(std::string(kHeader) + good_row("한빛정밀"));
  CHECK(r.summary.read == 1);
  CHECK(r.summary.evaluated == 1);
  CHECK(r.out.find("2,한빛정밀,government,eligible,advanced,200000000,200000000,200000000,") != std::string::npos);
}

TEST_CASE("quoted fields keep their commas, quotes and newlines", "[batch][csv]") {
  const std::string input =
      std::string(kHeader) +
      "\"(주)유성, 제2공장\",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n"
      "\"말하는 \"\"정밀\"\"\",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n"
      "\"두 줄\n이름\",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" +
      good_row("넷째");
  Run r = run(input);
  CHECK(r.summary.evaluated == 4);
  CHECK(r.rejects.empty());
  CHECK(r.out.find("2,\"(주)유성, 제2공장\",government") != std::string::npos);
  CHECK(r.out.find("3,\"말하는 \"\"정밀\"\"\",government") != std::string::npos);
  // the row with a newline in its name starts on line 4 and the next row is on line 6
  CHECK(r.out.find("4,\"두 줄\n이름\",government") != std::string::npos);
  CHECK(r.out.find("6,넷째,government") != std::string::npos);
}

TEST_CASE("CRLF line ends and a missing final newline read the same as LF", "[batch][csv]") {
  std::string lf = std::string(kHeader) + good_row("가") + good_row("나");
  std::string crlf;
  for (char c : lf) {
    if (c == '\n')
      crlf += "\r\n";
    else
      crlf += c;
  }
  crlf.resize(crlf.size() - 2);
  CHECK(run(crlf).out == run(lf).out);
}

TEST_CASE("a UTF-8 BOM before a quoted header is stripped", "[batch][encoding]") {
  std::string input = "\xEF\xBB\xBF\"name\",\"size\",\"ksic\"\n한빛,small,29294\n";
  Run r = run(input);
  CHECK(r.summary.evaluated == 1);
  CHECK(r.rejects.empty());
}

TEST_CASE("a CP949 file from Korean Excel is decoded, including syllables only CP949 has", "[batch][encoding]") {
  // "똠방정밀" in CP949: 똠 is 0x8C 0x63 (a UHC extension syllable, not in EUC-KR)
  const std::string name_cp949 = "\x8C\x63\xB9\xE6\xC1\xA4\xB9\xD0";
  const std::string region_cp949 = "\xB4\xEB\xC0\xFC";  // 대전
  const std::string input = "name,size,region\n" + name_cp949 + ",small," + region_cp949 + "\n";
  Run r = run(input);
  REQUIRE(r.rejects.empty());
  CHECK(r.summary.evaluated == 1);
  CHECK(run(input, {}, /*all=*/true).out.find("똠방정밀") != std::string::npos);
}

TEST_CASE("an undecodable byte rejects its row, naming line and byte, and the rest is evaluated", "[batch][encoding]") {
  BatchOptions options;
  options.encoding = Encoding::utf8;
  Run r = run("name,size\n가나,small\n\xFF\xFE,small\n다라,small\n", options);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK_THAT(r.rejects[0].reason, Catch::Contains("byte 1"));
  CHECK(r.summary.evaluated == 2);
}

TEST_CASE("a file mixing good and bad rows: every good row evaluated, every bad row reported", "[batch]") {
  const std::string input = std::string(kHeader) + good_row("첫째") +
                            "둘째,huge,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" +
                            good_row("셋째") + "넷째,small,29294\n" +
                            "다섯째,small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원x\n" +
                            good_row("여섯째");
  Run r = run(input);
  CHECK(r.summary.read == 6);
  CHECK(r.summary.evaluated == 3);
  CHECK(r.summary.rejected == 3);
  REQUIRE(r.rejects.size() == 3);
  CHECK(r.rejects[0].line == 3);
  CHECK_THAT(r.rejects[0].reason, Catch::Contains("huge"));
  CHECK(r.rejects[1].line == 5);
  CHECK_THAT(r.rejects[1].reason, Catch::Contains("3 fields, but the header has 12 columns"));
  CHECK(r.rejects[2].line == 6);
  CHECK_THAT(r.rejects[2].reason, Catch::Contains("4억원x"));
  // error records stand in the output where the rows were
  CHECK(r.out.find("3,둘째,,error,") != std::string::npos);
  CHECK(r.out.find("7,여섯째,government,eligible") != std::string::npos);
}

TEST_CASE("an unknown column stops the run with a suggestion", "[batch]") {
  try {
    run("name,sise\n가,small\n");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("unknown column \"sise\"") && Catch::Contains("did you mean \"size\"?"));
  }
}

TEST_CASE("--jobs 2 gives byte-identical output to --jobs 1, in input order", "[batch][parallel]") {
  std::string input = kHeader;
  for (int i = 0; i < 300; ++i) {
    if (i % 37 == 5)
      input += "bad" + std::to_string(i) + ",huge\n";
    else
      input += good_row("회사" + std::to_string(i));
  }
  BatchOptions one;
  one.jobs = 1;
  one.batch_rows = 16;
  BatchOptions two = one;
  two.jobs = 2;
  Run a = run(input, one, /*all=*/true);
  Run b = run(input, two, /*all=*/true);
  CHECK(a.out == b.out);
  CHECK(a.summary.rejected == b.summary.rejected);
  CHECK(a.summary.rejected == 8);  // i = 5, 42, 79, …, 264
}

TEST_CASE("JSON Lines rows are read like CSV rows", "[batch][jsonl]") {
  BatchOptions options;
  options.input = BatchInput::jsonl;
  Run r =
      run("{\"name\":\"한빛\",\"size\":\"small\",\"ksic\":\"29294\",\"region\":\"대전\",\"role\":\"adopter\","
          "\"status\":{\"business\":\"active\",\"tax_arrears\":false,\"notice_exclusion\":false,\"sanctioned\":false},"
          "\"smart_factory\":{\"level\":\"basic\",\"target_level\":\"intermediate2\"},\"plan\":{\"total_cost\":"
          "\"4억원\"}}\n"
          "\n"
          "{\"name\":\"오타\",\"sise\":\"small\"}\n"
          "not json\n",
          options);
  CHECK(r.summary.evaluated == 1);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK_THAT(r.rejects[0].reason, Catch::Contains("did you mean \"size\"?"));
  CHECK(r.rejects[1].line == 4);
  CHECK(r.out.find("1,한빛,government,eligible,advanced,200000000,200000000,200000000") != std::string::npos);
}

TEST_CASE("cells that a spreadsheet would run as formulas are neutralised", "[batch][csv]") {
  CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_cell("+1") == "'+1");
  CHECK(csv_cell("-1") == "'-1");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("한빛, 2공장") == "\"한빛, 2공장\"");
  CHECK(csv_cell("plain") == "plain");
}

TEST_CASE("a record over the size limit is rejected and reading goes on at the next line", "[batch][csv][limits]") {
  SECTION("the reader, with a small limit and small chunks") {
    std::istringstream in("a,b\n\"never closed," + std::string(200, 'x') + "\nc,d\n");
    StreamSource source(in);
    CsvLimits limits;
    limits.chunk = 16;
    limits.max_record = 64;
    CsvReader reader(source, "input", limits);
    CsvRecord rec;
    REQUIRE(reader.next(rec));
    CHECK(rec.fields == std::vector<std::string>{"a", "b"});
    REQUIRE(reader.next(rec));
    CHECK(rec.line == 2);
    CHECK(rec.fields.empty());
    CHECK(rec.error == "record longer than 64 bytes (is a quote never closed?); skipped to the next line");
    REQUIRE(reader.next(rec));
    CHECK(rec.line == 3);
    CHECK(rec.fields == std::vector<std::string>{"c", "d"});
    CHECK(rec.error.empty());
    CHECK_FALSE(reader.next(rec));
  }
  SECTION("a company list with a quote never closed in a 17 MiB name") {
    const std::string input = std::string(kHeader) + "\"" + std::string(17u << 20, 'x') + "\n" + good_row("다음");
    Run r = run(input);
    CHECK(r.summary.read == 2);
    CHECK(r.summary.evaluated == 1);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 2);
    CHECK(r.rejects[0].reason.find("record longer than 16 MiB") != std::string::npos);
    CHECK(r.out.find("3,다음,government,eligible") != std::string::npos);
  }
  SECTION("a JSON Lines file with a 17 MiB line") {
    BatchOptions options;
    options.input = BatchInput::jsonl;
    const std::string good =
        "{\"name\":\"다음\",\"size\":\"small\",\"ksic\":\"29294\",\"region\":\"대전\",\"role\":\"adopter\","
        "\"status\":{\"business\":\"active\",\"tax_arrears\":false,\"notice_exclusion\":false,\"sanctioned\":false},"
        "\"smart_factory\":{\"level\":\"basic\",\"target_level\":\"intermediate2\"},\"plan\":{\"total_cost\":\"4억원\"}"
        "}\n";
    Run r = run("{\"name\":\"" + std::string(17u << 20, 'x') + "\"}\n" + good, options);
    CHECK(r.summary.read == 2);
    CHECK(r.summary.evaluated == 1);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 1);
    CHECK(r.rejects[0].reason == "line longer than 16 MiB; skipped to the next line");
    CHECK(r.out.find("2,다음,government,eligible,advanced,200000000,200000000,200000000") != std::string::npos);
  }
}

// ---- #15: every input line accounted for -------------------------------------------------------

namespace {

/// Lines of `text` as the reader counts them: LF, CR LF or a CR alone end a line; a last line
/// without a line end counts.
long count_lines(const std::string& text) {
  long lines = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++lines;
  }
  if (!text.empty() && text.back() != '\n' && text.back() != '\r') ++lines;
  return lines;
}

/// The summary accounts for every line of `input`.
void check_adds_up(const Run& r, const std::string& input) {
  INFO(r.summary.lines << " lines = " << r.summary.header_lines << " header + " << r.summary.blank_lines << " blank + "
                       << r.summary.row_lines << " in rows");
  CHECK(r.summary.lines == count_lines(input));
  CHECK(r.summary.header_lines + r.summary.blank_lines + r.summary.row_lines == r.summary.lines);
  CHECK(r.summary.evaluated + r.summary.rejected == r.summary.read);
}

/// A source that gives `text` and then fails as a disk does (EIO) instead of ending.
class FailingSource : public ByteSource {
 public:
  explicit FailingSource(std::string text) : text_(std::move(text)) {}
  size_t read(char* data, size_t size) override {
    if (at_ == text_.size()) throw ReadError("Input/output error");
    const size_t n = std::min(size, text_.size() - at_);
    std::memcpy(data, text_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string text_;
  size_t at_ = 0;
};

}  // namespace

TEST_CASE("a read error mid-file stops the run at the line reached, never taken as the end", "[batch][limits]") {
  std::string input = kHeader;
  for (int i = 0; i < 5; ++i) input += good_row("회사" + std::to_string(i));
  input += "반쪽,sm";  // line 7, cut by the failing disk
  FailingSource source(input);
  BatchOptions options;
  options.file_name = "input.csv";
  options.evaluate.as_of = Date{2026, 2, 15};
  std::ostringstream out;
  const auto csv = make_batch_csv(out, catalogue(), BatchCsvOptions{Lang::ko, false, false});
  try {
    run_batch(catalogue(), source, options, *csv, {});
    FAIL("expected a read error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "input.csv:7: read failed: Input/output error");
  }
  SECTION("the reader alone, in small chunks") {
    FailingSource small("a,b\nc,d\ne,");
    CsvReader reader(small, "input.csv", CsvLimits{4});
    CsvRecord rec;
    REQUIRE(reader.next(rec));
    REQUIRE(reader.next(rec));
    CHECK(rec.line == 2);
    CHECK_THROWS_WITH(reader.next(rec), "input.csv:3: read failed: Input/output error");
  }
}

TEST_CASE("an unclosed quote costs its own line only, and every line is accounted for", "[batch][csv]") {
  std::string input = std::string(kHeader) + good_row("첫째") +
                      "\"둘째,small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n";
  for (int i = 0; i < 20; ++i) input += good_row("회사" + std::to_string(i));
  Run r = run(input);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].last_line == 3);
  CHECK(r.rejects[0].reason ==
        "a quote opened in column 1 is never closed (line 4 reads as a row of its own); only line 3 is skipped, "
        "reading goes on at line 4");
  CHECK(r.summary.evaluated == 21);
  CHECK(r.out.find("4,회사0,government,eligible") != std::string::npos);
  check_adds_up(r, input);

  SECTION("a quote closed lines later does not merge the lines between into one company") {
    const std::string merged = std::string(kHeader) +
                               "\"가,small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" +
                               good_row("나") + good_row("다\"");
    Run m = run(merged);
    REQUIRE(m.rejects.size() == 1);
    CHECK(m.rejects[0].line == 2);
    CHECK(m.out.find("3,나,government") != std::string::npos);
    check_adds_up(m, merged);
  }
  SECTION("without a row to tell it, the line limit ends the quote, and the lines after it are read one by one") {
    std::istringstream in("a,b\n\"x\n1\n2\n3\n4\n5\n6\n7\n");
    StreamSource source(in);
    CsvLimits limits;
    limits.max_quoted_lines = 5;
    CsvReader reader(source, "input", limits);
    CsvRecord rec;
    REQUIRE(reader.next(rec));
    REQUIRE(reader.next(rec));
    CHECK(rec.line == 2);
    CHECK(rec.last_line == 2);
    CHECK_THAT(rec.error, Catch::StartsWith("a quote opened in column 1 is never closed (the cell passes 5 lines)"));
    for (long line = 3; line <= 9; ++line) {
      REQUIRE(reader.next(rec));
      CHECK(rec.line == line);
      CHECK(rec.last_line == line);
      CHECK(rec.error.empty());
    }
    CHECK_FALSE(reader.next(rec));
    CHECK(reader.lines() == 9);
  }
  SECTION("at the end of the file, the quote's line is rejected and the lines after it are still read") {
    const std::string at_end = std::string(kHeader) + good_row("가") + "\"나,small\n" + good_row("다");
    Run e = run(at_end, {}, false);
    REQUIRE(e.rejects.size() == 1);
    CHECK(e.rejects[0].line == 3);
    CHECK(e.out.find("4,다,government") != std::string::npos);
    check_adds_up(e, at_end);
  }
}

TEST_CASE("a rejected row spanning lines names its first and last line", "[batch][csv]") {
  const std::string input =
      std::string(kHeader) +
      "\"두 줄\n이름\",huge,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" + good_row("다음");
  Run r = run(input);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 2);
  CHECK(r.rejects[0].last_line == 3);
  // the error record in the output names both lines too, so a script joining back finds them
  CHECK(r.out.find("2,\"두 줄\n이름\",,error,,,,,\"lines 2-3: ") != std::string::npos);
  CHECK(r.out.find("4,다음,government") != std::string::npos);
  check_adds_up(r, input);
}

TEST_CASE("a bare CR ends a line like LF, so later line numbers stay right", "[batch][csv]") {
  std::string lf = std::string(kHeader) + good_row("가") + "나,huge\n" + good_row("다");
  std::string cr = lf;
  for (char& c : cr)
    if (c == '\n') c = '\r';
  Run a = run(lf);
  Run b = run(cr);
  CHECK(a.out == b.out);
  REQUIRE(b.rejects.size() == 1);
  CHECK(b.rejects[0].line == 3);
  check_adds_up(b, cr);
  // a CR alone inside a quoted cell is a line end too: the next row is on line 4
  const std::string quoted =
      std::string(kHeader) +
      "\"가\r나\",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" + good_row("다");
  Run q = run(quoted);
  CHECK(q.out.find("4,다,government") != std::string::npos);
  check_adds_up(q, quoted);
}

TEST_CASE("encoding is decided row by row: one bad byte costs one row", "[batch][encoding]") {
  SECTION("a \\xff in a UTF-8 file") {
    std::string input = kHeader;
    for (int i = 0; i < 2000; ++i) input += good_row(i == 1000 ? "나쁜\xFF" : "회사" + std::to_string(i));
    Run r = run(input);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 1002);
    CHECK(r.rejects[0].reason == "column 1: byte 7 (0xFF) cannot be read as UTF-8 or CP949");
    CHECK(r.summary.evaluated == 1999);
    check_adds_up(r, input);
  }
  SECTION("a CP949 file whose first 64 KB are ASCII") {
    std::string input = "name,size,region\n";
    for (int i = 0; i < 4000; ++i) input += "company" + std::to_string(i) + ",small,\n";
    REQUIRE(input.size() > 70000);
    input += "\xC7\xD1\xBA\xFB,small,\xB4\xEB\xC0\xFC\n";  // 한빛, 대전 in CP949
    Run r = run(input, {}, /*all=*/true);
    CHECK(r.rejects.empty());
    CHECK(r.out.find("4002,한빛,") != std::string::npos);
  }
  SECTION("a short CP949 name that happens to be valid UTF-8 is still read as CP949") {
    Run r = run("name,size\n\xC5\xB8\xC3\xA2,small\n", {}, /*all=*/true);  // 타창 in CP949, "Ÿâ" in UTF-8
    CHECK(r.out.find("2,타창,") != std::string::npos);
  }
  SECTION("a forced encoding that does not fit suggests the other") {
    BatchOptions utf8;
    utf8.encoding = Encoding::utf8;
    Run a = run("name,size\n\xC7\xD1\xBA\xFB,small\n", utf8);
    REQUIRE(a.rejects.size() == 1);
    CHECK(a.rejects[0].reason ==
          "column 1: byte 1 (0xC7) cannot be read as UTF-8; the row reads as CP949: use --encoding cp949 (or auto)");
    BatchOptions cp949;
    cp949.encoding = Encoding::cp949;
    Run b = run("name,size\n한빛,small\n", cp949);
    REQUIRE(b.rejects.size() == 1);
    CHECK_THAT(b.rejects[0].reason, Catch::EndsWith("the row is valid UTF-8: use --encoding utf-8 (or auto)"));
  }
}

TEST_CASE("a 1 MB name at the start of a chunk costs about 1 MB, and every row is evaluated", "[batch][limits]") {
  std::string input = std::string(kHeader) + good_row(std::string(1u << 20, 'x'));
  for (int i = 0; i < 10000; ++i) input += good_row("회사" + std::to_string(i));
  Run r = run(input);
  CHECK(r.summary.evaluated == 10001);
  CHECK(r.rejects.empty());
}

TEST_CASE("a line with no end past the limit stops the run instead of reading forever", "[batch][limits]") {
  CHECK_THROWS_WITH(run(std::string(17u << 20, '\0')),
                    Catch::Contains("header: longer than 16 MiB (the limit of a record)"));
  BatchOptions jsonl;
  jsonl.input = BatchInput::jsonl;
  CHECK_THROWS_WITH(run(std::string(65u << 20, 'x'), jsonl),
                    "<stdin>:1: line longer than 64 MiB without a line end (the limit): is it a text file?");
}

TEST_CASE("empty header cells at the end (Excel) are no columns; cells under them must be empty", "[batch][csv]") {
  const std::string input = "name,size,ksic,,,\n가,small,29294,,,\n나,small,29294\n다,small,29294,,x,\n";
  Run r = run(input);
  CHECK(r.summary.evaluated == 2);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 4);
  CHECK(r.rejects[0].reason ==
        "column 5 has no name in the header but holds \"x\" (cells under an empty header cell must be empty)");
  check_adds_up(r, input);
}

TEST_CASE("blank lines and rows of empty cells are counted, not read as companies", "[batch][csv]") {
  const std::string input = std::string(kHeader) + good_row("가") + "\n,,,,,,,,,,,\n" + good_row("나") + "\n";
  Run r = run(input);
  CHECK(r.summary.evaluated == 2);
  CHECK(r.summary.blank_lines == 3);
  check_adds_up(r, input);
}

TEST_CASE("a NUL in a name keeps the row; a NUL in a value rejects it as a bad value", "[batch][csv]") {
  const std::string input =
      std::string("name,size\n") + std::string("한\0빛", 7) + ",small\n가," + std::string("small\0", 6) + "\n";
  Run r = run(input, {}, /*all=*/true);
  CHECK(r.summary.evaluated == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  check_adds_up(r, input);
}

TEST_CASE("a cut last line (the file still being written) is rejected, not evaluated as whole", "[batch][csv]") {
  const std::string cut = std::string(kHeader) + good_row("가") + "나,small,29294,대전";
  Run r = run(cut);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason ==
        "last line has no line end and is incomplete: the file may still be being written (4 of 12 cells)");
  check_adds_up(r, cut);
  Run q = run(std::string(kHeader) + good_row("가") + "\"나,small");
  REQUIRE(q.rejects.size() == 1);
  CHECK_THAT(q.rejects[0].reason, Catch::StartsWith("last line has no line end and is incomplete"));
  BatchOptions jsonl;
  jsonl.input = BatchInput::jsonl;
  Run j = run("{\"name\":\"가\",\"size\":\"small\"}\n{\"name\":\"나\",\"si", jsonl);
  REQUIRE(j.rejects.size() == 1);
  CHECK(j.rejects[0].line == 2);
  CHECK_THAT(j.rejects[0].reason, Catch::StartsWith("last line has no line end and is incomplete"));
}

TEST_CASE(
    "a row whose plan.costs names no program is rejected, the others evaluated; shares at the cap are not "
    "summed",
    "[batch][jsonl][costs]") {
  // issue #14: a 4억원 build budget is not a level check's cost. A company that gave none has its
  // level check split at the cap (basis cap), which the summary does not add to what companies ask for.
  BatchOptions options;
  options.input = BatchInput::jsonl;
  const std::string company =
      R"("size":"small","ksic":"29294","region":"대전","role":"adopter","status":{"business":"active","tax_arrears":false,"notice_exclusion":false,"sanctioned":false},"smart_factory":{"level":"basic","target_level":"intermediate2","built_by":"self","level_certified":false})";
  const std::string input = R"({"name":"비용없음",)" + company + R"(,"plan":{"total_cost":"4억원"}})" + "\n" +
                            R"({"name":"오타",)" + company +
                            R"(,"plan":{"total_cost":"4억원","costs":{"level-chek":"80만원"}}})" + "\n" +
                            R"({"name":"수준확인비용",)" + company +
                            R"(,"plan":{"total_cost":"4억원","costs":{"level-check":"80만원"}}})" + "\n";
  Run r = run(input, options, true);
  CHECK(r.summary.read == 3);
  CHECK(r.summary.evaluated == 2);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 2);
  CHECK(r.rejects[0].reason.find("level-chek") != std::string::npos);
  CHECK(r.rejects[0].reason.find("level-check") != std::string::npos);  // did you mean
  for (const auto& [id, totals] : r.summary.programs) {
    if (id != "level-check") continue;
    INFO("eligible " << totals.eligible << ", possible " << totals.possible);
    // both are eligible (self-built, not certified): one at its own 80만원 (summed), one at the cap
    // (counted apart)
    REQUIRE(totals.eligible == 2);
    CHECK(totals.government == 800'000);
    CHECK(totals.at_cap == 1);
  }
  CHECK(r.out.find("3,수준확인비용,level-check,") != std::string::npos);
}

TEST_CASE("a CSV list states programs' own costs in one plan.costs (사업별 비용) column", "[batch][csv][costs]") {
  const std::string header = std::string(kHeader).insert(std::string(kHeader).size() - 1, ",사업별 비용");
  std::string good = good_row("수준확인80");
  good.insert(good.size() - 1, ",\"level-check=80만원; dx-mentor:aftercare=1,000만원\"");
  std::string bad = good_row("항목오류");
  bad.insert(bad.size() - 1, ",level-check 80만원");
  Run r = run(header + good + bad, {}, true);
  CHECK(r.summary.evaluated == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason.find("expected program=amount") != std::string::npos);
  // 수준확인 전액 지원 at its own 80만원; 사후관리 50% of 1,000만원 (003_615c5e1e5f9a1b7a.txt §2.3, §2.6)
  CHECK(r.out.find("2,수준확인80,level-check,") != std::string::npos);
  CHECK(r.out.find(",level-check,1000000,800000,0,") != std::string::npos);
  CHECK(r.out.find(",dx-mentor,") != std::string::npos);
  CHECK(r.out.find("aftercare,19000000,5000000,5000000,") != std::string::npos);
}

// ---- #16: --keep, readable columns, --per company -----------------------------------------------

namespace {

/// Runs `input` into the csv format with `csv` options (language, --per company) and `keep`.
Run run_csv(const std::string& input, const BatchCsvOptions& csv, const KeepColumns& keep = {}) {
  BatchOptions options;
  options.evaluate.as_of = Date{2026, 2, 15};
  options.keep = keep;
  std::istringstream in(input);
  std::ostringstream out;
  const auto format = make_batch_csv(out, catalogue(), csv);
  Run r;
  r.summary = run_batch(catalogue(), in, options, *format, [&r](const RejectedRow& row) { r.rejects.push_back(row); });
  r.out = out.str();
  return r;
}

/// The input with 사업자등록번호 and 담당자 columns before the profile's.
std::string with_contact_columns(const std::vector<std::string>& names) {
  std::string input = std::string("사업자등록번호,담당자,") + kHeader;
  int n = 0;
  for (const std::string& name : names) input += "305-86-12346,김담당" + std::to_string(n++) + "," + good_row(name);
  return input;
}

}  // namespace

TEST_CASE("an unknown column is refused with the hint to --keep it", "[batch][keep]") {
  try {
    run_csv(with_contact_columns({"가"}), BatchCsvOptions{});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "<stdin>:1:2: unknown column \"담당자\" (column 2) in the header; expected a profile path like name, size, "
          "ksic, plan.total_cost or a Korean name like 회사명, 기업규모, 업종코드, 총사업비 (rename the column or "
          "remove it, or pass it through to the output with `--keep \"담당자\"`; `sfgrant schema profile` lists every "
          "column name)");
  }
}

TEST_CASE("--keep passes 사업자등록번호 and 담당자 through after line and name, a rejected row's too",
          "[batch][keep]") {
  std::string input = with_contact_columns({"한빛정밀"});
  input += "305-86-12346,박대리,깨진행,huge,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n";
  const Run r = run_csv(input, BatchCsvOptions{}, KeepColumns{{"사업자등록번호", "담당자"}, false});
  CHECK(r.out.rfind("line,name,사업자등록번호,담당자,program,status,track,cap,government,private,reason,caveats,", 0) ==
        0);
  CHECK(r.out.find("\n2,한빛정밀,305-86-12346,김담당0,government,eligible,advanced,200000000,200000000,200000000,") !=
        std::string::npos);
  CHECK(r.out.find("\n3,깨진행,305-86-12346,박대리,,error,") != std::string::npos);
  CHECK(r.summary.rejected == 1);
}

TEST_CASE("--keep names a column the way headers are matched, and a name no column has stops the run",
          "[batch][keep]") {
  const Run r =
      run_csv(with_contact_columns({"가"}), BatchCsvOptions{}, KeepColumns{{" 사업자 등록번호", "담당자"}, false});
  CHECK(r.summary.evaluated == 1);
  // 사업자등록번호 is a profile field (business_number): read as well as kept
  try {
    run_csv(with_contact_columns({"가"}), BatchCsvOptions{}, KeepColumns{{"담당자", "연락처"}, false});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "<stdin>:1:1: --keep \"연락처\": the header has no such column");
  }
}

TEST_CASE("--keep-all-unknown keeps every column that is no profile field, and only those", "[batch][keep]") {
  const Run r = run_csv(with_contact_columns({"가"}), BatchCsvOptions{}, KeepColumns{{}, true});
  CHECK(r.out.rfind("line,name,담당자,program,", 0) == 0);
}

TEST_CASE("a program row names the program, track, status and window in the output language and every party's share",
          "[batch][csv]") {
  const Run r = run_csv(std::string(kHeader) + good_row("한빛정밀"), BatchCsvOptions{Lang::ko, true, false});
  CHECK(
      r.out.find(",caveats,program_name,track_name,status_text,window,company,large_company,basis,missing,failed\n") !=
      std::string::npos);
  // 정부형 고도화 at 4억원: 2억 / 2억, split at the build budget
  CHECK(r.out.find(
            "2,한빛정밀,government,eligible,advanced,200000000,200000000,200000000,,,정부형 스마트공장,고도화,지원 "
            "가능,") != std::string::npos);
  CHECK(r.out.find(",200000000,,plan,") != std::string::npos);
}

TEST_CASE("--per company gives one row a company: its best program by government share, counts, questions",
          "[batch][per-company]") {
  std::string input = std::string(kHeader) + good_row("한빛정밀") +
                      "깨진행,huge,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n" +
                      "이름만,,,,,,,,,,,\n";
  const Run per = run_csv(input, BatchCsvOptions{Lang::ko, false, false, true});
  const Run programs = run_csv(input, BatchCsvOptions{Lang::ko, false, false});
  CHECK(per.out.rfind("line,name,status,program,program_name,track,track_name,government,company,large_company,private,"
                      "basis,eligible,possible,ineligible,questions,caveats,error\n",
                      0) == 0);
  std::istringstream lines(per.out);
  std::string line;
  std::vector<std::string> rows;
  while (std::getline(lines, line)) rows.push_back(line);
  REQUIRE(rows.size() == 4);  // the header and one row a company, the rejected one included
  CHECK(rows[1].rfind("2,한빛정밀,eligible,", 0) == 0);
  CHECK(rows[2].rfind("3,깨진행,error,", 0) == 0);
  CHECK(rows[3].rfind("4,이름만,", 0) == 0);
  // a company with nothing known: no eligible program, and the questions that decide the most programs
  CHECK(rows[3].find(",,,,,,,,,0,") != std::string::npos);
  // the best program's government share is the largest of the company's eligible rows
  Won largest = 0;
  std::istringstream all(programs.out);
  while (std::getline(all, line)) {
    if (line.rfind("2,한빛정밀,", 0) != 0 || line.find(",eligible,") == std::string::npos) continue;
    std::vector<std::string> cells;
    std::stringstream cs(line);
    for (std::string c; std::getline(cs, c, ',');) cells.push_back(c);
    if (cells.size() > 6 && !cells[6].empty()) largest = std::max<Won>(largest, std::stoll(cells[6]));
  }
  CHECK(largest > 0);
  CHECK(rows[1].find("," + std::to_string(largest) + ",") != std::string::npos);
}

TEST_CASE("the run counts each company once, by region, size and best program", "[batch][per-company]") {
  std::string input = std::string(kHeader) + good_row("가") + good_row("나") + "이름만,,,,,,,,,,,\n";
  const Run r = run_csv(input, BatchCsvOptions{});
  CHECK(r.summary.companies.companies == 3);
  CHECK(r.summary.companies.with_eligible == 2);
  long by_region = 0, by_best = 0;
  for (const auto& [k, t] : r.summary.by_region) by_region += t.companies;
  for (const CompanyTotals& t : r.summary.by_best_program) by_best += t.companies;
  CHECK(by_region == 3);
  CHECK(by_best == 2);  // companies without an eligible program have no best program
  CHECK(r.summary.companies.best_government > 0);
}

TEST_CASE("-j 1 and -j 2 write the same bytes with --keep and --per company", "[batch][keep][per-company]") {
  std::string input = std::string("담당자,") + kHeader;
  for (int i = 0; i < 3000; ++i) input += "담당" + std::to_string(i) + "," + good_row("회사" + std::to_string(i));
  auto once = [&](int jobs, bool per_company) {
    BatchOptions options;
    options.evaluate.as_of = Date{2026, 2, 15};
    options.keep.names = {"담당자"};
    options.jobs = jobs;
    options.batch_rows = 100;
    std::istringstream in(input);
    std::ostringstream out;
    const auto format = make_batch_csv(out, catalogue(), BatchCsvOptions{Lang::ko, true, false, per_company});
    run_batch(catalogue(), in, options, *format, {});
    return out.str();
  };
  CHECK(once(1, false) == once(2, false));
  CHECK(once(1, true) == once(2, true));
}

TEST_CASE("--keep with JSON Lines input passes top-level keys through: as JSON in jsonl, as text in csv",
          "[batch][keep]") {
  const std::string input =
      "{\"name\": \"한빛정밀\", \"담당자\": \"김담당\", \"사업자등록번호\": 3058612346, \"size\": \"small\"}\n"
      "{\"name\": \"깨진행\", \"담당자\": \"박대리\", \"size\": \"huge\"}\n";
  BatchOptions options;
  options.input = BatchInput::jsonl;
  options.evaluate.as_of = Date{2026, 2, 15};
  options.keep.names = {"사업자등록번호", "담당자"};
  std::istringstream in(input);
  std::ostringstream jsonl;
  const auto format = make_batch_jsonl(jsonl, catalogue(), Lang::ko, false);
  const BatchSummary summary = run_batch(catalogue(), in, options, *format, {});
  CHECK(summary.evaluated == 1);
  CHECK(summary.rejected == 1);
  CHECK(jsonl.str().rfind("{\"line\":1,\"kept\":{\"사업자등록번호\":3058612346,\"담당자\":\"김담당\"},\"year\":2026,",
                          0) == 0);
  CHECK(
      jsonl.str().find("{\"line\":2,\"kept\":{\"사업자등록번호\":null,\"담당자\":\"박대리\"},\"status\":\"error\",") !=
      std::string::npos);
  std::istringstream again(input);
  std::ostringstream csv;
  const auto csv_format = make_batch_csv(csv, catalogue(), BatchCsvOptions{Lang::ko, false, false, true});
  run_batch(catalogue(), again, options, *csv_format, {});
  CHECK(csv.str().find("\n1,한빛정밀,3058612346,김담당,") != std::string::npos);
  CHECK(csv.str().find("\n2,깨진행,,박대리,error,") != std::string::npos);
}
