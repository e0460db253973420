#include "sfgrant/render/year_compare.h"

#include <fmt/format.h>

#include "diff_parts.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

struct Years {
  int before = 0;
  int after = 0;
};

const Program* program_of(const ProgramComparison& pc) {
  return pc.after != nullptr ? pc.after->program : pc.before->program;
}

std::string result_word(const std::optional<Tri>& t, Lang lang) {
  return t ? tri_word(*t, lang) : Labels{lang}.t("규칙 없음", "no such rule");
}

std::string rule_cause_text(const CompareCause& c, Years years, Lang lang) {
  const RuleDiff& rd = *c.rule;
  const Rule& rule = rd.after != nullptr ? *rd.after : *rd.before;
  std::string out =
      rule_change_label(rd.change, lang) + " [" + rule.id + "] " + rule.message.in(lang) + ": " +
      fmt::format("{} {} → {} {}", years.before, result_word(c.before, lang), years.after, result_word(c.after, lang));
  if (rd.change == RuleChange::condition)
    out += " (" + condition_text(rd.before->require) + " → " + condition_text(rd.after->require) + ")";
  else
    out += " (" + condition_text(rule.require) + ")";
  out += " [";
  if (rd.before != nullptr) out += rd.before->source;
  if (rd.before != nullptr && rd.after != nullptr) out += " | ";
  if (rd.after != nullptr) out += rd.after->source;
  return out + "]";
}

std::string cause_text(const CompareCause& c, const ProgramComparison& pc, Years years, Lang lang) {
  const Labels l{lang};
  switch (c.code) {
    case CompareCause::Code::rule_decides_now:
    case CompareCause::Code::rule_gone:
      return rule_cause_text(c, years, lang);
    case CompareCause::Code::field:
      return "[" + c.track->after->id + "] " + field_label(c.change->field, lang) + " " +
             field_value_text(*c.change, false, pc.diff->before, c.track->before, lang) + " → " +
             field_value_text(*c.change, true, pc.diff->after, c.track->after, lang) + " [" + c.change->before_source +
             " | " + c.change->after_source + "]";
    case CompareCause::Code::track_added:
      return l.t("새 유형 ", "new track ") + track_summary(*c.after_track, lang) +
             l.t("이 지금 가장 유리함", " is the best one now") + " [" + c.after_track->source + "]";
    case CompareCause::Code::track_removed:
      return l.t("그때 가장 유리했던 유형 ", "the best track then, ") + track_summary(*c.before_track, lang) +
             l.t("은 없어짐; 지금은 ", ", is gone; now ") + track_summary(*c.after_track, lang);
    case CompareCause::Code::other_track:
      return l.t("가장 유리한 유형이 바뀜: ", "another track is the best one: ") +
             track_summary(*c.before_track, lang) + " → " + track_summary(*c.after_track, lang);
    case CompareCause::Code::unexplained:
      return l.t("규칙·금액 조건의 변경으로는 설명되지 않음 (업종표에서 나온 사실이나 비용이 다름)",
                 "no change in the rules or money terms explains it (facts derived from the industry tables, or "
                 "the cost, differ)");
  }
  return "";
}

std::string status_text(const ProgramEvaluation* pe, Lang lang) {
  return pe != nullptr ? status_label(pe->status, lang) : Labels{lang}.t("사업 없음", "no program");
}

std::string support_text(const std::optional<Won>& w, Lang lang) { return w ? format_money(*w, lang) : "-"; }

std::string_view cause_code(CompareCause::Code c) {
  switch (c) {
    case CompareCause::Code::rule_decides_now:
      return "rule_decides_now";
    case CompareCause::Code::rule_gone:
      return "rule_gone";
    case CompareCause::Code::field:
      return "field";
    case CompareCause::Code::track_added:
      return "track_added";
    case CompareCause::Code::track_removed:
      return "track_removed";
    case CompareCause::Code::other_track:
      return "other_track";
    case CompareCause::Code::unexplained:
      return "unexplained";
  }
  return "";
}

void side_json(const ProgramEvaluation* pe, const std::optional<Won>& support, JsonWriter& out) {
  if (pe == nullptr) {
    out.null();
    return;
  }
  out.begin_object();
  out.member("id", pe->program->id);
  out.member("status", status_name(pe->status));
  out.member("support", support);
  const TrackEvaluation* best = pe->best_track();
  out.key("track");
  if (best != nullptr && pe->status != Status::ineligible)
    out.value(best->track->id);
  else
    out.null();
  out.end_object();
}

void tri_json(const std::optional<Tri>& t, JsonWriter& out) {
  if (!t)
    out.null();
  else
    out.value(*t == Tri::pass ? "pass" : *t == Tri::fail ? "fail" : "unknown");
}

void cause_json(const CompareCause& c, const ProgramComparison& pc, Years years, Lang lang, JsonWriter& out) {
  out.begin_object();
  out.member("code", cause_code(c.code));
  if (c.rule != nullptr) {
    const Rule& rule = c.rule->after != nullptr ? *c.rule->after : *c.rule->before;
    out.member("rule", rule.id);
    out.member("change", rule_change_id(c.rule->change));
    out.key("before");
    tri_json(c.before, out);
    out.key("after");
    tri_json(c.after, out);
    out.key("before_source");
    if (c.rule->before != nullptr)
      out.value(c.rule->before->source);
    else
      out.null();
    out.key("after_source");
    if (c.rule->after != nullptr)
      out.value(c.rule->after->source);
    else
      out.null();
  }
  if (c.change != nullptr) {
    out.member("track", c.track->after->id);
    out.member("field", field_id(c.change->field));
    out.key("before");
    write_field_value_json(*c.change, false, pc.diff->before, c.track->before, lang, out);
    out.key("after");
    write_field_value_json(*c.change, true, pc.diff->after, c.track->after, lang, out);
    out.member("before_source", c.change->before_source);
    out.member("after_source", c.change->after_source);
  }
  if (c.before_track != nullptr) out.member("before_track", c.before_track->id);
  if (c.after_track != nullptr) out.member("after_track", c.after_track->id);
  out.member("text", cause_text(c, pc, years, lang));
  out.end_object();
}

}  // namespace

void render_year_compare_table(const YearComparison& comparison, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  const Labels l{lang};
  const Years years{comparison.diff->before->year, comparison.diff->after->year};
  const std::string then = std::to_string(years.before);
  const std::string now = std::to_string(years.after);
  out << '\n'
      << paint(lang == Lang::ko ? fmt::format("{} → {} 비교 (같은 회사, 사업별)", then, now)
                                : fmt::format("{} → {} compared (the same company, by program)", then, now),
               Color::bold, options.color)
      << "\n\n";
  Table table(
      {"id", l.t("사업", "program"), then, l.t("지원금 ", "support ") + then, now, l.t("지원금 ", "support ") + now},
      {Align::left, Align::left, Align::left, Align::right, Align::left, Align::right});
  size_t hidden = 0;
  for (const ProgramComparison& pc : comparison.programs) {
    const bool one_year = pc.diff == nullptr;
    const ProgramEvaluation* shown = pc.after != nullptr ? pc.after : pc.before;
    if (one_year && !options.all && shown->status == Status::ineligible) {
      ++hidden;
      continue;
    }
    const Program* p = program_of(pc);
    std::string id = p->id;
    if (pc.diff != nullptr && pc.diff->before->id != pc.diff->after->id) id = pc.diff->before->id + " → " + id;
    table.add_row({id, p->name.in(lang), status_text(pc.before, lang), support_text(pc.support_before, lang),
                   status_text(pc.after, lang), support_text(pc.support_after, lang)},
                  {Color::cyan, Color::none, pc.before ? status_color(pc.before->status) : Color::dim, Color::none,
                   pc.after ? status_color(pc.after->status) : Color::dim, Color::none});
    if (pc.diff != nullptr && pc.diff->match != MatchBy::id) table.add_note("※ " + match_note(pc.diff->match, lang));
    for (const CompareCause& c : pc.causes) table.add_note("→ " + cause_text(c, pc, years, lang));
  }
  table.optional_column(1);
  print_table(table, options, out);
  if (hidden > 0)
    out << paint(lang == Lang::ko
                     ? fmt::format("(한 해에만 있고 지원 불가인 사업 {}개는 --all로 표시)", hidden)
                     : fmt::format("({} programs of one year only, ineligible there: shown with --all)", hidden),
                 Color::dim, options.color)
        << '\n';
}

void write_year_compare_json(const YearComparison& comparison, Lang lang, JsonWriter& out) {
  const Years years{comparison.diff->before->year, comparison.diff->after->year};
  out.begin_object();
  out.member("year", years.before);
  out.key("programs");
  out.begin_array();
  for (const ProgramComparison& pc : comparison.programs) {
    out.begin_object();
    out.member("id", program_of(pc)->id);
    out.key("match");
    if (pc.diff != nullptr)
      out.value(match_by_name(pc.diff->match));
    else
      out.null();
    out.member("changed", pc.changed());
    out.key("before");
    side_json(pc.before, pc.support_before, out);
    out.key("after");
    side_json(pc.after, pc.support_after, out);
    out.key("causes");
    out.begin_array();
    for (const CompareCause& c : pc.causes) cause_json(c, pc, years, lang, out);
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace sfgrant
