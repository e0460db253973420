#pragma once
/// A loaded year as bytes and back: what the start-up cache keeps (load/catalogue_cache.h, README
/// "Start-up cache"). The bytes hold every field of the model, facts by their index in all_facts(),
/// behind a header with this build's format and the key of the YAML they were read from, and a hash
/// of the rest. Reading checks all of it and never reads past the bytes: anything but a whole
/// snapshot of this format and key is refused, and the caller reads the YAML instead.
#include <optional>
#include <string>
#include <string_view>

#include "sfgrant/model/program.h"

namespace sfgrant {

/// The snapshot of `catalogue`, loaded from YAML whose bytes hash to `key` (catalogue_cache.h).
std::string snapshot_bytes(const Catalogue& catalogue, std::string_view key);

/// `body` behind the header snapshot_bytes writes (this build's format, `key`, the body's length and
/// hash): what snapshot_bytes returns for a catalogue's body, and how the fuzzer gets arbitrary bodies
/// past the hash to the decoder.
std::string snapshot_frame(std::string_view body, std::string_view key);

/// The catalogue in `bytes` when they are a whole snapshot of this build's format made for `key`;
/// nothing otherwise (truncated, corrupt, another version's, another key's). Never throws.
std::optional<Catalogue> catalogue_from_snapshot(std::string_view bytes, std::string_view key);

}  // namespace sfgrant
