// Batch input and output as a technopark's script would notice them: nothing lost, order kept,
// Korean Excel files read right, formulas neutralised.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/render/batch_csv.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"

using namespace sfgrant;

namespace {

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

const char* kHeader =
    "name,size,ksic,region,role,status.business,status.tax_arrears,status.notice_exclusion,status.sanctioned,"
    "smart_factory.level,smart_factory.target_level,plan.total_cost\n";

std::string good_row(const std::string& name) {
  return name + ",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n";
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
    CsvReader reader(in, 16, {}, 64);
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
