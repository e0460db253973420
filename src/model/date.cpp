#include "sfgrant/model/date.h"

#include <fmt/format.h>

#include <ctime>

namespace sfgrant {

std::string Date::str() const {
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

namespace {
long days_from_civil(int y, int m, int d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}
}  // namespace

std::optional<Date> Date::parse(const std::string& text) {
  Date d;
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!digits(0, 4, d.year) || text[4] != '-' || !digits(5, 2, d.month)) return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.year < 1900 || d.year > 2999) return std::nullopt;
  if (text.size() == 10) {
    if (text[7] != '-' || !digits(8, 2, d.day)) return std::nullopt;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  }
  return d;
}

long Date::first_day() const { return days_from_civil(year, month, day == 0 ? 1 : day); }
long Date::last_day() const { return days_from_civil(year, month, day == 0 ? days_in_month(year, month) : day); }

Date korea_date(std::time_t when) {
  const std::time_t kst = when + 9 * 60 * 60;  // Korea Standard Time is UTC+9, with no summer time
  std::tm utc{};
  gmtime_r(&kst, &utc);
  return Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

Date today() { return korea_date(std::time(nullptr)); }

}  // namespace sfgrant
