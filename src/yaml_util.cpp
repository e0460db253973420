#include "yaml_util.h"

#include <fmt/format.h>

#include <map>

#include "sfgrant/facts.h"

namespace sfgrant::detail {

Location location_of(const YAML::Node& node, const std::string& file) {
  YAML::Mark m = node.Mark();
  if (m.is_null()) return Location{file, 0, 0};
  return Location{file, m.line + 1, m.column + 1};
}

namespace {

/// Walks the tree once, bounding depth and node count. Aliases are followed as references, so a
/// "billion laughs" document is refused by the node count instead of hanging the loader.
void check_size(const YAML::Node& node, const std::string& file, int depth, size_t& count) {
  if (++count > kMaxYamlNodes)
    throw Error(location_of(node, file),
                fmt::format("document too large: more than {} nodes (aliases count each time they are used)",
                            kMaxYamlNodes));
  if (depth > kMaxYamlDepth)
    throw Error(location_of(node, file), fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
  if (node.IsMap()) {
    for (const auto& kv : node) {
      check_size(kv.first, file, depth + 1, count);
      check_size(kv.second, file, depth + 1, count);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_size(item, file, depth + 1, count);
  }
}

/// yaml-cpp recurses while parsing; refuse pathological bracket nesting before handing it over.
void check_raw_nesting(const std::string& text, const std::string& file) {
  int depth = 0;
  int line = 1;
  int col = 0;
  for (char c : text) {
    ++col;
    if (c == '\n') {
      ++line;
      col = 0;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxYamlDepth)
        throw Error(Location{file, line, col}, fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
    } else if (c == ']' || c == '}') {
      depth = depth > 0 ? depth - 1 : 0;
    }
  }
}

int second_document_line(const std::string& text) {
  int line = 1;
  bool seen_content = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(start, end - start);
    if (l.rfind("---", 0) == 0 && seen_content) return line;
    if (!l.empty() && l[0] != '#' && l.rfind("---", 0) != 0 && l.rfind("%", 0) != 0) seen_content = true;
    if (l.rfind("...", 0) == 0) seen_content = true;
    ++line;
    start = end + 1;
  }
  return 0;
}

}  // namespace

YAML::Node parse_document(const std::string& text, const std::string& file) {
  if (text.size() > kMaxYamlBytes)
    throw Error(Location{file, 0, 0},
                fmt::format("file too large: {} bytes, the limit is {} bytes", text.size(), kMaxYamlBytes));
  if (text.find('\0') != std::string::npos)
    throw Error(Location{file, 0, 0}, "not a text file: it contains NUL bytes");
  check_raw_nesting(text, file);
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    Location at{file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    throw Error(at, fmt::format("YAML syntax error: {}", e.msg));
  }
  if (docs.empty() || docs[0].IsNull()) throw Error(Location{file, 0, 0}, "empty document: expected a YAML map");
  if (docs.size() > 1)
    throw Error(Location{file, second_document_line(text), 1},
                "more than one YAML document in the file: expected exactly one");
  size_t count = 0;
  check_size(docs[0], file, 0, count);
  return docs[0];
}

std::string describe_kind(const YAML::Node& node) {
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  if (node.IsNull()) return "nothing";
  return fmt::format("\"{}\"", node.Scalar());
}

bool check_map(const YAML::Node& node, const std::string& file, const std::string& context,
               const std::vector<std::string>& allowed, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.error(location_of(node, file), fmt::format("{}: expected a map, found {}", context, describe_kind(node)),
                "wrong-type");
    return false;
  }
  std::map<std::string, Location> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) {
      diags.error(location_of(kv.first, file), fmt::format("{}: keys must be plain words", context), "wrong-type");
      continue;
    }
    const std::string key = kv.first.Scalar();
    Location here = location_of(kv.first, file);
    auto [it, inserted] = seen.emplace(key, here);
    if (!inserted) {
      diags.error(here,
                  fmt::format("duplicate key \"{}\" in {} (first given at {})", key, context, it->second.str()),
                  "duplicate-key");
    }
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known) {
      std::string message = fmt::format("unknown key \"{}\" in {}", key, context);
      if (auto near = closest(key, allowed)) message += fmt::format("; did you mean \"{}\"?", *near);
      else {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        message += "; expected one of " + list;
      }
      diags.error(here, message, "unknown-key");
    }
  }
  return true;
}

bool read_scalar(const YAML::Node& node, const std::string& file, const std::string& what, std::string& out,
                 Diagnostics& diags) {
  if (!node.IsScalar()) {
    diags.error(location_of(node, file), fmt::format("{}: expected a single value, found {}", what, describe_kind(node)),
                "wrong-type");
    return false;
  }
  out = node.Scalar();
  return true;
}

}  // namespace sfgrant::detail
