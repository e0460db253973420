#include "sfgrant/render/summary_record.h"

#include <stdexcept>

#include "sfgrant/render/check_json.h"

namespace sfgrant {

SummaryRecord::SummaryRecord(const Catalogue& catalogue) : catalogue_(catalogue) {
  for (const FactDef& f : all_facts()) paths_.push_back(json_string(f.path));
}

void SummaryRecord::write_members(const Evaluation& ev, const Profile& profile, JsonWriter& out) const {
  if (ev.catalogue != &catalogue_) throw std::logic_error("SummaryRecord: an evaluation of another catalogue");
  out.member("name", profile.name());
  out.key("programs");
  out.begin_array();
  for (const ProgramEvaluation& pe : ev.programs) write_program(pe, out);
  out.end_array();
}

void SummaryRecord::write_program(const ProgramEvaluation& pe, JsonWriter& out) const {
  out.begin_object();
  out.member("id", pe.program->id);
  out.member("status", status_name(pe.status));
  const TrackEvaluation* best = pe.best_track();
  out.key("best_track");
  if (best != nullptr)
    out.value(best->track->id);
  else
    out.null();
  out.member("window", window_name(pe.window));
  // the failed and unknown rules, the program's then its tracks' (with "track"), as SPEC §7 lists them
  out.key("reasons");
  out.begin_array();
  for (const RuleResult& rr : pe.rules)
    if (rr.result != Tri::pass) write_reason(rr, nullptr, out);
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules)
      if (rr.result != Tri::pass) write_reason(rr, te.track, out);
  out.end_array();
  out.key("missing");
  out.begin_array();
  for (const FactDef* f : pe.missing) out.raw_string(paths_[static_cast<size_t>(f->index)]);
  out.end_array();
  out.key("tracks");
  out.begin_array();
  for (const TrackEvaluation& te : pe.tracks) {
    out.begin_object();
    out.member("id", te.track->id);
    out.member("status", status_name(te.status));
    out.member("cap", te.cap);
    out.key("split");
    if (te.split)
      write_split_json(*te.split, out);  // the same object as the full record's
    else
      out.null();
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void SummaryRecord::write_reason(const RuleResult& rr, const Track* track, JsonWriter& out) const {
  out.begin_object();
  out.member("rule", rr.rule->id);
  out.member("result", tri_name(rr.result));
  if (track != nullptr) out.member("track", track->id);
  out.end_object();
}

}  // namespace sfgrant
