#pragma once
/// The SPEC §7 object of one company's evaluation: what `check --format json` prints (pretty) and
/// `batch --format jsonl` writes a line of (compact). One writer for both, so the two cannot drift.
/// What every company's object repeats (names, messages, sources, dates, ratios, fact paths) is
/// formatted once, when the writer is made, for its style; per company only statuses, amounts,
/// the reasons that apply and missing facts are written.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/text/json_writer.h"

namespace sfgrant {

class CheckJson {
 public:
  CheckJson(const Catalogue& catalogue, Lang lang, JsonWriter::Style style);

  struct Parts {
    bool explain = false;     ///< every rule (passed ones too) and the tracks' notes
    bool next_steps = false;  ///< documents, where to apply and whom to call, for open programs
  };

  /// The whole object. With `line`, "line" comes first (batch). `out` has the writer's style.
  void write(const Evaluation& ev, const Profile& profile, const Parts& parts, std::optional<long> line,
             JsonWriter& out) const;
  /// Its members (year … programs), into the top-level object the caller has opened (check adds what_if).
  void write_members(const Evaluation& ev, const Profile& profile, const Parts& parts, JsonWriter& out) const;

 private:
  /// A rule's reason object but its missing facts, one for each result (Tri: fail, unknown, pass).
  struct RuleText {
    std::string members[3];  ///< "rule", "result", "message", "source" [, "track"]
  };
  struct TrackText {
    std::string head[3];          ///< "id", "name", "status", "months", one for each Status
    std::string ratio;            ///< "ratio", "ratio_percent"
    std::string years;            ///< "years", "cap_per_year" (multi-year tracks), else empty
    std::string local;            ///< "local_government_ratio", or empty
    std::string source;           ///< "source"
    std::string notes;            ///< "notes" (with --explain), or empty
    std::string window[5];        ///< "window" of a track with its own schedule, one for each WindowState; else empty
    std::vector<RuleText> rules;  ///< in the track's reasons
    std::vector<RuleText> rules_in_program;  ///< in the program's reasons, with "track"
  };
  struct ProgramText {
    std::string head[3];    ///< "id", "name", "status", one for each Status
    std::string window[5];  ///< "apply_from", "apply_to", "state", one for each WindowState
    std::string source;     ///< "source"
    std::string caveats;    ///< "notes": the caveats of the program and its tracks (SPEC §7)
    std::vector<RuleText> rules;
    std::vector<TrackText> tracks;
  };

  void write_program(const ProgramEvaluation& pe, const Profile& profile, const Parts& parts, JsonWriter& out) const;
  void write_track(const TrackEvaluation& te, const TrackText& text, const Profile& profile, const Parts& parts,
                   JsonWriter& out) const;
  void write_reason(const RuleResult& rr, const RuleText& text, const Profile& profile, JsonWriter& out) const;
  void write_next_steps(const ProgramEvaluation& pe, JsonWriter& out) const;
  void write_missing(const std::vector<const FactDef*>& facts, JsonWriter& out) const;

  const Catalogue& catalogue_;
  Lang lang_;
  JsonWriter::Style style_;
  std::vector<ProgramText> programs_;  ///< by position in the catalogue
  std::vector<std::string> paths_;     ///< each fact's path, quoted; by FactDef::index
};

/// The split of a track (SPEC §5) as JSON, as check, batch and `split --format json` give it.
void write_split_json(const Split& s, JsonWriter& out);

}  // namespace sfgrant
