#pragma once
/// Each subcommand lives in its own file: an options struct, `setup_xxx` that registers it with
/// CLI11 and returns the runner, and `run_xxx` that does it as a pipeline and returns the exit code
/// (CLI11 examples/subcom_in_files).
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common.h"

namespace sfgrant::cli {

/// Each registers its subcommand (options, help) and returns the function that runs it once parsed.
using Runner = std::function<int()>;
Runner setup_check(CLI::App& app);
Runner setup_batch(CLI::App& app);
Runner setup_split(CLI::App& app);
Runner setup_programs(CLI::App& app);
Runner setup_validate(CLI::App& app);
Runner setup_test(CLI::App& app);
Runner setup_schema(CLI::App& app);
Runner setup_score(CLI::App& app);
Runner setup_interview(CLI::App& app);
Runner setup_report(CLI::App& app);

}  // namespace sfgrant::cli
