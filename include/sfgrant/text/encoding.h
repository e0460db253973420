#pragma once
/// The encodings of company lists saved by Korean Excel: UTF-8 (with or without a BOM) and CP949.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

enum class Encoding { automatic, utf8, cp949 };

/// Converts one field's bytes to UTF-8. utf8: validated as is; cp949: decoded strictly with iconv
/// (no //IGNORE). On failure returns nothing and sets `bad_offset` to the byte that could not be read.
std::optional<std::string> decode_field(std::string_view bytes, Encoding encoding, size_t& bad_offset);

/// Why a row could not be decoded: where, and whether the other encoding would have read it.
struct DecodeProblem {
  size_t column = 0;  ///< 1-based
  size_t byte = 0;    ///< 1-based, in the field
  unsigned char value = 0;
  Encoding tried = Encoding::automatic;       ///< automatic: tried both
  Encoding would_read = Encoding::automatic;  ///< the other encoding reads the row (automatic: neither)
};

/// Decodes one row's fields to UTF-8 in place. With Encoding::automatic the row decides for itself,
/// so one bad byte costs one row, never the file: a row that is valid UTF-8 is UTF-8, except a row
/// whose only non-ASCII characters are two-byte ones (Latin letters with accents, …) that CP949
/// reads as Hangul syllables only, which is CP949 (a short Hangul name in CP949 can be valid UTF-8
/// by chance; a Hangul name in UTF-8 has three-byte characters); any other row is read as CP949.
/// A row neither reads is left as it is, with the problem.
std::optional<DecodeProblem> decode_row(std::vector<std::string>& fields, Encoding encoding);

/// The problem in words: "column 2: byte 5 (0xFF) cannot be read as UTF-8 or CP949", with a hint
/// to use --encoding when the other encoding reads the row. `column`: name the column (CSV).
std::string describe(const DecodeProblem& problem, bool column);

/// Decides the encoding of a file from its first bytes (after a UTF-8 BOM, which is UTF-8):
/// valid UTF-8 stays UTF-8, anything else is CP949. Batch no longer uses it (one byte in the
/// sample would decide for the whole file): decode_row decides row by row.
Encoding sniff_encoding(std::string_view head);

/// Removes a UTF-8 byte order mark at the start of `text`; returns true when there was one.
bool strip_bom(std::string& text);

}  // namespace sfgrant
