#include "sfgrant/text/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "sfgrant/model/error.h"
#include "sfgrant/text/file.h"
#include "sfgrant/text/output.h"

namespace sfgrant {
namespace fs = std::filesystem;

namespace {

/// Signals after which the temporary is removed before the process dies of them.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ};
constexpr size_t kSignalCount = sizeof kSignals / sizeof kSignals[0];

/// The temporary being written, for the signal handler (which may not allocate).
char g_temp_path[4096] = {0};
struct sigaction g_previous[kSignalCount];
bool g_installed[kSignalCount] = {};

extern "C" void remove_temp_and_die(int signal) {
  if (g_temp_path[0] != '\0') ::unlink(g_temp_path);
  // die of the signal, so the caller sees the conventional status (130 for SIGINT from a shell)
  ::signal(signal, SIG_DFL);
  ::raise(signal);  // delivered when the handler returns and the signal is unblocked
}

sigset_t handled_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) sigaddset(&set, s);
  return set;
}

/// Installs the handler. SIGHUP, SIGPIPE and SIGXFSZ ignored at the start stay ignored (nohup; a
/// parent that wants EPIPE; EFBIG is then a write error, reported). SIGINT and SIGQUIT are caught
/// even when a shell ignored them for a background job: `kill -INT` stops the run, as it always did.
void install_handlers() {
  struct sigaction action {};
  action.sa_handler = remove_temp_and_die;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < kSignalCount; ++i) {
    const bool keep_ignored = kSignals[i] == SIGHUP || kSignals[i] == SIGPIPE || kSignals[i] == SIGXFSZ;
    struct sigaction old {};
    if (::sigaction(kSignals[i], nullptr, &old) != 0 || (keep_ignored && old.sa_handler == SIG_IGN)) continue;
    g_installed[i] = ::sigaction(kSignals[i], &action, &g_previous[i]) == 0;
  }
}

void restore_handlers() {
  for (size_t i = 0; i < kSignalCount; ++i)
    if (g_installed[i]) {
      ::sigaction(kSignals[i], &g_previous[i], nullptr);
      g_installed[i] = false;
    }
}

/// Blocks the handled signals for a scope, so the handler never sees a half-set name.
class BlockSignals {
 public:
  BlockSignals() {
    const sigset_t set = handled_signals();
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockSignals() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockSignals(const BlockSignals&) = delete;
  BlockSignals& operator=(const BlockSignals&) = delete;

 private:
  sigset_t old_{};
};

std::string errno_text(int error) { return std::strerror(error); }

struct Target {
  fs::path path;  ///< every directory and link resolved
  bool exists = false;
  struct stat st {};
};

bool under_proc(const fs::path& dir) {
  const std::string s = dir.string();
  return s == "/proc" || s.rfind("/proc/", 0) == 0;
}

/// Follows symlinks at the target (at most 40, as the kernel does) to the file to replace; a link
/// to a file not there yet is fine when its folder exists.
Target resolve(const std::string& given) {
  fs::path p(given);
  for (int hops = 0; hops < 40; ++hops) {
    const fs::path name = p.filename();
    if (name.empty() || name == "." || name == "..") throw Error(Location{given}, "is a folder, expected a file name");
    std::error_code ec;
    const fs::path dir = fs::canonical(p.has_parent_path() ? p.parent_path() : fs::path("."), ec);
    if (ec)
      throw Error(Location{given}, fmt::format("cannot write there: {}: {}", p.parent_path().string(), ec.message()));
    if (under_proc(dir)) throw Error(Location{given}, "is a file descriptor, not a file: use -o - for standard output");
    Target t;
    t.path = dir / name;
    if (::lstat(t.path.c_str(), &t.st) != 0) {
      if (errno == ENOENT) return t;
      throw Error(Location{given}, "cannot write there: " + errno_text(errno));
    }
    if (!S_ISLNK(t.st.st_mode)) {
      t.exists = true;
      return t;
    }
    const fs::path link = fs::read_symlink(t.path, ec);
    if (ec) throw Error(Location{given}, "cannot read the symbolic link: " + ec.message());
    p = link.is_absolute() ? link : dir / link;
  }
  throw Error(Location{given}, "too many levels of symbolic links");
}

/// `.NAME.sfgrant-XXXXXX` beside the target; a long NAME is cut (at a UTF-8 boundary) so the
/// temporary's name stays within the 255 bytes a file name may have.
std::string temp_template(const fs::path& target) {
  std::string name = target.filename().string();
  if (name.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return (target.parent_path() / ("." + name + ".sfgrant-XXXXXX")).string();
}

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path, const std::vector<std::string>& inputs) : path_(path) {
  const Target t = resolve(path);
  if (t.exists && !S_ISREG(t.st.st_mode))
    throw Error(Location{path}, fmt::format("not a regular file ({}): -o replaces regular files only; "
                                            "-o - writes to standard output",
                                            file_kind(t.st.st_mode)));
  if (t.exists)
    for (const std::string& input : inputs) {
      struct stat in {};
      if (input != "-" && ::stat(input.c_str(), &in) == 0 && in.st_dev == t.st.st_dev && in.st_ino == t.st.st_ino)
        throw Error(Location{path}, fmt::format("is the input file {}: write the results to another file", input));
    }
  target_ = t.path.string();
  std::string name = temp_template(t.path);
  if (name.size() >= sizeof g_temp_path) throw Error(Location{path}, "output path too long");

  {
    const BlockSignals blocked;
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) throw Error(Location{path}, "cannot create a file beside it: " + errno_text(errno));
    temp_ = name;
    std::memcpy(g_temp_path, temp_.c_str(), temp_.size() + 1);
    install_handlers();
  }

  // the target's mode (never wider) and, as far as allowed, its owner; a new file 0666 less the umask
  mode_t mode = 0666 & ~current_umask();
  if (t.exists) {
    mode = t.st.st_mode & 0777;
    const bool root = ::geteuid() == 0;
    if (::fchown(fd_, root ? t.st.st_uid : static_cast<uid_t>(-1), t.st.st_gid) != 0) {
      struct stat mine {};
      // the group could not be kept: give it no access rather than access to another group
      if (::fstat(fd_, &mine) != 0 || mine.st_gid != t.st.st_gid) mode &= ~static_cast<mode_t>(0070);
    }
  }
  if (::fchmod(fd_, mode) != 0) {
    const int error = errno;
    abandon();
    throw Error(Location{path}, "cannot set the new file's mode: " + errno_text(error));
  }
}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
  const BlockSignals blocked;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  g_temp_path[0] = '\0';
  restore_handlers();
}

std::string AtomicFile::fd_path() const {
  const std::string proc = fmt::format("/proc/self/fd/{}", fd_);
  struct stat st {};
  struct stat mine {};
  if (::stat(proc.c_str(), &st) == 0 && ::fstat(fd_, &mine) == 0 && st.st_ino == mine.st_ino &&
      st.st_dev == mine.st_dev)
    return proc;
  return temp_;
}

void AtomicFile::commit() {
  if (::fsync(fd_) != 0) throw Error(Location{path_}, "write failed: " + errno_text(errno));
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) throw Error(Location{path_}, "write failed: " + errno_text(errno));
  // the target may have changed since it was checked
  struct stat now {};
  if (::lstat(target_.c_str(), &now) == 0 && !S_ISREG(now.st_mode))
    throw Error(Location{path_}, fmt::format("not a regular file ({}) any more: not replaced", file_kind(now.st_mode)));
  {
    const BlockSignals blocked;
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
      throw Error(Location{path_}, "cannot move the finished output into place: " + errno_text(errno));
    committed_ = true;
    g_temp_path[0] = '\0';
  }
  // the rename is durable once the folder is on disk (best effort: not every file system allows it)
  const int dir = ::open(fs::path(target_).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
}

void write_file_atomically(const std::string& path, std::string_view text) {
  AtomicFile file(path);
  OutputStream out(file.fd(), path);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.finish();
  file.commit();
}

}  // namespace sfgrant
