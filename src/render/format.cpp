#include "sfgrant/render/format.h"

#include <fmt/format.h>

namespace sfgrant {

void print_table(const Table& table, const RenderOptions& options, std::ostream& out) {
  table.print(out, options.width, options.color);
  const std::vector<std::string> left_out = table.left_out(options.width);
  if (left_out.empty()) return;
  std::string names;
  for (const std::string& h : left_out) names += (names.empty() ? "" : ", ") + h;
  out << paint(options.lang == Lang::ko ? fmt::format("(좁은 화면이라 생략한 열: {})", names)
                                        : fmt::format("(columns left out to fit the width: {})", names),
               Color::dim, options.color)
      << '\n';
}

}  // namespace sfgrant
