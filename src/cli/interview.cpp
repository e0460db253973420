// Placeholder wiring: the `interview` command is being written in this file.
#include "commands.h"

namespace sfgrant::cli {

Runner setup_interview(CLI::App& app) {
  app.add_subcommand("interview", "ask for a profile one question at a time (not available yet)");
  return [] {
    throw Error("interview is not available in this build yet");
    return kExitUsage;
  };
}

}  // namespace sfgrant::cli
