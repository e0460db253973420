#pragma once
/// Problems in input files as people and CI read them: `file:line:col: error: message` with the line
/// and a caret, a JSON report, or GitHub workflow annotations (`sfgrant validate --format`).
#include <ostream>

#include "sfgrant/model/diagnostics.h"

namespace sfgrant {

/// Prints a diagnostic as `file:line:col: error: message`, then the line and a caret when the file can be read.
void print_diagnostic(std::ostream& out, const Diagnostic& d);

enum class DiagnosticFormat { text, json, github };

/// Every diagnostic, then (text) a count; with `strict`, warnings are reported as failures.
void render_diagnostics(const Diagnostics& diags, bool strict, DiagnosticFormat format, std::ostream& out);

}  // namespace sfgrant
