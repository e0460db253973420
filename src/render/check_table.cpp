#include "sfgrant/render/check_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "explain.h"
#include "sfgrant/engine/closing.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

void print_next_steps(const ProgramEvaluation& pe, Lang lang, std::ostream& out) {
  Labels l{lang};
  const Program& p = *pe.program;
  out << "  " << p.name.in(lang) << '\n';
  if (!p.apply.where.empty()) out << "    " << l.t("신청: ", "apply: ") << p.apply.where.in(lang) << '\n';
  for (const Document& d : p.apply.documents) {
    out << "    - " << d.name.in(lang);
    if (!d.validity.empty()) out << " (" << d.validity.in(lang) << ")";
    out << '\n';
  }
  const std::string contact = contact_text(p.agency);
  if (!contact.empty()) out << "    " << l.t("문의: ", "contact: ") << contact << '\n';
  if (pe.center != nullptr)
    out << "    " << l.t("지역센터: ", "regional center: ") << pe.center->name.in(lang) << " " << pe.center->phone
        << " (" << pe.center->address << ")\n";
}

/// No program open: say so, and (without --all, which lists every reason) the rule that closes the
/// most programs, in one line.
void print_none_open(const Evaluation& ev, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  const bool ko = lang == Lang::ko;
  out << (ko ? "지원 가능하거나 확인이 필요한 사업이 없습니다" : "No program is eligible or possible");
  const std::vector<ClosingRule> rules = closing_rules(ev);
  if (options.all || rules.empty()) {
    out << ".\n";
    return;
  }
  const ClosingRule& top = rules.front();
  size_t ineligible = 0;
  for (const ProgramEvaluation& pe : ev.programs) ineligible += pe.status == Status::ineligible ? 1 : 0;
  const std::string how_many =
      top.programs == ineligible
          ? (ko ? fmt::format("{}개 사업 모두", ineligible) : fmt::format("all {} programs", ineligible))
          : (ko ? fmt::format("{}개 중 {}개 사업", ineligible, top.programs)
                : fmt::format("{} of {} programs", top.programs, ineligible));
  out << ": " << top.rule->message.in(lang) << " (" << how_many << ") [" << top.rule->id << "]\n";
}

/// `※ caveat  (source)` for each caveat among `notes`.
void print_caveats(const std::vector<Note>& notes, Lang lang, std::ostream& out, const std::string& indent) {
  for (const Note& n : notes)
    if (n.kind == NoteKind::caveat) out << indent << "※ " << n.text.in(lang) << "  (" << n.source << ")\n";
}

}  // namespace

void render_check_table(const Evaluation& ev, const Profile& profile, int newest_year, const RenderOptions& options,
                        std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};

  // the rows first: a column for the large company or lead organisation's share appears only
  // when a row has one (상생형: 정부 1.2억 / 대기업 1.2억 / 기업 1.6억)
  struct Row {
    const ProgramEvaluation* pe;
    const TrackEvaluation* best;
  };
  std::vector<Row> rows;
  size_t hidden = 0;
  bool any_large = false;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status == Status::ineligible && !options.all) {
      ++hidden;
      continue;
    }
    const TrackEvaluation* best = pe.best_track();
    if (pe.status != Status::ineligible && best != nullptr && best->split && best->split->large_company)
      any_large = true;
    rows.push_back({&pe, best});
  }
  std::vector<std::string> headers = {l.t("상태", "status"), l.t("사업", "program"), l.t("유형", "track"),
                                      l.t("한도", "cap"),    l.t("비율", "ratio"),   l.t("정부지원", "government")};
  std::vector<Align> aligns = {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right};
  if (any_large) {
    headers.push_back(l.t("대기업·주관기관", "large co./lead"));
    aligns.push_back(Align::right);
  }
  headers.push_back(l.t("기업부담", "company"));
  aligns.push_back(Align::right);
  headers.push_back(l.t("접수", "window"));
  aligns.push_back(Align::left);
  Table table(headers, aligns);
  size_t shown = 0;
  size_t closed = 0;
  for (const Row& row : rows) {
    const ProgramEvaluation& pe = *row.pe;
    const TrackEvaluation* best = row.best;
    std::string cap, ratio, gov, large, company, track;
    if (best != nullptr) {
      track = best->track->name.in(lang);
      // an ineligible row shows no amounts: the company cannot get them (JSON keeps the split)
      if (pe.status != Status::ineligible) {
        if (best->cap) cap = format_money(*best->cap, lang);
        if (best->track->ratio) ratio = format_ratio(*best->track->ratio);
        if (best->split) {
          gov = format_money(best->split->government, lang);
          if (best->split->large_company) large = format_money(*best->split->large_company, lang);
          company = format_money(best->split->company, lang);
        } else if (!best->split_problem.empty()) {
          gov = l.t("계산 불가", "no split");  // and the reason under the row: never a silent blank
        }
      }
    }
    const WindowState window = best != nullptr ? best->window : pe.window;  // a track may have its own
    const Color window_color = window == WindowState::open || window == WindowState::rolling ? Color::green
                               : window == WindowState::closed                               ? Color::dim
                                                                                             : Color::none;
    if (window == WindowState::closed) ++closed;
    ++shown;
    std::vector<std::string> cells = {status_label(pe.status, lang), pe.program->name.in(lang), track, cap, ratio, gov};
    if (any_large) cells.push_back(large);
    cells.push_back(company);
    cells.push_back(window_label(window, lang));
    std::vector<Color> colors(cells.size(), Color::none);
    colors.front() = status_color(pe.status);
    colors.back() = window_color;
    table.add_row(std::move(cells), std::move(colors));
    if (pe.status != Status::ineligible && best != nullptr && !best->split && !best->split_problem.empty())
      table.add_note("※ " + split_problem_text(best->split_problem, *best->track, lang));
    if (pe.status != Status::ineligible && best != nullptr && best->split && best->split->basis == SplitBasis::cap)
      table.add_note("※ " + cap_basis_text(best->split->total, lang));
    if (pe.status != Status::ineligible && best != nullptr && best->split)
      for (const PartyLimitLine& line : party_limit_lines(*best->split, *best->track, lang))
        table.add_note("※ " + line.text);
    for (const Note* n : caveats(pe, best)) table.add_note("※ " + n->text.in(lang));
  }
  const int year = ev.catalogue->year;
  out << paint(cell_text(profile.name()), Color::bold, options.color) << " · "
      << (lang == Lang::ko ? fmt::format("{}년 사업", year) : fmt::format("{} programs", year));
  if (ev.as_of) out << " · " << l.t("기준일 ", "as of ") << ev.as_of->str();
  out << " · " << l.t("총사업비 ", "total cost ")
      << (ev.cost ? format_money(*ev.cost, lang) : l.t("미입력", "not given")) << '\n';
  if (shown > 0 && 2 * closed > shown) {  // the answer is a guide to the next round: say so first
    std::string next =
        newest_year > year
            ? (lang == Lang::ko ? fmt::format("{}년 공고 데이터 있음 (--year {})", newest_year, newest_year)
                                : fmt::format("{} data available (--year {})", newest_year, newest_year))
            : (lang == Lang::ko ? fmt::format("{}년 공고 데이터 없음", year + 1)
                                : fmt::format("no data for the {} announcement yet", year + 1));
    out << paint(lang == Lang::ko
                     ? fmt::format("※ {}년 공고 접수 대부분 마감 ({}개 중 {}개) · {}: 다음 공고의 참고로 보세요", year,
                                   shown, closed, next)
                     : fmt::format("※ most {} windows have closed ({} of {}) · {}: read this as a guide to the "
                                   "next round",
                                   year, closed, shown, next),
                 Color::yellow, options.color)
        << '\n';
  }
  out << '\n';

  table.optional_column(4);  // ratio, then cap, then track: left out first on a narrow terminal
  table.optional_column(3);
  table.optional_column(2);
  if (table.rows() > 0)
    print_table(table, options, out);
  else
    print_none_open(ev, options, out);

  // why each ineligible program is closed (with --all), and the questions for possible ones
  if (options.all) {
    bool any = false;
    for (const ProgramEvaluation& pe : ev.programs) {
      if (pe.status != Status::ineligible) continue;
      if (!any) out << '\n' << l.t("지원 불가 사유:\n", "Why not:\n");
      any = true;
      const std::vector<std::string> reasons = failed_reasons(pe, lang);
      out << "  " << pe.program->name.in(lang) << ": " << (reasons.empty() ? "" : reasons.front()) << '\n';
      for (size_t i = 1; i < reasons.size(); ++i) out << "    " << reasons[i] << '\n';
    }
  }
  const std::vector<Question> questions = questions_to_ask(ev);
  if (!questions.empty()) {
    out << '\n'
        << l.t("확인할 질문 (많은 사업을 가르는 것부터):\n",
               "Questions to ask (those deciding the most programs first):\n");
    for (const Question& q : questions) {
      out << "  - " << q.fact->question.in(lang) << "  [" << q.fact->path << "] "
          << count_programs(q.programs.size(), lang) << ": ";
      for (size_t i = 0; i < q.programs.size(); ++i) out << (i ? ", " : "") << q.programs[i]->name.in(lang);
      out << '\n';
    }
  }
  if (hidden > 0)
    out << '\n'
        << (lang == Lang::ko
                ? fmt::format("지원 불가 {}개 사업은 숨김 (--all 로 보기)\n", hidden)
                : fmt::format("{} ineligible program{} hidden (--all to show)\n", hidden, hidden == 1 ? "" : "s"));

  if (options.explain) {
    for (const ProgramEvaluation& pe : ev.programs) {
      if (pe.status == Status::ineligible && !options.all) continue;
      out << '\n'
          << paint(pe.program->name.in(lang), Color::bold, options.color) << " [" << pe.program->id << "] — "
          << paint(status_label(pe.status, lang), status_color(pe.status), options.color) << '\n';
      out << "  " << l.t("근거: ", "source: ") << pe.program->source << '\n';
      print_caveats(pe.program->notes, lang, out, "  ");
      explain_rules(pe.rules, profile, options, out, "  ");
      for (const TrackEvaluation& te : pe.tracks) {
        out << "  " << l.t("유형 ", "track ") << te.track->name.in(lang) << " [" << te.track->id << "] — "
            << paint(status_label(te.status, lang), status_color(te.status), options.color);
        if (te.split)
          out << " · " << l.t("정부 ", "government ") << format_money(te.split->government, lang) << " / "
              << l.t("민간 ", "private ") << format_money(te.split->private_share, lang);
        else if (!te.split_problem.empty())
          out << " · " << split_problem_text(te.split_problem, *te.track, lang);
        out << '\n';
        if (!te.track->source.empty()) out << "    " << l.t("근거: ", "source: ") << te.track->source << '\n';
        print_caveats(te.track->notes, lang, out, "    ");
        explain_rules(te.rules, profile, options, out, "    ");
      }
    }
  }
  if (options.next_steps) {
    out << '\n' << l.t("다음 단계:\n", "Next steps:\n");
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status != Status::ineligible) print_next_steps(pe, lang, out);
  }
}

}  // namespace sfgrant
