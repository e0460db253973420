#include "yaml_util.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <map>
#include <sstream>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant::detail {

Location location_of(const YAML::Node& node, const std::string& file) {
  YAML::Mark m = node.Mark();
  if (m.is_null()) return Location{file, 0, 0};
  return Location{file, m.line + 1, m.column + 1};
}

namespace {

/// Text the loaders may copy out of one document, aliases counted each time they are used: a large
/// scalar referenced by thousands of aliases would otherwise be copied thousands of times.
constexpr size_t kMaxYamlScalarBytes = 4 * kMaxYamlBytes;

/// A tag as written: `!!str` for the YAML core tags yaml-cpp expands, `!foo` as is, a verbatim one
/// as `!<…>`.
std::string tag_as_written(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  if (tag.rfind(core, 0) == 0) return "!!" + tag.substr(core.size());
  if (!tag.empty() && tag[0] == '!') return tag;
  return "!<" + tag + ">";
}

/// Walks the tree once, bounding depth, node count and scalar bytes, and refusing explicit tags
/// (`!!str false` would otherwise be read as the plain word, the tag ignored without a word). Aliases are followed as
/// references, so a "billion laughs" document is refused by the node count instead of hanging the loader.
void check_size(const YAML::Node& node, const std::string& file, int depth, size_t& count, size_t& bytes) {
  if (++count > kMaxYamlNodes)
    throw Error(
        location_of(node, file),
        fmt::format("document too large: more than {} nodes (aliases count each time they are used)", kMaxYamlNodes));
  if (depth > kMaxYamlDepth)
    throw Error(location_of(node, file), fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
  // yaml-cpp: "?" untagged, "!" quoted (or the bare `!`), "" null; anything else was written
  if (const std::string& tag = node.Tag(); !tag.empty() && tag != "?" && tag != "!")
    throw Error(location_of(node, file), fmt::format("YAML tags are not supported: {}", tag_as_written(tag)));
  if (node.IsMap()) {
    for (const auto& kv : node) {
      check_size(kv.first, file, depth + 1, count, bytes);
      check_size(kv.second, file, depth + 1, count, bytes);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_size(item, file, depth + 1, count, bytes);
  } else if (node.IsScalar()) {
    bytes += node.Scalar().size();
    if (bytes > kMaxYamlScalarBytes)
      throw Error(location_of(node, file),
                  fmt::format("document too large: more than {} bytes of values (aliases count each time they "
                              "are used)",
                              kMaxYamlScalarBytes));
  }
}

/// Refuses text that is not UTF-8 (a CP949 / EUC-KR file saved by Korean Excel or Notepad) at the
/// first bad byte, before its bytes reach the output (JSON cannot carry them).
void check_utf8(const std::string& text, const std::string& file) {
  int line = 1;
  int col = 1;
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0)
      throw Error(Location{file, line, col},
                  fmt::format("not valid UTF-8 (byte 0x{:02X}): save the file as UTF-8; files from Korean Excel "
                              "or Notepad are often CP949 (EUC-KR)",
                              static_cast<unsigned char>(text[i])));
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      col += static_cast<int>(n);
    }
    i += n;
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

/// Records where each document starts; the events themselves are not needed.
struct DocumentStarts : YAML::EventHandler {
  std::vector<YAML::Mark> marks;
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

/// yaml-cpp 0.7 ends a quoted scalar at the end of the file without complaint, so `name: "abc`
/// silently takes every following line into the name. Only the scalar that starts last can run
/// to the end like that: check that its closing quote is there.
void check_last_quote(const YAML::Mark& m, const std::string& text, const std::string& file) {
  if (m.is_null() || m.pos < 0) return;
  // yaml-cpp skips a UTF-8 byte order mark without counting it
  const size_t start = static_cast<size_t>(m.pos) + (text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  if (start >= text.size() || (text[start] != '"' && text[start] != '\'')) return;
  const char quote = text[start];
  for (size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\')
      ++i;
    else if (text[i] == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
      ++i;
    else if (text[i] == quote)
      return;
  }
  throw Error(Location{file, m.line + 1, m.column + 1},
              fmt::format("unterminated quoted value: the closing {} is missing", quote));
}

/// Where the scalar (key or value) that starts last in the text starts.
void find_last_scalar(const YAML::Node& node, YAML::Mark& last, int depth) {
  if (depth > kMaxYamlDepth) return;
  if (node.IsScalar()) {
    if (node.Mark().pos > last.pos) last = node.Mark();
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      find_last_scalar(kv.first, last, depth + 1);
      find_last_scalar(kv.second, last, depth + 1);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) find_last_scalar(item, last, depth + 1);
  }
}

}  // namespace

YAML::Node parse_document(const std::string& text, const std::string& file) {
  if (text.size() > kMaxYamlBytes)
    throw Error(Location{file, 0, 0},
                fmt::format("file too large: {} bytes, the limit is {} bytes", text.size(), kMaxYamlBytes));
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0)
    throw Error(Location{file, 0, 0}, "the file is UTF-16: save it as UTF-8");
  if (text.find('\0') != std::string::npos) throw Error(Location{file, 0, 0}, "not a text file: it contains NUL bytes");
  check_utf8(text, file);
  check_raw_nesting(text, file);
  YAML::Node root;
  int documents = 0;
  try {
    // Count the documents first, reading at most three: yaml-cpp 0.7 never gets past a stray `,`
    // outside brackets (`,` or `[a], m`), starting the same empty document again and again, which
    // made YAML::LoadAll loop until memory ran out.
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts starts;
    while (starts.marks.size() < 3 && parser.HandleNextDocument(starts)) {
      const auto& m = starts.marks;
      if (m.size() < 2 || m[m.size() - 1].pos != m[m.size() - 2].pos) continue;
      const size_t at = static_cast<size_t>(m.back().pos);
      throw Error(Location{file, m.back().line + 1, m.back().column + 1},
                  fmt::format("YAML syntax error: unexpected \"{}\"", at < text.size() ? text.substr(at, 1) : ""));
    }
    documents = static_cast<int>(starts.marks.size());
    if (documents == 1) root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {  // block nesting (`- - - …`) that check_raw_nesting cannot see
    throw Error(Location{file, e.mark.line + 1, e.mark.column + 1},
                fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
  } catch (const YAML::Exception& e) {
    Location at{file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    throw Error(at, fmt::format("YAML syntax error: {}", e.msg));
  }
  if (documents > 1)
    throw Error(Location{file, second_document_line(text), 1},
                "more than one YAML document in the file: expected exactly one");
  if (documents == 0 || root.IsNull()) throw Error(Location{file, 0, 0}, "empty document: expected a YAML map");
  size_t count = 0;
  size_t bytes = 0;
  check_size(root, file, 0, count, bytes);
  YAML::Mark last = YAML::Mark::null_mark();
  find_last_scalar(root, last, 0);
  check_last_quote(last, text, file);
  return root;
}

std::optional<YAML::Node> parse_or_report(const std::string& text, const std::string& file, Diagnostics& diags) {
  try {
    return parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return std::nullopt;
  }
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
      diags.error(here, fmt::format("duplicate key \"{}\" in {} (first given at {})", key, context, it->second.str()),
                  "duplicate-key");
    }
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known) {
      std::string message = fmt::format("unknown key \"{}\" in {}", key, context);
      if (auto near = closest(key, allowed))
        message += fmt::format("; did you mean \"{}\"?", *near);
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
    diags.error(location_of(node, file),
                fmt::format("{}: expected a single value, found {}", what, describe_kind(node)), "wrong-type");
    return false;
  }
  out = node.Scalar();
  return true;
}

}  // namespace sfgrant::detail
