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

/// Builds a profile from a CSV record with the given header (dotted profile paths).
/// Returns an error message instead when a cell cannot be read.
class CsvProfileMapper {
 public:
  /// Throws Error (naming the column) for an unknown column or two columns of one field. Empty cells at the end of
  /// the header (Excel's name,size,ksic,,,) are no columns: a row may have cells under them, empty.
  CsvProfileMapper(const std::vector<std::string>& header, const std::string& file);
  std::optional<std::string> map(const std::vector<std::string>& fields, long line, Profile& profile) const;
  /// The named columns.
  size_t columns() const { return columns_.size(); }
  /// The header's cells, empty ones at the end included.
  size_t width() const { return width_; }

 private:
  std::vector<const FactDef*> columns_;  ///< null for the plan.costs column
  std::optional<size_t> costs_column_;
  std::vector<std::string> headers_;  ///< each column's header as written (회사명), for messages
  size_t width_ = 0;
  std::string file_;
};

}  // namespace sfgrant
