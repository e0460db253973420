#include "sfgrant/text/terminal_escape.h"

#include <fmt/format.h>

#include "sfgrant/text/unicode.h"

namespace sfgrant {
namespace {

/// The code point of the valid UTF-8 sequence of `n` bytes at `s[i]`.
char32_t decode(std::string_view s, size_t i, size_t n) {
  const auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  switch (n) {
    case 1:
      return b(0);
    case 2:
      return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    case 3:
      return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    default:
      return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
}

/// C1 controls and the characters that change the order text is shown in.
bool shown_as_code_point(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

/// Calls `plain(offset, length)` for runs to copy and `escaped(text)` for what replaces the rest;
/// stops early when `escaped` returns false.
template <typename Plain, typename Escaped>
void walk(std::string_view s, bool keep_newlines, Plain plain, Escaped escaped) {
  size_t run = 0;
  size_t i = 0;
  auto flush = [&] {
    if (i > run) plain(run, i - run);
  };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c == '\n' && keep_newlines) {
      ++i;
      continue;
    }
    if (c < 0x80) {  // C0 or DEL
      flush();
      if (!escaped(c == '\t' ? std::string("\\t") : c == '\n' ? std::string("\\n") : fmt::format("\\x{:02x}", c)))
        return;
      run = ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      flush();
      if (!escaped(fmt::format("\\x{:02x}", c))) return;
      run = ++i;
      continue;
    }
    const char32_t cp = decode(s, i, n);
    if (shown_as_code_point(cp)) {
      flush();
      if (!escaped(fmt::format("<U+{:04X}>", static_cast<unsigned>(cp)))) return;
      run = i += n;
      continue;
    }
    i += n;
  }
  flush();
}

}  // namespace

std::string escape_for_terminal(std::string_view text, bool keep_newlines) {
  if (!needs_terminal_escape(text, keep_newlines)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  walk(
      text, keep_newlines, [&](size_t at, size_t n) { out.append(text.substr(at, n)); },
      [&](const std::string& e) {
        out += e;
        return true;
      });
  return out;
}

bool needs_terminal_escape(std::string_view text, bool keep_newlines) {
  bool found = false;
  walk(
      text, keep_newlines, [](size_t, size_t) {},
      [&](const std::string&) {
        found = true;
        return false;
      });
  return found;
}

std::string strip_nul(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != '\0') out += c;
  return out;
}

}  // namespace sfgrant
