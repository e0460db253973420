#pragma once
/// Each subcommand: an options struct, `setup_xxx` that registers it, `run_xxx` that does it and
/// returns the exit code (CLI11 examples/subcom_in_files).
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common.h"

namespace sfgrant::cli {

struct CheckOptions {
  CommonOptions common;
  std::string profile;
  std::string cost;
  bool all = false;
  bool explain = false;
  bool next_steps = false;
  bool open_only = false;
  std::vector<std::string> set;  ///< --set PATH=VALUE (what if)
  bool what_it_takes = false;
};
void setup_check(CLI::App& app, std::shared_ptr<CheckOptions> options);
int run_check(const CheckOptions& options);

struct SplitOptions {
  CommonOptions common;
  std::string target;  ///< PROGRAM[:TRACK]
  std::string cost;
  std::string level;
  std::string target_level;
  std::vector<std::string> yearly;
};
void setup_split(CLI::App& app, std::shared_ptr<SplitOptions> options);
int run_split(const SplitOptions& options);

struct ProgramsOptions {
  CommonOptions common;
  std::string action = "list";
  std::string id;
};
void setup_programs(CLI::App& app, std::shared_ptr<ProgramsOptions> options);
int run_programs(const ProgramsOptions& options);

struct ValidateOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  std::string cases;  ///< --cases: YAML test cases, to warn about programs without one
  std::string seeds;  ///< --seeds: folder of the source announcements common.yaml lists
};
void setup_validate(CLI::App& app, std::shared_ptr<ValidateOptions> options);
int run_validate(const ValidateOptions& options);

struct TestOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string filter;
};
void setup_test(CLI::App& app, std::shared_ptr<TestOptions> options);
int run_test(const TestOptions& options);

struct BatchOptions;      // batch.cpp
struct SchemaOptions;     // schema.cpp
struct ScoreOptions;      // score.cpp
struct InterviewOptions;  // interview.cpp
/// Each registers its subcommand and returns the function that runs it once parsed.
using Runner = std::function<int()>;
Runner setup_batch(CLI::App& app);
Runner setup_schema(CLI::App& app);
Runner setup_score(CLI::App& app);
Runner setup_interview(CLI::App& app);

}  // namespace sfgrant::cli
