#pragma once
/// The 시·군·구 (cities, counties and districts) of each 시·도, so that a region can be answered
/// with the city a company is in (창원 → 경남 창원시). Names and the 시·도 they belong to follow
/// 행정안전부 행정구역 현황 / 법정동코드 전체자료 (code.go.kr) as of 2024: 군위군 in 대구 (2023),
/// 강원·전북 특별자치도, and the 일반구 of the large cities (창원 의창구, 고양 덕양구, …), which
/// centers.yaml also names.
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

struct Place {
  std::string_view region;  ///< the region id of the profile (`경남`)
  std::string_view name;    ///< its full name (`창원시`, `유성구`)
};

/// Every place in the table, 시·도 by 시·도 in the order of region_vocabulary().
const std::vector<Place>& all_places();

/// The places a person may mean by `text`: the full name (`창원시`) or the name without 시/군/구
/// when at least two characters remain (`창원`, `유성`); only those in `region` when it is not
/// empty. One result is an answer; more are a question (고성 → 강원 고성군 or 경남 고성군; 중구 →
/// six 중구); none is not a place.
std::vector<Place> places_named(std::string_view text, std::string_view region = {});

}  // namespace sfgrant
