#pragma once
/// Dates as the announcements write them, and today's.
#include <ctime>
#include <optional>
#include <string>

namespace sfgrant {

/// A date as announcements write it: a month (`2025-11`) or a day (`2026-01-19`).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;  ///< 0 when only the month is given

  std::string str() const;
  static std::optional<Date> parse(const std::string& text);
  /// Days since 0000-03-01, for comparisons; a month counts as its first or last day.
  long first_day() const;
  long last_day() const;
};

/// 28 to 31: the days of `month` (1-12) in `year`.
int days_in_month(int year, int month);

/// The date in Korea (Asia/Seoul, UTC+9) at `when`: the announcements' windows are in Korean time,
/// whatever the machine's time zone.
Date korea_date(std::time_t when);

/// Today's date in Korea, from the system clock.
Date today();

}  // namespace sfgrant
