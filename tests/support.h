#pragma once
/// What the tests that drive the real binary share: a scratch folder, reading a file whole, and
/// running `sfgrant` as a user would (own stdin, stdout and stderr, exit status, a time limit).
#include <cstddef>
#include <string>
#include <vector>

namespace sfgrant {
struct IndustryTables;
}

namespace sfgrant::testing {

/// The whole file, or "" when it cannot be read.
std::string slurp(const std::string& path);

/// A company list's header and a row of a small Daejeon mould maker under it (batch tests).
extern const char* const kHeader;
std::string good_row(const std::string& name);

/// A scratch folder under /tmp, removed with everything in it at the end of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// Writes `text` to `name` inside the folder and returns the file's path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

/// The shipped KSIC tables (programs/industries.yaml), loaded once.
const IndustryTables& shipped_industries();

/// A copy of the shipped programs folder (every year and industries.yaml) in `dir`/programs; its path.
std::string copy_programs(const TempDir& dir);

/// Replaces the first `before` in the file at `path` with `after` (the test fails when there is none)
/// and returns the offset it was at: a test's edit to a copy of the data.
size_t replace_once(const std::string& path, const std::string& before, const std::string& after);

/// One run of a program: what a test controls.
struct Command {
  std::vector<std::string> args;  ///< after the program name
  std::string stdin_text;         ///< standard input (a file, so never a terminal)
  std::vector<std::string> env;   ///< NAME=VALUE added to the environment
  /// cleared first, so the developer's own settings cannot change a result
  std::vector<std::string> unset{"SFGRANT_PROGRAMS", "COLUMNS", "NO_COLOR"};
  int timeout_seconds = 300;  ///< killed after this; generous for sanitizer builds on a busy machine
  std::string program = SFGRANT_BINARY;
  std::string directory = SFGRANT_SOURCE_DIR;  ///< where it runs, so relative paths read as typed
};

struct Run {
  int code = -1;  ///< exit status, or 128 + the signal that ended it
  bool timed_out = false;
  std::string out;  ///< standard output (its first and last MiB when it is longer)
  std::string err;  ///< standard error (the same)
};

Run run(const Command& command);

}  // namespace sfgrant::testing
