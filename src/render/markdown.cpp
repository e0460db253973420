#include "sfgrant/render/markdown.h"

#include <fmt/format.h>

#include <algorithm>

namespace sfgrant {
namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// `&` starting what Markdown reads as an entity reference: `&name;`, `&#123;`, `&#x1F;`.
bool starts_entity(std::string_view text, size_t at) {
  size_t i = at + 1;
  if (i < text.size() && text[i] == '#') ++i;
  const size_t first = i;
  while (i < text.size() && ascii_alnum(text[i])) ++i;
  return i > first && i < text.size() && text[i] == ';';
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':  // only where it would start an entity: R&D stays as written
        out += starts_entity(text, i) ? "&amp;" : "&";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '_':  // between letters or digits it cannot start or end emphasis: 003_615c.txt stays as written
        if (i > 0 && i + 1 < text.size() && ascii_alnum(text[i - 1]) && ascii_alnum(text[i + 1])) {
          out += c;
          continue;
        }
        out += '\\';
        out += c;
        continue;
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
      case '$':
        out += '\\';
        out += c;
        continue;
      case ':':  // `http://…` would be made a link (GFM autolinks); `http\://…` is not
        if (text.substr(i + 1, 2) == "//") out += '\\';
        out += c;
        continue;
      case '.':  // nor `www\.…`
        if (i >= 3 && (text.substr(i - 3, 3) == "www" || text.substr(i - 3, 3) == "WWW")) out += '\\';
        out += c;
        continue;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        continue;
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) continue;
    // U+202A-202E are E2 80 AA-AE, U+2066-2069 are E2 81 A6-A9 in UTF-8
    if (u == 0xe2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      int code = 0;
      if (b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) code = 0x202a + (b2 - 0xaa);
      if (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) code = 0x2066 + (b2 - 0xa6);
      if (code != 0) {
        out += fmt::format("U+{:04X}", code);
        i += 2;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view id) {
  const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return ascii_alnum(c) || c == '_' || c == '.' || c == '-' || c == ':';
  });
  return plain ? "`" + std::string(id) + "`" : markdown_escape(id);
}

}  // namespace sfgrant
