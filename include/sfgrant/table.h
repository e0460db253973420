#pragma once
/// Terminal tables that line up with Hangul: widths are display columns (utf8proc, after NFC),
/// not bytes, and do not depend on the locale.
#include <ostream>
#include <string>
#include <vector>

namespace sfgrant {

/// Display width of UTF-8 text in terminal columns (Hangul and other wide characters count 2).
/// Invalid UTF-8 bytes count one column each.
int display_width(const std::string& text);

/// NFC-normalised copy (Hangul jamo sequences become syllables); invalid UTF-8 is kept as is.
std::string nfc(const std::string& text);

/// Cuts `text` to at most `width` columns without splitting a character, adding "…" when cut.
std::string truncate_to_width(const std::string& text, int width);

enum class Align { left, right };

class Table {
 public:
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
  void add_row(std::vector<std::string> cells);
  /// Prints with two spaces between columns; when `max_width` > 0 the widest text column is
  /// shortened (never split mid-character) so that each line fits.
  void print(std::ostream& out, int max_width = 0) const;
  size_t rows() const { return rows_.size(); }

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace sfgrant
