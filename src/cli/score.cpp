// Placeholder wiring: the `score` command is being written in this file.
#include "commands.h"

namespace sfgrant::cli {

Runner setup_score(CLI::App& app) {
  app.add_subcommand("score", "selection score from an evaluation sheet (not available yet)");
  return [] {
    throw Error("score is not available in this build yet");
    return kExitUsage;
  };
}

}  // namespace sfgrant::cli
