// The HTML pages' templates (page_template.h): the whole message of a template that cannot be used,
// --template on report and batch --report (a letterhead, hostile text escaped, nothing written on a
// bad template), and the names README.md documents are the ones the pages offer.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "sfgrant/model/error.h"
#include "sfgrant/render/batch_report.h"
#include "sfgrant/render/page_template.h"
#include "sfgrant/render/report.h"
#include "support.h"

using namespace sfgrant;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;
const std::string kShipped = kSource + "/share/sfgrant/templates";

testing::Run run(const std::vector<std::string>& args) {
  testing::Command command;
  command.args = args;
  command.env = {"SOURCE_DATE_EPOCH=1767225600"};  // 2026-01-01 00:00 UTC
  command.unset.push_back("SFGRANT_TEMPLATES");
  return testing::run(command);
}

/// The message of loading `text` as a report template named `name` in a scratch folder ("" when it loads).
std::string template_error(const std::string& text, const std::string& name = "t.mustache") {
  testing::TempDir dir;
  const std::string file = dir.write(name, text);
  try {
    (void)load_page_template(file, kShipped, report_template_names());
  } catch (const Error& e) {
    const std::string what = e.what();
    return what.rfind(dir.path() + "/", 0) == 0 ? what.substr(dir.path().size() + 1) : what;
  }
  return "";
}

/// The names of a README table between `<!-- marker -->` and `<!-- /marker -->`.
std::vector<std::string> readme_names(const std::string& marker) {
  const std::string readme = testing::slurp(kShipped + "/README.md");
  const size_t from = readme.find("<!-- " + marker);
  const size_t to = readme.find("<!-- /" + marker + " -->");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string table = readme.substr(from, to - from);
  static const std::regex kRow(R"(\n\| `([a-z_]+)` \|)");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), kRow); it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1].str());
  return names;
}

}  // namespace

TEST_CASE("a template that cannot be used is refused with its file, line and column", "[template]") {
  CHECK(template_error("<p>{{company}}</p>\n") == "");
  CHECK(template_error("<html>\n<p>{{#company}}{{company}}</p>\n") ==
        "t.mustache:2:4: unclosed section \"company\" \"{{#company}}{{company}}</p>\" in the template (expected "
        "{{name}}, {{{name}}}, {{#name}}…{{/name}}, {{> partial}})");
  CHECK(template_error("<p>{{company</p>\n") ==
        "t.mustache:1:4: unclosed tag \"{{company</p>\" in the template (expected {{name}}, {{{name}}}, "
        "{{#name}}…{{/name}}, {{> partial}})");
  CHECK(template_error("<h1>{{{company}}}</h1>\n") ==
        "t.mustache:1:5: \"{{{company}}}\" would print \"company\" unescaped: write {{company}} (only the names "
        "ending in _html are markup)");
  CHECK(template_error("<h1>{{& company}}</h1>\n").find("t.mustache:1:5: \"{{& company}}\" would print") == 0);
  CHECK(template_error("{{{summary_html}}}\n") == "");
  CHECK(template_error("<p>\n  {{compnay}}</p>\n") ==
        "t.mustache:2:3: unknown name \"compnay\" in the template (the page's names are listed in "
        "share/sfgrant/templates/README.md); did you mean \"company\"?");
  CHECK(template_error("<style>{{> letterhead.css}}</style>\n") ==
        "t.mustache:1:8: no partial \"letterhead.css\" (a file letterhead.css.mustache beside the template or among "
        "the shipped ones: batch-report.css, batch-report.html, report.css, report.html, t)");
  // a partial beside the template is found, and is checked like the template
  testing::TempDir dir;
  dir.write("head.mustache", "<h1>{{compnay}}</h1>\n");
  const std::string file = dir.write("t.mustache", "{{> head}}\n");
  CHECK_THROWS_WITH(load_page_template(file, kShipped, report_template_names()),
                    "head.mustache:1:5: unknown name \"compnay\" in the template (the page's names are listed in "
                    "share/sfgrant/templates/README.md); did you mean \"company\"?");
}

TEST_CASE("report --template lays the page out with an agency's letterhead, the name escaped", "[template][cli]") {
  testing::TempDir dir;
  const std::string profile =
      dir.write("p.yaml", "name: '<script>alert(1)</script>\"><img src=x onerror=alert(1)>'\n" +
                              std::regex_replace(testing::slurp(kSource + "/examples/small-mould-maker.yaml"),
                                                 std::regex("(^|\n)name:[^\n]*"), "$1"));
  const testing::Run r =
      run({"report", profile, "--as-of", "2026-02-15", "--template", "examples/letterhead-report.html.mustache"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(r.out.find("<div class=\"agency\">한빛 스마트제조 컨설팅</div>") != std::string::npos);
  CHECK(r.out.find("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
                   "</bdi> 귀중</h1>") != std::string::npos);
  CHECK(r.out.find("<script") == std::string::npos);
  CHECK(r.out.find("<img") == std::string::npos);
  CHECK(r.out.find("@page { size: A4;") != std::string::npos);  // the shipped styles, through {{> report.css}}
  // the same programs as the shipped layout: every program block of the one is in the other
  const testing::Run shipped = run({"report", profile, "--as-of", "2026-02-15"});
  REQUIRE(shipped.code == 0);
  static const std::regex kBlock(R"(<article class="program"[^>]*>)");
  std::vector<std::string> a;
  std::vector<std::string> b;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kBlock); it != std::sregex_iterator(); ++it)
    a.push_back(it->str());
  for (auto it = std::sregex_iterator(shipped.out.begin(), shipped.out.end(), kBlock); it != std::sregex_iterator();
       ++it)
    b.push_back(it->str());
  CHECK(a.size() == 11);
  CHECK(a == b);
}

TEST_CASE("the shipped template named with --template gives the page without it", "[template][cli]") {
  const std::vector<std::string> report = {"report", "examples/small-mould-maker.yaml", "--as-of", "2026-02-15"};
  std::vector<std::string> with = report;
  with.insert(with.end(), {"--template", "share/sfgrant/templates/report.html.mustache"});
  const testing::Run a = run(report);
  const testing::Run b = run(with);
  CHECK(a.code == 0);
  CHECK(a.out == testing::slurp(kSource + "/tests/golden/report-ko.html"));
  CHECK(b.out == a.out);
}

TEST_CASE("a broken --template writes nothing: an existing -o file and report are untouched", "[template][cli]") {
  testing::TempDir dir;
  const std::string bad = dir.write("bad.mustache", "<h1>{{company}}</h1>\n{{#programs_html}}\n");
  const std::string out = dir.write("out.html", "the client's earlier report\n");
  const testing::Run r = run({"report", "examples/small-mould-maker.yaml", "-o", out, "--template", bad});
  CHECK(r.code == 2);
  CHECK(r.err == "sfgrant: error: " + bad +
                     ":2:1: unclosed section \"programs_html\" \"{{#programs_html}}\" in the template (expected "
                     "{{name}}, {{{name}}}, {{#name}}…{{/name}}, {{> partial}})\n");
  CHECK(testing::slurp(out) == "the client's earlier report\n");
  CHECK(r.out.empty());

  const std::string csv = dir.write("out.csv", "earlier,output\n");
  const std::string summary = dir.write("summary.html", "the earlier summary\n");
  const std::string missing = dir.write("missing.mustache", "<body>{{> letterhead}}</body>\n");
  const testing::Run b =
      run({"batch", "examples/companies.csv", "-o", csv, "--report", summary, "--template", missing});
  CHECK(b.code == 2);
  CHECK(b.err.find(missing + ":1:7: no partial \"letterhead\"") != std::string::npos);
  CHECK(testing::slurp(csv) == "earlier,output\n");  // stopped before the run: -o untouched too
  CHECK(testing::slurp(summary) == "the earlier summary\n");

  const testing::Run alone = run({"batch", "examples/companies.csv", "--template", missing});
  CHECK(alone.code == 2);
  CHECK(alone.err.find("--template lays out --report: give --report FILE.html") != std::string::npos);
}

TEST_CASE("batch --report --template: the agency's layout, the list name escaped", "[template][cli]") {
  testing::TempDir dir;
  const std::string list = dir.path() + "/<img src=x onerror=alert(1)>.csv";
  std::ofstream(list) << testing::slurp(kSource + "/examples/companies.csv");
  const std::string tpl = dir.write(
      "agency.mustache", "<h1>{{list}}</h1><p>{{read}} {{evaluated}} {{rejected}}</p>\n{{{programs_html}}}\n");
  const testing::Run r = run({"batch", list, "--as-of", "2026-02-15", "-o", dir.path() + "/o.csv", "--report",
                              dir.path() + "/r.html", "--template", tpl});
  CHECK(r.code == 1);  // examples/companies.csv has a rejected row
  const std::string html = testing::slurp(dir.path() + "/r.html");
  CHECK(html.rfind("<h1>" + dir.path() + "/&lt;img src=x onerror=alert(1)&gt;.csv</h1><p>13 12 1</p>\n<section>", 0) ==
        0);
  CHECK(html.find("<img") == std::string::npos);
}

TEST_CASE("the template names README.md lists are the ones the pages offer", "[template][docs]") {
  CHECK(readme_names("report-names") == report_template_names());
  CHECK(readme_names("batch-report-names") == batch_report_template_names());
  // and the page sets each: a template asking for every name gets them all for the example company
  std::string every;
  for (const std::string& name : report_template_names()) every += name + "={{#" + name + "}}set{{/" + name + "}}\n";
  testing::TempDir dir;
  const testing::Run r = run({"report", "examples/small-mould-maker.yaml", "--as-of", "2026-02-15", "--template",
                              dir.write("every.mustache", every)});
  CHECK(r.code == 0);
  for (const std::string& name : report_template_names()) CHECK(r.out.find(name + "=set\n") != std::string::npos);
}
