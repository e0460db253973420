#include "sfgrant/render/batch_csv.h"

#include <fmt/format.h>

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
  // quoted, each quote doubled: copied a run at a time (a caveat cell is a few hundred bytes)
  std::string out;
  out.reserve(cell.size() + 8);
  out += '"';
  size_t start = 0;
  for (size_t q = cell.find('"'); q != std::string::npos; q = cell.find('"', q + 1)) {
    out.append(cell, start, q + 1 - start);
    out += '"';
    start = q + 1;
  }
  out.append(cell, start, std::string::npos);
  out += '"';
  return out;
}

namespace {

/// Today's columns first (scripts read them by position, SPEC §8), the readable ones after them.
constexpr const char* kProgramColumns =
    "program,status,track,cap,government,private,reason,caveats,program_name,track_name,status_text,window,"
    "company,large_company,basis,missing,failed";
constexpr const char* kCompanyColumns =
    "status,program,program_name,track,track_name,government,company,large_company,private,basis,eligible,possible,"
    "ineligible,questions,caveats,error";

void money_cell(TextBuffer& out, const std::optional<Won>& amount) {
  if (amount) append_json_int(out, *amount);  // JSON's digits are CSV's
  out += ',';
}

/// csv_cell(text) then `after`, straight into `out`: the common cell (no quote, comma, line end, NUL
/// or formula start) is copied as it is, without the copies csv_cell makes (a few cells a row).
void text_cell(TextBuffer& out, const std::string& text, char after = ',') {
  bool plain = text.empty() || (text[0] != '=' && text[0] != '+' && text[0] != '-' && text[0] != '@' &&
                                text[0] != '\t' && text[0] != '\r');
  for (size_t i = 0; plain && i < text.size(); ++i) {
    const char c = text[i];
    plain = c != ',' && c != '"' && c != '\n' && c != '\r' && c != '\0';
  }
  if (plain)
    out += text;
  else
    out += csv_cell(text);
  out += after;
}

}  // namespace

std::string batch_csv_header(const std::vector<std::string>& kept, bool per_company) {
  std::string header = "line,name,";
  for (const std::string& k : kept) header += csv_cell(k) + ",";
  return header + (per_company ? kCompanyColumns : kProgramColumns) + "\n";
}

namespace {

class BatchCsv final : public BatchFormat {
 public:
  BatchCsv(std::ostream& out, const Catalogue& catalogue, const BatchCsvOptions& options)
      : out_(out), options_(options), reasons_(catalogue, options.lang) {}

  // A company's program rows are ~4 KB with the readable columns (every missing fact, every failed
  // rule): 1,024 of them made 4 MB chunks, several in flight, and the peak went past 64 MB at a
  // million companies. A per-company row is ~300 bytes.
  size_t max_chunk_rows() const override { return options_.per_company ? 1024 : 256; }

  void begin(const KeptColumns& kept) override {
    kept_ = kept;
    if (options_.bom) out_ << "\xEF\xBB\xBF";
    out_ << batch_csv_header(kept.names, options_.per_company);
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    // `line,name,kept…,` is the same for every program of the company
    std::string head = std::to_string(company.line);
    head += ',';
    head += csv_cell(company.profile.name());
    head += ',';
    append_kept(head, company.kept);
    if (options_.per_company) {
      CompanyRow r;
      reasons_.fill(r, company);
      append_company(out.text, head, r);
      return;
    }
    ResultRow r;
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || options_.all) {
        reasons_.fill(r, pe, company.line, {}, false);
        // the reason and caveats cells are made once per catalogue (BatchReasons), not once a row
        const BatchReasons::Reason* reason = reasons_.first(pe);
        const BatchReasons::Reason* caveats = reasons_.caveats(pe, pe.best_track());
        append_row(out.text, head, r, reason != nullptr ? reason->cell : kNone,
                   caveats != nullptr ? caveats->cell : kNone);
      }
  }

  void rejected(const RejectedRow& row, ChunkOutput& out) const override {
    std::string head = fmt::format("{},{},", row.line, csv_cell(row.name));
    append_kept(head, row.kept);
    out.text += head;
    if (options_.per_company)  // status error, 14 empty cells, the reason in `error`
      out.text += fmt::format("error,,,,,,,,,,,,,,,{}\n", csv_cell(rejected_reason(row)));
    else  // status error and the reason where a program row has them, the other 15 cells empty
      out.text += fmt::format(",error,,,,,{},,,,,,,,,,\n", csv_cell(rejected_reason(row)));
  }

  void write(ChunkOutput& out) override {
    const std::string_view bytes = out.text.view();
    if (!bytes.empty()) out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  void end(const BatchSummary&) override {}  // no footer: the summary goes to stderr

 private:
  /// The kept cells, as many as the header names (a row that could not be split has none: empty).
  void append_kept(std::string& head, const std::vector<std::string>& kept) const {
    for (size_t k = 0; k < kept_.names.size(); ++k) {
      if (k < kept.size()) head += csv_cell(kept[k]);
      head += ',';
    }
  }

  /// One csv row: `head` (line, name and kept, already cells) then the program's outcome.
  static void append_row(TextBuffer& out, const std::string& head, const ResultRow& r, const std::string& reason,
                         const std::string& caveats) {
    out += head;
    out += r.program;
    out += ',';
    out += r.status;
    out += ',';
    out += r.track;
    out += ',';
    money_cell(out, r.cap);
    money_cell(out, r.government);
    money_cell(out, r.private_share);
    out += reason;
    out += ',';
    out += caveats;
    out += ',';
    text_cell(out, r.program_name);
    text_cell(out, r.track_name);
    text_cell(out, r.status_text);
    text_cell(out, r.window);
    money_cell(out, r.company);
    money_cell(out, r.large_company);
    text_cell(out, r.basis);
    text_cell(out, r.missing);
    text_cell(out, r.failed, '\n');
  }

  static void append_company(TextBuffer& out, const std::string& head, const CompanyRow& r) {
    out += head;
    out += status_name(r.status);
    out += ',';
    text_cell(out, r.program);
    text_cell(out, r.program_name);
    text_cell(out, r.track);
    text_cell(out, r.track_name);
    money_cell(out, r.government);
    money_cell(out, r.company);
    money_cell(out, r.large_company);
    money_cell(out, r.private_share);
    text_cell(out, r.basis);
    out += fmt::format("{},{},{},", r.eligible, r.possible, r.ineligible);
    text_cell(out, r.questions);
    text_cell(out, r.caveats);
    out += '\n';  // `error` is empty
  }

  inline static const std::string kNone;
  std::ostream& out_;
  const BatchCsvOptions options_;
  const BatchReasons reasons_;
  KeptColumns kept_;
};

}  // namespace

std::unique_ptr<BatchFormat> make_batch_csv(std::ostream& out, const Catalogue& catalogue,
                                            const BatchCsvOptions& options) {
  return std::make_unique<BatchCsv>(out, catalogue, options);
}

}  // namespace sfgrant
