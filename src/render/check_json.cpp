#include "sfgrant/render/check_json.h"

#include <stdexcept>

#include "json_parts.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

std::string date_text(const std::optional<Date>& d) { return d ? json_string(d->str()) : std::string("null"); }

std::string ratio_text(const std::optional<Ratio>& r) {
  // display only: the exact value is also given as text in ratio_percent
  return r ? format_json_double(static_cast<double>(r->basis_points) / static_cast<double>(Ratio::kWhole))
           : std::string("null");
}

bool reportable(const RuleResult& rr, bool explain) { return explain || rr.result != Tri::pass; }

/// The position of `item` in `list`, which holds it.
template <typename T>
size_t index_in(const std::vector<T>& list, const T* item) {
  const auto i = static_cast<size_t>(item - list.data());
  if (i >= list.size()) throw std::logic_error("CheckJson: an evaluation of another catalogue");
  return i;
}

}  // namespace

void write_split_json(const Split& s, JsonWriter& out) {
  out.begin_object();
  out.member("total", s.total);
  out.member("government", s.government);
  out.member("private", s.private_share);
  out.member("company", s.company);
  out.member("large_company", s.large_company);
  out.member("local_government", s.local_government);
  out.member("private_in_kind_max", s.private_in_kind_max);
  out.member("company_cash_min", s.company_cash_min);
  out.key("years");
  if (s.years.empty()) {
    out.null();
  } else {
    out.begin_array();
    for (const YearShare& y : s.years) {
      out.begin_object();
      out.member("year", y.year);
      out.member("total", y.total);
      out.member("government", y.government);
      out.member("private", y.private_share);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
}

CheckJson::CheckJson(const Catalogue& catalogue, Lang lang) : catalogue_(catalogue), lang_(lang) {
  for (const FactDef& f : all_facts()) paths_.push_back(json_string(f.path));
  auto rule_text = [&](const Rule& r) {
    return RuleText{json_string(r.id), json_string(r.message.in(lang)), json_string(r.source)};
  };
  for (const Program& p : catalogue.programs) {
    ProgramText pt;
    pt.id = json_string(p.id);
    pt.name = json_string(p.name.in(lang));
    pt.source = json_string(p.source);
    pt.apply_from = date_text(p.schedule.apply_from);
    pt.apply_to = date_text(p.schedule.apply_to);
    for (const Rule& r : p.rules) pt.rules.push_back(rule_text(r));
    for (const Track& t : p.tracks) {
      TrackText tt;
      tt.id = json_string(t.id);
      tt.name = json_string(t.name.in(lang));
      tt.source = json_string(t.source);
      tt.ratio = ratio_text(t.ratio);
      tt.ratio_percent = t.ratio ? json_string(format_ratio(*t.ratio)) : "null";
      if (!t.local_government.empty()) tt.local_government = json_string(t.local_government);
      for (const Rule& r : t.rules) tt.rules.push_back(rule_text(r));
      for (const Note& n : t.notes) tt.notes.push_back({json_string(n.text.in(lang)), json_string(n.source)});
      pt.tracks.push_back(std::move(tt));
    }
    programs_.push_back(std::move(pt));
  }
}

void CheckJson::write(const Evaluation& ev, const Profile& profile, const Parts& parts, std::optional<long> line,
                      JsonWriter& out) const {
  out.begin_object();
  if (line) {
    out.member("line", *line);
  }
  write_members(ev, profile, parts, out);
  out.end_object();
}

void CheckJson::write_members(const Evaluation& ev, const Profile& profile, const Parts& parts,
                              JsonWriter& out) const {
  if (ev.catalogue != &catalogue_) throw std::logic_error("CheckJson: an evaluation of another catalogue");
  out.member("year", catalogue_.year);
  out.key("as_of");
  if (ev.as_of) out.value(ev.as_of->str());
  else out.null();
  out.key("company");
  out.begin_object();
  out.member("name", profile.name());
  out.end_object();
  out.member("cost", ev.cost);
  out.key("programs");
  out.begin_array();
  for (const ProgramEvaluation& pe : ev.programs) write_program(pe, profile, parts, out);
  out.end_array();
}

void CheckJson::write_program(const ProgramEvaluation& pe, const Profile& profile, const Parts& parts,
                              JsonWriter& out) const {
  const Program& p = *pe.program;
  const ProgramText& text = programs_[index_in(catalogue_.programs, &p)];
  out.begin_object();
  out.key("id");
  out.raw_string(text.id);
  out.key("name");
  out.raw_string(text.name);
  out.member("status", status_name(pe.status));
  out.key("reasons");
  out.begin_array();
  for (const RuleResult& rr : pe.rules)
    if (reportable(rr, parts.explain)) write_reason(rr, text.rules[index_in(p.rules, rr.rule)], nullptr, profile, out);
  // a track's own failed and unknown rules explain a program closed by its tracks
  for (const TrackEvaluation& te : pe.tracks) {
    const TrackText& tt = text.tracks[index_in(p.tracks, te.track)];
    for (const RuleResult& rr : te.rules)
      if (reportable(rr, parts.explain)) write_reason(rr, tt.rules[index_in(te.track->rules, rr.rule)], &tt.id, profile, out);
  }
  out.end_array();
  out.key("missing");
  write_missing(pe.missing, out);
  out.key("window");
  out.begin_object();
  out.key("apply_from");
  out.raw_value(text.apply_from);
  out.key("apply_to");
  out.raw_value(text.apply_to);
  out.member("state", window_name(pe.window));
  out.end_object();
  out.key("tracks");
  out.begin_array();
  for (const TrackEvaluation& te : pe.tracks)
    write_track(te, text.tracks[index_in(p.tracks, te.track)], profile, parts, out);
  out.end_array();
  out.key("source");
  out.raw_string(text.source);
  if (parts.next_steps && pe.status != Status::ineligible) {
    out.key("next_steps");
    write_next_steps(pe, out);
  }
  out.end_object();
}

void CheckJson::write_track(const TrackEvaluation& te, const TrackText& text, const Profile& profile,
                            const Parts& parts, JsonWriter& out) const {
  const Track& t = *te.track;
  out.begin_object();
  out.key("id");
  out.raw_string(text.id);
  out.key("name");
  out.raw_string(text.name);
  out.member("status", status_name(te.status));
  out.member("months", t.months);
  out.member("cap", te.cap);
  out.key("ratio");
  out.raw_value(text.ratio);
  out.key("ratio_percent");
  out.raw_value(text.ratio_percent);
  out.member("full_support_cost", te.full_support_cost);
  if (t.years > 1) {
    out.member("years", t.years);
    out.member("cap_per_year", t.cap_per_year);
  }
  out.key("split");
  if (te.split) write_split_json(*te.split, out);
  else out.null();
  if (!te.split_problem.empty()) {
    out.key("split_problem");  // SPEC §7: in English whatever the language, for scripts
    out.value(split_problem_text(te.split_problem, t, Lang::en));
  }
  if (!text.local_government.empty()) {
    out.key("local_government_ratio");
    out.raw_string(text.local_government);
  }
  out.key("reasons");
  out.begin_array();
  for (const RuleResult& rr : te.rules)
    if (reportable(rr, parts.explain)) write_reason(rr, text.rules[index_in(t.rules, rr.rule)], nullptr, profile, out);
  out.end_array();
  out.key("source");
  out.raw_string(text.source);
  if (parts.explain && !text.notes.empty()) {
    out.key("notes");
    out.begin_array();
    for (const NoteText& n : text.notes) {
      out.begin_object();
      out.key("text");
      out.raw_string(n.text);
      out.key("source");
      out.raw_string(n.source);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
}

void CheckJson::write_reason(const RuleResult& rr, const RuleText& text, const std::string* track_id,
                             const Profile& profile, JsonWriter& out) const {
  out.begin_object();
  out.key("rule");
  out.raw_string(text.id);
  out.member("result", tri_name(rr.result));
  out.key("message");
  out.raw_string(text.message);
  out.key("source");
  out.raw_string(text.source);
  if (track_id != nullptr) {
    out.key("track");
    out.raw_string(*track_id);
  }
  std::vector<const FactDef*> missing;  // a rule that passes through one branch of an `any` may still miss some
  missing_facts(rr.rule->require, profile, missing);
  if (!missing.empty()) {
    out.key("missing");
    write_missing(missing, out);
  }
  out.end_object();
}

void CheckJson::write_missing(const std::vector<const FactDef*>& facts, JsonWriter& out) const {
  out.begin_array();
  for (const FactDef* f : facts) out.raw_string(paths_[static_cast<size_t>(f->index)]);
  out.end_array();
}

void CheckJson::write_next_steps(const ProgramEvaluation& pe, JsonWriter& out) const {
  const Program& p = *pe.program;
  out.begin_object();
  out.key("where");
  write_text_or_null(p.apply.where, lang_, out);
  out.key("documents");
  write_documents_json(p.apply.documents, lang_, out);
  out.key("agency");
  out.begin_object();
  out.member("lead", p.agency.lead);
  out.member("operator", p.agency.operator_name);
  out.member("phone", p.agency.phone);
  out.member("source", p.agency.source);
  out.end_object();
  out.key("center");
  if (pe.center != nullptr) {
    out.begin_object();
    out.member("name", pe.center->name.in(lang_));
    out.member("phone", pe.center->phone);
    out.member("address", pe.center->address);
    out.member("source", pe.center->source);
    out.end_object();
  } else {
    out.null();
  }
  out.end_object();
}

}  // namespace sfgrant
