#include "sfgrant/render/what_it_takes.h"

#include <fmt/format.h>

#include <algorithm>

#include "sfgrant/render/what_if.h"
#include "sfgrant/render/words.h"

namespace sfgrant {

namespace {

/// The same rule in two programs: a common exclusion is copied into each.
bool same_rule(const Rule& a, const Rule& b) { return a.id == b.id && a.source == b.source; }

/// The blocking rules every ineligible program shares, when none of them can be opened: said once.
std::vector<const Rule*> shared_blockers(const std::vector<Reach>& reaches) {
  std::vector<const Rule*> out;
  if (reaches.size() < 2) return out;
  for (const Reach& r : reaches)
    if (r.reachable()) return out;
  for (const Blocker& b : reaches.front().blocking) {
    const bool everywhere = std::all_of(reaches.begin(), reaches.end(), [&](const Reach& r) {
      return std::any_of(r.blocking.begin(), r.blocking.end(),
                         [&](const Blocker& o) { return same_rule(*o.rule, *b.rule); });
    });
    if (everywhere) out.push_back(b.rule);
  }
  return out;
}

bool is_standing(const Move& m, const std::vector<Move>& standing) {
  return std::any_of(standing.begin(), standing.end(), [&](const Move& s) { return s.fact == m.fact; });
}

void print_blocker(const Rule& rule, const Track* track, const RenderOptions& options, std::ostream& out,
                   const char* indent) {
  Labels l{options.lang};
  out << indent << paint(l.t("도달 불가: ", "not reachable: "), Color::red, options.color)
      << rule.message.in(options.lang) << "  [" << (track != nullptr ? track->id + ":" : std::string()) << rule.id
      << "]\n";
  out << indent << "  " << l.t("근거: ", "source: ") << rule.source << '\n';
}

/// "⇒ 지원 가능 · 고도화1 · 정부지원 1억원"
void print_outcome(const Remedy& rem, const RenderOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << "  ⇒ " << paint(status_label(rem.result, lang), status_color(rem.result), options.color);
  if (rem.track != nullptr) out << " · " << rem.track->name.in(lang);
  if (rem.government) out << " · " << l.t("정부지원 ", "government ") << format_money(*rem.government, lang);
  out << '\n';
}

}  // namespace

void render_what_it_takes(const WhatItTakes& result, const Profile& profile, const RenderOptions& options,
                          std::ostream& out) {
  const Lang lang = options.lang;
  Labels l{lang};
  out << '\n'
      << paint(l.t("지원 불가 사업을 열려면 (회사가 바꿀 수 있는 것: 체납 해소·영업 재개, 목표 수준, 총사업비, "
                   "컨소시엄 구성, 수준확인, 신청할 수 있는 선정):",
                   "What it would take (things the company controls: paying tax arrears and resuming business, "
                   "target level, total cost, consortium, level check, selections it can apply for):"),
               Color::bold, options.color)
      << '\n';
  const std::vector<Reach>& reaches = result.reaches;
  if (reaches.empty()) {
    out << "  " << l.t("지원 불가 사업이 없습니다.\n", "No program is ineligible.\n");
    return;
  }

  // the company's standing, put right first: said once, with what it opens on its own
  if (!result.standing.empty()) {
    std::string moves;
    for (const Move& m : result.standing) moves += (moves.empty() ? "" : ", ") + describe_move(m, profile, lang);
    size_t eligible = 0, possible = 0;
    for (const Reach& r : reaches)
      if (r.reachable() && r.remedies.front().moves.size() == result.standing.size())
        ++(r.remedies.front().result == Status::eligible ? eligible : possible);
    out << "  "
        << (lang == Lang::ko ? fmt::format("{} 시: 지원 가능 {}개 · 확인 필요 {}개 사업", moves, eligible, possible)
                             : fmt::format("{}: then {} program{} eligible and {} possible", moves, eligible,
                                           eligible == 1 ? "" : "s", possible))
        << '\n'
        << "  " << l.t("(아래 방안은 모두 이를 전제로 함)\n", "(every change below comes on top of it)\n");
  }

  const std::vector<const Rule*> shared = shared_blockers(reaches);
  if (!shared.empty()) {
    out << "  "
        << (lang == Lang::ko ? fmt::format("지원 불가 {}개 사업 모두:", reaches.size())
                             : fmt::format("all {} ineligible programs:", reaches.size()))
        << '\n';
    for (const Rule* rule : shared) print_blocker(*rule, nullptr, options, out, "    ");
  }

  for (const Reach& r : reaches) {
    if (r.reachable()) {
      out << "  " << r.program->name.in(lang) << " [" << r.program->id << "]";
      const Remedy& first = r.remedies.front();
      if (first.moves.size() == result.standing.size()) {  // the standing alone opens it
        print_outcome(first, options, out);
        continue;
      }
      out << '\n';
      for (size_t i = 0; i < r.remedies.size(); ++i) {
        const Remedy& rem = r.remedies[i];
        std::string moves;
        for (const Move& m : rem.moves)
          if (!is_standing(m, result.standing)) moves += (moves.empty() ? "" : ", ") + describe_move(m, profile, lang);
        out << "    " << (i == 0 ? "→ " : l.t("또는 ", "or ")) << moves;
        print_outcome(rem, options, out);
      }
      continue;
    }
    std::vector<const Blocker*> own;
    for (const Blocker& b : r.blocking)
      if (std::none_of(shared.begin(), shared.end(), [&](const Rule* s) { return same_rule(*s, *b.rule); }))
        own.push_back(&b);
    if (own.empty()) continue;  // closed by the shared rules only, said above
    out << "  " << r.program->name.in(lang) << " [" << r.program->id << "]\n";
    for (const Blocker* b : own) print_blocker(*b->rule, b->track, options, out, "    ");
  }
}

void write_what_it_takes_json(const WhatItTakes& result, const Profile& profile, Lang lang, JsonWriter& out) {
  auto track_id = [&out](const Track* t) {
    if (t != nullptr)
      out.value(t->id);
    else
      out.null();
  };
  out.begin_array();
  for (const Reach& r : result.reaches) {
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
