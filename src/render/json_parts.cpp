#include "json_parts.h"

namespace sfgrant {

void write_text_or_null(const Text& t, Lang lang, JsonWriter& out) {
  if (t.empty())
    out.null();
  else
    out.value(t.in(lang));
}

void write_documents_json(const std::vector<Document>& documents, Lang lang, JsonWriter& out) {
  out.begin_array();
  for (const Document& d : documents) {
    out.begin_object();
    out.member("name", d.name.in(lang));
    out.member("source", d.source);
    out.key("validity");
    write_text_or_null(d.validity, lang, out);
    out.end_object();
  }
  out.end_array();
}

}  // namespace sfgrant
