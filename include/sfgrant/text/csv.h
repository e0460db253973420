#pragma once
/// Company lists: a streaming RFC 4180 CSV reader (text/encoding.h decodes what Korean Excel saves),
/// SPEC §8. Every physical line of the input ends up in exactly one record, whose first and last
/// lines the record names, so a caller can account for every line.
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "sfgrant/text/byte_source.h"

namespace sfgrant {

/// One record with the physical lines it spans (1-based; last_line > line when a quoted cell holds
/// line ends).
struct CsvRecord {
  long line = 0;
  long last_line = 0;
  std::vector<std::string> fields;
  std::string error;  ///< set when the record cannot be read (e.g. a quote that is never closed)
  bool cut = false;   ///< the input ended on this record's last line, without a line end
};

/// The longest record a company list may have (README "Input limits"): a longer one is rejected
/// and reading goes on at the next line.
constexpr size_t kMaxCsvRecordBytes = 16u << 20;
/// The longest line: beyond it (e.g. /dev/zero, a binary file) the input is refused, since
/// skipping to a line end that may never come would not end.
constexpr size_t kMaxCsvLineBytes = 64u << 20;
/// The most lines one quoted cell may span before its quote is taken as never closed.
constexpr long kMaxQuotedLines = 1000;
/// Line numbers are ints in messages.
constexpr long kMaxLines = 2'147'483'647;

struct CsvLimits {
  size_t chunk = 1u << 20;  ///< bytes read at a time
  size_t max_record = kMaxCsvRecordBytes;
  size_t max_line = kMaxCsvLineBytes;
  long max_quoted_lines = kMaxQuotedLines;
};

/// Reads RFC 4180 records (quoted commas, quotes and newlines; optional final line end) or plain
/// lines from a ByteSource in chunks, so memory does not grow with the number of rows.
///
/// Lines end with LF, CR LF or a CR alone (old Mac files), in quoted cells too; a quoted cell keeps
/// its line-end bytes as they are. A UTF-8 byte order mark at the start is skipped (bom()).
///
/// A quote that is never closed must not swallow the rows after it. While a quoted cell runs over
/// line ends, the quote is taken as unclosed when (a) a new line, read on its own, is a row that
/// the row check accepts (set_row_check: the header's column count and values that read), (b) the
/// cell passes kMaxQuotedLines lines or the record max_record bytes, or (c) the input ends. Then
/// only the record's first line is rejected, and reading resumes at the line after it, where a
/// quote cannot span lines until the point of detection: every line after it gets its own record.
///
/// Read failures and lines over max_line throw Error naming `file` and the line reached.
class CsvReader {
 public:
  CsvReader(ByteSource& in, std::string file, CsvLimits limits = {});
  /// From a stream (tests, fuzzers), `chunk` bytes at a time; messages name "input".
  explicit CsvReader(std::istream& in, size_t chunk = 1u << 20);

  /// Accepts a line read on its own as a complete row (heuristic (a) above); none: off.
  void set_row_check(std::function<bool(const std::vector<std::string>&)> check) { row_check_ = std::move(check); }

  /// The next record; false at the end of input.
  bool next(CsvRecord& record);
  /// The next physical line, without its line end, in record.fields[0] (JSON Lines); false at the
  /// end of input. A line over max_record bytes comes back empty with an error.
  bool next_line(CsvRecord& record);

  /// The input started with a UTF-8 byte order mark.
  bool bom() const { return bom_; }
  /// Lines read so far: the input's line count once next() has returned false.
  long lines() const { return lines_; }

 private:
  bool fill(long at_line);
  bool have(size_t k, long at_line);
  size_t line_end_length(size_t k, long at_line);
  void finish(CsvRecord& record, size_t consumed, long last_line, bool line_end);
  bool unclosed(CsvRecord& record, size_t quote_column, size_t second_line, long resume_until, const std::string& why);
  bool too_long(CsvRecord& record, long line, const char* what);
  /// Clears `record` for the line to come (skipping the rest of a line too long to keep); false at
  /// the end of the input. `what` names the input in the error past the line limit.
  bool start_record(CsvRecord& record, const char* what);
  void skip_rest_of_line();
  bool looks_like_row(size_t k, long at_line);

  void skip_bom();

  std::unique_ptr<ByteSource> owned_;  ///< the stream's source, for the stream constructor
  ByteSource& in_;
  std::string file_;
  CsvLimits limits_;
  std::function<bool(const std::vector<std::string>&)> row_check_;
  std::string buffer_;
  size_t pos_ = 0;  ///< the next unread byte in buffer_
  bool eof_ = false;
  bool bom_ = false;
  long line_ = 1;          ///< the line at pos_
  long lines_ = 0;         ///< lines returned in records so far
  long local_until_ = 0;   ///< up to this line a quote cannot span lines (after an unclosed quote)
  bool skipping_ = false;  ///< the rest of the current line belongs to a record already returned
  size_t skipped_ = 0;     ///< bytes of that line skipped so far
};

}  // namespace sfgrant
