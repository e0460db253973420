#include "sfgrant/load/profile_writer.h"

#include <fmt/format.h>

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

}  // namespace

std::string profile_yaml(const Profile& profile) {
  std::string out;
  std::string group;
  for (const FactDef& f : all_facts()) {
    if (f.derived || !profile.has(f)) continue;
    const auto dot = f.path.find('.');
    const std::string g = dot == std::string::npos ? std::string() : f.path.substr(0, dot);
    const std::string key = dot == std::string::npos ? f.path : f.path.substr(dot + 1);
    if (g != group && !g.empty()) out += g + ":\n";
    group = g;
    out += (g.empty() ? "" : "  ") + key + ": " + yaml_value(f, profile.get(f)) + '\n';
  }
  return out;
}

}  // namespace sfgrant
