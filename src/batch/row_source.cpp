#include "row_source.h"

#include <fmt/format.h>

namespace sfgrant {

RowSource::RowSource(std::istream& in, const BatchOptions& options) : in_(in) {
  std::string head(64 * 1024, '\0');
  in_.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in_.gcount()));
  const bool bom = strip_bom(head);
  encoding_ = options.encoding;
  if (encoding_ == Encoding::automatic) encoding_ = bom ? Encoding::utf8 : sniff_encoding(head);
  if (options.input == BatchInput::csv) {
    csv_ = std::make_unique<CsvReader>(in_, 1 << 20, std::move(head));
    CsvRecord header;
    if (!csv_->next(header) || (header.fields.size() == 1 && header.fields[0].empty()))
      throw Error(Location{options.file_name},
                  "empty input: expected a header row of profile paths (name,size,ksic,…)");
    if (!header.error.empty()) throw Error(Location{options.file_name, 1, 0}, "header: " + header.error);
    for (auto& f : header.fields) {
      size_t bad = 0;
      auto decoded = decode_field(f, encoding_, bad);
      if (!decoded) throw Error(Location{options.file_name, 1, 0}, "header: cannot be decoded");
      f = *decoded;
    }
    mapper_ = std::make_unique<CsvProfileMapper>(header.fields, options.file_name);
  } else {
    pending_ = std::move(head);
  }
}

bool RowSource::next(RawRow& row) {
  if (csv_) {
    CsvRecord rec;
    rec.fields.reserve(mapper_->columns());  // one allocation a row, not one per doubling
    while (csv_->next(rec)) {
      if (rec.fields.size() == 1 && rec.fields[0].empty() && rec.error.empty()) continue;  // blank line
      row.line = rec.line;
      row.fields = std::move(rec.fields);
      row.error = rec.error;
      return true;
    }
    return false;
  }
  while (true) {
    std::string line;
    bool too_long = false;
    if (!read_line(line, too_long)) return false;
    ++line_no_;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    row.line = line_no_;
    row.text = std::move(line);
    row.error.clear();
    if (too_long)
      row.error = fmt::format("line longer than {} MiB; skipped to the next line", kMaxCsvRecordBytes >> 20);
    return true;
  }
}

/// The next line without its end; a line over kMaxCsvRecordBytes is dropped as it is read (memory
/// stays bounded) and comes back empty with `too_long` set.
bool RowSource::read_line(std::string& line, bool& too_long) {
  while (true) {
    size_t nl = pending_.find('\n', pos_);
    if (nl != std::string::npos) {
      if (too_long)
        line.clear();
      else
        line.assign(pending_, pos_, nl - pos_);
      pos_ = nl + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (eof_) {
      if (pos_ >= pending_.size() && !too_long) return false;
      if (too_long)
        line.clear();
      else
        line.assign(pending_, pos_, std::string::npos);
      pos_ = pending_.size();
      return true;
    }
    if (pending_.size() - pos_ > kMaxCsvRecordBytes) {
      too_long = true;
      pos_ = pending_.size();
    }
    pending_.erase(0, pos_);
    pos_ = 0;
    std::string chunk(1 << 20, '\0');
    in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.resize(static_cast<size_t>(in_.gcount()));
    if (chunk.empty()) eof_ = true;
    pending_ += chunk;
  }
}

}  // namespace sfgrant
