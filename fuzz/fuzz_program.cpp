// Fuzz target: one program YAML file (and the same text as a year's common.yaml and as the KSIC
// industry tables), loaded in the context of the shipped 2026 common.yaml, then — when it loads
// cleanly — evaluated against a fixed example company and rendered, so that odd but valid money
// terms (caps near INT64_MAX, 0% or 100% ratios, level tables) reach the split and the renderers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/load/industries_loader.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/render/catalogue.h"
#include "sfgrant/render/check.h"
#include "sfgrant/text/file.h"

using namespace sfgrant;

namespace {

struct World {
  YearContext context = fuzz::load_real_context(2026);
  Catalogue catalogue = fuzz::load_real_catalogue(2026);
  Profile profile;

  World() {
    const std::string file = std::string(SFGRANT_SOURCE_DIR) + "/examples/small-mould-maker.yaml";
    profile = load_profile(read_file(file), file);
    derive_facts(profile, catalogue.industries);
    catalogue.programs.clear();
  }
};

World& world() {
  static World w;
  return w;
}

void exercise(const Program& program) {
  World& w = world();
  w.catalogue.programs = {program};
  for (Lang lang : {Lang::ko, Lang::en}) {
    EvaluateOptions eo;
    eo.as_of = Date{2026, 2, 15};
    eo.cost = 400'000'000;
    Evaluation ev = evaluate(w.catalogue, w.profile, eo);
    RenderOptions ro;
    ro.lang = lang;
    ro.all = ro.explain = ro.next_steps = true;
    ro.width = 60;
    for (Format format : {Format::json, Format::table}) {
      render_check({ev, w.profile}, ro, format, fuzz::null_stream());
      render_program(program, w.catalogue, eo.as_of, ro, format, fuzz::null_stream());
    }
  }
  for (const Track& t : program.tracks) {
    if (!t.has_money()) continue;
    for (const LevelCap& row : t.cap_by_level) (void)cap_for_levels(t, row.from, row.to);
    const auto cap = cap_for_levels(t, std::nullopt, std::nullopt);
    if (!cap) continue;
    for (Won total : {Won{0}, Won{999}, Won{123'456'789}, Won{400'000'000}, Won{9'000'000'000'000'000'000}}) {
      try {
        const Split s = compute_split(t, *cap, total);
        if (s.government + s.private_share != s.total) fuzz::fail("government + private != total");
        if (s.government > *cap) fuzz::fail("government above the cap");
      } catch (const Error&) {
        // overflow is refused with a message, which is fine
      }
    }
    try {
      (void)full_support_cost(t, *cap);
    } catch (const Error&) {
    }
  }
  w.catalogue.programs.clear();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)world();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  {
    Diagnostics diags;
    (void)load_common(text, "common.yaml", diags);
  }
  {
    Diagnostics diags;
    (void)load_industries(text, "industries.yaml", diags);
  }
  Diagnostics diags;
  Program program = load_program(text, "input.yaml", world().context, diags);
  if (!diags.has_errors() && !program.id.empty()) exercise(program);
  return 0;
}
