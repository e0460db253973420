// Fuzz target: a company profile (YAML), loaded strictly, its facts derived and evaluated against
// the shipped 2026 catalogue, then rendered as JSON and as tables in both languages.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/render/check.h"

using namespace sfgrant;

namespace {

const Catalogue& catalogue() {
  static const Catalogue cat = fuzz::load_real_catalogue(2026);
  return cat;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)catalogue();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  Profile profile = load_profile(text, "input.yaml", diags);
  if (diags.has_errors()) return 0;
  derive_facts(profile, catalogue().industries);
  EvaluateOptions eo;
  eo.as_of = Date{2026, 2, 15};
  const Evaluation ev = evaluate(catalogue(), profile, eo);
  for (const auto& pe : ev.programs)
    for (const auto& te : pe.tracks)
      if (te.split && te.split->government + te.split->private_share != te.split->total)
        fuzz::fail("government + private != total for " + pe.program->id);
  RenderOptions ro;
  ro.all = ro.explain = ro.next_steps = true;
  ro.width = 72;
  for (Lang lang : {Lang::ko, Lang::en}) {
    ro.lang = lang;
    render_check({ev, profile}, ro, Format::json, fuzz::null_stream());
    render_check({ev, profile}, ro, Format::table, fuzz::null_stream());
  }
  return 0;
}
