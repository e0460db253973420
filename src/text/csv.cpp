#include "sfgrant/text/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include <algorithm>
#include <string_view>

#include "sfgrant/model/error.h"

namespace sfgrant {

namespace {

std::string size_text(size_t bytes) {
  return bytes % (1u << 20) == 0 ? fmt::format("{} MiB", bytes >> 20) : fmt::format("{} bytes", bytes);
}

bool special_unquoted(char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }
bool special_quoted(char c) { return c == '"' || c == '\r' || c == '\n'; }

}  // namespace

CsvReader::CsvReader(ByteSource& in, std::string file, CsvLimits limits)
    : in_(in), file_(std::move(file)), limits_(limits) {
  skip_bom();
}

CsvReader::CsvReader(std::istream& in, size_t chunk)
    : owned_(std::make_unique<StreamSource>(in)), in_(*owned_), file_("input"), limits_{chunk} {
  skip_bom();
}

void CsvReader::skip_bom() {
  while (buffer_.size() < 3 && fill(1)) {
  }
  if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bom_ = true;
    pos_ = 3;
  }
}

bool CsvReader::fill(long at_line) {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + limits_.chunk);
  size_t got = 0;
  try {
    got = in_.read(&buffer_[old], limits_.chunk);
  } catch (const ReadError& e) {
    buffer_.resize(old);
    throw Error(Location{file_, static_cast<int>(at_line), 0}, fmt::format("read failed: {}", e.what()));
  }
  buffer_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool CsvReader::have(size_t k, long at_line) {
  while (pos_ + k >= buffer_.size())
    if (!fill(at_line)) return false;
  return true;
}

/// The length of the line end at k (a CR or LF): 2 for CR LF, else 1.
size_t CsvReader::line_end_length(size_t k, long at_line) {
  return buffer_[pos_ + k] == '\r' && have(k + 1, at_line) && buffer_[pos_ + k + 1] == '\n' ? 2 : 1;
}

void CsvReader::finish(CsvRecord& record, size_t consumed, long last_line, bool line_end) {
  pos_ += consumed;
  record.last_line = last_line;
  record.cut = !line_end;
  lines_ = last_line;
  line_ = last_line + 1;
}

bool CsvReader::unclosed(CsvRecord& record, size_t quote_column, size_t second_line, long resume_until,
                         const std::string& why) {
  record.fields.clear();
  record.error = fmt::format(
      "a quote opened in column {} is never closed ({}); only line {} is skipped, reading "
      "goes on at line {}",
      quote_column, why, record.line, record.line + 1);
  record.last_line = record.line;
  lines_ = record.line;
  pos_ += second_line;
  line_ = record.line + 1;
  local_until_ = std::max(local_until_, resume_until);
  return true;
}

bool CsvReader::too_long(CsvRecord& record, long line, const char* what) {
  record.fields.clear();
  record.error = fmt::format("{} longer than {}{}; skipped to the next line", what, size_text(limits_.max_record),
                             std::string_view(what) == "record" ? " (is a quote never closed?)" : "");
  record.last_line = line;
  record.cut = false;
  lines_ = line;
  line_ = line;
  skipping_ = true;  // the next call skips the rest of this line, from pos_ (its start)
  skipped_ = 0;
  return true;
}

void CsvReader::skip_rest_of_line() {
  skipping_ = false;
  for (;;) {
    for (size_t k = 0; pos_ + k < buffer_.size(); ++k) {
      const char c = buffer_[pos_ + k];
      if (c == '\n' || c == '\r') {
        pos_ += k + line_end_length(k, line_);
        line_ = lines_ + 1;
        return;
      }
    }
    skipped_ += buffer_.size() - pos_;
    pos_ = buffer_.size();
    if (skipped_ > limits_.max_line)
      throw Error(Location{file_, static_cast<int>(line_), 0},
                  fmt::format("line longer than {} without a line end (the limit): is it a text file?",
                              size_text(limits_.max_line)));
    if (!fill(line_)) {
      line_ = lines_ + 1;
      return;
    }
  }
}

bool CsvReader::looks_like_row(size_t k, long at_line) {
  if (!row_check_) return false;
  std::vector<std::string> fields;
  std::string field;
  const size_t start = k;
  for (;;) {
    if (k - start > limits_.max_record) return false;
    if (!have(k, at_line)) break;
    char c = buffer_[pos_ + k];
    if (c == '\r' || c == '\n') break;
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      ++k;
      continue;
    }
    if (c != '"') {
      field += c;
      ++k;
      continue;
    }
    if (!field.empty()) return false;  // a quote inside a cell: not a clean row
    for (++k;; ++k) {                  // a quoted cell closed on this line
      if (!have(k, at_line)) return false;
      c = buffer_[pos_ + k];
      if (c == '\r' || c == '\n') return false;
      if (c != '"') {
        field += c;
        continue;
      }
      if (have(k + 1, at_line) && buffer_[pos_ + k + 1] == '"') {
        field += '"';
        ++k;
        continue;
      }
      ++k;
      break;
    }
    if (have(k, at_line) && buffer_[pos_ + k] != ',' && buffer_[pos_ + k] != '\r' && buffer_[pos_ + k] != '\n')
      return false;  // text after the closing quote
  }
  fields.push_back(std::move(field));
  return row_check_(fields);
}

bool CsvReader::start_record(CsvRecord& record, const char* what) {
  if (skipping_) skip_rest_of_line();
  record.fields.clear();
  record.error.clear();
  record.cut = false;
  record.line = record.last_line = line_;
  if (!have(0, line_)) return false;
  if (line_ >= kMaxLines)
    throw Error(Location{file_, static_cast<int>(kMaxLines), 0},
                fmt::format("more than {} lines: the limit of {}", kMaxLines, what));
  return true;
}

bool CsvReader::next(CsvRecord& record) {
  if (!start_record(record, "a company list")) return false;
  std::string field;
  bool quoted = false;      // inside quotes
  bool was_quoted = false;  // the field started with a quote
  size_t quote_column = 0;
  long quote_line = 0;
  long line = line_;
  size_t second_line = 0;  // where the record's second line starts, once a quoted cell crossed a line end
  size_t k = 0;            // bytes of the record so far, from pos_
  for (;;) {
    if (k > limits_.max_record) {
      if (second_line != 0)
        return unclosed(record, quote_column, second_line, line, "the record passes " + size_text(limits_.max_record));
      return too_long(record, line, "record");
    }
    if (!have(k, line)) {  // end of input, without a line end
      if (quoted && second_line != 0) return unclosed(record, quote_column, second_line, line, "the file ends in it");
      if (quoted) record.error = fmt::format("a quote opened in column {} is never closed", quote_column);
      record.fields.push_back(std::move(field));
      finish(record, k, line, false);
      return true;
    }
    const char c = buffer_[pos_ + k];
    if (quoted) {
      if (c == '"') {
        if (have(k + 1, line) && buffer_[pos_ + k + 1] == '"') {
          field += '"';
          k += 2;
        } else {
          quoted = false;
          ++k;
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        const size_t end = line_end_length(k, line);
        if (line <= local_until_) {  // after an unclosed quote: this line is a record of its own
          record.fields.push_back(std::move(field));
          record.error = fmt::format("a quote opened in column {} is not closed on its line", quote_column);
          finish(record, k + end, line, true);
          return true;
        }
        field.append(buffer_, pos_ + k, end);
        k += end;
        ++line;
        if (second_line == 0) second_line = k;
        if (line - quote_line >= limits_.max_quoted_lines)
          return unclosed(record, quote_column, second_line, line,
                          fmt::format("the cell passes {} lines", limits_.max_quoted_lines));
        if (looks_like_row(k, line))
          return unclosed(record, quote_column, second_line, line - 1,
                          fmt::format("line {} reads as a row of its own", line));
        continue;
      }
      size_t j = k + 1;
      while (pos_ + j < buffer_.size() && !special_quoted(buffer_[pos_ + j])) ++j;
      field.append(buffer_, pos_ + k, j - k);
      k = j;
      continue;
    }
    if (!was_quoted && !special_unquoted(c)) {
      // plain text: take the whole run up to the next special byte at once
      size_t j = k + 1;
      while (pos_ + j < buffer_.size() && !special_unquoted(buffer_[pos_ + j])) ++j;
      field.append(buffer_, pos_ + k, j - k);
      k = j;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
      quote_column = record.fields.size() + 1;
      quote_line = line;
      ++k;
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++k;
      continue;
    }
    if (c == '\r' || c == '\n') {
      record.fields.push_back(std::move(field));
      finish(record, k + line_end_length(k, line), line, true);
      return true;
    }
    if (was_quoted && record.error.empty()) record.error = "text after a closing quote (quote the whole field)";
    field += c;
    ++k;
  }
}

bool CsvReader::next_line(CsvRecord& record) {
  if (!start_record(record, "a JSON Lines file")) return false;
  size_t k = 0;
  for (;;) {
    if (k > limits_.max_record) return too_long(record, line_, "line");
    if (pos_ + k >= buffer_.size() && !have(k, line_)) {
      record.fields.emplace_back(buffer_, pos_, k);
      finish(record, k, line_, false);
      return true;
    }
    const char c = buffer_[pos_ + k];
    if (c == '\n' || c == '\r') {
      record.fields.emplace_back(buffer_, pos_, k);
      finish(record, k + line_end_length(k, line_), line_, true);
      return true;
    }
    ++k;
  }
}

}  // namespace sfgrant
