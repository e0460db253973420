#include "sfgrant/render/what_it_takes.h"

#include "sfgrant/render/what_if.h"
#include "sfgrant/render/words.h"

namespace sfgrant {

void render_what_it_takes(const std::vector<Reach>& reaches, const Profile& profile, const RenderOptions& options,
                          std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << '\n'
      << paint(l.t("지원 불가 사업을 열려면 (회사가 바꿀 수 있는 것: 목표 수준, 총사업비, 컨소시엄 구성, 수준확인, "
                   "신청할 수 있는 선정):",
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
      out << "    " << paint(l.t("도달 불가: ", "not reachable: "), Color::red, options.color)
          << b.rule->message.in(lang) << "  [" << (b.track != nullptr ? b.track->id + ":" : std::string()) << b.rule->id
          << "]\n";
      out << "      " << l.t("근거: ", "source: ") << b.rule->source << '\n';
    }
  }
}

void write_what_it_takes_json(const std::vector<Reach>& reaches, const Profile& profile, Lang lang, JsonWriter& out) {
  auto track_id = [&out](const Track* t) {
    if (t != nullptr)
      out.value(t->id);
    else
      out.null();
  };
  out.begin_array();
  for (const Reach& r : reaches) {
    out.begin_object();
    out.member("id", r.program->id);
    out.member("name", r.program->name.in(lang));
    out.member("reachable", r.reachable());
    out.key("remedies");
    out.begin_array();
    for (const Remedy& rem : r.remedies) {
      Profile after = profile;
      for (const Move& m : rem.moves) apply_move(after, m);
      out.begin_object();
      out.key("changes");
      out.begin_array();
      for (const Move& m : rem.moves) {
        out.begin_object();
        out.member("path", m.fact->path);
        out.key("before");
        write_fact_value(*m.fact, profile, out);
        out.key("after");
        write_fact_value(*m.fact, after, out);
        if (m.added) {
          out.member("add", m.fact->vocabulary->choices[static_cast<size_t>(*m.added)].id);
        }
        out.end_object();
      }
      out.end_array();
      out.member("status", status_name(rem.result));
      out.key("track");
      track_id(rem.track);
      out.member("government", rem.government);
      out.end_object();
    }
    out.end_array();
    out.key("blocking");
    out.begin_array();
    for (const Blocker& b : r.blocking) {
      out.begin_object();
      out.member("rule", b.rule->id);
      out.member("message", b.rule->message.in(lang));
      out.member("source", b.rule->source);
      out.key("track");
      track_id(b.track);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
}

}  // namespace sfgrant
