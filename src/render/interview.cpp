#include "sfgrant/render/interview.h"

#include <fmt/format.h>

#include "sfgrant/render/words.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {
namespace {

/// A choice as the interview offers it: both words, either of which can be typed.
std::string offered_choice(const Choice& c, Lang lang) {
  if (c.label.empty()) return c.id;
  return lang == Lang::ko ? fmt::format("{} ({})", c.label, c.id) : fmt::format("{} ({})", c.id, c.label);
}

void print_choices(const FactDef& f, Lang lang, std::ostream& out) {
  const auto& choices = f.vocabulary->choices;
  const bool long_list = f.type == FactType::list && choices.size() > 6;
  std::string line = "   ";
  for (size_t i = 0; i < choices.size(); ++i) {
    const Choice& c = choices[i];
    if (long_list) {  // selections: one a line, with what each means
      out << fmt::format("   {:>2}) {}", i + 1, c.id);
      if (!c.meaning.empty()) out << " — " << c.meaning.in(lang);
      out << '\n';
      continue;
    }
    const std::string item = fmt::format(" {}) {}", i + 1, offered_choice(c, lang));
    if (display_width(line + item) > 76) {
      out << line << '\n';
      line = "   ";
    }
    line += item;
  }
  if (!long_list) out << line << '\n';
}

std::string hint(const FactDef& f, Lang lang) {
  const Labels l{lang};
  switch (f.type) {
    case FactType::boolean:
      return l.t("예/아니오", "yes/no");
    case FactType::money:
      return l.t("예: 4억원, 2억 5천만원, 95,000,000", "e.g. 4억원, 2억 5천만원, 400,000,000");
    case FactType::number:
      return l.t("숫자", "a number");
    case FactType::choice:
      return l.t("번호 또는 이름", "number or name");
    case FactType::list:
      return l.t("번호나 이름을 쉼표로, 없으면 '없음'", "numbers or names separated by commas, or 'none'");
    case FactType::money_list:
      return l.t("금액을 쉼표로", "amounts separated by commas");
    case FactType::text:
      if (f.path == "ksic") return l.t("예: 29294, C29294", "e.g. 29294, C29294");
      if (f.path == "business_number") return l.t("예: 305-86-12346", "e.g. 305-86-12346");
      return {};
  }
  return {};
}

}  // namespace

void print_interview_banner(const Catalogue& catalogue, Lang lang, std::ostream& out) {
  out << (lang == Lang::ko ? fmt::format("sfgrant interview · {}년 사업 {}개에 대해 회사 정보를 하나씩 묻습니다.\n"
                                         "모르면 Enter(또는 '모름'), 설명은 '?', 이전 질문은 '<' 또는 ↑, "
                                         "그만두려면 Ctrl-C 또는 Ctrl-D(저장할지 묻습니다).\n",
                                         catalogue.year, catalogue.programs.size())
                           : fmt::format("sfgrant interview · questions about the company, one at a time, for the {} "
                                         "programs of {}.\nEnter (or 'skip') when you don't know, '?' explains, '<' "
                                         "or Up goes back, Ctrl-C or Ctrl-D stops (asks whether to save).\n",
                                         catalogue.programs.size(), catalogue.year));
}

void print_question(const FactDef& f, int number, size_t deciding, Lang lang, std::ostream& out) {
  out << '\n' << fmt::format("[{}] {}  [{}]", number, f.question.in(lang), f.path);
  if (deciding > 0)
    out << (lang == Lang::ko ? fmt::format(" · {}개 사업에 필요", deciding)
                             : fmt::format(" · decides {} program{}", deciding, deciding == 1 ? "" : "s"));
  out << '\n';
  if (f.vocabulary != nullptr) print_choices(f, lang, out);
}

std::string answer_prompt(const FactDef& f, Lang lang) {
  const std::string h = hint(f, lang);
  return h.empty() ? "> " : fmt::format("({}) > ", h);
}

std::string interview_line(InterviewLine line, Lang lang) {
  const Labels l{lang};
  switch (line) {
    case InterviewLine::needed:
      return l.t("꼭 필요합니다.", "This one is needed.");
    case InterviewLine::save_as:
      return l.t("프로필을 YAML로 저장할 파일 이름 (Enter: 저장 안 함) > ",
                 "File to save the profile YAML to (Enter: don't save) > ");
    case InterviewLine::cannot_write:
      return l.t("쓸 수 없습니다", "cannot write");
    case InterviewLine::saved:
      return l.t("저장했습니다: ", "Saved: ");
    case InterviewLine::draft_saved:
      return l.t("지금까지의 답을 저장했습니다 (답하지 않은 항목은 빠짐): ",
                 "Saved the answers so far (unanswered facts left out): ");
    case InterviewLine::first_question:
      return l.t("첫 질문입니다.", "This is the first question.");
    case InterviewLine::choose_place:
      return l.t("번호 > ", "Number > ");
    case InterviewLine::stop_prompt:
      return l.t("그만둘까요? 1) 지금까지의 답 저장 후 끝내기  2) 저장하지 않고 끝내기  3) 계속 답하기 > ",
                 "Stop? 1) save the answers so far and quit  2) quit without saving  3) go on > ");
    case InterviewLine::stop_choice:
      return l.t("1, 2, 3 중 하나를 고르세요.", "Choose 1, 2 or 3.");
    case InterviewLine::nothing_to_save:
      return l.t("회사명도 아직 없어 저장할 것이 없습니다.", "Nothing to save: not even the company name was given.");
    case InterviewLine::not_saved:
      return l.t("저장하지 않고 끝냈습니다.", "Stopped without saving.");
    case InterviewLine::needs_terminal:
      return l.t(
          "interview는 터미널에서만 묻습니다: 표준 입력이 터미널이 아닙니다. 파일이나 파이프의 프로필은 "
          "`sfgrant check PROFILE`로 평가하세요",
          "interview needs a terminal: standard input is not one; to evaluate a profile from a file or a "
          "pipe, use `sfgrant check PROFILE`");
  }
  return {};
}

std::string revisit_prompt(size_t questions, size_t programs, Lang lang) {
  return lang == Lang::ko ? fmt::format("건너뛴 질문 {}개가 아직 {}개 사업을 정합니다. 다시 물어볼까요? (예/아니오) > ",
                                        questions, programs)
                          : fmt::format("{} skipped question{} still decide{} {}. Ask {} again? (yes/no) > ", questions,
                                        questions == 1 ? "" : "s", questions == 1 ? "s" : "",
                                        count_programs(programs, lang), questions == 1 ? "it" : "them");
}

void print_question_help(const FactDef& f, const std::vector<const Program*>& programs, Lang lang, std::ostream& out) {
  const Labels l{lang};
  if (programs.empty()) {
    out << "  "
        << l.t("이 답으로 바로 정해지는 사업은 없지만, 프로필에 남습니다.",
               "No program waits for this answer now, but it is kept in the profile.")
        << '\n';
  } else {
    constexpr size_t kNamed = 6;  // the rest are counted: a list of 23 programs is not read on the phone
    std::string names;
    for (size_t i = 0; i < programs.size() && i < kNamed; ++i)
      names += (i == 0 ? "" : ", ") + programs[i]->name.in(lang);
    if (programs.size() > kNamed)
      names += lang == Lang::ko ? fmt::format(" 외 {}개", programs.size() - kNamed)
                                : fmt::format(" and {} more", programs.size() - kNamed);
    out << "  "
        << (lang == Lang::ko ? fmt::format("이 답으로 정해지는 사업 {}개: {}", programs.size(), names)
                             : fmt::format("Decides {}: {}", count_programs(programs.size(), lang), names))
        << '\n';
  }
  static const FactDef& region = fact("region");
  std::string how;
  switch (f.type) {
    case FactType::boolean:
      how = l.t("예: 예, 네, ㅇ, Y, O, ○ / 아니오, 아니요, ㄴ, N, X, ×", "e.g. yes, y, 예, O, ○ / no, n, 아니오, X, ×");
      break;
    case FactType::choice:
      how = &f == &region ? l.t("번호, 시·도(대전, 대전광역시) 또는 시·군·구(창원, 유성구)",
                                "its number, the province (대전, Daejeon) or the city (창원, 유성구)")
                          : l.t("번호, 한글 이름 또는 영어 이름", "its number, its English word or its Korean label");
      break;
    case FactType::list:
      how = l.t("번호나 이름을 쉼표로 (예: 1, 뿌리기업), 없으면 '없음'",
                "numbers or names separated by commas (e.g. 1, root_company), or 'none'");
      break;
    default:
      how = hint(f, lang);
      break;
  }
  if (!how.empty()) out << "  " << l.t("답하는 법: ", "How to answer: ") << how << '\n';
  if (f.vocabulary != nullptr && f.vocabulary->choices.size() <= 20) {
    for (const Choice& c : f.vocabulary->choices)
      if (!c.meaning.in(lang).empty() && c.meaning.in(lang) != c.label && c.meaning.in(lang) != c.id)
        out << "    " << offered_choice(c, lang) << " — " << c.meaning.in(lang) << '\n';
  }
  out << "  "
      << l.t("모르면 Enter 또는 '모름' (확인 필요로 남음), 이전 질문은 '<' 또는 ↑.",
             "Enter or 'skip' leaves it unknown (to be checked); '<' or Up goes back.")
      << '\n';
}

std::string answer_problem(const FactDef& f, const std::string& typed, const std::string& detail, Lang lang) {
  if (lang == Lang::en) return detail;
  static const FactDef& region = fact("region");
  static const FactDef& business_number = fact("business_number");
  static const FactDef& ksic = fact("ksic");
  std::string expected;
  switch (f.type) {
    case FactType::boolean:
      expected = "예 또는 아니오로 답해 주세요 (ㅇ/ㄴ, Y/N, O/X도 됩니다)";
      break;
    case FactType::number:
      expected = "숫자로 답해 주세요";
      break;
    case FactType::money:
    case FactType::money_list:
      expected = "금액으로 답해 주세요 (예: 4억원, 2억 5천만원, 95,000,000)";
      break;
    case FactType::choice:
      expected = &f == &region ? "목록의 번호, 시·도 또는 시·군·구 이름으로 답해 주세요"
                               : "목록의 번호나 이름으로 답해 주세요";
      break;
    case FactType::list:
      expected = "목록의 번호나 이름을 쉼표로 나눠 답해 주세요 (없으면 '없음')";
      break;
    case FactType::text:
      if (&f == &ksic)
        expected = "KSIC 코드(2~5자리 또는 8자리 품목코드, 예: 29294, C29294)로 답해 주세요";
      else if (&f == &business_number)
        expected = "사업자등록번호 10자리로 답해 주세요 (예: 305-86-12346)";
      else
        expected = "값을 입력해 주세요";
      break;
  }
  return fmt::format("\"{}\"은(는) 받을 수 없습니다: {}", typed, expected);
}

void print_place_choices(const std::string& typed, const std::vector<Place>& places, Lang lang, std::ostream& out) {
  out << "  "
      << (lang == Lang::ko ? fmt::format("'{}'인 곳이 여럿입니다:", typed)
                           : fmt::format("There is more than one '{}':", typed));
  for (size_t i = 0; i < places.size(); ++i) out << fmt::format("  {}) {} {}", i + 1, places[i].region, places[i].name);
  out << '\n';
}

std::string place_echo(const Place& place, Lang lang) {
  (void)lang;  // the names are Korean in both languages, as the profile stores them
  return fmt::format("  → {} {}", place.region, place.name);
}

std::string overwrite_prompt(const std::string& path, Lang lang) {
  const Labels l{lang};
  return fmt::format("{} {} ({}) > ", path, l.t("파일이 있습니다. 덮어쓸까요?", "exists. Overwrite?"),
                     l.t("예/아니오", "yes/no"));
}

std::string ksic_echo(const Profile& profile, Lang lang) {
  const Labels l{lang};
  static const FactDef& ksic = fact("ksic");
  static const FactDef& manufacturing = fact("manufacturing");
  static const FactDef& root_industry = fact("root_industry");
  static const FactDef& industry_group = fact("industry_group");
  std::vector<std::string> parts;
  if (profile.has(manufacturing))
    parts.push_back(profile.get(manufacturing).flag ? l.t("제조업", "manufacturing")
                                                    : l.t("제조업 아님", "not manufacturing"));
  if (profile.has(root_industry) && profile.get(root_industry).flag) parts.push_back(l.t("뿌리업종", "root industry"));
  if (profile.has(industry_group)) {
    const Choice& c = industry_group.vocabulary->choices[static_cast<size_t>(profile.get(industry_group).number)];
    if (c.id != "none") parts.push_back(c.meaning.in(lang));
  }
  std::string text = "  → KSIC " + (profile.has(ksic) ? profile.get(ksic).text : std::string());
  for (size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? ": " : " · ") + parts[i];
  return text;
}

}  // namespace sfgrant
