#include "sfgrant/text/table.h"

#include <algorithm>
#include <cstdlib>

#include "sfgrant/text/unicode.h"

namespace sfgrant {

std::string paint(const std::string& text, Color color, bool enabled) {
  if (!enabled || color == Color::none || text.empty()) return text;
  const char* code = "";
  switch (color) {
    case Color::green:
      code = "32";
      break;
    case Color::yellow:
      code = "33";
      break;
    case Color::red:
      code = "31";
      break;
    case Color::cyan:
      code = "36";
      break;
    case Color::bold:
      code = "1";
      break;
    case Color::dim:
      code = "2";
      break;
    case Color::none:
      return text;
  }
  return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
}

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  for (auto& h : headers_) h = cell_text(h);
  align_.resize(headers_.size(), Align::left);
}

void Table::add_note(const std::string& text) {
  if (!notes_.empty()) notes_.back().push_back(cell_text(text));
}

void Table::add_row(std::vector<std::string> cells, std::vector<Color> colors) {
  notes_.emplace_back();
  cells.resize(headers_.size());
  for (auto& c : cells) c = cell_text(c);
  colors.resize(headers_.size(), Color::none);
  rows_.push_back(std::move(cells));
  colors_.push_back(std::move(colors));
}

namespace {

/// Display width of the widest space-separated word of `text`.
int longest_word(const std::string& text) {
  int widest = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    widest = std::max(widest, display_width(text.substr(start, space - start)));
    start = space + 1;
  }
  return widest;
}

}  // namespace

void Table::optional_column(size_t column) {
  if (column < headers_.size()) optional_.push_back(column);
}

namespace {

/// Columns shown (width above 0) and the two spaces between each pair.
int total_width(const std::vector<int>& widths) {
  int total = 0;
  size_t shown = 0;
  for (int w : widths)
    if (w > 0) {
      total += w;
      ++shown;
    }
  return total + 2 * static_cast<int>(shown > 0 ? shown - 1 : 0);
}

/// Narrows the widest column above its floor until the columns fit `max_width`.
void narrow(std::vector<int>& widths, const std::vector<int>& floor, int max_width) {
  int total = total_width(widths);
  while (total > max_width) {
    size_t widest = widths.size();
    for (size_t i = 0; i < widths.size(); ++i)
      if (widths[i] > floor[i] && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
    if (widest == widths.size()) return;
    --widths[widest];
    --total;
  }
}

}  // namespace

std::vector<int> Table::column_widths(int max_width) const {
  const size_t n = headers_.size();
  std::vector<int> natural(n, 0);
  std::vector<int> words(n, 0);
  for (size_t i = 0; i < n; ++i) {
    natural[i] = std::max(display_width(headers_[i]), 1);
    words[i] = longest_word(headers_[i]);
    for (const auto& row : rows_) {
      natural[i] = std::max(natural[i], display_width(row[i]));
      words[i] = std::max(words[i], longest_word(row[i]));
    }
  }
  if (max_width <= 0 || n == 0) return natural;
  // Narrow the widest column above its floor until the table fits, in steps that give up as
  // little as they can: text columns down to their longest word (lines break between words; a
  // short cell like "지원 가능" stays whole); if that is not enough, leave out the optional
  // columns one by one; then amounts down to their longest word ("1억" / "2,000만원"); then text
  // inside words, then any column down to two display columns (one Hangul syllable). Never
  // inside a character.
  auto keep_words = [&](std::vector<int> widths) {
    std::vector<int> floor(widths);
    for (size_t i = 0; i < n; ++i)
      if (align_[i] == Align::left && widths[i] > 0) floor[i] = std::min(widths[i], std::max(words[i], 10));
    narrow(widths, floor, max_width);
    return widths;
  };
  std::vector<int> widths = keep_words(natural);
  for (size_t k = 0; k < optional_.size() && total_width(widths) > max_width; ++k) {
    std::vector<int> fewer = natural;
    for (size_t j = 0; j <= k; ++j) fewer[optional_[j]] = 0;
    widths = keep_words(fewer);
  }
  std::vector<int> amounts(widths);
  for (size_t i = 0; i < n; ++i)
    if (align_[i] == Align::right && widths[i] > 0)
      amounts[i] = std::min(widths[i], words[i]);
    else
      amounts[i] = widths[i];
  narrow(widths, amounts, max_width);
  std::vector<int> floor(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (widths[i] > 0) floor[i] = align_[i] == Align::left ? std::min(widths[i], 6) : widths[i];
  narrow(widths, floor, max_width);
  for (size_t i = 0; i < n; ++i)
    if (widths[i] > 0) floor[i] = std::min(widths[i], 2);
  narrow(widths, floor, max_width);
  return widths;
}

std::vector<std::string> Table::left_out(int max_width) const {
  std::vector<std::string> out;
  const std::vector<int> widths = column_widths(max_width);
  for (size_t i = 0; i < widths.size(); ++i)
    if (widths[i] == 0) out.push_back(headers_[i]);
  return out;
}

void Table::print(std::ostream& out, int max_width, bool color) const {
  const size_t n = headers_.size();
  const std::vector<int> widths = column_widths(max_width);
  auto print_row = [&](const std::vector<std::string>& cells, const std::vector<Color>& colors) {
    std::vector<std::vector<std::string>> parts(n);
    size_t height = 1;
    for (size_t i = 0; i < n; ++i) {
      if (widths[i] == 0) continue;
      parts[i] = wrap_to_width(cells[i], widths[i]);
      height = std::max(height, parts[i].size());
    }
    for (size_t line_no = 0; line_no < height; ++line_no) {
      std::string line;
      bool first = true;
      for (size_t i = 0; i < n; ++i) {
        if (widths[i] == 0) continue;  // left out
        const std::string cell = line_no < parts[i].size() ? parts[i][line_no] : std::string();
        const int pad = std::max(widths[i] - display_width(cell), 0);
        const std::string spaces(static_cast<size_t>(pad), ' ');
        const std::string shown = paint(cell, colors[i], color);
        if (!first) line += "  ";
        first = false;
        line += align_[i] == Align::right ? spaces + shown : shown + spaces;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
  };
  print_row(headers_, std::vector<Color>(n, Color::bold));
  std::vector<std::string> rule(n);
  for (size_t i = 0; i < n; ++i) rule[i] = std::string(static_cast<size_t>(widths[i]), '-');
  print_row(rule, std::vector<Color>(n, Color::none));
  int table_width = 0;
  for (size_t i = 0; i < n; ++i)
    if (widths[i] > 0) table_width += widths[i] + (table_width > 0 ? 2 : 0);
  const int note_width = std::max(max_width > 0 ? std::min(max_width, table_width) : table_width, 20) - 2;
  for (size_t r = 0; r < rows_.size(); ++r) {
    print_row(rows_[r], colors_[r]);
    for (const std::string& note : notes_[r]) {  // `  ※ text`, its continuation under the text
      bool first = true;
      for (const std::string& line : wrap_to_width(note, note_width - 2)) {
        out << (first ? "  " : "    ") << paint(line, Color::dim, color) << '\n';
        first = false;
      }
    }
  }
}

}  // namespace sfgrant
