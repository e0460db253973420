#include "worker.h"

#include <fmt/format.h>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/profile_jsonl.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

Worker::Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper,
               Encoding encoding, const BatchFormat& format)
    : catalogue_(catalogue), options_(options), mapper_(mapper), encoding_(encoding), format_(format) {}

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
    if (i == 0) done.out.text.reserve(done.out.text.size() * chunk.rows.size() * 2);
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
  format_.rejected(r, done.out);
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
    if (encoding_ == Encoding::cp949 || !valid_utf8(raw.text))
      decoded = decode_field(raw.text, encoding_, bad);
    else
      decoded = std::move(raw.text);
    if (!decoded)
      error = fmt::format("byte {} cannot be read as {}", bad + 1, encoding_ == Encoding::cp949 ? "CP949" : "UTF-8");
    else
      error = json_to_profile(*decoded, raw.line, options_.file_name, profile);
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
  format_.company(CompanyResult{raw.line, profile, ev}, done.out);
}

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
