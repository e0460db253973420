// Fuzz target: the money parser and formatters. Any text either parses or is refused with
// sfgrant::Error; a parsed amount must come back unchanged through format_korean, format_grouped
// and format_english; the same for ratios. The first 8 bytes also drive the formatters directly.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_support.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/money.h"

using namespace sfgrant;

namespace {

void round_trip(Won amount) {
  if (amount < 0) return;
  const std::string korean = format_korean(amount);
  const std::string grouped = format_grouped(amount);
  if (parse_amount(korean) != amount) fuzz::fail("format_korean does not parse back: " + korean);
  if (parse_amount(grouped) != amount) fuzz::fail("format_grouped does not parse back: " + grouped);
  const std::string english = format_english(amount);
  if (english.rfind("KRW ", 0) != 0 || english.substr(4) != grouped) fuzz::fail("format_english: " + english);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    round_trip(parse_amount(text));
  } catch (const Error&) {
  }
  try {
    const Ratio r = parse_ratio(text);
    if (r.basis_points < 0 || r.basis_points > Ratio::kWhole) fuzz::fail("ratio out of range: " + text);
    if (parse_ratio(format_ratio(r)).basis_points != r.basis_points) fuzz::fail("format_ratio: " + text);
  } catch (const Error&) {
  }
  if (size >= 8) {
    std::int64_t raw = 0;
    std::memcpy(&raw, data, sizeof raw);
    const Won amount = raw < 0 ? -(raw + 1) : raw;  // every non-negative int64, INT64_MAX included
    round_trip(amount);
    (void)format_korean(raw);  // negative amounts format too (never parsed back)
    (void)format_grouped(raw);
    if (size >= 10) {
      std::uint16_t bp = 0;
      std::memcpy(&bp, data + 8, sizeof bp);
      const Ratio ratio{bp % (Ratio::kWhole + 1)};
      try {
        const Won g = government_share(amount, ratio, amount);
        if (g < 0 || g > amount || g % 1000 != 0) fuzz::fail("government_share out of bounds");
      } catch (const Error&) {
      }
    }
  }
  return 0;
}
