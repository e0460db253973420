#include "sfgrant/model/program.h"

#include <fmt/format.h>

namespace sfgrant {

const Track* Program::find_track(const std::string& track_id) const {
  for (const Track& t : tracks)
    if (t.id == track_id) return &t;
  return nullptr;
}

const Program* Catalogue::find_program(const std::string& program_id) const {
  for (const Program& p : programs)
    if (p.id == program_id) return &p;
  return nullptr;
}

const Center* Catalogue::center_for(const std::string& region, const std::string& city) const {
  auto in = [](const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
      if (x == s) return true;
    return false;
  };
  // 시·군·구 may be written with or without its suffix (파주 / 파주시)
  auto city_matches = [&](const Center& c) {
    for (const auto& name : c.cities) {
      if (name == city) return true;
      if (city.rfind(name + " ", 0) == 0) return true;  // 포항시 남구, 고양시 일산동구
      if (!city.empty() && name.rfind(city, 0) == 0 && name.size() == city.size() + 3) return true;
    }
    return false;
  };
  if (!city.empty())
    for (const Center& c : centers)
      if (in(c.regions, region) && city_matches(c)) return &c;
  for (const Center& c : centers)
    if (in(c.regions, region) && c.cities.empty()) return &c;
  return nullptr;
}

}  // namespace sfgrant
