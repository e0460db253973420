// Rubric consistency: what the loader cannot see one key at a time.
#include "sfgrant/validate/rubric_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "sfgrant/load/program_loader.h"
#include "sfgrant/load/rubric_loader.h"
#include "sfgrant/text/file.h"

namespace sfgrant {

namespace fs = std::filesystem;

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
      for (const auto& g : stage.grades)
        grades += (grades.empty() ? "" : ", ") + (g.name.ko.empty() ? g.id : g.name.ko);
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
      diags.error(g.where,
                  fmt::format("grade \"{}\": fraction {} must be more than 0 and at most 1", g.id, g.fraction->exact()),
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
                    fmt::format("{}: the bonus cap {} is more than all bonus items together ({})", name, b.cap->exact(),
                                sum.exact()),
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
      diags.error(
          p.where,
          fmt::format("{}: pass mark {} is out of range: a score {} runs from 0 to {}", name, p.at_least.exact(),
                      p.on == PassOn::base ? "before the bonus" : "with the bonus", top.exact()),
          "pass-range");
  }
}

}  // namespace

void check_rubric(const Rubric& rubric, Diagnostics& diags) {
  if (rubric.stages.empty()) diags.error(rubric.where, "the rubric has no stages", "empty");
  check_unique_ids(rubric.stages, "stage", diags);
  for (const auto& stage : rubric.stages) check_stage(stage, diags);
}

void validate_rubrics(const std::string& year_dir, Diagnostics& diags) {
  const auto files = rubric_files(year_dir);
  if (files.empty()) return;
  const Citations citations = year_citations(year_dir);
  for (const auto& path : files) {
    std::string text;
    try {
      text = read_file(path);
    } catch (const Error& e) {
      diags.error(e.where(), e.message(), "io");
      continue;
    }
    const Rubric rubric = load_rubric(text, path, citations, diags);
    if (rubric.program.empty()) continue;
    const Location at = rubric.where;
    if (rubric.program != fs::path(path).stem().string())
      diags.error(at,
                  fmt::format("the rubric of program \"{}\" is in a file named {}: name the file {}.yaml",
                              rubric.program, fs::path(path).filename().string(), rubric.program),
                  "file-name");
    std::error_code ec;
    if (!fs::exists(fs::path(year_dir) / (rubric.program + ".yaml"), ec))
      diags.error(at,
                  fmt::format("program \"{}\" is not a program of {}: there is no {}.yaml beside rubrics/",
                              rubric.program, fs::path(year_dir).filename().string(), rubric.program),
                  "unknown-program");
    check_rubric(rubric, diags);
  }
}

}  // namespace sfgrant
