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
  auto check = std::make_shared<CheckOptions>();
  auto split = std::make_shared<SplitOptions>();
  auto programs = std::make_shared<ProgramsOptions>();
  auto validate = std::make_shared<ValidateOptions>();
  auto test = std::make_shared<TestOptions>();
  setup_check(app, check);
  setup_split(app, split);
  setup_programs(app, programs);
  setup_validate(app, validate);
  setup_test(app, test);
  const Runner batch = setup_batch(app);
  const Runner schema = setup_schema(app);
  const Runner score = setup_score(app);
  const Runner interview = setup_interview(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  try {
    if (app.got_subcommand("check")) return run_check(*check);
    if (app.got_subcommand("split")) return run_split(*split);
    if (app.got_subcommand("programs")) return run_programs(*programs);
    if (app.got_subcommand("validate")) return run_validate(*validate);
    if (app.got_subcommand("test")) return run_test(*test);
    if (app.got_subcommand("batch")) return batch();
    if (app.got_subcommand("schema")) return schema();
    if (app.got_subcommand("score")) return score();
    if (app.got_subcommand("interview")) return interview();
  } catch (const sfgrant::Error& e) {
    std::cerr << "sfgrant: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "sfgrant: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
