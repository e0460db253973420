// The score as a table: each evaluator's sections, the summary lines, the verdict, the items that
// lose the most points and the notes.
#include <fmt/format.h>

#include "score_parts.h"
#include "sfgrant/render/score.h"
#include "sfgrant/text/table.h"

namespace sfgrant {
namespace {

std::string percent(Rational r) { return (r * Rational(100)).exact() + "%"; }

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
      std::vector<std::string> row{e.name.empty() ? fmt::format("{} {}", ko ? "평가위원" : "evaluator", k + 1)
                                                  : e.name};
      for (const auto& s : e.sections) row.push_back(s.fixed(2));
      row.push_back(e.total.fixed(2));
      if (trims)
        row.push_back(e.dropped == "highest"  ? (ko ? "제외 (최고점)" : "dropped (highest)")
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
      summary.push_back(
          {fmt::format("{} ({} × {} + {} × {})", ko ? "기본점수" : "base score", percent(c.evaluators_weight),
                       r.evaluator_score.fixed(2), percent(c.extra_weight), r.extra ? r.extra->fixed(2) : "-"),
           r.base.fixed(2)});
    }
    if (stage.bonus) {
      std::string held;
      for (const auto* b : r.bonus_held)
        held += fmt::format("{}{} {}", held.empty() ? "" : ", ", b->id, b->points.exact());
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

  out << '\n'
      << (ko ? "결과: " : "result: ") << verdict_label(r.verdict, lang) << " — " << score_reason(r, lang) << '\n';
  const std::string why = !r.suitable ? stage.suitability->source : stage.pass ? stage.pass->source : "";
  if (!why.empty()) out << "  " << (ko ? "근거: " : "source: ") << why << '\n';

  if (!r.losses.empty()) {
    out << '\n'
        << (ko ? "감점이 큰 항목 (반영된 평가위원 평균)"
               : "Items losing the most points (mean of the evaluators that count)")
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

}  // namespace sfgrant
