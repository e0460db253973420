#include "sfgrant/load/profile_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "sfgrant/text/join.h"

namespace sfgrant {

namespace {

/// A double-quoted YAML scalar: backslash, quote and control characters escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

/// An enum id as a plain scalar when it is a simple word, else quoted.
std::string word(const std::string& id) {
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return quoted(id);
  return id.empty() ? quoted(id) : id;
}

std::string yaml_value(const FactDef& f, const Value& v) {
  auto choice = [&](std::int64_t idx) { return word(f.vocabulary->choices[static_cast<size_t>(idx)].id); };
  switch (f.type) {
    case FactType::boolean:
      return v.flag ? "true" : "false";
    case FactType::number:
      return std::to_string(v.number);
    case FactType::money:
      return fmt::format("{}  # {}", v.number, format_korean(v.number));
    case FactType::text:
      return quoted(v.text);
    case FactType::choice:
      return choice(v.number);
    case FactType::list:
      return "[" + join(v.items, ", ", choice) + "]";
    case FactType::money_list:
      return "[" + join(v.amounts, ", ", [](Won w) { return std::to_string(w); }) + "]";
  }
  return "null";
}

std::string group_of(const FactDef& f) {
  const auto dot = f.path.find('.');
  return dot == std::string::npos ? std::string() : f.path.substr(0, dot);
}

/// The facts in their order, each group's facts together where the group first appears (facts of a
/// group are also defined after other groups', and YAML takes a map key once).
std::vector<const FactDef*> writing_order() {
  std::vector<const FactDef*> out;
  std::vector<std::string> groups;
  for (const FactDef& f : all_facts()) {
    const std::string g = group_of(f);
    if (g.empty()) {
      out.push_back(&f);
      continue;
    }
    if (std::find(groups.begin(), groups.end(), g) != groups.end()) continue;
    groups.push_back(g);
    for (const FactDef& member : all_facts())
      if (group_of(member) == g) out.push_back(&member);
  }
  return out;
}

}  // namespace

std::string profile_yaml(const Profile& profile) {
  static const std::vector<const FactDef*> order = writing_order();
  std::string out;
  std::string group;
  bool costs_written = profile.program_costs().empty();
  // plan.costs is a map beside the plan facts (Profile::program_costs), written when the plan group ends
  auto write_costs = [&] {
    out += "  costs:\n";
    for (const ProgramCost& c : profile.program_costs())
      out += fmt::format("    {}: {}  # {}\n", quoted(c.key), c.amount, format_korean(c.amount));
    costs_written = true;
  };
  for (const FactDef* f : order) {
    if (f->derived || !profile.has(*f)) continue;
    const std::string g = group_of(*f);
    const std::string key = g.empty() ? f->path : f->path.substr(g.size() + 1);
    if (g != group && group == "plan" && !costs_written) write_costs();
    if (g != group && !g.empty()) out += g + ":\n";
    group = g;
    out += (g.empty() ? "" : "  ") + key + ": " + yaml_value(*f, profile.get(*f)) + '\n';
  }
  if (!costs_written) {
    if (group != "plan") out += "plan:\n";
    write_costs();
  }
  return out;
}

}  // namespace sfgrant
