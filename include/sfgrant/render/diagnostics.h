#pragma once
/// Problems in input files as people and CI read them: `file:line:col: error: message` with the line
/// and a caret, a JSON report, or GitHub workflow annotations (`sfgrant validate --format`).
#include <ostream>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

/// Prints a diagnostic as `file:line:col: error: message`, then the line and a caret when the file can be read.
void print_diagnostic(std::ostream& out, const Diagnostic& d);

/// Every diagnostic as print_diagnostic does, and a line for each file's problems past the limit.
void print_diagnostics(std::ostream& out, const Diagnostics& diags);

enum class DiagnosticFormat { text, json, github };

/// Every diagnostic, then (text) a count; with `strict`, warnings are reported as failures.
void render_diagnostics(const Diagnostics& diags, bool strict, DiagnosticFormat format, std::ostream& out);

/// `::error file=F,line=L,col=C::message` (a GitHub workflow annotation), escaped; line and col where known.
void print_github_annotation(std::ostream& out, bool as_error, const Location& where, const std::string& message);

/// Every diagnostic as a GitHub annotation, and a line for each file's problems past the limit.
void print_github_annotations(std::ostream& out, const Diagnostics& diags, bool strict);

/// The members `problems` (each {file, line, column, severity, code, message}) and, when some were
/// only counted, `omitted` ({file, errors, warnings}), into an open JSON object.
void write_problems_json(JsonWriter& json, const Diagnostics& diags);

}  // namespace sfgrant
