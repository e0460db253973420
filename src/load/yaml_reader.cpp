#include "yaml_reader.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "sfgrant/load/data_keys.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant::detail {

std::optional<Won> YamlReader::amount(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  try {
    const Won w = parse_amount(*s);
    if (w <= 0) {
      error(n, fmt::format("{}: must be more than 0, found \"{}\"", what, *s), "not-positive");
      return std::nullopt;
    }
    return w;
  } catch (const Error& e) {
    error(n, fmt::format("{}: {}", what, e.message()), "bad-amount");
    return std::nullopt;
  }
}

std::optional<Ratio> YamlReader::ratio(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  try {
    return parse_ratio(*s);
  } catch (const Error& e) {
    error(n, fmt::format("{}: {}", what, e.message()), "bad-ratio");
    return std::nullopt;
  }
}

std::optional<int> YamlReader::positive(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  const bool digits = !s->empty() && s->size() < 7 && std::all_of(s->begin(), s->end(), ::isdigit);
  const int v = digits ? std::stoi(*s) : 0;
  if (v <= 0) {
    error(n, fmt::format("{}: expected a whole number above 0, found \"{}\"", what, *s), "not-positive");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  error(n, fmt::format("{}: expected true or false, found \"{}\"", what, *s), "wrong-type");
  return std::nullopt;
}

std::optional<Date> YamlReader::date(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) error(n, fmt::format("{}: \"{}\" is not a date; expected YYYY-MM or YYYY-MM-DD", what, *s), "bad-date");
  return d;
}

std::optional<Rational> YamlReader::number(const YAML::Node& n, const std::string& what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  try {
    return Rational::parse(*s);
  } catch (const Error& e) {
    error(n, fmt::format("{}: {}", what, e.message()), "bad-number");
    return std::nullopt;
  }
}

std::string YamlReader::id(const YAML::Node& map, const std::string& context) {
  YAML::Node n = need(map, "id", context);
  if (!n) return {};
  auto s = scalar(n, context + ".id");
  if (!s) return {};
  const bool ok = !s->empty() && std::isalnum(static_cast<unsigned char>(s->front())) &&
                  std::all_of(s->begin(), s->end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                  });
  if (!ok)
    error(n, fmt::format("{}: id \"{}\" must be a word of letters, digits, - and _ (like aftercare-plan)", context, *s),
          "bad-id");
  return *s;
}

Text YamlReader::text(const YAML::Node& n, const std::string& what, bool both) {
  Text t;
  if (n.IsScalar()) {
    if (both) error(n, fmt::format("{}: expected {{ko: …, en: …}} with both languages", what), "missing-language");
    t.ko = n.Scalar();
    return t;
  }
  if (!keys(n, what, DataMap::text)) return t;
  if (n["ko"]) t.ko = scalar(n["ko"], what + ".ko").value_or("");
  if (n["en"]) t.en = scalar(n["en"], what + ".en").value_or("");
  if (both && (t.ko.empty() || t.en.empty()))
    error(n, fmt::format("{}: both ko and en are required", what), "missing-language");
  return t;
}

Text YamlReader::required_text(const YAML::Node& map, const char* key, const std::string& context) {
  YAML::Node n = need(map, key, context);
  return n ? text(n, context + "." + key, true) : Text{};
}

namespace {

/// The announcement files a source names: its first word, and every later word ending in ".txt".
std::vector<std::string> cited_files(const std::string& source) {
  std::vector<std::string> files{source.substr(0, source.find(' '))};
  for (size_t start = files.front().size() + 1; start < source.size();) {
    size_t end = source.find(' ', start);
    if (end == std::string::npos) end = source.size();
    std::string word = source.substr(start, end - start);
    while (!word.empty() && std::string_view(",;)]").find(word.back()) != std::string_view::npos) word.pop_back();
    if (word.size() > 4 && word.compare(word.size() - 4, 4, ".txt") == 0 &&
        std::find(files.begin(), files.end(), word) == files.end())
      files.push_back(word);
    start = end + 1;
  }
  return files;
}

}  // namespace

std::string YamlReader::source(const YAML::Node& map, const std::string& context, bool required) {
  YAML::Node n = map["source"];
  if (!n) {
    if (required)
      error(map, fmt::format("{}: \"source\" is required (the seed file and section it comes from)", context),
            "missing-source");
    return {};
  }
  auto s = scalar(n, context + ".source");
  if (!s) return {};
  const std::string year = citations_.year != 0 ? std::to_string(citations_.year) : "the year";
  const std::string cited = s->substr(0, s->find(' '));
  const auto& files = citations_.files;
  // the first word is the announcement; a later "… / 001_….txt 붙임1" cites another one, checked the same way
  for (const std::string& file : cited_files(*s)) {
    if (std::find(files.begin(), files.end(), file) == files.end()) {
      std::string message = fmt::format("{}: source \"{}\" does not cite an announcement of {}", context, *s, year);
      if (file != cited) message += fmt::format(" (\"{}\" is not listed)", file);
      if (auto near = closest(file, files))
        message += fmt::format("; did you mean \"{}\"?", *near);
      else if (!files.empty())
        message += fmt::format("; expected one of {} (common.yaml `announcements`)", fmt::join(files, ", "));
      error(n, message, "unknown-source");
      return *s;
    }
  }
  for (const std::string& file : cited_files(*s)) {
    if (auto stale = citations_.not_of_year.find(file); stale != citations_.not_of_year.end()) {
      error(n,
            fmt::format("{}: source \"{}\" cites {}, {}: check the clause against {}'s announcement and cite that",
                        context, *s, file, stale->second, year),
            "not-of-year");
      return *s;
    }
  }
  if (s->size() <= cited.size() + 1)
    warning(n, fmt::format("{}: source \"{}\" names no section", context, *s), "vague-source");
  return *s;
}

std::vector<Note> YamlReader::notes(const YAML::Node& n, const std::string& what, bool both) {
  std::vector<Note> out;
  if (!n.IsSequence()) {
    error(n, fmt::format("{}: expected a list of {{text, source}}, found {}", what, describe_kind(n)), "wrong-type");
    return out;
  }
  list(n, what, [&](const YAML::Node& item, const std::string& ctx) {
    if (!keys(item, ctx, DataMap::note)) return;
    Note note;
    if (auto t = need(item, "text", ctx)) note.text = text(t, ctx + ".text", both);
    note.source = source(item, ctx);
    if (const YAML::Node k = item["kind"]) {
      const auto kind = scalar(k, ctx + ".kind").value_or("");
      if (kind == "caveat")
        note.kind = NoteKind::caveat;
      else if (kind != "background" && !kind.empty())
        error(k,
              fmt::format("{}.kind: \"{}\" is not a kind of note; expected background (what the program is) or "
                          "caveat (it qualifies an answer)",
                          ctx, kind),
              "bad-value");
    }
    out.push_back(std::move(note));
  });
  return out;
}

}  // namespace sfgrant::detail
