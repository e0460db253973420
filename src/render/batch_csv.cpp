#include "sfgrant/render/batch_csv.h"

#include <fmt/format.h>

#include <limits>
#include <ostream>

#include "batch_reasons.h"
#include "sfgrant/text/json_writer.h"
#include "sfgrant/text/terminal_escape.h"

namespace sfgrant {

std::string csv_cell(const std::string& text) {
  std::string cell = text.find('\0') == std::string::npos ? text : strip_nul(text);
  if (!cell.empty() &&
      (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string batch_csv_header() { return "line,name,program,status,track,cap,government,private,reason,caveats\n"; }

namespace {

class BatchCsv final : public BatchFormat {
 public:
  BatchCsv(std::ostream& out, const Catalogue& catalogue, const BatchCsvOptions& options)
      : out_(out), options_(options), reasons_(catalogue, options.lang) {}

  size_t max_chunk_rows() const override { return std::numeric_limits<size_t>::max(); }

  void begin() override {
    if (options_.bom) out_ << "\xEF\xBB\xBF";
    out_ << batch_csv_header();
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    // `line,name,` is the same for every program of the company
    std::string head = std::to_string(company.line);
    head += ',';
    head += csv_cell(company.profile.name());
    head += ',';
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || options_.all) append_row(out.text, head, pe);
  }

  void rejected(const RejectedRow& row, ChunkOutput& out) const override {
    out.text += fmt::format("{},{},,error,,,,,{},\n", row.line, csv_cell(row.name), csv_cell(rejected_reason(row)));
  }

  void write(ChunkOutput& out) override {
    const std::string_view bytes = out.text.view();
    if (!bytes.empty()) out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  void end(const BatchSummary&) override {}  // no footer: the summary goes to stderr

 private:
  /// One csv row: `head` (line and name, already cells) then the program's outcome.
  void append_row(TextBuffer& out, const std::string& head, const ProgramEvaluation& pe) const {
    out += head;
    out += pe.program->id;
    out += ',';
    out += status_name(pe.status);
    out += ',';
    const TrackEvaluation* best = pe.best_track();
    if (best != nullptr) out += best->track->id;
    out += ',';
    if (best != nullptr && best->cap) append_json_int(out, *best->cap);  // JSON's digits are CSV's
    out += ',';
    if (best != nullptr && best->split) append_json_int(out, best->split->government);
    out += ',';
    if (best != nullptr && best->split) append_json_int(out, best->split->private_share);
    out += ',';
    if (const BatchReasons::Reason* reason = reasons_.first(pe)) out += reason->cell;
    out += ',';
    if (const BatchReasons::Reason* caveats = reasons_.caveats(pe, best)) out += caveats->cell;
    out += '\n';
  }

  std::ostream& out_;
  const BatchCsvOptions options_;
  const BatchReasons reasons_;
};

}  // namespace

std::unique_ptr<BatchFormat> make_batch_csv(std::ostream& out, const Catalogue& catalogue,
                                            const BatchCsvOptions& options) {
  return std::make_unique<BatchCsv>(out, catalogue, options);
}

}  // namespace sfgrant
