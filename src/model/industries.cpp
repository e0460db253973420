#include "sfgrant/model/industries.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace sfgrant {

void IndustryTable::index() {
  sorted_ = codes;
  std::sort(sorted_.begin(), sorted_.end());
}

Tri IndustryTable::match(const std::string& ksic) const {
  if (!sorted_.empty() && sorted_.size() == codes.size()) {
    // a code is a prefix of ksic: look each prefix of ksic up
    const std::string_view k(ksic);
    for (size_t len = 1; len <= k.size(); ++len)
      if (std::binary_search(sorted_.begin(), sorted_.end(), k.substr(0, len), std::less<>())) return Tri::pass;
    // ksic is a prefix of a code: the first code not below ksic starts with it, if any does
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), k, std::less<>());
    return it != sorted_.end() && std::string_view(*it).substr(0, k.size()) == k ? Tri::unknown : Tri::fail;
  }
  bool maybe = false;
  for (const std::string& code : codes) {
    if (ksic.rfind(code, 0) == 0) return Tri::pass;
    if (code.rfind(ksic, 0) == 0) maybe = true;
  }
  return maybe ? Tri::unknown : Tri::fail;
}

}  // namespace sfgrant
