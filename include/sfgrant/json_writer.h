#pragma once
/// JSON text written straight into a buffer, byte for byte as nlohmann::json::dump() (no indent,
/// ensure_ascii off) would write it. For the batch path only, where building an ordered_json tree
/// per company and dumping it cost ~95% of the time; everywhere else JSON goes through nlohmann.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "sfgrant/text/text_buffer.h"

namespace sfgrant {

/// Appends `text` as a quoted JSON string: `"` `\` and control characters escaped as nlohmann
/// does (\b \t \n \f \r, else \u00xx); UTF-8 passes through. Invalid UTF-8 throws the same
/// nlohmann::json::type_error dump() would.
void append_json_string(TextBuffer& out, std::string_view text);

/// Appends a whole number as dump() writes it.
inline void append_json_int(TextBuffer& out, std::int64_t n) {
  char* at = out.room(20);
  out.commit(static_cast<size_t>(std::to_chars(at, at + 20, n).ptr - at));
}

/// `text` as a quoted JSON string, for fragments prepared once and copied many times.
std::string json_string(std::string_view text);

}  // namespace sfgrant
