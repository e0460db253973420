#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant::cli {

void setup_programs(CLI::App& app, std::shared_ptr<ProgramsOptions> options) {
  CLI::App* sub = app.add_subcommand("programs", "the catalogue of a year: caps, ratios, months, windows, sources");
  sub->add_option("ACTION", options->action, "list (default) or show")->transform(CLI::IsMember({"list", "show"}));
  sub->add_option("ID", options->id, "program id for show");
  add_common(*sub, options->common);
}

int run_programs(const ProgramsOptions& options) {
  const Catalogue catalogue = load_catalogue(options.common);
  const auto as_of = resolve_as_of(options.common);
  RenderOptions ro;
  ro.lang = resolve_lang(options.common);
  ro.width = terminal_width();
  ro.color = use_color(options.common);
  const bool json = resolve_format(options.common) == Format::json;
  if (options.action == "list") {
    if (json) std::cout << catalogue_json(catalogue, as_of, ro.lang).dump(2) << '\n';
    else render_catalogue_table(catalogue, as_of, ro, std::cout);
    return kExitOk;
  }
  if (options.id.empty()) throw Error("programs show needs a program id; see `sfgrant programs list`");
  const Program* p = catalogue.find_program(options.id);
  if (p == nullptr) {
    std::vector<std::string> ids;
    for (const auto& prog : catalogue.programs) ids.push_back(prog.id);
    std::string message = fmt::format("unknown program \"{}\" in {}", options.id, catalogue.year);
    if (auto near = closest(options.id, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
    throw Error(message);
  }
  if (json) std::cout << program_info_json(*p, as_of, ro.lang, catalogue.year).dump(2) << '\n';
  else render_program_info(*p, catalogue, as_of, ro, std::cout);
  return kExitOk;
}

}  // namespace sfgrant::cli
