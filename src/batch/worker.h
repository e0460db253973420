#pragma once
// The per-chunk work of batch, run on the worker threads: decode each raw row, map it to a
// profile, derive, evaluate, tally, and hand the company (or the rejected row) to the output
// format, which renders it into the chunk's output.
#include <optional>
#include <string>
#include <vector>

#include "row_source.h"
#include "sfgrant/batch/batch.h"
#include "sfgrant/engine/derive_cache.h"
#include "sfgrant/engine/rule_table.h"
#include "sfgrant/load/profile_csv.h"

namespace sfgrant {

/// Rows read together, numbered so that their output is written in input order.
struct Chunk {
  long seq = 0;
  std::vector<RawRow> rows;
};

/// A chunk's output, its rejected rows (for on_error) and its counts.
struct Done {
  long seq = 0;
  ChunkOutput out;
  std::vector<RejectedRow> rejected;
  BatchSummary summary;
};

/// The most output bytes a worker reserves ahead for a chunk (what the chunk before made).
constexpr size_t kMaxChunkReserve = 64u << 20;

class Worker {
 public:
  /// `mapper` is the CSV header's (null for JSON Lines); `encoding` the input's (automatic: per row).
  Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper, Encoding encoding,
         const BatchFormat& format);

  /// Consumes the chunk's rows (their fields are decoded in place). Const: the threads share one;
  /// `derived` is the calling thread's own (the catalogue's industry tables).
  Done process(Chunk& chunk, DerivedFactCache& derived) const;

 private:
  /// The kept values of the row in hand: as text, and as JSON (JSON Lines input).
  struct Kept {
    std::vector<std::string> text;
    std::vector<std::string> json;
  };
  void reject(Done& done, const RawRow& raw, std::string name, std::string reason, const Kept& kept,
              RejectKind kind) const;
  void one(RawRow& raw, Profile& profile, Evaluation& ev, std::vector<Tri>& rule_results, Kept& kept,
           DerivedFactCache& derived, Done& done) const;
  static void tally(const std::vector<ProgramEvaluation>& results, BatchSummary& summary);
  void tally_company(const Profile& profile, const Evaluation& ev, BatchSummary& summary) const;
  static void tally_questions(const Evaluation& ev, BatchSummary& summary);

  const Catalogue& catalogue_;
  const RuleTable rules_;  ///< the catalogue's distinct conditions, evaluated once a company
  const BatchOptions& options_;
  const CsvProfileMapper* mapper_;
  Encoding encoding_;
  const BatchFormat& format_;
};

}  // namespace sfgrant
