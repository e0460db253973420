#pragma once
/// The words of `sfgrant interview`: the banner, each question with its choices and the hint for
/// the answer, and the lines around saving the profile.
#include <ostream>
#include <string>

#include <vector>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/places.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

void print_interview_banner(const Catalogue& catalogue, Lang lang, std::ostream& out);

/// `[3] 기업 규모는?  [size] · 12개 사업에 필요`, then the choices of an enumerated fact.
void print_question(const FactDef& f, int number, size_t deciding, Lang lang, std::ostream& out);

/// What the answer prompt shows: `(예/아니오) > `, `(예: 4억원, …) > `, or `> `.
std::string answer_prompt(const FactDef& f, Lang lang);

/// `?`: what the question decides (the programs waiting for it), how to answer, with examples.
void print_question_help(const FactDef& f, const std::vector<const Program*>& programs, Lang lang, std::ostream& out);

/// Why an answer was refused: in Korean, what the question takes, with the text typed; in
/// English the profile parser's `detail` ("invalid value "huge" for size: expected …").
std::string answer_problem(const FactDef& f, const std::string& typed, const std::string& detail, Lang lang);

/// `고성: 1) 강원 고성군  2) 경남 고성군`, then the prompt asks for one.
void print_place_choices(const std::string& typed, const std::vector<Place>& places, Lang lang, std::ostream& out);

/// `  → 경남 창원시` after a region answered by its city.
std::string place_echo(const Place& place, Lang lang);

/// `  → KSIC 29294: 제조업 · 뿌리업종 · 주력업종` after a KSIC code: what the industry tables made
/// of it, read from the profile's derived facts (those still unknown are left out).
std::string ksic_echo(const Profile& profile, Lang lang);

enum class InterviewLine {
  needed,           ///< an empty answer to a question that must be answered
  save_as,          ///< the prompt for a file name to save the profile to
  cannot_write,     ///< after the file name: it cannot be written
  saved,            ///< before the file name: it was saved
  draft_saved,      ///< before the file name: the answers so far were saved
  first_question,   ///< `<` on the first question
  choose_place,     ///< the prompt after print_place_choices
  stop_prompt,      ///< after Ctrl-C / Ctrl-D: save the answers so far, quit, or go on
  stop_choice,      ///< the stop prompt's answer was none of its choices
  nothing_to_save,  ///< stopped before the company name was given
  not_saved,        ///< quit without saving
  needs_terminal,   ///< the error when standard input is not a terminal
};
std::string interview_line(InterviewLine line, Lang lang);

/// `건너뛴 질문 3개가 아직 5개 사업을 정합니다. 다시 물어볼까요? (예/아니오) > `
std::string revisit_prompt(size_t questions, size_t programs, Lang lang);
std::string interview_line(InterviewLine line, Lang lang);

/// `company.yaml 파일이 있습니다. 덮어쓸까요? (예/아니오) > `
std::string overwrite_prompt(const std::string& path, Lang lang);

}  // namespace sfgrant
