#include <fmt/format.h>

#include "sfgrant/render/render.h"

namespace sfgrant {

using json = nlohmann::ordered_json;

std::string format_money(Won amount, Lang lang) {
  return lang == Lang::en ? format_english(amount) : format_korean(amount);
}

std::string describe_value(const FactDef& f, const Profile& profile, Lang lang) {
  if (!profile.has(f)) return "?";
  const Value& v = profile.get(f);
  auto choice = [&](std::int64_t idx) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(idx)];
    return lang == Lang::ko && !c.label.empty() ? c.label : c.id;
  };
  switch (f.type) {
    case FactType::boolean: return v.flag ? (lang == Lang::ko ? "예" : "yes") : (lang == Lang::ko ? "아니오" : "no");
    case FactType::number: return std::to_string(v.number);
    case FactType::money: return format_money(v.number, lang);
    case FactType::text: return v.text;
    case FactType::choice: return choice(v.number);
    case FactType::list: {
      std::string out = "[";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + choice(v.items[i]);
      return out + "]";
    }
    case FactType::money_list: {
      std::string out = "[";
      for (size_t i = 0; i < v.amounts.size(); ++i) out += (i ? ", " : "") + format_money(v.amounts[i], lang);
      return out + "]";
    }
  }
  return "?";
}

namespace {

json opt(const std::optional<Won>& w) { return w ? json(*w) : json(nullptr); }

json ratio_json(const std::optional<Ratio>& r) {
  if (!r) return nullptr;
  // display only: the exact value is also given as text in ratio_percent
  return static_cast<double>(r->basis_points) / static_cast<double>(Ratio::kWhole);
}

json reason_json(const RuleResult& rr, Lang lang, const Profile& profile, const std::string& track) {
  json j;
  j["rule"] = rr.rule->id;
  j["result"] = std::string(tri_name(rr.result));
  j["message"] = rr.rule->message.in(lang);
  j["source"] = rr.rule->source;
  if (!track.empty()) j["track"] = track;
  std::vector<const FactDef*> missing;
  missing_facts(rr.rule->require, profile, missing);
  if (!missing.empty()) {
    json m = json::array();
    for (const FactDef* f : missing) m.push_back(f->path);
    j["missing"] = m;
  }
  return j;
}

bool reportable(const RuleResult& rr, bool explain) { return explain || rr.result != Tri::pass; }

}  // namespace

json split_json(const Split& s) {
  json j;
  j["total"] = s.total;
  j["government"] = s.government;
  j["private"] = s.private_share;
  j["company"] = s.company;
  j["large_company"] = opt(s.large_company);
  j["local_government"] = opt(s.local_government);
  j["private_in_kind_max"] = opt(s.private_in_kind_max);
  j["company_cash_min"] = opt(s.company_cash_min);
  if (s.years.empty()) {
    j["years"] = nullptr;
  } else {
    json years = json::array();
    for (const YearShare& y : s.years)
      years.push_back({{"year", y.year}, {"total", y.total}, {"government", y.government}, {"private", y.private_share}});
    j["years"] = years;
  }
  return j;
}

json track_json(const TrackEvaluation& te, Lang lang, bool explain, const Profile& profile) {
  const Track& t = *te.track;
  json j;
  j["id"] = t.id;
  j["name"] = t.name.in(lang);
  j["status"] = std::string(status_name(te.status));
  j["months"] = t.months ? json(*t.months) : json(nullptr);
  j["cap"] = opt(te.cap);
  j["ratio"] = ratio_json(t.ratio);
  j["ratio_percent"] = t.ratio ? json(format_ratio(*t.ratio)) : json(nullptr);
  j["full_support_cost"] = opt(te.full_support_cost);
  if (t.years > 1) {
    j["years"] = t.years;
    j["cap_per_year"] = opt(t.cap_per_year);
  }
  j["split"] = te.split ? split_json(*te.split) : json(nullptr);
  if (!te.split_problem.empty()) j["split_problem"] = te.split_problem;
  if (!t.local_government.empty()) j["local_government_ratio"] = t.local_government;
  json reasons = json::array();
  for (const RuleResult& rr : te.rules)
    if (reportable(rr, explain)) reasons.push_back(reason_json(rr, lang, profile, ""));
  j["reasons"] = reasons;
  j["source"] = t.source;
  if (explain && !t.notes.empty()) {
    json notes = json::array();
    for (const Note& n : t.notes) notes.push_back({{"text", n.text.in(lang)}, {"source", n.source}});
    j["notes"] = notes;
  }
  return j;
}

json next_steps_json(const ProgramEvaluation& pe, Lang lang) {
  const Program& p = *pe.program;
  json j;
  j["where"] = p.apply.where.empty() ? json(nullptr) : json(p.apply.where.in(lang));
  json docs = json::array();
  for (const Document& d : p.apply.documents) {
    json doc = {{"name", d.name.in(lang)}, {"source", d.source}};
    doc["validity"] = d.validity.empty() ? json(nullptr) : json(d.validity.in(lang));
    docs.push_back(doc);
  }
  j["documents"] = docs;
  j["agency"] = {{"lead", p.agency.lead},
                 {"operator", p.agency.operator_name},
                 {"phone", p.agency.phone},
                 {"source", p.agency.source}};
  if (pe.center != nullptr) {
    j["center"] = {{"name", pe.center->name.in(lang)},
                   {"phone", pe.center->phone},
                   {"address", pe.center->address},
                   {"source", pe.center->source}};
  } else {
    j["center"] = nullptr;
  }
  return j;
}

json program_json(const ProgramEvaluation& pe, const Profile& profile, const RenderOptions& options) {
  const Program& p = *pe.program;
  json j;
  j["id"] = p.id;
  j["name"] = p.name.in(options.lang);
  j["status"] = std::string(status_name(pe.status));
  json reasons = json::array();
  for (const RuleResult& rr : pe.rules)
    if (reportable(rr, options.explain)) reasons.push_back(reason_json(rr, options.lang, profile, ""));
  // a track's own failed and unknown rules explain a program closed by its tracks
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules)
      if (reportable(rr, options.explain)) reasons.push_back(reason_json(rr, options.lang, profile, te.track->id));
  j["reasons"] = reasons;
  json missing = json::array();
  for (const FactDef* f : pe.missing) missing.push_back(f->path);
  j["missing"] = missing;
  json window;
  window["apply_from"] = p.schedule.apply_from ? json(p.schedule.apply_from->str()) : json(nullptr);
  window["apply_to"] = p.schedule.apply_to ? json(p.schedule.apply_to->str()) : json(nullptr);
  window["state"] = std::string(window_name(pe.window));
  j["window"] = window;
  json tracks = json::array();
  for (const TrackEvaluation& te : pe.tracks) tracks.push_back(track_json(te, options.lang, options.explain, profile));
  j["tracks"] = tracks;
  j["source"] = p.source;
  if (options.next_steps && pe.status != Status::ineligible) j["next_steps"] = next_steps_json(pe, options.lang);
  return j;
}

json check_json(const Evaluation& ev, const Profile& profile, const RenderOptions& options) {
  json j;
  j["year"] = ev.catalogue->year;
  j["as_of"] = ev.as_of ? json(ev.as_of->str()) : json(nullptr);
  json company;
  company["name"] = profile.name();
  j["company"] = company;
  j["cost"] = opt(ev.cost);
  json programs = json::array();
  for (const ProgramEvaluation& pe : ev.programs) programs.push_back(program_json(pe, profile, options));
  j["programs"] = programs;
  return j;
}

json program_info_json(const Program& p, const std::optional<Date>& as_of, Lang lang, int year) {
  json j;
  j["id"] = p.id;
  j["name"] = p.name.in(lang);
  j["category"] = p.category.empty() ? json(nullptr) : json(p.category.in(lang));
  j["quota"] = p.quota ? json(*p.quota) : json(nullptr);
  json window;
  window["announce"] = p.schedule.announce ? json(p.schedule.announce->str()) : json(nullptr);
  window["apply_from"] = p.schedule.apply_from ? json(p.schedule.apply_from->str()) : json(nullptr);
  window["apply_to"] = p.schedule.apply_to ? json(p.schedule.apply_to->str()) : json(nullptr);
  window["rolling"] = p.schedule.rolling;
  window["selection"] = p.schedule.selection.empty() ? json(nullptr) : json(p.schedule.selection.in(lang));
  window["state"] = std::string(window_name(window_state(p.schedule, as_of, year)));
  window["source"] = p.schedule.source;
  j["window"] = window;
  json tracks = json::array();
  for (const Track& t : p.tracks) {
    json tj;
    tj["id"] = t.id;
    tj["name"] = t.name.in(lang);
    tj["months"] = t.months ? json(*t.months) : json(nullptr);
    tj["cap"] = opt(t.cap);
    tj["ratio"] = ratio_json(t.ratio);
    tj["ratio_percent"] = t.ratio ? json(format_ratio(*t.ratio)) : json(nullptr);
    std::optional<Won> fsc;
    if (t.cap && t.ratio) fsc = full_support_cost(t, *t.cap);
    tj["full_support_cost"] = opt(fsc);
    if (t.years > 1) {
      tj["years"] = t.years;
      tj["cap_per_year"] = opt(t.cap_per_year);
    }
    if (!t.cap_by_level.empty()) {
      json rows = json::array();
      for (const LevelCap& row : t.cap_by_level)
        rows.push_back({{"from", level_vocabulary().choices[static_cast<size_t>(row.from)].id},
                        {"to", level_vocabulary().choices[static_cast<size_t>(row.to)].id},
                        {"cap", row.cap}});
      tj["cap_by_level"] = rows;
    }
    if (t.large_company_min) tj["large_company_min"] = format_ratio(*t.large_company_min);
    if (t.company_max) tj["company_max"] = format_ratio(*t.company_max);
    if (t.in_kind_max) tj["in_kind_max"] = format_ratio(*t.in_kind_max);
    if (t.company_cash_min) tj["company_cash_min"] = format_ratio(*t.company_cash_min);
    tj["source"] = t.source;
    json rules = json::array();
    for (const Rule& r : t.rules) rules.push_back({{"rule", r.id}, {"message", r.message.in(lang)}, {"source", r.source}});
    tj["rules"] = rules;
    tracks.push_back(tj);
  }
  j["tracks"] = tracks;
  json rules = json::array();
  for (const Rule& r : p.rules) rules.push_back({{"rule", r.id}, {"message", r.message.in(lang)}, {"source", r.source}});
  j["rules"] = rules;
  json notes = json::array();
  for (const Note& n : p.notes) notes.push_back({{"text", n.text.in(lang)}, {"source", n.source}});
  j["notes"] = notes;
  j["agency"] = {{"lead", p.agency.lead}, {"operator", p.agency.operator_name}, {"phone", p.agency.phone},
                 {"regional_center", p.agency.regional_center}, {"source", p.agency.source}};
  json docs = json::array();
  for (const Document& d : p.apply.documents) {
    json doc = {{"name", d.name.in(lang)}, {"source", d.source}};
    doc["validity"] = d.validity.empty() ? json(nullptr) : json(d.validity.in(lang));
    docs.push_back(doc);
  }
  j["apply"] = {{"where", p.apply.where.empty() ? json(nullptr) : json(p.apply.where.in(lang))}, {"documents", docs}};
  j["source"] = p.source;
  return j;
}

json catalogue_json(const Catalogue& cat, const std::optional<Date>& as_of, Lang lang) {
  json j;
  j["year"] = cat.year;
  j["as_of"] = as_of ? json(as_of->str()) : json(nullptr);
  json programs = json::array();
  for (const Program& p : cat.programs) programs.push_back(program_info_json(p, as_of, lang, cat.year));
  j["programs"] = programs;
  return j;
}

}  // namespace sfgrant
