// A year's common.yaml: the year, its announcements (what every `source` may cite), the programs in
// the announcement's order, and the rule sets programs share.
#include <fmt/format.h>

#include <algorithm>

#include "program_reader.h"
#include "sfgrant/load/data_keys.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/announcement_year.h"

namespace sfgrant {
namespace {

/// `reused_in: YEAR` and `reason:` come together: an old announcement kept on purpose says why.
void read_reuse(detail::ProgramReader& r, const YAML::Node& a, Announcement& ann) {
  const YAML::Node in = a["reused_in"];
  const YAML::Node reason = a["reason"];
  if (in) ann.reused_in = r.positive(in, "announcement.reused_in");
  if (reason) ann.reuse_reason = r.scalar(reason, "announcement.reason").value_or("");
  if (in && !reason)
    r.error(in, "announcement.reused_in: \"reason\" is required (why the year still relies on this announcement)",
            "missing-key");
  if (reason && !in)
    r.error(reason,
            "announcement.reason: explains a reuse, but there is no \"reused_in\" (the year it was checked for)",
            "missing-key");
}

/// An announcement that is not of the year (model/announcement_year.h): one warning at its entry here,
/// and every source citing it becomes an error (YamlReader::source), each at its own place.
void check_of_year(detail::ProgramReader& r, const YAML::Node& a, const Announcement& ann, YearContext& context) {
  const int year = context.year;
  const IssueWindow window = issue_window(year);
  std::string why;
  YAML::Node at = a["issued"];
  switch (announcement_fit(ann, year)) {
    case AnnouncementFit::of_year:
    case AnnouncementFit::undated:  // `issued` is missing or unreadable: already an error
      return;
    case AnnouncementFit::too_early:
      why = fmt::format("issued {}, before {}'s announcements (issued from {})", ann.issued, year, window.from.str());
      break;
    case AnnouncementFit::too_late:
      why = fmt::format("issued {}, after {}", ann.issued, year);
      break;
    case AnnouncementFit::reused_for_other_year:
      why = fmt::format("reused_in {}, not re-checked for {}", *ann.reused_in, year);
      at = a["reused_in"];
      break;
  }
  r.warning(at,
            fmt::format("announcement \"{}\" is not of {}: {}; every source citing it is an error until it is "
                        "checked against {}'s announcement",
                        ann.file, year, why, year),
            "not-of-year");
  context.not_of_year[ann.file] = fmt::format("{} ({})", why, r.at(at).str());
}

}  // namespace

YearContext load_common(const std::string& text, const std::string& file, Diagnostics& diags) {
  YearContext context;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return context;
  const YAML::Node& root = *parsed;
  detail::ProgramReader r(file, context, diags);
  if (!r.keys(root, "common.yaml", DataMap::common)) return context;
  if (YAML::Node order = root["programs"]) {
    context.order_where = r.at(order);
    if (!order.IsSequence())
      r.error(order, "programs: expected the list of program ids in the announcement's order", "wrong-type");
    else
      for (const auto& id : order) {
        auto s = r.scalar(id, "programs");
        if (!s) continue;
        if (std::find(context.order.begin(), context.order.end(), *s) != context.order.end())
          r.error(id, fmt::format("programs: \"{}\" is listed twice", *s), "duplicate-id");
        else
          context.order.push_back(*s);
      }
  }
  if (auto y = r.need(root, "year", "common.yaml")) {
    context.year = r.positive(y, "year").value_or(0);
    context.year_where = r.at(y);
  }
  if (auto list = r.need(root, "announcements", "common.yaml")) {
    if (!list.IsSequence()) {
      r.error(list, "announcements: expected a list", "wrong-type");
    } else {
      for (const auto& a : list) {
        if (!r.keys(a, "announcement", DataMap::announcement)) continue;
        Announcement ann;
        if (auto f = r.need(a, "file", "announcement")) ann.file = r.scalar(f, "announcement.file").value_or("");
        if (a["title"]) ann.title = r.scalar(a["title"], "announcement.title").value_or("");
        if (auto d = r.need(a, "issued", "announcement"); d && r.date(d, "announcement.issued"))
          ann.issued = d.Scalar();
        read_reuse(r, a, ann);
        for (const Announcement& other : context.announcements)
          if (!ann.file.empty() && other.file == ann.file)
            r.error(a["file"], fmt::format("announcement \"{}\" is listed twice", ann.file), "duplicate-id");
        if (context.year != 0 && !ann.file.empty()) check_of_year(r, a, ann, context);
        context.announcements.push_back(ann);
      }
    }
  }
  if (YAML::Node sets = root["rule_sets"]) {
    // the rules of a rule set cite the announcements just read
    detail::ProgramReader rr(file, context, diags);
    if (!sets.IsMap()) {
      r.error(sets, "rule_sets: expected a map of named rule lists", "wrong-type");
    } else {
      std::vector<std::string> names;
      for (const auto& kv : sets) names.push_back(kv.first.Scalar());
      r.keys(sets, "rule_sets", names);  // duplicates
      for (const auto& kv : sets) {
        std::vector<Rule> rules;
        rr.rules(kv.second, "rule set " + kv.first.Scalar(), rules, false);
        context.rule_sets.emplace_back(kv.first.Scalar(), std::move(rules));
      }
    }
  }
  return context;
}

}  // namespace sfgrant
