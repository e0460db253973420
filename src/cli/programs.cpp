// `sfgrant programs [list | show ID | diff OLD NEW]`: the catalogue of a year (diff: programs_diff.cpp).
#include <fmt/format.h>

#include "commands.h"
#include "programs_diff.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/catalogue.h"

namespace sfgrant::cli {

struct ProgramsOptions {
  CommonOptions common;
  std::string action = "list";
  std::string id;
  ProgramsDiffOptions diff;  ///< `diff`: the second year and --against (the first is `id`)
};

namespace {

int run_programs(const ProgramsOptions& options) {
  if (options.action == "diff") {
    ProgramsDiffOptions diff = options.diff;
    diff.first = options.id;
    return run_programs_diff(options.common, diff);
  }
  if (options.common.format == "markdown") throw Error("--format markdown is for `programs diff`; use table or json");
  // load programs → (find the program) → render
  const Catalogue catalogue = load_catalogue(options.common);
  const auto as_of = resolve_as_of(options.common);
  const RenderOptions ro = render_options(options.common);
  const Format format = resolve_format(options.common);
  if (options.action == "list") {
    render_catalogue(catalogue, as_of, ro, format, std::cout);
    return kExitOk;
  }
  if (options.id.empty()) throw Error("programs show needs a program id; see `sfgrant programs list`");
  render_program(find_program(catalogue, options.id), catalogue, as_of, ro, format, std::cout);
  return kExitOk;
}

}  // namespace

Runner setup_programs(CLI::App& app) {
  auto options = std::make_shared<ProgramsOptions>();
  CLI::App* sub = app.add_subcommand("programs", "the catalogue of a year: caps, ratios, months, windows, sources");
  sub->add_option("ACTION", options->action, "list (default), show or diff")
      ->transform(CLI::IsMember({"list", "show", "diff"}));
  sub->add_option("ID", options->id, "program id for show; the OLD year for diff");
  sub->add_option("NEW", options->diff.second, "diff: the NEW year (with --against, default: the same year)");
  sub->add_option("--against", options->diff.against,
                  "diff: compare with this other data folder (e.g. a pull request's programs/)");
  add_common(*sub, options->common, false);
  add_no_cache_option(*sub, options->common);
  sub->add_option("--format", options->common.format, "output format (markdown: diff only)")
      ->transform(CLI::IsMember({"table", "json", "markdown"}));
  return [options] { return run_programs(*options); };
}

}  // namespace sfgrant::cli
