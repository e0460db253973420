#pragma once
/// Text from the data made safe to print on a terminal: nothing a company list, a profile or a
/// program file holds can retitle, clear or recolour the consultant's terminal, nor reorder what
/// it shows (bidi overrides), whatever reaches stderr or a table.
#include <string>
#include <string_view>

namespace sfgrant {

/// `text` with every character a terminal would act on shown visibly instead:
///   - C0 controls and DEL as `\x1b` (two lowercase hex digits), a tab as `\t`; a newline is kept
///     when `keep_newlines` (multi-line messages), else shown as `\n`;
///   - C1 controls (U+0080–U+009F) and the bidi controls U+061C, U+200E, U+200F, U+202A–U+202E and
///     U+2066–U+2069 as `<U+202E>`;
///   - bytes that are not UTF-8 as `\xff`.
/// Everything else (Hangul, `\` itself) is unchanged, so ordinary text prints as it did.
std::string escape_for_terminal(std::string_view text, bool keep_newlines = true);

/// True when escape_for_terminal() would change `text`.
bool needs_terminal_escape(std::string_view text, bool keep_newlines = true);

/// `text` without its NUL bytes: what CSV and JSON output keep of a value (the rest of the data
/// passes through; a NUL cuts a string in most tools that read the file).
std::string strip_nul(std::string_view text);

}  // namespace sfgrant
