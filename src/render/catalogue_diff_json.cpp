// `programs diff --format json`: the keys README "programs diff" documents.
#include "diff_parts.h"

namespace sfgrant {
namespace {

void side_json(const Catalogue& cat, const std::string& label, JsonWriter& out) {
  out.begin_object();
  out.member("label", label);
  out.member("year", cat.year);
  out.member("folder", cat.folder);
  out.end_object();
}

void track_brief_json(const Track& t, Lang lang, JsonWriter& out) {
  out.begin_object();
  out.member("id", t.id);
  out.member("name", t.name.in(lang));
  out.member("months", t.months);
  out.member("cap", t.cap);
  out.key("ratio");
  if (t.ratio)
    out.value(format_ratio(*t.ratio));
  else
    out.null();
  out.member("source", t.source);
  out.end_object();
}

void tracks_json(const std::vector<const Track*>& tracks, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const Track* t : tracks) track_brief_json(*t, lang, out);
  out.end_array();
}

void programs_json(const std::vector<const Program*>& programs, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const Program* p : programs) {
    out.begin_object();
    out.member("id", p->id);
    out.member("name", p->name.in(lang));
    out.member("source", p->source);
    out.key("tracks");
    out.begin_array();
    for (const Track& t : p->tracks) track_brief_json(t, lang, out);
    out.end_array();
    out.end_object();
  }
  out.end_array();
}

void changes_json(const std::vector<FieldChange>& changes, const Program* before_program, const Track* before_track,
                  const Program* after_program, const Track* after_track, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const FieldChange& c : changes) {
    out.begin_object();
    out.member("field", field_id(c.field));
    out.key("before");
    write_field_value_json(c, false, before_program, before_track, lang, out);
    out.key("after");
    write_field_value_json(c, true, after_program, after_track, lang, out);
    out.member("before_source", c.before_source);
    out.member("after_source", c.after_source);
    out.end_object();
  }
  out.end_array();
}

void rule_side_json(const Rule* r, Lang lang, JsonWriter& out) {
  if (r == nullptr) {
    out.null();
    return;
  }
  out.begin_object();
  out.member("message", r->message.in(lang));
  out.member("condition", condition_text(r->require));
  out.member("source", r->source);
  out.end_object();
}

void rules_json(const std::vector<RuleDiff>& rules, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const RuleDiff& r : rules) {
    out.begin_object();
    out.member("change", rule_change_id(r.change));
    out.member("id", r.after != nullptr ? r.after->id : r.before->id);
    out.key("before");
    rule_side_json(r.before, lang, out);
    out.key("after");
    rule_side_json(r.after, lang, out);
    out.end_object();
  }
  out.end_array();
}

void matched_json(const ProgramDiff& d, Lang lang, JsonWriter& out) {
  out.begin_object();
  out.member("id", d.after->id);
  out.member("before_id", d.before->id);
  out.member("match", match_by_name(d.match));
  out.member("changed", !d.empty());
  out.key("name");
  out.begin_object();
  out.member("before", d.before->name.in(lang));
  out.member("after", d.after->name.in(lang));
  out.end_object();
  out.key("changes");
  changes_json(d.changes, d.before, nullptr, d.after, nullptr, lang, out);
  out.key("rules");
  rules_json(d.rules, lang, out);
  out.key("tracks_added");
  tracks_json(d.tracks_added, lang, out);
  out.key("tracks_removed");
  tracks_json(d.tracks_removed, lang, out);
  out.key("tracks");
  out.begin_array();
  for (const TrackDiff& t : d.tracks) {
    out.begin_object();
    out.member("id", t.after->id);
    out.member("before_id", t.before->id);
    out.member("match", match_by_name(t.match));
    out.key("changes");
    changes_json(t.changes, d.before, t.before, d.after, t.after, lang, out);
    out.key("rules");
    rules_json(t.rules, lang, out);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace

void write_catalogue_diff_json(const CatalogueDiff& diff, const DiffSides& sides, Lang lang, std::ostream& out) {
  print_json(out, [&](JsonWriter& json) {
    json.begin_object();
    json.key("before");
    side_json(*diff.before, sides.before, json);
    json.key("after");
    side_json(*diff.after, sides.after, json);
    size_t changed = 0;
    for (const ProgramDiff& d : diff.matched)
      if (!d.empty()) ++changed;
    json.key("summary");
    json.begin_object();
    json.member("added", diff.added.size());
    json.member("removed", diff.removed.size());
    json.member("matched", diff.matched.size());
    json.member("changed", changed);
    json.end_object();
    json.key("added");
    programs_json(diff.added, lang, json);
    json.key("removed");
    programs_json(diff.removed, lang, json);
    json.key("matched");
    json.begin_array();
    for (const ProgramDiff& d : diff.matched) matched_json(d, lang, json);
    json.end_array();
    json.end_object();
  });
}

}  // namespace sfgrant
