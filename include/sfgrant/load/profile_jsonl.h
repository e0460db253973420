#pragma once
/// Company profiles from JSON Lines (SPEC §8): one object a line, the profile's YAML keys as JSON.
#include <optional>
#include <string>

#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Builds a profile from one JSON Lines object (`line` and `file` for messages) into `profile`,
/// which the caller resets; returns an error message instead when it cannot.
std::optional<std::string> json_to_profile(const std::string& text, long line, const std::string& file,
                                           Profile& profile);

}  // namespace sfgrant
