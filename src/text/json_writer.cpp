#include "sfgrant/text/json_writer.h"

#include <string>

#include "sfgrant/model/error.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

namespace {

[[noreturn]] void throw_invalid_utf8(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  const size_t at = first_invalid_utf8(text);
  std::string message = "cannot write JSON: text is not valid UTF-8 (byte " + std::to_string(at);
  if (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    message += ", 0x";
    message += kHex[c >> 4];
    message += kHex[c & 0xF];
  }
  throw Error(message + ")");
}

}  // namespace

namespace json_detail {

void append_escaped(TextBuffer& out, std::string_view text, size_t from) {
  static const char kHex[] = "0123456789abcdef";
  bool checked_utf8 = false;
  size_t run = from;  // start of the bytes not yet copied
  for (size_t i = from; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (kPlainBytes.plain[c]) continue;
    if (c >= 0x80) {
      // the bytes before `from` are plain ASCII: checking the rest checks the whole
      if (!checked_utf8 && !valid_utf8(text.substr(from))) throw_invalid_utf8(text);
      checked_utf8 = true;
      continue;
    }
    out.append(text.substr(run, i - run));
    run = i + 1;
    char* p = out.room(6);
    p[0] = '\\';
    switch (c) {
      case '"':
        p[1] = '"';
        break;
      case '\\':
        p[1] = '\\';
        break;
      case '\b':
        p[1] = 'b';
        break;
      case '\f':
        p[1] = 'f';
        break;
      case '\n':
        p[1] = 'n';
        break;
      case '\r':
        p[1] = 'r';
        break;
      case '\t':
        p[1] = 't';
        break;
      default:
        p[1] = 'u';
        p[2] = '0';
        p[3] = '0';
        p[4] = kHex[c >> 4];
        p[5] = kHex[c & 0xF];
        out.commit(6);
        continue;
    }
    out.commit(2);
  }
  out.append(text.substr(run));
}

}  // namespace json_detail

void append_json_string(TextBuffer& out, std::string_view text) {
  char* p = out.room(text.size() + 2);
  *p = '"';
  const size_t plain = json_detail::copy_plain(p + 1, text);
  if (plain == text.size()) {
    p[plain + 1] = '"';
    out.commit(plain + 2);
    return;
  }
  out.commit(plain + 1);
  json_detail::append_escaped(out, text, plain);
  out += '"';
}

std::string json_string(std::string_view text) {
  TextBuffer out;
  append_json_string(out, text);
  return std::string(out.view());
}

void JsonWriter::new_line(bool comma, size_t level) {
  const size_t indent = 2 * level;
  char* const start = out_.room(indent + 2);
  char* p = start;
  if (comma) *p++ = ',';
  *p++ = '\n';
  std::memset(p, ' ', indent);
  out_.commit(static_cast<size_t>(p - start) + indent);
}

}  // namespace sfgrant
