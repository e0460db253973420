// `batch --report`: the agency summary page. One pass over the run's counts (BatchSummary) builds the
// values of the page's template (share/sfgrant/templates/batch-report.html.mustache, page_template.h):
// plain text the template escapes, and the sections as markup written through HtmlWriter (html.h), the
// bars drawn from bar_length(). The layout and the CSS are the template's.
#include "sfgrant/render/batch_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <numeric>
#include <vector>

#include "sfgrant/model/facts.h"
#include "sfgrant/render/html.h"
#include "sfgrant/render/page_template.h"
#include "sfgrant/render/report.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

constexpr int kBarWidth = 1000;  ///< a bar's units

/// `part` of `whole` as a whole percentage, rounded half up in integers; "-" for nothing of nothing.
std::string percent(long part, long whole) {
  if (whole <= 0) return "-";
  return fmt::format("{}%", (part * 200 / whole + 1) / 2);
}

class AgencyPage {
 public:
  AgencyPage(const BatchReportInput& input, Lang lang) : in_(input), s_(input.summary), lang_(lang), l_{lang} {}

  /// The page's values for its template (share/sfgrant/templates/README.md lists them): plain text
  /// and numbers, escaped by the template; the `_html` fragments written here through HtmlWriter.
  kainjow::mustache::data context() {
    kainjow::mustache::data page;
    page.set("lang", lang_ == Lang::ko ? "ko" : "en");
    page.set("title", title());
    page.set("heading", l_.t("기업 목록 요약", "Company list summary"));
    page.set("list_label", l_.t("목록 ", "List "));
    page.set("list", in_.list_name);
    page.set("year", std::to_string(in_.catalogue.year));
    page.set("as_of", in_.as_of ? in_.as_of->str() : l_.t("미정", "not given"));
    page.set("version", in_.version);
    page.set("generated", generated_text(in_.generated));
    page.set("read", count(s_.read));
    page.set("evaluated", count(s_.evaluated));
    page.set("rejected", count(s_.rejected));
    header();
    page.set("announcements_html", h_.take());
    basis();
    page.set("basis_html", h_.take());
    auto section = [&](const char* name, void (AgencyPage::*write)()) {
      (this->*write)();
      std::string html = h_.take();
      if (!html.empty()) page.set(name, html);  // a section with nothing to say is not there: {{#name}}
    };
    section("summary_html", &AgencyPage::summary);
    section("programs_html", &AgencyPage::programs);
    section("regions_html", &AgencyPage::by_region);
    section("sizes_html", &AgencyPage::by_size);
    section("questions_html", &AgencyPage::questions);
    section("rejected_html", &AgencyPage::rejected);
    page.set("disclaimer", l_.t("이 요약은 공고문의 규칙으로 계산한 안내이며, 선정이나 지원 결정이 아닙니다.",
                                "This summary is a guide computed from the announcements' rules, not a selection "
                                "or a decision."));
    std::string data = std::to_string(in_.catalogue.year);
    for (const Announcement& a : in_.catalogue.announcements) data += " " + a.file.substr(0, a.file.find('.'));
    page.set("made_by", fmt::format("sfgrant {} · {} {} · {} {}", in_.version, l_.t("데이터", "data"), data,
                                    l_.t("작성", "generated"), generated_text(in_.generated)));
    return page;
  }

 private:
  std::string title() const {
    return fmt::format(
        "{} — {}", in_.list_name,
        l_.t("기업 목록 요약 (스마트 제조혁신 지원사업)", "company list summary (smart manufacturing support)"));
  }
  std::string count(long n) const { return fmt::format("{}", n); }
  std::string money(Won w) const { return format_money(w, lang_); }

  /// "2026년 사업 · <announcement> · …"
  void header() {
    const Catalogue& c = in_.catalogue;
    h_.text(lang_ == Lang::ko ? fmt::format("{}년 사업", c.year) : fmt::format("{} programs", c.year));
    for (const Announcement& a : c.announcements) h_.text(" · ").data(a.title.empty() ? a.file : a.title);
  }

  /// "기준일 … · 구축 총사업비 …"
  void basis() {
    h_.text(l_.t("기준일 ", "Reference date "));
    h_.text(in_.as_of ? in_.as_of->str() : l_.t("미정", "not given"));
    h_.text(" · ").text(l_.t("구축 총사업비 ", "Build budget "));
    h_.text(in_.cost ? money(*in_.cost) + l_.t(" (모든 기업, --cost)", " (every company, --cost)")
                     : l_.t("기업마다 목록의 값", "each company's own, from the list"));
  }

  void summary() {
    h_.open("section", {{"class", "summary"}}).newline();
    h_.open("p", {{"class", "big"}})
        .text(lang_ == Lang::ko
                  ? fmt::format("읽은 기업 {} · 평가 {} · 거부 {}", s_.read, s_.evaluated, s_.rejected)
                  : fmt::format("Companies read {} · evaluated {} · rejected {}", s_.read, s_.evaluated, s_.rejected))
        .close("p");
    const CompanyTotals& t = s_.companies;
    h_.element("p", lang_ == Lang::ko
                        ? fmt::format("지원 가능한 사업이 하나 이상인 기업 {} ({}) · 그 기업들의 최선 사업 정부지원 "
                                      "합계 {} (비용을 준 기업 {}, 한도 기준이라 합계에서 뺀 기업 {})",
                                      t.with_eligible, percent(t.with_eligible, t.companies), money(t.best_government),
                                      t.with_eligible - t.best_at_cap, t.best_at_cap)
                        : fmt::format("Companies with at least one eligible program: {} ({}) · their best programs' "
                                      "government support: {} (companies that gave a cost {}; {} at the cap, "
                                      "left out of the sum)",
                                      t.with_eligible, percent(t.with_eligible, t.companies), money(t.best_government),
                                      t.with_eligible - t.best_at_cap, t.best_at_cap));
    h_.element("p",
               lang_ == Lang::ko ? fmt::format("입력 {}줄 = 머리글 {} + 빈 줄 {} + 행 {}", s_.lines, s_.header_lines,
                                               s_.blank_lines, s_.row_lines)
                                 : fmt::format("Input: {} lines = {} header + {} blank + {} in rows", s_.lines,
                                               s_.header_lines, s_.blank_lines, s_.row_lines),
               {{"class", "facts"}});
    h_.close("section").newline();
  }

  /// A row of a bar chart: the label, a bar of `main` (and `second` after it), an optional marker at
  /// `marker`, and the figures as text.
  /// `key` names the row for scripts and tests (`data-key`, with the figures as `data-main`, `data-second`).
  void bar_row(const std::string& key, const std::string& label, long main, long second, std::optional<long> marker,
               long max, const std::string& figures) {
    h_.open("div", {{"class", "bar-row"},
                    {"data-key", key},
                    {"data-main", std::to_string(main)},
                    {"data-second", std::to_string(second)}});
    h_.open("span").data(label).close("span");
    h_.open("svg", {{"viewBox", fmt::format("0 0 {} 10", kBarWidth)}, {"preserveAspectRatio", "none"}});
    const int a = bar_length(main, max, kBarWidth);
    const int b = bar_length(main + second, max, kBarWidth) - a;
    if (a > 0)
      h_.empty("rect", {{"class", "b-main"}, {"x", "0"}, {"y", "1"}, {"width", std::to_string(a)}, {"height", "8"}});
    if (b > 0)
      h_.empty(
          "rect",
          {{"class", "b-second"}, {"x", std::to_string(a)}, {"y", "1"}, {"width", std::to_string(b)}, {"height", "8"}});
    if (marker && *marker <= max) {
      const std::string x = std::to_string(std::min(bar_length(*marker, max, kBarWidth), kBarWidth - 3));
      h_.empty("line", {{"class", "b-quota"}, {"x1", x}, {"y1", "0"}, {"x2", x}, {"y2", "10"}});
    }
    h_.close("svg").element("span", figures, {{"class", "n"}}).close("div").newline();
  }

  void legend(const std::string& main, const std::string& second) {
    h_.open("p", {{"class", "legend"}}).open("span", {{"class", "swatch b-main"}}).close("span").text(main);
    if (!second.empty()) h_.open("span", {{"class", "swatch b-second"}}).close("span").text(second);
    h_.close("p");
  }

  void programs() {
    h_.open("section").element("h2", l_.t("사업별 지원 가능 기업", "Companies by program")).newline();
    h_.open("table").open("thead").open("tr");
    h_.element("th", l_.t("사업", "Program"));
    for (const std::string& head :
         {l_.t("지원 가능", "eligible"), l_.t("확인 필요", "possible"), l_.t("지원 과제수", "places (quota)"),
          l_.t("예상 경쟁률", "expected ratio"), l_.t("정부지원 신청액 합계", "government support asked"),
          l_.t("한도 기준(합계 제외)", "at the cap (not in the sum)")})
      h_.element("th", head, {{"class", "n"}});
    h_.close("tr").close("thead").open("tbody").newline();
    long max = 1;
    for (size_t i = 0; i < s_.programs.size(); ++i) {
      const ProgramTotals& t = s_.programs[i].second;
      max = std::max(max, t.eligible + t.possible);  // the companies set the scale; a quota beyond it is not drawn
    }
    for (const auto& [id, t] : s_.programs) {
      const Program* p = in_.catalogue.find_program(id);
      h_.open("tr", {{"data-program", id},
                     {"data-eligible", count(t.eligible)},
                     {"data-possible", count(t.possible)},
                     {"data-government", std::to_string(t.government)}});
      h_.open("td").data(p != nullptr ? p->name.in(lang_) : id).close("td");
      h_.element("td", count(t.eligible), {{"class", "n"}});
      h_.element("td", count(t.possible), {{"class", "n"}});
      h_.element("td", p != nullptr && p->quota ? count(*p->quota) : "-", {{"class", "n"}});
      const std::string ratio = competition_ratio(t.eligible, p != nullptr ? p->quota : std::nullopt);
      h_.element("td", ratio.empty() ? "-" : ratio + " : 1", {{"class", "n"}});
      h_.element("td", money(t.government), {{"class", "n"}});
      h_.element("td", count(t.at_cap), {{"class", "n"}});
      h_.close("tr").newline();
    }
    h_.close("tbody").close("table");
    h_.open("div", {{"class", "chart"}});
    legend(l_.t("지원 가능", "eligible"), l_.t("확인 필요", "possible"));
    for (const auto& [id, t] : s_.programs) {
      const Program* p = in_.catalogue.find_program(id);
      std::optional<long> quota;
      if (p != nullptr && p->quota) quota = *p->quota;
      bar_row(id, p != nullptr ? p->name.in(lang_) : id, t.eligible, t.possible, quota, max,
              fmt::format("{} / {}", t.eligible, t.possible));
    }
    h_.element("p",
               l_.t("붉은 선: 지원 과제수 (막대 범위 안일 때). 예상 경쟁률 = 지원 가능 기업 ÷ 지원 과제수 (공고 §1 "
                    "지원사업 현황의 지원 "
                    "과제수; 이 목록의 기업만 센 것으로, 실제 신청 기업 수가 아닙니다).",
                    "Red line: the places (quota), where within the bars' range. Expected ratio = eligible companies ÷ "
                    "places (the announcement's "
                    "§1 table of programs; counts this list's companies only, not actual applicants)."),
               {{"class", "note"}});
    h_.element("p",
               l_.t("정부지원 신청액 합계: 지원 가능한 기업의 가장 유리한 유형의 정부지원을, 기업이 비용을 준 경우에만 "
                    "더한 값입니다. 공고의 지원 규모(사업 예산)는 프로그램 데이터에 없어 비교하지 않습니다.",
                    "Government support asked: the government share of each eligible company's best track, summed "
                    "where the company gave its cost. The announcement's programme budget is not in the program "
                    "data, so it is not compared."),
               {{"class", "note"}});
    h_.close("div").close("section").newline();
  }

  /// Companies of each choice of `vocabulary` (the key is the choice's index, -1 not given), every
  /// choice shown, with those that have an eligible program.
  void by_choice(const std::map<std::int64_t, CompanyTotals>& totals, const Vocabulary& vocabulary) {
    long max = 1;
    for (const auto& [k, t] : totals) max = std::max(max, t.companies);
    h_.open("div", {{"class", "chart"}});
    legend(l_.t("지원 가능 사업이 있는 기업", "with an eligible program"), l_.t("그 밖의 기업", "others"));
    auto row = [&](const std::string& key, const std::string& label, const CompanyTotals& t) {
      bar_row(key, label, t.with_eligible, t.companies - t.with_eligible, std::nullopt, max,
              lang_ == Lang::ko ? fmt::format("{} (가능 {})", t.companies, t.with_eligible)
                                : fmt::format("{} ({} eligible)", t.companies, t.with_eligible));
    };
    for (size_t i = 0; i < vocabulary.choices.size(); ++i) {
      const auto it = totals.find(static_cast<std::int64_t>(i));
      row(vocabulary.choices[i].id, choice_word(vocabulary.choices[i], lang_),
          it == totals.end() ? CompanyTotals{} : it->second);
    }
    if (const auto it = totals.find(-1); it != totals.end()) row("-", l_.t("미입력", "not given"), it->second);
    h_.close("div");
  }

  void by_region() {
    h_.open("section", {{"class", "keep"}}).element("h2", l_.t("시·도별 기업", "Companies by region")).newline();
    by_choice(s_.by_region, region_vocabulary());
    h_.close("section").newline();
  }

  void by_size() {
    h_.open("section", {{"class", "keep"}}).element("h2", l_.t("기업 규모별", "Companies by size")).newline();
    by_choice(s_.by_size, size_vocabulary());
    h_.close("section").newline();
  }

  void questions() {
    std::vector<size_t> facts(s_.question_companies.size());
    std::iota(facts.begin(), facts.end(), size_t{0});
    facts.erase(std::remove_if(facts.begin(), facts.end(), [&](size_t i) { return s_.question_companies[i] == 0; }),
                facts.end());
    std::stable_sort(facts.begin(), facts.end(),
                     [&](size_t a, size_t b) { return s_.question_companies[a] > s_.question_companies[b]; });
    constexpr size_t kShown = 12;
    h_.open("section", {{"class", "keep"}})
        .element("h2", l_.t("가장 많은 기업을 가를 질문", "The questions that would decide the most companies"))
        .newline();
    if (facts.empty()) {
      h_.element("p", l_.t("확인 필요한 사업이 있는 기업이 없습니다.", "No company has a possible program."));
      h_.close("section").newline();
      return;
    }
    const long max = s_.question_companies[facts.front()];
    h_.open("div", {{"class", "chart"}});
    legend(l_.t("이 답에 달린 기업", "companies waiting on the answer"), "");
    for (size_t k = 0; k < facts.size() && k < kShown; ++k) {
      const FactDef& f = all_facts()[facts[k]];
      const long companies = s_.question_companies[facts[k]];
      const long programs = s_.question_programs[facts[k]];
      bar_row(f.path, f.question.in(lang_).empty() ? f.path : f.question.in(lang_), companies, 0, std::nullopt, max,
              lang_ == Lang::ko ? fmt::format("{}개 기업 · {}건", companies, programs)
                                : fmt::format("{} companies · {} programs", companies, programs));
    }
    if (facts.size() > kShown)
      h_.element("p",
                 lang_ == Lang::ko ? fmt::format("그 밖의 질문 {}개는 생략", facts.size() - kShown)
                                   : fmt::format("{} more questions not shown", facts.size() - kShown),
                 {{"class", "legend"}});
    h_.element("p",
               l_.t("기업 수: 그 사실을 모르는 탓에 확인 필요로 남은 사업이 하나 이상인 기업. 건: 그런 (기업, 사업) "
                    "쌍의 수.",
                    "Companies: those with at least one possible program that waits on this fact. Programs: the "
                    "(company, program) pairs waiting on it."),
               {{"class", "note"}});
    h_.close("div").close("section").newline();
  }

  static const char* kind_id(RejectKind kind) {
    switch (kind) {
      case RejectKind::record:
        return "record";
      case RejectKind::encoding:
        return "encoding";
      case RejectKind::profile:
        return "profile";
      case RejectKind::cost_key:
        break;
    }
    return "cost_key";
  }

  static std::string kind_label(RejectKind kind, Lang lang) {
    const Labels l{lang};
    switch (kind) {
      case RejectKind::record:
        return l.t("행 구조 (열 수·따옴표·줄 길이)", "the record (field count, quotes, line length)");
      case RejectKind::encoding:
        return l.t("인코딩 (UTF-8·CP949가 아닌 바이트)", "encoding (bytes neither UTF-8 nor CP949)");
      case RejectKind::profile:
        return l.t("값 또는 키 (프로필로 읽을 수 없음)", "a value or key (not a valid profile)");
      case RejectKind::cost_key:
        break;
    }
    return l.t("plan.costs 의 사업 이름", "a plan.costs program name");
  }

  void rejected() {
    h_.open("section", {{"class", "keep"}})
        .element("h2", l_.t("거부된 행 (종류별)", "Rejected rows by kind"))
        .newline();
    if (s_.rejected == 0) {
      h_.element("p", l_.t("거부된 행이 없습니다.", "No row was rejected."));
      h_.close("section").newline();
      return;
    }
    long max = 1;
    for (const long n : s_.rejected_by_kind) max = std::max(max, n);
    h_.open("div", {{"class", "chart"}});
    for (size_t k = 0; k < kRejectKinds; ++k)
      bar_row(kind_id(static_cast<RejectKind>(k)), kind_label(static_cast<RejectKind>(k), lang_),
              s_.rejected_by_kind[k], 0, std::nullopt, max, count(s_.rejected_by_kind[k]));
    h_.element("p",
               l_.t("각 행의 줄 번호와 이유는 batch 의 출력(오류 행)과 표준 오류에 있습니다.",
                    "Each row's line number and reason are in batch's output (error records) and on standard error."),
               {{"class", "note"}});
    h_.close("div").close("section").newline();
  }

  const BatchReportInput& in_;
  const BatchSummary& s_;
  Lang lang_;
  Labels l_;
  HtmlWriter h_;
};

}  // namespace

const std::vector<std::string>& batch_report_template_names() {
  static const std::vector<std::string> kNames = {"lang",
                                                  "title",
                                                  "heading",
                                                  "list_label",
                                                  "list",
                                                  "year",
                                                  "as_of",
                                                  "version",
                                                  "generated",
                                                  "read",
                                                  "evaluated",
                                                  "rejected",
                                                  "announcements_html",
                                                  "basis_html",
                                                  "summary_html",
                                                  "programs_html",
                                                  "regions_html",
                                                  "sizes_html",
                                                  "questions_html",
                                                  "rejected_html",
                                                  "disclaimer",
                                                  "made_by"};
  return kNames;
}

int bar_length(long value, long max, int width) {
  if (value <= 0 || max <= 0 || width <= 0) return 0;
  if (value >= max) return width;
  const long long units = static_cast<long long>(value) * width / max;  // value < max: no overflow past width
  return std::max(1, static_cast<int>(units));
}

std::string competition_ratio(long eligible, std::optional<int> quota) {
  if (!quota || *quota <= 0) return "";
  const long long tenths = (static_cast<long long>(eligible) * 20 / *quota + 1) / 2;
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

void render_batch_report(const BatchReportInput& input, Lang lang, const PageTemplate& page, std::ostream& out) {
  AgencyPage agency(input, lang);
  out << render_page_template(page, agency.context());
}

}  // namespace sfgrant
