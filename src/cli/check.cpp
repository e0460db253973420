// `sfgrant check PROFILE`: one company against a year's programs.
#include "sfgrant/render/check.h"
#include "commands.h"
#include "programs_diff.h"
#include "sfgrant/engine/catalogue_diff.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/what_if.h"
#include "sfgrant/engine/what_it_takes.h"

namespace sfgrant::cli {

struct CheckOptions {
  CommonOptions common;
  std::string profile;
  std::vector<std::string> costs;  ///< --cost AMOUNT | PROGRAM[:TRACK]=AMOUNT, repeatable
  bool all = false;
  bool explain = false;
  bool next_steps = false;
  bool open_only = false;
  std::vector<std::string> set;  ///< --set PATH=VALUE (what if)
  bool what_it_takes = false;
  std::string compare;  ///< --compare YEAR
};

namespace {

constexpr const char* kSetHelp =
    "what if: evaluate the profile with PATH=VALUE changed beside the original and show what changes "
    "(repeatable; PATH+=ITEM adds to a list, PATH= makes it unknown), e.g. --set "
    "smart_factory.target_level=intermediate2";

constexpr const char* kWhatItTakesHelp =
    "for each ineligible program, the smallest change in what the company controls (paying tax arrears, resuming "
    "a suspended business, target level, total cost, consortium, level check, selections it can apply for) that "
    "opens it, or the rule that blocks it";

/// `--compare YEAR`: the same profile against that year's programs of the same folder.
struct OtherYear {
  Catalogue catalogue;
  Evaluation evaluation;
};
OtherYear evaluate_other_year(const CheckOptions& options, const Profile& profile, const EvaluateOptions& eo) {
  OtherYear other{load_year_of(options.common, resolve_programs_dir(options.common), options.compare, "--compare"), {}};
  Profile copy = profile;
  derive_facts(copy, other.catalogue.industries);  // that year's industry tables
  other.evaluation = evaluate(other.catalogue, copy, eo);
  return other;
}

/// `--open`: only the programs whose window is open, upcoming or rolling.
void keep_open_windows(Evaluation& ev) {
  std::vector<ProgramEvaluation> kept;
  for (auto& pe : ev.programs)
    if (pe.window == WindowState::open || pe.window == WindowState::upcoming || pe.window == WindowState::rolling)
      kept.push_back(std::move(pe));
  ev.programs = std::move(kept);
}

int run_check(const CheckOptions& options) {
  // load programs → load profile, apply costs, derive facts, evaluate (with its splits) → what if → render
  const Catalogue catalogue = load_catalogue(options.common);
  std::vector<Setting> settings;
  for (const std::string& s : options.set) settings.push_back(parse_setting(s));
  const Format format = resolve_format(options.common);
  if (format == Format::markdown &&
      (!settings.empty() || options.what_it_takes || options.explain || options.next_steps || !options.compare.empty()))
    throw Error(
        "--format markdown shows the check itself: use --format table or json with --set, --what-it-takes, "
        "--explain, --next-steps or --compare");
  std::optional<CheckedProfile> checked = check_profile(catalogue, options.common, options.profile, options.costs);
  if (!checked) return kExitUsage;
  const Profile& profile = checked->profile;
  const EvaluateOptions& eo = checked->options;
  Evaluation& ev = checked->evaluation;
  if (options.open_only) keep_open_windows(ev);
  std::optional<WhatIf> changed;
  if (!settings.empty()) changed = what_if(catalogue, profile, ev, settings, eo);
  std::optional<WhatItTakes> reaches;
  if (options.what_it_takes) reaches = what_it_takes(catalogue, ev, profile, eo);
  std::optional<OtherYear> other;
  std::optional<CatalogueDiff> diff;
  std::optional<YearComparison> compared;
  if (!options.compare.empty()) {
    other = evaluate_other_year(options, profile, eo);
    diff = diff_catalogues(other->catalogue, catalogue);
    compared = compare_years(*diff, other->evaluation, ev);
  }

  RenderOptions ro = render_options(options.common);
  ro.all = options.all;
  ro.explain = options.explain;
  ro.next_steps = options.next_steps;
  render_check({ev, profile, changed ? &*changed : nullptr, reaches ? &*reaches : nullptr, newest_year(options.common),
                compared ? &*compared : nullptr},
               ro, format, std::cout);
  // the exit status is the original profile's (SPEC §2); a what-if does not change it
  for (const auto& pe : ev.programs)
    if (pe.status != Status::ineligible) return kExitOk;
  return kExitNone;
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "evaluate one company profile against a year's programs");
  sub->add_option("PROFILE", options->profile, "company profile YAML (- for standard input)")->required();
  add_common(*sub, options->common, true, {"table", "json", "markdown"});
  add_no_cache_option(*sub, options->common);
  add_cost_option(*sub, options->costs);
  sub->add_flag("--all", options->all, "also list ineligible programs and why");
  sub->add_flag("--explain", options->explain, "every rule with its result, the company's value and the citation");
  sub->add_flag("--next-steps", options->next_steps, "documents, where to apply and whom to call");
  sub->add_flag("--open", options->open_only, "only programs whose window is open, upcoming or rolling");
  sub->add_option("--set", options->set, kSetHelp)->type_name("PATH=VALUE");
  sub->add_flag("--what-it-takes", options->what_it_takes, kWhatItTakesHelp);
  sub->add_option("--compare", options->compare,
                  "the same company against YEAR's programs too, side by side per program, with the rule or money "
                  "change that made the difference")
      ->type_name("YEAR");
  return [options] { return run_check(*options); };
}

}  // namespace sfgrant::cli
