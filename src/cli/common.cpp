#include "common.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/catalogue_cache.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/diagnostics.h"
#include "sfgrant/render/words.h"
#include "sfgrant/text/file.h"
#include "sfgrant/text/table.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

CLI::Option* add_year_option(CLI::App& app, int& year) {
  // checked as text before CLI11 converts it: its integer parsing reads "03752" as octal
  const CLI::Validator four_digits(
      [](std::string& text) -> std::string {
        const bool ok = text.size() == 4 && text[0] >= '1' && text[0] <= '9' &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        return ok ? std::string() : fmt::format("a year is 4 decimal digits, like 2026: \"{}\"", text);
      },
      "YEAR");
  return app.add_option("--year", year, "program year (default: the newest)")->check(four_digits);
}

void add_common(CLI::App& app, CommonOptions& options, bool with_format, const std::vector<std::string>& formats) {
  app.add_option("--programs", options.programs,
                 "program data folder (default: $SFGRANT_PROGRAMS, the installed data, ./programs)");
  add_year_option(app, options.year);
  if (with_format) app.add_option("--format", options.format, "output format")->transform(CLI::IsMember(formats));
  app.add_option("--lang", options.lang, "language of labels and messages")->transform(CLI::IsMember({"ko", "en"}));
  app.add_option("--as-of", options.as_of,
                 "date for application windows, YYYY-MM-DD (default: today in Korea, Asia/Seoul)");
  app.add_flag("--no-color", options.no_color, "no colours (also $NO_COLOR, TERM=dumb, or output not a terminal)");
}

void add_no_cache_option(CLI::App& app, CommonOptions& options) {
  app.add_flag(
      "--no-cache", options.no_cache,
      "read the program YAML even when a snapshot of it is cached (in $XDG_CACHE_HOME/sfgrant), and keep none");
}

std::string resolve_programs_dir(const CommonOptions& options) {
  if (!options.programs.empty()) return options.programs;
  if (const char* env = std::getenv("SFGRANT_PROGRAMS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  // relative to the executable: <prefix>/bin/sfgrant → <prefix>/share/sfgrant/programs
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "sfgrant" / "programs";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  if (fs::is_directory(SFGRANT_DATA_DIR, ec)) return SFGRANT_DATA_DIR;
  if (fs::is_directory("programs", ec)) return "programs";
  if (fs::is_directory(SFGRANT_SOURCE_PROGRAMS, ec)) return SFGRANT_SOURCE_PROGRAMS;
  return "programs";
}

int resolve_year(const CommonOptions& options, const std::string& programs_dir) {
  auto years = available_years(programs_dir);
  if (years.empty())
    throw Error(Location{programs_dir},
                "no program years found (expected folders like programs/2026); use --programs DIR");
  if (options.year == 0) return years.back();
  if (std::find(years.begin(), years.end(), options.year) == years.end())
    throw Error(Location{programs_dir}, fmt::format("--year {}: no program data for {} here; the years there are {}",
                                                    options.year, options.year, fmt::join(years, ", ")));
  return options.year;
}

Date resolve_as_of(const CommonOptions& options) {
  if (options.as_of.empty()) return today();
  auto d = Date::parse(options.as_of);
  if (!d || d->day == 0) throw Error(fmt::format("invalid --as-of \"{}\": expected a date YYYY-MM-DD", options.as_of));
  return *d;
}

Lang resolve_lang(const CommonOptions& options) { return options.lang == "en" ? Lang::en : Lang::ko; }

Format resolve_format(const CommonOptions& options) {
  if (options.format == "json") return Format::json;
  return options.format == "markdown" ? Format::markdown : Format::table;
}

int terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != nullptr && *end == '\0' && n > 0 && n < 10000) return static_cast<int>(n);
  }
  if (!isatty(STDOUT_FILENO)) return 0;
  winsize w{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 0;
}

bool use_color(const CommonOptions& options) {
  if (options.no_color) return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

namespace {

/// With SFGRANT_CACHE_TRACE set (not empty), each load of a year says on stderr what the cache did:
/// `sfgrant: cache hit|stored|off FILE` or `sfgrant: cache not stored (why) FILE`, for tests and for
/// people checking it (README "Start-up cache").
void trace_cache(const CacheUse& u) {
  const char* env = std::getenv("SFGRANT_CACHE_TRACE");
  if (env == nullptr || *env == '\0') return;
  switch (u.kind) {
    case CacheUse::Kind::off:
      std::cerr << "sfgrant: cache off\n";
      break;
    case CacheUse::Kind::hit:
      std::cerr << "sfgrant: cache hit " << u.file << "\n";
      break;
    case CacheUse::Kind::stored:
      std::cerr << "sfgrant: cache stored " << u.file << "\n";
      break;
    case CacheUse::Kind::not_stored:
      std::cerr << "sfgrant: cache not stored (" << u.reason << ") " << u.file << "\n";
  }
}

}  // namespace

Catalogue load_catalogue(const CommonOptions& options) {
  const std::string dir = resolve_programs_dir(options);
  const int year = resolve_year(options, dir);
  Diagnostics diags;
  CacheUse use;
  Catalogue cat = load_year_cached(dir, year, diags, CacheOptions{!options.no_cache, {}}, &use);
  trace_cache(use);
  if (diags.has_errors()) {
    for (const auto& d : diags.items())
      if (d.severity == Severity::error) print_diagnostic(std::cerr, d);
    throw Error(Location{cat.folder},
                fmt::format("the {} program data has {} error(s); run `sfgrant validate`", year, diags.error_count()));
  }
  return cat;
}

int newest_year(const CommonOptions& options) {
  const auto years = available_years(resolve_programs_dir(options));
  return years.empty() ? 0 : years.back();
}

RenderOptions render_options(const CommonOptions& options) {
  RenderOptions ro;
  ro.lang = resolve_lang(options);
  ro.width = terminal_width();
  ro.color = use_color(options);
  return ro;
}

const Program& find_program(const Catalogue& catalogue, const std::string& id) {
  if (const Program* p = catalogue.find_program(id)) return *p;
  std::vector<std::string> ids;
  for (const auto& p : catalogue.programs) ids.push_back(p.id);
  std::string message = fmt::format("unknown program \"{}\" in {}", id, catalogue.year);
  if (auto near = closest(id, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
  throw Error(message + "; see `sfgrant programs list`");
}

Won parse_amount_option(const std::string& text, const char* option) {
  try {
    return parse_amount(text);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", option, e.message()));
  }
}

void add_cost_option(CLI::App& app, std::vector<std::string>& values) {
  app.add_option("--cost", values,
                 "the build budget, over plan.total_cost (e.g. 4억원); or PROGRAM[:TRACK]=AMOUNT, a program's own "
                 "cost, over plan.costs (e.g. level-check=100만원); repeatable")
      ->type_name("AMOUNT|PROGRAM[:TRACK]=AMOUNT");
}

CostOptions parse_cost_options(const std::vector<std::string>& values) {
  CostOptions costs;
  for (const std::string& v : values) {
    const auto eq = v.find('=');
    if (eq == std::string::npos) {
      if (costs.total)
        throw Error(fmt::format("--cost {}: the build budget is already given (--cost {})", v, *costs.total));
      costs.total = parse_amount_option(v, "--cost");
      continue;
    }
    Profile scratch;  // the profile's own checks of the key and the amount
    try {
      assign_program_cost(scratch, v.substr(0, eq), v.substr(eq + 1), Location{"--cost " + v});
    } catch (const Error& e) {
      throw Error(e.where(), e.message());
    }
    for (const ProgramCost& c : costs.programs)
      if (c.key == scratch.program_costs().front().key)
        throw Error(fmt::format("--cost {}: {} is already given", v, c.key));
    costs.programs.push_back(scratch.program_costs().front());
  }
  return costs;
}

void apply_cost_options(Profile& profile, const CostOptions& costs) {
  if (costs.total) apply_cost(profile, *costs.total);  // rules and questions see it too
  for (const ProgramCost& c : costs.programs) profile.set_program_cost(c);
}

bool OtherYearCosts::knows(const std::string& key) {
  std::call_once(loaded_, [this] {
    for (const int y : available_years(resolve_programs_dir(options_))) {
      if (y == year_) continue;
      CommonOptions other = options_;
      other.year = y;
      try {
        Diagnostics ignored;  // a year that does not load knows no keys; `validate` is where it is reported
        const Catalogue cat =
            load_year_cached(resolve_programs_dir(other), y, ignored, CacheOptions{!options_.no_cache, {}});
        if (ignored.has_errors()) continue;
        for (std::string& k : cost_keys(cat)) keys_.push_back(std::move(k));
      } catch (const Error&) {
      }
    }
  });
  return std::find(keys_.begin(), keys_.end(), key) != keys_.end();
}

std::optional<std::string> cost_key_error(const Catalogue& catalogue, const CostKeyProblem& problem, Lang lang,
                                          OtherYearCosts& others) {
  if (problem.code != CostKeyProblem::Code::no_money && others.knows(problem.entry->key)) return std::nullopt;
  return cost_key_problem_text(problem, catalogue.year, lang);
}

bool report_cost_keys(const Catalogue& catalogue, const Profile& profile, Lang lang, OtherYearCosts& others) {
  bool errors = false;
  for (const CostKeyProblem& p : cost_key_problems(catalogue, profile)) {
    const std::optional<std::string> error = cost_key_error(catalogue, p, lang, others);
    errors = errors || error.has_value();
    print_diagnostic(std::cerr,
                     error ? Diagnostic{Severity::error, p.entry->where, *error, "unknown-program"}
                           : Diagnostic{Severity::warning, p.entry->where,
                                        cost_key_unused_text(p.entry->key, catalogue.year, lang), "other-year"});
  }
  return errors;
}

std::optional<CheckedProfile> check_profile(const Catalogue& catalogue, const CommonOptions& common,
                                            const std::string& profile_path, const std::vector<std::string>& costs) {
  Diagnostics diags;
  CheckedProfile out{
      load_profile(read_file(profile_path), profile_path == "-" ? "<stdin>" : profile_path, diags), {}, {}};
  if (diags.has_errors()) {
    for (const auto& d : diags.items()) print_diagnostic(std::cerr, d);
    return std::nullopt;
  }
  out.options.as_of = resolve_as_of(common);
  const CostOptions given = parse_cost_options(costs);
  out.options.cost = given.total;
  apply_cost_options(out.profile, given);  // as if written in the profile: rules and questions see it too
  OtherYearCosts other_years(common, catalogue.year);
  if (report_cost_keys(catalogue, out.profile, resolve_lang(common), other_years)) return std::nullopt;
  derive_facts(out.profile, catalogue.industries);
  out.evaluation = evaluate(catalogue, out.profile, out.options);
  return out;
}

std::time_t generation_time() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return std::time(nullptr);
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (errno != 0 || *end != '\0' || seconds < 0)
    throw Error(fmt::format("invalid SOURCE_DATE_EPOCH \"{}\": expected seconds since 1970-01-01", epoch));
  return static_cast<std::time_t>(seconds);
}

}  // namespace sfgrant::cli
