// 컨소시엄당 · 공급기업당 한도: what the group the company belongs to has left for it.
#include "sfgrant/engine/group_cap.h"

#include <algorithm>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/money.h"

namespace sfgrant {

std::optional<GroupShare> group_share(const Track& track, const Profile& profile, Won track_cap) {
  if (!track.group_cap) return std::nullopt;
  static const FactDef& members = fact("consortium.members");
  static const FactDef& group_total = fact("consortium.total_cost");
  static const FactDef& consortium_others = fact("consortium.others_government");
  static const FactDef& supplier_others = fact("supplier.others_government");
  const GroupCap& cap = *track.group_cap;
  GroupShare g;
  if (cap.cap)
    g.limit = *cap.cap;
  else if (profile.has(members))
    g.limit = checked_mul(track_cap, std::max<std::int64_t>(0, profile.get(members).number));
  if (g.limit && cap.share && profile.has(group_total))
    g.limit = government_share(std::max<Won>(0, profile.get(group_total).number), *cap.share, *g.limit);
  const FactDef& others = cap.per == GroupCap::Per::supplier ? supplier_others : consortium_others;
  if (profile.has(others)) g.others = std::max<Won>(0, profile.get(others).number);
  if (g.limit && g.others) g.remaining = std::max<Won>(0, *g.limit - *g.others);
  if (g.limit && !g.others && profile.has(members) && profile.get(members).number > 0) {
    const Won equal = floor_to_1000(*g.limit / profile.get(members).number);
    if (equal < track_cap) g.equal_share = equal;
  }
  return g;
}

}  // namespace sfgrant
