#pragma once
/// The SPEC §7 object of one company's evaluation: what `check --format json` prints (pretty) and
/// `batch --format jsonl` writes a line of (compact). One writer for both, so the two cannot drift.
/// Every string of the catalogue (names, messages, sources, dates, fact paths) is escaped once, when
/// the writer is made; per company only statuses, amounts and missing facts are written.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

class CheckJson {
 public:
  CheckJson(const Catalogue& catalogue, Lang lang);

  struct Parts {
    bool explain = false;     ///< every rule (passed ones too) and the tracks' notes
    bool next_steps = false;  ///< documents, where to apply and whom to call, for open programs
  };

  /// The whole object. With `line`, "line" comes first (batch).
  void write(const Evaluation& ev, const Profile& profile, const Parts& parts, std::optional<long> line,
             JsonWriter& out) const;
  /// Its members (year … programs), into an object the caller has opened (check adds what_if).
  void write_members(const Evaluation& ev, const Profile& profile, const Parts& parts, JsonWriter& out) const;

 private:
  struct RuleText {
    std::string id, message, source;  ///< quoted JSON strings
  };
  struct NoteText {
    std::string text, source;
  };
  struct TrackText {
    std::string id, name, source, ratio, ratio_percent, local_government;
    std::vector<RuleText> rules;
    std::vector<NoteText> notes;
  };
  struct ProgramText {
    std::string id, name, source, apply_from, apply_to;  ///< dates quoted, or null
    std::vector<RuleText> rules;
    std::vector<TrackText> tracks;
  };

  void write_program(const ProgramEvaluation& pe, const Profile& profile, const Parts& parts, JsonWriter& out) const;
  void write_track(const TrackEvaluation& te, const TrackText& text, const Profile& profile, const Parts& parts,
                   JsonWriter& out) const;
  void write_reason(const RuleResult& rr, const RuleText& text, const std::string* track_id, const Profile& profile,
                    JsonWriter& out) const;
  void write_next_steps(const ProgramEvaluation& pe, JsonWriter& out) const;
  void write_missing(const std::vector<const FactDef*>& facts, JsonWriter& out) const;

  const Catalogue& catalogue_;
  Lang lang_;
  std::vector<ProgramText> programs_;  ///< by position in the catalogue
  std::vector<std::string> paths_;     ///< each fact's path, quoted; by FactDef::index
};

/// The split of a track (SPEC §5) as JSON, as check, batch and `split --format json` give it.
void write_split_json(const Split& s, JsonWriter& out);

}  // namespace sfgrant
