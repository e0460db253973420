#pragma once
/// The part of reading a YAML file into the model that every loader shares: locations, errors and
/// warnings that carry on after each problem, strict keys, scalars and required keys.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yaml_util.h"

namespace sfgrant::detail {

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
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

 protected:
  std::string file_;
  Diagnostics& diags_;
};

}  // namespace sfgrant::detail
