// sfgrant: eligibility and budget calculator for Korea's smart manufacturing support programs.
// main only wires the subcommands; each lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.h"
#include "sfgrant/model/error.h"
#include "sfgrant/text/output.h"
#include "sfgrant/text/terminal_escape.h"

int main(int argc, char** argv) {
  using namespace sfgrant::cli;
  // every write to standard output is checked: a full disk or a closed pipe (with SIGPIPE ignored)
  // ends the run with exit 2, never a success that lost rows (README "Reliability")
  sfgrant::CheckedStdout out;
  CLI::App app{"sfgrant — 스마트 제조혁신 지원사업 eligibility and budget calculator"};
  app.set_version_flag("--version", std::string("sfgrant ") + SFGRANT_VERSION);
  app.require_subcommand(1);
  const std::vector<std::pair<const char*, Runner>> commands = {
      {"check", setup_check(app)},       {"batch", setup_batch(app)},       {"split", setup_split(app)},
      {"programs", setup_programs(app)}, {"validate", setup_validate(app)}, {"test", setup_test(app)},
      {"schema", setup_schema(app)},     {"score", setup_score(app)},       {"interview", setup_interview(app)},
      {"report", setup_report(app)},
  };
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);  // --help and --version print to standard output
      out.finish();
      return code == 0 ? 0 : kExitUsage;
    }
    for (const auto& [name, run] : commands)
      if (app.got_subcommand(name)) {
        const int code = run();
        out.finish();
        return code;
      }
  } catch (const sfgrant::Error& e) {
    out.disarm();  // std::cerr flushes std::cout first: a failed stdout must not throw again
    std::cerr << "sfgrant: error: " << sfgrant::escape_for_terminal(e.what()) << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    out.disarm();
    std::cerr << "sfgrant: internal error: " << sfgrant::escape_for_terminal(e.what()) << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
