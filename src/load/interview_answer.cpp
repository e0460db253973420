#include "sfgrant/load/interview_answer.h"

#include <cctype>
#include <initializer_list>
#include <string_view>

namespace sfgrant {
namespace {

bool is_one_of(const std::string& text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (text.size() != w.size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(text[i])) == static_cast<unsigned char>(w[i]);
    if (same) return true;
  }
  return false;
}

/// Yes and no as typed in a hurry; the words a profile file also holds (예, 아니오, Y, N, O, X,
/// true, …) are passed through to parse_yes_no unchanged.
std::string yes_no_word(const std::string& text) {
  if (is_one_of(text, {"ㅇ", "ㅇㅇ", "네", "넵", "응", "○", "◯"})) return "yes";
  if (is_one_of(text, {"ㄴ", "ㄴㄴ", "아니", "아뇨", "×", "✕"})) return "no";
  return text;
}

/// An enum typed as its number in the list, or by a word of its meaning that only one choice
/// has (뿌리기업 → root_company, whose meaning is 뿌리기업 확인서); else the text as typed.
std::string choice_word(const FactDef& f, const std::string& text) {
  const auto& choices = f.vocabulary->choices;
  if (!text.empty() && text.size() <= 3 && text.find_first_not_of("0123456789") == std::string::npos) {
    const size_t n = std::stoul(text);
    if (n >= 1 && n <= choices.size()) return choices[n - 1].id;
    return text;
  }
  if (text.empty() || f.vocabulary->find(text)) return text;
  const Choice* only = nullptr;
  for (const Choice& c : choices) {
    if (c.meaning.ko.find(text) == std::string::npos) continue;
    if (only != nullptr) return text;  // more than one: not this way
    only = &c;
  }
  return only != nullptr ? only->id : text;
}

/// The region id `text` names (대전, 대전광역시, Daejeon), as the profile parser reads it.
std::optional<std::string> region_named(const std::string& text) {
  static const FactDef& region = fact("region");
  Profile scratch;
  try {
    assign_fact(scratch, region, text, Location{});
  } catch (const Error&) {
    return std::nullopt;
  }
  return region.vocabulary->choices[static_cast<size_t>(scratch.get(region).number)].id;
}

Answer region_answer(const FactDef& f, const std::string& typed) {
  const std::string text = choice_word(f, typed);
  if (region_named(text)) return {Answer::Kind::value, {text}, {}};
  std::vector<Place> found;
  const size_t space = text.find(' ');
  if (space != std::string::npos) {  // 경남 고성, 경상남도 고성군
    if (auto region = region_named(text.substr(0, space))) {
      const auto rest = text.find_first_not_of(' ', space);
      found = places_named(std::string_view(text).substr(rest), *region);
    }
  } else {
    found = places_named(text);
  }
  if (found.empty()) return {Answer::Kind::value, {text}, {}};
  if (found.size() > 1) return {Answer::Kind::choose, {}, found};
  return {Answer::Kind::value, {std::string(found.front().region)}, found};
}

std::vector<std::string> list_items(const FactDef& f, const std::string& text) {
  std::vector<std::string> items;
  if (is_one_of(text, {"없음", "none", "-", "[]"})) return items;
  std::string item;
  for (char c : text + ",") {
    if (c == ',' || (c == ' ' && f.type == FactType::list)) {
      if (!item.empty()) items.push_back(f.type == FactType::list ? choice_word(f, item) : item);
      item.clear();
    } else {
      item += c;
    }
  }
  return items;
}

}  // namespace

Answer read_answer(const FactDef& f, const std::string& typed) {
  if (typed.empty() || is_one_of(typed, {"모름", "몰라", "모르겠음", "skip"})) return {Answer::Kind::skip, {}, {}};
  if (typed == "<") return {Answer::Kind::back, {}, {}};
  if (is_one_of(typed, {"?", "？", "도움말", "help"})) return {Answer::Kind::help, {}, {}};
  static const FactDef& region = fact("region");
  static const FactDef& city = fact("city");
  if (&f == &region) return region_answer(f, typed);
  if (&f == &city) {  // 유성 → 유성구, as the center tables write it; a name several places have stays as typed
    const std::vector<Place> found = places_named(typed);
    if (found.size() == 1) return {Answer::Kind::value, {std::string(found.front().name)}, {}};
  }
  switch (f.type) {
    case FactType::boolean:
      return {Answer::Kind::value, {yes_no_word(typed)}, {}};
    case FactType::choice:
      return {Answer::Kind::value, {choice_word(f, typed)}, {}};
    case FactType::list:
    case FactType::money_list:
      return {Answer::Kind::value, list_items(f, typed), {}};
    case FactType::number:
    case FactType::money:
    case FactType::text:
      break;
  }
  return {Answer::Kind::value, {typed}, {}};
}

std::optional<bool> read_yes_no(const std::string& typed) { return parse_yes_no(yes_no_word(typed)); }

void store_answer(Profile& profile, const FactDef& f, const Answer& answer) {
  if (f.type == FactType::list || f.type == FactType::money_list) {
    assign_list(profile, f, answer.words, {Location{}});
    return;
  }
  assign_fact(profile, f, answer.words.empty() ? std::string() : answer.words.front(), Location{});
  static const FactDef& region = fact("region");
  static const FactDef& city = fact("city");
  if (&f == &region && answer.places.size() == 1) {
    Value v;
    v.text = std::string(answer.places.front().name);
    profile.set(city, std::move(v));
  }
}

}  // namespace sfgrant
