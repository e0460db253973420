#include "sfgrant/render/score.h"

#include <fmt/format.h>

#include "score_parts.h"

namespace sfgrant {
namespace {

/// The score as shown, with the exact value added when rounding would hide which side of `mark` it is on.
std::string shown(Rational value, Rational mark) {
  std::string s = value.fixed(2);
  if (s == mark.fixed(2) && value != mark) s += fmt::format(" (= {})", value.exact());
  return s;
}

}  // namespace

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::pass:
      return "pass";
    case Verdict::fail:
      return "fail";
    case Verdict::no_pass_mark:
      return "no_pass_mark";
    case Verdict::incomplete:
      return "incomplete";
  }
  return "";
}

std::string verdict_label(Verdict v, Lang lang) {
  const bool ko = lang == Lang::ko;
  switch (v) {
    case Verdict::pass:
      return ko ? "통과" : "pass";
    case Verdict::fail:
      return ko ? "탈락" : "fail";
    case Verdict::no_pass_mark:
      return ko ? "합격선 없음" : "no pass mark";
    case Verdict::incomplete:
      return ko ? "부분 점수" : "partial";
  }
  return "";
}

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
    reason = Text{
        fmt::format("공개된 항목 {}점 / {}점만 계산 — {}", stage.items_max().exact(),
                    stage.total ? stage.total->exact() : stage.items_max().exact(), stage.incomplete.ko),
        fmt::format("only the published {} of {} points are scored — {}", stage.items_max().exact(),
                    stage.total ? stage.total->exact() : stage.items_max().exact(), stage.incomplete.in(Lang::en))};
  } else if (stage.pass) {
    const PassMark& p = *stage.pass;
    const Rational value = p.on == PassOn::base ? r.base : r.final_score;
    const std::string mark = p.at_least.exact();
    const char* which_ko = p.on == PassOn::base ? "기본점수" : "최종 점수";
    const char* which_en = p.on == PassOn::base ? "score before the bonus" : "score with the bonus";
    if (value >= p.at_least) {
      reason = Text{
          fmt::format("{} {}점 ≥ {}점{}", which_ko, shown(value, p.at_least), mark,
                      r.passed_by_bonus ? fmt::format(" (가점 없이는 {}점으로 미달)", shown(r.base, p.at_least)) : ""),
          fmt::format("{} {} ≥ {}{}", which_en, shown(value, p.at_least), mark,
                      r.passed_by_bonus
                          ? fmt::format(" (only with the bonus: {} without it)", shown(r.base, p.at_least))
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

void render_score(const ScoreResult& r, const Sheet& sheet, int year, const RenderOptions& options, Format format,
                  std::ostream& out) {
  if (format == Format::json)
    print_json(out, [&](JsonWriter& json) { score_json(r, sheet, year, options.lang, json); });
  else
    score_table(r, sheet, year, options.lang, options.width, out);
}

}  // namespace sfgrant
