#pragma once
/// Writes a profile back as SPEC §3 YAML (what `interview` saves), the inverse of load/profile_loader.h.
#include <string>

#include "sfgrant/model/profile.h"

namespace sfgrant {

/// The profile as YAML that `load_profile` reads back: the facts the user gave, not the derived ones.
std::string profile_yaml(const Profile& profile);

}  // namespace sfgrant
