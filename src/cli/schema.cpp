// `sfgrant schema KIND`: prints the JSON Schema of a profile, a program file, common.yaml, centers.yaml
// or a test case file; `--write DIR` writes all of them (how schema/ in the repository is refreshed).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "commands.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/validate/schema.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

struct SchemaOptions {
  std::string kind;
  std::string write_dir;
};

namespace {

int run_schema(const SchemaOptions& options) {
  if (!options.write_dir.empty()) {
    if (!options.kind.empty())
      throw Error("give a KIND to print one schema, or --write DIR to write them all, not both");
    std::error_code ec;
    if (!fs::is_directory(options.write_dir, ec)) throw Error(Location{options.write_dir}, "--write: no such folder");
    for (SchemaKind kind : all_schema_kinds()) {
      const fs::path file = fs::path(options.write_dir) / schema_file_name(kind);
      write_file_atomically(file.string(), schema_text(kind));
      std::cout << "wrote " << file.string() << '\n';
    }
    return kExitOk;
  }
  if (options.kind.empty()) throw Error("which schema? give one of profile, program, common, centers, case");
  std::cout << schema_text(*find_schema_kind(options.kind));
  return kExitOk;
}

}  // namespace

Runner setup_schema(CLI::App& app) {
  auto options = std::make_shared<SchemaOptions>();
  CLI::App* sub = app.add_subcommand("schema", "print the JSON Schema (draft 2020-12) of a profile or a program file");
  std::vector<std::string> kinds;
  for (SchemaKind k : all_schema_kinds()) kinds.emplace_back(schema_name(k));
  sub->add_option("KIND", options->kind,
                  "profile (company profile), program (programs/<year>/<id>.yaml), common (common.yaml), "
                  "centers (centers.yaml) or case (tests/cases files)")
      ->check(CLI::IsMember(kinds));
  sub->add_option("--write", options->write_dir, "write every schema as DIR/<kind>.schema.json instead");
  sub->footer(
      "Editors: put `# yaml-language-server: $schema=<path>/program.schema.json` as a file's first line "
      "(programs/README.md, Editor setup).");
  return [options] { return run_schema(*options); };
}

}  // namespace sfgrant::cli
