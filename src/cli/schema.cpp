// Placeholder wiring: the `schema` command is being written in this file.
#include "commands.h"

namespace sfgrant::cli {

Runner setup_schema(CLI::App& app) {
  app.add_subcommand("schema", "print the JSON Schema of a profile or a program file (not available yet)");
  return [] {
    throw Error("schema is not available in this build yet");
    return kExitUsage;
  };
}

}  // namespace sfgrant::cli
