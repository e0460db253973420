// sfgrant: eligibility and budget calculator for Korea's smart manufacturing support programs.
// main only wires the subcommands; each lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.h"
#include "sfgrant/model/error.h"

int main(int argc, char** argv) {
  using namespace sfgrant::cli;
  CLI::App app{"sfgrant — 스마트 제조혁신 지원사업 eligibility and budget calculator"};
  app.set_version_flag("--version", std::string("sfgrant ") + SFGRANT_VERSION);
  app.require_subcommand(1);
  const std::vector<std::pair<const char*, Runner>> commands = {
      {"check", setup_check(app)},       {"batch", setup_batch(app)},       {"split", setup_split(app)},
      {"programs", setup_programs(app)}, {"validate", setup_validate(app)}, {"test", setup_test(app)},
      {"schema", setup_schema(app)},     {"score", setup_score(app)},       {"interview", setup_interview(app)},
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  try {
    for (const auto& [name, run] : commands)
      if (app.got_subcommand(name)) return run();
  } catch (const sfgrant::Error& e) {
    std::cerr << "sfgrant: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "sfgrant: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
