#pragma once
/// Options every subcommand shares (SPEC §2) and the helpers that turn them into engine inputs.
#include <CLI/CLI.hpp>

#include <ctime>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"
#include "sfgrant/render/format.h"

namespace sfgrant::cli {

/// Exit codes (SPEC §2).
constexpr int kExitOk = 0;
constexpr int kExitNone = 1;
constexpr int kExitUsage = 2;

struct CommonOptions {
  std::string programs;  ///< --programs
  int year = 0;          ///< --year; 0 = newest
  std::string format = "table";
  std::string lang = "ko";
  std::string as_of;      ///< --as-of YYYY-MM-DD; empty = today
  bool no_color = false;  ///< --no-color
  bool no_cache = false;  ///< --no-cache: read the YAML, keep no snapshot (README "Start-up cache")
};

/// `formats`: the --format values the command takes (the first is the default's, `table`).
void add_common(CLI::App& app, CommonOptions& options, bool with_format = true,
                const std::vector<std::string>& formats = {"table", "json"});
/// --no-cache, for the commands that load a year through load_catalogue
void add_no_cache_option(CLI::App& app, CommonOptions& options);
/// --year: 4 decimal digits ("03752" is refused, not read as octal), exit 2 otherwise.
CLI::Option* add_year_option(CLI::App& app, int& year);

/// --programs, else $SFGRANT_PROGRAMS, else the installed data folder, else the source tree's,
/// else ./programs.
std::string resolve_programs_dir(const CommonOptions& options);
int resolve_year(const CommonOptions& options, const std::string& programs_dir);
Date resolve_as_of(const CommonOptions& options);
Lang resolve_lang(const CommonOptions& options);
Format resolve_format(const CommonOptions& options);
/// Columns to fit tables in: $COLUMNS when set to a number, else the terminal's width when
/// standard output is one, else 0 (no limit: pipes and files get whole lines).
int terminal_width();
/// Colour only on a terminal, and never with --no-color, $NO_COLOR (set and not empty) or TERM=dumb.
bool use_color(const CommonOptions& options);

/// The language, terminal width and colour every table renderer takes.
RenderOptions render_options(const CommonOptions& options);

/// The newest year in the programs folder (0 when there is none).
int newest_year(const CommonOptions& options);

/// Loads the year, printing every problem and throwing when it cannot be used.
Catalogue load_catalogue(const CommonOptions& options);

/// The program with this id, or an error with "did you mean" and where to look.
const Program& find_program(const Catalogue& catalogue, const std::string& id);

/// A parsed amount option (`--cost 4억원`), or an error naming the option.
Won parse_amount_option(const std::string& text, const char* option);

/// `--cost`, repeatable (SPEC §3): AMOUNT is the build budget (`plan.total_cost`), PROGRAM=AMOUNT or
/// PROGRAM:TRACK=AMOUNT a program's or track's own cost (`plan.costs`); each as if written in the
/// profile, over what it says.
struct CostOptions {
  std::optional<Won> total;
  std::vector<ProgramCost> programs;
};
/// `--cost`, repeatable, as `check` and `report` take it.
void add_cost_option(CLI::App& app, std::vector<std::string>& values);
CostOptions parse_cost_options(const std::vector<std::string>& values);
/// Writes them into a profile, as the profile would hold them.
void apply_cost_options(Profile& profile, const CostOptions& costs);
/// The `plan.costs` keys of the other years of the programs folder, read the first time they are
/// asked for (thread-safe). One profile is checked against several years: its entry for a 2026
/// program is not an error in 2021, only not used there.
class OtherYearCosts {
 public:
  OtherYearCosts(CommonOptions options, int year) : options_(std::move(options)), year_(year) {}
  bool knows(const std::string& key);

 private:
  CommonOptions options_;
  int year_;
  std::once_flag loaded_;
  std::vector<std::string> keys_;
};
/// Why a `plan.costs` entry stops the company's evaluation, in the user's language; nothing when it
/// names a program of another year (a warning, when `warn` is given, says it is not used).
std::optional<std::string> cost_key_error(const Catalogue& catalogue, const CostKeyProblem& problem, Lang lang,
                                          OtherYearCosts& others);
/// The problems of `plan.costs` entries (the profile's and --cost's) against the catalogue, printed
/// (errors, and warnings for entries of other years); true when there were errors.
bool report_cost_keys(const Catalogue& catalogue, const Profile& profile, Lang lang, OtherYearCosts& others);

/// One company through the engine as `check` and `report` run it: load profile → apply --cost →
/// derive facts → evaluate (with its splits).
struct CheckedProfile {
  Profile profile;
  EvaluateOptions options;
  Evaluation evaluation;
};
/// Nothing when the profile or a cost key is wrong (the problems printed: exit 2).
std::optional<CheckedProfile> check_profile(const Catalogue& catalogue, const CommonOptions& common,
                                            const std::string& profile_path, const std::vector<std::string>& costs);

/// The time a report says it was made: $SOURCE_DATE_EPOCH (seconds since 1970, for reproducible
/// output and golden tests), else now.
std::time_t generation_time();

}  // namespace sfgrant::cli
