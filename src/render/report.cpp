// `sfgrant report`: the page the client reads. One pass over the evaluation builds the values of the
// page's template (share/sfgrant/templates/report.html.mustache, page_template.h): plain text the
// template escapes, and the sections and charts as markup written through HtmlWriter (html.h), the
// charts drawn from report_layout.cpp's geometry. The layout and the CSS are the template's.
#include "sfgrant/render/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <map>

#include "explain.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/render/html.h"
#include "sfgrant/render/page_template.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

constexpr int kBarWidth = 1000;       ///< the stacked bar's units
constexpr int kCalendarWidth = 1200;  ///< the calendar row's units: 100 a month

std::string status_class(Status s) { return "status s-" + std::string(status_name(s)); }

/// The citations, numbered in the order they are first cited.
class Footnotes {
 public:
  int number(const std::string& source) {
    const auto it = std::find(sources_.begin(), sources_.end(), source);
    if (it != sources_.end()) return static_cast<int>(it - sources_.begin()) + 1;
    sources_.push_back(source);
    return static_cast<int>(sources_.size());
  }
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  std::vector<std::string> sources_;
};

/// The schedule a program's best track is applied for in: the track's own, else the program's.
const Schedule& schedule_of(const ProgramEvaluation& pe, const TrackEvaluation* best) {
  return best != nullptr && best->track->schedule ? *best->track->schedule : pe.program->schedule;
}

WindowState window_of(const ProgramEvaluation& pe, const TrackEvaluation* best) {
  return best != nullptr ? best->window : pe.window;
}

class ReportPage {
 public:
  ReportPage(const ReportInput& input, Lang lang)
      : in_(input), ev_(input.evaluation), lang_(lang), l_{lang}, questions_(questions_to_ask(ev_)) {
    for (const ProgramEvaluation& pe : ev_.programs)
      if (pe.status != Status::ineligible) open_.push_back(&pe);
    // shown by group, in catalogue order within a group
    std::stable_sort(open_.begin(), open_.end(), [](const ProgramEvaluation* a, const ProgramEvaluation* b) {
      return program_group(*a->program) < program_group(*b->program);
    });
  }

  /// The page's values for its template (share/sfgrant/templates/README.md lists them): plain text
  /// and numbers, escaped by the template; the `_html` fragments written here through HtmlWriter.
  kainjow::mustache::data context() {
    using kainjow::mustache::data;
    data page;
    page.set("lang", lang_ == Lang::ko ? "ko" : "en");
    page.set("title", title());
    page.set("company", in_.profile.name());
    page.set("subtitle", l_.t("스마트 제조혁신 지원사업 검토 보고서", "Smart manufacturing support programs: review"));
    page.set("year", std::to_string(ev_.catalogue->year));
    page.set("as_of", ev_.as_of ? ev_.as_of->str() : l_.t("미정", "not given"));
    page.set("version", in_.version);
    page.set("generated", generated_text(in_.generated));
    size_t eligible = 0;
    for (const ProgramEvaluation* pe : open_) eligible += pe->status == Status::eligible ? 1U : 0U;
    page.set("open_count", std::to_string(open_.size()));
    page.set("eligible_count", std::to_string(eligible));
    page.set("possible_count", std::to_string(open_.size() - eligible));
    page.set("program_count", std::to_string(ev_.programs.size()));
    header();
    page.set("announcements_html", h_.take());
    basis();
    page.set("basis_html", h_.take());
    summary();
    page.set("summary_html", h_.take());
    auto section = [&](const char* name, void (ReportPage::*write)()) {
      (this->*write)();
      std::string html = h_.take();
      if (!html.empty()) page.set(name, html);  // a section with nothing to say is not there: {{#name}}
    };
    section("programs_html", &ReportPage::programs);
    section("calendar_html", &ReportPage::calendar);
    section("next_steps_html", &ReportPage::next_steps);
    section("questions_html", &ReportPage::questions);
    section("ineligible_html", &ReportPage::ineligible);
    section("footnotes_html", &ReportPage::footnotes);
    page.set("disclaimer",
             l_.t("이 보고서는 공고문의 규칙으로 계산한 안내이며, 선정이나 지원 결정이 아닙니다. 신청 자격과 금액은 "
                  "공고문과 운영기관의 확인으로 정해집니다.",
                  "This report is a guide computed from the announcements' rules, not a selection or a "
                  "decision: eligibility and amounts are settled by the announcement and the operating agency."));
    page.set("made_by", fmt::format("sfgrant {} · {} {} · {} {}", in_.version, l_.t("데이터", "data"), data_files(),
                                    l_.t("작성", "generated"), generated_text(in_.generated)));
    return page;
  }

 private:
  std::string title() const {
    return fmt::format("{} — {}", in_.profile.name(),
                       l_.t("스마트 제조혁신 지원사업 검토", "smart manufacturing support"));
  }

  /// The program data the page was computed from: "2026 2026-smart-factory …".
  std::string data_files() const {
    std::string data = std::to_string(ev_.catalogue->year);
    for (const Announcement& a : ev_.catalogue->announcements) data += " " + a.file.substr(0, a.file.find('.'));
    return data;
  }

  std::string money(Won w) const { return format_money(w, lang_); }

  /// "2026년 사업 · <announcement> · …"
  void header() {
    const Catalogue& c = *ev_.catalogue;
    h_.text(lang_ == Lang::ko ? fmt::format("{}년 사업", c.year) : fmt::format("{} programs", c.year));
    for (const Announcement& a : c.announcements) h_.text(" · ").data(a.title.empty() ? a.file : a.title);
  }

  /// "기준일 … · 구축 총사업비 … · <program cost> …"
  void basis() {
    h_.text(l_.t("기준일 ", "Reference date "));
    h_.text(ev_.as_of ? ev_.as_of->str() : l_.t("미정", "not given"));
    h_.text(" · ").text(l_.t("구축 총사업비 ", "Build budget "));
    h_.text(ev_.cost ? money(*ev_.cost) : l_.t("미입력", "not given"));
    for (const ProgramCost& pc : in_.profile.program_costs())
      h_.text(" · ").data(pc.key).text(" ").text(money(pc.amount));
    size_t at_cap = 0;
    for (const ProgramEvaluation* pe : open_) {
      const TrackEvaluation* best = pe->best_track();
      at_cap += best != nullptr && best->split && best->split->basis == SplitBasis::cap ? 1U : 0U;
    }
    if (at_cap > 0)
      h_.text(lang_ == Lang::ko
                  ? fmt::format(" · 비용을 주지 않은 {}개 사업은 한도에 이르는 비용으로 계산", at_cap)
                  : fmt::format(" · {} program{} without a cost of {} own: at the cost that reaches the cap", at_cap,
                                at_cap == 1 ? "" : "s", at_cap == 1 ? "its" : "their"));
  }

  void summary() {
    size_t eligible = 0;
    size_t possible = 0;
    const ProgramEvaluation* largest = nullptr;
    for (const ProgramEvaluation* pe : open_) {
      ++(pe->status == Status::eligible ? eligible : possible);
      const TrackEvaluation* best = pe->best_track();
      if (best == nullptr || !best->split) continue;
      if (largest == nullptr || best->split->government > largest->best_track()->split->government) largest = pe;
    }
    h_.open("section", {{"class", "summary"}}).newline();
    h_.open("p", {{"class", "big"}})
        .text(lang_ == Lang::ko ? fmt::format("신청할 수 있는 사업 {}개 (지원 가능 {} · 확인 필요 {}) / 전체 {}개",
                                              open_.size(), eligible, possible, ev_.programs.size())
                                : fmt::format("{} programs open to the company ({} eligible, {} possible) of {}",
                                              open_.size(), eligible, possible, ev_.programs.size()))
        .close("p");
    if (largest != nullptr) {
      const TrackEvaluation* best = largest->best_track();
      h_.open("p").text(l_.t("가장 큰 지원: ", "Largest support: ")).open("b").data(largest->program->name.in(lang_));
      h_.text(" · ").text(l_.t("정부지원 ", "government ")).text(money(best->split->government)).close("b");
      h_.text(" (").data(best->track->name.in(lang_)).text(")").close("p");
    }
    h_.open("p").text(l_.t("먼저 정할 것: ", "To decide first: "));
    if (!questions_.empty()) {
      const Question& q = questions_.front();
      h_.data(q.fact->question.in(lang_));
      h_.text(lang_ == Lang::ko ? fmt::format(" — {}개 사업이 이 답에 달려 있습니다", q.programs.size())
                                : fmt::format(" — {} decide{} on this answer", count_programs(q.programs.size(), lang_),
                                              q.programs.size() == 1 ? "s" : ""));
    } else if (const ProgramEvaluation* next = soonest_deadline()) {
      const Schedule& s = schedule_of(*next, next->best_track());
      h_.text(l_.t("가장 먼저 마감하는 접수 — ", "the window that closes first — "))
          .data(next->program->name.in(lang_));
      h_.text(" (~" + s.apply_to->str() + ")");
    } else {
      h_.text(l_.t("열린 접수가 없습니다: 다음 공고를 기다려 신청을 준비하세요",
                   "no window is open: prepare for the next announcement"));
    }
    h_.close("p").close("section").newline();
  }

  /// The open or upcoming window, of a program open to the company, that closes first.
  const ProgramEvaluation* soonest_deadline() const {
    const ProgramEvaluation* out = nullptr;
    for (const ProgramEvaluation* pe : open_) {
      const WindowState w = window_of(*pe, pe->best_track());
      const Schedule& s = schedule_of(*pe, pe->best_track());
      if ((w != WindowState::open && w != WindowState::upcoming) || !s.apply_to) continue;
      if (out == nullptr || s.apply_to->last_day() < schedule_of(*out, out->best_track()).apply_to->last_day())
        out = pe;
    }
    return out;
  }

  void programs() {
    std::optional<ProgramGroup> group;
    for (const ProgramEvaluation* pe : open_) {
      const ProgramGroup g = program_group(*pe->program);
      if (group != g) {
        if (group) h_.close("section").newline();
        h_.open("section", {{"class", "group"}}).element("h2", group_label(g, lang_)).newline();
        group = g;
      }
      program_block(*pe);
    }
    if (group) h_.close("section").newline();
  }

  void window_text(const ProgramEvaluation& pe, const TrackEvaluation* best) {
    const Schedule& s = schedule_of(pe, best);
    const WindowState w = window_of(pe, best);
    h_.text(window_label(w, lang_));
    if (s.apply_from || s.apply_to)
      h_.text(" (" + (s.apply_from ? s.apply_from->str() : std::string()) + " ~ " +
              (s.apply_to ? s.apply_to->str() : std::string()) + ")");
    else if (s.rolling && w != WindowState::rolling)
      h_.text(l_.t(" (상시)", " (rolling)"));
  }

  void program_block(const ProgramEvaluation& pe) {
    const TrackEvaluation* best = pe.best_track();
    const Split* split = best != nullptr && best->split ? &*best->split : nullptr;
    auto amount = [&](std::optional<Won> w) { return w ? std::to_string(*w) : std::string(); };
    h_.open("article", {{"class", "program"},
                        {"id", "program-" + pe.program->id},
                        {"data-program", pe.program->id},
                        {"data-track", best != nullptr ? best->track->id : ""},
                        {"data-government", split ? std::to_string(split->government) : ""},
                        {"data-company", split ? std::to_string(split->company) : ""},
                        {"data-large-company", split ? amount(split->large_company) : ""},
                        {"data-local-government", split ? amount(split->local_government) : ""}});
    h_.open("h3").data(pe.program->name.in(lang_));
    h_.element("span", status_label(pe.status, lang_), {{"class", status_class(pe.status)}});
    const std::string& source =
        best != nullptr && !best->track->source.empty() ? best->track->source : pe.program->source;
    cite(source);
    h_.close("h3");
    h_.open("p", {{"class", "meta"}});
    if (best != nullptr) {
      h_.text(l_.t("유형 ", "track ")).data(best->track->name.in(lang_));
      if (best->track->months)
        h_.text(" · ").text(lang_ == Lang::ko ? fmt::format("{}개월", *best->track->months)
                                              : fmt::format("{} months", *best->track->months));
      if (best->cap) h_.text(" · ").text(l_.t("한도 ", "cap ")).text(money(*best->cap));
      if (best->track->ratio) h_.text(" · ").text(l_.t("정부 ", "government ")).text(format_ratio(*best->track->ratio));
      h_.text(" · ");
    }
    h_.text(l_.t("일정: ", "window: "));
    window_text(pe, best);
    h_.close("p");
    if (split != nullptr) {
      split_bar(*split);
      for (const PartyLimitLine& line : party_limit_lines(*split, *best->track, lang_)) {
        h_.open("p", {{"class", "note"}}).text("※ ").data(line.text);
        cite(*line.source);
        h_.close("p");
      }
    } else if (best != nullptr && !best->split_problem.empty()) {
      h_.element("p", "※ " + split_problem_text(best->split_problem, *best->track, lang_), {{"class", "note"}});
    } else if (best != nullptr && best->cap) {
      h_.element("p",
                 l_.t("※ 총사업비를 알려 주면 정부·기업 분담액을 계산합니다",
                      "※ give the build budget to see the government and company shares"),
                 {{"class", "basis"}});
    }
    for (const Note* n : caveats(pe, best)) {
      h_.open("p", {{"class", "note"}}).text("※ ").data(n->text.in(lang_));
      if (!n->source.empty()) cite(n->source);
      h_.close("p");
    }
    h_.close("article").newline();
  }

  void split_bar(const Split& split) {
    const std::vector<BarSegment> segments = stacked_bar(split, kBarWidth);
    h_.open("div", {{"class", "split"}});
    h_.open("svg", {{"class", "bar"},
                    {"viewBox", fmt::format("0 0 {} 10", kBarWidth)},
                    {"preserveAspectRatio", "none"},
                    {"role", "img"},
                    {"aria-label", l_.t("분담 비율", "cost split")}});
    for (const BarSegment& s : segments)
      h_.empty("rect", {{"class", "p-" + part_id(s.part)},
                        {"x", std::to_string(s.x)},
                        {"y", "0"},
                        {"width", std::to_string(s.width)},
                        {"height", "10"}});
    h_.close("svg");
    h_.open("ul", {{"class", "amounts"}});
    for (const BarSegment& s : segments) {
      h_.open("li").open("span", {{"class", "swatch p-" + part_id(s.part)}}).close("span");
      h_.text(split_part_label(s.part, lang_) + " ").open("b").text(money(s.amount)).close("b").close("li");
    }
    // the cost the amounts are at: the build budget or this program's own cost, said with the total;
    // at the cap, why, on a line of its own (SPEC §7 basis)
    h_.open("li").text(l_.t("총사업비 ", "total ")).text(money(split.total));
    if (split.basis == SplitBasis::plan) h_.text(l_.t(" (구축 총사업비 기준)", " (the build budget)"));
    if (split.basis == SplitBasis::program)
      h_.text(l_.t(" (이 사업에 입력한 비용)", " (the cost given for this program)"));
    h_.close("li").close("ul").close("div");
    if (split.basis == SplitBasis::cap)
      h_.element("p", "※ " + cap_basis_text(split.total, lang_), {{"class", "basis"}});
  }

  static std::string part_id(SplitPart part) {
    switch (part) {
      case SplitPart::government:
        return "government";
      case SplitPart::company:
        return "company";
      case SplitPart::large_company:
        return "large_company";
      case SplitPart::local_government:
        break;
    }
    return "local_government";
  }

  void cite(const std::string& source) {
    if (source.empty()) return;
    const int n = footnotes_.number(source);
    h_.open("sup").open("a", {{"href", fmt::format("#source-{}", n)}}).text(fmt::format("[{}]", n));
    h_.close("a").close("sup");
  }

  void calendar() {
    const int year = ev_.catalogue->year;
    h_.open("section", {{"class", "calendar"}});
    h_.element("h2",
               lang_ == Lang::ko ? fmt::format("{}년 접수 일정", year) : fmt::format("{} application calendar", year));
    h_.open("div", {{"class", "cal-row"}}).element("span", "").open("div", {{"class", "cal-months"}});
    for (int m = 1; m <= 12; ++m) h_.element("span", lang_ == Lang::ko ? fmt::format("{}월", m) : std::to_string(m));
    h_.close("div").element("span", "").close("div").newline();
    bool any_closed = false;
    for (const ProgramEvaluation* pe : open_) {
      const TrackEvaluation* best = pe->best_track();
      const WindowState w = window_of(*pe, best);
      any_closed = any_closed || w == WindowState::closed;
      h_.open("div", {{"class", "cal-row"}}).open("span").data(pe->program->name.in(lang_)).close("span");
      calendar_row(schedule_of(*pe, best), w, year);
      h_.open("span");
      window_text(*pe, best);
      h_.close("span").close("div").newline();
    }
    if (ev_.as_of)
      h_.element("p",
                 lang_ == Lang::ko ? fmt::format("붉은 선: 기준일 {}", ev_.as_of->str())
                                   : fmt::format("Red line: the reference date, {}", ev_.as_of->str()),
                 {{"class", "basis"}});
    if (any_closed)
      h_.element("p",
                 l_.t("※ 회색 막대는 기준일에 접수가 끝난 사업입니다. 이번 공고로는 신청할 수 없고, 다음 차수 공고에서 "
                      "같은 조건으로 열리는지 확인해야 합니다. 이 보고서는 그 준비의 참고입니다.",
                      "※ Grey bars are windows that had closed on the reference date: the company cannot apply "
                      "this round, and should check whether the next announcement opens them again on the same "
                      "terms. Read this report as preparation for it."),
                 {{"class", "note"}});
    h_.close("section").newline();
  }

  void calendar_row(const Schedule& s, WindowState w, int year) {
    h_.open("svg", {{"viewBox", fmt::format("0 0 {} 10", kCalendarWidth)}, {"preserveAspectRatio", "none"}});
    for (int m = 1; m < 12; ++m) {
      const std::string x = std::to_string(m * kCalendarWidth / 12);
      h_.empty("line", {{"class", "grid"}, {"x1", x}, {"y1", "0"}, {"x2", x}, {"y2", "10"}});
    }
    if (s.apply_from || s.apply_to || s.rolling) {
      const double from = s.apply_from ? calendar_x(*s.apply_from, year, kCalendarWidth) : 0.0;
      const double to = s.apply_to ? calendar_x(*s.apply_to, year, kCalendarWidth, true) : kCalendarWidth;
      if (to > from)
        h_.empty("rect", {{"class", std::string(window_name(w))},
                          {"x", fmt::format("{:.1f}", from)},
                          {"y", "2"},
                          {"width", fmt::format("{:.1f}", to - from)},
                          {"height", "6"}});
    }
    if (ev_.as_of && ev_.as_of->year == year) {
      const std::string x = fmt::format("{:.1f}", calendar_x(*ev_.as_of, year, kCalendarWidth));
      h_.empty("line", {{"class", "today"}, {"x1", x}, {"y1", "0"}, {"x2", x}, {"y2", "10"}});
    }
    h_.close("svg");
  }

  void next_steps() {
    if (open_.empty()) return;
    h_.open("section").element("h2", l_.t("준비할 서류와 신청처", "Documents to prepare and where to apply")).newline();
    // the regional center is the company's, the same for every program that has one: said once
    const Center* center = nullptr;
    bool one_center = true;
    for (const ProgramEvaluation* pe : open_) {
      if (pe->center == nullptr) continue;
      if (center != nullptr && center != pe->center) one_center = false;
      center = pe->center;
    }
    if (center != nullptr && one_center) center_line(*center);
    h_.open("div", {{"class", "steps-grid"}});
    for (const ProgramEvaluation* pe : open_) {
      const Program& p = *pe->program;
      h_.open("div", {{"class", "steps"}}).open("h3").data(p.name.in(lang_)).close("h3");
      if (!p.apply.where.empty()) h_.open("p").text(l_.t("신청: ", "Apply: ")).data(p.apply.where.in(lang_)).close("p");
      if (!p.apply.documents.empty()) {
        h_.open("ul");
        for (const Document& d : p.apply.documents) {
          h_.open("li").data(d.name.in(lang_));
          if (!d.validity.empty()) h_.text(" (").data(d.validity.in(lang_)).text(")");
          h_.close("li");
        }
        h_.close("ul");
      }
      const std::string contact = contact_text(p.agency);
      if (!contact.empty()) h_.open("p").text(l_.t("문의: ", "Contact: ")).data(contact).close("p");
      if (pe->center != nullptr && !one_center) center_line(*pe->center);
      h_.close("div").newline();
    }
    h_.close("div").close("section").newline();
  }

  void center_line(const Center& center) {
    h_.open("p").text(l_.t("지역센터: ", "Regional center: ")).data(center.name.in(lang_)).text(" ").data(center.phone);
    h_.text(" (").data(center.address).text(")").close("p");
  }

  void questions() {
    if (questions_.empty()) return;
    h_.open("section", {{"class", "questions"}})
        .element("h2", l_.t("아직 답할 질문 (확인 필요 사업을 정하는 것)",
                            "Questions still to answer (they decide the possible programs)"))
        .open("ul");
    for (const Question& q : questions_) {
      h_.open("li").data(q.fact->question.in(lang_)).text(" — " + count_programs(q.programs.size(), lang_) + ": ");
      for (size_t i = 0; i < q.programs.size(); ++i) h_.text(i ? ", " : "").data(q.programs[i]->name.in(lang_));
      h_.close("li");
    }
    h_.close("ul").close("section").newline();
  }

  void ineligible() {
    bool any = false;
    for (const ProgramEvaluation& pe : ev_.programs) {
      if (pe.status != Status::ineligible) continue;
      if (!any)
        h_.open("section", {{"class", "ineligible"}})
            .element("h2", l_.t("지원 대상이 아닌 사업", "Programs the company is not eligible for"))
            .open("ul");
      any = true;
      const std::vector<std::string> reasons = failed_reasons(pe, lang_);
      h_.open("li").data(pe.program->name.in(lang_));
      if (!reasons.empty()) h_.text(": ").data(reasons.front());
      h_.close("li");
    }
    if (any) h_.close("ul").close("section").newline();
  }

  void footnotes() {
    if (footnotes_.sources().empty()) return;
    h_.open("section").element("h2", l_.t("근거 (공고 조항)", "Sources (announcement clauses)"));
    h_.open("ol", {{"class", "footnotes"}});
    for (size_t i = 0; i < footnotes_.sources().size(); ++i)
      h_.open("li", {{"id", fmt::format("source-{}", i + 1)}}).data(footnotes_.sources()[i]).close("li");
    h_.close("ol").close("section").newline();
  }

  const ReportInput& in_;
  const Evaluation& ev_;
  Lang lang_;
  Labels l_;
  std::vector<Question> questions_;
  std::vector<const ProgramEvaluation*> open_;
  Footnotes footnotes_;
  HtmlWriter h_;
};

}  // namespace

const std::vector<std::string>& report_template_names() {
  static const std::vector<std::string> kNames = {"lang",
                                                  "title",
                                                  "company",
                                                  "subtitle",
                                                  "year",
                                                  "as_of",
                                                  "version",
                                                  "generated",
                                                  "open_count",
                                                  "eligible_count",
                                                  "possible_count",
                                                  "program_count",
                                                  "announcements_html",
                                                  "basis_html",
                                                  "summary_html",
                                                  "programs_html",
                                                  "calendar_html",
                                                  "next_steps_html",
                                                  "questions_html",
                                                  "ineligible_html",
                                                  "footnotes_html",
                                                  "disclaimer",
                                                  "made_by"};
  return kNames;
}

std::string generated_text(std::time_t when) {
  char text[32] = "";
  std::tm tm{};
  gmtime_r(&when, &tm);
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

void render_report(const ReportInput& input, Lang lang, const PageTemplate& page, std::ostream& out) {
  ReportPage report(input, lang);
  out << render_page_template(page, report.context());
}

}  // namespace sfgrant
