#pragma once
/// Writing an output file so that readers never see half of it: the bytes go to a temporary file
/// beside the target, renamed into place on commit(). A run interrupted by SIGINT, SIGTERM, SIGHUP
/// or SIGPIPE removes the temporary and exits with 128 + the signal; one that fails (an exception)
/// removes it in the destructor. One AtomicFile at a time per process (the signal handlers know
/// only the latest).
#include <string>

namespace sfgrant {

class AtomicFile {
 public:
  /// Names the temporary `.NAME.tmp-PID` beside `path` and installs the signal handlers; creates
  /// nothing (the caller opens temp()). Throws Error when the path is too long for the handler.
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Where to write until commit().
  const std::string& temp() const { return temp_; }
  /// Renames the temporary to the target; throws Error when it cannot.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  bool committed_ = false;
};

}  // namespace sfgrant
