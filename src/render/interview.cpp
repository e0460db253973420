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
                                         "모르면 Enter로 건너뛰고, 그만두려면 Ctrl-D를 누르세요.\n",
                                         catalogue.year, catalogue.programs.size())
                           : fmt::format("sfgrant interview · questions about the company, one at a time, for the {} "
                                         "programs of {}.\nPress Enter to skip what you don't know, Ctrl-D to stop.\n",
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
  }
  return {};
}

std::string overwrite_prompt(const std::string& path, Lang lang) {
  const Labels l{lang};
  return fmt::format("{} {} ({}) > ", path, l.t("파일이 있습니다. 덮어쓸까요?", "exists. Overwrite?"),
                     l.t("예/아니오", "yes/no"));
}

}  // namespace sfgrant
