// `sfgrant report PROFILE`: `check`'s answer as a print-ready HTML page for the client.
#include "sfgrant/render/report.h"

#include <fmt/format.h>

#include <ctime>
#include <sstream>

#include "commands.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/output.h"
#include "templates.h"

namespace sfgrant::cli {

struct ReportOptions {
  CommonOptions common;
  std::string profile;
  std::vector<std::string> costs;  ///< --cost AMOUNT | PROGRAM[:TRACK]=AMOUNT, repeatable
  std::string output;              ///< -o FILE; empty or "-" for standard output
  std::string page_template;       ///< --template FILE; empty: the shipped report.html.mustache
};

namespace {

int run_report(const ReportOptions& options) {
  // load the template → load programs → load profile, apply costs, derive facts, evaluate → render the
  // page → write it whole (a bad template stops the run before -o is touched)
  const PageTemplate page = load_template("report.html", options.page_template, report_template_names());
  const Catalogue catalogue = load_catalogue(options.common);
  const std::optional<CheckedProfile> checked =
      check_profile(catalogue, options.common, options.profile, options.costs);
  if (!checked) return kExitUsage;
  const ReportInput input{checked->evaluation, checked->profile, SFGRANT_VERSION, generation_time()};
  std::ostringstream html;
  render_report(input, resolve_lang(options.common), page, html);
  if (options.output.empty() || options.output == "-") {
    std::cout << html.str();
  } else {
    AtomicFile file(options.output, {options.profile});
    OutputStream out(file.fd(), options.output);
    out << html.str();
    out.finish();
    file.commit();
  }
  for (const auto& pe : checked->evaluation.programs)
    if (pe.status != Status::ineligible) return kExitOk;
  return kExitNone;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* sub = app.add_subcommand(
      "report",
      "one company's check as a self-contained, print-ready HTML report for the client (A4; inline CSS and SVG, "
      "no script, nothing fetched)");
  sub->add_option("PROFILE", options->profile, "company profile YAML (- for standard input)")->required();
  add_common(*sub, options->common, false);
  add_no_cache_option(*sub, options->common);
  add_cost_option(*sub, options->costs);
  sub->add_option("-o,--output", options->output,
                  "the HTML file, replaced whole or not at all (- or none: standard output)")
      ->type_name("FILE");
  sub->add_option("--template", options->page_template,
                  "lay the page out with this mustache template instead of the shipped one (an agency's "
                  "letterhead; names in share/sfgrant/templates/README.md)")
      ->type_name("FILE");
  sub->footer(
      "The page says when it was made: now, or $SOURCE_DATE_EPOCH (seconds since 1970) for reproducible files.\n"
      "Exit status: 0 a program is eligible or possible, 1 none is (the report is written either way), 2 bad input.");
  return [options] { return run_report(*options); };
}

}  // namespace sfgrant::cli
