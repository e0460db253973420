#include "sfgrant/batch/batch.h"

#include <fmt/format.h>

#include <charconv>
#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/profile_csv.h"
#include "sfgrant/load/profile_jsonl.h"
#include "sfgrant/render/check_json_writer.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/json_writer.h"
#include "sfgrant/text/unicode.h"


namespace sfgrant {

void BatchSummary::merge(const BatchSummary& other) {
  read += other.read;
  evaluated += other.evaluated;
  rejected += other.rejected;
  if (programs.empty()) {
    programs = other.programs;
    return;
  }
  for (size_t i = 0; i < programs.size() && i < other.programs.size(); ++i) {
    programs[i].second.eligible += other.programs[i].second.eligible;
    programs[i].second.possible += other.programs[i].second.possible;
    programs[i].second.government = checked_add(programs[i].second.government, other.programs[i].second.government);
  }
}

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                        cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string batch_csv_header() { return "line,name,program,status,track,cap,government,private,reason\n"; }

// ---------------------------------------------------------------------------------------------
// The pipeline: read → (workers) map, evaluate, render → write in order

namespace {

struct RawRow {
  long line = 0;
  std::vector<std::string> fields;  ///< csv
  std::string text;                 ///< jsonl
  std::string error;                ///< could not even be split into fields
};

struct Chunk {
  long seq = 0;
  std::vector<RawRow> rows;
};

struct Done {
  long seq = 0;
  TextBuffer text;
  std::vector<ResultRow> rows;
  std::vector<RejectedRow> rejected;
  BatchSummary summary;
};

class Worker {
  /// A reason column as text (xlsx) and as a csv cell.
  struct Reason {
    std::string text;
    std::string cell;
  };

 public:
  Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper, Encoding encoding)
      : catalogue_(catalogue), options_(options), mapper_(mapper), encoding_(encoding), json_(catalogue, options.lang) {
    // every reason a row can give, written once: `rule-id: message` or `missing: path`
    auto add = [&](const void* key, std::string text) {
      std::string cell = csv_cell(text);
      reasons_.emplace(key, Reason{std::move(text), std::move(cell)});
    };
    for (const Program& p : catalogue.programs) {
      for (const Rule& r : p.rules) add(&r, r.id + ": " + r.message.in(options.lang));
      for (const Track& t : p.tracks)
        for (const Rule& r : t.rules) add(&r, r.id + ": " + r.message.in(options.lang));
    }
    for (const FactDef& f : all_facts()) add(&f, "missing: " + f.path);
  }

  /// Consumes the chunk's rows (their fields are decoded in place).
  Done process(Chunk& chunk) const {
    Done done;
    done.seq = chunk.seq;
    done.summary.programs.reserve(catalogue_.programs.size());
    for (const Program& p : catalogue_.programs) done.summary.programs.emplace_back(p.id, ProgramTotals{});
    // reused row after row: their vectors and strings keep their capacity
    Profile profile;
    Evaluation ev;
    for (size_t i = 0; i < chunk.rows.size(); ++i) {
      one(chunk.rows[i], profile, ev, done);
      // size the output once from the first row, instead of doubling it a dozen times (each
      // time copying megabytes) as it fills
      if (i == 0) done.text.reserve(done.text.size() * chunk.rows.size() * 2);
    }
    return done;
  }

 private:
  /// Decodes fields to UTF-8 in place; returns an error naming the column and byte on failure.
  std::optional<std::string> decode(std::vector<std::string>& fields) const {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (encoding_ != Encoding::cp949 && valid_utf8(fields[i])) continue;  // already UTF-8: no copy
      size_t bad = 0;
      auto decoded = decode_field(fields[i], encoding_, bad);
      if (!decoded)
        return fmt::format("column {}: byte {} (0x{:02X}) cannot be read as {}", i + 1, bad + 1,
                           bad < fields[i].size() ? static_cast<unsigned char>(fields[i][bad]) : 0,
                           encoding_ == Encoding::cp949 ? "CP949" : "UTF-8");
      fields[i] = std::move(*decoded);
    }
    return std::nullopt;
  }

  void reject(Done& done, long line, std::string name, std::string reason) const {
    ++done.summary.rejected;
    RejectedRow r{line, std::move(name), std::move(reason)};
    if (options_.output == BatchOutput::csv) {
      done.text += fmt::format("{},{},,error,,,,,{}\n", line, csv_cell(r.name), csv_cell(r.reason));
    } else if (options_.output == BatchOutput::jsonl) {
      nlohmann::ordered_json j;
      j["line"] = line;
      j["status"] = "error";
      j["company"] = {{"name", r.name}};
      j["error"] = r.reason;
      done.text += j.dump() + "\n";
    }
    done.rejected.push_back(std::move(r));
  }

  void one(RawRow& raw, Profile& profile, Evaluation& ev, Done& done) const {
    ++done.summary.read;
    profile.reset();
    std::optional<std::string> error;
    if (!raw.error.empty()) {
      error = raw.error;
    } else if (mapper_ != nullptr) {
      error = decode(raw.fields);
      if (!error) error = mapper_->map(raw.fields, raw.line, profile);
    } else {
      size_t bad = 0;
      // a UTF-8 line is used as it is; only CP949 (or a bad byte) goes through decode_field
      std::optional<std::string> decoded;
      if (encoding_ == Encoding::cp949 || !valid_utf8(raw.text)) decoded = decode_field(raw.text, encoding_, bad);
      else decoded = std::move(raw.text);
      if (!decoded) error = fmt::format("byte {} cannot be read as {}", bad + 1, encoding_ == Encoding::cp949 ? "CP949" : "UTF-8");
      else error = json_to_profile(*decoded, raw.line, options_.file_name, profile);
    }
    if (error) {
      reject(done, raw.line, profile.name(), *error);
      return;
    }
    derive_facts(profile, catalogue_.industries);
    ++done.summary.evaluated;
    EvaluateOptions eo = options_.evaluate;
    eo.find_center = false;  // contacts are next steps, which no batch output shows
    evaluate(catalogue_, profile, eo, ev);
    tally(ev.programs, done.summary);
    if (options_.output == BatchOutput::jsonl) {
      json_.write(ev, profile, raw.line, done.text);
      done.text += '\n';
      return;
    }
    const std::string name = profile.name();
    if (options_.output == BatchOutput::csv) {
      // `line,name,` is the same for every program of the company
      std::string head = std::to_string(raw.line);
      head += ',';
      head += csv_cell(name);
      head += ',';
      for (const ProgramEvaluation& pe : ev.programs)
        if (pe.status != Status::ineligible || options_.all) append_csv(done.text, head, pe);
      return;
    }
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status != Status::ineligible || options_.all) done.rows.push_back(result_row(pe, raw.line, name));
  }

  ResultRow result_row(const ProgramEvaluation& pe, long line, const std::string& name) const {
    ResultRow r;
    r.line = line;
    r.name = name;
    r.program = pe.program->id;
    r.status = std::string(status_name(pe.status));
    if (const TrackEvaluation* best = pe.best_track()) {
      r.track = best->track->id;
      r.cap = best->cap;
      if (best->split) {
        r.government = best->split->government;
        r.private_share = best->split->private_share;
      }
    }
    if (const Reason* reason = first_reason(pe)) r.reason = reason->text;
    return r;
  }

  /// The reason column: the first failed rule (the program's, then for a closed program its
  /// tracks'), or for a possible program the first missing fact; nothing when there is none.
  const Reason* first_reason(const ProgramEvaluation& pe) const {
    auto failed = [](const std::vector<RuleResult>& rules) -> const Rule* {
      for (const RuleResult& rr : rules)
        if (rr.result == Tri::fail) return rr.rule;
      return nullptr;
    };
    if (const Rule* f = failed(pe.rules)) return &reasons_.at(f);
    if (pe.status == Status::ineligible)
      for (const TrackEvaluation& te : pe.tracks)
        if (const Rule* f = failed(te.rules)) return &reasons_.at(f);
    if (pe.status == Status::possible && !pe.missing.empty()) return &reasons_.at(pe.missing.front());
    return nullptr;
  }

  /// One csv row: `head` (line and name, already a cell) then the program's outcome.
  void append_csv(TextBuffer& out, const std::string& head, const ProgramEvaluation& pe) const {
    auto amount = [&out](const std::optional<Won>& w) {
      if (w) append_decimal(out, *w);
    };
    out += head;
    out += pe.program->id;
    out += ',';
    out += status_name(pe.status);
    out += ',';
    const TrackEvaluation* best = pe.best_track();
    if (best != nullptr) out += best->track->id;
    out += ',';
    if (best != nullptr) amount(best->cap);
    out += ',';
    if (best != nullptr && best->split) append_decimal(out, best->split->government);
    out += ',';
    if (best != nullptr && best->split) append_decimal(out, best->split->private_share);
    out += ',';
    if (const Reason* reason = first_reason(pe)) out += reason->cell;
    out += '\n';
  }

  static void append_decimal(TextBuffer& out, Won w) { append_json_int(out, w); }  // the same digits

  static void tally(const std::vector<ProgramEvaluation>& results, BatchSummary& summary) {
    for (size_t i = 0; i < results.size(); ++i) {
      ProgramTotals& t = summary.programs[i].second;
      if (results[i].status == Status::eligible) {
        ++t.eligible;
        if (const TrackEvaluation* best = results[i].best_track(); best != nullptr && best->split)
          t.government = checked_add(t.government, best->split->government);
      } else if (results[i].status == Status::possible) {
        ++t.possible;
      }
    }
  }

  const Catalogue& catalogue_;
  const BatchOptions& options_;
  const CsvProfileMapper* mapper_;
  Encoding encoding_;
  const CheckJsonWriter json_;  ///< what check_json(…).dump() writes, without the tree
  std::unordered_map<const void*, Reason> reasons_;  ///< by Rule* or FactDef*
};

/// Reads input rows one at a time (CSV records or JSON lines), after the encoding sniff.
class RowSource {
 public:
  RowSource(std::istream& in, const BatchOptions& options) : in_(in), options_(options) {
    std::string head(64 * 1024, '\0');
    in_.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in_.gcount()));
    const bool bom = strip_bom(head);
    encoding_ = options.encoding;
    if (encoding_ == Encoding::automatic) encoding_ = bom ? Encoding::utf8 : sniff_encoding(head);
    if (options.input == BatchInput::csv) {
      csv_ = std::make_unique<CsvReader>(in_, 1 << 20, std::move(head));
      CsvRecord header;
      if (!csv_->next(header) || (header.fields.size() == 1 && header.fields[0].empty()))
        throw Error(Location{options.file_name}, "empty input: expected a header row of profile paths (name,size,ksic,…)");
      if (!header.error.empty()) throw Error(Location{options.file_name, 1, 0}, "header: " + header.error);
      for (auto& f : header.fields) {
        size_t bad = 0;
        auto decoded = decode_field(f, encoding_, bad);
        if (!decoded) throw Error(Location{options.file_name, 1, 0}, "header: cannot be decoded");
        f = *decoded;
      }
      mapper_ = std::make_unique<CsvProfileMapper>(header.fields, options.file_name);
    } else {
      pending_ = std::move(head);
    }
  }

  Encoding encoding() const { return encoding_; }
  const CsvProfileMapper* mapper() const { return mapper_.get(); }

  bool next(RawRow& row) {
    if (csv_) {
      CsvRecord rec;
      rec.fields.reserve(mapper_->columns());  // one allocation a row, not one per doubling
      while (csv_->next(rec)) {
        if (rec.fields.size() == 1 && rec.fields[0].empty() && rec.error.empty()) continue;  // blank line
        row.line = rec.line;
        row.fields = std::move(rec.fields);
        row.error = rec.error;
        return true;
      }
      return false;
    }
    while (true) {
      std::string line;
      bool too_long = false;
      if (!read_line(line, too_long)) return false;
      ++line_no_;
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      row.line = line_no_;
      row.text = std::move(line);
      row.error.clear();
      if (too_long)
        row.error = fmt::format("line longer than {} MiB; skipped to the next line", kMaxCsvRecordBytes >> 20);
      return true;
    }
  }

 private:
  /// The next line without its end; a line over kMaxCsvRecordBytes is dropped as it is read (memory
  /// stays bounded) and comes back empty with `too_long` set.
  bool read_line(std::string& line, bool& too_long) {
    while (true) {
      size_t nl = pending_.find('\n', pos_);
      if (nl != std::string::npos) {
        if (too_long) line.clear();
        else line.assign(pending_, pos_, nl - pos_);
        pos_ = nl + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      if (eof_) {
        if (pos_ >= pending_.size() && !too_long) return false;
        if (too_long) line.clear();
        else line.assign(pending_, pos_, std::string::npos);
        pos_ = pending_.size();
        return true;
      }
      if (pending_.size() - pos_ > kMaxCsvRecordBytes) {
        too_long = true;
        pos_ = pending_.size();
      }
      pending_.erase(0, pos_);
      pos_ = 0;
      std::string chunk(1 << 20, '\0');
      in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      chunk.resize(static_cast<size_t>(in_.gcount()));
      if (chunk.empty()) eof_ = true;
      pending_ += chunk;
    }
  }

  std::istream& in_;
  const BatchOptions& options_;
  Encoding encoding_ = Encoding::utf8;
  std::unique_ptr<CsvReader> csv_;
  std::unique_ptr<CsvProfileMapper> mapper_;
  std::string pending_;
  size_t pos_ = 0;
  bool eof_ = false;
  long line_no_ = 0;
};

}  // namespace

BatchSummary run_batch(const Catalogue& catalogue, std::istream& in, const BatchOptions& options, BatchSink& sink,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress) {
  RowSource source(in, options);
  const Worker worker(catalogue, options, source.mapper(), source.encoding());
  BatchSummary total;
  for (const Program& p : catalogue.programs) total.programs.emplace_back(p.id, ProgramTotals{});
  sink.begin();
  auto emit = [&](const Done& d) {
    if (!d.text.empty()) sink.text(d.text.view());
    if (!d.rows.empty()) sink.rows(d.rows);
    for (const RejectedRow& r : d.rejected) {
      sink.rejected(r);
      if (on_error) on_error(r);
    }
    total.merge(d.summary);
    if (progress) progress(total.read);
  };
  // A jsonl object is 20-40 KB: 1,024 of them made 40 MB chunks, several in flight, and the
  // kernel's page faults on each fresh buffer cost more than writing them. Keep chunks ~2 MB.
  const size_t rows_per_chunk =
      options.output == BatchOutput::jsonl ? std::min<size_t>(options.batch_rows, 64) : options.batch_rows;
  auto read_chunk = [&](Chunk& chunk) {
    chunk.rows.clear();
    RawRow row;
    while (chunk.rows.size() < rows_per_chunk && source.next(row)) chunk.rows.push_back(std::move(row));
    return !chunk.rows.empty();
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    Chunk chunk;
    long seq = 0;
    while (read_chunk(chunk)) {
      chunk.seq = seq++;
      emit(worker.process(chunk));
    }
    sink.end(total);
    return total;
  }

  std::mutex mu;
  std::condition_variable work_ready, done_ready;
  std::deque<Chunk> queue;
  std::map<long, Done> finished;
  bool closed = false;
  std::exception_ptr failure;
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      while (true) {
        Chunk chunk;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closed || !queue.empty(); });
          if (queue.empty()) return;
          chunk = std::move(queue.front());
          queue.pop_front();
        }
        Done d;
        try {
          d = worker.process(chunk);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mu);
          if (!failure) failure = std::current_exception();
          d.seq = chunk.seq;
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          finished.emplace(d.seq, std::move(d));
        }
        done_ready.notify_all();
      }
    });
  }
  const long max_in_flight = jobs * 2;
  long next_seq = 0;
  long next_to_write = 0;
  auto drain = [&](bool wait_for_one) {
    while (true) {
      Done d;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (wait_for_one) done_ready.wait(lock, [&] { return finished.count(next_to_write) > 0; });
        auto it = finished.find(next_to_write);
        if (it == finished.end()) return;
        d = std::move(it->second);
        finished.erase(it);
      }
      emit(d);
      ++next_to_write;
      wait_for_one = false;
    }
  };
  try {
    Chunk chunk;
    while (read_chunk(chunk)) {
      chunk.seq = next_seq++;
      {
        std::lock_guard<std::mutex> lock(mu);
        queue.push_back(std::move(chunk));
      }
      work_ready.notify_one();
      drain(next_seq - next_to_write >= max_in_flight);
    }
    while (next_to_write < next_seq) drain(true);
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu);
      closed = true;
      queue.clear();
    }
    work_ready.notify_all();
    for (auto& t : threads) t.join();
    throw;
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    closed = true;
  }
  work_ready.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  sink.end(total);
  return total;
}

}  // namespace sfgrant
