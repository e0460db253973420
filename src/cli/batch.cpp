// Placeholder wiring: the `batch` command is being written in this file.
#include "commands.h"

namespace sfgrant::cli {

Runner setup_batch(CLI::App& app) {
  app.add_subcommand("batch", "evaluate a company list (CSV or JSON Lines, - for stdin) (not available yet)");
  return [] {
    throw Error("batch is not available in this build yet");
    return kExitUsage;
  };
}

}  // namespace sfgrant::cli
