#pragma once
/// Strict YAML reading shared by the loaders: locations, unknown and duplicate keys, scalars.
/// yaml-cpp stays behind this file and the loaders; the model knows nothing of it.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/error.h"

namespace sfgrant::detail {

/// Limits that keep a hostile file from exhausting memory or time (README "Input limits").
constexpr size_t kMaxYamlBytes = 4 * 1024 * 1024;
constexpr int kMaxYamlDepth = 64;
constexpr size_t kMaxYamlNodes = 200000;

/// Parses one YAML document. Throws Error with file:line:col on a syntax error, an empty or
/// multi-document file, a file over the size limit, or nesting/node counts over the limits.
YAML::Node parse_document(const std::string& text, const std::string& file);

/// parse_document, with the problem reported to `diags` instead of thrown: nothing then.
std::optional<YAML::Node> parse_or_report(const std::string& text, const std::string& file, Diagnostics& diags);

/// yaml-cpp marks are 0-based; ours are 1-based.
Location location_of(const YAML::Node& node, const std::string& file);

/// Reports keys not in `allowed` (with "did you mean") and keys given twice (both places),
/// which yaml-cpp would otherwise accept silently. Returns false when `node` is not a map.
bool check_map(const YAML::Node& node, const std::string& file, const std::string& context,
               const std::vector<std::string>& allowed, Diagnostics& diags);

/// The scalar's text, or an error when the node is a map or a list.
bool read_scalar(const YAML::Node& node, const std::string& file, const std::string& what, std::string& out,
                 Diagnostics& diags);

std::string describe_kind(const YAML::Node& node);

}  // namespace sfgrant::detail
