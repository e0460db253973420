// The government / private cost split (SPEC §5), on tracks built by hand from the announcements'
// terms. Expected amounts are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "sfgrant/engine/split.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/facts.h"

using sfgrant::Error;
using sfgrant::Ratio;
using sfgrant::Split;
using sfgrant::Track;
using sfgrant::Won;

namespace {

constexpr Won kEok = 100'000'000;  // 1억원
constexpr Won kMan = 10'000;       // 1만원

Track simple_track(Won cap, std::int64_t ratio_bp) {
  Track t;
  t.id = "t";
  t.cap = cap;
  t.ratio = Ratio{ratio_bp};
  return t;
}

/// 2026 정부형 고도화: 최대 2억원, 50% 이내 (003 §2.1-①).
Track government_advanced() { return simple_track(2 * kEok, 5000); }

/// 2026 대중소 상생형: 최대 1.2억원, 정부 30% / 대기업 30% 이상 / 도입기업 40% 이내 (003 §2.1-⑧).
Track win_win_2026() {
  Track t = simple_track(120'000'000, 3000);
  t.large_company_min = Ratio{3000};
  t.company_max = Ratio{4000};
  return t;
}

/// 2023 상생형 유형2 (소기업): 기초, 최대 1천만원, 50%; 기업부담 없이 정부와 대기업이 100% (000 ①-2).
Track win_win_2023_type2() {
  Track t = simple_track(1'000 * kMan, 5000);
  t.large_company_min = Ratio{5000};
  t.company_max = Ratio{0};
  return t;
}

/// 2026 자율형공장: 총 사업비의 50%, 연 3억원(최대 6억원), 최대 2년 (003 §2.1-⑥).
Track autonomous() {
  Track t = simple_track(6 * kEok, 5000);
  t.years = 2;
  t.cap_per_year = 3 * kEok;
  return t;
}

int level(const char* id) { return *sfgrant::level_vocabulary().find(id); }

/// 2026 레전드50+ 현재-목표 수준별 지원한도 (003 §2.1-④).
Track legend50() {
  Track t = simple_track(5 * kEok, 5000);
  t.cap_by_level = {
      {level("none"), level("intermediate1"), 3 * kEok, {}},
      {level("none"), level("intermediate2"), 5 * kEok, {}},
      {level("basic"), level("intermediate1"), 2 * kEok, {}},
      {level("basic"), level("intermediate2"), 4 * kEok, {}},
      {level("intermediate1"), level("intermediate2"), 2 * kEok, {}},
  };
  return t;
}

}  // namespace

TEST_CASE("government share is floored to 1,000 won", "[split][government]") {
  // 1,234,567 × 50% = 617,283.5 → 천원 미만 절사 → 617,000
  CHECK(sfgrant::government_share(1'234'567, Ratio{5000}, 2 * kEok) == 617'000);
  // 999,999 × 85% = 849,999.15 → 849,000
  CHECK(sfgrant::government_share(999'999, Ratio{8500}, 238 * kMan) == 849'000);
  const Split s = sfgrant::compute_split(government_advanced(), 2 * kEok, 1'234'567);
  CHECK(s.government == 617'000);
  CHECK(s.private_share == 617'567);
}

TEST_CASE("government share stops at the cap", "[split][government]") {
  CHECK(sfgrant::government_share(3 * kEok, Ratio{5000}, 2 * kEok) == 150'000'000);
  CHECK(sfgrant::government_share(4 * kEok, Ratio{5000}, 2 * kEok) == 2 * kEok);
  CHECK(sfgrant::government_share(10 * kEok, Ratio{5000}, 2 * kEok) == 2 * kEok);
  CHECK(sfgrant::government_share(0, Ratio{5000}, 2 * kEok) == 0);
}

TEST_CASE("the private share is whatever the government does not pay", "[split][government]") {
  const Split s = sfgrant::compute_split(government_advanced(), 2 * kEok, 5 * kEok);
  CHECK(s.total == 5 * kEok);
  CHECK(s.government == 2 * kEok);
  CHECK(s.private_share == 3 * kEok);
  CHECK(s.company == 3 * kEok);  // no large company: the applicant pays all of it
  CHECK_FALSE(s.large_company);
  CHECK_FALSE(s.private_in_kind_max);
  CHECK_FALSE(s.company_cash_min);
  CHECK(s.years.empty());
}

TEST_CASE("full support cost is the smallest total that reaches the cap", "[split][full-support]") {
  SECTION("2억 at 50% needs 4억") { CHECK(sfgrant::full_support_cost(government_advanced(), 2 * kEok) == 4 * kEok); }
  SECTION("238만 at 85% needs 280만") {
    const Track t = simple_track(238 * kMan, 8500);
    CHECK(sfgrant::full_support_cost(t, 238 * kMan) == 280 * kMan);
    // one won less and the floored share falls short of the cap
    CHECK(sfgrant::government_share(280 * kMan - 1, Ratio{8500}, 238 * kMan) < 238 * kMan);
  }
  SECTION("a cap that is not a multiple of 1,000 won") {
    // cap 1,234,567 at 50%: floored shares are multiples of 1,000, so the share first reaches the cap
    // when floor_to_1000(T/2) = 1,235,000, i.e. T = 2,470,000 (not 2 × cap = 2,469,134)
    const Won cap = 1'234'567;
    const Track t = simple_track(cap, 5000);
    const auto full = sfgrant::full_support_cost(t, cap);
    REQUIRE(full);
    CHECK(*full == 2'470'000);
    CHECK(sfgrant::government_share(*full, Ratio{5000}, cap) == cap);
    CHECK(sfgrant::government_share(*full - 1, Ratio{5000}, cap) < cap);
  }
  SECTION("a track without a ratio has none") {
    Track t;
    t.cap = 2 * kEok;
    CHECK_FALSE(sfgrant::full_support_cost(t, 2 * kEok));
  }
}

TEST_CASE("win-win 2026 splits three ways: government, large company, company", "[split][three-party]") {
  SECTION("at 4억: 1.2억 / 1.2억 / 1.6억") {
    const Split s = sfgrant::compute_split(win_win_2026(), 120'000'000, 4 * kEok);
    CHECK(s.government == 120'000'000);
    REQUIRE(s.large_company);
    CHECK(*s.large_company == 120'000'000);
    CHECK(s.company == 160'000'000);
    CHECK(s.private_share == 280'000'000);
  }
  SECTION("at 5억: 1.2억 / 1.8억 / 2.0억 (the company pays at most 40%)") {
    const Split s = sfgrant::compute_split(win_win_2026(), 120'000'000, 5 * kEok);
    CHECK(s.government == 120'000'000);
    REQUIRE(s.large_company);
    CHECK(*s.large_company == 180'000'000);
    CHECK(s.company == 200'000'000);
  }
  SECTION("the three shares always add up to the total") {
    for (Won total : {Won{1 * kEok}, Won{3 * kEok}, Won{4 * kEok}, Won{444'444'444}, Won{9 * kEok}}) {
      const Split s = sfgrant::compute_split(win_win_2026(), 120'000'000, total);
      INFO("total " << total);
      REQUIRE(s.large_company);
      CHECK(s.government + *s.large_company + s.company == total);
      CHECK(*s.large_company * 10 >= total * 3);  // large company ≥ 30%
      CHECK(s.company * 10 <= total * 4);         // company ≤ 40%
    }
  }
  SECTION("full support cost is 4억") { CHECK(sfgrant::full_support_cost(win_win_2026(), 120'000'000) == 4 * kEok); }
}

TEST_CASE("win-win 2023 type 2 leaves nothing for the small company to pay", "[split][three-party]") {
  // 2,000만원: government 50% = 1,000만원 (= cap), large company the other 1,000만원, company 0
  const Split s = sfgrant::compute_split(win_win_2023_type2(), 1'000 * kMan, 2'000 * kMan);
  CHECK(s.government == 1'000 * kMan);
  CHECK(s.company == 0);
  REQUIRE(s.large_company);
  CHECK(*s.large_company == 1'000 * kMan);
}

TEST_CASE("a multi-year track caps each year and the whole", "[split][multi-year]") {
  SECTION("12억 spread evenly: 3억 + 3억") {
    const Split s = sfgrant::compute_split(autonomous(), 6 * kEok, 12 * kEok);
    CHECK(s.government == 6 * kEok);
    CHECK(s.private_share == 6 * kEok);
    REQUIRE(s.years.size() == 2);
    CHECK(s.years[0].year == 1);
    CHECK(s.years[0].total == 6 * kEok);
    CHECK(s.years[0].government == 3 * kEok);
    CHECK(s.years[0].private_share == 3 * kEok);
    CHECK(s.years[1].year == 2);
    CHECK(s.years[1].total == 6 * kEok);
    CHECK(s.years[1].government == 3 * kEok);
    CHECK(s.years[1].private_share == 3 * kEok);
  }
  SECTION("uneven years [8억, 4억]: 3억 (year cap) + 2억 (50%)") {
    const Split s = sfgrant::compute_split(autonomous(), 6 * kEok, 12 * kEok, {8 * kEok, 4 * kEok});
    REQUIRE(s.years.size() == 2);
    CHECK(s.years[0].government == 3 * kEok);
    CHECK(s.years[0].private_share == 5 * kEok);
    CHECK(s.years[1].government == 2 * kEok);
    CHECK(s.years[1].private_share == 2 * kEok);
    CHECK(s.government == 5 * kEok);
    CHECK(s.private_share == 7 * kEok);
  }
  SECTION("an odd total puts the extra won in the last year") {
    const Split s = sfgrant::compute_split(autonomous(), 6 * kEok, 1'000'000'001);
    REQUIRE(s.years.size() == 2);
    CHECK(s.years[0].total == 500'000'000);
    CHECK(s.years[1].total == 500'000'001);
    CHECK(s.years[0].total + s.years[1].total == s.total);
  }
  SECTION("yearly costs that do not add up to the total are refused") {
    CHECK_THROWS_AS(sfgrant::compute_split(autonomous(), 6 * kEok, 12 * kEok, {8 * kEok, 3 * kEok}), Error);
  }
  SECTION("more years than the track runs are refused") {
    CHECK_THROWS_AS(sfgrant::compute_split(autonomous(), 6 * kEok, 12 * kEok, {4 * kEok, 4 * kEok, 4 * kEok}), Error);
  }
  SECTION("full support cost is 12억 (6억 a year reaches 3억 a year)") {
    CHECK(sfgrant::full_support_cost(autonomous(), 6 * kEok) == 12 * kEok);
  }
}

TEST_CASE("in-kind contributions are limited to a share of the private share", "[split][limits]") {
  Track t = government_advanced();
  t.in_kind_max = Ratio{2000};
  // 4억 → private 2억 → in-kind at most 20% = 4,000만원
  const Split s = sfgrant::compute_split(t, 2 * kEok, 4 * kEok);
  REQUIRE(s.private_in_kind_max);
  CHECK(*s.private_in_kind_max == 4'000 * kMan);
}

TEST_CASE("the company's cash share is at least a share of what it pays", "[split][limits]") {
  SECTION("single company") {
    Track t = government_advanced();
    t.company_cash_min = Ratio{1000};
    // 4억 → company 2억 → cash at least 10% = 2,000만원
    const Split s = sfgrant::compute_split(t, 2 * kEok, 4 * kEok);
    REQUIRE(s.company_cash_min);
    CHECK(*s.company_cash_min == 2'000 * kMan);
  }
  SECTION("three-party: of the applicant's own share, not the large company's") {
    Track t = win_win_2026();
    t.company_cash_min = Ratio{1000};
    // 4억 → company 1.6억 → cash at least 1,600만원
    const Split s = sfgrant::compute_split(t, 120'000'000, 4 * kEok);
    REQUIRE(s.company_cash_min);
    CHECK(*s.company_cash_min == 1'600 * kMan);
  }
}

TEST_CASE("a level-dependent cap comes from the current and target levels", "[split][levels]") {
  const Track t = legend50();
  CHECK(sfgrant::cap_for_levels(t, level("none"), level("intermediate2")) == 5 * kEok);
  CHECK(sfgrant::cap_for_levels(t, level("none"), level("intermediate1")) == 3 * kEok);
  CHECK(sfgrant::cap_for_levels(t, level("basic"), level("intermediate1")) == 2 * kEok);
  CHECK(sfgrant::cap_for_levels(t, level("basic"), level("intermediate2")) == 4 * kEok);
  CHECK(sfgrant::cap_for_levels(t, level("intermediate1"), level("intermediate2")) == 2 * kEok);
  SECTION("a pair not in the table has no cap") {
    CHECK_FALSE(sfgrant::cap_for_levels(t, level("intermediate2"), level("intermediate2")));
    CHECK_FALSE(sfgrant::cap_for_levels(t, level("basic"), level("advanced")));
  }
  SECTION("unknown levels give no cap") {
    CHECK_FALSE(sfgrant::cap_for_levels(t, std::nullopt, level("intermediate2")));
    CHECK_FALSE(sfgrant::cap_for_levels(t, level("none"), std::nullopt));
  }
  SECTION("a track without a table uses its plain cap whatever the levels") {
    CHECK(sfgrant::cap_for_levels(government_advanced(), std::nullopt, std::nullopt) == 2 * kEok);
    CHECK(sfgrant::cap_for_levels(government_advanced(), level("none"), level("advanced")) == 2 * kEok);
  }
  SECTION("the chosen cap drives the split: 미적용→중간2 at 10억 gives 5억, 중간1→중간2 gives 2억") {
    const Won cap_high = *sfgrant::cap_for_levels(t, level("none"), level("intermediate2"));
    CHECK(sfgrant::compute_split(t, cap_high, 10 * kEok).government == 5 * kEok);
    const Won cap_low = *sfgrant::cap_for_levels(t, level("intermediate1"), level("intermediate2"));
    CHECK(sfgrant::compute_split(t, cap_low, 10 * kEok).government == 2 * kEok);
  }
}

TEST_CASE("amounts too large for the won type are an error, not a wrong split", "[split][overflow]") {
  const Won kMax = std::numeric_limits<Won>::max();
  SECTION("full support cost past the limit") {
    // a cap of 10^18 won at 0.01% would need 10^22 won
    const Track t = simple_track(1'000'000'000'000'000'000, 1);
    CHECK_THROWS_AS(sfgrant::full_support_cost(t, 1'000'000'000'000'000'000), Error);
  }
  SECTION("yearly costs whose sum overflows") {
    CHECK_THROWS_AS(sfgrant::compute_split(autonomous(), 6 * kEok, kMax, {kMax, 1}), Error);
  }
  SECTION("the largest total still splits exactly") {
    const Split s = sfgrant::compute_split(government_advanced(), 2 * kEok, kMax);
    CHECK(s.government == 2 * kEok);
    CHECK(s.private_share == kMax - 2 * kEok);
  }
  SECTION("a negative total is refused") {
    CHECK_THROWS_AS(sfgrant::compute_split(government_advanced(), 2 * kEok, -1), Error);
  }
}
