#pragma once
/// UTF-8 text as people see it: validity, NFC, and widths in terminal columns.
///
/// Widths follow the Unicode East Asian Width property as utf8proc reports it: Hangul syllables,
/// CJK and full-width forms are two columns; "ambiguous" symbols such as ① ※ · … ✔ are one
/// column (the default of modern terminal emulators); combining marks, Hangul medial and final
/// jamo and zero-width characters take none. Nothing depends on the locale (no setlocale, no wcwidth).
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

/// Length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or values above
/// U+10FFFF), or 0 when the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i);

/// True when `bytes` is valid UTF-8.
bool valid_utf8(std::string_view bytes);

/// The offset of the first byte that does not start a valid UTF-8 sequence; `bytes.size()` when
/// there is none.
size_t first_invalid_utf8(std::string_view bytes);

/// Display width of UTF-8 text in terminal columns (Hangul and other wide characters count 2).
/// Invalid UTF-8 bytes count one column each.
int display_width(const std::string& text);

/// NFC-normalised copy (Hangul jamo sequences become syllables); invalid UTF-8 is kept as is.
std::string nfc(const std::string& text);

/// Cuts `text` to at most `width` columns without splitting a character, adding "…" when cut.
std::string truncate_to_width(const std::string& text, int width);

/// Breaks `text` into lines of at most `width` columns, at spaces where it can and between
/// characters (never inside one, nor between a character and its combining marks) where a word is
/// wider than the line. A single character wider than `width` gets a line of its own.
std::vector<std::string> wrap_to_width(const std::string& text, int width);

/// Text safe to put in one terminal cell: NFC, tab, newline and CR as spaces, invalid UTF-8 bytes
/// as U+FFFD, and every other control or bidi override shown visibly (`\x1b`, `<U+202E>`, as
/// escape_for_terminal() shows them), so nothing in the data can move the cursor, recolour or
/// reorder the table, and the consultant sees that something odd is there.
std::string cell_text(const std::string& text);

}  // namespace sfgrant
