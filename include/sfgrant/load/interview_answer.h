#pragma once
/// What an answer typed in `sfgrant interview` means for the question asked. The value itself is
/// read by the same parser as a YAML profile (assign_fact / assign_list); this adds only what a
/// person types on the phone and a file does not hold: `<` (back), `?` (help), 모름/skip,
/// ㅇ/ㄴ/네/응 for yes and no, an enum's number in the list, a selection by the words of its
/// meaning (뿌리기업 → root_company), a region by its 시·군·구 (창원 → 경남 창원시) and a city by
/// its short name (유성 → 유성구).
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/facts.h"
#include "sfgrant/model/places.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

struct Answer {
  enum class Kind {
    skip,    ///< Enter, 모름, skip: the fact stays unknown
    back,    ///< `<`: the previous question
    help,    ///< `?`: explain the question and ask it again
    value,   ///< `words` are the value, for assign_fact (one word) or assign_list (the items)
    choose,  ///< a place name that several places have: `places` are the candidates to choose from
  };
  Kind kind = Kind::skip;
  std::vector<std::string> words;
  /// For a region: the place the answer named (`창원` → 경남 창원시); the city to store when the
  /// profile has none. With Kind::choose, every candidate.
  std::vector<Place> places;
};

/// Reads `typed` (already trimmed) as an answer to `f`. Never throws: a value that is not
/// valid is still Kind::value, and store_answer() says what is wrong with it.
Answer read_answer(const FactDef& f, const std::string& typed);

/// Yes or no typed to a yes/no prompt of the interview (overwrite? ask again?), with the same
/// words as a yes/no question; nothing when it is neither.
std::optional<bool> read_yes_no(const std::string& typed);

/// Stores a Kind::value answer in `profile` (a region named by its place also sets `city` when
/// the profile has none). Throws Error, with the offending text and what was expected, when the
/// value is not one the profile accepts; the profile is then unchanged.
void store_answer(Profile& profile, const FactDef& f, const Answer& answer);

}  // namespace sfgrant
