#pragma once
/// Bilingual text and the output language.
#include <string>

namespace sfgrant {

enum class Lang { ko, en };

/// A label or message in Korean and English, as the data gives it.
struct Text {
  std::string ko;
  std::string en;

  /// The text in `lang`, falling back to the other language when that one is empty.
  const std::string& in(Lang lang) const {
    if (lang == Lang::en) return en.empty() ? ko : en;
    return ko.empty() ? en : ko;
  }
  bool empty() const { return ko.empty() && en.empty(); }
};

}  // namespace sfgrant
