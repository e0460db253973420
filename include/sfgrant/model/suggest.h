#pragma once
/// "Did you mean": the nearest known word to a mistyped one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

/// The closest of `candidates` to `word` within a small edit distance, for "did you mean".
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sfgrant
