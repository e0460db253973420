#include "sfgrant/table.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace sfgrant {

std::string nfc(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return text;
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

namespace {

/// Calls `f(codepoint_width, byte_offset, byte_length)` for each character.
template <typename F>
void each_char(const std::string& text, F f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t len = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, len - i, &cp);
    if (n <= 0) {  // invalid byte: one column
      f(1, static_cast<size_t>(i), size_t{1});
      ++i;
      continue;
    }
    int w = utf8proc_charwidth(cp);
    // East Asian ambiguous symbols (①※·) are one column in Korean terminals' default fonts too
    if (w < 0) w = 0;
    f(w, static_cast<size_t>(i), static_cast<size_t>(n));
    i += n;
  }
}

}  // namespace

int display_width(const std::string& text) {
  int width = 0;
  each_char(nfc(text), [&](int w, size_t, size_t) { width += w; });
  return width;
}

std::string truncate_to_width(const std::string& raw, int width) {
  const std::string text = nfc(raw);
  if (display_width(text) <= width) return text;
  if (width <= 0) return {};
  std::string out;
  int used = 0;
  bool done = false;
  each_char(text, [&](int w, size_t off, size_t n) {
    if (done) return;
    if (used + w > width - 1) {
      done = true;
      return;
    }
    out.append(text, off, n);
    used += w;
  });
  return out + "…";
}

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::left);
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (auto& c : cells) c = nfc(c);
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out, int max_width) const {
  const size_t n = headers_.size();
  std::vector<int> widths(n, 0);
  for (size_t i = 0; i < n; ++i) widths[i] = display_width(headers_[i]);
  for (const auto& row : rows_)
    for (size_t i = 0; i < n; ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  if (max_width > 0) {
    int total = 0;
    for (int w : widths) total += w;
    total += 2 * static_cast<int>(n > 0 ? n - 1 : 0);
    while (total > max_width) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (*widest <= 8) break;
      --*widest;
      --total;
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < n; ++i) {
      std::string cell = display_width(cells[i]) > widths[i] ? truncate_to_width(cells[i], widths[i]) : cells[i];
      int pad = widths[i] - display_width(cell);
      std::string spaces(static_cast<size_t>(std::max(pad, 0)), ' ');
      if (i > 0) line += "  ";
      line += align_[i] == Align::right ? spaces + cell : (i + 1 == n ? cell : cell + spaces);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(headers_);
  std::vector<std::string> rule(n);
  for (size_t i = 0; i < n; ++i) rule[i] = std::string(static_cast<size_t>(widths[i]), '-');
  print_row(rule);
  for (const auto& row : rows_) print_row(row);
}

}  // namespace sfgrant
