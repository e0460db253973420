#pragma once
// The per-chunk work of batch, run on the worker threads: decode each raw row, map it to a
// profile, derive, evaluate, tally, and render the company into the chunk's output.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "row_source.h"
#include "sfgrant/batch/batch.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/render/check_json_writer.h"
#include "sfgrant/text/text_buffer.h"

namespace sfgrant {

/// Rows read together, numbered so that their output is written in input order.
struct Chunk {
  long seq = 0;
  std::vector<RawRow> rows;
};

/// A chunk's output and counts.
struct Done {
  long seq = 0;
  TextBuffer text;
  std::vector<ResultRow> rows;
  std::vector<RejectedRow> rejected;
  BatchSummary summary;
};

class Worker {
 public:
  /// `mapper` is the CSV header's (null for JSON Lines); `encoding` the input's, sniffed.
  Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper, Encoding encoding);

  /// Consumes the chunk's rows (their fields are decoded in place). Const: the threads share one.
  Done process(Chunk& chunk) const;

 private:
  /// A reason column as text (xlsx) and as a csv cell.
  struct Reason {
    std::string text;
    std::string cell;
  };

  std::optional<std::string> decode(std::vector<std::string>& fields) const;
  void reject(Done& done, long line, std::string name, std::string reason) const;
  void one(RawRow& raw, Profile& profile, Evaluation& ev, Done& done) const;
  ResultRow result_row(const ProgramEvaluation& pe, long line, const std::string& name) const;
  const Reason* first_reason(const ProgramEvaluation& pe) const;
  void append_csv(TextBuffer& out, const std::string& head, const ProgramEvaluation& pe) const;
  static void append_decimal(TextBuffer& out, Won w);
  static void tally(const std::vector<ProgramEvaluation>& results, BatchSummary& summary);

  const Catalogue& catalogue_;
  const BatchOptions& options_;
  const CsvProfileMapper* mapper_;
  Encoding encoding_;
  const CheckJsonWriter json_;  ///< what check_json(…).dump() writes, without the tree
  std::unordered_map<const void*, Reason> reasons_;  ///< by Rule* or FactDef*
};

}  // namespace sfgrant
