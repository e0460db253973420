#include "sfgrant/render/batch_xlsx.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <limits>

#include "batch_reasons.h"

namespace sfgrant {
namespace {

class BatchXlsx final : public BatchFormat {
 public:
  BatchXlsx(const std::string& path, const Catalogue& catalogue, Lang lang, bool all)
      : catalogue_(catalogue), lang_(lang), all_(all), reasons_(catalogue, lang) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = nullptr;
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (workbook_ == nullptr) throw Error(Location{path}, "cannot create the workbook");
    results_ = workbook_add_worksheet(workbook_, lang == Lang::ko ? "결과" : "results");
    rejected_ = workbook_add_worksheet(workbook_, lang == Lang::ko ? "오류 행" : "rejected rows");
    totals_ = workbook_add_worksheet(workbook_, lang == Lang::ko ? "사업별 합계" : "totals");
    money_ = workbook_add_format(workbook_);
    format_set_num_format(money_, "#,##0");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
  }

  ~BatchXlsx() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  size_t max_chunk_rows() const override { return std::numeric_limits<size_t>::max(); }

  void begin() override {
    const char* ko[] = {"행", "기업명", "사업", "상태", "유형", "한도", "정부지원", "민간부담", "사유", "유의사항"};
    const char* en[] = {"line", "name",       "program", "status", "track",
                        "cap",  "government", "private", "reason", "caveats"};
    for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(results_, 0, c, lang_ == Lang::ko ? ko[c] : en[c], bold_);
    worksheet_set_column(results_, 1, 1, 24, nullptr);
    worksheet_set_column(results_, 2, 2, 20, nullptr);
    worksheet_set_column(results_, 5, 7, 14, nullptr);
    worksheet_set_column(results_, 8, 9, 50, nullptr);
    const char* rko[] = {"행", "기업명", "사유"};
    const char* ren[] = {"line", "name", "reason"};
    for (lxw_col_t c = 0; c < 3; ++c)
      worksheet_write_string(rejected_, 0, c, lang_ == Lang::ko ? rko[c] : ren[c], bold_);
    worksheet_set_column(rejected_, 2, 2, 80, nullptr);
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    const std::string name = company.profile.name();
    for (const ProgramEvaluation& pe : company.evaluation.programs)
      if (pe.status != Status::ineligible || all_) out.rows.push_back(result_row(pe, company.line, name));
  }

  /// Kept for the rejected rows sheet, written with the chunk.
  void rejected(const RejectedRow& row, ChunkOutput& out) const override { out.rejected.push_back(row); }

  void write(ChunkOutput& out) override {
    for (const ResultRow& r : out.rows) {
      ++row_;
      worksheet_write_number(results_, row_, 0, static_cast<double>(r.line), nullptr);
      worksheet_write_string(results_, row_, 1, r.name.c_str(), nullptr);
      worksheet_write_string(results_, row_, 2, r.program.c_str(), nullptr);
      worksheet_write_string(results_, row_, 3, r.status.c_str(), nullptr);
      worksheet_write_string(results_, row_, 4, r.track.c_str(), nullptr);
      // Excel stores numbers as doubles: exact for every won amount below 2^53 (9천조원)
      if (r.cap) worksheet_write_number(results_, row_, 5, static_cast<double>(*r.cap), money_);
      if (r.government) worksheet_write_number(results_, row_, 6, static_cast<double>(*r.government), money_);
      if (r.private_share) worksheet_write_number(results_, row_, 7, static_cast<double>(*r.private_share), money_);
      worksheet_write_string(results_, row_, 8, r.reason.c_str(), nullptr);
      if (!r.caveats.empty()) worksheet_write_string(results_, row_, 9, r.caveats.c_str(), nullptr);
    }
    for (const RejectedRow& r : out.rejected) {
      ++rejected_row_;
      worksheet_write_number(rejected_, rejected_row_, 0, static_cast<double>(r.line), nullptr);
      worksheet_write_string(rejected_, rejected_row_, 1, r.name.c_str(), nullptr);
      worksheet_write_string(rejected_, rejected_row_, 2, r.reason.c_str(), nullptr);
    }
  }

  void end(const BatchSummary& summary) override {
    const char* ko[] = {"사업", "사업명", "지원 가능", "확인 필요", "정부지원 합계"};
    const char* en[] = {"program", "name", "eligible", "possible", "government total"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(totals_, 0, c, lang_ == Lang::ko ? ko[c] : en[c], bold_);
    worksheet_set_column(totals_, 1, 1, 40, nullptr);
    worksheet_set_column(totals_, 4, 4, 18, nullptr);
    lxw_row_t row = 0;
    for (const auto& [id, t] : summary.programs) {
      ++row;
      const Program* p = catalogue_.find_program(id);
      worksheet_write_string(totals_, row, 0, id.c_str(), nullptr);
      worksheet_write_string(totals_, row, 1, p != nullptr ? p->name.in(lang_).c_str() : "", nullptr);
      worksheet_write_number(totals_, row, 2, static_cast<double>(t.eligible), nullptr);
      worksheet_write_number(totals_, row, 3, static_cast<double>(t.possible), nullptr);
      worksheet_write_number(totals_, row, 4, static_cast<double>(t.government), money_);
    }
    const lxw_error err = workbook_close(workbook_);
    workbook_ = nullptr;
    if (err != LXW_NO_ERROR) throw Error(fmt::format("cannot write the workbook: {}", lxw_strerror(err)));
  }

 private:
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
  Lang lang_;
  bool all_;
  const BatchReasons reasons_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* results_ = nullptr;
  lxw_worksheet* rejected_ = nullptr;
  lxw_worksheet* totals_ = nullptr;
  lxw_format* money_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
  lxw_row_t rejected_row_ = 0;
};

}  // namespace

std::unique_ptr<BatchFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue, Lang lang, bool all) {
  return std::make_unique<BatchXlsx>(path, catalogue, lang, all);
}

}  // namespace sfgrant
