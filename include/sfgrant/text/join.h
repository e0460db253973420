#pragma once
/// Lists written out for people and files: `a, b, c`.
#include <string>
#include <string_view>

namespace sfgrant {

/// `show(item)` of every item, with `separator` between them.
template <typename Items, typename Show>
std::string join(const Items& items, std::string_view separator, Show show) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    first = false;
    out += show(item);
  }
  return out;
}

}  // namespace sfgrant
