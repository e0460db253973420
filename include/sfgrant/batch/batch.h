#pragma once
/// Batch evaluation of company lists (SPEC §8): rows in (CSV or JSON Lines), one result per
/// company out, in input order, with every unreadable row reported and none dropped.
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/render/render.h"
#include "sfgrant/text/csv.h"
#include "sfgrant/text/encoding.h"

namespace sfgrant {

enum class BatchInput { csv, jsonl };
enum class BatchOutput { csv, jsonl, xlsx };

struct BatchOptions {
  BatchInput input = BatchInput::csv;
  BatchOutput output = BatchOutput::csv;
  Encoding encoding = Encoding::automatic;
  bool all = false;  ///< csv/xlsx: every status, not only eligible and possible
  bool bom = false;  ///< csv: start with a UTF-8 BOM for Excel
  int jobs = 1;
  size_t batch_rows = 1024;  ///< rows a worker takes at a time (at most 64 for jsonl output)
  EvaluateOptions evaluate;
  Lang lang = Lang::ko;
  std::string file_name = "<stdin>";  ///< for messages
};

/// One program's outcome for one company, as the csv and xlsx outputs show it.
struct ResultRow {
  long line = 0;
  std::string name;
  std::string program;
  std::string status;
  std::string track;
  std::optional<Won> cap;
  std::optional<Won> government;
  std::optional<Won> private_share;
  std::string reason;  ///< first failed rule's message (or first unknown question)
};

/// A row that could not be read: its line and why.
struct RejectedRow {
  long line = 0;
  std::string name;
  std::string reason;
};

struct ProgramTotals {
  long eligible = 0;
  long possible = 0;
  Won government = 0;  ///< eligible companies' government share at their planned cost
};

struct BatchSummary {
  long read = 0;
  long evaluated = 0;
  long rejected = 0;
  std::vector<std::pair<std::string, ProgramTotals>> programs;  ///< catalogue order
  void merge(const BatchSummary& other);
};

/// Receives results in input order. Text outputs (csv, jsonl) get ready-made bytes; xlsx gets rows.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  virtual void begin() {}
  virtual void text(std::string_view bytes) = 0;
  virtual void rows(const std::vector<ResultRow>& rows) = 0;
  virtual void rejected(const RejectedRow& row) = 0;
  virtual void end(const BatchSummary& summary) { (void)summary; }
};

/// Streams `in` through the catalogue into `sink`. Rejected rows are also reported through
/// `on_error` (for stderr) as they come. Throws Error when the input cannot be read at all
/// (bad header, unknown column). `progress` (optional) is called with rows read so far.
BatchSummary run_batch(const Catalogue& catalogue, std::istream& in, const BatchOptions& options, BatchSink& sink,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress = {});

/// The header of the csv output.
std::string batch_csv_header();

/// Escapes a CSV cell (quotes when needed) and neutralises spreadsheet formulas: a cell starting
/// with = + - @ (or a tab or CR) gets a leading apostrophe.
std::string csv_cell(const std::string& text);

}  // namespace sfgrant
