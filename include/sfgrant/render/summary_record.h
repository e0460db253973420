#pragma once
/// The compact record of one company's evaluation, `batch --format jsonl --detail summary`: per
/// program its id, status, best track, window state, the ids of its failed and unknown rules and
/// the missing fact paths, and per track its id, status, cap and split. Only codes and values: no
/// names, messages, sources or dates, which the catalogue holds once (`sfgrant programs`), so a
/// line is a few KB where the SPEC §7 object (render/check_json.h) is ~39 KB. Keys: README
/// "Batch: company lists", `--detail summary`.
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

class SummaryRecord {
 public:
  explicit SummaryRecord(const Catalogue& catalogue);

  /// "name" and "programs", into the object the caller has opened (after "line" and "kept").
  void write_members(const Evaluation& ev, const Profile& profile, JsonWriter& out) const;

 private:
  void write_program(const ProgramEvaluation& pe, JsonWriter& out) const;
  void write_reason(const RuleResult& rr, const Track* track, JsonWriter& out) const;

  const Catalogue& catalogue_;
  std::vector<std::string> paths_;  ///< each fact's path, quoted; by FactDef::index
};

}  // namespace sfgrant
