#pragma once
/// JSON Schemas (draft 2020-12) of sfgrant's YAML files, for editors (yaml-language-server) and
/// for CI. They are generated from the engine's own registries: profile keys, value words in
/// English and Korean and the `selections` vocabulary come from facts.h, the keys of program data
/// from the loader's lists (program_loader.h `data_keys`), so a schema cannot drift from what the
/// loaders accept. The loaders stay the authority: a schema catches typing mistakes while you type,
/// `sfgrant validate` catches everything.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "sfgrant/load/data_keys.h"

namespace sfgrant {

enum class SchemaKind {
  profile,  ///< a company profile (examples/*.yaml, `check PROFILE`)
  program,  ///< one program file, programs/<year>/<id>.yaml
  common,   ///< programs/<year>/common.yaml
  centers,  ///< programs/<year>/centers.yaml
  cases,    ///< a YAML test case file, tests/cases/<year>/<id>.yaml
};

/// Every kind, in the order `sfgrant schema --help` lists them.
const std::vector<SchemaKind>& all_schema_kinds();
/// The word the command line uses: profile, program, common, centers, case.
std::string_view schema_name(SchemaKind kind);
std::optional<SchemaKind> find_schema_kind(std::string_view name);
/// The file name the repository keeps it under: `program.schema.json`.
std::string schema_file_name(SchemaKind kind);

/// The schema as JSON.
nlohmann::ordered_json make_schema(SchemaKind kind);
/// The schema as the text committed in schema/: two-space indent, UTF-8 unescaped, final newline.
std::string schema_text(SchemaKind kind);

}  // namespace sfgrant
