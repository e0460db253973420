#pragma once
/// A cap on the group the company is one member of (Track::group_cap): a consortium's or a supplier's.
#include <optional>

#include "sfgrant/engine/split.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

/// The group's cap as it applies to the company, from the facts the profile gives
/// (consortium.members, consortium.total_cost, consortium.others_government, supplier.others_government).
/// `track_cap` is the track's cap for this company (after the level table). Nothing when the track
/// has no group cap.
std::optional<GroupShare> group_share(const Track& track, const Profile& profile, Won track_cap);

}  // namespace sfgrant
