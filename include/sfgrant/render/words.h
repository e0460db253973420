#pragma once
/// The words of sfgrant's output, in Korean and English: statuses, windows, amounts, fact labels
/// and values, the changes of a what-if, and why a cost cannot be split. Every renderer takes its
/// words from here; the engine gives codes and values only.
#include <string>
#include <vector>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/engine/what_it_takes.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/text/table.h"

namespace sfgrant {

/// Picks the Korean or the English of a pair of literals.
struct Labels {
  Lang lang;
  std::string t(const char* ko, const char* en) const { return lang == Lang::ko ? ko : en; }
};

/// A money amount for people: `2억 5,000만원` (ko) or `KRW 250,000,000` (en).
std::string format_money(Won amount, Lang lang);
/// The same with a sign when it is a gain: `+5,000만원`.
std::string signed_money(Won amount, Lang lang);

/// "3개 사업" / "3 programs" (and "1 program").
std::string count_programs(size_t n, Lang lang);

std::string status_label(Status s, Lang lang);
Color status_color(Status s);
std::string window_label(WindowState w, Lang lang);
/// ✔ / ✘ / ? for a rule's result.
std::string tri_mark(Tri t, bool color);
/// A level's Korean label or English id.
std::string level_name(int index, Lang lang);

/// One choice as people read it: the Korean label in Korean; in English the id, or what it means
/// when the id itself is Korean (the regions: 대전 → Daejeon).
std::string choice_word(const Choice& c, Lang lang);

/// The profile's value of a fact as people write it (`중간1`, `4억원`, `[legend50]`), or "?" when unknown.
std::string describe_value(const FactDef& f, const Profile& profile, Lang lang);

/// A short name of a fact for explanations (`목표 수준` / `target level`); the path when it has none.
std::string fact_label(const FactDef& f, Lang lang);

/// One change of what-it-takes as people read it: `목표 수준 기초 → 중간1`, `선정·확인서 + legend50`.
std::string describe_move(const Move& move, const Profile& profile, Lang lang);

/// Whom to ask about a program: its operator (else its lead agency) and phone, "" when none is known.
std::string contact_text(const Agency& agency);

/// Why a track's cost cannot be split (`te.split_problem`), for `track`.
std::string split_problem_text(const SplitProblem& problem, const Track& track, Lang lang);
/// Why a split is at the cost that reaches the cap (SplitBasis::cap), with that cost when given:
/// the track's cost is its own (a fee, a service), not the build budget, and it was not given.
std::string cap_basis_text(std::optional<Won> at_cost, Lang lang);
/// The same in a few words, for a row of a company list: 한도 기준(비용 미입력).
std::string cap_basis_mark(Lang lang);
/// A row's amount where a group cap (컨소시엄당 한도) could not be applied because what the group's other
/// members take was not given: 컨소시엄 한도 미반영(다른 참여기업 정부지원금 미입력).
std::string group_cap_mark(const GroupCap& cap, Lang lang);
/// Why a `plan.costs` entry (or `--cost PROGRAM=AMOUNT`) names nothing of the `year`'s programs, with
/// "did you mean".
std::string cost_key_problem_text(const CostKeyProblem& problem, int year, Lang lang);
/// The limits on one party's contribution a split carries (주관기관 현물출자 한도, 공급기업 최소 부담, 자체 인력
/// 인건비 한도, 지자체 매칭 최대), each as one line with the amount and what it is a share of (the clause is
/// the track's PartyLimit::source, shown where citations are: `split`, `programs show`, JSON). A group's
/// cap (컨소시엄당 한도, 공급기업 과제 국비 한도) comes last: what the group has left for the company, or the
/// fact to give to know it.
struct PartyLimitLine {
  std::string text;
  const std::string* source;  ///< the clause
};
std::vector<PartyLimitLine> party_limit_lines(const Split& split, const Track& track, Lang lang);
/// A group cap as the data states it: `컨소시엄 전체 한도: 10억원, 컨소시엄 총사업비의 50% 이내`.
std::string group_cap_words(const GroupCap& cap, Lang lang);
/// A `plan.costs` entry for a program of another year than `year`: not used.
std::string cost_key_unused_text(const std::string& key, int year, Lang lang);

}  // namespace sfgrant
