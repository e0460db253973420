#include "sfgrant/render/test_report.h"

#include <fmt/format.h>

#include "sfgrant/render/diagnostics.h"

namespace sfgrant {

void render_test_report(const std::vector<CaseResult>& results, const Diagnostics& diags, std::ostream& out) {
  size_t passed = 0;
  size_t failed = 0;
  for (const CaseResult& r : results) {
    if (r.passed) {
      ++passed;
      continue;
    }
    ++failed;
    out << "FAIL " << r.where.str() << ": " << r.name << '\n';
    for (const auto& d : r.differences) out << "    " << d << '\n';
  }
  for (const auto& d : diags.items()) print_diagnostic(out, d);
  out << fmt::format("{} passed, {} failed\n", passed, failed + diags.error_count());
}

}  // namespace sfgrant
