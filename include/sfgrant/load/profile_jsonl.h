#pragma once
/// Company profiles from JSON Lines (SPEC §8): one object a line, the profile's YAML keys as JSON.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Builds a profile from one JSON Lines object (`line` and `file` for messages) into `profile`,
/// which the caller resets; returns an error message instead when it cannot.
std::optional<std::string> json_to_profile(const std::string& text, long line, const std::string& file,
                                           Profile& profile);

/// The same, also taking the top-level keys named in `keep` out of the object (batch --keep): their
/// values, in `keep`'s order, as JSON (`"김담당"`, `1234`, `null` when absent) into `kept_json` and as
/// text (`김담당`, `1234`, empty) into `kept_text`. A kept key that is no profile path is not read; one
/// that is, is read as well. Both are filled even when the row is then refused, once the line is a
/// JSON object.
std::optional<std::string> json_to_profile(const std::string& text, long line, const std::string& file,
                                           Profile& profile, const std::vector<std::string>& keep,
                                           std::vector<std::string>& kept_json, std::vector<std::string>& kept_text);

}  // namespace sfgrant
