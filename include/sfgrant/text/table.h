#pragma once
/// Terminal tables that line up with Hangul: widths are display columns (utf8proc, after NFC),
/// not bytes, and do not depend on the locale (no setlocale, no wcwidth).
///
/// Widths follow the Unicode East Asian Width property as utf8proc reports it: Hangul syllables,
/// CJK and full-width forms are two columns; "ambiguous" symbols such as ① ※ · … ✔ are one
/// column (the default of modern terminal emulators); combining marks, Hangul medial and final
/// jamo and zero-width characters take none.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

/// Display width of UTF-8 text in terminal columns (Hangul and other wide characters count 2).
/// Invalid UTF-8 bytes count one column each.
int display_width(const std::string& text);

/// NFC-normalised copy (Hangul jamo sequences become syllables); invalid UTF-8 is kept as is.
std::string nfc(const std::string& text);

/// Cuts `text` to at most `width` columns without splitting a character, adding "…" when cut.
std::string truncate_to_width(const std::string& text, int width);

/// Breaks `text` into lines of at most `width` columns, at spaces where it can and between
/// characters (never inside one, nor between a character and its combining marks) where a word is
/// wider than the line. A single character wider than `width` gets a line of its own.
std::vector<std::string> wrap_to_width(const std::string& text, int width);

/// Text safe to put in one terminal cell: NFC, control characters (tab, newline, escape …) as
/// spaces, invalid UTF-8 bytes as U+FFFD, so nothing in the data can move the cursor or recolour.
std::string cell_text(const std::string& text);

enum class Align { left, right };
enum class Color { none, green, yellow, red, cyan, bold, dim };

/// `text` wrapped in the ANSI SGR codes for `color` when `enabled`, else `text` unchanged.
std::string paint(const std::string& text, Color color, bool enabled);

class Table {
 public:
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
  /// `colors` (optional) colours each cell when the table is printed with colour.
  void add_row(std::vector<std::string> cells, std::vector<Color> colors = {});

  /// Prints with two spaces between columns and a rule under the headers. When `max_width` > 0 and
  /// the table is wider, the left-aligned (text) columns are narrowed, widest first, and their
  /// cells wrap onto continuation lines; right-aligned (amount) columns are never narrowed.
  void print(std::ostream& out, int max_width = 0, bool color = false) const;

  /// Marks a column that may be left out when the table cannot fit `max_width` without breaking
  /// words; columns marked first are left out first.
  void optional_column(size_t column);

  /// The width of each column print() uses for `max_width`; 0 for a column left out.
  std::vector<int> column_widths(int max_width = 0) const;
  /// The headers of the columns print() leaves out at `max_width`.
  std::vector<std::string> left_out(int max_width) const;
  size_t rows() const { return rows_.size(); }

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::vector<Color>> colors_;
  std::vector<size_t> optional_;
};

}  // namespace sfgrant
