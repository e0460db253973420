#pragma once
/// Output of the commands: JSON (SPEC §7) through nlohmann::ordered_json, and tables for people.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/program.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/engine/whatif.h"

namespace sfgrant {

enum class Format { table, json };

struct RenderOptions {
  Lang lang = Lang::ko;
  bool all = false;         ///< list ineligible programs too (tables)
  bool explain = false;     ///< every rule with its result, value and citation
  bool next_steps = false;  ///< documents, where to apply, contacts
  int width = 0;            ///< terminal width; 0 for no limit
  bool color = false;       ///< ANSI colours (only on a terminal; see cli::use_color)
};

/// A money amount for people: `2억 5,000만원` (ko) or `KRW 250,000,000` (en).
std::string format_money(Won amount, Lang lang);

/// The profile's value of a fact as people write it (`중간1`, `4억원`, `[legend50]`), or "?" when unknown.
std::string describe_value(const FactDef& f, const Profile& profile, Lang lang);

nlohmann::ordered_json split_json(const Split& s);
nlohmann::ordered_json track_json(const TrackEvaluation& te, Lang lang, bool explain, const Profile& profile);
nlohmann::ordered_json program_json(const ProgramEvaluation& pe, const Profile& profile, const RenderOptions& options);
nlohmann::ordered_json check_json(const Evaluation& ev, const Profile& profile, const RenderOptions& options);
nlohmann::ordered_json next_steps_json(const ProgramEvaluation& pe, Lang lang);

void render_check_table(const Evaluation& ev, const Profile& profile, const RenderOptions& options, std::ostream& out);

/// The catalogue (`programs list`) and one program (`programs show`).
nlohmann::ordered_json catalogue_json(const Catalogue& cat, const std::optional<Date>& as_of, Lang lang);
void render_catalogue_table(const Catalogue& cat, const std::optional<Date>& as_of, const RenderOptions& options,
                            std::ostream& out);
nlohmann::ordered_json program_info_json(const Program& p, const std::optional<Date>& as_of, Lang lang, int year);
void render_program_info(const Program& p, const Catalogue& cat, const std::optional<Date>& as_of,
                         const RenderOptions& options, std::ostream& out);

/// A short name of a fact for explanations (`목표 수준` / `target level`); the path when it has none.
std::string fact_label(const FactDef& f, Lang lang);

/// One change of what-it-takes as people read it: `목표 수준 기초 → 중간1`, `선정·확인서 + legend50`.
std::string describe_move(const Move& move, const Profile& profile, Lang lang);

/// `check --set`: the settings, then each program whose status, best track or support changes
/// (gained, lost, amount up or down) beside the original.
void render_what_if_table(const WhatIf& w, const Profile& original, const RenderOptions& options, std::ostream& out);

/// `check --what-it-takes`: for each ineligible program the smallest change that opens it, or
/// "not reachable" with the blocking rules and their citations.
void render_what_it_takes(const std::vector<Reach>& reaches, const Profile& profile, const RenderOptions& options,
                          std::ostream& out);

/// The profile as SPEC §3 YAML that `load_profile` reads back (the user-given facts only).
std::string profile_yaml(const Profile& profile);

}  // namespace sfgrant
