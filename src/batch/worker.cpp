#include "worker.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/profile_jsonl.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/json_writer.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

Worker::Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper,
               Encoding encoding)
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

Done Worker::process(Chunk& chunk) const {
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

/// Decodes fields to UTF-8 in place; returns an error naming the column and byte on failure.
std::optional<std::string> Worker::decode(std::vector<std::string>& fields) const {
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

void Worker::reject(Done& done, long line, std::string name, std::string reason) const {
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

void Worker::one(RawRow& raw, Profile& profile, Evaluation& ev, Done& done) const {
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

ResultRow Worker::result_row(const ProgramEvaluation& pe, long line, const std::string& name) const {
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
const Worker::Reason* Worker::first_reason(const ProgramEvaluation& pe) const {
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
void Worker::append_csv(TextBuffer& out, const std::string& head, const ProgramEvaluation& pe) const {
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

void Worker::append_decimal(TextBuffer& out, Won w) { append_json_int(out, w); }  // the same digits

void Worker::tally(const std::vector<ProgramEvaluation>& results, BatchSummary& summary) {
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

}  // namespace sfgrant
