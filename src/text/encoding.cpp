#include "sfgrant/text/encoding.h"

#include <iconv.h>

#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

#include "sfgrant/text/unicode.h"

namespace sfgrant {

namespace {

struct IconvCloser {
  void operator()(iconv_t* cd) const {
    if (cd != nullptr) {
      iconv_close(*cd);
      delete cd;
    }
  }
};

iconv_t cp949_converter() {
  thread_local std::unique_ptr<iconv_t, IconvCloser> cd;
  if (!cd) {
    iconv_t h = iconv_open("UTF-8", "CP949");
    if (h == reinterpret_cast<iconv_t>(-1)) return h;
    cd.reset(new iconv_t(h));
  }
  return *cd;
}

}  // namespace

std::optional<std::string> decode_field(std::string_view bytes, Encoding encoding, size_t& bad_offset) {
  bool ascii = true;
  for (char c : bytes) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(bytes);
  if (encoding != Encoding::cp949) {
    if (valid_utf8(bytes)) return std::string(bytes);
    bad_offset = first_invalid_utf8(bytes);
    return std::nullopt;
  }
  iconv_t cd = cp949_converter();
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad_offset = 0;
    return std::nullopt;
  }
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  std::string out(bytes.size() * 3 / 2 + 8, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
    bad_offset = static_cast<size_t>(in_ptr - bytes.data());
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

namespace {

bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

/// Valid UTF-8 (checked before) whose non-ASCII characters all take two bytes (U+0080–U+07FF).
bool two_byte_only(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0xE0) return false;
  return true;
}

/// UTF-8 whose non-ASCII characters are all Hangul syllables (U+AC00–U+D7A3).
bool hangul_only(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b < 0xE0 || b > 0xEF || i + 2 >= s.size()) return false;
    const unsigned cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3) return false;
    i += 3;
  }
  return true;
}

/// Decodes every field as CP949 into `out`; the first field that fails, with its offset.
std::optional<std::pair<size_t, size_t>> cp949_row(const std::vector<std::string>& fields,
                                                   std::vector<std::string>& out) {
  out.resize(fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    size_t bad = 0;
    auto decoded = decode_field(fields[i], Encoding::cp949, bad);
    if (!decoded) return std::make_pair(i, bad);
    out[i] = std::move(*decoded);
  }
  return std::nullopt;
}

/// The first field that is not valid UTF-8, with its offset.
std::optional<std::pair<size_t, size_t>> utf8_row(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i)
    if (!valid_utf8(fields[i])) return std::make_pair(i, first_invalid_utf8(fields[i]));
  return std::nullopt;
}

DecodeProblem problem(const std::vector<std::string>& fields, std::pair<size_t, size_t> at, Encoding tried,
                      Encoding would_read) {
  DecodeProblem p;
  p.column = at.first + 1;
  p.byte = at.second + 1;
  const std::string& f = fields[at.first];
  p.value = at.second < f.size() ? static_cast<unsigned char>(f[at.second]) : 0;
  p.tried = tried;
  p.would_read = would_read;
  return p;
}

}  // namespace

std::optional<DecodeProblem> decode_row(std::vector<std::string>& fields, Encoding encoding) {
  bool all_ascii = true;
  for (const std::string& f : fields) all_ascii = all_ascii && ascii(f);
  if (all_ascii) return std::nullopt;
  std::vector<std::string> cp949;
  if (encoding == Encoding::utf8) {
    const auto bad = utf8_row(fields);
    if (!bad) return std::nullopt;
    return problem(fields, *bad, Encoding::utf8, cp949_row(fields, cp949) ? Encoding::automatic : Encoding::cp949);
  }
  if (encoding == Encoding::cp949) {
    const auto bad = cp949_row(fields, cp949);
    if (bad) return problem(fields, *bad, Encoding::cp949, utf8_row(fields) ? Encoding::automatic : Encoding::utf8);
    fields.swap(cp949);
    return std::nullopt;
  }
  const auto bad_utf8 = utf8_row(fields);
  if (!bad_utf8) {
    bool two_byte = true;
    for (const std::string& f : fields) two_byte = two_byte && two_byte_only(f);
    if (!two_byte || cp949_row(fields, cp949)) return std::nullopt;  // UTF-8
    for (const std::string& f : cp949)
      if (!hangul_only(f)) return std::nullopt;  // UTF-8
    fields.swap(cp949);                          // Hangul in CP949 that happens to be valid UTF-8
    return std::nullopt;
  }
  if (cp949_row(fields, cp949)) return problem(fields, *bad_utf8, Encoding::automatic, Encoding::automatic);
  fields.swap(cp949);
  return std::nullopt;
}

std::string describe(const DecodeProblem& p, bool column) {
  std::string out = column ? "column " + std::to_string(p.column) + ": " : std::string();
  const char* tried = p.tried == Encoding::utf8 ? "UTF-8" : p.tried == Encoding::cp949 ? "CP949" : "UTF-8 or CP949";
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", p.value);
  out += "byte " + std::to_string(p.byte) + " (" + hex + ") cannot be read as " + tried;
  if (p.would_read == Encoding::cp949) out += "; the row reads as CP949: use --encoding cp949 (or auto)";
  if (p.would_read == Encoding::utf8) out += "; the row is valid UTF-8: use --encoding utf-8 (or auto)";
  return out;
}

Encoding sniff_encoding(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") return Encoding::utf8;
  // a multi-byte character may be cut at the end of the sample
  std::string_view sample = head;
  for (int k = 0; k < 3 && !sample.empty() && !valid_utf8(sample); ++k) sample.remove_suffix(1);
  return valid_utf8(sample) ? Encoding::utf8 : Encoding::cp949;
}

bool strip_bom(std::string& text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3);
    return true;
  }
  return false;
}

}  // namespace sfgrant
