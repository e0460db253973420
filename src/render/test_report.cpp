#include "sfgrant/render/test_report.h"

#include <fmt/format.h>

#include <map>

#include "sfgrant/render/format.h"
#include "sfgrant/text/terminal_escape.h"

namespace sfgrant {
namespace {

struct Counts {
  size_t passed = 0;
  size_t failed = 0;  ///< failed or did not run
};

Counts count(const std::vector<CaseResult>& results) {
  Counts c;
  for (const CaseResult& r : results) ++(r.passed ? c.passed : c.failed);
  return c;
}

std::string summary(const Counts& c, const Diagnostics& problems) {
  std::string line = fmt::format("{} passed, {} failed", c.passed, c.failed);
  if (problems.error_count() > 0)
    line += fmt::format(", {} error{}", problems.error_count(), problems.error_count() == 1 ? "" : "s");
  return line;
}

std::string not_run_text(int year) { return fmt::format("did not run: the {} program data does not load", year); }

void render_text(const std::vector<CaseResult>& results, const Diagnostics& problems, std::ostream& out,
                 std::ostream& err) {
  print_diagnostics(err, problems);
  std::map<int, size_t> not_run;  // year → cases
  for (const CaseResult& r : results) {
    if (r.passed) continue;
    if (r.not_run_year != 0) {
      ++not_run[r.not_run_year];
      continue;
    }
    out << "FAIL " << escape_for_terminal(r.where.str(), false) << ": " << escape_for_terminal(r.name) << '\n';
    for (const auto& d : r.differences) out << "    " << escape_for_terminal(d) << '\n';
  }
  for (const auto& [year, cases] : not_run)
    out << fmt::format("FAIL {} case{} of {}: not run, the {} program data does not load (its errors come first)\n",
                       cases, cases == 1 ? "" : "s", year, year);
  out << summary(count(results), problems) << '\n';
}

void render_github(const std::vector<CaseResult>& results, const Diagnostics& problems, std::ostream& out) {
  print_github_annotations(out, problems, false);
  for (const CaseResult& r : results) {
    if (r.passed) continue;
    std::string message = fmt::format("case \"{}\" ", r.name);
    if (r.not_run_year != 0) {
      message += not_run_text(r.not_run_year);
    } else {
      message += "failed";
      for (const auto& d : r.differences) message += "\n" + d;
    }
    print_github_annotation(out, true, r.where, message);
  }
  out << summary(count(results), problems) << '\n';
}

const char* result_name(const CaseResult& r) {
  if (r.passed) return "pass";
  return r.not_run_year != 0 ? "not-run" : "fail";
}

void render_json(const std::vector<CaseResult>& results, const Diagnostics& problems, std::ostream& out) {
  const Counts c = count(results);
  print_json(out, [&](JsonWriter& json) {
    json.begin_object();
    json.member("passed", c.passed);
    json.member("failed", c.failed);
    json.member("errors", problems.error_count());
    write_problems_json(json, problems);
    json.key("cases");
    json.begin_array();
    for (const CaseResult& r : results) {
      json.begin_object();
      json.member("name", r.name);
      json.member("file", r.where.file);
      json.member("line", r.where.line);
      json.member("column", r.where.column);
      json.member("result", result_name(r));
      if (r.not_run_year != 0) json.member("program_year", r.not_run_year);
      json.key("differences");
      json.begin_array();
      for (const auto& d : r.differences) json.value(d);
      json.end_array();
      json.end_object();
    }
    json.end_array();
    json.end_object();
  });
}

}  // namespace

void render_test_report(const std::vector<CaseResult>& results, const Diagnostics& problems, DiagnosticFormat format,
                        std::ostream& out, std::ostream& err) {
  switch (format) {
    case DiagnosticFormat::json:
      render_json(results, problems, out);
      return;
    case DiagnosticFormat::github:
      render_github(results, problems, out);
      return;
    case DiagnosticFormat::text:
      render_text(results, problems, out, err);
      return;
  }
}

}  // namespace sfgrant
