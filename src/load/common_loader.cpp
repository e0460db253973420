// A year's common.yaml: the year, its announcements (what every `source` may cite), the programs in
// the announcement's order, and the rule sets programs share.
#include <fmt/format.h>

#include <algorithm>

#include "program_reader.h"
#include "sfgrant/load/data_keys.h"
#include "sfgrant/load/program_loader.h"

namespace sfgrant {

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
  if (auto y = r.need(root, "year", "common.yaml")) context.year = r.positive(y, "year").value_or(0);
  if (auto list = r.need(root, "announcements", "common.yaml")) {
    if (!list.IsSequence()) {
      r.error(list, "announcements: expected a list", "wrong-type");
    } else {
      for (const auto& a : list) {
        if (!r.keys(a, "announcement", DataMap::announcement)) continue;
        Announcement ann;
        if (auto f = r.need(a, "file", "announcement")) ann.file = r.scalar(f, "announcement.file").value_or("");
        if (a["title"]) ann.title = r.scalar(a["title"], "announcement.title").value_or("");
        if (a["issued"] && r.date(a["issued"], "announcement.issued")) ann.issued = a["issued"].Scalar();
        for (const Announcement& other : context.announcements)
          if (!ann.file.empty() && other.file == ann.file)
            r.error(a["file"], fmt::format("announcement \"{}\" is listed twice", ann.file), "duplicate-id");
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
