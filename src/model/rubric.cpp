// Selection scoring: exact points, rubric consistency checks and the score of a filled-in sheet.
// The rules (trimmed mean, ties, bonus cap, pass marks) are written down in programs/RUBRICS.md.
#include "sfgrant/model/rubric.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <numeric>
#include <set>

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// Rational

namespace {

[[noreturn]] void overflow() { throw Error("score overflow: the numbers are too large to compute exactly"); }

std::int64_t mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) overflow();
  return r;
}

std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) overflow();
  return r;
}

std::int64_t pow10(int n) {
  std::int64_t r = 1;
  for (int i = 0; i < n; ++i) r = mul(r, 10);
  return r;
}

}  // namespace

Rational::Rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw Error("division by zero in a score");
  if (num == INT64_MIN || den == INT64_MIN) overflow();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const std::int64_t g = std::gcd(num, den);
  num_ = g == 0 ? 0 : num / g;
  den_ = g == 0 ? 1 : den / g;
}

Rational operator+(Rational a, Rational b) {
  const std::int64_t g = std::gcd(a.den_, b.den_);
  return Rational(add(mul(a.num_, b.den_ / g), mul(b.num_, a.den_ / g)), mul(a.den_, b.den_ / g));
}

Rational operator-(Rational a, Rational b) { return a + Rational(-b.num_, b.den_); }

Rational operator*(Rational a, Rational b) {
  const std::int64_t g1 = std::gcd(a.num_, b.den_);
  const std::int64_t g2 = std::gcd(b.num_, a.den_);
  const std::int64_t n1 = g1 == 0 ? a.num_ : a.num_ / g1;
  const std::int64_t d2 = g1 == 0 ? b.den_ : b.den_ / g1;
  const std::int64_t n2 = g2 == 0 ? b.num_ : b.num_ / g2;
  const std::int64_t d1 = g2 == 0 ? a.den_ : a.den_ / g2;
  return Rational(mul(n1, n2), mul(d1, d2));
}

Rational operator/(Rational a, Rational b) {
  if (b.num_ == 0) throw Error("division by zero in a score");
  return a * Rational(b.den_, b.num_);
}

bool operator<(Rational a, Rational b) { return (a - b).num_ < 0; }

Rational Rational::parse(std::string_view text) {
  std::string s(text);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  s = s.substr(start);
  const auto bad = [&]() {
    return Error(fmt::format("invalid number \"{}\": expected points like 15, 12.5, 4/5 or a percentage like 80%",
                             std::string(text)));
  };
  if (s.empty()) throw bad();
  bool percent = false;
  if (s.back() == '%') {
    percent = true;
    s.pop_back();
  }
  const auto slash = s.find('/');
  if (slash != std::string::npos) {
    if (percent) throw bad();
    const Rational n = parse(s.substr(0, slash));
    const Rational d = parse(s.substr(slash + 1));
    if (!n.is_integer() || !d.is_integer() || d.num_ <= 0) throw bad();
    return Rational(n.num_, d.num_);
  }
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::int64_t whole = 0;
  std::int64_t frac = 0;
  int frac_digits = 0;
  bool digits = false;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    digits = true;
    if (whole > 100000000000LL) throw bad();
    whole = whole * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
      digits = true;
      if (++frac_digits > 6) throw bad();
      frac = frac * 10 + (s[i] - '0');
    }
  }
  if (!digits || i != s.size()) throw bad();
  Rational r = Rational(whole) + Rational(frac, pow10(frac_digits));
  if (negative) r = Rational(0) - r;
  if (percent) r = r / Rational(100);
  return r;
}

std::string Rational::fixed(int decimals) const {
  const std::int64_t scale = pow10(decimals);
  const std::int64_t n = mul(num_ < 0 ? -num_ : num_, scale);
  // half away from zero: floor((2n + den) / 2den)
  const std::int64_t q = add(mul(n, 2), den_) / mul(den_, 2);
  std::string digits = std::to_string(q);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals))
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return (num_ < 0 && q != 0 ? "-" : "") + digits;
}

std::string Rational::exact() const {
  if (den_ == 1) return std::to_string(num_);
  std::int64_t d = den_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  if (d == 1 && den_ <= 10000) {
    for (int decimals = 1; decimals <= 4; ++decimals)
      if (pow10(decimals) % den_ == 0) return fixed(decimals);
  }
  return fmt::format("{}/{}", num_, den_);
}

double Rational::rounded(int decimals) const { return std::strtod(fixed(decimals).c_str(), nullptr); }

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

// ---------------------------------------------------------------------------------------------
// Consistency checks

namespace {

std::string label(const std::string& id, const Text& name) {
  return name.ko.empty() ? fmt::format("\"{}\"", id) : fmt::format("\"{}\" ({})", id, name.ko);
}

std::string join_points(const std::vector<Rational>& points) {
  std::string out;
  for (const auto& p : points) out += (out.empty() ? "" : ", ") + p.exact();
  return out;
}

template <typename T>
void check_unique_ids(const std::vector<T>& list, const std::string& what, Diagnostics& diags) {
  std::set<std::string> seen;
  for (const auto& x : list)
    if (!x.id.empty() && !seen.insert(x.id).second)
      diags.error(x.where, fmt::format("{} id \"{}\" is given twice", what, x.id), "duplicate-id");
}

void check_items(const Stage& stage, const RubricSection& section, Diagnostics& diags) {
  const bool all_fractions =
      !stage.grades.empty() &&
      std::all_of(stage.grades.begin(), stage.grades.end(), [](const Grade& g) { return g.fraction.has_value(); });
  for (const auto& item : section.items) {
    const std::string name = fmt::format("item \"{}\"", item.id);
    if (item.max <= Rational(0)) diags.error(item.where, fmt::format("{}: max must be more than 0", name), "range");
    if (item.points.empty()) {
      if (!stage.is_incomplete() && !all_fractions)
        diags.error(item.where,
                    fmt::format("{}: no points per grade: give `points` (one per grade, highest first) or a "
                                "`fraction` for every grade of the stage",
                                name),
                    "missing-points");
      continue;
    }
    const Location at = item.points_where.line > 0 ? item.points_where : item.where;
    if (item.points.size() != stage.grades.size()) {
      std::string grades;
      for (const auto& g : stage.grades) grades += (grades.empty() ? "" : ", ") + (g.name.ko.empty() ? g.id : g.name.ko);
      diags.error(at,
                  fmt::format("{}: {} point value(s) [{}] for {} grade(s) ({}): give one per grade, highest first",
                              name, item.points.size(), join_points(item.points), stage.grades.size(),
                              grades.empty() ? "the stage has no `grades`" : grades),
                  "grade-count");
    }
    for (size_t k = 1; k < item.points.size(); ++k)
      if (!(item.points[k] < item.points[k - 1])) {
        diags.error(at,
                    fmt::format("{}: grades must descend: [{}] has {} after {}", name, join_points(item.points),
                                item.points[k].exact(), item.points[k - 1].exact()),
                    "grades-order");
        break;
      }
    if (item.points.front() != item.max)
      diags.error(at,
                  fmt::format("{}: the highest grade gives {} but the item's max is {}", name,
                              item.points.front().exact(), item.max.exact()),
                  "grade-max");
    if (item.points.back() < Rational(0))
      diags.error(at, fmt::format("{}: the lowest grade gives {}, below 0", name, item.points.back().exact()), "range");
  }
}

void check_stage(const Stage& stage, Diagnostics& diags) {
  const std::string name = fmt::format("stage {}", label(stage.id, stage.name));
  if (!stage.scored() && !stage.suitability)
    diags.error(stage.where, fmt::format("{}: has neither `sections` nor `suitability`: nothing to evaluate", name),
                "empty-stage");
  if (!stage.scored()) {
    const auto refuse = [&](bool present, const char* key) {
      if (present)
        diags.error(stage.where, fmt::format("{}: `{}` needs scored `sections`, and the stage has none", name, key),
                    "no-sections");
    };
    refuse(!stage.grades.empty(), "grades");
    refuse(stage.bonus.has_value(), "bonus");
    refuse(stage.combine.has_value(), "combine");
    refuse(stage.pass.has_value(), "pass");
    refuse(stage.total.has_value(), "total");
    refuse(!stage.evaluators.source.empty(), "evaluators");
  }

  // Grade scale: fractions descend within (0, 1].
  check_unique_ids(stage.grades, "grade", diags);
  for (size_t k = 0; k < stage.grades.size(); ++k) {
    const auto& g = stage.grades[k];
    if (!g.fraction) continue;
    if (*g.fraction <= Rational(0) || *g.fraction > Rational(1))
      diags.error(g.where, fmt::format("grade \"{}\": fraction {} must be more than 0 and at most 1", g.id,
                                       g.fraction->exact()),
                  "range");
    if (k > 0 && stage.grades[k - 1].fraction && !(*g.fraction < *stage.grades[k - 1].fraction))
      diags.error(g.where,
                  fmt::format("grade \"{}\": grades must descend: fraction {} is not below the previous grade's {}",
                              g.id, g.fraction->exact(), stage.grades[k - 1].fraction->exact()),
                  "grades-order");
  }

  // Sections and items: item points sum to the section, sections to the sheet total.
  check_unique_ids(stage.sections, "section", diags);
  std::set<std::string> item_ids;
  Rational sections_sum;
  for (const auto& section : stage.sections) {
    check_items(stage, section, diags);
    Rational sum;
    for (const auto& item : section.items) {
      sum += item.max;
      if (!item_ids.insert(item.id).second)
        diags.error(item.where, fmt::format("item id \"{}\" is given twice in {}", item.id, name), "duplicate-id");
    }
    if (section.items.empty())
      diags.error(section.where, fmt::format("section {}: has no items", label(section.id, section.name)), "empty");
    else if (sum != section.points)
      diags.error(section.points_where.line > 0 ? section.points_where : section.where,
                  fmt::format("section {}: its items add up to {} points but the section is worth {}",
                              label(section.id, section.name), sum.exact(), section.points.exact()),
                  "section-sum");
    sections_sum += section.points;
  }
  if (stage.scored()) {
    if (!stage.total) {
      diags.error(stage.where, fmt::format("{}: `total` is required (the sheet's 합계)", name), "missing-key");
    } else if (stage.is_incomplete() ? sections_sum > *stage.total : sections_sum != *stage.total) {
      diags.error(stage.total_where,
                  fmt::format("{}: its sections add up to {} points but the sheet total is {}{}", name,
                              sections_sum.exact(), stage.total->exact(),
                              stage.is_incomplete() ? " (an incomplete sheet may publish less, never more)" : ""),
                  "total-sum");
    }
  }

  if (stage.suitability) {
    if (stage.suitability->items.empty())
      diags.error(stage.suitability->where, fmt::format("{}: `suitability` has no items", name), "empty");
    check_unique_ids(stage.suitability->items, "suitability item", diags);
    if (stage.suitability->pass_mark == stage.suitability->fail_mark)
      diags.error(stage.suitability->where,
                  fmt::format("{}: the pass and fail marks are both \"{}\"", name, stage.suitability->pass_mark),
                  "marks");
  }

  if (stage.bonus) {
    const Bonus& b = *stage.bonus;
    check_unique_ids(b.items, "bonus item", diags);
    Rational sum;
    for (const auto& i : b.items) {
      if (i.points <= Rational(0))
        diags.error(i.where, fmt::format("bonus item \"{}\": points must be more than 0", i.id), "range");
      sum += i.points;
    }
    if (b.items.empty()) diags.error(b.where, fmt::format("{}: `bonus` has no items", name), "empty");
    if (b.cap && *b.cap <= Rational(0))
      diags.error(b.cap_where, fmt::format("{}: the bonus cap must be more than 0", name), "range");
    else if (b.cap && *b.cap > sum && !b.items.empty())
      diags.warning(b.cap_where,
                    fmt::format("{}: the bonus cap {} is more than all bonus items together ({})", name,
                                b.cap->exact(), sum.exact()),
                    "cap-unreachable");
  }

  if (stage.combine) {
    const Combination& c = *stage.combine;
    if (c.evaluators_weight <= Rational(0) || c.extra_weight <= Rational(0) ||
        c.evaluators_weight + c.extra_weight != Rational(1))
      diags.error(c.where,
                  fmt::format("{}: the weights must be more than 0 and add up to 100%: {}% + {}%", name,
                              (c.evaluators_weight * Rational(100)).exact(), (c.extra_weight * Rational(100)).exact()),
                  "weights");
    if (c.extra_max <= Rational(0))
      diags.error(c.where, fmt::format("{}: `extra.max` must be more than 0", name), "range");
  }

  if (stage.pass) {
    const PassMark& p = *stage.pass;
    const Rational top = p.on == PassOn::base ? stage.base_max() : stage.final_max();
    if (stage.is_incomplete())
      diags.error(p.where, fmt::format("{}: an incomplete sheet cannot have a pass mark", name), "pass-incomplete");
    if (p.at_least <= Rational(0) || p.at_least > top)
      diags.error(p.where,
                  fmt::format("{}: pass mark {} is out of range: a score {} runs from 0 to {}", name,
                              p.at_least.exact(), p.on == PassOn::base ? "before the bonus" : "with the bonus",
                              top.exact()),
                  "pass-range");
  }
}

}  // namespace

void check_rubric(const Rubric& rubric, Diagnostics& diags) {
  if (rubric.stages.empty()) diags.error(rubric.where, "the rubric has no stages", "empty");
  check_unique_ids(rubric.stages, "stage", diags);
  for (const auto& stage : rubric.stages) check_stage(stage, diags);
}

// ---------------------------------------------------------------------------------------------
// Scoring

std::optional<std::pair<size_t, size_t>> trimmed_out(const std::vector<Rational>& totals) {
  if (totals.size() < 3) return std::nullopt;
  size_t high = 0;
  size_t low = 0;
  for (size_t k = 1; k < totals.size(); ++k) {
    if (totals[k] > totals[high]) high = k;  // the first listed of the highest
    if (totals[k] <= totals[low]) low = k;   // the last listed of the lowest
  }
  // When every total is equal, high is the first evaluator and low the last: still two different ones.
  return std::make_pair(high, low);
}

namespace {

/// The score as shown, with the exact value added when rounding would hide which side of `mark` it is on.
std::string shown(Rational value, Rational mark) {
  std::string s = value.fixed(2);
  if (s == mark.fixed(2) && value != mark) s += fmt::format(" (= {})", value.exact());
  return s;
}

}  // namespace

ScoreResult score_sheet(const Rubric& rubric, const Stage& stage, const Sheet& sheet) {
  ScoreResult r;
  r.rubric = &rubric;
  r.stage = &stage;

  if (stage.suitability)
    for (size_t k = 0; k < stage.suitability->items.size() && k < sheet.suitable.size(); ++k)
      if (!sheet.suitable[k]) r.unsuitable.push_back(&stage.suitability->items[k]);
  r.suitable = r.unsuitable.empty();

  if (stage.scored() && !sheet.evaluators.empty()) {
    std::vector<Rational> totals;
    for (const auto& ev : sheet.evaluators) {
      EvaluatorResult er;
      er.name = ev.name;
      size_t k = 0;
      for (const auto& section : stage.sections) {
        Rational sum;
        for (size_t j = 0; j < section.items.size(); ++j, ++k) sum += k < ev.points.size() ? ev.points[k] : Rational(0);
        er.sections.push_back(sum);
        er.total += sum;
      }
      totals.push_back(er.total);
      r.evaluators.push_back(std::move(er));
    }
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean) {
      if (auto out = trimmed_out(totals)) {
        r.evaluators[out->first].counted = false;
        r.evaluators[out->first].dropped = "highest";
        r.evaluators[out->second].counted = false;
        r.evaluators[out->second].dropped = "lowest";
      } else {
        r.too_few_to_trim = true;
      }
    }
    Rational sum;
    std::int64_t counted = 0;
    for (const auto& er : r.evaluators)
      if (er.counted) {
        sum += er.total;
        ++counted;
      }
    r.evaluator_score = sum / Rational(counted);

    // Items that lose points, averaged over the evaluators that count; the losses add up to
    // (items' maximum − evaluator score).
    size_t k = 0;
    for (const auto& section : stage.sections)
      for (const auto& item : section.items) {
        Rational item_sum;
        for (size_t e = 0; e < sheet.evaluators.size(); ++e)
          if (r.evaluators[e].counted) item_sum += sheet.evaluators[e].points[k];
        const Rational mean = item_sum / Rational(counted);
        if (mean < item.max) r.losses.push_back(ItemLoss{&section, &item, mean, item.max - mean});
        ++k;
      }
    std::stable_sort(r.losses.begin(), r.losses.end(),
                     [](const ItemLoss& a, const ItemLoss& b) { return a.lost > b.lost; });
  }

  r.base = r.evaluator_score;
  if (stage.combine) {
    r.extra = sheet.extra.value_or(Rational(0));
    r.base = stage.combine->evaluators_weight * r.evaluator_score + stage.combine->extra_weight * *r.extra;
  }
  if (stage.bonus) {
    for (const auto& id : sheet.bonus)
      for (const auto& item : stage.bonus->items)
        if (item.id == id) {
          r.bonus_held.push_back(&item);
          r.bonus_sum += item.points;
        }
    r.bonus = stage.bonus->cap && *stage.bonus->cap < r.bonus_sum ? *stage.bonus->cap : r.bonus_sum;
  }
  r.final_score = r.base + r.bonus;

  // Verdict: a fail on a suitability row decides whatever the points; then the pass mark.
  if (!r.suitable) {
    std::string ko;
    std::string en;
    for (const auto* item : r.unsuitable) {
      ko += (ko.empty() ? "" : "; ") + item->text.ko;
      en += (en.empty() ? "" : "; ") + item->text.in(Lang::en);
    }
    const std::string mark = stage.suitability->fail_mark;
    r.verdict = Verdict::fail;
    r.reason = Text{fmt::format("부적합: {} 항목 {}개 — {}", mark, r.unsuitable.size(), ko),
                    fmt::format("unsuitable: {} on {} item(s) — {}", mark, r.unsuitable.size(), en)};
  } else if (!stage.scored()) {
    r.verdict = Verdict::pass;
    r.reason = Text{fmt::format("적합: 모든 항목 {}", stage.suitability->pass_mark),
                    fmt::format("suitable: {} on every item", stage.suitability->pass_mark)};
  } else if (stage.is_incomplete()) {
    r.verdict = Verdict::incomplete;
    r.reason = Text{fmt::format("공개된 항목 {}점 / {}점만 계산 — {}", stage.items_max().exact(),
                                stage.total ? stage.total->exact() : stage.items_max().exact(), stage.incomplete.ko),
                    fmt::format("only the published {} of {} points are scored — {}", stage.items_max().exact(),
                                stage.total ? stage.total->exact() : stage.items_max().exact(),
                                stage.incomplete.in(Lang::en))};
  } else if (stage.pass) {
    const PassMark& p = *stage.pass;
    const Rational value = p.on == PassOn::base ? r.base : r.final_score;
    const std::string mark = p.at_least.exact();
    const char* which_ko = p.on == PassOn::base ? "기본점수" : "최종 점수";
    const char* which_en = p.on == PassOn::base ? "score before the bonus" : "score with the bonus";
    if (value >= p.at_least) {
      r.verdict = Verdict::pass;
      r.passed_by_bonus = p.on == PassOn::final_score && r.base < p.at_least;
      r.reason = Text{fmt::format("{} {}점 ≥ {}점{}", which_ko, shown(value, p.at_least), mark,
                                  r.passed_by_bonus ? fmt::format(" (가점 없이는 {}점으로 미달)", shown(r.base, p.at_least)) : ""),
                      fmt::format("{} {} ≥ {}{}", which_en, shown(value, p.at_least), mark,
                                  r.passed_by_bonus ? fmt::format(" (only with the bonus: {} without it)",
                                                                  shown(r.base, p.at_least))
                                                    : "")};
    } else {
      r.verdict = Verdict::fail;
      r.reason = Text{fmt::format("{} {}점 < {}점 ({}점 부족)", which_ko, shown(value, p.at_least), mark,
                                  (p.at_least - value).fixed(2)),
                      fmt::format("{} {} < {} ({} short)", which_en, shown(value, p.at_least), mark,
                                  (p.at_least - value).fixed(2))};
    }
  } else {
    r.verdict = Verdict::no_pass_mark;
    r.reason = Text{"점수 순으로 선정", "companies are ranked by score"};
  }
  return r;
}

}  // namespace sfgrant
