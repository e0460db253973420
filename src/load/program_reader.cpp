// A program file: the program, its schedule, agency and documents, and its tracks in order.
#include "program_reader.h"

#include <fmt/format.h>

#include <map>
#include "sfgrant/load/data_keys.h"

namespace sfgrant {
namespace detail {

Citations citations_of(const YearContext& context) {
  Citations c;
  c.year = context.year;
  for (const Announcement& a : context.announcements) c.files.push_back(a.file);
  c.not_of_year = context.not_of_year;
  return c;
}

ProgramReader::ProgramReader(std::string file, const YearContext& context, Diagnostics& diags)
    : YamlReader(std::move(file), diags, citations_of(context)), context_(context) {}

Schedule ProgramReader::schedule(const YAML::Node& n, const std::string& ctx) {
  Schedule s;
  if (!keys(n, ctx, DataMap::schedule)) return s;
  if (n["announce"]) s.announce = date(n["announce"], ctx + ".announce");
  if (n["apply_from"]) s.apply_from = date(n["apply_from"], ctx + ".apply_from");
  if (n["apply_to"]) s.apply_to = date(n["apply_to"], ctx + ".apply_to");
  if (n["rolling"]) s.rolling = boolean(n["rolling"], ctx + ".rolling").value_or(false);
  if (n["selection"]) s.selection = text(n["selection"], ctx + ".selection", false);
  s.source = source(n, ctx);
  if (s.apply_from && s.apply_to && s.apply_to->last_day() < s.apply_from->first_day())
    error(n["apply_to"],
          fmt::format("{}: the window ends ({}) before it starts ({})", ctx, s.apply_to->str(), s.apply_from->str()),
          "bad-window");
  const std::pair<const char*, const std::optional<Date>*> dates[] = {
      {"announce", &s.announce}, {"apply_from", &s.apply_from}, {"apply_to", &s.apply_to}};
  for (const auto& [key, d] : dates) {
    const int y = *d ? (*d)->year : context_.year;
    if (context_.year != 0 && (y < context_.year - 1 || y > context_.year + 1))
      diags_.warning(at(n[key]),
                     fmt::format("{}.{}: {} is more than a year away from the program year {}; a typo in the year?",
                                 ctx, key, (*d)->str(), context_.year),
                     "far-date");
  }
  if (!s.rolling && !s.apply_from && !s.apply_to)
    diags_.warning(at(n), fmt::format("{}: no apply_from / apply_to and not rolling: the window is unknown", ctx),
                   "no-window");
  return s;
}

Agency ProgramReader::agency(const YAML::Node& n, const std::string& ctx) {
  Agency a;
  if (!keys(n, ctx, DataMap::agency)) return a;
  if (n["lead"]) a.lead = scalar(n["lead"], ctx + ".lead").value_or("");
  if (n["operator"]) a.operator_name = scalar(n["operator"], ctx + ".operator").value_or("");
  if (n["phone"]) a.phone = scalar(n["phone"], ctx + ".phone").value_or("");
  if (n["regional_center"]) a.regional_center = boolean(n["regional_center"], ctx + ".regional_center").value_or(false);
  a.source = source(n, ctx);
  return a;
}

HowToApply ProgramReader::apply(const YAML::Node& n, const std::string& ctx) {
  HowToApply h;
  if (!keys(n, ctx, DataMap::apply)) return h;
  if (n["where"]) h.where = text(n["where"], ctx + ".where", false);
  h.source = source(n, ctx, false);
  if (n["documents"]) {
    if (!n["documents"].IsSequence()) {
      error(n["documents"], ctx + ".documents: expected a list", "wrong-type");
      return h;
    }
    for (const auto& d : n["documents"]) {
      if (!keys(d, ctx + ".documents", DataMap::document)) continue;
      Document doc;
      if (auto name = need(d, "name", ctx + ".documents")) doc.name = text(name, ctx + ".documents.name", false);
      if (d["validity"]) doc.validity = text(d["validity"], ctx + ".documents.validity", false);
      doc.source = source(d, ctx + ".documents");
      h.documents.push_back(std::move(doc));
    }
  }
  return h;
}

Program ProgramReader::program(const YAML::Node& root) {
  Program p;
  p.file = file_;
  if (!keys(root, "program", DataMap::program)) return p;
  if (auto id = need(root, "id", "program")) p.id = scalar(id, "program.id").value_or("");
  const std::string ctx = fmt::format("program {}", p.id);
  if (auto name = need(root, "name", ctx)) p.name = text(name, ctx + ".name", true);
  if (root["category"]) p.category = text(root["category"], ctx + ".category", false);
  p.source = source(root, ctx);
  if (root["quota"]) p.quota = positive(root["quota"], ctx + ".quota");
  if (auto s = need(root, "schedule", ctx)) p.schedule = schedule(s, ctx + ".schedule");
  if (auto a = need(root, "agency", ctx)) p.agency = agency(a, ctx + ".agency");
  if (root["apply"]) p.apply = apply(root["apply"], ctx + ".apply");
  if (root["notes"]) p.notes = notes(root["notes"], ctx + ".notes", false);
  if (root["rules"]) rules(root["rules"], ctx + ".rules", p.rules, true);
  YAML::Node tracks = need(root, "tracks", ctx);
  if (tracks) {
    if (!tracks.IsSequence() || tracks.size() == 0) {
      error(tracks, ctx + ".tracks: expected a list of at least one track", "wrong-type");
    } else {
      std::map<std::string, Location> seen;
      for (const auto& t : tracks) {
        Track track_ = track(t, p.id);
        if (!track_.id.empty()) {
          auto [it, inserted] = seen.emplace(track_.id, track_.where);
          if (!inserted)
            diags_.error(track_.where,
                         fmt::format("{}: duplicate track id \"{}\" (first at {})", ctx, track_.id, it->second.str()),
                         "duplicate-id");
        }
        p.tracks.push_back(std::move(track_));
      }
    }
  }
  check_rule_ids(p, ctx);
  return p;
}

void ProgramReader::check_rule_ids(const Program& p, const std::string& ctx) {
  std::map<std::string, Location> seen;
  auto visit = [&](const std::vector<Rule>& rs, const std::string& scope) {
    std::map<std::string, Location> local;
    for (const Rule& r : rs) {
      if (r.id.empty()) continue;
      auto [it, inserted] = local.emplace(r.id, r.where);
      if (!inserted)
        diags_.error(
            r.where,
            fmt::format("{}: rule id \"{}\" used twice in {} (first at {})", ctx, r.id, scope, it->second.str()),
            "duplicate-id");
    }
  };
  visit(p.rules, "the program's rules");
  for (const Track& t : p.tracks) {
    std::vector<Rule> all = p.rules;
    all.insert(all.end(), t.rules.begin(), t.rules.end());
    visit(all, "track " + t.id + " and its program");
  }
}

}  // namespace detail

Program load_program(const std::string& text, const std::string& file, const YearContext& context, Diagnostics& diags) {
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) {
    Program p;
    p.file = file;
    return p;
  }
  const YAML::Node& root = *parsed;
  detail::ProgramReader r(file, context, diags);
  return r.program(root);
}

}  // namespace sfgrant
