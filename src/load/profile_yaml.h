#pragma once
/// Reading a profile from an already parsed YAML node (a test case's inline profile).
#include <yaml-cpp/yaml.h>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/profile.h"

namespace sfgrant::detail {

Profile read_profile_node(const YAML::Node& root, const std::string& file, Diagnostics& diags);

}  // namespace sfgrant::detail
