// Mustache templates for the HTML pages (page_template.h), through Debian's header-only kainjow mustache.
#include "sfgrant/render/page_template.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <regex>
#include <set>
#include <system_error>

#include "sfgrant/model/error.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/html.h"
#include "sfgrant/text/file.h"

namespace sfgrant {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSuffix = ".mustache";

/// 1-based line and column of byte `offset` in `text` (columns in bytes, like the YAML loader's).
Location location_of(const std::string& file, const std::string& text, size_t offset) {
  Location where{file, 1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

/// kainjow's "Unclosed section \"x\" at 120" as "FILE:line:col: unclosed section \"x\"".
[[noreturn]] void parse_error(const std::string& file, const std::string& text, const std::string& message) {
  static const std::regex kAt(R"(^(.*) at ([0-9]+)$)");
  std::smatch m;
  std::string what = message;
  Location where{file};
  if (std::regex_match(message, m, kAt)) {
    what = m[1].str();
    where = location_of(file, text, std::stoul(m[2].str()));
  }
  if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  if (where.line > 0) {  // the offending text: the tag as far as its line goes
    const size_t at = std::stoul(m[2].str());
    const std::string rest = text.substr(at, std::min<size_t>(40, text.find('\n', at) - at));
    what += fmt::format(" \"{}\"", rest);
  }
  throw Error(where, what + " in the template (expected {{name}}, {{{name}}}, {{#name}}…{{/name}}, {{> partial}})");
}

void add_partials(const std::string& folder, std::map<std::string, std::string>& partials) {
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    const size_t n = name.size() - std::char_traits<char>::length(kSuffix);
    if (name.size() <= std::char_traits<char>::length(kSuffix) || name.compare(n, std::string::npos, kSuffix) != 0)
      continue;
    if (!entry.is_regular_file(ec)) continue;
    partials[name.substr(0, n)] = read_data_file(entry.path().string());
  }
}

void check_text(const PageTemplate& page, const std::string& file, const std::string& text,
                std::set<std::string>& seen) {
  const kainjow::mustache::mustache parsed{text};
  if (!parsed.is_valid()) parse_error(file, text, parsed.error_message());
  // the names it uses (with the default {{ }} delimiters): each one the page offers, and unescaped
  // ({{{name}}}, {{& name}}) only the markup sfgrant wrote, so no template can print a company's text raw
  if (!page.names.empty()) {
    static const std::regex kTag(R"(\{\{(\{?)\s*([#^/&]?)\s*([^}!>=\s][^}\s]*)\s*\}?\}\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kTag); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[3].str();
      const bool raw = (*it)[1].length() > 0 || (*it)[2].str() == "&";
      const bool markup = name.size() > 5 && name.compare(name.size() - 5, 5, "_html") == 0;
      if (raw && !markup)
        throw Error(location_of(file, text, static_cast<size_t>(it->position(0))),
                    fmt::format("\"{}\" would print \"{}\" unescaped: write {{{{{}}}}} (only the names ending in "
                                "_html are markup)",
                                it->str(), name, name));
      if (name == "." || std::find(page.names.begin(), page.names.end(), name) != page.names.end()) continue;
      const std::optional<std::string> near = closest(name, page.names);
      throw Error(location_of(file, text, static_cast<size_t>(it->position(0))),
                  fmt::format("unknown name \"{}\" in the template (the page's names are listed in "
                              "share/sfgrant/templates/README.md){}",
                              name, near ? fmt::format("; did you mean \"{}\"?", *near) : std::string()));
    }
  }
  // the partials it names (with the default {{ }} delimiters): each must exist, and parse
  static const std::regex kPartial(R"(\{\{\s*>\s*([^}\s]+)\s*\}\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPartial); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1].str();
    const auto found = page.partials.find(name);
    if (found == page.partials.end()) {
      std::string have;
      for (const auto& [known, _] : page.partials) have += (have.empty() ? "" : ", ") + known;
      throw Error(location_of(file, text, static_cast<size_t>(it->position(0))),
                  fmt::format("no partial \"{}\" (a file {}{} beside the template or among the shipped ones: {})", name,
                              name, kSuffix, have.empty() ? "none" : have));
    }
    if (seen.insert(name).second) check_text(page, name + kSuffix, found->second, seen);
  }
}

/// Partials by name from the page's own list, nothing else (kainjow's default looks them up in the data).
class PartialContext : public kainjow::mustache::context<std::string> {
 public:
  PartialContext(const PageTemplate& page, const kainjow::mustache::data* data)
      : kainjow::mustache::context<std::string>(data) {
    for (const auto& [name, text] : page.partials) partials_.emplace(name, kainjow::mustache::data(text));
  }
  const kainjow::mustache::data* get_partial(const std::string& name) const override {
    const auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, kainjow::mustache::data> partials_;
};

}  // namespace

PageTemplate load_page_template(const std::string& file, const std::string& shipped_dir,
                                const std::vector<std::string>& names) {
  PageTemplate page{file, read_data_file(file), {}, names};
  add_partials(shipped_dir, page.partials);
  add_partials(fs::path(file).parent_path().string(), page.partials);
  check_page_template(page);
  return page;
}

void check_page_template(const PageTemplate& page) {
  std::set<std::string> seen;
  check_text(page, page.file, page.text, seen);
}

std::string render_page_template(const PageTemplate& page, const kainjow::mustache::data& context) {
  kainjow::mustache::mustache tmpl{page.text};
  if (!tmpl.is_valid()) parse_error(page.file, page.text, tmpl.error_message());
  tmpl.set_custom_escape([](const std::string& s) { return html_escape(s); });
  PartialContext ctx(page, &context);
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) parse_error(page.file, page.text, tmpl.error_message());
  return out;
}

}  // namespace sfgrant
