#include "sfgrant/render/batch_summary.h"

#include <fmt/format.h>

#include <ostream>
#include <string>

#include "sfgrant/render/words.h"
#include "sfgrant/text/table.h"

namespace sfgrant {

void print_batch_summary(std::ostream& out, const BatchSummary& summary, Lang lang, double seconds) {
  // the counts, then every line of the input accounted for, so a reader can check that they add up
  if (lang == Lang::ko)
    out << fmt::format(
        "sfgrant batch: {}행 읽음, {}행 평가, {}행 거부; {}줄 = 머리글 {} + 빈 줄 {} + 행 {} ({:.1f}초)\n",
        summary.read, summary.evaluated, summary.rejected, summary.lines, summary.header_lines, summary.blank_lines,
        summary.row_lines, seconds);
  else
    out << fmt::format(
        "sfgrant batch: {} rows read, {} evaluated, {} rejected; {} lines = {} header + {} blank + {} "
        "in rows ({:.1f} s)\n",
        summary.read, summary.evaluated, summary.rejected, summary.lines, summary.header_lines, summary.blank_lines,
        summary.row_lines, seconds);
  Table t({"program", lang == Lang::ko ? "지원 가능" : "eligible", lang == Lang::ko ? "확인 필요" : "possible",
           lang == Lang::ko ? "정부지원 합계" : "government total",
           lang == Lang::ko ? "비용 미입력(합계 제외)" : "no cost given (not in total)"},
          {Align::left, Align::right, Align::right, Align::right, Align::right});
  for (const auto& [id, totals] : summary.programs)
    t.add_row({id, std::to_string(totals.eligible), std::to_string(totals.possible),
               format_money(totals.government, lang), std::to_string(totals.at_cap)});
  t.print(out);
}

}  // namespace sfgrant
