#pragma once
/// The csv output of `batch`: one row per company and program (eligible and possible ones, or
/// every program with --all), or with --per company one row per company; a rejected row as an
/// `error` row where it stood in the input. Kept input columns (--keep) come after line and name.
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

struct BatchCsvOptions {
  Lang lang = Lang::ko;      ///< of the reason column
  bool all = false;          ///< every status, not only eligible and possible
  bool bom = false;          ///< start with a UTF-8 BOM for Excel
  bool per_company = false;  ///< one row per company (its best program) instead of per program
};

/// Writes to `out`, which must outlive the format; `catalogue` is the one run_batch evaluates.
std::unique_ptr<BatchFormat> make_batch_csv(std::ostream& out, const Catalogue& catalogue,
                                            const BatchCsvOptions& options);

/// The header of the csv output (per program, or per company), the kept columns after line and name.
std::string batch_csv_header(const std::vector<std::string>& kept = {}, bool per_company = false);

/// Escapes a CSV cell (quotes when needed) and neutralises spreadsheet formulas: a cell starting
/// with = + - @ (or a tab or CR) gets a leading apostrophe. NUL bytes are dropped (every cell of
/// the csv output passes here; a NUL cuts the value in the tools that read the file).
std::string csv_cell(const std::string& text);

}  // namespace sfgrant
