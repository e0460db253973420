#include "row_source.h"

#include <fmt/format.h>

namespace sfgrant {

const char* const kCutLine = "last line has no line end and is incomplete: the file may still be being written";

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

RowSource::RowSource(ByteSource& in, const BatchOptions& options) {
  reader_ = std::make_unique<CsvReader>(in, options.file_name);
  encoding_ = options.encoding;
  if (encoding_ == Encoding::automatic && reader_->bom()) encoding_ = Encoding::utf8;  // a BOM decides the file
  if (options.input != BatchInput::csv) {
    if (options.keep.all_unknown)
      throw Error(Location{options.file_name},
                  "--keep-all-unknown needs a CSV header: a JSON Lines row's keys are not known before it is read; "
                  "name the keys with --keep");
    kept_columns_.names = options.keep.names;
    kept_columns_.json = true;
    return;
  }
  CsvRecord header;
  if (!reader_->next(header) || (header.fields.size() == 1 && header.fields[0].empty() && header.error.empty()))
    throw Error(Location{options.file_name}, "empty input: expected a header row of profile paths (name,size,ksic,…)");
  header_lines_ = header.last_line - header.line + 1;
  if (!header.error.empty() && header.fields.empty())  // over the record limit
    throw Error(Location{options.file_name, 1, 0},
                fmt::format("header: longer than {} MiB (the limit of a record): is it a company list?",
                            kMaxCsvRecordBytes >> 20));
  if (!header.error.empty()) throw Error(Location{options.file_name, 1, 0}, "header: " + header.error);
  if (auto problem = decode_row(header.fields, encoding_))
    throw Error(Location{options.file_name, 1, 0}, "header: cannot be decoded: " + describe(*problem, true));
  mapper_ = std::make_unique<CsvProfileMapper>(header.fields, options.file_name, options.keep);
  kept_columns_.names = mapper_->kept_names();
  reader_->set_row_check([this](const std::vector<std::string>& fields) { return row_of_its_own(fields); });
}

/// A line read inside a quoted cell that is a good row by itself (the unclosed-quote heuristic):
/// as many cells as the header has columns, and every value reads.
bool RowSource::row_of_its_own(const std::vector<std::string>& fields) const {
  if (mapper_->columns() < 2) return false;
  std::vector<std::string> decoded = fields;
  if (decode_row(decoded, encoding_)) return false;
  Profile profile;
  return !mapper_->map(decoded, 0, profile).has_value();
}

bool RowSource::next(RawRow& row) {
  const bool csv = mapper_ != nullptr;
  while (csv ? reader_->next(record_) : reader_->next_line(record_)) {
    if (record_.error.empty() && record_.last_line == record_.line) {
      bool empty = true;
      for (const std::string& f : record_.fields) empty = empty && blank(f);
      if (empty) {  // a blank line, or a row of empty cells (what Excel leaves below a table)
        ++blank_lines_;
        continue;
      }
    }
    row.line = record_.line;
    row.last_line = record_.last_line;
    row.fields.swap(record_.fields);
    row.error = record_.error;
    row.cut = record_.cut;
    if (csv && row.cut && (!row.error.empty() || row.fields.size() < mapper_->columns()))
      row.error = row.error.empty()
                      ? fmt::format("{} ({} of {} cells)", kCutLine, row.fields.size(), mapper_->columns())
                      : fmt::format("{} ({})", kCutLine, row.error);
    return true;
  }
  return false;
}

}  // namespace sfgrant
