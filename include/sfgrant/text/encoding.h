#pragma once
/// The encodings of company lists saved by Korean Excel: UTF-8 (with or without a BOM) and CP949.
#include <optional>
#include <string>
#include <string_view>

namespace sfgrant {

enum class Encoding { automatic, utf8, cp949 };

/// Converts one field's bytes to UTF-8. utf8: validated as is; cp949: decoded strictly with iconv
/// (no //IGNORE). On failure returns nothing and sets `bad_offset` to the byte that could not be read.
std::optional<std::string> decode_field(std::string_view bytes, Encoding encoding, size_t& bad_offset);

/// Decides the encoding of a file from its first bytes (after a UTF-8 BOM, which is UTF-8):
/// valid UTF-8 stays UTF-8, anything else is CP949.
Encoding sniff_encoding(std::string_view head);

/// Removes a UTF-8 byte order mark at the start of `text`; returns true when there was one.
bool strip_bom(std::string& text);

}  // namespace sfgrant
