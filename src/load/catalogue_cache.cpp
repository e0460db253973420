// The start-up cache: one snapshot file per programs folder and year, replaced whenever the data's
// key changes (so the cache holds one file per folder and year, not one per edit).
#include "sfgrant/load/catalogue_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "sfgrant/load/catalogue_snapshot.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/text/file.h"

namespace sfgrant {
namespace fs = std::filesystem;

namespace {

std::string hex(XXH128_hash_t h) { return fmt::format("{:016x}{:016x}", h.high64, h.low64); }

/// Adds a length and the bytes, so that "ab"+"c" and "a"+"bc" hash apart.
void add(XXH3_state_t* state, std::string_view bytes) {
  const std::uint64_t n = bytes.size();
  XXH3_128bits_update(state, &n, sizeof n);
  XXH3_128bits_update(state, bytes.data(), bytes.size());
}

/// The snapshot's file: named by the year and the folder (its real path and the path as given,
/// which the catalogue's locations are written with).
std::string snapshot_path(const std::string& dir, const std::string& programs_dir, int year) {
  std::error_code ec;
  std::string where = fs::weakly_canonical(programs_dir, ec).string();
  where += '\0';
  where += programs_dir;
  return (fs::path(dir) / fmt::format("{}-{:016x}.snapshot", year, XXH3_64bits(where.data(), where.size()))).string();
}

/// Writes `bytes` to a temporary beside `path` and renames it over `path`: a reader sees the old
/// snapshot or the new one, never half of one. Returns why not, or nothing when it was written.
std::optional<std::string> store(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return fmt::format("cannot create {}: {}", fs::path(path).parent_path().string(), ec.message());
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    return fmt::format("cannot create a file in {}: {}", fs::path(path).parent_path().string(), std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (done != bytes.size() || !closed || ::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(done != bytes.size() ? write_errno : errno);
    ::unlink(temp.c_str());
    return fmt::format("cannot write {}: {}", path, why);
  }
  return std::nullopt;
}

/// Removes the snapshots of other folders and years not replaced for 30 days (a folder since
/// deleted, a temporary copy) and temporaries a killed run left a day ago or more: the cache does
/// not grow with every folder ever checked. Runs only when a snapshot is stored.
void prune(const std::string& dir, const std::string& keep) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool snapshot = name.size() > 9 && name.compare(name.size() - 9, 9, ".snapshot") == 0;
    const bool temporary = name.find(".snapshot.") != std::string::npos;
    if ((!snapshot && !temporary) || entry.path() == fs::path(keep)) continue;
    const auto age = now - entry.last_write_time(ec);
    if (ec) continue;
    if (age > std::chrono::hours(24 * (snapshot ? 30 : 1))) fs::remove(entry.path(), ec);
  }
}

}  // namespace

std::string default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    return (fs::path(xdg) / "sfgrant").string();
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
    return (fs::path(home) / ".cache" / "sfgrant").string();
  return {};
}

std::string year_key(const std::string& programs_dir, int year) {
  const YearFiles files = year_files(programs_dir, year);
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) return {};
  XXH3_128bits_reset(state);
  add(state, programs_dir);
  add(state, std::to_string(year));
  std::vector<std::string> names{files.common, files.industries};
  names.insert(names.end(), files.programs.begin(), files.programs.end());
  std::string key;
  try {
    for (const std::string& name : names) {
      add(state, name);
      add(state, read_data_file(name));
    }
    key = hex(XXH3_128bits_digest(state));
  } catch (const Error&) {
    // a file that cannot be read: no key, and load_year says what is wrong
  }
  XXH3_freeState(state);
  return key;
}

Catalogue load_year_cached(const std::string& programs_dir, int year, Diagnostics& diags, const CacheOptions& options,
                           CacheUse* use) {
  CacheUse ignored;
  CacheUse& u = use != nullptr ? *use : ignored;
  const std::string dir = options.dir.empty() ? default_cache_dir() : options.dir;
  std::error_code ec;
  if (!options.enabled || dir.empty() || !fs::is_directory(fs::path(programs_dir) / std::to_string(year), ec)) {
    u.kind = CacheUse::Kind::off;
    return load_year(programs_dir, year, diags);
  }
  u.file = snapshot_path(dir, programs_dir, year);
  const std::string key = year_key(programs_dir, year);
  if (!key.empty() && fs::is_regular_file(u.file, ec)) {
    try {
      if (auto cached = catalogue_from_snapshot(read_data_file(u.file), key)) {
        u.kind = CacheUse::Kind::hit;
        return std::move(*cached);
      }
    } catch (const Error&) {
      // unreadable: read the YAML and replace it
    }
  }
  Catalogue catalogue = load_year(programs_dir, year, diags);
  u.kind = CacheUse::Kind::not_stored;
  if (key.empty())
    u.reason = "a file of the year cannot be read";
  else if (diags.has_errors())
    u.reason = "the data has errors";
  else if (year_key(programs_dir, year) != key)
    u.reason = "the data changed while it was read";
  else if (auto why = store(u.file, snapshot_bytes(catalogue, key)))
    u.reason = *why;
  else {
    u.kind = CacheUse::Kind::stored;
    prune(dir, u.file);
  }
  return catalogue;
}

}  // namespace sfgrant
