#pragma once
/// The words of `sfgrant interview`: the banner, each question with its choices and the hint for
/// the answer, and the lines around saving the profile.
#include <ostream>
#include <string>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

void print_interview_banner(const Catalogue& catalogue, Lang lang, std::ostream& out);

/// `[3] 기업 규모는?  [size] · 12개 사업에 필요`, then the choices of an enumerated fact.
void print_question(const FactDef& f, int number, size_t deciding, Lang lang, std::ostream& out);

/// What the answer prompt shows: `(예/아니오) > `, `(예: 4억원, …) > `, or `> `.
std::string answer_prompt(const FactDef& f, Lang lang);

enum class InterviewLine {
  needed,        ///< an empty answer to a question that must be answered
  save_as,       ///< the prompt for a file name to save the profile to
  cannot_write,  ///< after the file name: it cannot be written
  saved,         ///< before the file name: it was saved
};
std::string interview_line(InterviewLine line, Lang lang);

/// `company.yaml 파일이 있습니다. 덮어쓸까요? (예/아니오) > `
std::string overwrite_prompt(const std::string& path, Lang lang);

}  // namespace sfgrant
