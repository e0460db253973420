#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/whatif.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/file.h"

namespace sfgrant::cli {
namespace {

constexpr const char* kSetHelp =
    "what if: evaluate the profile with PATH=VALUE changed beside the original and show what changes "
    "(repeatable; PATH+=ITEM adds to a list, PATH= makes it unknown), e.g. --set smart_factory.target_level=intermediate2";

constexpr const char* kWhatItTakesHelp =
    "for each ineligible program, the smallest change in what the company controls (target level, total cost, "
    "consortium, level check, selections it can apply for) that opens it, or the rule that blocks it";

}  // namespace

void setup_check(CLI::App& app, std::shared_ptr<CheckOptions> options) {
  CLI::App* sub = app.add_subcommand("check", "evaluate one company profile against a year's programs");
  sub->add_option("PROFILE", options->profile, "company profile YAML (- for standard input)")->required();
  add_common(*sub, options->common);
  sub->add_option("--cost", options->cost, "total project cost, overrides plan.total_cost (e.g. 4억원)");
  sub->add_flag("--all", options->all, "also list ineligible programs and why");
  sub->add_flag("--explain", options->explain, "every rule with its result, the company's value and the citation");
  sub->add_flag("--next-steps", options->next_steps, "documents, where to apply and whom to call");
  sub->add_flag("--open", options->open_only, "only programs whose window is open, upcoming or rolling");
  sub->add_option("--set", options->set, kSetHelp)->type_name("PATH=VALUE");
  sub->add_flag("--what-it-takes", options->what_it_takes, kWhatItTakesHelp);
}

int run_check(const CheckOptions& options) {
  // load programs → load profile → evaluate → split costs → (what if) → render
  const Catalogue catalogue = load_catalogue(options.common);
  std::vector<Setting> settings;
  for (const std::string& s : options.set) settings.push_back(parse_setting(s));
  const std::string name = options.profile == "-" ? "<stdin>" : options.profile;
  Diagnostics diags;
  Profile profile = load_profile(read_file(options.profile), name, diags);
  if (diags.has_errors()) {
    for (const auto& d : diags.items()) print_diagnostic(std::cerr, d);
    return kExitUsage;
  }
  derive_facts(profile, catalogue.industries);
  EvaluateOptions eo;
  eo.as_of = resolve_as_of(options.common);
  if (!options.cost.empty()) {
    try {
      eo.cost = parse_amount(options.cost);
    } catch (const Error& e) {
      throw Error("--cost: " + e.message());
    }
  }
  Evaluation ev = evaluate(catalogue, profile, eo);
  if (options.open_only) {
    std::vector<ProgramEvaluation> kept;
    for (auto& pe : ev.programs)
      if (pe.window == WindowState::open || pe.window == WindowState::upcoming || pe.window == WindowState::rolling)
        kept.push_back(std::move(pe));
    ev.programs = std::move(kept);
  }
  std::optional<WhatIf> changed;
  if (!settings.empty()) changed = what_if(catalogue, profile, ev, settings, eo);
  std::optional<std::vector<Reach>> reaches;
  if (options.what_it_takes) reaches = what_it_takes(catalogue, ev, profile, eo);

  RenderOptions ro;
  ro.lang = resolve_lang(options.common);
  ro.all = options.all;
  ro.explain = options.explain;
  ro.next_steps = options.next_steps;
  ro.width = terminal_width();
  ro.color = use_color(options.common);
  if (resolve_format(options.common) == Format::json) {
    nlohmann::ordered_json j = check_json(ev, profile, ro);
    if (changed) j["what_if"] = what_if_json(*changed, profile, ro.lang);
    if (reaches) j["what_it_takes"] = what_it_takes_json(*reaches, profile, ro.lang);
    std::cout << j.dump(2) << '\n';
  } else {
    render_check_table(ev, profile, ro, std::cout);
    if (changed) render_what_if_table(*changed, profile, ro, std::cout);
    if (reaches) render_what_it_takes(*reaches, profile, ro, std::cout);
  }
  // the exit status is the original profile's (SPEC §2); a what-if does not change it
  for (const auto& pe : ev.programs)
    if (pe.status != Status::ineligible) return kExitOk;
  return kExitNone;
}

}  // namespace sfgrant::cli
