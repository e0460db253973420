// A filled-in evaluation sheet (programs/RUBRICS.md, "Sheets"): each evaluator's grade for every item,
// the suitability answers, the bonus items held. Strict, with file:line:col.
#include "sfgrant/load/sheet_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "sfgrant/model/suggest.h"
#include "sfgrant/text/table.h"
#include "yaml_reader.h"

namespace sfgrant {

using Reader = detail::YamlReader;

namespace {

/// Comparison form of a grade word: NFC, no spaces, ASCII lower case (`다소미흡`, `excellent`).
std::string fold(const std::string& s) {
  std::string out;
  for (char c : nfc(s)) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

/// Points for one item from a grade id, a grade name or the points themselves.
std::optional<Rational> read_grade(Reader& r, const YAML::Node& n, const Stage& stage, const RubricItem& item,
                                   const std::string& ctx, std::string& grade_id) {
  auto s = r.scalar(n, ctx);
  if (!s) return std::nullopt;
  if (s->empty()) {
    r.error(n, fmt::format("{}: no grade given; expected {}", ctx, describe_grades(stage, item, Lang::ko)),
            "missing-grade");
    return std::nullopt;
  }
  const std::string word = fold(*s);
  if (!item.points.empty())
    for (size_t k = 0; k < stage.grades.size() && k < item.points.size(); ++k) {
      const Grade& g = stage.grades[k];
      if (word == fold(g.id) || (!g.name.ko.empty() && word == fold(g.name.ko)) ||
          (!g.name.en.empty() && word == fold(g.name.en))) {
        grade_id = g.id;
        return item.points[k];
      }
    }
  std::optional<Rational> value;
  try {
    value = Rational::parse(*s);
  } catch (const Error&) {
  }
  if (value && !item.points.empty()) {
    for (size_t k = 0; k < item.points.size(); ++k)
      if (item.points[k] == *value) {
        grade_id = k < stage.grades.size() ? stage.grades[k].id : "";
        return value;
      }
    r.error(n,
            fmt::format("{}: {} is not a grade of this item (max {}): expected one of {}", ctx, *s, item.max.exact(),
                        describe_grades(stage, item, Lang::ko)),
            "bad-grade");
    return std::nullopt;
  }
  if (value) {
    if (*value < Rational(0) || *value > item.max) {
      r.error(n, fmt::format("{}: {} is out of range: expected points from 0 to {}", ctx, *s, item.max.exact()),
              "bad-grade");
      return std::nullopt;
    }
    return value;
  }
  std::string message;
  if (item.points.empty()) {
    message = fmt::format("{}: \"{}\" is not a number: this item has no published grades, give points from 0 to {}",
                          ctx, *s, item.max.exact());
  } else {
    std::vector<std::string> words;
    for (const auto& g : stage.grades) {
      words.push_back(g.id);
      if (!g.name.ko.empty()) words.push_back(g.name.ko);
      if (!g.name.en.empty()) words.push_back(g.name.en);
    }
    message = fmt::format("{}: unknown grade \"{}\": expected one of {} (a grade or its points)", ctx, *s,
                          describe_grades(stage, item, Lang::ko));
    if (auto near = closest(*s, words)) message += fmt::format("; did you mean \"{}\"?", *near);
  }
  r.error(n, message, "bad-grade");
  return std::nullopt;
}

std::optional<bool> read_mark(Reader& r, const YAML::Node& n, const Suitability& su, const std::string& ctx) {
  auto s = r.scalar(n, ctx);
  if (!s) return std::nullopt;
  const std::string w = fold(*s);
  static const std::set<std::string> yes = {"○", "o", "◯", "yes", "y", "true", "pass", "적", "적합", "적격"};
  static const std::set<std::string> no = {"×", "x", "✕", "✗", "no", "n", "false", "fail", "부", "부적합", "부적격"};
  if (w == fold(su.pass_mark) || yes.count(w) > 0) return true;
  if (w == fold(su.fail_mark) || no.count(w) > 0) return false;
  r.error(n,
          fmt::format("{}: \"{}\" is not an answer: expected {} (suitable) or {} (not suitable)", ctx, *s, su.pass_mark,
                      su.fail_mark),
          "bad-answer");
  return std::nullopt;
}

/// Reads `key: value` pairs of a map against the known ids, reporting unknown and missing ones.
template <typename F>
void read_by_id(Reader& r, const YAML::Node& map, const std::string& context, const std::vector<std::string>& ids,
                F each) {
  if (!r.keys(map, context, ids)) return;
  std::vector<std::string> missing;
  for (size_t k = 0; k < ids.size(); ++k) {
    YAML::Node v = map[ids[k]];
    if (!v)
      missing.push_back(ids[k]);
    else
      each(k, v);
  }
  if (!missing.empty())
    r.error(map,
            fmt::format("{}: {} missing: {}", context, missing.size() == 1 ? "one item is" : "items are",
                        fmt::join(missing, ", ")),
            "missing-item");
}

}  // namespace

Sheet load_sheet(const std::string& text, const std::string& file, const Rubric& rubric, const std::string& stage_id,
                 Diagnostics& diags) {
  Sheet sheet;
  sheet.file = file;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return sheet;
  const YAML::Node& root = *parsed;
  Reader r(file, diags);
  if (!r.keys(root, "sheet", {"program", "company", "stage", "suitability", "evaluators", "bonus", "scores"}))
    return sheet;

  if (auto p = root["program"]) {
    sheet.program = r.scalar(p, "program").value_or("");
    if (!sheet.program.empty() && sheet.program != rubric.program)
      r.error(p,
              fmt::format("program: this sheet is for \"{}\", but it is being scored for \"{}\"", sheet.program,
                          rubric.program),
              "wrong-program");
  }
  if (auto c = root["company"]) sheet.company = r.scalar(c, "company").value_or("");

  // Which stage: --stage, the sheet's `stage`, or the rubric's only one.
  std::vector<std::string> stage_ids;
  for (const auto& s : rubric.stages) stage_ids.push_back(s.id);
  std::string chosen = stage_id;
  YAML::Node stage_node = root["stage"];
  if (stage_node) {
    const std::string given = r.scalar(stage_node, "stage").value_or("");
    if (!chosen.empty() && !given.empty() && given != chosen)
      r.error(stage_node, fmt::format("stage: the sheet is for stage \"{}\" but --stage is \"{}\"", given, chosen),
              "wrong-stage");
    if (chosen.empty()) chosen = given;
  }
  if (chosen.empty() && rubric.stages.size() == 1) chosen = rubric.stages.front().id;
  if (chosen.empty()) {
    diags.error(r.at(root),
                fmt::format("the {} rubric has {} stages: say which one with `stage:` ({})", rubric.program,
                            rubric.stages.size(), fmt::join(stage_ids, ", ")),
                "missing-stage");
    return sheet;
  }
  const Stage* stage = rubric.find_stage(chosen);
  if (stage == nullptr) {
    std::string message = fmt::format("unknown stage \"{}\" of {}", chosen, rubric.program);
    if (auto near = closest(chosen, stage_ids))
      message += fmt::format("; did you mean \"{}\"?", *near);
    else
      message += fmt::format("; expected one of {}", fmt::join(stage_ids, ", "));
    if (stage_node)
      r.error(stage_node, message, "unknown-stage");
    else
      diags.error(Location{file}, message, "unknown-stage");
    return sheet;
  }
  sheet.stage = stage->id;
  const std::string sname = fmt::format("stage \"{}\"", stage->id);

  // ○/× answers
  YAML::Node su = root["suitability"];
  if (stage->suitability) {
    sheet.suitable.assign(stage->suitability->items.size(), true);
    std::vector<std::string> ids;
    for (const auto& i : stage->suitability->items) ids.push_back(i.id);
    if (!su)
      r.error(root,
              fmt::format("suitability: {} has {} answers to give ({}): {}", sname, ids.size(),
                          fmt::format("{} or {}", stage->suitability->pass_mark, stage->suitability->fail_mark),
                          fmt::join(ids, ", ")),
              "missing-key");
    else
      read_by_id(r, su, "suitability", ids, [&](size_t k, const YAML::Node& v) {
        if (auto ok = read_mark(r, v, *stage->suitability, "suitability." + ids[k])) sheet.suitable[k] = *ok;
      });
  } else if (su) {
    r.error(su, fmt::format("suitability: {} has no suitability items", sname), "not-in-stage");
  }

  // Evaluators' grades
  YAML::Node evs = root["evaluators"];
  if (stage->scored()) {
    const auto items = stage->items();
    std::vector<std::string> ids;
    for (const auto* i : items) ids.push_back(i->id);
    if (!evs) {
      r.error(root, fmt::format("evaluators: {} is scored: give at least one evaluator's grades", sname),
              "missing-key");
    } else if (!evs.IsSequence() || evs.size() == 0) {
      r.error(evs, "evaluators: expected a list of evaluators, each with `grades`", "wrong-type");
    } else {
      for (size_t e = 0; e < evs.size(); ++e) {
        const YAML::Node ev = evs[e];
        const std::string ectx = fmt::format("evaluators[{}]", e + 1);
        EvaluatorSheet es;
        es.where = r.at(ev);
        es.points.assign(items.size(), Rational(0));
        es.grades.assign(items.size(), "");
        if (!r.keys(ev, ectx, {"name", "grades"})) continue;
        if (auto nm = ev["name"]) es.name = r.scalar(nm, ectx + ".name").value_or("");
        if (auto g = r.need(ev, "grades", ectx))
          read_by_id(r, g, ectx + ".grades", ids, [&](size_t k, const YAML::Node& v) {
            if (auto p = read_grade(r, v, *stage, *items[k], fmt::format("{}.grades.{}", ectx, ids[k]), es.grades[k]))
              es.points[k] = *p;
          });
        sheet.evaluators.push_back(std::move(es));
      }
    }
  } else if (evs) {
    r.error(evs, fmt::format("evaluators: {} has no scored items, only suitability answers", sname), "not-in-stage");
  }

  // Bonus items held
  if (auto b = root["bonus"]) {
    std::vector<std::string> ids;
    if (stage->bonus)
      for (const auto& i : stage->bonus->items) ids.push_back(i.id);
    r.list(b, "bonus", [&](const YAML::Node& v, const std::string& ctx) {
      auto s = r.scalar(v, ctx);
      if (!s) return;
      if (!stage->bonus) {
        r.error(v, fmt::format("{}: {} has no bonus items", ctx, sname), "not-in-stage");
      } else if (std::find(ids.begin(), ids.end(), *s) == ids.end()) {
        std::string message = fmt::format("{}: unknown bonus item \"{}\"", ctx, *s);
        if (auto near = closest(*s, ids))
          message += fmt::format("; did you mean \"{}\"?", *near);
        else
          message += fmt::format("; expected one of {}", fmt::join(ids, ", "));
        r.error(v, message, "unknown-bonus");
      } else if (std::find(sheet.bonus.begin(), sheet.bonus.end(), *s) != sheet.bonus.end()) {
        r.error(v, fmt::format("{}: bonus item \"{}\" is listed twice", ctx, *s), "duplicate-bonus");
      } else {
        sheet.bonus.push_back(*s);
      }
    });
  }

  // Scores from elsewhere (일자리평가 점수)
  YAML::Node sc = root["scores"];
  if (stage->combine) {
    const Combination& c = *stage->combine;
    if (!sc) {
      r.error(root,
              fmt::format("scores: {} needs `scores: {{{}: …}}` ({}, 0 to {})", sname, c.extra_id, c.extra_name.ko,
                          c.extra_max.exact()),
              "missing-key");
    } else {
      read_by_id(r, sc, "scores", {c.extra_id}, [&](size_t, const YAML::Node& v) {
        if (auto x = r.number(v, "scores." + c.extra_id)) {
          if (*x < Rational(0) || *x > c.extra_max)
            r.error(v,
                    fmt::format("scores.{}: {} is out of range: expected 0 to {}", c.extra_id, x->exact(),
                                c.extra_max.exact()),
                    "range");
          else
            sheet.extra = *x;
        }
      });
    }
  } else if (sc) {
    r.error(sc, fmt::format("scores: {} combines no other score", sname), "not-in-stage");
  }
  return sheet;
}

}  // namespace sfgrant
