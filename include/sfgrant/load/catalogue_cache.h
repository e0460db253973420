#pragma once
/// The start-up cache (README "Start-up cache"): a year's catalogue read from YAML once and kept as
/// a snapshot (load/catalogue_snapshot.h), so that a command that evaluates does not parse the YAML
/// again. The snapshot is keyed by a hash of every byte load_year reads (the year's files, their
/// names, the folder as given) and of this build's format: a changed, added or removed file is a
/// new key, so a snapshot is never served stale. A snapshot that is missing, corrupt, foreign or of
/// another key is ignored and replaced. Only a year that loads without errors is kept. `validate`
/// never comes here: it always reads the YAML.
#include <string>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct CacheOptions {
  bool enabled = true;  ///< false: --no-cache, read the YAML and keep nothing
  /// Where snapshots go; empty: default_cache_dir().
  std::string dir;
};

/// What happened to the cache in one load, for SFGRANT_CACHE_TRACE (cli/common.cpp).
struct CacheUse {
  enum class Kind { off, hit, stored, not_stored } kind = Kind::off;
  std::string file;    ///< the snapshot's path
  std::string reason;  ///< for not_stored: why (the folder cannot be written, the data has errors, …)
};

/// $XDG_CACHE_HOME/sfgrant, else $HOME/.cache/sfgrant; empty when neither is set (no cache).
std::string default_cache_dir();

/// The key of a year's data: a hash of this build's snapshot format, the folder as given, the year,
/// and the name and bytes of every file load_year reads (year_files). Empty when a file cannot be
/// read (load_year then reports it).
std::string year_key(const std::string& programs_dir, int year);

/// load_year through the cache: the snapshot when it is whole and of the data's current key, else
/// the YAML (then stored when it loaded without errors and did not change while it was read).
Catalogue load_year_cached(const std::string& programs_dir, int year, Diagnostics& diags, const CacheOptions& options,
                           CacheUse* use = nullptr);

}  // namespace sfgrant
