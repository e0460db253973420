#include "sfgrant/render/batch_jsonl.h"

#include <ostream>

#include "sfgrant/render/check_json.h"
#include "sfgrant/render/summary_record.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {
namespace {

class BatchJsonl final : public BatchFormat {
 public:
  BatchJsonl(std::ostream& out, const Catalogue& catalogue, Lang lang, bool bom, JsonlDetail detail)
      : out_(out),
        bom_(bom),
        detail_(detail),
        json_(catalogue, lang, JsonWriter::Style::compact),
        summary_(catalogue) {}

  // An object is 20-40 KB: 1,024 of them made 40 MB chunks, several in flight, and the kernel's
  // page faults on each fresh buffer cost more than writing them. Keep chunks ~2 MB (a summary
  // record is ~10-20 KB).
  size_t max_chunk_rows() const override { return detail_ == JsonlDetail::summary ? 128 : 64; }

  void begin(const KeptColumns& kept) override {  // no header: every line stands alone
    kept_ = kept;
    if (bom_) out_ << "\xEF\xBB\xBF";
  }

  void company(const CompanyResult& company, ChunkOutput& out) const override {
    JsonWriter json(out.text);
    if (detail_ == JsonlDetail::summary) {
      json.begin_object();
      json.member("line", company.line);
      if (!kept_.names.empty()) write_kept(kept_.json ? company.kept_json : company.kept, json);
      summary_.write_members(company.evaluation, company.profile, json);
      json.end_object();
    } else if (kept_.names.empty()) {
      json_.write(company.evaluation, company.profile, {}, company.line, json);
    } else {
      json.begin_object();
      json.member("line", company.line);
      write_kept(kept_.json ? company.kept_json : company.kept, json);
      json_.write_members(company.evaluation, company.profile, {}, json);
      json.end_object();
    }
    out.text += '\n';
  }

  void rejected(const RejectedRow& row, ChunkOutput& out) const override {
    JsonWriter json(out.text);
    json.begin_object();
    json.member("line", row.line);
    if (row.last_line > row.line) json.member("last_line", row.last_line);
    if (!kept_.names.empty()) write_kept(kept_.json ? row.kept_json : row.kept, json);
    json.member("status", "error");
    json.key("company");
    json.begin_object();
    json.member("name", row.name);
    json.end_object();
    json.member("error", row.reason);
    json.end_object();
    out.text += '\n';
  }

  void write(ChunkOutput& out) override {
    const std::string_view bytes = out.text.view();
    if (!bytes.empty()) out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  void end(const BatchSummary&) override {}  // no footer: the summary goes to stderr

 private:
  /// "kept": the kept input columns by name, in input order: text from a CSV cell, the value as it
  /// was from JSON Lines; null for a row that could not be split into cells.
  void write_kept(const std::vector<std::string>& kept, JsonWriter& json) const {
    json.key("kept");
    json.begin_object();
    for (size_t k = 0; k < kept_.names.size(); ++k) {
      json.key(kept_.names[k]);
      if (k >= kept.size())
        json.null();
      else if (kept_.json)
        json.raw_value(kept[k]);
      else
        json.value(kept[k]);
    }
    json.end_object();
  }

  KeptColumns kept_;
  std::ostream& out_;
  bool bom_;
  JsonlDetail detail_;
  const CheckJson json_;         ///< SPEC §7, compact: what `check --format json` prints, one line a company
  const SummaryRecord summary_;  ///< --detail summary: codes and amounts only
};

}  // namespace

std::unique_ptr<BatchFormat> make_batch_jsonl(std::ostream& out, const Catalogue& catalogue, Lang lang, bool bom,
                                              JsonlDetail detail) {
  return std::make_unique<BatchJsonl>(out, catalogue, lang, bom, detail);
}

}  // namespace sfgrant
