#include "sfgrant/render/batch_xlsx.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

#include "batch_reasons.h"
#include "sfgrant/render/words.h"
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
/// Column widths are fitted to the header and the first rows of each sheet (measuring every cell of a
/// million rows costs time and says little more), within these bounds, in Excel's character units.
constexpr size_t kRowsMeasured = 2000;
constexpr double kMinWidth = 6, kMaxWidth = 60;

/// One kind of sheet that may run over several: 사업별, 사업별 (2), … each with the header row.
struct SheetSeries {
  std::string name;  ///< the first sheet's
  std::vector<std::string> headers;
  std::vector<lxw_worksheet*> sheets;
  std::vector<lxw_row_t> last_rows;  ///< each sheet's last row written (0: the header only)
  lxw_row_t row = 0;                 ///< the last row written on the current sheet (0: the header)
  size_t rows = 0;                   ///< data rows written on all of them
  std::vector<int> widths;           ///< display width of the widest cell measured, by column
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
    money_ = workbook_add_format(workbook_);
    format_set_num_format(money_, "#,##0");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
  }

  ~BatchXlsx() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  // A chunk holds every row's strings until written (a company's ~10 program rows with their readable
  // columns, ~10 KB): 1,024 companies a chunk kept ~40 MB in flight. 128 keeps the peak as it was.
  size_t max_chunk_rows() const override { return 128; }
  size_t warnings() const override { return warnings_; }
  size_t result_sheets() const override { return results_.sheets.size(); }

  /// The sheets in the order people read them: 기업별 first, then 사업별, 오류; 요약 is added at the end.
  void begin(const KeptColumns& kept) override {
    kept_ = kept;
    const bool ko = options_.lang == Lang::ko;
    auto headers = [&](std::initializer_list<std::pair<const char*, const char*>> names) {
      std::vector<std::string> out{ko ? "행" : "line", ko ? "기업명" : "name"};
      out.insert(out.end(), kept.names.begin(), kept.names.end());
      for (const auto& [k, e] : names) out.emplace_back(ko ? k : e);
      return out;
    };
    companies_.name = ko ? "기업별" : "by company";
    companies_.headers = headers({{"상태", "status"},
                                  {"최적 사업", "best program"},
                                  {"사업명", "program name"},
                                  {"유형", "track"},
                                  {"유형명", "track name"},
                                  {"정부지원", "government"},
                                  {"기업부담", "company"},
                                  {"대기업부담", "large company"},
                                  {"민간부담", "private"},
                                  {"분담 기준", "basis"},
                                  {"지원 가능 사업", "eligible programs"},
                                  {"확인 필요 사업", "possible programs"},
                                  {"지원 불가 사업", "ineligible programs"},
                                  {"먼저 물어볼 사항", "questions"},
                                  {"유의사항", "caveats"}});
    results_.name = ko ? "사업별" : "by program";
    results_.headers = headers({{"사업", "program"},
                                {"상태", "status"},
                                {"유형", "track"},
                                {"한도", "cap"},
                                {"정부지원", "government"},
                                {"민간부담", "private"},
                                {"사유", "reason"},
                                {"유의사항", "caveats"},
                                {"사업명", "program name"},
                                {"유형명", "track name"},
                                {"상태(설명)", "status text"},
                                {"접수", "window"},
                                {"기업부담", "company"},
                                {"대기업부담", "large company"},
                                {"분담 기준", "basis"},
                                {"확인할 사항", "missing"},
                                {"충족하지 못한 요건", "failed rules"}});
    rejected_.name = ko ? "오류" : "errors";
    rejected_.headers = headers({{"사유", "reason"}});
    for (SheetSeries* s : {&companies_, &results_, &rejected_}) {
      add_sheet(*s);
      s->widths.assign(s->headers.size(), 0);
      for (size_t c = 0; c < s->headers.size(); ++c) s->widths[c] = display_width(s->headers[c]);
    }
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    const std::string name = company.profile.name();
    CompanyRow& c = out.companies.emplace_back();
    reasons_.fill(c, company);
    c.kept = company.kept;
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || options_.all) {
        ResultRow& r = out.rows.emplace_back();
        reasons_.fill(r, pe, company.line, name);
        r.kept = c.kept;
      }
  }

  /// Kept for the 오류 sheet, written with the chunk.
  void rejected(const RejectedRow& row, ChunkOutput& out) const override { out.rejected.push_back(row); }

  void write(ChunkOutput& out) override {
    for (const CompanyRow& r : out.companies) {
      Row w = start(companies_, r.line, r.name, r.kept);
      w.text(std::string(status_label(r.status, options_.lang)), "status");
      w.text(r.program, "program");
      w.text(r.program_name, "program name");
      w.text(r.track, "track");
      w.text(r.track_name, "track name");
      w.money(r.government);
      w.money(r.company);
      w.money(r.large_company);
      w.money(r.private_share);
      w.text(r.basis, "basis");
      w.count(r.eligible);
      w.count(r.possible);
      w.count(r.ineligible);
      w.text(r.questions, "questions");
      w.text(r.caveats, "caveats");
    }
    for (const ResultRow& r : out.rows) {
      Row w = start(results_, r.line, r.name, r.kept);
      w.text(r.program, "program");
      w.text(r.status, "status");
      w.text(r.track, "track");
      // Excel stores numbers as doubles: exact for every won amount below 2^53 (9천조원)
      w.money(r.cap);
      w.money(r.government);
      w.money(r.private_share);
      w.text(r.reason, "reason");
      w.text(r.caveats, "caveats");
      w.text(r.program_name, "program name");
      w.text(r.track_name, "track name");
      w.text(r.status_text, "status text");
      w.text(r.window, "window");
      w.money(r.company);
      w.money(r.large_company);
      w.text(r.basis, "basis");
      w.text(r.missing, "missing");
      w.text(r.failed, "failed rules");
      if (r.status == status_name(Status::eligible)) ++written_[r.program].eligible;
      if (r.status == status_name(Status::possible)) ++written_[r.program].possible;
    }
    for (const RejectedRow& r : out.rejected) {
      Row w = start(rejected_, r.line, r.name, r.kept);
      w.text(rejected_reason(r), "reason");
    }
  }

  void end(const BatchSummary& summary) override {
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
    if (static_cast<long>(companies_.rows) != summary.evaluated || summary.companies.companies != summary.evaluated)
      throw Error(Location{file_}, fmt::format("the company sheets hold {} rows, the totals count {}", companies_.rows,
                                               summary.evaluated));
    for (SheetSeries* s : {&companies_, &results_, &rejected_}) finish(*s);
    write_summary(summary);
    if (warnings_ > kWarningsShown)
      warn(fmt::format("{}: warning: {} more cells cut or stripped of NUL bytes", file_, warnings_ - kWarningsShown),
           true);
    const lxw_error err = workbook_close(workbook_);
    workbook_ = nullptr;
    if (err != LXW_NO_ERROR)
      throw Error(Location{file_}, fmt::format("cannot write the workbook: {}", lxw_strerror(err)));
  }

 private:
  /// Writes one data row's cells left to right.
  class Row {
   public:
    Row(BatchXlsx& x, SheetSeries& s, lxw_worksheet* ws, lxw_row_t row, long line, lxw_col_t col)
        : x_(x), s_(s), ws_(ws), row_(row), line_(line), col_(col) {}
    void text(const std::string& value, const char* what) { x_.text(s_, ws_, row_, col_++, value, line_, what); }
    void money(const std::optional<Won>& amount) {
      if (amount) x_.number(s_, ws_, row_, col_, static_cast<double>(*amount), x_.money_);
      ++col_;
    }
    void count(long n) { x_.number(s_, ws_, row_, col_++, static_cast<double>(n), nullptr); }

   private:
    BatchXlsx& x_;
    SheetSeries& s_;
    lxw_worksheet* ws_;
    lxw_row_t row_;
    long line_;
    lxw_col_t col_;
  };

  /// A new data row on `s`: its line, name and kept cells written; the row writes the rest.
  Row start(SheetSeries& s, long line, const std::string& name, const std::vector<std::string>& kept) {
    lxw_worksheet* ws = next_row(s);
    const lxw_row_t row = s.row;
    number(s, ws, row, 0, static_cast<double>(line), nullptr);
    text(s, ws, row, 1, name, line, "name");
    const size_t n = kept_.names.size();
    for (size_t k = 0; k < n && k < kept.size(); ++k)
      text(s, ws, row, static_cast<lxw_col_t>(2 + k), kept[k], line, "kept cell");
    return Row(*this, s, ws, row, line, static_cast<lxw_col_t>(2 + n));
  }

  /// The 요약 sheet: companies counted once each (overall, by region, by size, by best program), then
  /// each program's counts, every total saying what it sums, as one table people can filter.
  void write_summary(const BatchSummary& summary) {
    const bool ko = options_.lang == Lang::ko;
    SheetSeries s;
    s.name = ko ? "요약" : "summary";
    s.headers = ko ? std::vector<std::string>{"구분",
                                              "항목",
                                              "평가한 기업",
                                              "지원 가능 기업",
                                              "확인 필요",
                                              "정부지원 합계",
                                              "비용 미입력(합계 제외)",
                                              "합계 기준"}
                   : std::vector<std::string>{"group",
                                              "item",
                                              "companies evaluated",
                                              "eligible",
                                              "possible",
                                              "government total",
                                              "no cost given (not in total)",
                                              "what it sums"};
    s.widths.assign(s.headers.size(), 0);
    for (size_t c = 0; c < s.headers.size(); ++c) s.widths[c] = display_width(s.headers[c]);
    add_sheet(s);
    const std::string once = ko ? "기업마다 한 번: 최적 사업(지원 가능 사업 중 정부지원이 가장 큰 것)의 정부지원"
                                : "each company once: its best program's government share (the eligible program "
                                  "with the largest)";
    const std::string per_program =
        ko ? "사업마다: 이 사업이 지원 가능한 기업의 정부지원 (한 기업이 여러 사업에 세어지므로 사업끼리 더하지 "
             "마십시오)"
           : "per program: the government share of the companies eligible for it (a company counts in every "
             "program it is eligible for: do not add programs up)";
    auto group_row = [&](const std::string& group, const std::string& item, const CompanyTotals& t) {
      lxw_worksheet* ws = next_row(s, false);
      const lxw_row_t row = s.row;
      text(s, ws, row, 0, group, 0, "group");
      text(s, ws, row, 1, item, 0, "item");
      number(s, ws, row, 2, static_cast<double>(t.companies), nullptr);
      number(s, ws, row, 3, static_cast<double>(t.with_eligible), nullptr);
      number(s, ws, row, 5, static_cast<double>(t.best_government), money_);
      number(s, ws, row, 6, static_cast<double>(t.best_at_cap), nullptr);
      text(s, ws, row, 7, once, 0, "note");
    };
    auto choice_text = [&](const char* path, std::int64_t index) -> std::string {
      const FactDef* f = find_fact(path);
      if (index < 0 || f == nullptr || f->vocabulary == nullptr ||
          static_cast<size_t>(index) >= f->vocabulary->choices.size())
        return ko ? "(입력 없음)" : "(not given)";
      return choice_word(f->vocabulary->choices[static_cast<size_t>(index)], options_.lang);
    };
    group_row(ko ? "전체" : "all", ko ? "전체" : "all", summary.companies);
    for (const auto& [index, t] : summary.by_region) group_row(ko ? "지역" : "region", choice_text("region", index), t);
    for (const auto& [index, t] : summary.by_size) group_row(ko ? "규모" : "size", choice_text("size", index), t);
    for (size_t i = 0; i < summary.by_best_program.size() && i < catalogue_.programs.size(); ++i) {
      if (summary.by_best_program[i].companies == 0) continue;
      const Program& p = catalogue_.programs[i];
      group_row(ko ? "최적 사업" : "best program", p.name.in(options_.lang) + " (" + p.id + ")",
                summary.by_best_program[i]);
    }
    for (const auto& [id, t] : summary.programs) {
      lxw_worksheet* ws = next_row(s, false);
      const lxw_row_t row = s.row;
      const Program* p = catalogue_.find_program(id);
      text(s, ws, row, 0, ko ? "사업별" : "program", 0, "group");
      text(s, ws, row, 1, (p != nullptr ? p->name.in(options_.lang) + " (" + id + ")" : id), 0, "item");
      number(s, ws, row, 3, static_cast<double>(t.eligible), nullptr);
      number(s, ws, row, 4, static_cast<double>(t.possible), nullptr);
      number(s, ws, row, 5, static_cast<double>(t.government), money_);
      number(s, ws, row, 6, static_cast<double>(t.at_cap), nullptr);
      text(s, ws, row, 7, per_program, 0, "note");
    }
    finish(s);
    // under the table (outside its filter): how many rows each kind of sheet holds, on how many sheets
    lxw_worksheet* ws = s.sheets.back();
    lxw_row_t row = s.row + 2;
    for (const std::string& line : notes()) check(worksheet_write_string(ws, row++, 0, line.c_str(), nullptr));
  }

  /// The lines under the summary: how many rows each kind of sheet holds, and on how many sheets.
  std::vector<std::string> notes() const {
    const bool ko = options_.lang == Lang::ko;
    std::vector<std::string> out;
    for (const SheetSeries* s : {&companies_, &results_, &rejected_}) {
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

  /// A new sheet of the series with its header row (bold) frozen.
  lxw_worksheet* add_sheet(SheetSeries& s) {
    if (!s.sheets.empty()) s.last_rows.back() = s.row;
    const std::string name = sheet_name(s, s.sheets.size());
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (ws == nullptr) throw Error(Location{file_}, fmt::format("cannot add the sheet \"{}\"", name));
    s.sheets.push_back(ws);
    s.last_rows.push_back(0);
    s.row = 0;
    for (size_t c = 0; c < s.headers.size(); ++c)
      check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.headers[c].c_str(), bold_));
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
  }

  /// After the series' last row: on each of its sheets the autofilter over its rows and the widths.
  void finish(SheetSeries& s) {
    s.last_rows.back() = s.row;
    const auto last_col = static_cast<lxw_col_t>(s.headers.size() - 1);
    for (size_t i = 0; i < s.sheets.size(); ++i) {
      check(worksheet_autofilter(s.sheets[i], 0, 0, s.last_rows[i], last_col));
      for (size_t c = 0; c < s.widths.size(); ++c) {
        // display width (Hangul counts two) plus room for the filter button
        const double width = std::clamp(static_cast<double>(s.widths[c]) + 3, kMinWidth, kMaxWidth);
        check(worksheet_set_column(s.sheets[i], static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr));
      }
    }
  }

  /// The sheet to write the next data row on (a new one when the current is full), its row in `s.row`.
  /// `split`: false for 요약, a table of a few dozen rows that always fits one sheet.
  lxw_worksheet* next_row(SheetSeries& s, bool split = true) {
    if (split && static_cast<size_t>(s.row) + 1 >= options_.sheet_rows) add_sheet(s);
    ++s.row;
    ++s.rows;
    return s.sheets.back();
  }

  void measure(SheetSeries& s, lxw_col_t col, int width) {
    if (col < s.widths.size() && width > s.widths[col]) s.widths[col] = width;
  }

  void number(SheetSeries& s, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    check(worksheet_write_number(ws, row, col, value, format));
    if (s.rows <= kRowsMeasured) {
      // as shown: digits with a separator every three
      const int digits = static_cast<int>(fmt::format("{:.0f}", value).size());
      measure(s, col, format != nullptr ? digits + (digits - 1) / 3 : digits);
    }
  }

  void text(SheetSeries& s, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& value, long line,
            const char* what) {
    if (value.empty()) return;
    bool nul = false;
    bool cut = false;
    const std::string fitted = fit_excel_cell(value, options_.lang == Lang::ko ? "…[잘림]" : "…[cut]", nul, cut);
    if (nul) warn(fmt::format("{}: warning: line {}: NUL bytes removed from the {}", file_, line, what));
    if (cut)
      warn(fmt::format("{}: warning: line {}: {} longer than Excel's 32767 characters a cell; cut", file_, line, what));
    check(worksheet_write_string(ws, row, col, fitted.c_str(), nullptr));
    if (s.rows <= kRowsMeasured)
      measure(s, col, fitted.size() > 400 ? static_cast<int>(kMaxWidth) : display_width(fitted));
  }

  void warn(const std::string& message, bool always = false) {
    if (!always && ++warnings_ > kWarningsShown) return;
    if (options_.on_warning) options_.on_warning(message);
  }

  void check(lxw_error err) const {
    if (err != LXW_NO_ERROR)
      throw Error(Location{file_}, fmt::format("cannot write the workbook: {}", lxw_strerror(err)));
  }

  const Catalogue& catalogue_;
  BatchXlsxOptions options_;
  std::string file_;
  const BatchReasons reasons_;
  lxw_workbook* workbook_ = nullptr;
  KeptColumns kept_;
  SheetSeries companies_;
  SheetSeries results_;
  SheetSeries rejected_;
  lxw_format* money_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* wrap_ = nullptr;
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
