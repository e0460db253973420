#pragma once
/// The xlsx output of `batch`: a workbook a consultant can send, written with libxlsxwriter in
/// constant-memory mode. Sheets: 기업별 (a row per company: its best program, counts, questions), 사업별
/// (a row per company and program), 오류 (rows that could not be read), 요약 (companies counted once, by
/// region, size and best program, then each program's counts). Every sheet has a frozen, filterable
/// header, widths fitted to its first rows (Hangul counts two), and won amounts as numbers shown `#,##0`.
///
/// Nothing is dropped to fit Excel: past its 1,048,576 rows a sheet (header included) the rows
/// go on in `사업별 (2)`, `사업별 (3)` … (`by program (2)` in English; the other sheets likewise) and the
/// 요약 sheet says so and counts the rows the sheets hold; a cell over Excel's 32,767 characters
/// is cut with a visible mark (`…[잘림]` / `…[cut]`) and NUL bytes are removed, each with a warning.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

struct BatchXlsxOptions {
  Lang lang = Lang::ko;  ///< of the sheet names, headers and reasons
  bool all = false;      ///< every status, not only eligible and possible
  /// The file named in messages (the `-o` target; the workbook itself is written to a temporary
  /// path beside it). Empty: the path written.
  std::string display_name;
  /// Rows a sheet holds, header included: Excel's limit. Smaller values are for tests.
  size_t sheet_rows = 1048576;
  /// A cell cut or a NUL removed, as one line for stderr without the final newline:
  /// `FILE: warning: line 12: name longer than Excel's 32767 characters; cut`. The first 100 are
  /// reported one by one, then one line counts the rest. Called on the writer thread. Not set:
  /// the warnings are only counted (warnings()).
  std::function<void(const std::string&)> on_warning;
};

/// The xlsx format's own interface beyond BatchFormat: what it had to change to fit Excel.
class BatchXlsxFormat : public BatchFormat {
 public:
  /// Cells cut or stripped of NULs so far.
  virtual size_t warnings() const = 0;
  /// 사업별 sheets written so far (1 until a sheet fills).
  virtual size_t result_sheets() const = 0;
};

/// Writes to `path`; the workbook is complete after end() (destroying the format before closes
/// what was written). Throws Error naming the file when the workbook cannot be created or a
/// write fails (libxlsxwriter's error text).
std::unique_ptr<BatchXlsxFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue,
                                                 const BatchXlsxOptions& options);

/// The same, without warnings reported (kept for callers that predate BatchXlsxOptions).
std::unique_ptr<BatchFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue, Lang lang, bool all);

/// `text` made to fit one Excel cell: NUL bytes removed, and when longer than `max_units` UTF-16
/// units (Excel's limit is 32,767) cut between characters with `mark` at the end, the whole at
/// most `max_units`. `nul_removed` / `cut` say what was done.
std::string fit_excel_cell(const std::string& text, const std::string& mark, bool& nul_removed, bool& cut,
                           size_t max_units = 32767);

}  // namespace sfgrant
