// `sfgrant programs [list | show ID]`: the catalogue of a year.
#include <fmt/format.h>

#include "commands.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/catalogue.h"

namespace sfgrant::cli {

struct ProgramsOptions {
  CommonOptions common;
  std::string action = "list";
  std::string id;
};

namespace {

int run_programs(const ProgramsOptions& options) {
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
  sub->add_option("ACTION", options->action, "list (default) or show")->transform(CLI::IsMember({"list", "show"}));
  sub->add_option("ID", options->id, "program id for show");
  add_common(*sub, options->common);
  return [options] { return run_programs(*options); };
}

}  // namespace sfgrant::cli
