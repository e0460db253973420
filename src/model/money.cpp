#include "sfgrant/model/money.h"

#include <fmt/format.h>

#include <limits>
#include <vector>

#include "sfgrant/model/error.h"

namespace sfgrant {
namespace {

__extension__ typedef __int128 Wide;  // exact intermediate products of int64 amounts
constexpr Won kMaxWon = std::numeric_limits<Won>::max();

[[noreturn]] void fail_amount(std::string_view text, std::string_view why) {
  throw Error(
      fmt::format("invalid amount \"{}\": {}; expected won like 400,000,000 or a Korean amount like 2억원, "
                  "95백만원, 1억 2,000만원",
                  text, why));
}

Won narrow(Wide value, std::string_view text) {
  if (value > kMaxWon) fail_amount(text, "too large");
  return static_cast<Won>(value);
}

/// A decimal number as written: mantissa / 10^scale.
struct Decimal {
  Wide mantissa = 0;
  int scale = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads `1,900` or `0.5` or `400000000` at `pos`. Commas must group by three.
Decimal read_decimal(std::string_view s, size_t& pos, std::string_view text) {
  Decimal d;
  size_t group = 0;
  bool seen_comma = false;
  bool any = false;
  while (pos < s.size()) {
    char c = s[pos];
    if (is_digit(c)) {
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (d.mantissa > Wide(kMaxWon) * 10000) fail_amount(text, "too large");
      ++group;
      any = true;
      ++pos;
    } else if (c == ',' && any && d.scale == 0) {
      if ((seen_comma && group != 3) || (!seen_comma && group > 3)) fail_amount(text, "misplaced comma");
      seen_comma = true;
      group = 0;
      ++pos;
    } else {
      break;
    }
  }
  if (seen_comma && group != 3) fail_amount(text, "misplaced comma");
  if (pos < s.size() && s[pos] == '.') {
    if (seen_comma && group != 3) fail_amount(text, "misplaced comma");
    ++pos;
    bool frac = false;
    while (pos < s.size() && is_digit(s[pos])) {
      if (d.scale >= 6) fail_amount(text, "too many decimals");
      d.mantissa = d.mantissa * 10 + (s[pos] - '0');
      ++d.scale;
      ++pos;
      frac = true;
    }
    if (!frac) fail_amount(text, "a decimal point needs digits after it");
  }
  if (!any) {
    if (pos < s.size()) fail_amount(text, fmt::format("unexpected \"{}\"", s.substr(pos)));
    fail_amount(text, "a number is missing");
  }
  return d;
}

struct Unit {
  std::string_view word;
  Wide value;
  bool big;  ///< 억/만/조 close a group; 천/백/십 multiply within it
};

const std::vector<Unit>& units() {
  static const std::vector<Unit> kUnits = {
      {"조", Wide(1000000000000), true},
      {"억", 100000000, true},
      {"만", 10000, true},
      {"천", 1000, false},
      {"백", 100, false},
      {"십", 10, false},
  };
  return kUnits;
}

Wide pow10(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string strip(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t') continue;
    // U+00A0 no-break space as Excel writes it
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

Won parse_amount(std::string_view text) {
  std::string s = strip(text);
  if (s.empty()) fail_amount(text, "empty");
  if (s[0] == '-') fail_amount(text, "amounts cannot be negative");
  const std::string_view kWon = "원";
  bool explicit_won = false;
  if (s.size() >= kWon.size() && s.compare(s.size() - kWon.size(), kWon.size(), kWon) == 0) {
    s.resize(s.size() - kWon.size());
    explicit_won = true;
  }
  if (s.empty()) fail_amount(text, "a number is missing");

  Wide total = 0;
  Wide group_num = 0;  // current 만-group, as a fraction over 10^kScale
  constexpr int kScale = 6;
  Wide last_big = Wide(1) << 100;
  Wide last_small = Wide(1) << 100;
  bool group_open = false;
  size_t pos = 0;
  while (pos < s.size()) {
    Decimal d = read_decimal(s, pos, text);
    Wide scaled = d.mantissa * pow10(kScale - d.scale);
    const Unit* unit = nullptr;
    for (const Unit& u : units()) {
      if (s.compare(pos, u.word.size(), u.word) == 0) {
        unit = &u;
        break;
      }
    }
    if (unit == nullptr) {
      if (pos != s.size()) fail_amount(text, fmt::format("unexpected \"{}\"", s.substr(pos)));
      group_num += scaled;  // trailing won
      group_open = true;
      last_small = 0;
      break;
    }
    pos += unit->word.size();
    Wide small = 1;
    if (!unit->big) {
      if (unit->value >= last_small) fail_amount(text, "units out of order");
      last_small = unit->value;
      small = unit->value;
      group_num += scaled * small;
      group_open = true;
      // a small unit may be followed by a big one that closes the group (3천만, 5백만)
      for (const Unit& u : units()) {
        if (u.big && s.compare(pos, u.word.size(), u.word) == 0) {
          unit = &u;
          pos += u.word.size();
          break;
        }
      }
      if (!unit->big) continue;
      scaled = 0;
    }
    if (unit->value >= last_big) fail_amount(text, "units out of order");
    last_big = unit->value;
    group_num += scaled;
    if (group_num > Wide(kMaxWon) * pow10(kScale)) fail_amount(text, "too large");
    total += group_num * unit->value;
    if (total > Wide(kMaxWon) * pow10(kScale)) fail_amount(text, "too large");
    group_num = 0;
    group_open = false;
    last_small = Wide(1) << 100;
  }
  if (group_open) {
    if (last_big != (Wide(1) << 100) && group_num >= last_big * pow10(kScale)) fail_amount(text, "units out of order");
    // "1억 5천" means 1억 5천만원 on the phone but 100,005,000 won literally: refuse to guess
    // (a bare number ending in 원, as sfgrant prints 860억 9,216원, is literal)
    if (last_big > 10000 && last_big != (Wide(1) << 100) && !(explicit_won && last_small == 0))
      fail_amount(text, "ambiguous: after 억 write the 만 unit (1억 5천만원) or give plain won");
    total += group_num;
  }
  if (total % pow10(kScale) != 0) fail_amount(text, "not a whole number of won");
  return narrow(total / pow10(kScale), text);
}

Ratio parse_ratio(std::string_view text) {
  std::string s = strip(text);
  auto bad = [&](std::string_view why) -> Ratio {
    throw Error(fmt::format("invalid ratio \"{}\": {}; expected a percentage like 50% or 12.5%", text, why));
  };
  if (s.empty() || s.back() != '%') return bad("missing %");
  s.pop_back();
  if (s.empty()) return bad("a number is missing");
  if (s[0] == '-') return bad("ratios cannot be negative");
  std::int64_t whole = 0;
  size_t i = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) {
    whole = whole * 10 + (s[i] - '0');
    if (whole > 100) return bad("above 100%");
  }
  if (i == 0) return bad("a number is missing");
  std::int64_t bp = whole * 100;
  if (i < s.size()) {
    if (s[i] != '.') return bad(fmt::format("unexpected \"{}\"", s.substr(i)));
    ++i;
    int digits = 0;
    std::int64_t frac = 0;
    for (; i < s.size() && is_digit(s[i]); ++i, ++digits) {
      if (digits == 2) return bad("at most two decimals");
      frac = frac * 10 + (s[i] - '0');
    }
    if (digits == 0 || i != s.size()) return bad("malformed decimal");
    if (digits == 1) frac *= 10;
    bp += frac;
  }
  if (bp > Ratio::kWhole) return bad("above 100%");
  return Ratio{bp};
}

Won apply_ratio_floor(Won amount, Ratio ratio) {
  // when the product fits in 64 bits the same division is done there: a 128-bit division is
  // a library call, and batch does this for every track of every company
  if (std::int64_t v64 = 0; !__builtin_mul_overflow(amount, ratio.basis_points, &v64)) {
    std::int64_t q = v64 / Ratio::kWhole;
    if (v64 % Ratio::kWhole != 0 && v64 < 0) --q;
    return q;
  }
  Wide v = Wide(amount) * ratio.basis_points;
  Wide q = v / Ratio::kWhole;
  if (v % Ratio::kWhole != 0 && v < 0) --q;
  if (q > kMaxWon || q < std::numeric_limits<Won>::min()) throw Error("amount overflow");
  return static_cast<Won>(q);
}

Won apply_ratio_ceil(Won amount, Ratio ratio) {
  if (std::int64_t v64 = 0; !__builtin_mul_overflow(amount, ratio.basis_points, &v64)) {  // as above
    std::int64_t q = v64 / Ratio::kWhole;
    if (v64 % Ratio::kWhole != 0 && v64 > 0) ++q;
    return q;
  }
  Wide v = Wide(amount) * ratio.basis_points;
  Wide q = v / Ratio::kWhole;
  if (v % Ratio::kWhole != 0 && v > 0) ++q;
  if (q > kMaxWon || q < std::numeric_limits<Won>::min()) throw Error("amount overflow");
  return static_cast<Won>(q);
}

Won floor_to_1000(Won amount) { return amount - amount % 1000; }

Won checked_add(Won a, Won b) {
  Won out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw Error("amount overflow");
  return out;
}

Won checked_mul(Won a, std::int64_t b) {
  Won out = 0;
  if (__builtin_mul_overflow(a, b, &out)) throw Error("amount overflow");
  return out;
}

std::string format_grouped(Won amount) {
  const bool negative = amount < 0;
  unsigned long long v =
      negative ? 0ULL - static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
  std::string digits = std::to_string(v);
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    out += digits[static_cast<size_t>(i)];
    int left = n - 1 - i;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return negative ? "-" + out : out;
}

std::string format_korean(Won amount) {
  if (amount == 0) return "0원";
  const bool negative = amount < 0;
  unsigned long long v =
      negative ? 0ULL - static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
  const unsigned long long eok = v / 100000000ULL;
  const unsigned long long man = (v / 10000ULL) % 10000ULL;
  const unsigned long long won = v % 10000ULL;
  std::vector<std::string> parts;
  if (eok > 0) parts.push_back(format_grouped(static_cast<Won>(eok)) + "억");
  if (man > 0) parts.push_back(format_grouped(static_cast<Won>(man)) + "만");
  if (won > 0) parts.push_back(format_grouped(static_cast<Won>(won)));
  std::string out = negative ? "-" : "";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + "원";
}

std::string format_english(Won amount) { return "KRW " + format_grouped(amount); }

std::string format_ratio(Ratio ratio) {
  std::int64_t whole = ratio.basis_points / 100;
  std::int64_t frac = ratio.basis_points % 100;
  if (frac == 0) return fmt::format("{}%", whole);
  if (frac % 10 == 0) return fmt::format("{}.{}%", whole, frac / 10);
  return fmt::format("{}.{:02}%", whole, frac);
}

}  // namespace sfgrant
