#include "sfgrant/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "sfgrant/csv.h"

namespace sfgrant {

namespace {

/// Bytes that need an escape (or a UTF-8 check) rather than a plain copy.
bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  bool checked_utf8 = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (plain(c)) continue;
    if (c >= 0x80) {
      // nlohmann refuses invalid UTF-8; let it throw its own error for the whole string
      if (!checked_utf8 && !valid_utf8(text)) {
        out.resize(start);
        out += nlohmann::json(std::string(text)).dump();
        return;
      }
      checked_utf8 = true;
      continue;
    }
    out.append(text.data() + run, i - run);
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
        out.append(u, sizeof u);
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void append_json_int(std::string& out, std::int64_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace sfgrant
