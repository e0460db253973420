#include "sfgrant/render/what_if.h"

#include <fmt/format.h>

#include "sfgrant/render/words.h"

namespace sfgrant {

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
  Table table(
      {l.t("변화", "change"), l.t("사업", "program"), l.t("전", "before"), l.t("후", "after"),
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

void write_fact_value(const FactDef& f, const Profile& profile, JsonWriter& out) {
  if (!profile.has(f)) {
    out.null();
    return;
  }
  const Value& v = profile.get(f);
  switch (f.type) {
    case FactType::boolean:
      out.value(v.flag);
      return;
    case FactType::number:
    case FactType::money:
      out.value(v.number);
      return;
    case FactType::text:
      out.value(v.text);
      return;
    case FactType::choice:
      out.value(f.vocabulary->choices[static_cast<size_t>(v.number)].id);
      return;
    case FactType::list:
      out.begin_array();
      for (auto idx : v.items) out.value(f.vocabulary->choices[static_cast<size_t>(idx)].id);
      out.end_array();
      return;
    case FactType::money_list:
      out.begin_array();
      for (Won w : v.amounts) out.value(w);
      out.end_array();
      return;
  }
  out.null();
}

void write_what_if_json(const WhatIf& w, const Profile& original, Lang lang, JsonWriter& out) {
  auto track_id = [&out](const Track* t) {
    if (t != nullptr)
      out.value(t->id);
    else
      out.null();
  };
  out.begin_object();
  out.key("settings");
  out.begin_array();
  for (const Setting& s : w.settings) out.value(s.text);
  out.end_array();
  out.key("changes");
  out.begin_array();
  for (const FactDef* f : w.facts) {
    out.begin_object();
    out.member("path", f->path);
    out.key("before");
    write_fact_value(*f, original, out);
    out.key("after");
    write_fact_value(*f, w.changed, out);
    out.end_object();
  }
  out.end_array();
  for (const bool gained : {true, false}) {
    out.key(gained ? "gained" : "lost");
    out.begin_array();
    for (const ProgramChange& c : w.changes)
      if (gained ? c.gained() : c.lost()) out.value(c.program->id);
    out.end_array();
  }
  out.key("programs");
  out.begin_array();
  for (const ProgramChange& c : w.changes) {
    out.begin_object();
    out.member("id", c.program->id);
    out.member("name", c.program->name.in(lang));
    out.member("status_before", status_name(c.before));
    out.member("status_after", status_name(c.after));
    out.key("track_before");
    track_id(c.track_before);
    out.key("track_after");
    track_id(c.track_after);
    // an amount only where the program is open, as the table shows it
    const bool has_before = c.before != Status::ineligible && c.government_before.has_value();
    const bool has_after = c.after != Status::ineligible && c.government_after.has_value();
    std::optional<Won> before, after, change;
    if (has_before) before = c.government_before;
    if (has_after) after = c.government_after;
    if (has_before && has_after) change = *after - *before;
    out.member("government_before", before);
    out.member("government_after", after);
    out.member("government_change", change);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace sfgrant
