// Tables and text for people: `check` (with --all, --explain, --next-steps, --set, --what-it-takes),
// `programs list|show`, and the profile YAML the interview saves.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "sfgrant/render/render.h"
#include "sfgrant/text/table.h"

namespace sfgrant {
namespace {

struct Labels {
  Lang lang;
  std::string t(const char* ko, const char* en) const { return lang == Lang::ko ? ko : en; }
};

/// "3개 사업" / "3 programs" (and "1 program").
std::string count_programs(size_t n, Lang lang) {
  if (lang == Lang::ko) return fmt::format("{}개 사업", n);
  return fmt::format("{} program{}", n, n == 1 ? "" : "s");
}

std::string status_label(Status s, Lang lang) {
  Labels l{lang};
  switch (s) {
    case Status::eligible: return l.t("지원 가능", "eligible");
    case Status::possible: return l.t("확인 필요", "possible");
    case Status::ineligible: return l.t("지원 불가", "ineligible");
  }
  return "";
}

Color status_color(Status s) {
  switch (s) {
    case Status::eligible: return Color::green;
    case Status::possible: return Color::yellow;
    case Status::ineligible: return Color::red;
  }
  return Color::none;
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

std::string tri_mark(Tri t, bool color) {
  switch (t) {
    case Tri::pass: return paint("✔", Color::green, color);
    case Tri::fail: return paint("✘", Color::red, color);
    case Tri::unknown: return paint("?", Color::yellow, color);
  }
  return "?";
}

/// The engine's reason for a missing split is written in English; the one a user meets most is
/// given in Korean too.
std::string split_problem_text(const std::string& problem, Lang lang) {
  if (lang == Lang::ko && problem == "the cap depends on the current and target levels")
    return "지원한도가 현재·목표 수준에 따라 정해짐 (수준 입력 필요)";
  return problem;
}

/// Every distinct failed rule message of a program: its own rules, then its tracks'.
std::vector<std::string> failed_reasons(const ProgramEvaluation& pe, Lang lang) {
  std::vector<std::string> out;
  auto add = [&](const RuleResult& rr) {
    if (rr.result != Tri::fail) return;
    const std::string& m = rr.rule->message.in(lang);
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  };
  for (const RuleResult& rr : pe.rules) add(rr);
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules) add(rr);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Explanations: each comparison of a rule with the company's value and the required one

/// A value of a fact as people write it, for a literal of a comparison.
std::string literal(const FactDef& f, std::int64_t number, Lang lang) {
  if (f.type == FactType::boolean) return number != 0 ? (lang == Lang::ko ? "예" : "yes") : (lang == Lang::ko ? "아니오" : "no");
  if (f.type == FactType::money) return format_money(number, lang);
  if (f.vocabulary != nullptr && number >= 0 && static_cast<size_t>(number) < f.vocabulary->choices.size()) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(number)];
    return lang == Lang::ko && !c.label.empty() ? c.label : c.id;
  }
  return std::to_string(number);
}

/// The company's value; for a derived fact also what it is derived from (`아니오 (규모 중견기업)`).
std::string company_value(const FactDef& f, const Profile& profile, Lang lang) {
  if (!profile.has(f)) return lang == Lang::ko ? "미입력" : "not given";
  std::string v = describe_value(f, profile, lang);
  if (f.derived) {
    const FactDef& from = fact(f.path == "sme" ? "size" : "ksic");
    if (profile.has(from)) v += fmt::format(" ({} {})", fact_label(from, lang), describe_value(from, profile, lang));
  }
  return v;
}

CompareOp negate_op(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return CompareOp::ne;
    case CompareOp::ne: return CompareOp::eq;
    case CompareOp::lt: return CompareOp::ge;
    case CompareOp::le: return CompareOp::gt;
    case CompareOp::gt: return CompareOp::le;
    case CompareOp::ge: return CompareOp::lt;
    case CompareOp::in: return CompareOp::not_in;
    case CompareOp::not_in: return CompareOp::in;
    case CompareOp::has: return CompareOp::lacks;
    case CompareOp::lacks: return CompareOp::has;
    case CompareOp::truthy: return CompareOp::truthy;  // handled by the caller
  }
  return op;
}

bool numeric(const FactDef& f) {
  return f.type == FactType::number || f.type == FactType::money || f.type == FactType::boolean ||
         f.type == FactType::choice;
}

/// "목표 수준 기초 < 중간1 이상 필요" / "target level basic < intermediate1 required": the label, the
/// company's value, how it relates to the required value (for comparisons of one value), and the
/// requirement. `negated` when the comparison sits under a `not`.
std::string explain_comparison(const Condition& c, const Profile& profile, Lang lang, bool negated) {
  const FactDef& f = *c.fact;
  const bool ko = lang == Lang::ko;
  const std::string label = fact_label(f, lang);
  const std::string value = company_value(f, profile, lang);
  if (c.op == CompareOp::truthy) {
    const bool want = !negated;
    return fmt::format("{} {}, {}", label, value,
                       ko ? (want ? "예 필요" : "아니오 필요") : (want ? "yes required" : "no required"));
  }
  const CompareOp op = negated ? negate_op(c.op) : c.op;
  // the required value(s)
  std::string required;
  std::optional<std::int64_t> bound;
  if (c.rhs.fact != nullptr) {
    required = fmt::format("{} {}", fact_label(*c.rhs.fact, lang), company_value(*c.rhs.fact, profile, lang));
    if (profile.has(*c.rhs.fact) && numeric(*c.rhs.fact))
      bound = c.rhs.fact->type == FactType::boolean ? (profile.get(*c.rhs.fact).flag ? 1 : 0)
                                                    : profile.get(*c.rhs.fact).number;
  } else if (!c.rhs.texts.empty()) {
    for (size_t i = 0; i < c.rhs.texts.size(); ++i) required += (i ? ", " : "") + c.rhs.texts[i];
  } else {
    for (size_t i = 0; i < c.rhs.numbers.size(); ++i) required += (i ? ", " : "") + literal(f, c.rhs.numbers[i], lang);
    if (c.rhs.numbers.size() == 1) bound = c.rhs.numbers.front();
  }
  // how the company's value relates to it
  std::string relation;
  const bool single = op == CompareOp::eq || op == CompareOp::ne || op == CompareOp::lt || op == CompareOp::le ||
                      op == CompareOp::gt || op == CompareOp::ge;
  if (single && bound && profile.has(f) && numeric(f) && f.type != FactType::boolean) {
    const std::int64_t a = f.type == FactType::boolean ? (profile.get(f).flag ? 1 : 0) : profile.get(f).number;
    const bool ordered = f.type != FactType::choice || (f.vocabulary != nullptr && f.vocabulary->ordered);
    const bool equality = op == CompareOp::eq || op == CompareOp::ne;
    if (a == *bound) relation = "=";
    else if (!ordered || equality) relation = "≠";
    else relation = a < *bound ? "<" : ">";
  }
  const std::string lhs = relation.empty() ? fmt::format("{} {},", label, value)
                                           : fmt::format("{} {} {}", label, value, relation);
  switch (op) {
    case CompareOp::ge: return fmt::format("{} {} {}", lhs, required, ko ? "이상 필요" : "required");
    case CompareOp::gt: return fmt::format("{} {} {}", lhs, required, ko ? "초과 필요" : "required (higher)");
    case CompareOp::le: return fmt::format("{} {} {}", lhs, required, ko ? "이하 필요" : "required (at most)");
    case CompareOp::lt: return fmt::format("{} {} {}", lhs, required, ko ? "미만 필요" : "required (lower)");
    case CompareOp::eq:
      if (c.rhs.fact != nullptr) return fmt::format("{} {}, {}", lhs, required, ko ? "같아야 함" : "must be equal");
      return fmt::format("{} {} {}", lhs, required, ko ? "필요" : "required");
    case CompareOp::ne:
      if (c.rhs.fact != nullptr) return fmt::format("{} {}, {}", lhs, required, ko ? "달라야 함" : "must differ");
      return fmt::format("{} {} {}", lhs, required, ko ? "불가" : "not allowed");
    case CompareOp::in: return fmt::format("{} [{}] {}", lhs, required, ko ? "중 하나 필요" : "one of them required");
    case CompareOp::not_in: return fmt::format("{} [{}] {}", lhs, required, ko ? "불가" : "not allowed");
    case CompareOp::has: return fmt::format("{} {} {}", lhs, required, ko ? "필요" : "required");
    case CompareOp::lacks: return fmt::format("{} {} {}", lhs, required, ko ? "없어야 함" : "must be absent");
    case CompareOp::truthy: break;
  }
  return lhs;
}

/// Prints a condition as a tree of comparisons, each with its own result.
void explain_condition(const Condition& c, const Profile& profile, const RenderOptions& options, bool negated,
                       std::ostream& out, const std::string& indent) {
  const Lang lang = options.lang;
  Labels l{lang};
  switch (c.kind) {
    case Condition::Kind::compare: {
      if (c.fact == nullptr) return;
      Tri t = evaluate_condition(c, profile);
      if (negated) t = tri_not(t);
      out << indent << tri_mark(t, options.color) << ' ' << explain_comparison(c, profile, lang, negated) << '\n';
      return;
    }
    case Condition::Kind::negate:
      if (!c.children.empty()) explain_condition(c.children[0], profile, options, !negated, out, indent);
      return;
    case Condition::Kind::all:
    case Condition::Kind::any: {
      // under a `not`, all and any swap (De Morgan)
      const bool any = (c.kind == Condition::Kind::any) != negated;
      Tri t = evaluate_condition(c, profile);
      if (negated) t = tri_not(t);
      out << indent << tri_mark(t, options.color) << ' '
          << (any ? l.t("다음 중 하나:", "any of:") : l.t("다음 모두:", "all of:")) << '\n';
      for (const Condition& child : c.children)
        explain_condition(child, profile, options, negated, out, indent + "    ");
      return;
    }
  }
}

void explain_rules(const std::vector<RuleResult>& rules, const Profile& profile,
                   const RenderOptions& options, std::ostream& out, const std::string& indent) {
  const Lang lang = options.lang;
  Labels l{lang};
  for (const RuleResult& rr : rules) {
    out << indent << tri_mark(rr.result, options.color) << ' ' << rr.rule->message.in(lang) << "  ["
        << rr.rule->id << "]\n";
    explain_condition(rr.rule->require, profile, options, false, out, indent + "    ");
    out << indent << "    " << l.t("근거: ", "source: ") << rr.rule->source << '\n';
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

/// Prints the table, then which columns it left out to fit the width, if any.
void print_table(const Table& table, const RenderOptions& options, std::ostream& out) {
  table.print(out, options.width, options.color);
  const std::vector<std::string> left_out = table.left_out(options.width);
  if (left_out.empty()) return;
  std::string names;
  for (const std::string& h : left_out) names += (names.empty() ? "" : ", ") + h;
  out << paint(options.lang == Lang::ko ? fmt::format("(좁은 화면이라 생략한 열: {})", names)
                                        : fmt::format("(columns left out to fit the width: {})", names),
               Color::dim, options.color)
      << '\n';
}

std::string signed_money(Won amount, Lang lang) {
  if (amount > 0) return "+" + format_money(amount, lang);
  return format_money(amount, lang);
}

std::string level_name(int index, Lang lang) {
  const Choice& c = level_vocabulary().choices[static_cast<size_t>(index)];
  return lang == Lang::ko ? c.label : c.id;
}

}  // namespace

std::string fact_label(const FactDef& f, Lang lang) {
  static const std::map<std::string, Text> kLabels = {
      {"name", {"회사명", "company name"}},
      {"business_number", {"사업자등록번호", "business number"}},
      {"size", {"기업 규모", "size"}},
      {"ksic", {"업종코드", "KSIC code"}},
      {"region", {"시·도", "region"}},
      {"city", {"시·군·구", "city"}},
      {"role", {"신청 주체", "applying as"}},
      {"status.business", {"영업 상태", "business status"}},
      {"status.tax_arrears", {"세금 체납", "tax arrears"}},
      {"status.sanctioned", {"참여제한", "barred from programs"}},
      {"smart_factory.level", {"현재 수준", "current level"}},
      {"smart_factory.target_level", {"목표 수준", "target level"}},
      {"smart_factory.built_by", {"구축 방식", "built by"}},
      {"smart_factory.level_certified", {"수준확인서", "level certificate"}},
      {"smart_factory.exceeded_target", {"목표 초과 달성", "exceeded its target"}},
      {"smart_factory.same_level_used", {"동일수준 지원 이력", "same-level support used at"}},
      {"smart_factory.project_in_progress", {"구축사업 수행 중", "project in progress"}},
      {"smart_factory.warranty_expired", {"하자보수 종료", "warranty over"}},
      {"smart_factory.self_as_capable", {"자체 AS 가능", "own after-service"}},
      {"smart_factory.collects_data", {"제조데이터 수집", "collects manufacturing data"}},
      {"selections", {"선정·확인서", "selections"}},
      {"consortium.members", {"컨소시엄 참여기업 수", "consortium members"}},
      {"consortium.suppliers", {"컨소시엄 공급기업 수", "consortium suppliers"}},
      {"consortium.demo_companies", {"컨소시엄 실증기업 수", "demonstration companies"}},
      {"consortium.cloud_provider", {"클라우드사업자 참여", "cloud provider in the consortium"}},
      {"plan.total_cost", {"총사업비", "total cost"}},
      {"plan.yearly_costs", {"연차별 사업비", "yearly costs"}},
      {"sme", {"중소기업", "SME"}},
      {"manufacturing", {"제조업", "manufacturing"}},
      {"root_industry", {"뿌리업종", "root industry"}},
      {"industry_group", {"업종 구분", "industry group"}},
      {"excluded_industry", {"지원 제외 업종", "excluded industry"}},
      {"service_business", {"서비스업", "service business"}},
  };
  auto it = kLabels.find(f.path);
  return it == kLabels.end() ? f.path : it->second.in(lang);
}

std::string describe_move(const Move& move, const Profile& profile, Lang lang) {
  const FactDef& f = *move.fact;
  if (move.added) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(*move.added)];
    std::string word = lang == Lang::ko && !c.label.empty() ? c.label : c.id;
    if (!c.meaning.empty() && c.meaning.in(lang) != word) word += " (" + c.meaning.in(lang) + ")";
    return fmt::format("{} + {}", fact_label(f, lang), word);
  }
  Profile after = profile;
  apply_move(after, move);
  const std::string before = profile.has(f) ? describe_value(f, profile, lang) : (lang == Lang::ko ? "미입력" : "not given");
  return fmt::format("{} {} → {}", fact_label(f, lang), before, describe_value(f, after, lang));
}

void render_check_table(const Evaluation& ev, const Profile& profile, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << paint(cell_text(profile.name()), Color::bold, options.color) << " · "
      << (lang == Lang::ko ? fmt::format("{}년 사업", ev.catalogue->year) : fmt::format("{} programs", ev.catalogue->year));
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
    const Color window_color = pe.window == WindowState::open || pe.window == WindowState::rolling ? Color::green
                               : pe.window == WindowState::closed                                   ? Color::dim
                                                                                                     : Color::none;
    table.add_row({status_label(pe.status, lang), pe.program->name.in(lang), track, cap, ratio, gov, company,
                   window_label(pe.window, lang)},
                  {status_color(pe.status), Color::none, Color::none, Color::none, Color::none, Color::none,
                   Color::none, window_color});
  }
  table.optional_column(4);  // ratio, then cap, then track: left out first on a narrow terminal
  table.optional_column(3);
  table.optional_column(2);
  if (table.rows() > 0) print_table(table, options, out);
  else out << l.t("지원 가능하거나 확인이 필요한 사업이 없습니다.\n", "No program is eligible or possible.\n");

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
    out << '\n' << l.t("확인할 질문 (많은 사업을 가르는 것부터):\n", "Questions to ask (those deciding the most programs first):\n");
    for (const Question& q : questions) {
      out << "  - " << q.fact->question.in(lang) << "  [" << q.fact->path << "] "
          << count_programs(q.programs.size(), lang) << ": ";
      for (size_t i = 0; i < q.programs.size(); ++i) out << (i ? ", " : "") << q.programs[i]->name.in(lang);
      out << '\n';
    }
  }
  if (hidden > 0)
    out << '\n'
        << (lang == Lang::ko ? fmt::format("지원 불가 {}개 사업은 숨김 (--all 로 보기)\n", hidden)
                             : fmt::format("{} ineligible program{} hidden (--all to show)\n", hidden,
                                           hidden == 1 ? "" : "s"));

  if (options.explain) {
    for (const ProgramEvaluation& pe : ev.programs) {
      if (pe.status == Status::ineligible && !options.all) continue;
      out << '\n'
          << paint(pe.program->name.in(lang), Color::bold, options.color) << " [" << pe.program->id << "] — "
          << paint(status_label(pe.status, lang), status_color(pe.status), options.color) << '\n';
      out << "  " << l.t("근거: ", "source: ") << pe.program->source << '\n';
      explain_rules(pe.rules, profile, options, out, "  ");
      for (const TrackEvaluation& te : pe.tracks) {
        out << "  " << l.t("유형 ", "track ") << te.track->name.in(lang) << " [" << te.track->id << "] — "
            << paint(status_label(te.status, lang), status_color(te.status), options.color);
        if (te.split)
          out << " · " << l.t("정부 ", "government ") << format_money(te.split->government, lang) << " / "
              << l.t("민간 ", "private ") << format_money(te.split->private_share, lang);
        else if (!te.split_problem.empty())
          out << " · " << split_problem_text(te.split_problem, lang);
        out << '\n';
        if (!te.track->source.empty()) out << "    " << l.t("근거: ", "source: ") << te.track->source << '\n';
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

void render_what_if_table(const WhatIf& w, const Profile& original, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << '\n' << paint(l.t("가정 (--set):", "What if (--set):"), Color::bold, options.color);
  for (const Setting& s : w.settings) out << ' ' << s.text;
  out << '\n';
  for (const FactDef* f : w.facts) {
    const std::string before = original.has(*f) ? describe_value(*f, original, lang) : l.t("미입력", "not given");
    const std::string after = w.changed.has(*f) ? describe_value(*f, w.changed, lang) : l.t("미입력", "not given");
    out << "  " << fact_label(*f, lang) << ": " << before << " → " << after << '\n';
  }
  if (w.facts.empty()) out << "  " << l.t("프로필이 바뀌지 않음\n", "the profile does not change\n");
  out << '\n';
  if (w.changes.empty()) {
    out << l.t("바뀌는 사업이 없습니다.\n", "No program changes.\n");
    return;
  }
  Table table({l.t("변화", "change"), l.t("사업", "program"), l.t("전", "before"), l.t("후", "after"),
               l.t("정부지원 전", "government before"), l.t("정부지원 후", "government after"), l.t("차이", "difference")},
              {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::right});
  size_t gained = 0, lost = 0, up = 0, down = 0;
  for (const ProgramChange& c : w.changes) {
    std::string change;
    Color color = Color::none;
    std::string difference;
    if (c.government_before && c.government_after && *c.government_after != *c.government_before &&
        c.before != Status::ineligible && c.after != Status::ineligible)
      difference = signed_money(*c.government_after - *c.government_before, lang);
    if (c.gained()) {
      change = l.t("새로 가능", "gained");
      color = Color::green;
      ++gained;
    } else if (c.lost()) {
      change = l.t("불가로", "lost");
      color = Color::red;
      ++lost;
    } else if (c.after > c.before) {
      change = l.t("확정", "confirmed");
      color = Color::green;
    } else if (c.after < c.before) {
      change = l.t("확인 필요로", "now possible");
      color = Color::yellow;
    } else if (c.government_before && c.government_after && *c.government_after > *c.government_before) {
      change = l.t("증액", "up");
      color = Color::green;
      ++up;
    } else if (c.government_before && c.government_after && *c.government_after < *c.government_before) {
      change = l.t("감액", "down");
      color = Color::red;
      ++down;
    } else {
      change = l.t("유형 변경", "track changes");
    }
    auto amount = [&](const std::optional<Won>& w_, Status s, const Track* t) {
      if (s == Status::ineligible || !w_) return std::string();
      std::string a = format_money(*w_, lang);
      if (t != nullptr && c.track_before != c.track_after) a = t->name.in(lang) + " " + a;
      return a;
    };
    table.add_row({change, c.program->name.in(lang), status_label(c.before, lang), status_label(c.after, lang),
                   amount(c.government_before, c.before, c.track_before),
                   amount(c.government_after, c.after, c.track_after), difference},
                  {color, Color::none, status_color(c.before), status_color(c.after), Color::none, Color::none, color});
  }
  table.optional_column(2);  // the status before, then the amount before
  table.optional_column(4);
  print_table(table, options, out);
  out << '\n';
  if (lang == Lang::ko)
    out << fmt::format("새로 가능 {}, 불가로 {}, 증액 {}, 감액 {} (바뀌지 않은 사업 {}개)\n", gained, lost, up, down,
                       w.after.programs.size() - w.changes.size());
  else
    out << fmt::format("{} gained, {} lost, {} up, {} down ({} unchanged)\n", gained, lost, up, down,
                       w.after.programs.size() - w.changes.size());
}

void render_what_it_takes(const std::vector<Reach>& reaches, const Profile& profile, const RenderOptions& options,
                          std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << '\n'
      << paint(l.t("지원 불가 사업을 열려면 (회사가 바꿀 수 있는 것: 목표 수준, 총사업비, 컨소시엄 구성, 수준확인, 신청할 수 있는 선정):",
                   "What it would take (things the company controls: target level, total cost, consortium, level "
                   "check, selections it can apply for):"),
               Color::bold, options.color)
      << '\n';
  if (reaches.empty()) {
    out << "  " << l.t("지원 불가 사업이 없습니다.\n", "No program is ineligible.\n");
    return;
  }
  for (const Reach& r : reaches) {
    out << "  " << r.program->name.in(lang) << " [" << r.program->id << "]\n";
    if (r.reachable()) {
      for (size_t i = 0; i < r.remedies.size(); ++i) {
        const Remedy& rem = r.remedies[i];
        std::string moves;
        for (const Move& m : rem.moves) moves += (moves.empty() ? "" : ", ") + describe_move(m, profile, lang);
        out << "    " << (i == 0 ? "→ " : l.t("또는 ", "or ")) << moves << "  ⇒ "
            << paint(status_label(rem.result, lang), status_color(rem.result), options.color);
        if (rem.track != nullptr) out << " · " << rem.track->name.in(lang);
        if (rem.government) out << " · " << l.t("정부지원 ", "government ") << format_money(*rem.government, lang);
        out << '\n';
      }
      continue;
    }
    for (const Blocker& b : r.blocking) {
      out << "    " << paint(l.t("도달 불가: ", "not reachable: "), Color::red, options.color) << b.rule->message.in(lang)
          << "  [" << (b.track != nullptr ? b.track->id + ":" : std::string()) << b.rule->id << "]\n";
      out << "      " << l.t("근거: ", "source: ") << b.rule->source << '\n';
    }
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
    const WindowState state = window_state(p.schedule, as_of, cat.year);
    table.add_row({p.id, p.name.in(lang), tracks, caps, ratios, months, window, window_label(state, lang)},
                  {Color::cyan, Color::none, Color::none, Color::none, Color::none, Color::none, Color::none,
                   state == WindowState::open || state == WindowState::rolling ? Color::green : Color::none});
  }
  out << (lang == Lang::ko ? fmt::format("{}년 사업 {}개", cat.year, cat.programs.size())
                           : fmt::format("{} programs of {}", cat.programs.size(), cat.year));
  if (as_of) out << " · " << l.t("기준일 ", "as of ") << as_of->str();
  out << "\n\n";
  table.optional_column(5);  // months, ratio, the apply dates
  table.optional_column(4);
  table.optional_column(6);
  print_table(table, options, out);
}

void render_program_info(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                         const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << paint(p.name.in(lang), Color::bold, options.color) << " [" << p.id << "] · " << cat.year << '\n';
  if (!p.category.empty()) out << l.t("분야: ", "category: ") << p.category.in(lang) << '\n';
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
    if (t.months)
      out << "  " << (lang == Lang::ko ? fmt::format("기간: 최대 {}개월", *t.months) : fmt::format("months: up to {}", *t.months))
          << '\n';
    if (t.cap) out << "  " << l.t("한도: ", "cap: ") << format_money(*t.cap, lang) << '\n';
    if (t.cap_per_year) out << "  " << l.t("연 한도: ", "yearly cap: ") << format_money(*t.cap_per_year, lang) << " × " << t.years << '\n';
    if (!t.cap_by_level.empty()) out << "  " << l.t("현재→목표 수준별 한도:", "cap by current → target level:") << '\n';
    for (const LevelCap& row : t.cap_by_level)
      out << "    " << level_name(row.from, lang) << " → " << level_name(row.to, lang) << ": " << format_money(row.cap, lang)
          << '\n';
    if (t.ratio) out << "  " << l.t("정부 지원비율: ", "government ratio: ") << format_ratio(*t.ratio) << '\n';
    if (t.large_company_min) out << "  " << l.t("대기업 최소: ", "large company at least: ") << format_ratio(*t.large_company_min) << '\n';
    if (t.company_max) out << "  " << l.t("도입기업 최대: ", "company at most: ") << format_ratio(*t.company_max) << '\n';
    if (t.in_kind_max) out << "  " << l.t("현물 인정 한도: ", "in-kind at most: ") << format_ratio(*t.in_kind_max) << l.t(" (민간부담금 중)", " of the private share") << '\n';
    if (t.company_cash_min) out << "  " << l.t("현금부담 최소: ", "cash at least: ") << format_ratio(*t.company_cash_min) << l.t(" (기업부담금 중)", " of the company's share") << '\n';
    if (!t.local_government.empty()) out << "  " << l.t("지자체 매칭: ", "local government: ") << t.local_government << '\n';
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

// ---------------------------------------------------------------------------------------------
// Profile YAML (what `interview` saves)

namespace {

/// A double-quoted YAML scalar: backslash, quote and control characters escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

/// An enum id as a plain scalar when it is a simple word, else quoted.
std::string word(const std::string& id) {
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return quoted(id);
  return id.empty() ? quoted(id) : id;
}

std::string yaml_value(const FactDef& f, const Value& v) {
  auto choice = [&](std::int64_t idx) { return word(f.vocabulary->choices[static_cast<size_t>(idx)].id); };
  switch (f.type) {
    case FactType::boolean: return v.flag ? "true" : "false";
    case FactType::number: return std::to_string(v.number);
    case FactType::money: return fmt::format("{}  # {}", v.number, format_korean(v.number));
    case FactType::text: return quoted(v.text);
    case FactType::choice: return choice(v.number);
    case FactType::list: {
      std::string out = "[";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + choice(v.items[i]);
      return out + "]";
    }
    case FactType::money_list: {
      std::string out = "[";
      for (size_t i = 0; i < v.amounts.size(); ++i) out += (i ? ", " : "") + std::to_string(v.amounts[i]);
      return out + "]";
    }
  }
  return "null";
}

}  // namespace

std::string profile_yaml(const Profile& profile) {
  std::string out;
  std::string group;
  for (const FactDef& f : all_facts()) {
    if (f.derived || !profile.has(f)) continue;
    const auto dot = f.path.find('.');
    const std::string g = dot == std::string::npos ? std::string() : f.path.substr(0, dot);
    const std::string key = dot == std::string::npos ? f.path : f.path.substr(dot + 1);
    if (g != group && !g.empty()) out += g + ":\n";
    group = g;
    out += (g.empty() ? "" : "  ") + key + ": " + yaml_value(f, profile.get(f)) + '\n';
  }
  return out;
}

}  // namespace sfgrant
