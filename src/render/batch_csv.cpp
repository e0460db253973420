#include "sfgrant/render/batch_csv.h"

#include <fmt/format.h>

#include <functional>
#include <ostream>
#include <string_view>

#include "batch_reasons.h"
#include "sfgrant/render/words.h"
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

/// csv_cell(text) then `after`, straight into `out`, without the copies csv_cell makes (a dozen cells
/// a row): the apostrophe before a formula, the quotes around a cell with a comma, quote or line end,
/// each quote doubled. A cell with a NUL (never in practice) goes through csv_cell itself.
void text_cell(TextBuffer& out, std::string_view text, char after = ',') {
  bool quote = false;
  for (const char c : text) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
    if (c == '\0') {
      out += csv_cell(std::string(text));
      out += after;
      return;
    }
  }
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                                         text[0] == '\t' || text[0] == '\r');
  if (quote) out += '"';
  if (formula) out += '\'';
  if (!quote) {
    out += text;
  } else {
    size_t start = 0;
    for (size_t q = text.find('"'); q != std::string_view::npos; q = text.find('"', q + 1)) {
      out += text.substr(start, q + 1 - start);
      out += '"';
      start = q + 1;
    }
    out += text.substr(start);
    out += '"';
  }
  out += after;
}

/// The cells of the per-program row that depend on the catalogue and the language only, each with
/// its comma: made once a run, not once a row.
struct CatalogueCells {
  std::vector<std::string> program_names;             ///< by program index
  std::vector<std::vector<std::string>> track_names;  ///< by program, then track index
  std::string status_texts[3];                        ///< by Status
  std::string windows[5];                             ///< by WindowState

  CatalogueCells(const Catalogue& catalogue, Lang lang) {
    auto cell = [](std::string_view text) {
      TextBuffer b;
      text_cell(b, text);
      return std::string(b.view());
    };
    for (const Program& p : catalogue.programs) {
      program_names.push_back(cell(p.name.in(lang)));
      track_names.emplace_back();
      for (const Track& t : p.tracks) track_names.back().push_back(cell(t.name.in(lang)));
    }
    for (const Status s : {Status::ineligible, Status::possible, Status::eligible})
      status_texts[static_cast<size_t>(s)] = cell(status_label(s, lang));
    for (const WindowState w :
         {WindowState::upcoming, WindowState::open, WindowState::closed, WindowState::rolling, WindowState::unknown})
      windows[static_cast<size_t>(w)] = cell(window_label(w, lang));
  }
};

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
      : out_(out),
        catalogue_(catalogue),
        options_(options),
        reasons_(catalogue, options.lang),
        cells_(catalogue, options.lang) {}

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
    // `line,name,kept…,` is the same for every program of the company (kept per thread, reused)
    thread_local TextBuffer head;
    head.clear();
    append_json_int(head, company.line);
    head += ',';
    static const FactDef& name = fact("name");
    text_cell(head, company.profile.has(name) ? std::string_view(company.profile.get(name).text) : std::string_view());
    append_kept(head, company.kept);
    if (options_.per_company) {
      CompanyRow r;
      reasons_.fill(r, company);
      append_company(out.text, head.view(), r);
      return;
    }
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || options_.all) append_row(out.text, head.view(), pe);
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
  void append_kept(TextBuffer& head, const std::vector<std::string>& kept) const {
    for (size_t k = 0; k < kept_.names.size(); ++k) {
      if (k < kept.size())
        text_cell(head, kept[k]);
      else
        head += ',';
    }
  }

  /// One csv row: `head` (line, name and kept, already cells) then the program's outcome, the
  /// columns BatchReasons::fill(ResultRow) gives, written straight from the evaluation.
  void append_row(TextBuffer& out, std::string_view head, const ProgramEvaluation& pe) const {
    const TrackEvaluation* best = pe.best_track();
    const Split* split = best != nullptr && best->split ? &*best->split : nullptr;
    // evaluated against this run's catalogue (std::less: a total order even for pointers into other arrays)
    const Program* begin = catalogue_.programs.data();
    const bool ours = !std::less<const Program*>()(pe.program, begin) &&
                      std::less<const Program*>()(pe.program, begin + catalogue_.programs.size());
    const auto program = ours ? static_cast<size_t>(pe.program - begin) : 0;
    out += head;
    out += pe.program->id;
    out += ',';
    out += status_name(pe.status);
    out += ',';
    if (best != nullptr) out += best->track->id;
    out += ',';
    money_cell(out, best != nullptr ? best->cap : std::nullopt);
    money_cell(out, split != nullptr ? std::optional<Won>(split->government) : std::nullopt);
    money_cell(out, split != nullptr ? std::optional<Won>(split->private_share) : std::nullopt);
    // the reason and caveats cells are made once per catalogue (BatchReasons), not once a row
    const BatchReasons::Reason* reason = reasons_.first(pe);
    const BatchReasons::Reason* caveats = reasons_.caveats(pe, best);
    if (reason != nullptr) out += reason->cell;
    out += ',';
    if (caveats != nullptr) out += caveats->cell;
    out += ',';
    if (ours)
      out += cells_.program_names[program];
    else
      text_cell(out, pe.program->name.in(options_.lang));
    if (best == nullptr)
      out += ',';
    else if (ours)
      out += cells_.track_names[program][static_cast<size_t>(best->track - pe.program->tracks.data())];
    else
      text_cell(out, best->track->name.in(options_.lang));
    out += cells_.status_texts[static_cast<size_t>(pe.status)];
    out += cells_.windows[static_cast<size_t>(pe.window)];
    money_cell(out, split != nullptr ? std::optional<Won>(split->company) : std::nullopt);
    money_cell(out, split != nullptr ? split->large_company : std::nullopt);
    text_cell(out, split != nullptr ? split_basis_name(split->basis) : std::string_view());
    // every missing fact's path, joined by ;, and every failed rule, `rule-id: message`, by "; "
    thread_local std::string joined;
    joined.clear();
    for (const FactDef* f : pe.missing) {
      if (!joined.empty()) joined += ';';
      joined += f->path;
    }
    text_cell(out, joined);
    joined.clear();
    bool first = true;
    auto add_failed = [&](const std::vector<RuleResult>& rules) {
      for (const RuleResult& rr : rules)
        if (rr.result == Tri::fail) {
          if (!first) joined += "; ";
          joined += reasons_.failed_text(*rr.rule);
          first = false;
        }
    };
    add_failed(pe.rules);
    for (const TrackEvaluation& te : pe.tracks) add_failed(te.rules);
    text_cell(out, joined, '\n');
  }

  static void append_company(TextBuffer& out, std::string_view head, const CompanyRow& r) {
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

  std::ostream& out_;
  const Catalogue& catalogue_;
  const BatchCsvOptions options_;
  const BatchReasons reasons_;
  const CatalogueCells cells_;
  KeptColumns kept_;
};

}  // namespace

std::unique_ptr<BatchFormat> make_batch_csv(std::ostream& out, const Catalogue& catalogue,
                                            const BatchCsvOptions& options) {
  return std::make_unique<BatchCsv>(out, catalogue, options);
}

}  // namespace sfgrant
