#pragma once
/// What every loader of program data shares when it reads a YAML tree into the model: locations,
/// errors and warnings that carry on after each problem, strict keys, and the values the data
/// format uses everywhere (amounts, ratios, dates, bilingual text, citations, notes). The same
/// mistake gets the same message in a program file, a rubric or a sheet.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sfgrant/load/citations.h"
#include "sfgrant/load/data_keys.h"
#include "sfgrant/model/date.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/money.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/rational.h"
#include "yaml_util.h"

namespace sfgrant::detail {

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& diags, Citations citations = {})
      : file_(std::move(file)), diags_(diags), citations_(std::move(citations)) {}

  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diags_; }
  Location at(const YAML::Node& n) const { return location_of(n, file_); }
  void error(const YAML::Node& n, std::string message, std::string code = "invalid") {
    diags_.error(at(n), std::move(message), std::move(code));
  }
  void warning(const YAML::Node& n, std::string message, std::string code) {
    diags_.warning(at(n), std::move(message), std::move(code));
  }

  /// Unknown keys (with "did you mean") and duplicate keys; false when `n` is not a map.
  bool keys(const YAML::Node& n, const std::string& context, const std::vector<std::string>& allowed) {
    return check_map(n, file_, context, allowed, diags_);
  }
  bool keys(const YAML::Node& n, const std::string& context, DataMap map) {
    return check_map(n, file_, context, data_key_names(map), diags_);
  }

  std::optional<std::string> scalar(const YAML::Node& n, const std::string& what) {
    std::string s;
    if (!read_scalar(n, file_, what, s, diags_)) return std::nullopt;
    return s;
  }

  /// A required key of a map; reports it when missing.
  YAML::Node need(const YAML::Node& map, const char* key, const std::string& context) {
    YAML::Node n = map[key];
    if (!n) error(map, fmt::format("{}: \"{}\" is required", context, key), "missing-key");
    return n;
  }

  /// Calls `each(item, "what[k]")` for every item of a list; reports anything else.
  template <typename F>
  void list(const YAML::Node& n, const std::string& what, F each) {
    if (!n.IsSequence()) {
      error(n, fmt::format("{}: expected a list, found {}", what, describe_kind(n)), "wrong-type");
      return;
    }
    for (size_t k = 0; k < n.size(); ++k) each(n[k], fmt::format("{}[{}]", what, k + 1));
  }

  std::optional<Won> amount(const YAML::Node& n, const std::string& what);  ///< more than 0
  std::optional<Ratio> ratio(const YAML::Node& n, const std::string& what);
  std::optional<int> positive(const YAML::Node& n, const std::string& what);
  std::optional<bool> boolean(const YAML::Node& n, const std::string& what);
  std::optional<Date> date(const YAML::Node& n, const std::string& what);
  std::optional<Rational> number(const YAML::Node& n, const std::string& what);

  /// The required `id` of a map: a word of letters, digits, - and _.
  std::string id(const YAML::Node& map, const std::string& context);

  /// `{ko: …, en: …}`; with `both`, both languages are required, else a plain scalar is Korean text.
  Text text(const YAML::Node& n, const std::string& what, bool both);
  /// A required key holding text in both languages.
  Text required_text(const YAML::Node& map, const char* key, const std::string& context);

  /// The map's `source`: it must cite one of the year's announcements (`file §section`), and should
  /// name a section. Reports it when missing and `required`.
  std::string source(const YAML::Node& map, const std::string& context, bool required = true);

  /// A list of `{text, source}`; with `both`, each text in both languages.
  std::vector<Note> notes(const YAML::Node& n, const std::string& what, bool both);

 protected:
  std::string file_;
  Diagnostics& diags_;
  Citations citations_;
};

}  // namespace sfgrant::detail
