#include "sfgrant/render/score.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "sfgrant/text/table.h"

namespace sfgrant {
namespace {

/// The score as shown, with the exact value added when rounding would hide which side of `mark` it is on.
std::string shown(Rational value, Rational mark) {
  std::string s = value.fixed(2);
  if (s == mark.fixed(2) && value != mark) s += fmt::format(" (= {})", value.exact());
  return s;
}

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::no_pass_mark: return "no_pass_mark";
    case Verdict::incomplete: return "incomplete";
  }
  return "";
}

std::string verdict_label(Verdict v, Lang lang) {
  const bool ko = lang == Lang::ko;
  switch (v) {
    case Verdict::pass: return ko ? "통과" : "pass";
    case Verdict::fail: return ko ? "탈락" : "fail";
    case Verdict::no_pass_mark: return ko ? "합격선 없음" : "no pass mark";
    case Verdict::incomplete: return ko ? "부분 점수" : "partial";
  }
  return "";
}

std::string percent(Rational r) { return (r * Rational(100)).exact() + "%"; }

/// What a consultant should know besides the score: too few evaluators to trim, bonus evidence, the stage's notes.
std::vector<std::pair<Text, std::string>> result_notes(const ScoreResult& r) {
  std::vector<std::pair<Text, std::string>> notes;
  if (r.too_few_to_trim)
    notes.push_back({Text{"평가위원이 3명 미만이라 최고점·최저점을 제외하지 않고 전체 평균을 냈습니다",
                          "fewer than 3 evaluators: nothing is dropped, the plain mean of all is used"},
                     r.stage->evaluators.source});
  for (const auto* b : r.bonus_held)
    if (!b->note.empty()) notes.push_back({b->note, b->source});
  for (const auto& n : r.stage->notes) notes.push_back({n.text, n.source});
  return notes;
}

/// Label and value lines, the values right-aligned in one column.
void print_summary(const std::vector<std::pair<std::string, std::string>>& lines, std::ostream& out) {
  int label_width = 0;
  int value_width = 0;
  for (const auto& [label, value] : lines) {
    label_width = std::max(label_width, display_width(label));
    value_width = std::max(value_width, display_width(value));
  }
  for (const auto& [label, value] : lines)
    out << label << std::string(static_cast<size_t>(label_width - display_width(label) + 2), ' ')
        << std::string(static_cast<size_t>(value_width - display_width(value)), ' ') << value << '\n';
}

}  // namespace

std::string score_reason(const ScoreResult& r, Lang lang) {
  const Stage& stage = *r.stage;
  Text reason;
  if (!r.suitable) {
    std::string ko;
    std::string en;
    for (const auto* item : r.unsuitable) {
      ko += (ko.empty() ? "" : "; ") + item->text.ko;
      en += (en.empty() ? "" : "; ") + item->text.in(Lang::en);
    }
    const std::string mark = stage.suitability->fail_mark;
    reason = Text{fmt::format("부적합: {} 항목 {}개 — {}", mark, r.unsuitable.size(), ko),
                    fmt::format("unsuitable: {} on {} item(s) — {}", mark, r.unsuitable.size(), en)};
  } else if (!stage.scored()) {
    reason = Text{fmt::format("적합: 모든 항목 {}", stage.suitability->pass_mark),
                    fmt::format("suitable: {} on every item", stage.suitability->pass_mark)};
  } else if (stage.is_incomplete()) {
    reason = Text{fmt::format("공개된 항목 {}점 / {}점만 계산 — {}", stage.items_max().exact(),
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
      reason = Text{fmt::format("{} {}점 ≥ {}점{}", which_ko, shown(value, p.at_least), mark,
                                  r.passed_by_bonus ? fmt::format(" (가점 없이는 {}점으로 미달)", shown(r.base, p.at_least)) : ""),
                      fmt::format("{} {} ≥ {}{}", which_en, shown(value, p.at_least), mark,
                                  r.passed_by_bonus ? fmt::format(" (only with the bonus: {} without it)",
                                                                  shown(r.base, p.at_least))
                                                    : "")};
    } else {
      reason = Text{fmt::format("{} {}점 < {}점 ({}점 부족)", which_ko, shown(value, p.at_least), mark,
                                  (p.at_least - value).fixed(2)),
                      fmt::format("{} {} < {} ({} short)", which_en, shown(value, p.at_least), mark,
                                  (p.at_least - value).fixed(2))};
    }
  } else {
    reason = Text{"점수 순으로 선정", "companies are ranked by score"};
  }
  return reason.in(lang);
}

namespace {

void score_table(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, int width, std::ostream& out) {
  const bool ko = lang == Lang::ko;
  const Stage& stage = *r.stage;
  out << r.rubric->name.in(lang) << " · " << stage.name.in(lang) << " [" << r.rubric->program << ":" << stage.id
      << "] · " << year << '\n';
  if (!sheet.company.empty()) out << (ko ? "회사: " : "company: ") << sheet.company << '\n';

  if (stage.suitability) {
    out << '\n' << (ko ? "적합성" : "Suitability") << '\n';
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      const std::string line = fmt::format("  {}  {}", ok ? stage.suitability->pass_mark : stage.suitability->fail_mark,
                                           stage.suitability->items[k].text.in(lang));
      out << (width > 0 ? truncate_to_width(line, width) : line) << '\n';
    }
  }

  if (stage.scored()) {
    std::vector<std::string> headers{ko ? "평가위원" : "evaluator"};
    std::vector<Align> align{Align::left};
    for (const auto& s : stage.sections) {
      headers.push_back(fmt::format("{}({})", s.name.in(lang), s.points.exact()));
      align.push_back(Align::right);
    }
    headers.push_back(fmt::format("{}({})", ko ? "합계" : "total", stage.items_max().exact()));
    align.push_back(Align::right);
    // which evaluators the trimmed mean leaves out; no such column when every score counts
    const bool trims = stage.evaluators.aggregate == Aggregate::trimmed_mean;
    if (trims) {
      headers.push_back(ko ? "비고" : "note");
      align.push_back(Align::left);
    }
    Table table(headers, align);
    for (size_t k = 0; k < r.evaluators.size(); ++k) {
      const EvaluatorResult& e = r.evaluators[k];
      std::vector<std::string> row{
          e.name.empty() ? fmt::format("{} {}", ko ? "평가위원" : "evaluator", k + 1) : e.name};
      for (const auto& s : e.sections) row.push_back(s.fixed(2));
      row.push_back(e.total.fixed(2));
      if (trims)
        row.push_back(e.dropped == "highest" ? (ko ? "제외 (최고점)" : "dropped (highest)")
                      : e.dropped == "lowest" ? (ko ? "제외 (최저점)" : "dropped (lowest)")
                                              : "");
      table.add_row(row);
    }
    out << '\n';
    table.print(out, width);
    out << '\n';

    std::vector<std::pair<std::string, std::string>> summary;
    std::string mean_label;
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean && !r.too_few_to_trim)
      mean_label = ko ? "평가위원 평균 (최고·최저 제외)" : "evaluators' mean (without highest and lowest)";
    else
      mean_label = ko ? "평가위원 평균" : "evaluators' mean";
    summary.push_back({mean_label, r.evaluator_score.fixed(2)});
    if (stage.combine) {
      const Combination& c = *stage.combine;
      summary.push_back({c.extra_name.in(lang), r.extra ? r.extra->fixed(2) : "-"});
      summary.push_back({fmt::format("{} ({} × {} + {} × {})", ko ? "기본점수" : "base score", percent(c.evaluators_weight),
                                   r.evaluator_score.fixed(2), percent(c.extra_weight), r.extra ? r.extra->fixed(2) : "-"),
                       r.base.fixed(2)});
    }
    if (stage.bonus) {
      std::string held;
      for (const auto* b : r.bonus_held) held += fmt::format("{}{} {}", held.empty() ? "" : ", ", b->id, b->points.exact());
      std::string label = ko ? "가점" : "bonus";
      if (!held.empty()) label += " (" + held + ")";
      if (r.bonus != r.bonus_sum)
        label += ko ? fmt::format(" 합 {} → 최대 {}", r.bonus_sum.exact(), r.bonus.exact())
                    : fmt::format(" sum {} → capped at {}", r.bonus_sum.exact(), r.bonus.exact());
      summary.push_back({label, "+" + r.bonus.fixed(2)});
    }
    summary.push_back({ko ? "최종 점수" : "final score", r.final_score.fixed(2)});
    print_summary(summary, out);
  }

  out << '\n' << (ko ? "결과: " : "result: ") << verdict_label(r.verdict, lang) << " — " << score_reason(r, lang) << '\n';
  const std::string why = !r.suitable ? stage.suitability->source : stage.pass ? stage.pass->source : "";
  if (!why.empty()) out << "  " << (ko ? "근거: " : "source: ") << why << '\n';

  if (!r.losses.empty()) {
    out << '\n'
        << (ko ? "감점이 큰 항목 (반영된 평가위원 평균)" : "Items losing the most points (mean of the evaluators that count)")
        << '\n';
    Table losses({ko ? "감점" : "lost", ko ? "평균/배점" : "mean/max", ko ? "항목" : "item"},
                 {Align::right, Align::right, Align::left});
    for (size_t k = 0; k < r.losses.size() && k < 5; ++k) {
      const auto& l = r.losses[k];
      losses.add_row({"-" + l.lost.fixed(2), fmt::format("{}/{}", l.mean.fixed(2), l.item->max.exact()),
                      fmt::format("{} · {}", l.section->name.in(lang), l.item->text.in(lang))});
    }
    losses.print(out, width);
  }

  const auto notes = result_notes(r);
  if (!notes.empty()) {
    out << '\n' << (ko ? "참고" : "Notes") << '\n';
    for (const auto& [text, source] : notes) {
      out << "  · " << text.in(lang) << '\n';
      if (!source.empty()) out << "    " << source << '\n';
    }
  }
  out << '\n' << (ko ? "평가표: " : "sheet: ") << stage.source << '\n';
}

void score_json(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, JsonWriter& out) {
  const Stage& stage = *r.stage;
  auto string_or_null = [&out](const std::string& s) {
    if (s.empty()) out.null();
    else out.value(s);
  };
  out.begin_object();
  out.key("year");
  out.value(year);
  out.key("program");
  out.value(r.rubric->program);
  out.key("stage");
  out.value(stage.id);
  out.key("stage_name");
  out.value(stage.name.in(lang));
  out.key("company");
  string_or_null(sheet.company);
  out.key("suitability");
  if (stage.suitability) {
    out.begin_object();
    out.key("suitable");
    out.value(r.suitable);
    out.key("items");
    out.begin_array();
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const auto& item = stage.suitability->items[k];
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      out.begin_object();
      out.key("id");
      out.value(item.id);
      out.key("text");
      out.value(item.text.in(lang));
      out.key("answer");
      out.value(ok ? stage.suitability->pass_mark : stage.suitability->fail_mark);
      out.key("suitable");
      out.value(ok);
      out.key("source");
      out.value(item.source);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  } else {
    out.null();
  }
  if (stage.scored()) {
    out.key("evaluators");
    out.begin_array();
    for (const auto& e : r.evaluators) {
      out.begin_object();
      out.key("name");
      string_or_null(e.name);
      out.key("total");
      out.value(e.total.rounded());
      out.key("sections");
      out.begin_object();
      for (size_t k = 0; k < stage.sections.size(); ++k) {
        out.key(stage.sections[k].id);
        out.value(e.sections[k].rounded());
      }
      out.end_object();
      out.key("counted");
      out.value(e.counted);
      out.key("dropped");
      string_or_null(e.dropped);
      out.end_object();
    }
    out.end_array();
    out.key("aggregate");
    out.value(stage.evaluators.aggregate == Aggregate::trimmed_mean ? "trimmed_mean" : "mean");
    out.key("too_few_to_trim");
    out.value(r.too_few_to_trim);
    out.key("evaluator_score");
    out.value(r.evaluator_score.rounded());
    out.key("evaluator_score_exact");
    out.value(r.evaluator_score.exact());
    out.key("extra");
    if (stage.combine) {
      out.begin_object();
      out.key("id");
      out.value(stage.combine->extra_id);
      out.key("name");
      out.value(stage.combine->extra_name.in(lang));
      out.key("score");
      if (r.extra) out.value(r.extra->rounded());
      else out.null();
      out.key("weight");
      out.value(stage.combine->extra_weight.rounded(4));
      out.key("evaluators_weight");
      out.value(stage.combine->evaluators_weight.rounded(4));
      out.end_object();
    } else {
      out.null();
    }
    out.key("base_score");
    out.value(r.base.rounded());
    out.key("base_score_exact");
    out.value(r.base.exact());
    out.key("bonus");
    if (stage.bonus) {
      out.begin_object();
      out.key("held");
      out.begin_array();
      for (const auto* b : r.bonus_held) {
        out.begin_object();
        out.key("id");
        out.value(b->id);
        out.key("points");
        out.value(b->points.rounded());
        out.end_object();
      }
      out.end_array();
      out.key("sum");
      out.value(r.bonus_sum.rounded());
      out.key("cap");
      if (stage.bonus->cap) out.value(stage.bonus->cap->rounded());
      else out.null();
      out.key("points");
      out.value(r.bonus.rounded());
      out.end_object();
    } else {
      out.null();
    }
    out.key("final_score");
    out.value(r.final_score.rounded());
    out.key("final_score_exact");
    out.value(r.final_score.exact());
    out.key("max_score");
    out.value(stage.final_max().rounded());
  } else {
    for (const char* key :
         {"evaluators", "aggregate", "evaluator_score", "extra", "base_score", "bonus", "final_score", "max_score"}) {
      out.key(key);
      out.null();
    }
  }
  out.key("pass_mark");
  if (stage.pass) {
    out.begin_object();
    out.key("at_least");
    out.value(stage.pass->at_least.rounded());
    out.key("on");
    out.value(stage.pass->on == PassOn::base ? "base" : "final");
    out.key("source");
    out.value(stage.pass->source);
    out.end_object();
  } else {
    out.null();
  }
  out.key("result");
  out.value(verdict_id(r.verdict));
  out.key("passed_by_bonus");
  out.value(r.passed_by_bonus);
  out.key("reason");
  out.value(score_reason(r, lang));
  out.key("losses");
  out.begin_array();
  for (const auto& l : r.losses) {
    out.begin_object();
    out.key("section");
    out.value(l.section->id);
    out.key("item");
    out.value(l.item->id);
    out.key("text");
    out.value(l.item->text.in(lang));
    out.key("max");
    out.value(l.item->max.rounded());
    out.key("mean");
    out.value(l.mean.rounded());
    out.key("lost");
    out.value(l.lost.rounded());
    out.end_object();
  }
  out.end_array();
  out.key("notes");
  out.begin_array();
  for (const auto& [text, source] : result_notes(r)) {
    out.begin_object();
    out.key("text");
    out.value(text.in(lang));
    out.key("source");
    out.value(source);
    out.end_object();
  }
  out.end_array();
  out.key("source");
  out.value(stage.source);
  out.end_object();
}

}  // namespace

void render_score(const ScoreResult& r, const Sheet& sheet, int year, const RenderOptions& options, Format format,
                  std::ostream& out) {
  if (format == Format::json) print_json(out, [&](JsonWriter& json) { score_json(r, sheet, year, options.lang, json); });
  else score_table(r, sheet, year, options.lang, options.width, out);
}

}  // namespace sfgrant
