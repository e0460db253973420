#include "sfgrant/model/rubric.h"

#include <fmt/format.h>

#include <algorithm>

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// Model helpers

Rational Bonus::max() const {
  Rational sum;
  for (const auto& i : items) sum += i.points;
  return cap && *cap < sum ? *cap : sum;
}

Rational Stage::items_max() const {
  Rational sum;
  for (const auto& s : sections)
    for (const auto& i : s.items) sum += i.max;
  return sum;
}

Rational Stage::base_max() const {
  // an incomplete sheet reaches only what it publishes
  const Rational sheet = total && !is_incomplete() ? *total : items_max();
  if (!combine) return sheet;
  return combine->evaluators_weight * sheet + combine->extra_weight * combine->extra_max;
}

Rational Stage::final_max() const { return base_max() + (bonus ? bonus->max() : Rational(0)); }

std::vector<const RubricItem*> Stage::items() const {
  std::vector<const RubricItem*> out;
  for (const auto& s : sections)
    for (const auto& i : s.items) out.push_back(&i);
  return out;
}

const Stage* Rubric::find_stage(std::string_view id) const {
  for (const auto& s : stages)
    if (s.id == id) return &s;
  return nullptr;
}

std::string grade_label(const Grade& g, Lang lang) { return g.name.empty() ? g.id : g.name.in(lang); }

/// "우수 15 · 양호 12 · …" or "15 · 12 · …" when the grades have no names.
std::string describe_grades(const Stage& stage, const RubricItem& item, Lang lang) {
  if (item.points.empty())
    return lang == Lang::ko ? fmt::format("0~{}점", item.max.exact()) : fmt::format("0 to {} points", item.max.exact());
  std::string out;
  for (size_t k = 0; k < item.points.size() && k < stage.grades.size(); ++k) {
    const Grade& g = stage.grades[k];
    out += out.empty() ? "" : " · ";
    out += g.name.empty() ? item.points[k].exact() : fmt::format("{} {}", grade_label(g, lang), item.points[k].exact());
  }
  return out;
}

}  // namespace sfgrant
