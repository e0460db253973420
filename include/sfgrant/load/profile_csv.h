#pragma once
/// Company profiles from CSV records (SPEC §8): a header of dotted profile paths (name, size,
/// ksic, status.tax_arrears, plan.total_cost, …) or their Korean names (column_names.h), then one
/// company a record.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Input columns passed through to the output unchanged (`batch --keep`, `--keep-all-unknown`).
struct KeepColumns {
  std::vector<std::string> names;  ///< matched like headers: spaces and case ignored
  bool all_unknown = false;        ///< every column that is not a profile field
  bool empty() const { return names.empty() && !all_unknown; }
};

/// Builds a profile from a CSV record with the given header (dotted profile paths).
/// Returns an error message instead when a cell cannot be read.
class CsvProfileMapper {
 public:
  /// Throws Error (naming the column) for an unknown column that is not kept, two columns of one field, or a kept
  /// name no column has. Empty cells at the end of the header (Excel's name,size,ksic,,,) are no columns: a row may
  /// have cells under them, empty. A kept column that is a profile field is both read and kept.
  CsvProfileMapper(const std::vector<std::string>& header, const std::string& file, const KeepColumns& keep = {});
  std::optional<std::string> map(const std::vector<std::string>& fields, long line, Profile& profile) const;
  /// The kept columns' headers as written, in input order.
  const std::vector<std::string>& kept_names() const { return kept_names_; }
  /// The kept cells of a record (decoded), in input order, into `out`; empty cells for a short record.
  void kept(const std::vector<std::string>& fields, std::vector<std::string>& out) const;
  /// The named columns.
  size_t columns() const { return columns_.size(); }
  /// The header's cells, empty ones at the end included.
  size_t width() const { return width_; }

 private:
  /// How a column's cells are read, chosen once from the header: the common cases parse straight into
  /// the profile's value; `other`, and any cell a direct parse refuses, go through assign_fact, whose
  /// errors are the ones a user sees.
  enum class CellParser : unsigned char { skip, costs, list, yes_no, count, amount, choice, text, ksic, other };
  static CellParser parser_for(const FactDef* f, bool read);
  static bool parse_cell(CellParser parser, const FactDef& f, const std::string& cell, const Location& at,
                         Profile& profile);

  std::vector<const FactDef*> columns_;  ///< null for the plan.costs column and a kept column that is no field
  std::vector<CellParser> parsers_;      ///< one a named column
  std::vector<bool> read_;               ///< the column is read into the profile (not only kept)
  std::vector<size_t> kept_;             ///< kept columns, in input order
  std::vector<std::string> kept_names_;
  std::optional<size_t> costs_column_;
  std::vector<std::string> headers_;  ///< each column's header as written (회사명), for messages
  size_t width_ = 0;
  std::string file_;
};

}  // namespace sfgrant
