#include "sfgrant/render/batch_xlsx.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <limits>
#include <map>
#include <vector>

#include "batch_reasons.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

std::string fit_excel_cell(const std::string& text, const std::string& mark, bool& nul_removed, bool& cut,
                           size_t max_units) {
  nul_removed = text.find('\0') != std::string::npos;
  cut = false;
  std::string clean;
  if (nul_removed) {
    clean.reserve(text.size());
    for (char c : text)
      if (c != '\0') clean += c;
  }
  const std::string& s = nul_removed ? clean : text;
  // UTF-16 units: what Excel counts (a character above U+FFFF is two); an invalid byte counts one
  auto units_at = [&](size_t i, size_t& n) {
    n = utf8_sequence_length(s, i);
    if (n == 0) n = 1;
    return n == 4 ? size_t{2} : size_t{1};
  };
  if (s.size() <= max_units) return s;  // bytes >= units: short enough
  size_t units = 0;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += n) units += units_at(i, n);
  if (units <= max_units) return s;
  cut = true;
  size_t mark_units = 0;
  for (size_t i = 0; i < mark.size(); i += n) {
    n = utf8_sequence_length(mark, i);
    if (n == 0) n = 1;
    mark_units += n == 4 ? 2 : 1;
  }
  const size_t keep = max_units > mark_units ? max_units - mark_units : 0;
  size_t used = 0;
  size_t end = 0;
  while (end < s.size()) {
    const size_t u = units_at(end, n);
    if (used + u > keep) break;
    used += u;
    end += n;
  }
  return s.substr(0, end) + mark;
}

namespace {

/// Reported one by one before the rest are only counted.
constexpr size_t kWarningsShown = 100;

/// One kind of sheet that may run over several: 결과, 결과 (2), … each with the header row.
struct SheetSeries {
  std::string name;  ///< the first sheet's
  std::vector<lxw_worksheet*> sheets;
  lxw_row_t row = 0;  ///< the last row written on the current sheet (0: the header)
  size_t rows = 0;    ///< data rows written on all of them
};

class BatchXlsx final : public BatchXlsxFormat {
 public:
  BatchXlsx(const std::string& path, const Catalogue& catalogue, const BatchXlsxOptions& options)
      : catalogue_(catalogue),
        options_(options),
        file_(options.display_name.empty() ? path : options.display_name),
        reasons_(catalogue, options.lang) {
    if (options_.sheet_rows < 2 || options_.sheet_rows > LXW_ROW_MAX) options_.sheet_rows = LXW_ROW_MAX;
    lxw_workbook_options wo{};
    wo.constant_memory = LXW_TRUE;
    wo.tmpdir = nullptr;
    workbook_ = workbook_new_opt(path.c_str(), &wo);
    if (workbook_ == nullptr) throw Error(Location{file_}, "cannot create the workbook");
    const bool ko = options_.lang == Lang::ko;
    results_.name = ko ? "결과" : "results";
    rejected_.name = ko ? "오류 행" : "rejected rows";
    add_sheet(results_);
    add_sheet(rejected_);
    money_ = workbook_add_format(workbook_);
    format_set_num_format(money_, "#,##0");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
  }

  ~BatchXlsx() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  size_t max_chunk_rows() const override { return std::numeric_limits<size_t>::max(); }
  size_t warnings() const override { return warnings_; }
  size_t result_sheets() const override { return results_.sheets.size(); }

  void begin() override {
    header(results_);
    header(rejected_);
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    const std::string name = company.profile.name();
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || options_.all) out.rows.push_back(result_row(pe, company.line, name));
  }

  /// Kept for the rejected rows sheet, written with the chunk.
  void rejected(const RejectedRow& row, ChunkOutput& out) const override { out.rejected.push_back(row); }

  void write(ChunkOutput& out) override {
    for (const ResultRow& r : out.rows) {
      lxw_worksheet* ws = next_row(results_);
      const lxw_row_t row = results_.row;
      check(worksheet_write_number(ws, row, 0, static_cast<double>(r.line), nullptr));
      text(ws, row, 1, r.name, r.line, "name");
      text(ws, row, 2, r.program, r.line, "program");
      text(ws, row, 3, r.status, r.line, "status");
      text(ws, row, 4, r.track, r.line, "track");
      // Excel stores numbers as doubles: exact for every won amount below 2^53 (9천조원)
      if (r.cap) check(worksheet_write_number(ws, row, 5, static_cast<double>(*r.cap), money_));
      if (r.government) check(worksheet_write_number(ws, row, 6, static_cast<double>(*r.government), money_));
      if (r.private_share) check(worksheet_write_number(ws, row, 7, static_cast<double>(*r.private_share), money_));
      text(ws, row, 8, r.reason, r.line, "reason");
      if (!r.caveats.empty()) text(ws, row, 9, r.caveats, r.line, "caveats");
      if (r.status == status_name(Status::eligible)) ++written_[r.program].eligible;
      if (r.status == status_name(Status::possible)) ++written_[r.program].possible;
    }
    for (const RejectedRow& r : out.rejected) {
      lxw_worksheet* ws = next_row(rejected_);
      const lxw_row_t row = rejected_.row;
      check(worksheet_write_number(ws, row, 0, static_cast<double>(r.line), nullptr));
      text(ws, row, 1, r.name, r.line, "name");
      text(ws, row, 2, rejected_reason(r), r.line, "reason");
    }
  }

  void end(const BatchSummary& summary) override {
    const bool ko = options_.lang == Lang::ko;
    // the totals count what the sheets hold: a difference is a bug, never a silent claim
    for (const auto& [id, t] : summary.programs) {
      const auto it = written_.find(id);
      const ProgramTotals held = it != written_.end() ? it->second : ProgramTotals{};
      if (held.eligible != t.eligible || held.possible != t.possible)
        throw Error(Location{file_}, fmt::format("the results sheets hold {} eligible and {} possible rows of {}, the "
                                                 "totals count {} and {}",
                                                 held.eligible, held.possible, id, t.eligible, t.possible));
    }
    if (static_cast<long>(rejected_.rows) != summary.rejected)
      throw Error(Location{file_}, fmt::format("the rejected rows sheets hold {} rows, the totals count {}",
                                               rejected_.rows, summary.rejected));
    lxw_worksheet* totals = workbook_add_worksheet(workbook_, ko ? "사업별 합계" : "totals");
    if (totals == nullptr) throw Error(Location{file_}, "cannot add the totals sheet");
    const char* hko[] = {"사업", "사업명", "지원 가능", "확인 필요", "정부지원 합계"};
    const char* hen[] = {"program", "name", "eligible", "possible", "government total"};
    for (lxw_col_t c = 0; c < 5; ++c) check(worksheet_write_string(totals, 0, c, ko ? hko[c] : hen[c], bold_));
    check(worksheet_set_column(totals, 1, 1, 40, nullptr));
    check(worksheet_set_column(totals, 4, 4, 18, nullptr));
    lxw_row_t row = 0;
    for (const auto& [id, t] : summary.programs) {
      ++row;
      const Program* p = catalogue_.find_program(id);
      check(worksheet_write_string(totals, row, 0, id.c_str(), nullptr));
      check(worksheet_write_string(totals, row, 1, p != nullptr ? p->name.in(options_.lang).c_str() : "", nullptr));
      check(worksheet_write_number(totals, row, 2, static_cast<double>(t.eligible), nullptr));
      check(worksheet_write_number(totals, row, 3, static_cast<double>(t.possible), nullptr));
      check(worksheet_write_number(totals, row, 4, static_cast<double>(t.government), money_));
    }
    row += 2;
    for (const std::string& line : notes()) check(worksheet_write_string(totals, row++, 0, line.c_str(), nullptr));
    if (warnings_ > kWarningsShown)
      warn(fmt::format("{}: warning: {} more cells cut or stripped of NUL bytes", file_, warnings_ - kWarningsShown),
           true);
    const lxw_error err = workbook_close(workbook_);
    workbook_ = nullptr;
    if (err != LXW_NO_ERROR)
      throw Error(Location{file_}, fmt::format("cannot write the workbook: {}", lxw_strerror(err)));
  }

 private:
  /// The lines under the totals: how many rows each kind of sheet holds, and on how many sheets.
  std::vector<std::string> notes() const {
    const bool ko = options_.lang == Lang::ko;
    std::vector<std::string> out;
    for (const SheetSeries* s : {&results_, &rejected_}) {
      std::string names;
      for (size_t i = 0; i < s->sheets.size(); ++i) names += (i > 0 ? ", " : "") + sheet_name(*s, i);
      if (s->sheets.size() == 1)
        out.push_back(ko ? fmt::format("{}: {}행", s->name, s->rows) : fmt::format("{}: {} rows", s->name, s->rows));
      else
        out.push_back(ko ? fmt::format("{}: {}행, 시트 {}개에 나뉨 ({}): Excel 시트 하나에 {}행까지 들어갑니다",
                                       s->name, s->rows, s->sheets.size(), names, options_.sheet_rows)
                         : fmt::format("{}: {} rows over {} sheets ({}): an Excel sheet holds {} rows", s->name,
                                       s->rows, s->sheets.size(), names, options_.sheet_rows));
    }
    return out;
  }

  static std::string sheet_name(const SheetSeries& s, size_t index) {
    return index == 0 ? s.name : fmt::format("{} ({})", s.name, index + 1);
  }

  lxw_worksheet* add_sheet(SheetSeries& s) {
    const std::string name = sheet_name(s, s.sheets.size());
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (ws == nullptr) throw Error(Location{file_}, fmt::format("cannot add the sheet \"{}\"", name));
    s.sheets.push_back(ws);
    s.row = 0;
    return ws;
  }

  void header(SheetSeries& s) {
    lxw_worksheet* ws = s.sheets.back();
    const bool ko = options_.lang == Lang::ko;
    if (&s == &results_) {
      const char* hko[] = {"행", "기업명", "사업", "상태", "유형", "한도", "정부지원", "민간부담", "사유", "유의사항"};
      const char* hen[] = {"line", "name",       "program", "status", "track",
                           "cap",  "government", "private", "reason", "caveats"};
      for (lxw_col_t c = 0; c < 10; ++c) check(worksheet_write_string(ws, 0, c, ko ? hko[c] : hen[c], bold_));
      check(worksheet_set_column(ws, 1, 1, 24, nullptr));
      check(worksheet_set_column(ws, 2, 2, 20, nullptr));
      check(worksheet_set_column(ws, 5, 7, 14, nullptr));
      check(worksheet_set_column(ws, 8, 9, 50, nullptr));
    } else {
      const char* hko[] = {"행", "기업명", "사유"};
      const char* hen[] = {"line", "name", "reason"};
      for (lxw_col_t c = 0; c < 3; ++c) check(worksheet_write_string(ws, 0, c, ko ? hko[c] : hen[c], bold_));
      check(worksheet_set_column(ws, 2, 2, 80, nullptr));
    }
  }

  /// The sheet to write the next data row on (a new one when the current is full), its row in `s.row`.
  lxw_worksheet* next_row(SheetSeries& s) {
    if (static_cast<size_t>(s.row) + 1 >= options_.sheet_rows) {
      add_sheet(s);
      header(s);
    }
    ++s.row;
    ++s.rows;
    return s.sheets.back();
  }

  void text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& value, long line, const char* what) {
    if (value.empty()) return;
    bool nul = false;
    bool cut = false;
    const std::string fitted = fit_excel_cell(value, options_.lang == Lang::ko ? "…[잘림]" : "…[cut]", nul, cut);
    if (nul) warn(fmt::format("{}: warning: line {}: NUL bytes removed from the {}", file_, line, what));
    if (cut)
      warn(fmt::format("{}: warning: line {}: {} longer than Excel's 32767 characters a cell; cut", file_, line, what));
    check(worksheet_write_string(ws, row, col, fitted.c_str(), nullptr));
  }

  void warn(const std::string& message, bool always = false) {
    if (!always && ++warnings_ > kWarningsShown) return;
    if (options_.on_warning) options_.on_warning(message);
  }

  void check(lxw_error err) const {
    if (err != LXW_NO_ERROR)
      throw Error(Location{file_}, fmt::format("cannot write the workbook: {}", lxw_strerror(err)));
  }

  ResultRow result_row(const ProgramEvaluation& pe, long line, const std::string& name) const {
    ResultRow r;
    r.line = line;
    r.name = name;
    r.program = pe.program->id;
    r.status = std::string(status_name(pe.status));
    const TrackEvaluation* best = pe.best_track();
    if (best != nullptr) {
      r.track = best->track->id;
      r.cap = best->cap;
      if (best->split) {
        r.government = best->split->government;
        r.private_share = best->split->private_share;
      }
    }
    if (const BatchReasons::Reason* reason = reasons_.first(pe)) r.reason = reason->text;
    if (const BatchReasons::Reason* caveats = reasons_.caveats(pe, best)) r.caveats = caveats->text;
    return r;
  }

  const Catalogue& catalogue_;
  BatchXlsxOptions options_;
  std::string file_;
  const BatchReasons reasons_;
  lxw_workbook* workbook_ = nullptr;
  SheetSeries results_;
  SheetSeries rejected_;
  lxw_format* money_ = nullptr;
  lxw_format* bold_ = nullptr;
  std::map<std::string, ProgramTotals> written_;  ///< eligible and possible rows written, by program
  size_t warnings_ = 0;
};

}  // namespace

std::unique_ptr<BatchXlsxFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue,
                                                 const BatchXlsxOptions& options) {
  return std::make_unique<BatchXlsx>(path, catalogue, options);
}

std::unique_ptr<BatchFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue, Lang lang, bool all) {
  BatchXlsxOptions options;
  options.lang = lang;
  options.all = all;
  return make_batch_xlsx(path, catalogue, options);
}

}  // namespace sfgrant
