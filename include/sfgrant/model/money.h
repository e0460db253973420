#pragma once
/// Exact money: won as int64, ratios in basis points. No floating point (SPEC §5).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sfgrant {

using Won = std::int64_t;

/// A share of a whole, exact, in basis points (1% = 100 bp, 100% = 10000 bp).
struct Ratio {
  std::int64_t basis_points = 0;

  static constexpr std::int64_t kWhole = 10000;
  friend bool operator==(Ratio a, Ratio b) { return a.basis_points == b.basis_points; }
};

/// Parses an amount as the announcements write it: `400000000`, `400,000,000`, `2억원`, `0.5억원`,
/// `1.2억`, `95백만원`, `16백만원`, `7천만원`, `1,900만 원`, `238만원`, `4억 5천만원`, `2,000만원`.
/// Throws sfgrant::Error naming the text when it is anything else, negative, fractional won or too large.
Won parse_amount(std::string_view text);

/// Parses a percentage `50%`, `12.5%`, `0%`..`100%` (at most two decimals).
Ratio parse_ratio(std::string_view text);

/// `amount × ratio`, rounded down to the won. Throws on overflow.
Won apply_ratio_floor(Won amount, Ratio ratio);
/// `amount × ratio`, rounded up to the won. Throws on overflow.
Won apply_ratio_ceil(Won amount, Ratio ratio);

/// 천원 미만 절사: rounds a non-negative amount down to a multiple of 1,000 won.
Won floor_to_1000(Won amount);

/// Checked int64 arithmetic; throws sfgrant::Error("amount overflow") instead of wrapping.
Won checked_add(Won a, Won b);
Won checked_mul(Won a, std::int64_t b);

/// `2억원`, `1억 2,000만원`, `238만원`, `95,000원`: the Korean way of writing an amount.
std::string format_korean(Won amount);
/// `KRW 200,000,000`.
std::string format_english(Won amount);
/// `200,000,000`.
std::string format_grouped(Won amount);
/// `50%`, `12.5%`.
std::string format_ratio(Ratio ratio);

}  // namespace sfgrant
