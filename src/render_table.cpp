#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "sfgrant/render.h"
#include "sfgrant/table.h"

namespace sfgrant {
namespace {

struct Labels {
  Lang lang;
  std::string t(const char* ko, const char* en) const { return lang == Lang::ko ? ko : en; }
};

std::string status_label(Status s, Lang lang) {
  Labels l{lang};
  switch (s) {
    case Status::eligible: return l.t("지원 가능", "eligible");
    case Status::possible: return l.t("확인 필요", "possible");
    case Status::ineligible: return l.t("지원 불가", "ineligible");
  }
  return "";
}

std::string window_label(WindowState w, Lang lang) {
  Labels l{lang};
  switch (w) {
    case WindowState::upcoming: return l.t("접수 예정", "upcoming");
    case WindowState::open: return l.t("접수 중", "open");
    case WindowState::closed: return l.t("마감", "closed");
    case WindowState::rolling: return l.t("상시", "rolling");
    case WindowState::unknown: return l.t("미정", "unknown");
  }
  return "";
}

std::string tri_label(Tri t) {
  switch (t) {
    case Tri::pass: return "✔";
    case Tri::fail: return "✘";
    case Tri::unknown: return "?";
  }
  return "?";
}

std::string first_reason(const ProgramEvaluation& pe, Lang lang) {
  for (const RuleResult& rr : pe.rules)
    if (rr.result == Tri::fail) return rr.rule->message.in(lang);
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules)
      if (rr.result == Tri::fail) return rr.rule->message.in(lang);
  return {};
}

/// "smart_factory.target_level = 기초" for each fact the comparison reads.
void collect_values(const Condition& c, const Profile& profile, Lang lang, std::vector<std::string>& out) {
  if (c.kind != Condition::Kind::compare) {
    for (const Condition& child : c.children) collect_values(child, profile, lang, out);
    return;
  }
  if (c.fact == nullptr) return;
  for (const FactDef* f : {c.fact, c.rhs.fact}) {
    if (f == nullptr) continue;
    std::string v = fmt::format("{} = {}", f->path, describe_value(*f, profile, lang));
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
}

std::string condition_text(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::compare: return c.text;
    case Condition::Kind::negate: return "not (" + (c.children.empty() ? "" : condition_text(c.children[0])) + ")";
    case Condition::Kind::all:
    case Condition::Kind::any: {
      std::string out;
      for (const Condition& child : c.children) {
        if (!out.empty()) out += c.kind == Condition::Kind::all ? " and " : " or ";
        out += child.kind == Condition::Kind::compare ? condition_text(child) : "(" + condition_text(child) + ")";
      }
      return out;
    }
  }
  return "";
}

void explain_rules(const std::vector<RuleResult>& rules, size_t from, const Profile& profile, Lang lang,
                   std::ostream& out, const std::string& indent) {
  for (size_t i = from; i < rules.size(); ++i) {
    const RuleResult& rr = rules[i];
    std::vector<std::string> values;
    collect_values(rr.rule->require, profile, lang, values);
    out << indent << tri_label(rr.result) << ' ' << rr.rule->id << ": " << rr.rule->message.in(lang) << '\n';
    out << indent << "    " << (lang == Lang::ko ? "조건 " : "requires ") << condition_text(rr.rule->require);
    if (!values.empty()) {
      out << (lang == Lang::ko ? " · 입력값 " : " · given ");
      for (size_t k = 0; k < values.size(); ++k) out << (k ? ", " : "") << values[k];
    }
    out << '\n' << indent << "    " << (lang == Lang::ko ? "근거 " : "source ") << rr.rule->source << '\n';
  }
}

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
  std::string contact = p.agency.operator_name.empty() ? p.agency.lead : p.agency.operator_name;
  if (!p.agency.phone.empty()) contact += " " + p.agency.phone;
  if (!contact.empty()) out << "    " << l.t("문의: ", "contact: ") << contact << '\n';
  if (pe.center != nullptr)
    out << "    " << l.t("지역센터: ", "regional center: ") << pe.center->name.in(lang) << " " << pe.center->phone << " ("
        << pe.center->address << ")\n";
}

}  // namespace

void render_check_table(const Evaluation& ev, const Profile& profile, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << profile.name() << " · " << (lang == Lang::ko ? fmt::format("{}년 사업", ev.catalogue->year)
                                                      : fmt::format("{} programs", ev.catalogue->year));
  if (ev.as_of) out << " · " << l.t("기준일 ", "as of ") << ev.as_of->str();
  out << " · " << l.t("총사업비 ", "total cost ")
      << (ev.cost ? format_money(*ev.cost, lang) : l.t("미입력", "not given")) << "\n\n";

  Table table({l.t("상태", "status"), l.t("사업", "program"), l.t("유형", "track"), l.t("한도", "cap"),
               l.t("비율", "ratio"), l.t("정부지원", "government"), l.t("기업부담", "company"), l.t("접수", "window")},
              {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left});
  size_t hidden = 0;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status == Status::ineligible && !options.all) {
      ++hidden;
      continue;
    }
    const TrackEvaluation* best = pe.best_track();
    std::string cap, ratio, gov, company, track;
    if (best != nullptr) {
      track = best->track->name.in(lang);
      if (best->cap) cap = format_money(*best->cap, lang);
      if (best->track->ratio) ratio = format_ratio(*best->track->ratio);
      if (best->split) {
        gov = format_money(best->split->government, lang);
        company = format_money(best->split->company, lang);
      }
    }
    table.add_row({status_label(pe.status, lang), pe.program->name.in(lang), track, cap, ratio, gov, company,
                   window_label(pe.window, lang)});
  }
  if (table.rows() > 0) table.print(out, options.width);
  else out << l.t("지원 가능하거나 확인이 필요한 사업이 없습니다.\n", "No program is eligible or possible.\n");

  // why each ineligible program is closed (with --all), and the questions for possible ones
  if (options.all) {
    out << '\n' << l.t("지원 불가 사유:\n", "Why not:\n");
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status == Status::ineligible)
        out << "  " << pe.program->name.in(lang) << ": " << first_reason(pe, lang) << '\n';
  }
  std::map<const FactDef*, int> asked;
  std::vector<const FactDef*> order;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::possible) continue;
    for (const FactDef* f : pe.missing) {
      if (asked[f]++ == 0) order.push_back(f);
    }
  }
  if (!order.empty()) {
    std::stable_sort(order.begin(), order.end(), [&](const FactDef* a, const FactDef* b) { return asked[a] > asked[b]; });
    out << '\n' << l.t("확인할 질문 (많은 사업을 가르는 것부터):\n", "Questions to ask (those deciding the most programs first):\n");
    for (const FactDef* f : order)
      out << "  - " << f->question.in(lang) << "  [" << f->path << "] "
          << (lang == Lang::ko ? fmt::format("{}개 사업", asked[f]) : fmt::format("{} programs", asked[f])) << '\n';
  }
  if (hidden > 0)
    out << '\n'
        << (lang == Lang::ko ? fmt::format("지원 불가 {}개 사업은 숨김 (--all 로 보기)\n", hidden)
                             : fmt::format("{} ineligible programs hidden (--all to show)\n", hidden));

  if (options.explain) {
    for (const ProgramEvaluation& pe : ev.programs) {
      if (pe.status == Status::ineligible && !options.all) continue;
      out << '\n' << pe.program->name.in(lang) << " [" << pe.program->id << "] — " << status_label(pe.status, lang) << '\n';
      explain_rules(pe.rules, 0, profile, lang, out, "  ");
      for (const TrackEvaluation& te : pe.tracks) {
        out << "  " << l.t("유형 ", "track ") << te.track->name.in(lang) << " [" << te.track->id << "] — "
            << status_label(te.status, lang);
        if (te.split)
          out << " · " << l.t("정부 ", "government ") << format_money(te.split->government, lang) << " / "
              << l.t("민간 ", "private ") << format_money(te.split->private_share, lang);
        else if (!te.split_problem.empty())
          out << " · " << te.split_problem;
        out << '\n';
        explain_rules(te.rules, pe.rules.size(), profile, lang, out, "    ");
      }
    }
  }
  if (options.next_steps) {
    out << '\n' << l.t("다음 단계:\n", "Next steps:\n");
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status != Status::ineligible) print_next_steps(pe, lang, out);
  }
}

void render_catalogue_table(const Catalogue& cat, const std::optional<Date>& as_of, const RenderOptions& options,
                            std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  Table table({"id", l.t("사업", "program"), l.t("유형", "tracks"), l.t("한도", "cap"), l.t("비율", "ratio"),
               l.t("기간", "months"), l.t("접수", "apply"), l.t("상태", "window")},
              {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::left, Align::left});
  for (const Program& p : cat.programs) {
    std::string tracks, caps, ratios, months;
    for (const Track& t : p.tracks) {
      auto join = [](std::string& s, const std::string& v) { s += (s.empty() ? "" : " / ") + v; };
      join(tracks, t.id);
      join(caps, t.cap ? format_money(*t.cap, lang) : "-");
      join(ratios, t.ratio ? format_ratio(*t.ratio) : "-");
      join(months, t.months ? std::to_string(*t.months) : "-");
    }
    std::string window = p.schedule.rolling ? l.t("상시", "rolling") : "";
    if (!p.schedule.rolling && (p.schedule.apply_from || p.schedule.apply_to))
      window = (p.schedule.apply_from ? p.schedule.apply_from->str() : "?") + "~" +
               (p.schedule.apply_to ? p.schedule.apply_to->str() : "?");
    table.add_row({p.id, p.name.in(lang), tracks, caps, ratios, months, window,
                   window_label(window_state(p.schedule, as_of, cat.year), lang)});
  }
  out << (lang == Lang::ko ? fmt::format("{}년 사업 {}개", cat.year, cat.programs.size())
                           : fmt::format("{} programs of {}", cat.programs.size(), cat.year));
  if (as_of) out << " · " << l.t("기준일 ", "as of ") << as_of->str();
  out << "\n\n";
  table.print(out, options.width);
}

void render_program_info(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                         const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << p.name.in(lang) << " [" << p.id << "] · " << cat.year << '\n';
  out << l.t("근거: ", "source: ") << p.source << '\n';
  if (p.quota) out << l.t("지원 과제수: ", "quota: ") << *p.quota << '\n';
  const Schedule& s = p.schedule;
  out << l.t("일정: ", "schedule: ");
  if (s.announce) out << l.t("공고 ", "notice ") << s.announce->str() << " · ";
  if (s.rolling) out << l.t("상시 접수", "rolling");
  else out << l.t("접수 ", "apply ") << (s.apply_from ? s.apply_from->str() : "?") << "~" << (s.apply_to ? s.apply_to->str() : "?");
  if (!s.selection.empty()) out << " · " << l.t("선정 ", "selection ") << s.selection.in(lang);
  out << " (" << window_label(window_state(s, as_of, cat.year), lang) << ")\n\n";
  for (const Track& t : p.tracks) {
    out << l.t("유형 ", "track ") << t.name.in(lang) << " [" << t.id << "]\n";
    if (t.months) out << "  " << l.t("기간: 최대 ", "months: up to ") << *t.months << l.t("개월", "") << '\n';
    if (t.cap) out << "  " << l.t("한도: ", "cap: ") << format_money(*t.cap, lang) << '\n';
    if (t.cap_per_year) out << "  " << l.t("연 한도: ", "yearly cap: ") << format_money(*t.cap_per_year, lang) << " × " << t.years << '\n';
    for (const LevelCap& row : t.cap_by_level)
      out << "    " << level_vocabulary().choices[static_cast<size_t>(row.from)].label << " → "
          << level_vocabulary().choices[static_cast<size_t>(row.to)].label << ": " << format_money(row.cap, lang) << '\n';
    if (t.ratio) out << "  " << l.t("정부 지원비율: ", "government ratio: ") << format_ratio(*t.ratio) << '\n';
    if (t.large_company_min) out << "  " << l.t("대기업 최소: ", "large company at least: ") << format_ratio(*t.large_company_min) << '\n';
    if (t.company_max) out << "  " << l.t("도입기업 최대: ", "company at most: ") << format_ratio(*t.company_max) << '\n';
    if (t.cap && t.ratio)
      if (auto fsc = full_support_cost(t, *t.cap))
        out << "  " << l.t("한도 도달 총사업비: ", "full support at: ") << format_money(*fsc, lang) << '\n';
    out << "  " << l.t("근거: ", "source: ") << t.source << '\n';
    for (const Rule& r : t.rules) out << "  - " << r.message.in(lang) << "  (" << r.source << ")\n";
    for (const Note& n : t.notes) out << "  ※ " << n.text.in(lang) << "  (" << n.source << ")\n";
  }
  out << '\n' << l.t("신청 요건:\n", "Requirements:\n");
  for (const Rule& r : p.rules) out << "  - " << r.message.in(lang) << "  (" << r.source << ")\n";
  if (!p.notes.empty()) {
    out << '\n' << l.t("유의사항:\n", "Notes:\n");
    for (const Note& n : p.notes) out << "  ※ " << n.text.in(lang) << "  (" << n.source << ")\n";
  }
  out << '\n' << l.t("신청 방법:\n", "How to apply:\n");
  if (!p.apply.where.empty()) out << "  " << p.apply.where.in(lang) << '\n';
  for (const Document& d : p.apply.documents) {
    out << "  - " << d.name.in(lang);
    if (!d.validity.empty()) out << " (" << d.validity.in(lang) << ")";
    out << '\n';
  }
  out << "  " << l.t("문의: ", "contact: ") << p.agency.lead;
  if (!p.agency.operator_name.empty()) out << " / " << p.agency.operator_name;
  if (!p.agency.phone.empty()) out << " " << p.agency.phone;
  if (p.agency.regional_center) out << l.t(" (지역별 스마트제조혁신센터)", " (regional smart manufacturing innovation centers)");
  out << '\n';
}

}  // namespace sfgrant
