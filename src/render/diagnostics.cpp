#include "sfgrant/render/diagnostics.h"

#include <fmt/format.h>

#include <fstream>

#include "sfgrant/render/format.h"
#include "sfgrant/text/terminal_escape.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

void print_diagnostic(std::ostream& out, const Diagnostic& d) {
  // the file name, the message and the quoted line all hold text from the input: escaped
  const std::string place = escape_for_terminal(d.where.str(), false);
  out << (place.empty() ? "" : place + ": ") << (d.severity == Severity::error ? "error: " : "warning: ")
      << escape_for_terminal(d.message) << '\n';
  if (d.where.line <= 0 || d.where.file.empty() || d.where.file == "-") return;
  std::ifstream in(d.where.file, std::ios::binary);
  std::string line;
  for (int i = 0; i < d.where.line && std::getline(in, line); ++i) {
  }
  if (!in && line.empty()) return;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > 200) return;
  out << "  " << escape_for_terminal(line, false) << '\n';
  if (d.where.column > 0) {
    const std::string before = line.substr(0, std::min(line.size(), static_cast<size_t>(d.where.column - 1)));
    out << "  " << std::string(static_cast<size_t>(display_width(escape_for_terminal(before, false))), ' ') << "^\n";
  }
}

namespace {

/// GitHub workflow commands: `%`, CR and LF are escaped in the message, also `:` and `,` in properties.
std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

/// `… and 1523 more errors in FILE`: what was counted past the problems kept for a file.
std::string omitted_line(const std::string& file, const Omitted& o) {
  std::string what;
  if (o.errors > 0) what = fmt::format("{} more error{}", o.errors, o.errors == 1 ? "" : "s");
  if (o.warnings > 0)
    what += fmt::format("{}{} more warning{}", what.empty() ? "" : " and ", o.warnings, o.warnings == 1 ? "" : "s");
  return fmt::format("… and {} in {} (only the first {} problems of a file are listed)", what,
                     escape_for_terminal(file.empty() ? "<no file>" : file, false), kMaxProblemsPerFile);
}

const char* severity_name(const Diagnostic& d) { return d.severity == Severity::error ? "error" : "warning"; }

void diagnostics_json(const Diagnostics& diags, bool strict, std::ostream& out) {
  print_json(out, [&](JsonWriter& json) {
    json.begin_object();
    json.member("errors", diags.error_count());
    json.member("warnings", diags.warning_count());
    json.member("strict", strict);
    write_problems_json(json, diags);
    json.end_object();
  });
}

void render_github(const Diagnostics& diags, bool strict, std::ostream& out) {
  print_github_annotations(out, diags, strict);
}

void render_text(const Diagnostics& diags, bool strict, std::ostream& out) {
  print_diagnostics(out, diags);
  out << fmt::format("{} error(s), {} warning(s){}\n", diags.error_count(), diags.warning_count(),
                     strict && diags.warning_count() > 0 ? " (--strict: warnings fail the check)" : "");
}

}  // namespace

void print_diagnostics(std::ostream& out, const Diagnostics& diags) {
  for (const auto& d : diags.items()) print_diagnostic(out, d);
  for (const auto& [file, o] : diags.omitted()) out << omitted_line(file, o) << '\n';
}

void print_github_annotation(std::ostream& out, bool as_error, const Location& where, const std::string& message) {
  std::string props = "file=" + github_escape(where.file, true);
  if (where.line > 0) props += fmt::format(",line={}", where.line);
  if (where.line > 0 && where.column > 0) props += fmt::format(",col={}", where.column);
  out << fmt::format("::{} {}::{}\n", as_error ? "error" : "warning", props,
                     github_escape(escape_for_terminal(message), false));
}

void print_github_annotations(std::ostream& out, const Diagnostics& diags, bool strict) {
  for (const auto& d : diags.items())
    print_github_annotation(out, d.severity == Severity::error || strict, d.where, d.message);
  for (const auto& [file, o] : diags.omitted())
    out << fmt::format("::{} file={}::{}\n", o.errors > 0 || strict ? "error" : "warning", github_escape(file, true),
                       github_escape(omitted_line(file, o), false));
}

void write_problems_json(JsonWriter& json, const Diagnostics& diags) {
  json.key("problems");
  json.begin_array();
  for (const auto& d : diags.items()) {
    json.begin_object();
    json.member("file", d.where.file);
    json.member("line", d.where.line);
    json.member("column", d.where.column);
    json.member("severity", severity_name(d));
    json.member("code", d.code);
    json.member("message", d.message);
    json.end_object();
  }
  json.end_array();
  if (!diags.omitted().empty()) {  // past kMaxProblemsPerFile: counted in errors and warnings
    json.key("omitted");
    json.begin_array();
    for (const auto& [file, o] : diags.omitted()) {
      json.begin_object();
      json.member("file", file);
      json.member("errors", o.errors);
      json.member("warnings", o.warnings);
      json.end_object();
    }
    json.end_array();
  }
}

void render_diagnostics(const Diagnostics& diags, bool strict, DiagnosticFormat format, std::ostream& out) {
  switch (format) {
    case DiagnosticFormat::json:
      diagnostics_json(diags, strict, out);
      return;
    case DiagnosticFormat::github:
      render_github(diags, strict, out);
      return;
    case DiagnosticFormat::text:
      render_text(diags, strict, out);
      return;
  }
}

}  // namespace sfgrant
