#include "sfgrant/model/profile.h"
#include "sfgrant/model/suggest.h"

#include <fmt/format.h>

#include <cctype>

namespace sfgrant {

Profile::Profile() : values_(all_facts().size()), known_(all_facts().size(), 0), where_(all_facts().size()) {}

namespace {

#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Value) == 96, "empty_keeping_room empties every field of Value: empty the new one too");
#endif

/// `Value{}` without giving back the room of its string and vectors (a profile reused row after row).
void empty_keeping_room(Value& v) {
  v.flag = false;
  v.number = 0;
  v.text.clear();
  v.items.clear();
  v.amounts.clear();
}

}  // namespace

void Profile::reset() {
  for (size_t i = 0; i < values_.size(); ++i) {
    empty_keeping_room(values_[i]);
    known_[i] = 0;
    where_[i].file.clear();
    where_[i].line = 0;
    where_[i].column = 0;
  }
  costs_.clear();
}

void Profile::set(const FactDef& f, Value v) {
  values_[static_cast<size_t>(f.index)] = std::move(v);
  known_[static_cast<size_t>(f.index)] = 1;
}

Value& Profile::overwrite(const FactDef& f, const Location& where) {
  const auto i = static_cast<size_t>(f.index);
  Value& v = values_[i];
  empty_keeping_room(v);
  known_[i] = 1;
  where_[i].file = where.file;
  where_[i].line = where.line;
  where_[i].column = where.column;
  return v;
}

void Profile::clear(const FactDef& f) {
  values_[static_cast<size_t>(f.index)] = Value{};
  known_[static_cast<size_t>(f.index)] = 0;
}

std::string Profile::name() const {
  static const FactDef& f = fact("name");
  return has(f) ? get(f).text : std::string();
}

std::optional<Won> Profile::total_cost() const {
  static const FactDef& total = fact("plan.total_cost");
  if (has(total)) return get(total).number;
  static const FactDef& yearly = fact("plan.yearly_costs");
  if (!has(yearly) || get(yearly).amounts.empty()) return std::nullopt;
  Won sum = 0;
  for (Won w : get(yearly).amounts) sum = checked_add(sum, w);
  return sum;
}

std::vector<Won> Profile::yearly_costs() const {
  static const FactDef& yearly = fact("plan.yearly_costs");
  return has(yearly) ? get(yearly).amounts : std::vector<Won>{};
}

const ProgramCost* Profile::program_cost(std::string_view key) const {
  for (const ProgramCost& c : costs_)
    if (c.key == key) return &c;
  return nullptr;
}

void Profile::set_program_cost(ProgramCost cost) {
  for (ProgramCost& c : costs_)
    if (c.key == cost.key) {
      c = std::move(cost);
      return;
    }
  costs_.push_back(std::move(cost));
}

namespace {

/// `text` equals `word` when lowercased (as std::tolower does it: ASCII letters only).
bool equals_lowered(const std::string& text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(word[i])) return false;
  return true;
}

}  // namespace

const std::vector<std::string_view>& yes_words() {
  // ○ and ◯ are the circles Korean forms mark with; 유/무 and 해당/비해당 the columns of official lists
  static const std::vector<std::string_view> kWords = {"true", "yes",  "y",  "1",    "o", "예",
                                                       "네",   "있음", "유", "해당", "○", "◯"};
  return kWords;
}

const std::vector<std::string_view>& no_words() {
  static const std::vector<std::string_view> kWords = {"false",  "no",   "n",  "0",      "x", "아니오",
                                                       "아니요", "없음", "무", "비해당", "×"};
  return kWords;
}

std::optional<bool> parse_yes_no(const std::string& raw) {
  // compared without building a lowered copy: batch parses millions of these
  for (std::string_view w : yes_words())
    if (equals_lowered(raw, w)) return true;
  for (std::string_view w : no_words())
    if (equals_lowered(raw, w)) return false;
  return std::nullopt;
}

std::optional<std::string> business_number_problem(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-') {
      return "only digits and hyphens are allowed";
    }
  }
  if (digits.size() != 10) return "a business number has 10 digits (e.g. 305-86-12346)";
  static const int kWeights[9] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[static_cast<size_t>(i)] - '0') * kWeights[i];
  sum += ((digits[8] - '0') * 5) / 10;
  int check = (10 - sum % 10) % 10;
  if (check != digits[9] - '0') return fmt::format("check digit is {}, expected {}", digits[9], check);
  return std::nullopt;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<std::string> normalize_ksic(const std::string& text) {
  std::string code = text;
  if (!code.empty() && std::isalpha(static_cast<unsigned char>(code[0])) &&
      std::toupper(static_cast<unsigned char>(code[0])) >= 'A' &&
      std::toupper(static_cast<unsigned char>(code[0])) <= 'U')
    code.erase(0, 1);
  if (code.size() < 2 || (code.size() > 5 && code.size() != 8)) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  return code;
}

namespace {

[[noreturn]] void bad_value(const FactDef& f, const std::string& text, const Location& where,
                            const std::string& expected) {
  throw Error(where, fmt::format("invalid value \"{}\" for {}: expected {}", text, f.path, expected));
}

std::int64_t parse_count(const FactDef& f, const std::string& text, const Location& where) {
  auto n = sfgrant::parse_count(text);
  if (!n) bad_value(f, text, where, "a whole number");
  return *n;
}

/// 대전광역시 → 대전, 충청북도 → 충북, 전북특별자치도 → 전북: the full names people also write.
std::string short_region(const std::string& text) {
  static const std::pair<const char*, const char*> kFull[] = {
      {"서울특별시", "서울"}, {"부산광역시", "부산"}, {"대구광역시", "대구"},     {"인천광역시", "인천"},
      {"광주광역시", "광주"}, {"대전광역시", "대전"}, {"울산광역시", "울산"},     {"세종특별자치시", "세종"},
      {"경기도", "경기"},     {"강원도", "강원"},     {"강원특별자치도", "강원"}, {"충청북도", "충북"},
      {"충청남도", "충남"},   {"전라북도", "전북"},   {"전북특별자치도", "전북"}, {"전라남도", "전남"},
      {"경상북도", "경북"},   {"경상남도", "경남"},   {"제주특별자치도", "제주"}, {"제주도", "제주"}};
  for (const auto& [full, short_name] : kFull)
    if (text == full) return short_name;
  for (const Choice& c : region_vocabulary().choices)
    if (c.meaning.en == text) return c.id;  // Daejeon
  return text;
}

std::int64_t parse_choice(const FactDef& f, const std::string& text, const Location& where) {
  static const FactDef& region = fact("region");
  auto idx = f.vocabulary->find(text);
  // a region's short name is the usual case; full names (대전광역시) are mapped only when it is not one
  if (!idx && &f == &region) idx = f.vocabulary->find(short_region(text));
  if (!idx) {
    std::vector<std::string> ids;
    for (const Choice& c : f.vocabulary->choices) ids.push_back(c.id);
    std::string expected = "one of " + f.vocabulary->describe();
    if (auto near = closest(text, ids)) expected += fmt::format(" (did you mean \"{}\"?)", *near);
    bad_value(f, text, where, expected);
  }
  return *idx;
}

}  // namespace

void assign_fact(Profile& profile, const FactDef& f, const std::string& text, const Location& where) {
  if (f.derived) throw Error(where, fmt::format("{} is derived by sfgrant and cannot be given in a profile", f.path));
  static const FactDef& name_fact = fact("name");
  static const FactDef& business_number_fact = fact("business_number");
  static const FactDef& ksic_fact = fact("ksic");
  Value v;
  switch (f.type) {
    case FactType::boolean: {
      auto b = parse_yes_no(text);
      if (!b) bad_value(f, text, where, "true or false (예/아니오)");
      v.flag = *b;
      break;
    }
    case FactType::number:
      v.number = parse_count(f, text, where);
      break;
    case FactType::money:
      try {
        v.number = parse_amount(text);
      } catch (const Error& e) {
        throw Error(where, fmt::format("{}: {}", f.path, e.message()));
      }
      break;
    case FactType::choice:
      v.number = parse_choice(f, text, where);
      break;
    case FactType::text:
      if (&f == &name_fact && text.empty()) bad_value(f, text, where, "a company name");
      if (&f == &business_number_fact) {
        if (auto problem = business_number_problem(text))
          throw Error(where, fmt::format("invalid business_number \"{}\": {}", text, *problem));
      }
      if (&f == &ksic_fact) {
        auto code = normalize_ksic(text);
        if (!code)
          bad_value(f, text, where, "a KSIC code of 2-5 digits or an 8-digit item code, e.g. \"29294\" or \"C29294\"");
        v.text = *code;
        break;
      }
      v.text = text;
      break;
    case FactType::list:
    case FactType::money_list:
      assign_list(profile, f, {text}, {where});
      return;
  }
  profile.set(f, std::move(v));
  profile.set_where(f, where);
}

void assign_list(Profile& profile, const FactDef& f, const std::vector<std::string>& items,
                 const std::vector<Location>& where) {
  if (f.type != FactType::list && f.type != FactType::money_list)
    throw Error(where.empty() ? Location{} : where.front(), fmt::format("{} takes one value, not a list", f.path));
  Value v;
  for (size_t i = 0; i < items.size(); ++i) {
    const Location& at = i < where.size() ? where[i] : (where.empty() ? Location{} : where.back());
    if (f.type == FactType::money_list) {
      try {
        v.amounts.push_back(parse_amount(items[i]));
      } catch (const Error& e) {
        throw Error(at, fmt::format("{}: {}", f.path, e.message()));
      }
    } else {
      std::int64_t idx = parse_choice(f, items[i], at);
      bool dup = false;
      for (auto existing : v.items) dup = dup || existing == idx;
      if (!dup) v.items.push_back(idx);
    }
  }
  profile.set(f, std::move(v));
  if (!where.empty()) profile.set_where(f, where.front());
}

namespace {

/// A program or track id as the data writes them: lowercase letters, digits, hyphens.
bool is_id(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace

void assign_program_cost(Profile& profile, const std::string& key, const std::string& amount, const Location& where) {
  const auto colon = key.find(':');
  const bool well_formed = colon == std::string::npos ? is_id(key)
                                                      : is_id(std::string_view(key).substr(0, colon)) &&
                                                            is_id(std::string_view(key).substr(colon + 1));
  if (!well_formed)
    throw Error(where, fmt::format("plan.costs: \"{}\" is not a program id or program:track (e.g. level-check, "
                                   "dx-mentor:pre-planning)",
                                   key));
  if (profile.program_cost(key) != nullptr) throw Error(where, fmt::format("plan.costs: \"{}\" is given twice", key));
  try {
    profile.set_program_cost({key, parse_amount(amount), where});
  } catch (const Error& e) {
    throw Error(where, fmt::format("plan.costs.{}: {}", key, e.message()));
  }
}

}  // namespace sfgrant
