#include "sfgrant/text/atomic_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "sfgrant/model/error.h"

namespace sfgrant {
namespace fs = std::filesystem;

namespace {

/// The temporary file being written, removed if the run is interrupted (so no half file is left).
char g_temp_path[4096] = {0};

extern "C" void remove_temp_and_exit(int signal) {
  if (g_temp_path[0] != '\0') ::unlink(g_temp_path);
  std::_Exit(128 + signal);
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  temp_ = (dir / fmt::format(".{}.tmp-{}", p.filename().string(), ::getpid())).string();
  if (temp_.size() >= sizeof(g_temp_path)) throw Error(Location{path}, "output path too long");
  std::memcpy(g_temp_path, temp_.c_str(), temp_.size() + 1);
  std::signal(SIGINT, remove_temp_and_exit);
  std::signal(SIGTERM, remove_temp_and_exit);
  std::signal(SIGHUP, remove_temp_and_exit);
  std::signal(SIGPIPE, remove_temp_and_exit);
}

AtomicFile::~AtomicFile() {
  if (!committed_) ::unlink(temp_.c_str());
  g_temp_path[0] = '\0';
}

void AtomicFile::commit() {
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) throw Error(Location{path_}, "cannot move the finished output into place: " + ec.message());
  committed_ = true;
}

}  // namespace sfgrant
