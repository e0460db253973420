#pragma once
/// Terminal tables that line up with Hangul: columns are measured in display width
/// (text/unicode.h), never in bytes, so they line up whatever the locale.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/text/unicode.h"

namespace sfgrant {

enum class Align { left, right };
enum class Color { none, green, yellow, red, cyan, bold, dim };

/// `text` wrapped in the ANSI SGR codes for `color` when `enabled`, else `text` unchanged.
std::string paint(const std::string& text, Color color, bool enabled);

class Table {
 public:
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
  /// `colors` (optional) colours each cell when the table is printed with colour.
  void add_row(std::vector<std::string> cells, std::vector<Color> colors = {});

  /// A line under the last row added, across the whole table, indented by two columns and wrapped
  /// to the table's width (a caveat under the program it qualifies).
  void add_note(const std::string& text);

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
  std::vector<std::vector<std::string>> notes_;  ///< under each row
  std::vector<size_t> optional_;
};

}  // namespace sfgrant
