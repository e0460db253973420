#pragma once
/// The government / private cost split of a track (SPEC §5): exact, floored to 1,000 won,
/// capped per year and in whole, with three-party shares and cash / in-kind limits.
#include <optional>
#include <vector>

#include "sfgrant/model/money.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct YearShare {
  int year = 0;  ///< 1-based project year
  Won total = 0;
  Won government = 0;
  Won private_share = 0;
};

struct Split {
  Won total = 0;
  Won government = 0;
  Won private_share = 0;  ///< total − government
  Won company = 0;        ///< what the applicant pays (private minus the large company's share)
  std::optional<Won> large_company;
  std::optional<Won> local_government;
  std::optional<Won> private_in_kind_max;
  std::optional<Won> company_cash_min;
  std::vector<YearShare> years;  ///< multi-year tracks only
};

/// `min(cap, floor_to_1000(total × ratio))` (천원 미만 절사).
Won government_share(Won total, Ratio ratio, Won cap);

/// The cap for a track given the company's current and target levels (index into
/// level_vocabulary()): the table row for level-dependent tracks, else the plain cap.
/// Nothing when the track needs levels that are unknown or has no row for the pair.
std::optional<Won> cap_for_levels(const Track& track, std::optional<int> level, std::optional<int> target);

/// The smallest total at which the government share reaches `cap` (e.g. 2억 at 50% → 4억).
/// For multi-year tracks, spread evenly over the years.
std::optional<Won> full_support_cost(const Track& track, Won cap);

/// Splits `total` for `track` with `cap`. `yearly` (optional) gives each year's cost of a
/// multi-year track; otherwise the total is spread evenly (remainder in the last year).
/// Throws Error on overflow or when yearly costs don't match the track's years.
Split compute_split(const Track& track, Won cap, Won total, const std::vector<Won>& yearly = {});

}  // namespace sfgrant
