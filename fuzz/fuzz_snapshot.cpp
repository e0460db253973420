// Fuzz target: the start-up cache's snapshot decoder (load/catalogue_snapshot.h). The input is a
// snapshot's body, framed with a valid header and hash so that it reaches the decoder (a real file
// with a wrong hash never does). Any body either decodes or is refused: no crash, no read past the
// bytes, no allocation out of proportion to the input. A decoded body must encode back to itself
// (the format has one encoding per catalogue).
//
// Seeds: with SFGRANT_FUZZ_SNAPSHOT_SEEDS=DIR set, the target writes the bodies of one-program
// catalogues of every shipped year (and of each year's KSIC tables alone) into DIR and exits;
// scripts/fuzz.sh does this before it runs the target.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "fuzz_support.h"
#include "sfgrant/load/catalogue_snapshot.h"

using namespace sfgrant;

namespace {

constexpr std::string_view kKey = "fuzz";

/// The body of a snapshot: what follows the frame snapshot_frame puts around it.
std::string body_of(const Catalogue& cat) {
  const std::string whole = snapshot_bytes(cat, kKey);
  const size_t frame = snapshot_frame("", kKey).size();
  return whole.substr(frame);
}

void write_seeds(const std::string& dir) {
  int n = 0;
  for (const int year : available_years(fuzz::programs_dir())) {
    const Catalogue cat = fuzz::load_real_catalogue(year);
    for (const Program& p : cat.programs) {
      Catalogue one;
      one.year = cat.year;
      one.announcements = cat.announcements;
      one.programs = {p};
      std::ofstream(dir + "/" + std::to_string(n++) + "-" + p.id, std::ios::binary) << body_of(one);
    }
    Catalogue tables;
    tables.year = cat.year;
    tables.industries = cat.industries;
    tables.centers = cat.centers;
    std::ofstream(dir + "/" + std::to_string(n++) + "-tables", std::ios::binary) << body_of(tables);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("SFGRANT_FUZZ_SNAPSHOT_SEEDS"); dir != nullptr && *dir != '\0') {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  const std::string framed = snapshot_frame(body, kKey);
  const auto cat = catalogue_from_snapshot(framed, kKey);
  if (cat && snapshot_bytes(*cat, kKey) != framed) fuzz::fail("a decoded snapshot does not encode back to itself");
  if (cat && catalogue_from_snapshot(framed, "another key")) fuzz::fail("a snapshot served for another key");
  return 0;
}
