#pragma once
/// The HTML pages (`report`, `batch --report`) are laid out by mustache templates shipped as data
/// (share/sfgrant/templates, found like the programs) or named with `--template FILE`. The renderer
/// builds a context of plain values, already worded in the user's language; `{{name}}` escapes them
/// (html_escape), `{{{name}}}` is only ever given fragments the program wrote from numbers and escaped
/// text (the SVG charts, sections built with HtmlWriter). share/sfgrant/templates/README.md lists the
/// names each page offers.
#include <map>
#include <string>
#include <vector>

namespace kainjow::mustache {
template <typename StringType>
class basic_data;
}

namespace sfgrant {

struct PageTemplate {
  std::string file;  ///< for messages
  std::string text;
  /// `{{> name}}` → its text: every NAME.mustache of the shipped folder, then of the custom template's
  /// own folder (which wins), so a letterhead can reuse `{{> report.css}}`
  std::map<std::string, std::string> partials;
  /// The names the page offers (report_template_names(), batch_report_template_names()): a tag naming
  /// any other is an error, so a misspelt {{compnay}} is caught instead of printing nothing
  std::vector<std::string> names;
};

/// Reads `file` and the partials beside it and in `shipped_dir`, and checks the template
/// (check_page_template). Throws Error.
PageTemplate load_page_template(const std::string& file, const std::string& shipped_dir,
                                const std::vector<std::string>& names);

/// A template that does not parse, names a partial that is not there or a value the page does not offer is
/// refused before anything is written: "FILE:line:col: unclosed section \"x\" …", "FILE:line:col: no
/// partial \"x\" (…)", "FILE:line:col: unknown name \"compnay\" …; did you mean \"company\"?". Throws Error.
void check_page_template(const PageTemplate& page);

/// The page: `page` laid out with `context`, escaping with html_escape.
std::string render_page_template(const PageTemplate& page, const kainjow::mustache::basic_data<std::string>& context);

}  // namespace sfgrant
