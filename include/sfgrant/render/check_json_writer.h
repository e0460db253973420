#pragma once
/// The SPEC §7 object of `check --format json`, written straight into a string for `batch
/// --format jsonl`: the same bytes as check_json(...).dump() with explain and next steps off, at a
/// fraction of the cost. Every fixed piece (names, messages, sources, windows' dates) is escaped
/// once per catalogue; per company only statuses, amounts and missing facts are written.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/text/text_buffer.h"

namespace sfgrant {

class CheckJsonWriter {
 public:
  CheckJsonWriter(const Catalogue& catalogue, Lang lang);

  /// Appends one object (no newline). With `line`, it comes first, as batch writes it.
  /// `ev` must come from evaluate() over the same catalogue.
  void write(const Evaluation& ev, const Profile& profile, std::optional<long> line, TextBuffer& out) const;

 private:
  /// A rule's reason object, cut around what changes: head + result + tail [+ track, missing] + "}".
  struct RuleText {
    std::string head;  ///< {"rule":…,"result":"
    std::string tail;  ///< ","message":…,"source":…
  };
  struct TrackText {
    std::string head;        ///< {"id":…,"name":…,"status":"
    std::string months;      ///< ","months":…,"cap":
    std::string ratio;       ///< ,"ratio":…,"ratio_percent":…,"full_support_cost":
    std::string years;       ///< ,"years":…,"cap_per_year":… (multi-year tracks), then ,"split":
    std::string local;       ///< ,"local_government_ratio":… or empty
    std::string source;      ///< ,"source":…}
    std::string tag;         ///< ,"track":… for the program's reasons
    std::vector<RuleText> rules;
  };
  struct ProgramText {
    std::string head;    ///< {"id":…,"name":…,"status":"
    std::string window;  ///< ],"window":{"apply_from":…,"apply_to":…,"state":"
    std::string source;  ///< ,"source":…}
    std::vector<RuleText> rules;
    std::vector<TrackText> tracks;
  };

  void write_program(const ProgramEvaluation& pe, const ProgramText& text, const Profile& profile,
                     TextBuffer& out) const;
  void write_track(const TrackEvaluation& te, const TrackText& text, const Profile& profile, TextBuffer& out) const;
  void write_reason(const RuleResult& rr, const RuleText& text, const std::string* track_tag, const Profile& profile,
                    TextBuffer& out) const;

  const Catalogue& catalogue_;
  std::string year_;                ///< {"year":…,"as_of":
  std::vector<ProgramText> programs_;
  std::vector<std::string> paths_;  ///< each fact's path, quoted; by FactDef::index
};

}  // namespace sfgrant
