// The sheet to fill in: every item with its grades in a comment, filled with the highest grade.
#include "sfgrant/render/sheet_template.h"

#include <fmt/format.h>

namespace sfgrant {

void write_sheet_template(const Rubric& rubric, const Stage& stage, Lang lang, std::ostream& out) {
  const bool ko = lang == Lang::ko;
  out << "# " << rubric.name.in(lang) << " — " << stage.name.in(lang) << '\n';
  out << "# " << (ko ? "근거: " : "source: ") << stage.source << '\n';
  if (ko)
    out << "# 평가위원별로 항목마다 등급(이름 또는 점수)을 적고, 적합성은 "
        << (stage.suitability ? stage.suitability->pass_mark : "○") << "/"
        << (stage.suitability ? stage.suitability->fail_mark : "×")
        << ", 보유한 가점 항목을 bonus에 적으세요.\n# 모든 항목이 최고 등급으로 채워져 있습니다: 낮은 항목을 "
           "고치세요.\n";
  else
    out << "# Give each evaluator's grade per item (a grade or its points), answer each suitability row and list\n"
           "# the bonus items held. Every item is filled with the highest grade: change what is lower.\n";
  if (stage.is_incomplete()) out << "# " << (ko ? "미공개: " : "missing: ") << stage.incomplete.in(lang) << '\n';
  out << "program: " << rubric.program << '\n';
  out << "stage: " << stage.id << '\n';
  out << "# company: " << (ko ? "회사명 (선택)" : "company name (optional)") << '\n';

  if (stage.suitability) {
    const Suitability& su = *stage.suitability;
    out << "suitability:"
        << (ko ? fmt::format("   # {} 또는 {}: 하나라도 {}이면 부적합", su.pass_mark, su.fail_mark, su.fail_mark)
               : fmt::format("   # {} or {}: any {} fails", su.pass_mark, su.fail_mark, su.fail_mark))
        << '\n';
    for (const auto& item : su.items) {
      out << "  # " << item.text.in(lang) << '\n';
      out << "  " << item.id << ": " << su.pass_mark << '\n';
    }
  }

  if (stage.scored()) {
    const int blocks = stage.evaluators.aggregate == Aggregate::trimmed_mean ? 3 : 1;
    std::string how;
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean)
      how = ko ? "최고점과 최저점을 제외한 평균 — 위원 수만큼 블록을 복사하세요"
               : "mean without the highest and the lowest — copy a block per evaluator";
    else
      how = ko ? "평가위원 점수의 평균" : "mean of the evaluators";
    out << "evaluators:   # " << how;
    if (!stage.evaluators.panel.empty()) out << " (" << stage.evaluators.panel.in(lang) << ")";
    out << '\n';
    for (int e = 1; e <= blocks; ++e) {
      out << "  - name: " << (ko ? "평가위원 " : "evaluator ") << e << '\n';
      out << "    grades:\n";
      for (const auto& section : stage.sections) {
        out << "      # " << section.name.in(lang) << " (" << section.points.exact() << ")\n";
        for (const auto& item : section.items) {
          std::string value;
          if (item.points.empty())
            value = item.max.exact();
          else if (!stage.grades.empty() && !stage.grades.front().name.empty())
            value = ko ? stage.grades.front().name.ko : stage.grades.front().id;
          else
            value = item.points.front().exact();
          out << "      " << item.id << ": " << (value.find(' ') != std::string::npos ? "\"" + value + "\"" : value)
              << "   # " << item.text.in(lang) << " — " << describe_grades(stage, item, lang) << '\n';
        }
      }
    }
  }

  if (stage.combine) {
    const Combination& c = *stage.combine;
    out << "scores:\n";
    out << "  " << c.extra_id << ": " << c.extra_max.exact() << "   # " << c.extra_name.in(lang)
        << (ko ? fmt::format(" (0~{}, 반영비율 {}%)", c.extra_max.exact(), (c.extra_weight * Rational(100)).exact())
               : fmt::format(" (0 to {}, weighs {}%)", c.extra_max.exact(), (c.extra_weight * Rational(100)).exact()))
        << '\n';
  }

  if (stage.bonus) {
    const Bonus& b = *stage.bonus;
    out << "bonus: []   # " << (ko ? "보유한 가점 항목 id 목록" : "ids of the bonus items held")
        << (b.cap ? (ko ? fmt::format(", 합산 최대 {}점", b.cap->exact())
                        : fmt::format(", at most {} in all", b.cap->exact()))
                  : std::string())
        << '\n';
    for (const auto& item : b.items) {
      out << "#   " << item.id << ": " << item.points.exact() << (ko ? "점 — " : " points — ") << item.text.in(lang);
      if (!item.note.empty()) out << " (" << item.note.in(lang) << ")";
      out << '\n';
    }
  }
}

}  // namespace sfgrant
