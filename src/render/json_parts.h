#pragma once
/// Pieces of program data that more than one JSON output writes the same way. Private to render/.
#include <vector>

#include "sfgrant/model/program.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

/// The text in `lang`, or null when the data gives none.
void write_text_or_null(const Text& t, Lang lang, JsonWriter& out);

/// `[{name, source, validity}]`: the documents to submit.
void write_documents_json(const std::vector<Document>& documents, Lang lang, JsonWriter& out);

}  // namespace sfgrant
