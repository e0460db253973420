#pragma once
// The input side of batch: the encoding sniff, then one raw row at a time, a CSV record (split
// into fields, not yet decoded) or a JSON Lines line. Undecoded rows go to the workers, which
// decode and map them in parallel.
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"

namespace sfgrant {

/// One input row as read, before decoding.
struct RawRow {
  long line = 0;
  std::vector<std::string> fields;  ///< csv
  std::string text;                 ///< jsonl
  std::string error;                ///< could not even be split into fields
};

/// Reads input rows one at a time (CSV records or JSON lines), after the encoding sniff.
class RowSource {
 public:
  /// Sniffs the encoding from the first 64 KiB (a BOM, else UTF-8 or CP949) unless the options
  /// name one; for CSV reads the header and builds the mapper. Throws Error for an empty input
  /// or a header that cannot be read or names an unknown column.
  RowSource(std::istream& in, const BatchOptions& options);

  Encoding encoding() const { return encoding_; }
  /// The CSV header's mapper; null for JSON Lines.
  const CsvProfileMapper* mapper() const { return mapper_.get(); }

  /// The next row, blank lines skipped; false at the end of input.
  bool next(RawRow& row);

 private:
  bool read_line(std::string& line, bool& too_long);

  std::istream& in_;
  Encoding encoding_ = Encoding::utf8;
  std::unique_ptr<CsvReader> csv_;
  std::unique_ptr<CsvProfileMapper> mapper_;
  std::string pending_;
  size_t pos_ = 0;
  bool eof_ = false;
  long line_no_ = 0;
};

}  // namespace sfgrant
