#include "sfgrant/render/catalogue.h"

#include <fmt/format.h>

#include "json_parts.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

struct PartyLimitLabel {
  const PartyLimit* limit;
  const char* ko;
  const char* en;
};

/// The track's limits on one party's contribution, with their labels.
std::vector<PartyLimitLabel> party_limits(const Track& t) {
  std::vector<PartyLimitLabel> out;
  if (t.large_company_in_kind_max)
    out.push_back({&*t.large_company_in_kind_max,
                   "주관기관 현물출자 최대 (주관기관 출연금 중): ", "lead's in-kind at most, of its contribution: "});
  if (t.company_own_staff_max)
    out.push_back({&*t.company_own_staff_max,
                   "사업관리 인력 인건비 최대 (기업부담금 중): ", "own staff wages at most, of the company's share: "});
  if (t.supplier_private_min)
    out.push_back({&*t.supplier_private_min, "공급기업 컨소시엄 부담 최소 (민간부담금 중): ",
                   "supplier consortium pays at least, of the private share: "});
  if (t.local_government_max)
    out.push_back(
        {&*t.local_government_max, "지자체 매칭 최대 (총사업비 중): ", "local government at most, of the total: "});
  return out;
}

/// `공고 2025-12 · 접수 2026-02~2026-03 · 선정 … (마감)`
std::string schedule_text(const Schedule& s, const std::optional<Date>& as_of, int year, Lang lang) {
  const Labels l{lang};
  std::string out;
  if (s.announce) out += l.t("공고 ", "notice ") + s.announce->str() + " · ";
  if (s.rolling)
    out += l.t("상시 접수", "rolling");
  else
    out += l.t("접수 ", "apply ") + (s.apply_from ? s.apply_from->str() : "?") + "~" +
           (s.apply_to ? s.apply_to->str() : "?");
  if (!s.selection.empty()) out += " · " + l.t("선정 ", "selection ") + s.selection.in(lang);
  return out + " (" + window_label(window_state(s, as_of, year), lang) + ")";
}

void catalogue_table(const Catalogue& cat, const std::optional<Date>& as_of, const RenderOptions& options,
                     std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  Table table(
      {"id", l.t("사업", "program"), l.t("유형", "tracks"), l.t("한도", "cap"), l.t("비율", "ratio"),
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

void program_table(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                   const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << paint(p.name.in(lang), Color::bold, options.color) << " [" << p.id << "] · " << cat.year << '\n';
  if (!p.category.empty()) out << l.t("분야: ", "category: ") << p.category.in(lang) << '\n';
  out << l.t("근거: ", "source: ") << p.source << '\n';
  if (p.quota) out << l.t("지원 과제수: ", "quota: ") << *p.quota << '\n';
  out << l.t("일정: ", "schedule: ") << schedule_text(p.schedule, as_of, cat.year, lang) << "\n\n";
  for (const Track& t : p.tracks) {
    out << l.t("유형 ", "track ") << t.name.in(lang) << " [" << t.id << "]\n";
    if (t.months)
      out << "  "
          << (lang == Lang::ko ? fmt::format("기간: 최대 {}개월", *t.months)
                               : fmt::format("months: up to {}", *t.months))
          << '\n';
    if (t.cap) out << "  " << l.t("한도: ", "cap: ") << format_money(*t.cap, lang) << '\n';
    if (t.cap_per_year)
      out << "  " << l.t("연 한도: ", "yearly cap: ") << format_money(*t.cap_per_year, lang) << " × " << t.years
          << '\n';
    if (!t.cap_by_level.empty()) out << "  " << l.t("현재→목표 수준별 한도:", "cap by current → target level:") << '\n';
    for (const LevelCap& row : t.cap_by_level)
      out << "    " << level_name(row.from, lang) << " → " << level_name(row.to, lang) << ": "
          << format_money(row.cap, lang) << '\n';
    if (t.ratio) out << "  " << l.t("정부 지원비율: ", "government ratio: ") << format_ratio(*t.ratio) << '\n';
    if (t.large_company_min)
      out << "  " << l.t("대기업 최소: ", "large company at least: ") << format_ratio(*t.large_company_min) << '\n';
    if (t.company_max)
      out << "  " << l.t("도입기업 최대: ", "company at most: ") << format_ratio(*t.company_max) << '\n';
    if (t.in_kind_max)
      out << "  " << l.t("현물 인정 한도: ", "in-kind at most: ") << format_ratio(*t.in_kind_max)
          << l.t(" (민간부담금 중)", " of the private share") << '\n';
    if (t.company_cash_min)
      out << "  " << l.t("현금부담 최소: ", "cash at least: ") << format_ratio(*t.company_cash_min)
          << l.t(" (기업부담금 중)", " of the company's share") << '\n';
    if (!t.local_government.empty())
      out << "  " << l.t("지자체 매칭: ", "local government: ") << t.local_government << '\n';
    for (const auto& [limit, ko, en] : party_limits(t))
      out << "  " << l.t(ko, en) << format_ratio(limit->share) << "  [" << limit->source << "]\n";
    if (t.group_cap) out << "  " << group_cap_words(*t.group_cap, lang) << "  [" << t.group_cap->source << "]\n";
    if (t.cap && t.ratio)
      if (auto fsc = full_support_cost(t, *t.cap))
        out << "  " << l.t("한도 도달 총사업비: ", "full support at: ") << format_money(*fsc, lang) << '\n';
    if (t.schedule)
      out << "  " << l.t("일정: ", "schedule: ") << schedule_text(*t.schedule, as_of, cat.year, lang) << '\n';
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
  if (p.agency.regional_center)
    out << l.t(" (지역별 스마트제조혁신센터)", " (regional smart manufacturing innovation centers)");
  out << '\n';
}

void date_or_null(const std::optional<Date>& d, JsonWriter& out) {
  if (d)
    out.value(d->str());
  else
    out.null();
}

void ratio_or_null(const std::optional<Ratio>& r, JsonWriter& out) {
  // display only: the exact value is also given as text in ratio_percent
  if (r)
    out.value(static_cast<double>(r->basis_points) / static_cast<double>(Ratio::kWhole));
  else
    out.null();
}

void rules_json(const std::vector<Rule>& rules, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const Rule& r : rules) {
    out.begin_object();
    out.member("rule", r.id);
    out.member("message", r.message.in(lang));
    out.member("source", r.source);
    out.end_object();
  }
  out.end_array();
}

void track_json(const Track& t, Lang lang, JsonWriter& out) {
  out.begin_object();
  out.member("id", t.id);
  out.member("name", t.name.in(lang));
  out.member("months", t.months);
  out.member("cap", t.cap);
  out.key("ratio");
  ratio_or_null(t.ratio, out);
  out.key("ratio_percent");
  if (t.ratio)
    out.value(format_ratio(*t.ratio));
  else
    out.null();
  std::optional<Won> fsc;
  if (t.cap && t.ratio) fsc = full_support_cost(t, *t.cap);
  out.member("full_support_cost", fsc);
  if (t.years > 1) {
    out.member("years", t.years);
    out.member("cap_per_year", t.cap_per_year);
  }
  if (!t.cap_by_level.empty()) {
    out.key("cap_by_level");
    out.begin_array();
    for (const LevelCap& row : t.cap_by_level) {
      out.begin_object();
      out.member("from", level_vocabulary().choices[static_cast<size_t>(row.from)].id);
      out.member("to", level_vocabulary().choices[static_cast<size_t>(row.to)].id);
      out.member("cap", row.cap);
      out.end_object();
    }
    out.end_array();
  }
  const std::pair<const char*, const std::optional<Ratio>*> shares[] = {{"large_company_min", &t.large_company_min},
                                                                        {"company_max", &t.company_max},
                                                                        {"in_kind_max", &t.in_kind_max},
                                                                        {"company_cash_min", &t.company_cash_min}};
  for (const auto& [key, share] : shares)
    if (*share) {
      out.member(key, format_ratio(**share));
    }
  for (const auto& [limit, ko, en] : party_limits(t)) {
    out.key(limit == &*t.large_company_in_kind_max ? "large_company_in_kind_max"
            : limit == &*t.company_own_staff_max   ? "company_own_staff_max"
            : limit == &*t.supplier_private_min    ? "supplier_private_min"
                                                   : "local_government_max");
    out.begin_object();
    out.member("share", format_ratio(limit->share));
    out.member("source", limit->source);
    out.end_object();
  }
  if (t.group_cap) {
    const GroupCap& g = *t.group_cap;
    out.key("group_cap");
    out.begin_object();
    out.member("per", g.per == GroupCap::Per::supplier ? "supplier" : "consortium");
    out.member("cap", g.cap);
    out.member("per_member", g.per_member);
    if (g.share) out.member("share", format_ratio(*g.share));
    out.member("source", g.source);
    out.end_object();
  }
  out.member("source", t.source);
  out.key("rules");
  rules_json(t.rules, lang, out);
  out.end_object();
}

void program_json(const Program& p, const std::optional<Date>& as_of, Lang lang, int year, JsonWriter& out) {
  out.begin_object();
  out.member("id", p.id);
  out.member("name", p.name.in(lang));
  out.key("category");
  write_text_or_null(p.category, lang, out);
  out.member("quota", p.quota);
  out.key("window");
  out.begin_object();
  out.key("announce");
  date_or_null(p.schedule.announce, out);
  out.key("apply_from");
  date_or_null(p.schedule.apply_from, out);
  out.key("apply_to");
  date_or_null(p.schedule.apply_to, out);
  out.member("rolling", p.schedule.rolling);
  out.key("selection");
  write_text_or_null(p.schedule.selection, lang, out);
  out.member("state", window_name(window_state(p.schedule, as_of, year)));
  out.member("source", p.schedule.source);
  out.end_object();
  out.key("tracks");
  out.begin_array();
  for (const Track& t : p.tracks) track_json(t, lang, out);
  out.end_array();
  out.key("rules");
  rules_json(p.rules, lang, out);
  out.key("notes");
  out.begin_array();
  for (const Note& n : p.notes) {
    out.begin_object();
    out.member("text", n.text.in(lang));
    out.member("source", n.source);
    out.member("kind", n.kind == NoteKind::caveat ? "caveat" : "background");
    out.end_object();
  }
  out.end_array();
  out.key("agency");
  out.begin_object();
  out.member("lead", p.agency.lead);
  out.member("operator", p.agency.operator_name);
  out.member("phone", p.agency.phone);
  out.member("regional_center", p.agency.regional_center);
  out.member("source", p.agency.source);
  out.end_object();
  out.key("apply");
  out.begin_object();
  out.key("where");
  write_text_or_null(p.apply.where, lang, out);
  out.key("documents");
  write_documents_json(p.apply.documents, lang, out);
  out.end_object();
  out.member("source", p.source);
  out.end_object();
}

}  // namespace

void render_catalogue(const Catalogue& cat, const std::optional<Date>& as_of, const RenderOptions& options,
                      Format format, std::ostream& out) {
  if (format == Format::table) {
    catalogue_table(cat, as_of, options, out);
    return;
  }
  print_json(out, [&](JsonWriter& json) {
    json.begin_object();
    json.member("year", cat.year);
    json.key("as_of");
    date_or_null(as_of, json);
    json.key("programs");
    json.begin_array();
    for (const Program& p : cat.programs) program_json(p, as_of, options.lang, cat.year, json);
    json.end_array();
    json.end_object();
  });
}

void render_program(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                    const RenderOptions& options, Format format, std::ostream& out) {
  if (format == Format::table)
    program_table(p, cat, as_of, options, out);
  else
    print_json(out, [&](JsonWriter& json) { program_json(p, as_of, options.lang, cat.year, json); });
}

}  // namespace sfgrant
