#include "worker.h"

#include "sfgrant/engine/costs.h"
#include "sfgrant/load/profile_jsonl.h"
#include "sfgrant/text/encoding.h"

namespace sfgrant {

Worker::Worker(const Catalogue& catalogue, const BatchOptions& options, const CsvProfileMapper* mapper,
               Encoding encoding, const BatchFormat& format)
    : catalogue_(catalogue),
      rules_(catalogue),
      options_(options),
      mapper_(mapper),
      encoding_(encoding),
      format_(format) {}

Done Worker::process(Chunk& chunk, DerivedFactCache& derived) const {
  Done done;
  done.seq = chunk.seq;
  done.summary.programs.reserve(catalogue_.programs.size());
  for (const Program& p : catalogue_.programs) done.summary.programs.emplace_back(p.id, ProgramTotals{});
  // Size the output from what the chunks before this one made (a guess from one row is not
  // bounded: a 1 MB name at the start of a chunk made it a gigabyte); the text grows by doubling
  // past it. Per thread, so no lock; the output does not depend on it.
  thread_local size_t last_chunk_bytes = 0;
  done.out.text.reserve(last_chunk_bytes);
  // reused row after row: their vectors and strings keep their capacity
  Profile profile;
  Evaluation ev;
  std::vector<Tri> rule_results;
  Kept kept;
  for (RawRow& row : chunk.rows) one(row, profile, ev, rule_results, kept, derived, done);
  last_chunk_bytes = std::min<size_t>(done.out.text.size() + done.out.text.size() / 8, kMaxChunkReserve);
  return done;
}

void Worker::reject(Done& done, const RawRow& raw, std::string name, std::string reason, const Kept& kept,
                    RejectKind kind) const {
  ++done.summary.rejected;
  ++done.summary.rejected_by_kind[static_cast<size_t>(kind)];
  RejectedRow r{raw.line, std::move(name), std::move(reason), raw.last_line, kept.text, kept.json, kind};
  format_.rejected(r, done.out);
  done.rejected.push_back(std::move(r));
}

void Worker::one(RawRow& raw, Profile& profile, Evaluation& ev, std::vector<Tri>& rule_results, Kept& kept,
                 DerivedFactCache& derived, Done& done) const {
  ++done.summary.read;
  done.summary.row_lines += raw.last_line - raw.line + 1;
  profile.reset();
  kept.text.clear();
  kept.json.clear();
  std::optional<std::string> error;
  RejectKind kind = RejectKind::profile;
  if (!raw.error.empty()) {
    error = raw.error;
    kind = RejectKind::record;
  } else if (auto problem = decode_row(raw.fields, encoding_)) {
    error = describe(*problem, mapper_ != nullptr);
    kind = RejectKind::encoding;
  } else if (mapper_ != nullptr) {
    mapper_->kept(raw.fields, kept.text);
    error = mapper_->map(raw.fields, raw.line, profile);
    // the record's shape, as map() checks it first: more or fewer fields than the header has columns
    if (error && (raw.fields.size() < mapper_->columns() || raw.fields.size() > mapper_->width()))
      kind = RejectKind::record;
  } else {
    error = json_to_profile(raw.fields.front(), raw.line, options_.file_name, profile, options_.keep.names, kept.json,
                            kept.text);
    if (error && raw.cut) {
      error = std::string(kCutLine) + " (" + *error + ")";
      kind = RejectKind::record;
    }
  }
  if (error) {
    reject(done, raw, profile.name(), *error, kept, kind);
    return;
  }
  if (options_.evaluate.cost) apply_cost(profile, *options_.evaluate.cost);  // --cost, as if in the row
  for (const ProgramCost& c : options_.program_costs) profile.set_program_cost(c);
  for (const CostKeyProblem& p : cost_key_problems(catalogue_, profile)) {
    std::optional<std::string> why =
        options_.cost_key_error ? options_.cost_key_error(p)
                                : std::optional<std::string>("plan.costs: unknown \"" + p.entry->key + "\"" +
                                                             (p.suggestion ? " (" + *p.suggestion + "?)" : ""));
    if (why) {
      reject(done, raw, profile.name(), std::move(*why), kept, RejectKind::cost_key);
      return;
    }
  }
  derived.derive(profile);  // derive_facts, each KSIC code matched once
  ++done.summary.evaluated;
  EvaluateOptions eo = options_.evaluate;
  eo.find_center = false;  // contacts are next steps, which no batch output shows
  evaluate(rules_, profile, eo, ev, rule_results);
  tally(ev.programs, done.summary);
  tally_company(profile, ev, done.summary);
  tally_questions(ev, done.summary);
  format_.company(CompanyResult{raw.line, profile, ev, kept.text, kept.json}, done.out);
}

void Worker::tally(const std::vector<ProgramEvaluation>& results, BatchSummary& summary) {
  for (size_t i = 0; i < results.size(); ++i) {
    ProgramTotals& t = summary.programs[i].second;
    if (results[i].status == Status::eligible) {
      ++t.eligible;
      if (const TrackEvaluation* best = results[i].best_track(); best != nullptr && best->split) {
        if (best->split->basis == SplitBasis::cap)
          ++t.at_cap;  // a share at a cost the company did not give is no sum of what it asks for
        else
          t.government = checked_add(t.government, best->split->government);
      }
    } else if (results[i].status == Status::possible) {
      ++t.possible;
    }
  }
}

void Worker::tally_company(const Profile& profile, const Evaluation& ev, BatchSummary& summary) const {
  CompanyTotals one;
  one.companies = 1;
  const ProgramEvaluation* best = best_program(ev);
  if (best != nullptr) {
    one.with_eligible = 1;
    const TrackEvaluation* track = best->best_track();
    if (track != nullptr && track->split && track->split->basis == SplitBasis::cap)
      one.best_at_cap = 1;  // a share at a cost the company did not give is no sum of what it asks for
    else if (track != nullptr && track->split)
      one.best_government = track->split->government;
  }
  summary.companies.add(one);
  static const FactDef* const region = find_fact("region");
  static const FactDef* const size = find_fact("size");
  auto key = [&](const FactDef* f) -> std::int64_t {
    return f != nullptr && profile.has(*f) ? profile.get(*f).number : -1;
  };
  summary.by_region[key(region)].add(one);
  summary.by_size[key(size)].add(one);
  if (best != nullptr) {
    summary.by_best_program.resize(ev.programs.size());
    summary.by_best_program[static_cast<size_t>(best - ev.programs.data())].add(one);
  }
}

void Worker::tally_questions(const Evaluation& ev, BatchSummary& summary) {
  // a fact counts once a company however many possible programs it decides (those go to programs)
  thread_local std::vector<long> decided;
  decided.assign(all_facts().size(), 0);
  bool any = false;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::possible) continue;
    for (const FactDef* f : pe.missing) {
      ++decided[static_cast<size_t>(f->index)];
      any = true;
    }
  }
  if (!any) return;
  summary.question_companies.resize(decided.size());
  summary.question_programs.resize(decided.size());
  for (size_t i = 0; i < decided.size(); ++i) {
    summary.question_companies[i] += decided[i] > 0 ? 1 : 0;
    summary.question_programs[i] += decided[i];
  }
}

}  // namespace sfgrant
