// Fuzz target: company lists (SPEC §8). The CSV reader must split the same records whatever the
// chunk size it reads with; the decoder must give valid UTF-8 or say which byte it cannot read;
// and a whole batch (CSV or JSON Lines, automatic encoding) is run against the shipped 2026
// catalogue into csv and jsonl output, which must be valid UTF-8.
//
// The first byte chooses: bit 0 JSON Lines instead of CSV, bit 1 jsonl output instead of csv,
// bits 2-7 the reader's chunk size (1-64 bytes) for the differential check. The rest is the file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "sfgrant/batch/batch.h"
#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/batch_jsonl.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/unicode.h"

using namespace sfgrant;

namespace {

const Catalogue& catalogue() {
  static const Catalogue cat = fuzz::load_real_catalogue(2026);
  return cat;
}

std::vector<CsvRecord> read_all(const std::string& text, size_t chunk) {
  std::istringstream in(text);
  CsvReader reader(in, chunk);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.next(r)) {
    out.push_back(r);
    if (out.size() > text.size() + 1) fuzz::fail("more records than bytes");
  }
  return out;
}

void check_reader(const std::string& text, size_t small_chunk) {
  const auto a = read_all(text, small_chunk);
  const auto b = read_all(text, 1 << 20);
  if (a.size() != b.size()) fuzz::fail("the record count depends on the chunk size");
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].line != b[i].line || a[i].fields != b[i].fields || a[i].error.empty() != b[i].error.empty())
      fuzz::fail("record " + std::to_string(i) + " depends on the chunk size");
    if (i > 0 && a[i].line < a[i - 1].line) fuzz::fail("line numbers go backwards");
    for (const auto& field : a[i].fields) {
      for (Encoding e : {Encoding::utf8, Encoding::cp949}) {
        size_t bad = 0;
        const auto decoded = decode_field(field, e, bad);
        if (decoded && !valid_utf8(*decoded)) fuzz::fail("decode_field gave invalid UTF-8");
        if (!decoded && bad >= field.size() && !field.empty()) fuzz::fail("bad_offset past the field");
        if (e == Encoding::utf8 && decoded && *decoded != field) fuzz::fail("utf8 decoding changed the text");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)catalogue();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned control = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  check_reader(text, 1 + (control >> 2));
  (void)sniff_encoding(text);
  std::string stripped = text;
  if (strip_bom(stripped) && stripped.size() + 3 != text.size()) fuzz::fail("strip_bom removed the wrong bytes");

  BatchOptions options;
  options.input = (control & 1) ? BatchInput::jsonl : BatchInput::csv;
  options.jobs = 1;
  options.batch_rows = 4;
  options.evaluate.as_of = Date{2026, 2, 15};
  options.file_name = "input.csv";
  std::istringstream in(text);
  std::ostringstream out;
  const std::unique_ptr<BatchFormat> format = (control & 2) ? make_batch_jsonl(out, catalogue(), Lang::ko, false)
                                                            : make_batch_csv(out, catalogue(), {Lang::ko, true, false});
  try {
    const BatchSummary summary = run_batch(catalogue(), in, options, *format, [](const RejectedRow& row) {
      if (row.line <= 0) fuzz::fail("a rejected row without its line number");
      // what the jsonl error record writes must be UTF-8 (JsonWriter refuses anything else)
      if (!valid_utf8(row.name) || !valid_utf8(row.reason)) fuzz::fail("a rejected row that is not valid UTF-8");
    });
    if (summary.evaluated + summary.rejected != summary.read) fuzz::fail("rows read != evaluated + rejected");
  } catch (const Error&) {
    // the file cannot be read at all (bad header, unknown column): a message, not a crash
  }
  if (!valid_utf8(out.str())) fuzz::fail("batch output is not valid UTF-8");
  return 0;
}
