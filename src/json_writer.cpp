#include "sfgrant/json_writer.h"

#include <nlohmann/json.hpp>

#include "sfgrant/text/csv.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

namespace {

/// Bytes that need an escape (or a UTF-8 check) rather than a plain copy.
bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

void append_json_string(TextBuffer& out, std::string_view text) {
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  bool checked_utf8 = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (plain(c)) continue;
    if (c >= 0x80) {
      // nlohmann refuses invalid UTF-8: let it throw its own error (which ends the batch)
      if (!checked_utf8 && !valid_utf8(text)) (void)nlohmann::json(std::string(text)).dump();
      checked_utf8 = true;
      continue;
    }
    out.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(std::string_view(u, sizeof u));
      }
    }
  }
  out.append(text.substr(run));
  out += '"';
}

std::string json_string(std::string_view text) {
  TextBuffer out;
  append_json_string(out, text);
  return std::string(out.view());
}

}  // namespace sfgrant
