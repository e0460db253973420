#include "sfgrant/text/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

#include "sfgrant/text/terminal_escape.h"

namespace sfgrant {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const unsigned c = byte(i);
  const auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return byte(k) >= lo && byte(k) <= hi; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if (c == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (c == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // the usual case, one byte at a time
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return s.size();
}

bool valid_utf8(std::string_view s) { return first_invalid_utf8(s) == s.size(); }

std::string nfc(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return text;
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

namespace {

/// Columns of one code point. Hangul medial vowels and final consonants (U+1160–U+11FF,
/// U+D7B0–U+D7FF) join the initial consonant before them in one syllable block: no columns of
/// their own (utf8proc gives some of them one, wcwidth gives them none).
int codepoint_width(utf8proc_int32_t cp) {
  if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF)) return 0;
  const int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : w;
}

/// One user-perceived character (a grapheme cluster), or one invalid byte.
struct Glyph {
  size_t offset = 0;
  size_t length = 0;
  int width = 0;
  bool space = false;  ///< an ASCII space, where lines may break
};

std::vector<Glyph> glyphs(const std::string& text) {
  std::vector<Glyph> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto len = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t i = 0;
  utf8proc_int32_t previous = -1;
  utf8proc_int32_t state = 0;
  while (i < len) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p + i, len - i, &cp);
    if (n <= 0) {  // invalid byte: a character of one column
      out.push_back({static_cast<size_t>(i), 1, 1, false});
      previous = -1;
      state = 0;
      ++i;
      continue;
    }
    const int w = codepoint_width(cp);
    if (previous >= 0 && !out.empty() && !utf8proc_grapheme_break_stateful(previous, cp, &state)) {
      out.back().length += static_cast<size_t>(n);
      out.back().width += w;
    } else {
      out.push_back({static_cast<size_t>(i), static_cast<size_t>(n), w, cp == ' '});
    }
    previous = cp;
    i += n;
  }
  return out;
}

int width_of(const std::vector<Glyph>& gs, size_t from, size_t to) {
  int w = 0;
  for (size_t k = from; k < to; ++k) w += gs[k].width;
  return w;
}

}  // namespace

int display_width(const std::string& text) {
  int width = 0;
  for (const Glyph& g : glyphs(nfc(text))) width += g.width;
  return width;
}

std::string truncate_to_width(const std::string& raw, int width) {
  const std::string text = nfc(raw);
  if (display_width(text) <= width) return text;
  if (width <= 0) return {};
  std::string out;
  int used = 0;
  for (const Glyph& g : glyphs(text)) {
    if (used + g.width > width - 1) break;  // one column is kept for "…"
    out.append(text, g.offset, g.length);
    used += g.width;
  }
  return out + "…";
}

std::vector<std::string> wrap_to_width(const std::string& raw, int width) {
  const std::string text = nfc(raw);
  if (width <= 0 || display_width(text) <= width) return {text};
  const std::vector<Glyph> gs = glyphs(text);
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;
  auto flush = [&] {
    if (!line.empty()) lines.push_back(line);
    line.clear();
    line_width = 0;
  };
  size_t k = 0;
  while (k < gs.size()) {
    if (gs[k].space) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < gs.size() && !gs[end].space) ++end;
    const int word = width_of(gs, k, end);
    if (line_width > 0 && line_width + 1 + word <= width) {
      line += ' ';
      line.append(text, gs[k].offset, gs[end - 1].offset + gs[end - 1].length - gs[k].offset);
      line_width += 1 + word;
    } else if (word <= width) {
      flush();
      line.append(text, gs[k].offset, gs[end - 1].offset + gs[end - 1].length - gs[k].offset);
      line_width = word;
    } else {  // a word wider than the line: break it between characters
      flush();
      for (size_t g = k; g < end; ++g) {
        if (line_width > 0 && line_width + gs[g].width > width) flush();
        line.append(text, gs[g].offset, gs[g].length);
        line_width += gs[g].width;
      }
    }
    k = end;
  }
  flush();
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string cell_text(const std::string& raw) {
  const std::string text = nfc(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\t' || c == '\n' || c == '\r') {  // a cell is one line
      out += ' ';
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    out.append(text, i, n);
    i += n;
  }
  return escape_for_terminal(out, false);
}

}  // namespace sfgrant
