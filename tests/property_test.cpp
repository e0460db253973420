// Properties of the money path (SPEC §5) on thousands of random tracks and totals. The generator
// is seeded with a constant, so a failure repeats; INFO prints the case that broke.
//
// The expected values are not taken from sfgrant: each property restates a rule of the
// announcements in plain int64 arithmetic (totals stay below 10^14, so total × 10,000 fits).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sfgrant/engine/split.h"
#include "sfgrant/model/money.h"

using sfgrant::Ratio;
using sfgrant::Split;
using sfgrant::Track;
using sfgrant::Won;

namespace {

constexpr std::uint64_t kSeed = 0x5F9A1B7A2026ULL;  // fixed: failures must repeat
constexpr int kCases = 4000;
constexpr Won kEok = 100'000'000;
constexpr Won kMan = 10'000;
constexpr Won kMaxTotal = 10'000'000'000'000;  // 10조원: total × 10,000 stays well inside int64

Won uniform(std::mt19937_64& rng, Won lo, Won hi) { return std::uniform_int_distribution<Won>(lo, hi)(rng); }

/// A ratio in basis points, half of the time one the announcements use.
Ratio random_ratio(std::mt19937_64& rng, Won lo = 1) {
  static const Won kCommon[] = {3000, 5000, 6000, 7000, 7500, 8000, 10000};
  if (uniform(rng, 0, 1) == 0) return Ratio{kCommon[uniform(rng, 0, 6)]};
  return Ratio{uniform(rng, lo, Ratio::kWhole)};
}

/// A cap: mostly whole 만원 amounts as announced (238만원 … 30억원), sometimes any won.
Won random_cap(std::mt19937_64& rng) {
  if (uniform(rng, 0, 4) == 0) return uniform(rng, 1, 50 * kEok);
  return uniform(rng, 1, 300'000) * kMan;
}

/// A total: spread over magnitudes (천원 … 10조원) so that small and capped totals both occur.
Won random_total(std::mt19937_64& rng) {
  const Won magnitude = Won{1} << uniform(rng, 0, 43);
  return std::min(kMaxTotal, uniform(rng, 0, magnitude));
}

Track simple_track(Won cap, Ratio ratio) {
  Track t;
  t.id = "random";
  t.cap = cap;
  t.ratio = ratio;
  return t;
}

/// floor(total × ratio) in exact integers.
Won ratio_floor(Won total, Ratio r) { return total * r.basis_points / Ratio::kWhole; }
/// ceil(total × ratio) in exact integers.
Won ratio_ceil(Won total, Ratio r) { return (total * r.basis_points + Ratio::kWhole - 1) / Ratio::kWhole; }

std::string describe(const Track& t, Won total) {
  std::string s = "cap " + std::to_string(t.cap.value_or(-1)) + ", ratio " +
                  std::to_string(t.ratio ? t.ratio->basis_points : -1) + " bp, total " + std::to_string(total);
  if (t.years > 1) s += ", years " + std::to_string(t.years) + ", cap per year " + std::to_string(*t.cap_per_year);
  if (t.large_company_min)
    s += ", large min " + std::to_string(t.large_company_min->basis_points) + " bp, company max " +
         std::to_string(t.company_max->basis_points) + " bp";
  return s;
}

}  // namespace

TEST_CASE("government and private shares add up to the total on random tracks", "[property][split]") {
  std::mt19937_64 rng(kSeed);
  for (int i = 0; i < kCases; ++i) {
    const Track t = simple_track(random_cap(rng), random_ratio(rng));
    const Won total = random_total(rng);
    INFO(describe(t, total));
    const Split s = sfgrant::compute_split(t, *t.cap, total);
    REQUIRE(s.total == total);
    REQUIRE(s.government + s.private_share == total);
    REQUIRE(s.company == s.private_share);  // two-party: the applicant pays the whole private share
    REQUIRE_FALSE(s.large_company);
    REQUIRE(s.government >= 0);
    REQUIRE(s.private_share >= 0);
  }
}

TEST_CASE("the government share is within the cap and the ratio, in whole thousands of won", "[property][split]") {
  std::mt19937_64 rng(kSeed + 1);
  for (int i = 0; i < kCases; ++i) {
    const Track t = simple_track(random_cap(rng), random_ratio(rng));
    const Won total = random_total(rng);
    INFO(describe(t, total));
    const Won g = sfgrant::compute_split(t, *t.cap, total).government;
    REQUIRE(g <= *t.cap);
    REQUIRE(g <= ratio_floor(total, *t.ratio));
    // 천원 미만 절사: only a cap that is not itself in thousands can leave hundreds of won
    if (g != *t.cap || *t.cap % 1000 == 0) REQUIRE(g % 1000 == 0);
    // and nothing is lost beyond the rounding: less than 1,000 won below the ratio, or the cap
    REQUIRE((g == *t.cap || ratio_floor(total, *t.ratio) - g < 1000));
  }
}

TEST_CASE("the government share never decreases as the total grows", "[property][split]") {
  std::mt19937_64 rng(kSeed + 2);
  for (int i = 0; i < kCases / 4; ++i) {
    const Track t = simple_track(random_cap(rng), random_ratio(rng));
    std::vector<Won> totals;
    for (int k = 0; k < 20; ++k) totals.push_back(random_total(rng));
    const Won base = random_total(rng);
    for (Won d = 0; d < 5; ++d) totals.push_back(std::min(kMaxTotal, base + d));  // neighbours too
    std::sort(totals.begin(), totals.end());
    Won previous = -1;
    for (Won total : totals) {
      INFO(describe(t, total));
      const Won g = sfgrant::government_share(total, *t.ratio, *t.cap);
      REQUIRE(g >= previous);
      previous = g;
    }
  }
}

TEST_CASE("full support cost is the smallest total whose government share reaches the cap",
          "[property][full-support]") {
  std::mt19937_64 rng(kSeed + 3);
  for (int i = 0; i < kCases; ++i) {
    const Track t = simple_track(random_cap(rng), random_ratio(rng));
    const auto fsc = sfgrant::full_support_cost(t, *t.cap);
    INFO(describe(t, fsc.value_or(-1)));
    REQUIRE(fsc);
    REQUIRE(sfgrant::compute_split(t, *t.cap, *fsc).government == *t.cap);
    REQUIRE(*fsc >= 1);
    REQUIRE(sfgrant::compute_split(t, *t.cap, *fsc - 1).government < *t.cap);
  }
  SECTION("a track with a 0% ratio never reaches its cap") {
    CHECK_FALSE(sfgrant::full_support_cost(simple_track(2 * kEok, Ratio{0}), 2 * kEok));
  }
}

TEST_CASE("three-party shares stay within the large company's minimum and the company's maximum",
          "[property][three-party]") {
  std::mt19937_64 rng(kSeed + 4);
  for (int i = 0; i < kCases; ++i) {
    Track t = simple_track(random_cap(rng), random_ratio(rng));
    // 상생형: the large company pays at least large_min, the applicant at most company_max; the
    // announcements' shares add up to 100% (30/30/40, 50/50/0), random ones may not
    const Won large_min = uniform(rng, 0, Ratio::kWhole - t.ratio->basis_points);
    const Won company_max =
        uniform(rng, 0, 1) == 0 ? Ratio::kWhole - t.ratio->basis_points - large_min : uniform(rng, 0, Ratio::kWhole);
    t.large_company_min = Ratio{large_min};
    t.company_max = Ratio{company_max};
    const Won total = random_total(rng);
    INFO(describe(t, total));
    const Split s = sfgrant::compute_split(t, *t.cap, total);
    REQUIRE(s.large_company);
    const Won large = *s.large_company;
    REQUIRE(s.government + s.private_share == total);
    REQUIRE(s.company + large == s.private_share);
    REQUIRE(s.company >= 0);
    REQUIRE(large >= 0);
    REQUIRE(s.company <= ratio_floor(total, *t.company_max));
    // the large company's minimum holds whenever the private share leaves room for it
    if (s.private_share >= ratio_ceil(total, *t.large_company_min))
      REQUIRE(large >= ratio_ceil(total, *t.large_company_min));
    else
      REQUIRE(s.company == 0);
  }
}

TEST_CASE("limits on one party's contribution stay within that party's share", "[property][party-limits]") {
  // issue #14: 주관기관 현물출자 ≤ its own contribution × 20%; 공급기업 컨소시엄 ≥ 자부담 × 70%; 사업관리 인력
  // 인건비 ≤ 기업 부담금 × 20%; 지자체 매칭 ≤ 총사업비 × 30%, never more than the private share it relieves
  std::mt19937_64 rng(kSeed + 9);
  for (int i = 0; i < kCases; ++i) {
    Track t = simple_track(random_cap(rng), random_ratio(rng));
    const Won large_min = uniform(rng, 0, Ratio::kWhole - t.ratio->basis_points);
    t.large_company_min = Ratio{large_min};
    t.company_max = Ratio{Ratio::kWhole - t.ratio->basis_points - large_min};
    const Ratio in_kind{uniform(rng, 0, Ratio::kWhole)}, own_staff{uniform(rng, 0, Ratio::kWhole)},
        supplier{uniform(rng, 0, Ratio::kWhole)}, local{uniform(rng, 0, Ratio::kWhole)};
    t.large_company_in_kind_max = sfgrant::PartyLimit{in_kind, "test"};
    t.company_own_staff_max = sfgrant::PartyLimit{own_staff, "test"};
    t.supplier_private_min = sfgrant::PartyLimit{supplier, "test"};
    t.local_government_max = sfgrant::PartyLimit{local, "test"};
    const Won total = random_total(rng);
    INFO(describe(t, total) << " in-kind " << in_kind.basis_points << " own staff " << own_staff.basis_points
                            << " supplier " << supplier.basis_points << " local " << local.basis_points);
    const Split s = sfgrant::compute_split(t, *t.cap, total);
    REQUIRE(s.large_company);
    REQUIRE(s.government + s.company + *s.large_company == total);  // every party: the whole, no won more
    REQUIRE(s.government <= *t.cap);
    REQUIRE(s.large_company_in_kind_max);
    CHECK(*s.large_company_in_kind_max == ratio_floor(*s.large_company, in_kind));
    CHECK(*s.large_company_in_kind_max <= *s.large_company);
    REQUIRE(s.company_own_staff_max);
    CHECK(*s.company_own_staff_max == ratio_floor(s.company, own_staff));
    CHECK(*s.company_own_staff_max <= s.company);
    REQUIRE(s.supplier_private_min);
    CHECK(*s.supplier_private_min == ratio_ceil(s.private_share, supplier));
    CHECK(*s.supplier_private_min <= s.private_share);
    REQUIRE(s.local_government_max);
    CHECK(*s.local_government_max == std::min(s.private_share, ratio_floor(total, local)));
    CHECK(s.government + *s.local_government_max <= total);
  }
}

TEST_CASE("multi-year tracks cap each year and the whole", "[property][multi-year]") {
  std::mt19937_64 rng(kSeed + 5);
  for (int i = 0; i < kCases; ++i) {
    Track t = simple_track(0, random_ratio(rng));
    t.years = static_cast<int>(uniform(rng, 2, 4));
    t.cap_per_year = uniform(rng, 1, 50'000) * kMan;
    // the announcements set the whole cap to years × yearly cap (6억 = 2 × 3억); try smaller ones
    // too, in whole thousands of won like every announced cap
    const Won most = *t.cap_per_year * t.years;
    t.cap = uniform(rng, 0, 1) == 0 ? most : uniform(rng, 1, most / 1000) * 1000;
    std::vector<Won> yearly;
    const bool given = uniform(rng, 0, 1) == 0;
    Won total = 0;
    if (given) {
      const auto n = uniform(rng, 1, t.years);
      for (Won k = 0; k < n; ++k) {
        yearly.push_back(random_total(rng) / 4);
        total += yearly.back();
      }
    } else {
      total = random_total(rng);
    }
    INFO(describe(t, total) << (given ? ", yearly costs given" : ", spread evenly"));
    const Split s = sfgrant::compute_split(t, *t.cap, total, yearly);
    REQUIRE(s.government + s.private_share == total);
    REQUIRE(s.government <= *t.cap);
    REQUIRE(!s.years.empty());
    REQUIRE(static_cast<int>(s.years.size()) <= t.years);
    Won sum_total = 0;
    Won sum_government = 0;
    for (const auto& y : s.years) {
      INFO("year " << y.year << ": total " << y.total << ", government " << y.government);
      REQUIRE(y.government <= *t.cap_per_year);
      REQUIRE(y.government <= ratio_floor(y.total, *t.ratio));
      REQUIRE(y.government % 1000 == 0);
      REQUIRE(y.government >= 0);
      REQUIRE(y.government + y.private_share == y.total);
      sum_total += y.total;
      sum_government += y.government;
    }
    REQUIRE(sum_total == total);
    REQUIRE(sum_government == s.government);
    if (given)
      for (size_t k = 0; k < yearly.size(); ++k) REQUIRE(s.years[k].total == yearly[k]);
  }
}

TEST_CASE("years the company did not give lose no won to flooring each year", "[property][multi-year]") {
  // issue #14: the 2021 등대공장 (3 years, 4억원 a year, 50%) at 4억원 gave 1억 9,999만 8,000원
  // because each third (133,333,333원) was floored to 1,000원 on its own
  std::mt19937_64 rng(kSeed + 7);
  for (int i = 0; i < kCases; ++i) {
    Track t = simple_track(0, random_ratio(rng));
    t.years = static_cast<int>(uniform(rng, 2, 4));
    t.cap_per_year = uniform(rng, 1, 50'000) * kMan;
    t.cap = *t.cap_per_year * t.years;
    // totals anywhere, and many near the whole cap where a year may fall just short of its own
    const Won full = *sfgrant::full_support_cost(t, *t.cap);
    const Won total =
        uniform(rng, 0, 1) == 0 ? random_total(rng) : std::max<Won>(0, full + uniform(rng, -9'999, 9'999));
    INFO(describe(t, total));
    const Split s = sfgrant::compute_split(t, *t.cap, total);
    REQUIRE(s.government == std::min(*t.cap, ratio_floor(total, *t.ratio) / 1000 * 1000));
  }
  Track lighthouse = simple_track(12 * kEok, Ratio{5000});
  lighthouse.years = 3;
  lighthouse.cap_per_year = 4 * kEok;
  CHECK(sfgrant::compute_split(lighthouse, 12 * kEok, 4 * kEok).government == 2 * kEok);
}

TEST_CASE("full support cost of a multi-year track reaches the whole cap when spread evenly",
          "[property][multi-year][full-support]") {
  std::mt19937_64 rng(kSeed + 6);
  for (int i = 0; i < kCases; ++i) {
    Track t = simple_track(0, random_ratio(rng));
    t.years = static_cast<int>(uniform(rng, 2, 4));
    t.cap_per_year = uniform(rng, 1, 50'000) * kMan;
    t.cap = *t.cap_per_year * t.years;  // as every multi-year track of the announcements
    const auto fsc = sfgrant::full_support_cost(t, *t.cap);
    INFO(describe(t, fsc.value_or(-1)));
    REQUIRE(fsc);
    REQUIRE(sfgrant::compute_split(t, *t.cap, *fsc).government == *t.cap);
    REQUIRE(sfgrant::compute_split(t, *t.cap, *fsc - 1).government < *t.cap);
  }
}

TEST_CASE("Korean and grouped amounts parse back to the same won", "[property][money]") {
  std::mt19937_64 rng(kSeed + 7);
  const Won kMax = 1'000'000'000'000'000;  // 10^15 won
  for (int i = 0; i < kCases * 2; ++i) {
    Won amount = 0;
    switch (i % 4) {
      case 0:
        amount = uniform(rng, 0, kMax);
        break;
      case 1:
        amount = uniform(rng, 0, 10'000'000) * kMan;
        break;  // whole 만원
      case 2:
        amount = uniform(rng, 0, 10'000'000) * kEok;
        break;  // whole 억원
      default:
        amount = uniform(rng, 0, 9999) * Won{1} << uniform(rng, 0, 30);
        break;  // sparse digits
    }
    const std::string korean = sfgrant::format_korean(amount);
    const std::string grouped = sfgrant::format_grouped(amount);
    INFO(amount << " → " << korean << " / " << grouped);
    REQUIRE(sfgrant::parse_amount(korean) == amount);
    REQUIRE(sfgrant::parse_amount(grouped) == amount);
    REQUIRE(sfgrant::parse_amount(grouped + "원") == amount);
    REQUIRE(korean.find(" 0") == std::string::npos);  // never "1억 0만원"
    REQUIRE(korean.back() != ' ');
  }
}

TEST_CASE("amounts written the way announcements write them parse exactly", "[property][money]") {
  std::mt19937_64 rng(kSeed + 8);
  for (int i = 0; i < kCases; ++i) {
    const Won eok = uniform(rng, 0, 99'999);
    const Won thousand_man = uniform(rng, 0, 9);  // 천만
    const Won man = uniform(rng, 0, 999);
    const Won won = uniform(rng, 0, 9'999);
    const Won expected = eok * kEok + thousand_man * 1000 * kMan + man * kMan + won;
    if (expected == 0) continue;
    std::string text;
    auto sep = [&] { return uniform(rng, 0, 1) == 0 ? std::string() : std::string(" "); };
    if (eok) text += sfgrant::format_grouped(eok) + "억" + sep();
    if (thousand_man && man)
      text += std::to_string(thousand_man) + "천" + std::to_string(man) + "만" + sep();
    else if (thousand_man)
      text += std::to_string(thousand_man) + "천만" + sep();
    else if (man)
      text += sfgrant::format_grouped(man) + "만" + sep();
    if (won) text += sfgrant::format_grouped(won);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    text += uniform(rng, 0, 1) == 0 ? "원" : (uniform(rng, 0, 1) == 0 ? " 원" : "");
    INFO(text << " should be " << expected);
    REQUIRE(sfgrant::parse_amount(text) == expected);
  }
  SECTION("decimal 억 amounts (0.5억원, 1.2억) are exact") {
    for (int i = 0; i < kCases; ++i) {
      const Won whole = uniform(rng, 0, 9'999);
      const int digits = static_cast<int>(uniform(rng, 1, 4));
      Won scale = 1;
      for (int d = 0; d < digits; ++d) scale *= 10;
      const Won frac = uniform(rng, 0, scale - 1);
      std::string frac_text = std::to_string(frac);
      frac_text.insert(0, static_cast<size_t>(digits) - frac_text.size(), '0');
      const std::string text = std::to_string(whole) + "." + frac_text + "억원";
      INFO(text);
      REQUIRE(sfgrant::parse_amount(text) == whole * kEok + frac * (kEok / scale));
    }
  }
}

TEST_CASE("every ratio from 0% to 100% formats and parses back", "[property][money]") {
  for (Won bp = 0; bp <= Ratio::kWhole; ++bp) {
    const std::string text = sfgrant::format_ratio(Ratio{bp});
    INFO(bp << " bp → " << text);
    REQUIRE(sfgrant::parse_ratio(text).basis_points == bp);
  }
}
