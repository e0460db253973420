#pragma once
/// Batch evaluation of company lists (SPEC §8): rows in (CSV or JSON Lines), one result per
/// company out, in input order, with every unreadable row reported and none dropped. The output
/// formats (csv, jsonl, xlsx) live in render/ and implement BatchFormat.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/text/byte_source.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/text_buffer.h"

namespace sfgrant {

enum class BatchInput { csv, jsonl };

/// How to read and evaluate; how to write is the BatchFormat's (language, --all, --bom).
struct BatchOptions {
  BatchInput input = BatchInput::csv;
  Encoding encoding = Encoding::automatic;
  int jobs = 1;
  size_t batch_rows = 1024;  ///< rows a worker takes at a time (fewer when the format asks: jsonl)
  EvaluateOptions evaluate;
  std::vector<ProgramCost> program_costs;  ///< --cost PROGRAM[:TRACK]=AMOUNT, over each row's plan.costs
  /// Why a row whose plan.costs names nothing of the catalogue is rejected (the renderer's words);
  /// nothing when the entry is one of another year's programs, which is not used but no error.
  std::function<std::optional<std::string>(const CostKeyProblem&)> cost_key_error;
  std::string file_name = "<stdin>";  ///< for messages
  /// Input columns passed through to the output (--keep, --keep-all-unknown). JSON Lines: top-level
  /// keys that are no profile path, by name only (a line's keys are not known before it is read).
  KeepColumns keep;
};

/// The kept input columns, as the formats write them before the result columns.
struct KeptColumns {
  std::vector<std::string> names;  ///< headers as written (JSON Lines: the keys asked for), input order
  /// JSON Lines input: each value also comes as JSON (`"김담당"`, `1234`, `null`), which jsonl writes as it was.
  bool json = false;
};

/// One program's outcome for one company, as the xlsx output shows it.
struct ResultRow {
  long line = 0;
  std::string name;
  std::string program;
  std::string status;
  std::string track;
  std::optional<Won> cap;
  std::optional<Won> government;
  std::optional<Won> private_share;
  std::string reason;             ///< first failed rule's message (or first unknown question)
  std::string caveats;            ///< the caveats that qualify the row (※ …)
  std::vector<std::string> kept;  ///< the kept input cells (plain text)
  // the readable columns, after the ones above (words in the output language)
  std::string program_name;
  std::string track_name;
  std::string status_text;
  std::string window;                ///< the application window's state
  std::optional<Won> company;        ///< the applicant's share
  std::optional<Won> large_company;  ///< three-party tracks
  std::string basis;                 ///< split_basis_name: plan, program or cap
  std::string missing;               ///< every missing fact's path, joined by ;
  std::string failed;                ///< every failed rule, `rule-id: message`, joined by "; "
};

/// One company's outcome (batch --per company, the xlsx 기업별 sheet).
struct CompanyRow {
  long line = 0;
  std::string name;
  std::vector<std::string> kept;
  Status status = Status::ineligible;  ///< the best of its programs' statuses
  std::string program;                 ///< the best program (engine best_program), empty when none is eligible
  std::string program_name;
  std::string track;
  std::string track_name;
  std::optional<Won> government;
  std::optional<Won> company;
  std::optional<Won> large_company;
  std::optional<Won> private_share;
  std::string basis;
  long eligible = 0;
  long possible = 0;
  long ineligible = 0;
  std::string questions;  ///< the facts missing for the most possible programs
  std::string caveats;    ///< the best program's
};

/// Why a row was rejected, as a kind the agency summary counts (batch --report): the record itself
/// (field count, quotes, a line over the limit, JSON syntax cut short), its encoding, a value or key that
/// makes no profile, or a plan.costs entry naming no program of the year.
enum class RejectKind { record, encoding, profile, cost_key };
constexpr size_t kRejectKinds = 4;

/// A row that could not be read: its lines and why.
struct RejectedRow {
  long line = 0;  ///< its first line
  std::string name;
  std::string reason;
  long last_line = 0;                  ///< > line when the record spans lines (a quoted cell with line ends)
  std::vector<std::string> kept;       ///< the kept cells as text when the row could be split into them, else empty
  std::vector<std::string> kept_json;  ///< JSON Lines input: the kept values as JSON
  RejectKind kind = RejectKind::profile;
};

struct ProgramTotals {
  long eligible = 0;
  long possible = 0;
  Won government = 0;  ///< eligible companies' government share at the cost they gave
  long at_cap = 0;     ///< eligible companies that gave no cost for it: split at the cap, not in `government`
};

/// Companies counted once each (batch 요약): how many, and the government support of their best
/// program (engine best_program) summed where the company gave its cost.
struct CompanyTotals {
  long companies = 0;       ///< evaluated companies in the group
  long with_eligible = 0;   ///< of which with at least one eligible program
  Won best_government = 0;  ///< sum of the best program's government share, at the company's cost
  long best_at_cap = 0;     ///< best programs split at the cap (no cost given): not in best_government
  void add(const CompanyTotals& other);
};

/// The counts of a run. Every line of the input is one of: the header, a blank line (or a row of
/// empty cells), or a line of a row read (evaluated or rejected); so lines == header_lines +
/// blank_lines + row_lines, which the summary shows.
struct BatchSummary {
  long read = 0;  ///< rows (records), evaluated + rejected
  long evaluated = 0;
  long rejected = 0;
  long lines = 0;         ///< physical lines of the input
  long header_lines = 0;  ///< 1 for CSV (more when a header cell holds a line end), 0 for JSON Lines
  long blank_lines = 0;
  long row_lines = 0;  ///< lines of the rows read (a row spans more than one when a quoted cell has line ends)
  std::vector<std::pair<std::string, ProgramTotals>> programs;  ///< catalogue order
  CompanyTotals companies;                                      ///< every evaluated company once
  /// By the profile's region and size (the choice's index in its vocabulary; -1: not given), and by
  /// best program (catalogue order; companies with one only).
  std::map<std::int64_t, CompanyTotals> by_region, by_size;
  std::vector<CompanyTotals> by_best_program;
  /// By fact (FactDef::index; empty until a company has a question): the companies for which that fact,
  /// unknown, decides at least one possible program, and the programs it decides summed over them.
  std::vector<long> question_companies, question_programs;
  std::array<long, kRejectKinds> rejected_by_kind{};  ///< by RejectKind
  void merge(const BatchSummary& other);
};

/// One chunk's output, filled by a worker thread and written in input order. Each format uses
/// what it needs: the text formats bytes, xlsx rows for its two sheets.
struct ChunkOutput {
  TextBuffer text;
  std::vector<ResultRow> rows;
  std::vector<CompanyRow> companies;
  std::vector<RejectedRow> rejected;
};

/// A company that was read and evaluated.
struct CompanyResult {
  long line;
  const Profile& profile;
  const Evaluation& evaluation;
  const std::vector<std::string>& kept;       ///< the kept input cells as text, KeptColumns order
  const std::vector<std::string>& kept_json;  ///< JSON Lines input: the same values as JSON
};

/// An output format of batch (render/batch_csv.h, batch_jsonl.h, batch_xlsx.h). The worker
/// threads turn companies into a ChunkOutput through the const members, at the same time; the
/// writer thread (the one calling run_batch) calls begin(), write() once per chunk in input
/// order, and end().
class BatchFormat {
 public:
  virtual ~BatchFormat() = default;

  /// The most companies a chunk should hold, to bound the bytes a chunk makes (jsonl writes
  /// 20-40 KB a company); BatchOptions::batch_rows applies below it.
  virtual size_t max_chunk_rows() const = 0;
  /// Before the first company (a header), with the kept input columns; not called when the input
  /// cannot be read at all.
  virtual void begin(const KeptColumns& kept) = 0;
  /// Worker threads: renders one evaluated company into `out`.
  virtual void company(const CompanyResult& company, ChunkOutput& out) const = 0;
  /// Worker threads: renders one rejected row into `out`, where the row stood in the input.
  virtual void rejected(const RejectedRow& row, ChunkOutput& out) const = 0;
  /// Writer thread: writes a chunk's output, chunks in input order.
  virtual void write(ChunkOutput& out) = 0;
  /// Writer thread: after the last chunk, with the totals.
  virtual void end(const BatchSummary& summary) = 0;
};

/// Streams `in` through the catalogue into `format`. Rejected rows are also reported through
/// `on_error` (for stderr) in input order, as their chunk is written. Throws Error when the
/// input cannot be read at all (bad header, unknown column) or stops being readable (an I/O
/// error, a line over the limit: README "Input limits"), naming the line reached; format.end()
/// is then not called. `progress` (optional) is called with rows read so far.
BatchSummary run_batch(const Catalogue& catalogue, ByteSource& in, const BatchOptions& options, BatchFormat& format,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress = {});
/// The same from a stream (tests, fuzzers): a stream cannot tell a failed read from the end.
BatchSummary run_batch(const Catalogue& catalogue, std::istream& in, const BatchOptions& options, BatchFormat& format,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress = {});

}  // namespace sfgrant
