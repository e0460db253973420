#pragma once
// The input side of batch: one raw row at a time, a CSV record (split into fields, not yet
// decoded) or a JSON Lines line, each with the lines it spans; blank lines and the header are
// counted, so every line of the input is accounted for. Undecoded rows go to the workers, which
// decode and map them in parallel.
#include <memory>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/text/byte_source.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"

namespace sfgrant {

/// One input row as read, before decoding.
struct RawRow {
  long line = 0;
  long last_line = 0;
  std::vector<std::string> fields;  ///< csv: the cells; jsonl: the line, as one field
  std::string error;                ///< could not even be split into fields
  bool cut = false;                 ///< the last line of the input, without a line end
};

/// The message for a last line without a line end that cannot be a whole row.
extern const char* const kCutLine;

/// Reads input rows one at a time (CSV records or JSON lines).
class RowSource {
 public:
  /// For CSV reads the header and builds the mapper. Throws Error for an empty input or a header
  /// that cannot be read or names an unknown column, and (from next() too) when the input cannot
  /// be read (an I/O error, a line over the limit), naming the line reached.
  RowSource(ByteSource& in, const BatchOptions& options);

  /// The encoding the workers decode with: the option, UTF-8 after a BOM, else automatic (per row).
  Encoding encoding() const { return encoding_; }
  /// The input columns passed through (--keep), as the formats name them.
  const KeptColumns& kept_columns() const { return kept_columns_; }
  /// The CSV header's mapper; null for JSON Lines.
  const CsvProfileMapper* mapper() const { return mapper_.get(); }

  /// The next row, blank lines counted and skipped; false at the end of input.
  bool next(RawRow& row);

  /// Lines read so far (the input's lines at the end), of which the header and blank lines.
  long lines() const { return reader_->lines(); }
  long header_lines() const { return header_lines_; }
  long blank_lines() const { return blank_lines_; }

 private:
  bool row_of_its_own(const std::vector<std::string>& fields) const;

  Encoding encoding_ = Encoding::automatic;
  std::unique_ptr<CsvReader> reader_;
  std::unique_ptr<CsvProfileMapper> mapper_;
  CsvRecord record_;
  KeptColumns kept_columns_;
  long header_lines_ = 0;
  long blank_lines_ = 0;
};

}  // namespace sfgrant
