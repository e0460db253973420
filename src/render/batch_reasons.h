#pragma once
// The reason column of the batch csv and xlsx outputs: for each program, the first failed rule
// (the program's, then for a closed program its tracks') as `rule-id: message`, or for a possible
// program the first missing fact as `missing: path`. Every reason a row can give is written once
// per catalogue, as text (xlsx) and as a csv cell, not once per row.
#include <string>
#include <unordered_map>

#include "sfgrant/batch/batch.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

class BatchReasons {
 public:
  struct Reason {
    std::string text;
    std::string cell;  ///< csv_cell(text)
  };

  BatchReasons(const Catalogue& catalogue, Lang lang);
  Lang lang() const { return lang_; }

  /// The program's reason, or null when there is none. `pe` must be from the same catalogue.
  const Reason* first(const ProgramEvaluation& pe) const;

  /// `rule-id: message`, as the failed column lists it. `rule` must be from the same catalogue.
  const std::string& failed_text(const Rule& rule) const { return reasons_.at(&rule).text; }

  /// The caveats that qualify a row (the program's, then its best track's), joined; null when none.
  const Reason* caveats(const ProgramEvaluation& pe, const TrackEvaluation* best) const;

  /// One program's row, every column (kept cells left to the caller); `reasons`: false leaves reason
  /// and caveats empty, for the csv, which writes their cells made once (first(), caveats()).
  void fill(ResultRow& row, const ProgramEvaluation& pe, long line, const std::string& name, bool reasons = true) const;
  /// One company's row: its best program (engine best_program), counts, questions, caveats.
  void fill(CompanyRow& row, const CompanyResult& company) const;

 private:
  Lang lang_;
  std::unordered_map<const void*, Reason> reasons_;     ///< by Rule* or FactDef*
  std::unordered_map<const void*, Reason> caveats_;     ///< by Track* (the best track), or Program* without one
  std::unordered_map<const void*, Reason> group_open_;  ///< by Track*: the same, and that its group cap is not applied
  std::unordered_map<const void*, Reason> at_cap_;      ///< by Track*: the same, and that its split is at the cap
};

/// A rejected row's reason as the csv and xlsx outputs show it: prefixed with `lines 12-14: ` when the
/// row spans lines (a quoted cell with line ends), so the record names every line it stands for.
std::string rejected_reason(const RejectedRow& row);

}  // namespace sfgrant
