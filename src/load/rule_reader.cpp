// Rules as the data writes them: comparisons (`size <= midsize`) combined with all / any / not, each
// with a message and a citation; `- use: NAME` brings in one of the year's rule sets.
#include "program_reader.h"

#include <fmt/format.h>

#include "sfgrant/load/data_keys.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant::detail {

namespace {

/// Nodes of a condition tree: what a copy of it costs the loader and the checks after it.
size_t condition_nodes(const Condition& c) {
  size_t n = 1;
  for (const Condition& child : c.children) n += condition_nodes(child);
  return n;
}

/// Nodes a rule set adds each time it is used: each rule and its condition.
size_t rule_nodes(const std::vector<Rule>& rules) {
  size_t n = 0;
  for (const Rule& r : rules) n += 1 + condition_nodes(r.require);
  return n;
}

}  // namespace

Condition ProgramReader::condition(const YAML::Node& n, const std::string& what, int depth) {
  Condition c;
  c.where = at(n);
  if (depth > 32) {
    error(n, fmt::format("{}: conditions nested deeper than 32 levels", what), "too-deep");
    return c;
  }
  if (n.IsScalar() && n.Scalar() == "never") {  // no company meets it (a track closed to new applicants)
    c.kind = Condition::Kind::never;
    return c;
  }
  if (n.IsScalar()) {
    try {
      return parse_comparison(n.Scalar(), at(n));
    } catch (const Error& e) {
      diags_.error(e.where(), fmt::format("{}: {}", what, e.message()), "bad-condition");
      c.kind = Condition::Kind::all;  // harmless placeholder; the file is already in error
      return c;
    }
  }
  if (!n.IsMap() || n.size() != 1) {
    error(n,
          fmt::format("{}: expected a comparison like \"size <= midsize\" or a map with one key all, any or not", what),
          "bad-condition");
    c.kind = Condition::Kind::all;
    return c;
  }
  if (!keys(n, what, DataMap::condition)) return c;
  const auto kv = *n.begin();
  const std::string key = kv.first.Scalar();
  if (key == "not") {
    c.kind = Condition::Kind::negate;
    c.children.push_back(condition(kv.second, what + ".not", depth + 1));
    return c;
  }
  c.kind = key == "all" ? Condition::Kind::all : Condition::Kind::any;
  if (!kv.second.IsSequence() || kv.second.size() == 0) {
    error(kv.second, fmt::format("{}.{}: expected a non-empty list of conditions", what, key), "bad-condition");
    return c;
  }
  for (const auto& child : kv.second) c.children.push_back(condition(child, what + "." + key, depth + 1));
  return c;
}

void ProgramReader::rules(const YAML::Node& n, const std::string& what, std::vector<Rule>& out, bool allow_use) {
  if (!n.IsSequence()) {
    error(n, fmt::format("{}: expected a list of rules", what), "wrong-type");
    return;
  }
  for (const auto& item : n) {
    if (allow_use && item.IsMap() && item["use"]) {
      if (!keys(item, what, DataMap::rule_set_use)) continue;
      auto name = scalar(item["use"], what + ".use");
      if (!name) continue;
      bool found = false;
      std::vector<std::string> names;
      for (const auto& [set_name, set_rules] : context_.rule_sets) {
        names.push_back(set_name);
        if (set_name != *name) continue;
        found = true;
        // each use copies the set: its rules count toward the node limit every time, so that
        // 400 uses of a 2,000-rule set are refused here instead of costing a minute and a GB
        expanded_nodes_ += rule_nodes(set_rules);
        if (expanded_nodes_ > kMaxYamlNodes) {
          if (!expansion_refused_)
            error(item["use"],
                  fmt::format("rule sets expand to more than {} rule nodes (limit {}: each use of a rule set counts "
                              "its rules and their conditions again)",
                              kMaxYamlNodes, kMaxYamlNodes),
                  "too-large");
          expansion_refused_ = true;
          continue;
        }
        out.insert(out.end(), set_rules.begin(), set_rules.end());
      }
      if (!found) {
        std::string message = fmt::format("{}: unknown rule set \"{}\"", what, *name);
        if (auto near = closest(*name, names)) message += fmt::format("; did you mean \"{}\"?", *near);
        error(item["use"], message, "unknown-rule-set");
      }
      continue;
    }
    out.push_back(rule(item, what));
  }
}

Rule ProgramReader::rule(const YAML::Node& n, const std::string& what) {
  Rule r;
  r.where = at(n);
  if (!keys(n, what, DataMap::rule)) return r;
  if (auto id = need(n, "id", what)) r.id = scalar(id, what + ".id").value_or("");
  const std::string ctx = r.id.empty() ? what : fmt::format("rule {}", r.id);
  if (auto req = need(n, "require", ctx)) r.require = condition(req, ctx + ".require");
  if (auto m = need(n, "message", ctx)) r.message = text(m, ctx + ".message", true);
  r.source = source(n, ctx);
  return r;
}

}  // namespace sfgrant::detail
