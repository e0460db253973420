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
  out.member("basis", split_basis_name(s.basis));
  out.member("total", s.total);
  out.member("government", s.government);
  out.member("private", s.private_share);
  out.member("company", s.company);
  out.member("large_company", s.large_company);
  out.member("local_government", s.local_government);
  out.member("private_in_kind_max", s.private_in_kind_max);
  out.member("company_cash_min", s.company_cash_min);
  // limits on one party's contribution: present only where the track has them (SPEC §7 extension)
  if (s.large_company_in_kind_max) out.member("large_company_in_kind_max", s.large_company_in_kind_max);
  if (s.company_own_staff_max) out.member("company_own_staff_max", s.company_own_staff_max);
  if (s.supplier_private_min) out.member("supplier_private_min", s.supplier_private_min);
  if (s.local_government_max) out.member("local_government_max", s.local_government_max);
  if (s.group) {  // a consortium's or supplier's cap (SPEC §7 extension): null where a fact is not given
    out.key("group");
    out.begin_object();
    out.member("limit", s.group->limit);
    out.member("others", s.group->others);
    out.member("remaining", s.group->remaining);
    out.member("lowered", s.group->lowered);
    if (s.group->equal_share) out.member("equal_share", s.group->equal_share);
    out.end_object();
  }
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

// Depths in the document (1: the top-level object's members): a program's members are at 3, its
// reasons' and tracks' at 5, a track's reasons' at 7.
constexpr size_t kProgramDepth = 3;
constexpr size_t kProgramReasonDepth = 5;
constexpr size_t kWindowDepth = 4;
constexpr size_t kTrackDepth = 5;
constexpr size_t kTrackReasonDepth = 7;
constexpr WindowState kWindowStates[] = {WindowState::upcoming, WindowState::open, WindowState::closed,
                                         WindowState::rolling, WindowState::unknown};

CheckJson::CheckJson(const Catalogue& catalogue, Lang lang, JsonWriter::Style style)
    : catalogue_(catalogue), lang_(lang), style_(style) {
  for (const FactDef& f : all_facts()) paths_.push_back(json_string(f.path));
  auto members = [style](size_t depth, auto write) { return JsonWriter::capture_members(style, depth, write); };
  auto rule_text = [&](const Rule& r, size_t depth, const Track* tagged) {
    RuleText t;
    for (Tri result : {Tri::fail, Tri::unknown, Tri::pass})
      t.members[static_cast<size_t>(result)] = members(depth, [&](JsonWriter& j) {
        j.member("rule", r.id);
        j.member("result", tri_name(result));
        j.member("message", r.message.in(lang));
        j.member("source", r.source);
        if (tagged != nullptr) j.member("track", tagged->id);
      });
    return t;
  };
  const Status statuses[] = {Status::ineligible, Status::possible, Status::eligible};
  for (const Program& p : catalogue.programs) {
    ProgramText pt;
    for (Status status : statuses)
      pt.head[static_cast<size_t>(status)] = members(kProgramDepth, [&](JsonWriter& j) {
        j.member("id", p.id);
        j.member("name", p.name.in(lang));
        j.member("status", status_name(status));
      });
    for (WindowState state : kWindowStates)
      pt.window[static_cast<size_t>(state)] = members(kWindowDepth, [&](JsonWriter& j) {
        j.key("apply_from");
        j.raw_value(date_text(p.schedule.apply_from));
        j.key("apply_to");
        j.raw_value(date_text(p.schedule.apply_to));
        j.member("state", window_name(state));
      });
    pt.source = members(kProgramDepth, [&](JsonWriter& j) { j.member("source", p.source); });
    pt.caveats = members(kProgramDepth, [&](JsonWriter& j) {
      j.key("notes");
      j.begin_array();
      auto caveat = [&](const Note& n) {
        if (n.kind != NoteKind::caveat) return;
        j.begin_object();
        j.member("text", n.text.in(lang));
        j.member("source", n.source);
        j.end_object();
      };
      for (const Note& n : p.notes) caveat(n);
      for (const Track& t : p.tracks)
        for (const Note& n : t.notes) caveat(n);
      j.end_array();
    });
    for (const Rule& r : p.rules) pt.rules.push_back(rule_text(r, kProgramReasonDepth, nullptr));
    for (const Track& t : p.tracks) {
      TrackText tt;
      for (Status status : statuses)
        tt.head[static_cast<size_t>(status)] = members(kTrackDepth, [&](JsonWriter& j) {
          j.member("id", t.id);
          j.member("name", t.name.in(lang));
          j.member("status", status_name(status));
          j.member("months", t.months);
        });
      tt.ratio = members(kTrackDepth, [&](JsonWriter& j) {
        j.key("ratio");
        j.raw_value(ratio_text(t.ratio));
        j.key("ratio_percent");
        if (t.ratio)
          j.value(format_ratio(*t.ratio));
        else
          j.null();
      });
      if (t.years > 1)
        tt.years = members(kTrackDepth, [&](JsonWriter& j) {
          j.member("years", t.years);
          j.member("cap_per_year", t.cap_per_year);
        });
      if (t.schedule)
        for (WindowState state : kWindowStates)
          tt.window[static_cast<size_t>(state)] = members(kTrackDepth, [&](JsonWriter& j) {
            j.key("window");
            j.begin_object();
            j.key("apply_from");
            j.raw_value(date_text(t.schedule->apply_from));
            j.key("apply_to");
            j.raw_value(date_text(t.schedule->apply_to));
            j.member("state", window_name(state));
            j.end_object();
          });
      if (!t.local_government.empty())
        tt.local = members(kTrackDepth, [&](JsonWriter& j) { j.member("local_government_ratio", t.local_government); });
      tt.source = members(kTrackDepth, [&](JsonWriter& j) { j.member("source", t.source); });
      if (!t.notes.empty())
        tt.notes = members(kTrackDepth, [&](JsonWriter& j) {
          j.key("notes");
          j.begin_array();
          for (const Note& n : t.notes) {
            j.begin_object();
            j.member("text", n.text.in(lang));
            j.member("source", n.source);
            j.end_object();
          }
          j.end_array();
        });
      for (const Rule& r : t.rules) {
        tt.rules.push_back(rule_text(r, kTrackReasonDepth, nullptr));
        tt.rules_in_program.push_back(rule_text(r, kProgramReasonDepth, &t));
      }
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

void CheckJson::write_members(const Evaluation& ev, const Profile& profile, const Parts& parts, JsonWriter& out) const {
  if (ev.catalogue != &catalogue_ || out.style() != style_)
    throw std::logic_error("CheckJson: an evaluation of another catalogue, or a writer of another style");
  out.member("year", catalogue_.year);
  out.key("as_of");
  if (ev.as_of)
    out.value(ev.as_of->str());
  else
    out.null();
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
  out.raw_members(text.head[static_cast<size_t>(pe.status)]);
  out.key("reasons");
  out.begin_array();
  for (const RuleResult& rr : pe.rules)
    if (reportable(rr, parts.explain)) write_reason(rr, text.rules[index_in(p.rules, rr.rule)], profile, out);
  // a track's own failed and unknown rules explain a program closed by its tracks
  for (const TrackEvaluation& te : pe.tracks) {
    const TrackText& tt = text.tracks[index_in(p.tracks, te.track)];
    for (const RuleResult& rr : te.rules)
      if (reportable(rr, parts.explain))
        write_reason(rr, tt.rules_in_program[index_in(te.track->rules, rr.rule)], profile, out);
  }
  out.end_array();
  out.key("missing");
  write_missing(pe.missing, out);
  out.key("window");
  out.begin_object();
  out.raw_members(text.window[static_cast<size_t>(pe.window)]);
  out.end_object();
  out.key("tracks");
  out.begin_array();
  for (const TrackEvaluation& te : pe.tracks)
    write_track(te, text.tracks[index_in(p.tracks, te.track)], profile, parts, out);
  out.end_array();
  out.raw_members(text.source);
  out.raw_members(text.caveats);
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
  out.raw_members(text.head[static_cast<size_t>(te.status)]);
  out.member("cap", te.cap);
  out.raw_members(text.ratio);
  out.member("full_support_cost", te.full_support_cost);
  if (!text.years.empty()) out.raw_members(text.years);
  out.key("split");
  if (te.split)
    write_split_json(*te.split, out);
  else
    out.null();
  if (!te.split_problem.empty())  // SPEC §7: in English whatever the language, for scripts
    out.member("split_problem", split_problem_text(te.split_problem, t, Lang::en));
  if (!text.local.empty()) out.raw_members(text.local);
  out.key("reasons");
  out.begin_array();
  for (const RuleResult& rr : te.rules)
    if (reportable(rr, parts.explain)) write_reason(rr, text.rules[index_in(t.rules, rr.rule)], profile, out);
  out.end_array();
  out.raw_members(text.source);
  if (!text.window[0].empty()) out.raw_members(text.window[static_cast<size_t>(te.window)]);
  if (parts.explain && !text.notes.empty()) out.raw_members(text.notes);
  out.end_object();
}

void CheckJson::write_reason(const RuleResult& rr, const RuleText& text, const Profile& profile,
                             JsonWriter& out) const {
  out.begin_object();
  out.raw_members(text.members[static_cast<size_t>(rr.result)]);
  // a rule that passes through one branch of an `any` may still miss some; the list is reused (a
  // batch writes tens of reasons a company, and the writer is shared by the workers)
  thread_local std::vector<const FactDef*> missing;
  missing.clear();
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
