#pragma once
/// Writing GitHub-flavoured Markdown whose every piece of text from the data goes through one escaping
/// function: a company name with `|`, backticks, `*`, `_`, `<script>`, `http://…` or a line end cannot end
/// a table cell, start a link or emphasis, or become HTML. (An e-mail address still becomes a mailto link:
/// GFM links it whatever is escaped.)
#include <string>
#include <string_view>

namespace sfgrant {

/// Text as one inline run of Markdown that reads as itself: `<>` as entities (never HTML), `&` too where
/// it would start an entity (`&lt;`; `R&D` stays), `_` except between letters or digits, the other
/// ASCII punctuation Markdown gives a meaning inside a line (`\` `` ` `` `*` `_` `[` `]` `|` `#` `~` `$`)
/// behind a backslash, and the `:` of `://` and the `.` of `www.` too (GFM would make them links), line ends and tabs
/// as spaces (a table row is one line), other C0 controls dropped, and bidi embeddings, overrides and isolates
/// (U+202A-202E, U+2066-2069) as visible `U+202E`.
std::string markdown_escape(std::string_view text);

/// An identifier (a program id, a fact path) as a code span, `` `dx-mentor` ``, when it is only ASCII
/// letters, digits and `_.-:`; anything else as markdown_escape's text.
std::string markdown_code(std::string_view id);

}  // namespace sfgrant
