#pragma once
/// Replacing an output file so that readers never see half of it (README "Reliability"): the bytes
/// go to a temporary created with mkstemp (O_EXCL: never a planted file or link) beside the target,
/// named `.NAME.sfgrant-XXXXXX`, which gets the target's mode and owner, is fsync'ed and renamed over
/// the target by commit(). A symlink at the target is followed (the file it points to is replaced,
/// the link kept); a target that is not a regular file (device, FIFO, folder, /dev/stdout) or is one
/// of the run's inputs is refused. A run interrupted by SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE or
/// SIGXFSZ removes the temporary and dies of that signal; one that fails (an exception) removes it
/// in the destructor. Only SIGKILL or a crash of the machine can leave it. One AtomicFile at a time
/// per process (the signal handlers know only the latest).
#include <string>
#include <string_view>
#include <vector>

namespace sfgrant {

class AtomicFile {
 public:
  /// Checks the target, creates the temporary and installs the signal handlers. `inputs` are
  /// files the run reads ("-" is skipped): a target that is one of them (same device and inode,
  /// through any link) is refused. Throws Error naming `path`.
  explicit AtomicFile(const std::string& path, const std::vector<std::string>& inputs = {});
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// The temporary, open for writing until commit().
  int fd() const { return fd_; }
  const std::string& temp() const { return temp_; }
  /// A name another library can open to write the temporary that cannot be swapped for a link
  /// (/proc/self/fd/N), or temp() where /proc is not mounted.
  std::string fd_path() const;
  /// The file that will be replaced: the target with its symlinks resolved.
  const std::string& target() const { return target_; }
  /// fsyncs the temporary and renames it over the target; throws Error when it cannot.
  void commit();

 private:
  /// Closes and removes the temporary (unless committed) and restores the signal handlers.
  void abandon();

  std::string path_;    ///< as given, for messages
  std::string target_;  ///< resolved
  std::string temp_;
  int fd_ = -1;
  bool committed_ = false;
};

/// Writes `text` to `path` through an AtomicFile: the old file stays whole until the new one is.
/// Throws Error naming `path` when any step fails (the old file is then untouched).
void write_file_atomically(const std::string& path, std::string_view text);

}  // namespace sfgrant
