#pragma once
/// Company lists: a streaming RFC 4180 CSV reader (text/encoding.h decodes what Korean Excel saves),
/// SPEC §8.
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

/// One record with the physical line it starts on (1-based).
struct CsvRecord {
  long line = 0;
  std::vector<std::string> fields;
  std::string error;  ///< set when the record cannot be read (e.g. an unterminated quote)
};

/// The longest record a company list may have (README "Input limits"): a quote that is never
/// closed would otherwise make one record of the whole rest of the file.
constexpr size_t kMaxCsvRecordBytes = 16u << 20;

/// Reads RFC 4180 records (quoted commas, quotes and newlines; CRLF or LF; optional final
/// newline) from a stream in chunks, so memory does not grow with the number of rows.
class CsvReader {
 public:
  /// `prefix` holds bytes already taken from `in` (e.g. to sniff the encoding); they come first.
  /// A record longer than `max_record` bytes is cut at the end of the line where it passes the
  /// limit and returned with an error; reading goes on from the next line.
  explicit CsvReader(std::istream& in, size_t chunk_size = 1 << 20, std::string prefix = {},
                     size_t max_record = kMaxCsvRecordBytes);

  /// The next record; false at the end of input.
  bool next(CsvRecord& record);

 private:
  bool fill();
  /// Drops the bytes up to and including the next newline (after an over-long record).
  void skip_line();

  std::istream& in_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t chunk_size_;
  size_t max_record_;
  bool eof_ = false;
  long line_ = 1;
};

}  // namespace sfgrant
