#include "sfgrant/text/csv.h"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <memory>

namespace sfgrant {

CsvReader::CsvReader(std::istream& in, size_t chunk_size, std::string prefix, size_t max_record)
    : in_(in), buffer_(std::move(prefix)), chunk_size_(chunk_size), max_record_(max_record) {}

void CsvReader::skip_line() {
  for (;;) {
    const size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      ++line_;
      return;
    }
    pos_ = buffer_.size();
    if (!fill()) return;
  }
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + chunk_size_);
  in_.read(&buffer_[old], static_cast<std::streamsize>(chunk_size_));
  const auto got = static_cast<size_t>(in_.gcount());
  buffer_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.error.clear();
  record.line = line_;
  if (pos_ >= buffer_.size() && !fill()) return false;
  std::string field;
  bool quoted = false;     // inside quotes
  bool was_quoted = false; // the field started with a quote
  size_t i = pos_;
  while (true) {
    if (i >= buffer_.size()) {
      pos_ = i;
      size_t size = field.size();
      for (const auto& f : record.fields) size += f.size();
      if (size > max_record_) {
        record.fields.clear();
        const std::string limit = max_record_ % (1u << 20) == 0 ? fmt::format("{} MiB", max_record_ >> 20)
                                                                 : fmt::format("{} bytes", max_record_);
        record.error = fmt::format("record longer than {} (is a quote never closed?); skipped to the next line", limit);
        skip_line();
        return true;
      }
      if (!fill()) {
        // end of input
        if (quoted) {
          record.error = "unterminated quoted field (a \" is never closed)";
          record.fields.push_back(field);
          pos_ = buffer_.size();
          return true;
        }
        record.fields.push_back(field);
        return true;
      }
      i = pos_;
      continue;
    }
    const char c = buffer_[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 >= buffer_.size()) {
          pos_ = i;
          if (fill()) {
            i = pos_;
            continue;
          }
          i = pos_;
          // closing quote at the very end of input
          quoted = false;
          ++i;
          continue;
        }
        if (buffer_[i + 1] == '"') {
          field += '"';
          i += 2;
        } else {
          quoted = false;
          ++i;
        }
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++i;
      continue;
    }
    if (!was_quoted && c != '"' && c != ',' && c != '\r' && c != '\n') {
      // plain text: take the whole run up to the next special byte at once
      size_t j = i + 1;
      while (j < buffer_.size() && buffer_[j] != ',' && buffer_[j] != '"' && buffer_[j] != '\r' && buffer_[j] != '\n') ++j;
      field.append(buffer_, i, j - i);
      i = j;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
      ++i;
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      record.fields.push_back(std::move(field));
      ++i;
      if (c == '\r') {
        if (i >= buffer_.size()) {
          pos_ = i;
          fill();
          i = pos_;
        }
        if (i < buffer_.size() && buffer_[i] == '\n') ++i;
      }
      ++line_;
      pos_ = i;
      return true;
    }
    if (was_quoted && record.error.empty()) record.error = "text after a closing quote (quote the whole field)";
    field += c;
    ++i;
  }
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

namespace {

/// The first invalid byte offset of a UTF-8 string.
size_t first_invalid_utf8(std::string_view s) {
  for (size_t cut = 1; cut <= s.size(); ++cut)
    if (!valid_utf8(s.substr(0, cut)) && !valid_utf8(s.substr(0, std::min(s.size(), cut + 3)))) return cut - 1;
  return 0;
}

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
