#pragma once
/// How a command's answer is shown: the format and the options every renderer takes.
#include <ostream>

#include "sfgrant/model/lang.h"
#include "sfgrant/text/json_writer.h"
#include "sfgrant/text/table.h"

namespace sfgrant {

enum class Format { table, json, markdown };  ///< markdown: `check` and `programs diff`

struct RenderOptions {
  Lang lang = Lang::ko;
  bool all = false;         ///< list ineligible programs too (tables)
  bool explain = false;     ///< every rule with its result, value and citation
  bool next_steps = false;  ///< documents, where to apply, contacts
  int width = 0;            ///< terminal width; 0 for no limit
  bool color = false;       ///< ANSI colours (only on a terminal; see cli::use_color)
};

/// Prints `table` to fit `options.width`, then which columns it left out to fit, if any.
void print_table(const Table& table, const RenderOptions& options, std::ostream& out);

/// A JSON document written pretty (two-space indent, as `--format json` prints everything) to `out`,
/// with a final newline.
template <typename Write>
void print_json(std::ostream& out, Write write) {
  TextBuffer buffer;
  JsonWriter json(buffer, JsonWriter::Style::pretty);
  write(json);
  buffer += '\n';
  out.write(buffer.view().data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace sfgrant
