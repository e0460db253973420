// Answers typed in `sfgrant interview` (load/interview_answer.h): the words of a hurried phone call
// become the values the profile parser reads, and the saved profile holds what was meant.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "sfgrant/load/interview_answer.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/places.h"
#include "sfgrant/model/profile.h"

using sfgrant::Answer;
using sfgrant::fact;
using sfgrant::Profile;
using sfgrant::read_answer;

namespace {

/// The profile after storing `typed` as the answer to `path`.
Profile answered(const char* path, const std::string& typed) {
  Profile p;
  sfgrant::store_answer(p, fact(path), read_answer(fact(path), typed));
  return p;
}

bool yes(const std::string& typed) {
  const Profile p = answered("status.tax_arrears", typed);
  return p.get(fact("status.tax_arrears")).flag;
}

std::string region_of(const Profile& p) {
  const auto& f = fact("region");
  return p.has(f) ? f.vocabulary->choices[static_cast<size_t>(p.get(f).number)].id : std::string("(unknown)");
}

std::string city_of(const Profile& p) { return p.has(fact("city")) ? p.get(fact("city")).text : "(unknown)"; }

}  // namespace

TEST_CASE("yes and no as typed on the phone: 예 네 ㅇ Y O ○ and 아니오 아니요 ㄴ N X ×", "[interview]") {
  for (const char* word : {"예", "네", "ㅇ", "ㅇㅇ", "응", "Y", "y", "O", "○", "yes", "true"}) {
    INFO(word);
    CHECK(yes(word));
  }
  for (const char* word : {"아니오", "아니요", "아니", "ㄴ", "N", "n", "X", "x", "×", "no", "false"}) {
    INFO(word);
    CHECK_FALSE(yes(word));
  }
  CHECK_THROWS_AS(answered("status.tax_arrears", "글쎄"), sfgrant::Error);
}

TEST_CASE("<, ?, 모름, skip and Enter are moves, not values", "[interview]") {
  const auto& size = fact("size");
  CHECK(read_answer(size, "<").kind == Answer::Kind::back);
  CHECK(read_answer(size, "?").kind == Answer::Kind::help);
  CHECK(read_answer(size, "？").kind == Answer::Kind::help);
  CHECK(read_answer(size, "").kind == Answer::Kind::skip);
  CHECK(read_answer(size, "모름").kind == Answer::Kind::skip);
  CHECK(read_answer(size, "SKIP").kind == Answer::Kind::skip);
}

TEST_CASE("an enum by its Korean label, its English word or its number in the list", "[interview]") {
  const auto medium = *sfgrant::size_vocabulary().find("medium");
  CHECK(answered("size", "중기업").get(fact("size")).number == medium);
  CHECK(answered("size", "medium").get(fact("size")).number == medium);
  CHECK(answered("size", "2").get(fact("size")).number == medium);
  CHECK_THROWS_AS(answered("size", "9"), sfgrant::Error);  // no 9th choice: refused, not taken as a word
  CHECK_THROWS_AS(answered("size", "huge"), sfgrant::Error);
}

TEST_CASE("selections by number, id or a word of their meaning (뿌리기업), 없음 for none", "[interview]") {
  const auto& selections = fact("selections");
  const Profile p = answered("selections", "뿌리기업, legend50");
  const auto& items = p.get(selections).items;
  REQUIRE(items.size() == 2);
  CHECK(selections.vocabulary->choices[static_cast<size_t>(items[0])].id == "root_company");
  CHECK(selections.vocabulary->choices[static_cast<size_t>(items[1])].id == "legend50");
  CHECK(answered("selections", "없음").get(selections).items.empty());
  CHECK(answered("selections", "없음").has(selections));  // none is an answer, not unknown
}

TEST_CASE("a region by its 시·도, its full name, its number or its 시·군·구", "[interview]") {
  CHECK(region_of(answered("region", "경남")) == "경남");
  CHECK(region_of(answered("region", "경상남도")) == "경남");
  CHECK(region_of(answered("region", "16")) == "경남");
  CHECK(city_of(answered("region", "경남")) == "(unknown)");  // a region alone says nothing of the city

  const Profile changwon = answered("region", "창원");
  CHECK(region_of(changwon) == "경남");
  CHECK(city_of(changwon) == "창원시");
  CHECK(region_of(answered("region", "유성구")) == "대전");
  CHECK(region_of(answered("region", "파주시")) == "경기");
  CHECK(region_of(answered("region", "군위")) == "대구");  // 2023: 경북 → 대구
  CHECK(region_of(answered("region", "광주")) == "광주");  // the 광역시, not 경기 광주시
  CHECK(city_of(answered("region", "광주시")) == "광주시");
  CHECK(region_of(answered("region", "광주시")) == "경기");
}

TEST_CASE("a place name several places have is a question: 고성 → 강원 or 경남", "[interview]") {
  const Answer goseong = read_answer(fact("region"), "고성");
  REQUIRE(goseong.kind == Answer::Kind::choose);
  REQUIRE(goseong.places.size() == 2);
  CHECK(goseong.places[0].region == "강원");
  CHECK(goseong.places[1].region == "경남");
  CHECK(read_answer(fact("region"), "중구").places.size() == 6);  // 서울 부산 대구 인천 대전 울산

  const Profile p = answered("region", "경남 고성");  // the region first settles it
  CHECK(region_of(p) == "경남");
  CHECK(city_of(p) == "고성군");
  CHECK(region_of(answered("region", "경상남도 고성군")) == "경남");
}

TEST_CASE("the city question takes the short name too: 유성 → 유성구, 중구 stays 중구", "[interview]") {
  CHECK(city_of(answered("city", "유성")) == "유성구");
  CHECK(city_of(answered("city", "파주")) == "파주시");
  CHECK(city_of(answered("city", "중구")) == "중구");
  CHECK(city_of(answered("city", "Springfield")) == "Springfield");  // not in the table: kept as typed
}

TEST_CASE("a place that is not one is refused with the text typed", "[interview]") {
  try {
    (void)answered("region", "아틀란티스");
    FAIL("no error");
  } catch (const sfgrant::Error& e) {
    CHECK_THAT(e.message(), Catch::Contains("\"아틀란티스\""));
  }
}

TEST_CASE("the place table: every region of the profile has places, none twice in one region", "[interview]") {
  std::set<std::string> regions;
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const auto& p : sfgrant::all_places()) {
    regions.insert(std::string(p.region));
    INFO(p.region << " " << p.name);
    CHECK(seen.insert({p.region, p.name}).second);
    CHECK(sfgrant::region_vocabulary().find(p.region));
  }
  CHECK(regions.size() == sfgrant::region_vocabulary().choices.size());
  CHECK(sfgrant::all_places().size() > 250);  // 226 시·군·구, 세종, 2 행정시 and the 일반구
}
