// `sfgrant split PROGRAM[:TRACK] --cost AMOUNT`: one track's cost split, no profile needed.
#include <fmt/format.h>

#include "commands.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/render/split.h"
#include "sfgrant/render/words.h"

namespace sfgrant::cli {

struct SplitOptions {
  CommonOptions common;
  std::string target;  ///< PROGRAM[:TRACK]
  std::string cost;
  std::string level;
  std::string target_level;
  std::vector<std::string> yearly;
};

namespace {

std::optional<int> level_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  auto idx = level_vocabulary().find(text);
  if (!idx)
    throw Error(fmt::format("invalid {} \"{}\": expected one of {}", option, text, level_vocabulary().describe()));
  return *idx;
}

/// The track named after the colon, or the program's only track; errors list the tracks.
const Track& find_track(const Program& program, const std::string& track_id, Lang lang) {
  std::vector<std::string> ids;
  for (const auto& t : program.tracks) ids.push_back(t.id);
  const Track* track = nullptr;
  if (track_id.empty()) {
    if (program.tracks.size() != 1)
      throw Error(fmt::format("{} has several tracks; name one: {}", program.id, fmt::join(ids, ", ")));
    track = &program.tracks.front();
  } else {
    track = program.find_track(track_id);
    if (track == nullptr)
      throw Error(
          fmt::format("unknown track \"{}\" of {}; expected one of {}", track_id, program.id, fmt::join(ids, ", ")));
  }
  if (!track->has_money()) {
    const std::string why = track->notes.empty() ? "" : " (" + track->notes.front().text.in(lang) + ")";
    throw Error(fmt::format("{}:{} has no cap and ratio to split by{}", program.id, track->id, why));
  }
  return *track;
}

int run_split(const SplitOptions& options) {
  // load programs → find the track → its cap for the levels → split the cost → render
  const Catalogue catalogue = load_catalogue(options.common);
  const auto colon = options.target.find(':');
  const Program& program = find_program(catalogue, options.target.substr(0, colon));
  const Track& track = find_track(program, colon == std::string::npos ? "" : options.target.substr(colon + 1),
                                  resolve_lang(options.common));
  const Won cost = parse_amount_option(options.cost, "--cost");
  std::vector<Won> yearly;
  for (const auto& y : options.yearly) yearly.push_back(parse_amount_option(y, "--years"));
  const auto level = level_option(options.level, "--level");
  const auto target = level_option(options.target_level, "--target-level");
  const auto cap = cap_for_levels(track, level, target);
  if (!cap) {
    if (!level || !target)
      throw Error(
          fmt::format("{}:{} has a level-dependent cap: give --level and --target-level", program.id, track.id));
    throw Error(fmt::format("{}:{} has no cap for {} → {} (see `sfgrant programs show {}`)", program.id, track.id,
                            options.level, options.target_level, program.id));
  }
  SplitProblem problem;
  std::optional<Split> split = split_cost(track, *cap, cost, yearly, problem);
  if (!split) throw Error(split_problem_text(problem, track, Lang::en));
  // the cost given is this track's: a build budget for a build track, the track's own cost otherwise
  split->basis = track.cost == CostBasis::own ? SplitBasis::program : SplitBasis::plan;
  render_split({catalogue.year, program, track, *cap, *split, full_support_cost(track, *cap)},
               render_options(options.common), resolve_format(options.common), std::cout);
  return kExitOk;
}

}  // namespace

Runner setup_split(CLI::App& app) {
  auto options = std::make_shared<SplitOptions>();
  CLI::App* sub = app.add_subcommand("split", "government / private cost split of one track, no profile needed");
  sub->add_option("PROGRAM", options->target, "PROGRAM[:TRACK], e.g. government:advanced")->required();
  sub->add_option("--cost", options->cost, "total project cost, e.g. 4억원 or 400,000,000")->required();
  sub->add_option("--level", options->level, "current smart factory level (level-dependent caps)");
  sub->add_option("--target-level", options->target_level, "target level (level-dependent caps)");
  sub->add_option("--years", options->yearly,
                  "cost of each year for multi-year tracks, e.g. --years 6억원 --years 6억원");
  add_common(*sub, options->common);
  add_no_cache_option(*sub, options->common);
  return [options] { return run_split(*options); };
}

}  // namespace sfgrant::cli
