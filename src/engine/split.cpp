#include "sfgrant/engine/split.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "sfgrant/model/error.h"

namespace sfgrant {

Won government_share(Won total, Ratio ratio, Won cap) {
  return std::min(cap, floor_to_1000(apply_ratio_floor(total, ratio)));
}

std::optional<Won> cap_for_levels(const Track& track, std::optional<int> level, std::optional<int> target) {
  if (track.cap_by_level.empty()) return track.cap;
  if (!level || !target) return std::nullopt;
  for (const LevelCap& row : track.cap_by_level)
    if (row.from == *level && row.to == *target) return row.cap;
  return std::nullopt;
}

namespace {

/// Smallest T with floor_to_1000(T × ratio) ≥ cap, i.e. T × ratio ≥ cap rounded up to 1,000.
std::optional<Won> smallest_total_reaching(Won cap, Ratio ratio) {
  if (ratio.basis_points == 0) return std::nullopt;
  const Won needed = cap % 1000 == 0 ? cap : checked_add(cap - cap % 1000, 1000);
  // in 64 bits when the numerator fits (the usual case): a 128-bit division is a library call
  if (Won n = 0;
      !__builtin_mul_overflow(needed, Ratio::kWhole, &n) && !__builtin_add_overflow(n, ratio.basis_points - 1, &n))
    return n / ratio.basis_points;
  __extension__ typedef __int128 Wide;
  const Wide t = (static_cast<Wide>(needed) * Ratio::kWhole + ratio.basis_points - 1) / ratio.basis_points;
  if (t > std::numeric_limits<Won>::max()) throw Error("amount overflow");
  return static_cast<Won>(t);
}

}  // namespace

std::optional<Won> full_support_cost(const Track& track, Won cap) {
  if (!track.ratio) return std::nullopt;
  if (track.years > 1 && track.cap_per_year) {
    // each year must reach its own cap, and together they must reach the whole cap
    const Won per_year_cap = std::min(*track.cap_per_year, cap);
    auto per_year = smallest_total_reaching(per_year_cap, *track.ratio);
    if (!per_year) return std::nullopt;
    // years whose yearly cap is not needed to reach the whole: ceil(cap / per_year_cap)
    const Won years_needed = std::min<Won>(track.years, (cap + per_year_cap - 1) / per_year_cap);
    Won total = checked_mul(*per_year, years_needed);
    return total;
  }
  return smallest_total_reaching(cap, *track.ratio);
}

namespace {

/// Each year's share of `costs` under the yearly cap, with what is left of the whole cap.
std::vector<YearShare> share_years(const Track& track, Won cap, const std::vector<Won>& costs) {
  std::vector<YearShare> years;
  Won remaining_cap = cap;
  for (size_t i = 0; i < costs.size(); ++i) {
    YearShare y;
    y.year = static_cast<int>(i) + 1;
    y.total = costs[i];
    y.government = std::min(remaining_cap, government_share(costs[i], *track.ratio, *track.cap_per_year));
    y.private_share = y.total - y.government;
    remaining_cap -= y.government;
    years.push_back(y);
  }
  return years;
}

Won government_of(const std::vector<YearShare>& years) {
  Won sum = 0;
  for (const YearShare& y : years) sum = checked_add(sum, y.government);
  return sum;
}

/// The total spread evenly over the years in whole units of cost whose share is a whole number
/// of 1,000 won (2,000 won at 50%), the rest in the last year: flooring each year to 1,000 won
/// then loses nothing that flooring the whole would not (a 4억원 3-year track at 50% gets 2억원,
/// not 1억 9,999만 8,000원).
std::vector<Won> even_years(const Track& track, Won total) {
  constexpr Won kThousandWhole = 1000 * Ratio::kWhole;
  const Won unit = kThousandWhole / std::gcd(track.ratio->basis_points, kThousandWhole);
  const Won units = total / unit;
  const auto n = static_cast<Won>(track.years);
  std::vector<Won> costs(static_cast<size_t>(track.years));
  for (Won i = 0; i < n; ++i) costs[static_cast<size_t>(i)] = (units / n + (i < units % n ? 1 : 0)) * unit;
  costs.back() = checked_add(costs.back(), total - units * unit);
  return costs;
}

/// Each year filled in turn to the cost that reaches its yearly cap, the rest in the last year:
/// near the whole cap, an even spread can leave one year just under its cap.
std::vector<Won> filled_years(const Track& track, Won cap, Won total) {
  std::vector<Won> costs(static_cast<size_t>(track.years), 0);
  const std::optional<Won> per_year = smallest_total_reaching(std::min(*track.cap_per_year, cap), *track.ratio);
  Won left = total;
  for (size_t i = 0; i + 1 < costs.size() && per_year; ++i) {
    costs[i] = std::min(left, *per_year);
    left -= costs[i];
  }
  costs.back() = left;
  return costs;
}

/// The split, or the problem that stops it; amounts beyond int64 throw Error from money.h.
std::optional<Split> split_or_problem(const Track& track, Won cap, Won total, const std::vector<Won>& yearly,
                                      SplitProblem& problem) {
  using Code = SplitProblem::Code;
  if (!track.ratio) {
    problem.code = Code::no_ratio;
    return std::nullopt;
  }
  if (total < 0) {
    problem.code = Code::negative_total;
    return std::nullopt;
  }
  Split s;
  s.total = total;
  if (track.years > 1 && track.cap_per_year) {
    if (static_cast<int>(yearly.size()) > track.years) {
      problem.code = Code::too_many_years;
      problem.given = static_cast<std::int64_t>(yearly.size());
      problem.years = track.years;
      return std::nullopt;
    }
    if (yearly.empty()) {
      // Years the company did not give: of the two spreads, the one that loses no won to flooring
      // (evenly in whole units, or each year filled to its cap in turn); the evenly spread one on a tie.
      std::vector<YearShare> even = share_years(track, cap, even_years(track, total));
      std::vector<YearShare> filled = share_years(track, cap, filled_years(track, cap, total));
      s.years = government_of(filled) > government_of(even) ? std::move(filled) : std::move(even);
    } else {
      s.years = share_years(track, cap, yearly);
      Won sum = 0;
      for (const Won c : yearly) sum = checked_add(sum, c);
      if (sum != total) {
        problem.code = Code::years_do_not_add_up;
        problem.sum = sum;
        problem.total = total;
        return std::nullopt;
      }
    }
    s.government = government_of(s.years);
  } else {
    s.government = government_share(total, *track.ratio, cap);
  }
  s.private_share = total - s.government;
  s.company = s.private_share;
  if (track.three_party() && track.large_company_min && track.company_max) {
    // SPEC §5: company = min(total × company_max, total − government − total × large_min)
    const Won large_min = apply_ratio_ceil(total, *track.large_company_min);
    const Won company_max = apply_ratio_floor(total, *track.company_max);
    s.company = std::max<Won>(0, std::min(company_max, s.private_share - large_min));
    s.large_company = s.private_share - s.company;
  }
  if (track.in_kind_max) s.private_in_kind_max = apply_ratio_floor(s.private_share, *track.in_kind_max);
  if (track.company_cash_min) s.company_cash_min = apply_ratio_ceil(s.company, *track.company_cash_min);
  if (track.large_company_in_kind_max && s.large_company)
    s.large_company_in_kind_max = apply_ratio_floor(*s.large_company, track.large_company_in_kind_max->share);
  if (track.company_own_staff_max)
    s.company_own_staff_max = apply_ratio_floor(s.company, track.company_own_staff_max->share);
  if (track.supplier_private_min)
    s.supplier_private_min = apply_ratio_ceil(s.private_share, track.supplier_private_min->share);
  if (track.local_government_max)
    s.local_government_max = std::min(s.private_share, apply_ratio_floor(total, track.local_government_max->share));
  return s;
}

}  // namespace

std::optional<Split> split_cost(const Track& track, Won cap, Won total, const std::vector<Won>& yearly,
                                SplitProblem& problem) {
  problem = SplitProblem{};
  try {
    return split_or_problem(track, cap, total, yearly, problem);
  } catch (const Error&) {  // checked arithmetic: an amount beyond int64 won
    problem = SplitProblem{};
    problem.code = SplitProblem::Code::overflow;
    return std::nullopt;
  }
}

std::string_view split_basis_name(SplitBasis basis) {
  switch (basis) {
    case SplitBasis::plan:
      return "plan";
    case SplitBasis::program:
      return "program";
    case SplitBasis::cap:
      return "cap";
  }
  return "plan";
}

std::string_view split_problem_id(SplitProblem::Code code) {
  using Code = SplitProblem::Code;
  switch (code) {
    case Code::none:
      return "none";
    case Code::levels_unknown:
      return "levels_unknown";
    case Code::no_level_row:
      return "no_level_row";
    case Code::no_ratio:
      return "no_ratio";
    case Code::negative_total:
      return "negative_total";
    case Code::too_many_years:
      return "too_many_years";
    case Code::years_do_not_add_up:
      return "years_do_not_add_up";
    case Code::overflow:
      return "overflow";
  }
  return "none";
}

SplitError::SplitError(const Track& track, const SplitProblem& problem)
    : Error(fmt::format("cannot split the cost of track {}: {}", track.id, split_problem_id(problem.code))),
      problem_(problem) {}

Split compute_split(const Track& track, Won cap, Won total, const std::vector<Won>& yearly) {
  SplitProblem problem;
  auto s = split_cost(track, cap, total, yearly, problem);
  if (!s) throw SplitError(track, problem);
  return *s;
}

}  // namespace sfgrant
