#pragma once
/// JSON text written straight into a buffer, byte for byte as nlohmann::json::dump() (ensure_ascii
/// off) would write it: strings and whole numbers, for the batch path, where building an
/// ordered_json tree per company and dumping it cost ~95% of the time.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sfgrant/text_buffer.h"

namespace sfgrant {

// ---- free helpers (fragments prepared ahead of time, single values) ----

/// Appends `text` as a quoted JSON string, escaped as nlohmann escapes it: `\"` `\\` `\b` `\f`
/// `\n` `\r` `\t`, other bytes below 0x20 as `\u00xx` (lowercase hex), everything else (DEL and
/// UTF-8 included) as is. Throws sfgrant::Error when `text` is not valid UTF-8 (nlohmann would
/// refuse it too); the buffer then holds a partial string.
void append_json_string(TextBuffer& out, std::string_view text);

/// `text` as a quoted, escaped JSON string (append_json_string), for fragments prepared once
/// and copied many times, e.g. with JsonWriter::raw_string().
std::string json_string(std::string_view text);

/// Appends a whole number as dump() writes it.
inline void append_json_int(TextBuffer& out, std::int64_t n) {
  char* at = out.room(20);
  out.commit(static_cast<size_t>(std::to_chars(at, at + 20, n).ptr - at));
}

namespace json_detail {

struct PlainBytes {
  bool plain[256];
};
constexpr PlainBytes make_plain_bytes() {
  PlainBytes t{};
  for (int c = 0; c < 256; ++c) t.plain[c] = c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  return t;
}
/// Bytes copied as they are without looking further: printable ASCII but `"` and `\`.
inline constexpr PlainBytes kPlainBytes = make_plain_bytes();

/// Copies the leading bytes of `text` that need no escape and no UTF-8 check to `to` (which has
/// room for all of `text`); returns how many were copied.
inline size_t copy_plain(char* to, std::string_view text) {
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (!kPlainBytes.plain[static_cast<unsigned char>(c)]) break;
    to[i] = c;
  }
  return i;
}

/// Appends `text` from byte `from` on, escaped (no quotes); checks the whole of `text` is UTF-8
/// when it meets a byte >= 0x80, and throws sfgrant::Error when it is not.
void append_escaped(TextBuffer& out, std::string_view text, size_t from);

}  // namespace json_detail

}  // namespace sfgrant
