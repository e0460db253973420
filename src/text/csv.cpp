#include "sfgrant/text/csv.h"

#include <fmt/format.h>

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
  bool quoted = false;      // inside quotes
  bool was_quoted = false;  // the field started with a quote
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
      while (j < buffer_.size() && buffer_[j] != ',' && buffer_[j] != '"' && buffer_[j] != '\r' && buffer_[j] != '\n')
        ++j;
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

}  // namespace sfgrant
