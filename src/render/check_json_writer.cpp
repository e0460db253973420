#include "sfgrant/render/check_json_writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sfgrant/render/words.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

namespace {

/// `"key":` for a key that needs no escaping.
std::string key(const char* name) { return std::string("\"") + name + "\":"; }

void append_won(TextBuffer& out, const std::optional<Won>& w) {
  if (w) append_json_int(out, *w);
  else out += "null";
}

void append_date(TextBuffer& out, const std::optional<Date>& d) {
  if (d) append_json_string(out, d->str());
  else out += "null";
}

std::string date_text(const std::optional<Date>& d) { return d ? json_string(d->str()) : "null"; }

void append_split(TextBuffer& out, const Split& s) {
  out += "{\"total\":";
  append_json_int(out, s.total);
  out += ",\"government\":";
  append_json_int(out, s.government);
  out += ",\"private\":";
  append_json_int(out, s.private_share);
  out += ",\"company\":";
  append_json_int(out, s.company);
  out += ",\"large_company\":";
  append_won(out, s.large_company);
  out += ",\"local_government\":";
  append_won(out, s.local_government);
  out += ",\"private_in_kind_max\":";
  append_won(out, s.private_in_kind_max);
  out += ",\"company_cash_min\":";
  append_won(out, s.company_cash_min);
  out += ",\"years\":";
  if (s.years.empty()) {
    out += "null}";
    return;
  }
  out += '[';
  for (size_t i = 0; i < s.years.size(); ++i) {
    const YearShare& y = s.years[i];
    if (i > 0) out += ',';
    out += "{\"year\":";
    append_json_int(out, y.year);
    out += ",\"total\":";
    append_json_int(out, y.total);
    out += ",\"government\":";
    append_json_int(out, y.government);
    out += ",\"private\":";
    append_json_int(out, y.private_share);
    out += '}';
  }
  out += "]}";
}

}  // namespace

CheckJsonWriter::CheckJsonWriter(const Catalogue& catalogue, Lang lang) : catalogue_(catalogue) {
  year_ = key("year") + std::to_string(catalogue.year) + "," + key("as_of");
  for (const FactDef& f : all_facts()) paths_.push_back(json_string(f.path));
  auto rule_text = [&](const Rule& r) {
    return RuleText{"{" + key("rule") + json_string(r.id) + "," + key("result") + "\"",
                    "\"," + key("message") + json_string(r.message.in(lang)) + "," + key("source") +
                        json_string(r.source)};
  };
  for (const Program& p : catalogue.programs) {
    ProgramText pt;
    pt.head = "{" + key("id") + json_string(p.id) + "," + key("name") + json_string(p.name.in(lang)) + "," +
              key("status") + "\"";
    pt.window = "]," + key("window") + "{" + key("apply_from");
    pt.window += date_text(p.schedule.apply_from);
    pt.window += "," + key("apply_to");
    pt.window += date_text(p.schedule.apply_to);
    pt.window += "," + key("state") + "\"";
    pt.source = "," + key("source") + json_string(p.source) + "}";
    for (const Rule& r : p.rules) pt.rules.push_back(rule_text(r));
    for (const Track& t : p.tracks) {
      TrackText tt;
      tt.head = "{" + key("id") + json_string(t.id) + "," + key("name") + json_string(t.name.in(lang)) + "," +
                key("status") + "\"";
      tt.months = "\"," + key("months") + (t.months ? std::to_string(*t.months) : "null") + "," + key("cap");
      // the ratio is a double in the JSON (display only): let nlohmann format it, once
      const std::string ratio =
          t.ratio ? nlohmann::json(static_cast<double>(t.ratio->basis_points) / static_cast<double>(Ratio::kWhole))
                        .dump()
                  : "null";
      tt.ratio = "," + key("ratio") + ratio + "," + key("ratio_percent") +
                 (t.ratio ? json_string(format_ratio(*t.ratio)) : "null") + "," + key("full_support_cost");
      if (t.years > 1) {
        tt.years = "," + key("years") + std::to_string(t.years) + "," + key("cap_per_year");
        tt.years += t.cap_per_year ? std::to_string(*t.cap_per_year) : "null";
      }
      tt.years += "," + key("split");
      if (!t.local_government.empty())
        tt.local = "," + key("local_government_ratio") + json_string(t.local_government);
      tt.source = "," + key("source") + json_string(t.source) + "}";
      tt.tag = "," + key("track") + json_string(t.id);
      for (const Rule& r : t.rules) tt.rules.push_back(rule_text(r));
      pt.tracks.push_back(std::move(tt));
    }
    programs_.push_back(std::move(pt));
  }
}

void CheckJsonWriter::write(const Evaluation& ev, const Profile& profile, std::optional<long> line,
                            TextBuffer& out) const {
  if (ev.catalogue != &catalogue_ || ev.programs.size() != programs_.size())
    throw std::logic_error("CheckJsonWriter: evaluation of another catalogue");
  out += '{';
  if (line) {
    out += "\"line\":";
    append_json_int(out, *line);
    out += ',';
  }
  out += year_;
  append_date(out, ev.as_of);
  out += ",\"company\":{\"name\":";
  append_json_string(out, profile.name());
  out += "},\"cost\":";
  append_won(out, ev.cost);
  out += ",\"programs\":[";
  for (size_t i = 0; i < ev.programs.size(); ++i) {
    if (i > 0) out += ',';
    write_program(ev.programs[i], programs_[i], profile, out);
  }
  out += "]}";
}

void CheckJsonWriter::write_program(const ProgramEvaluation& pe, const ProgramText& text, const Profile& profile,
                                    TextBuffer& out) const {
  out += text.head;
  out += status_name(pe.status);
  out += "\",\"reasons\":[";
  const size_t empty = out.size();  // a comma goes before every reason but the first
  for (size_t i = 0; i < pe.rules.size(); ++i) {
    if (pe.rules[i].result == Tri::pass) continue;
    if (out.size() != empty) out += ',';
    write_reason(pe.rules[i], text.rules[i], nullptr, profile, out);
  }
  // a track's own failed and unknown rules explain a program closed by its tracks
  for (size_t k = 0; k < pe.tracks.size(); ++k) {
    const TrackEvaluation& te = pe.tracks[k];
    const TrackText& tt = text.tracks[k];
    for (size_t i = 0; i < te.rules.size(); ++i) {
      const RuleResult& rr = te.rules[i];
      if (rr.result == Tri::pass) continue;
      if (out.size() != empty) out += ',';
      write_reason(rr, tt.rules[i], &tt.tag, profile, out);
    }
  }
  out += "],\"missing\":[";
  for (size_t i = 0; i < pe.missing.size(); ++i) {
    if (i > 0) out += ',';
    out += paths_[static_cast<size_t>(pe.missing[i]->index)];
  }
  out += text.window;
  out += window_name(pe.window);
  out += "\"},\"tracks\":[";
  for (size_t k = 0; k < pe.tracks.size(); ++k) {
    if (k > 0) out += ',';
    write_track(pe.tracks[k], text.tracks[k], profile, out);
  }
  out += ']';
  out += text.source;
}

void CheckJsonWriter::write_track(const TrackEvaluation& te, const TrackText& text, const Profile& profile,
                                  TextBuffer& out) const {
  out += text.head;
  out += status_name(te.status);
  out += text.months;
  append_won(out, te.cap);
  out += text.ratio;
  append_won(out, te.full_support_cost);
  out += text.years;
  if (te.split) append_split(out, *te.split);
  else out += "null";
  if (!te.split_problem.empty()) {
    out += ",\"split_problem\":";
    append_json_string(out, split_problem_text(te.split_problem, *te.track, Lang::en));
  }
  out += text.local;
  out += ",\"reasons\":[";
  bool first = true;
  for (size_t i = 0; i < te.rules.size(); ++i) {
    const RuleResult& rr = te.rules[i];
    if (rr.result == Tri::pass) continue;
    if (!first) out += ',';
    first = false;
    write_reason(rr, text.rules[i], nullptr, profile, out);
  }
  out += ']';
  out += text.source;
}

void CheckJsonWriter::write_reason(const RuleResult& rr, const RuleText& text, const std::string* track_tag,
                                   const Profile& profile, TextBuffer& out) const {
  out += text.head;
  out += tri_name(rr.result);
  out += text.tail;
  if (track_tag != nullptr) out += *track_tag;
  std::vector<const FactDef*> missing;
  missing_facts(rr.rule->require, profile, missing);
  if (!missing.empty()) {
    out += ",\"missing\":[";
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i > 0) out += ',';
      out += paths_[static_cast<size_t>(missing[i]->index)];
    }
    out += ']';
  }
  out += '}';
}

}  // namespace sfgrant
