// Dates: the reference date of windows is Korea's (Asia/Seoul), whatever the machine's time zone.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>

#include "sfgrant/model/date.h"
#include "support.h"

using sfgrant::Date;

namespace {

std::time_t utc(int year, int month, int day, int hour, int minute) {
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  return timegm(&t);
}

}  // namespace

TEST_CASE("the date is Korea's: 2026-01-31 15:30 UTC is 2026-02-01 (00:30 KST) in any time zone", "[date]") {
  for (const char* zone : {"UTC", "America/Los_Angeles", "Asia/Seoul", "Pacific/Kiritimati"}) {
    INFO(zone);
    setenv("TZ", zone, 1);
    tzset();
    CHECK(sfgrant::korea_date(utc(2026, 1, 31, 15, 30)).str() == "2026-02-01");
    CHECK(sfgrant::korea_date(utc(2026, 1, 31, 14, 59)).str() == "2026-01-31");
    CHECK(sfgrant::korea_date(utc(2026, 12, 31, 15, 0)).str() == "2027-01-01");
  }
  unsetenv("TZ");
  tzset();
}

TEST_CASE("check without --as-of uses today's date in Korea, also on a machine set to UTC", "[date][cli]") {
  sfgrant::testing::Command command;
  command.args = {"check", "examples/small-mould-maker.yaml", "--format", "json", "--programs", "programs"};
  command.env = {"TZ=UTC"};
  const std::string before = sfgrant::korea_date(std::time(nullptr)).str();
  const sfgrant::testing::Run r = sfgrant::testing::run(command);
  const std::string after = sfgrant::korea_date(std::time(nullptr)).str();
  REQUIRE(r.code <= 1);
  const std::string as_of = nlohmann::json::parse(r.out).at("as_of").get<std::string>();
  CHECK((as_of == before || as_of == after));
}
