#pragma once
/// Options every subcommand shares (SPEC §2) and the helpers that turn them into engine inputs.
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <string>

#include "sfgrant/model/error.h"
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
};

void add_common(CLI::App& app, CommonOptions& options, bool with_format = true);
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

}  // namespace sfgrant::cli
