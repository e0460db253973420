// Fuzz target: display widths and tables with arbitrary bytes (invalid UTF-8, combining marks,
// jamo, control characters). The first byte is a width; the rest splits into cells at '\t' and
// into rows at '\n'. Checks that a truncated text fits the width it was cut to.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sfgrant/text/table.h"

using namespace sfgrant;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int width = static_cast<int>(data[0]) - 8;  // -8 … 247, negative and zero included
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  (void)display_width(text);
  const std::string cut = truncate_to_width(text, width);
  if (display_width(cut) > (width > 0 ? width : 0))
    fuzz::fail("truncate_to_width(" + std::to_string(width) + ") is " + std::to_string(display_width(cut)) +
               " columns wide");

  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  for (char c : text) {
    if (c == '\t' || c == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      if (c == '\n') rows.emplace_back();
    } else {
      cell += c;
    }
  }
  rows.back().push_back(cell);
  std::vector<Align> align;
  for (size_t i = 0; i < rows.front().size(); ++i) align.push_back(i % 2 ? Align::right : Align::left);
  Table table(rows.front(), align);
  for (size_t i = 1; i < rows.size(); ++i) table.add_row(rows[i]);
  std::ostringstream out;
  table.print(out, width);
  table.print(fuzz::null_stream(), 0);
  return 0;
}
