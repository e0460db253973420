#pragma once
/// Reads a company profile from YAML (SPEC §3), strictly: unknown and duplicate keys, wrong enum
/// words and bad amounts are errors with file:line:col.
#include <string>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Parses `text` (named `file` in messages). Every problem goes to `diags`; the returned profile
/// holds what could be read.
Profile load_profile(const std::string& text, const std::string& file, Diagnostics& diags);

/// Same, throwing the first error (with a count of the others).
Profile load_profile(const std::string& text, const std::string& file);

/// Cross-field checks shared by every input format (plan total vs yearly costs, `name` present).
void check_profile(const Profile& profile, const Location& where, Diagnostics& diags);

}  // namespace sfgrant
