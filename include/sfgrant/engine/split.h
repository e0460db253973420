#pragma once
/// The government / private cost split of a track (SPEC §5): exact, floored to 1,000 won,
/// capped per year and in whole, with three-party shares and cash / in-kind limits.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sfgrant/model/error.h"
#include "sfgrant/model/money.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct YearShare {
  int year = 0;  ///< 1-based project year
  Won total = 0;
  Won government = 0;
  Won private_share = 0;
};

/// The cost a split was made at (SPEC §7 `basis`): the build budget the company gave
/// (`plan.total_cost`, `--cost`), the cost it gave for this program or track (`plan.costs`), or, for a
/// track whose cost is its own and was not given, the cost that reaches the cap.
enum class SplitBasis { plan, program, cap };

/// The cap of the group the company is a member of (Track::group_cap) as it applies to this company:
/// the group's cap (as a sum, or the track's cap × consortium.members, and at most its share of
/// consortium.total_cost), what the other members take, and what is left for this company.
struct GroupShare {
  std::optional<Won> limit;      ///< nothing when consortium.members is needed and not given
  std::optional<Won> others;     ///< consortium.others_government or supplier.others_government, when given
  std::optional<Won> remaining;  ///< max(0, limit − others), when both are known
  bool lowered = false;          ///< the company's government share was lowered to `remaining`
  /// Without `others` but with consortium.members: the group's limit shared equally among the members
  /// (floored to 1,000 won), when that is below the company's own cap — a bound to quote, not a split.
  std::optional<Won> equal_share;
};

struct Split {
  SplitBasis basis = SplitBasis::plan;
  Won total = 0;
  Won government = 0;
  Won private_share = 0;  ///< total − government
  Won company = 0;        ///< what the applicant pays (private minus the large company's share)
  std::optional<Won> large_company;
  std::optional<Won> local_government;
  std::optional<Won> private_in_kind_max;
  std::optional<Won> company_cash_min;
  // limits on one party's contribution (Track's PartyLimit), where the track has them
  std::optional<Won> large_company_in_kind_max;  ///< floor(large_company × share)
  std::optional<Won> company_own_staff_max;      ///< floor(company × share)
  std::optional<Won> supplier_private_min;       ///< ceil(private × share)
  std::optional<Won> local_government_max;       ///< floor(total × share); the company pays that much less at most
  std::vector<YearShare> years;                  ///< multi-year tracks only
  std::optional<GroupShare> group;               ///< tracks with a group_cap only
};

/// Why a track's cost cannot be split: a code and the values that explain it. The renderer words
/// it (render/words.h); `empty()` when there is no problem.
struct SplitProblem {
  enum class Code {
    none,
    levels_unknown,       ///< a level-dependent cap, and the levels are not given
    no_level_row,         ///< the cap table has no row for the company's current → target pair
    no_ratio,             ///< the track has no government ratio
    negative_total,       ///< the total cost is below zero
    too_many_years,       ///< more yearly costs than the track's years
    years_do_not_add_up,  ///< the yearly costs do not add up to the total
    overflow,             ///< an amount beyond int64 won
  };
  Code code = Code::none;
  std::int64_t given = 0;  ///< too_many_years: the yearly costs given
  int years = 0;           ///< too_many_years: the track's years
  Won sum = 0;             ///< years_do_not_add_up: the yearly costs' sum
  Won total = 0;           ///< years_do_not_add_up: the total

  bool empty() const { return code == Code::none; }
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
/// multi-year track; otherwise the total is spread over the years without losing a won to flooring
/// each year (evenly in whole units of cost, or year by year up to the yearly cap). Nothing,
/// and `problem` set, when the inputs cannot be split.
std::optional<Split> split_cost(const Track& track, Won cap, Won total, const std::vector<Won>& yearly,
                                SplitProblem& problem);

/// The basis as JSON names it (SPEC §7 `split.basis`): `plan`, `program` or `cap`.
std::string_view split_basis_name(SplitBasis basis);

/// The problem's id as JSON and tests name it: `too_many_years`.
std::string_view split_problem_id(SplitProblem::Code code);

/// An Error carrying the problem: what compute_split throws.
class SplitError : public Error {
 public:
  SplitError(const Track& track, const SplitProblem& problem);
  const SplitProblem& problem() const { return problem_; }

 private:
  SplitProblem problem_;
};

/// split_cost for callers that want an exception: throws SplitError when the inputs cannot be split.
Split compute_split(const Track& track, Won cap, Won total, const std::vector<Won>& yearly = {});

}  // namespace sfgrant
