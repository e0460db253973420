#include "sfgrant/render/check_markdown.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "explain.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/render/markdown.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

/// The citations, numbered in the order they are first cited.
class Citations {
 public:
  /// ` [n]` for `source`, "" for none.
  std::string cite(const std::string& source) {
    if (source.empty()) return "";
    auto it = std::find(sources_.begin(), sources_.end(), source);
    if (it == sources_.end()) it = sources_.insert(sources_.end(), source);
    return fmt::format(" [{}]", it - sources_.begin() + 1);  // no link: the page defines no reference
  }
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  std::vector<std::string> sources_;
};

/// The first failed rule of a program: its own, then its tracks' (the one line of why it is closed,
/// as failed_reasons() puts first).
const Rule* first_failed(const ProgramEvaluation& pe) {
  for (const RuleResult& rr : pe.rules)
    if (rr.result == Tri::fail) return rr.rule;
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules)
      if (rr.result == Tri::fail) return rr.rule;
  return nullptr;
}

/// The window a program's best track is applied in: its state and, where known, the months or days.
std::string window_text(const ProgramEvaluation& pe, const TrackEvaluation* best, Lang lang) {
  const Schedule& s = best != nullptr && best->track->schedule ? *best->track->schedule : pe.program->schedule;
  const WindowState w = best != nullptr ? best->window : pe.window;
  std::string text = window_label(w, lang);
  if (s.apply_from || s.apply_to)
    text += " (" + (s.apply_from ? s.apply_from->str() : std::string()) + " ~ " +
            (s.apply_to ? s.apply_to->str() : std::string()) + ")";
  return text;  // the program's own words and dates: nothing to escape
}

class CheckMarkdown {
 public:
  CheckMarkdown(const Evaluation& ev, const Profile& profile, Lang lang, std::ostream& out)
      : ev_(ev), profile_(profile), lang_(lang), l_{lang}, out_(out) {
    for (const ProgramEvaluation& pe : ev_.programs)
      if (pe.status != Status::ineligible) open_.push_back(&pe);
  }

  void render() {
    header();
    programs();
    notes();
    questions();
    ineligible();
    citations();
  }

 private:
  std::string money(Won w) const { return format_money(w, lang_); }

  void header() {
    const Catalogue& c = *ev_.catalogue;
    out_ << "# " << markdown_escape(profile_.name()) << " — "
         << l_.t("스마트 제조혁신 지원사업 검토", "smart manufacturing support programs") << "\n\n";
    out_ << "- **" << l_.t("사업연도", "Program year")
         << "**: " << (lang_ == Lang::ko ? fmt::format("{}년 사업", c.year) : fmt::format("{} programs", c.year));
    for (const Announcement& a : c.announcements) out_ << " · " << markdown_escape(a.title.empty() ? a.file : a.title);
    out_ << "\n- **" << l_.t("기준일", "Reference date")
         << "**: " << (ev_.as_of ? ev_.as_of->str() : l_.t("미정", "not given"));
    out_ << "\n- **" << l_.t("비용 기준", "Cost basis") << "**: " << l_.t("구축 총사업비 ", "build budget ")
         << (ev_.cost ? money(*ev_.cost) : l_.t("미입력", "not given"));
    for (const ProgramCost& pc : profile_.program_costs())
      out_ << " · " << markdown_escape(pc.key) << " " << money(pc.amount);
    size_t at_cap = 0;
    for (const ProgramEvaluation* pe : open_) {
      const TrackEvaluation* best = pe->best_track();
      at_cap += best != nullptr && best->split && best->split->basis == SplitBasis::cap ? 1U : 0U;
    }
    if (at_cap > 0)
      out_ << (lang_ == Lang::ko
                   ? fmt::format(" · 비용을 주지 않은 {}개 사업은 한도에 이르는 비용으로 계산", at_cap)
                   : fmt::format(" · {} program{} without a cost of {} own: at the cost that reaches the cap", at_cap,
                                 at_cap == 1 ? "" : "s", at_cap == 1 ? "its" : "their"));
    size_t eligible = 0;
    for (const ProgramEvaluation* pe : open_) eligible += pe->status == Status::eligible ? 1U : 0U;
    out_ << "\n\n**"
         << (lang_ == Lang::ko ? fmt::format("신청할 수 있는 사업 {}개 (지원 가능 {} · 확인 필요 {}) / 전체 {}개",
                                             open_.size(), eligible, open_.size() - eligible, ev_.programs.size())
                               : fmt::format("{} programs open to the company ({} eligible, {} possible) of {}",
                                             open_.size(), eligible, open_.size() - eligible, ev_.programs.size()))
         << "**\n";
  }

  void programs() {
    out_ << "\n## " << l_.t("신청할 수 있는 사업", "Programs open to the company") << "\n\n";
    if (open_.empty()) {
      out_ << l_.t("지원 가능하거나 확인이 필요한 사업이 없습니다.", "No program is eligible or possible.") << '\n';
      return;
    }
    // a column for the large company or lead organisation and one for the local government only when
    // a row has that party (상생형: 정부 1.2억 / 대기업 1.2억 / 기업 1.6억)
    bool any_large = false;
    bool any_local = false;
    for (const ProgramEvaluation* pe : open_) {
      const TrackEvaluation* best = pe->best_track();
      if (best == nullptr || !best->split) continue;
      any_large = any_large || best->split->large_company.has_value();
      any_local = any_local || best->split->local_government.has_value();
    }
    std::vector<std::string> headers = {l_.t("상태", "Status"), l_.t("사업", "Program"), l_.t("유형", "Track"),
                                        l_.t("정부지원", "Government"), l_.t("기업부담", "Company")};
    std::string rule = "|---|---|---|--:|--:|";
    if (any_large) {
      headers.push_back(l_.t("대기업·주관기관", "Large co./lead"));
      rule += "--:|";
    }
    if (any_local) {
      headers.push_back(l_.t("지자체", "Local government"));
      rule += "--:|";
    }
    for (const char* ko_en : {"총사업비|Total", "기간|Months", "접수|Window", "근거|Source"}) {
      const std::string both = ko_en;
      headers.push_back(lang_ == Lang::ko ? both.substr(0, both.find('|')) : both.substr(both.find('|') + 1));
    }
    rule += "--:|--:|---|---|";
    out_ << '|';
    for (const std::string& h : headers) out_ << ' ' << h << " |";
    out_ << '\n' << rule << '\n';
    for (const ProgramEvaluation* pe : open_) row(*pe, any_large, any_local);
  }

  void row(const ProgramEvaluation& pe, bool any_large, bool any_local) {
    const TrackEvaluation* best = pe.best_track();
    const Split* split = best != nullptr && best->split ? &*best->split : nullptr;
    auto optional_money = [&](std::optional<Won> w) { return w ? money(*w) : std::string(); };
    std::string government;
    if (split != nullptr)
      government = money(split->government);
    else if (best != nullptr && !best->split_problem.empty())
      government = l_.t("계산 불가", "no split");  // and the reason among the caveats: never a silent blank
    std::vector<std::string> cells = {
        status_label(pe.status, lang_),
        markdown_escape(pe.program->name.in(lang_)) + " (" + markdown_code(pe.program->id) + ")",
        best != nullptr ? markdown_escape(best->track->name.in(lang_)) : std::string(), government,
        split != nullptr ? money(split->company) : std::string()};
    if (any_large) cells.push_back(split != nullptr ? optional_money(split->large_company) : std::string());
    if (any_local) cells.push_back(split != nullptr ? optional_money(split->local_government) : std::string());
    cells.push_back(split != nullptr ? money(split->total) : std::string());
    cells.push_back(
        best != nullptr && best->track->months
            ? (lang_ == Lang::ko ? fmt::format("{}개월", *best->track->months) : std::to_string(*best->track->months))
            : std::string());
    cells.push_back(window_text(pe, best, lang_));
    const std::string& source =
        best != nullptr && !best->track->source.empty() ? best->track->source : pe.program->source;
    std::string cited = citations_.cite(source);
    cells.push_back(cited.empty() ? cited : cited.substr(1));
    out_ << '|';
    for (const std::string& c : cells) out_ << ' ' << c << " |";
    out_ << '\n';
  }

  /// The ※ lines: why a split could not be made or is at the cap, the limits on a party's part, and
  /// the caveats of the program and its best track, each with its citation.
  void notes() {
    std::vector<std::string> lines;
    for (const ProgramEvaluation* pe : open_) {
      const TrackEvaluation* best = pe->best_track();
      const std::string name = "**" + markdown_escape(pe->program->name.in(lang_)) + "**: ※ ";
      if (best != nullptr && !best->split && !best->split_problem.empty())
        lines.push_back(name + markdown_escape(split_problem_text(best->split_problem, *best->track, lang_)));
      else if (best != nullptr && !best->split && best->cap)
        lines.push_back(name + l_.t("총사업비를 알려 주면 정부·기업 분담액을 계산합니다",
                                    "give the build budget to see the government and company shares"));
      if (best != nullptr && best->split && best->split->basis == SplitBasis::cap)
        lines.push_back(name + markdown_escape(cap_basis_text(best->split->total, lang_)));
      if (best != nullptr && best->split)
        for (const PartyLimitLine& line : party_limit_lines(*best->split, *best->track, lang_))
          lines.push_back(name + markdown_escape(line.text) + citations_.cite(*line.source));
      for (const Note* n : caveats(*pe, best))
        lines.push_back(name + markdown_escape(n->text.in(lang_)) + citations_.cite(n->source));
    }
    if (lines.empty()) return;
    out_ << "\n## " << l_.t("유의사항", "Caveats") << "\n\n";
    for (const std::string& line : lines) out_ << "- " << line << '\n';
  }

  void questions() {
    const std::vector<Question> questions = questions_to_ask(ev_);
    if (questions.empty()) return;
    out_ << "\n## "
         << l_.t("아직 답할 질문 (확인 필요 사업을 정하는 것)",
                 "Questions still to answer (they decide the possible programs)")
         << "\n\n";
    for (const Question& q : questions) {
      out_ << "- " << markdown_escape(q.fact->question.in(lang_)) << " (" << markdown_code(q.fact->path) << ") — "
           << count_programs(q.programs.size(), lang_) << ": ";
      for (size_t i = 0; i < q.programs.size(); ++i)
        out_ << (i ? ", " : "") << markdown_escape(q.programs[i]->name.in(lang_));
      out_ << '\n';
    }
  }

  void ineligible() {
    bool any = false;
    for (const ProgramEvaluation& pe : ev_.programs) {
      if (pe.status != Status::ineligible) continue;
      if (!any) out_ << "\n## " << l_.t("지원 대상이 아닌 사업", "Programs the company is not eligible for") << "\n\n";
      any = true;
      out_ << "- **" << markdown_escape(pe.program->name.in(lang_)) << "** (" << markdown_code(pe.program->id) << ")";
      if (const Rule* r = first_failed(pe))
        out_ << ": " << markdown_escape(r->message.in(lang_)) << citations_.cite(r->source);
      out_ << '\n';
    }
  }

  void citations() {
    if (citations_.sources().empty()) return;
    out_ << "\n## " << l_.t("근거 (공고 조항)", "Sources (announcement clauses)") << "\n\n";
    for (size_t i = 0; i < citations_.sources().size(); ++i)
      out_ << i + 1 << ". " << markdown_escape(citations_.sources()[i]) << '\n';
  }

  const Evaluation& ev_;
  const Profile& profile_;
  Lang lang_;
  Labels l_;
  std::ostream& out_;
  std::vector<const ProgramEvaluation*> open_;
  Citations citations_;
};

}  // namespace

void render_check_markdown(const Evaluation& ev, const Profile& profile, Lang lang, std::ostream& out) {
  CheckMarkdown(ev, profile, lang, out).render();
}

}  // namespace sfgrant
