#pragma once
/// Writing HTML whose every piece of text goes through one escaping function: a company name
/// `<script>`, a note with `"&` or a bidi override is inert text, never markup. Tag and attribute
/// names are literals of the program; everything else (text, attribute values) is escaped.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace sfgrant {

/// `&<>"'` as entities; C0 controls other than tab and newline (not allowed in HTML) dropped; bidi
/// embeddings, overrides and isolates (U+202A-202E, U+2066-2069) written as numeric references,
/// so they stay visible in the source and a reader of the file sees them (each piece of text from the
/// data is also put in <bdi>, which confines them).
std::string html_escape(std::string_view text);

/// One attribute: a literal name, a value to escape.
using HtmlAttr = std::pair<const char*, std::string>;

class HtmlWriter {
 public:
  /// `<tag a="v" …>`
  HtmlWriter& open(const char* tag, std::initializer_list<HtmlAttr> attrs = {});
  /// `</tag>`
  HtmlWriter& close(const char* tag);
  /// An element with no content, `<tag a="v" …/>`: for SVG (in HTML only void elements may end so).
  HtmlWriter& empty(const char* tag, std::initializer_list<HtmlAttr> attrs = {});
  /// Escaped text.
  HtmlWriter& text(std::string_view s);
  /// `<tag …>text</tag>`
  HtmlWriter& element(const char* tag, std::string_view s, std::initializer_list<HtmlAttr> attrs = {});
  /// Text from the data (names, notes): escaped, inside `<bdi>`.
  HtmlWriter& data(std::string_view s);
  /// Markup written by the program itself (the doctype, the style sheet): literals only.
  HtmlWriter& literal(const char* markup);
  HtmlWriter& newline();

  const std::string& str() const { return out_; }
  /// What was written, without its final newline, and a fresh start: one fragment of a page for its
  /// template (page_template.h).
  std::string take();

 private:
  void start(const char* tag, std::initializer_list<HtmlAttr> list);  ///< `<tag a="v" …`
  void attrs(std::initializer_list<HtmlAttr> list);
  std::string out_;
};

}  // namespace sfgrant
