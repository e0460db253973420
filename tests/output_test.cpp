// Writing output: every write checked, files replaced whole or not at all (README "Reliability").
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "sfgrant/model/error.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/file.h"
#include "sfgrant/text/output.h"
#include "support.h"

namespace fs = std::filesystem;
using sfgrant::AtomicFile;
using sfgrant::Error;
using sfgrant::testing::slurp;
using sfgrant::testing::TempDir;

namespace {

/// Files in `dir` other than `keep`: a temporary left behind shows here.
std::vector<std::string> others(const std::string& dir, const std::vector<std::string>& keep) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) found.push_back(name);
  }
  return found;
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a write to a full device is an error naming the output", "[output]") {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  sfgrant::OutputStream out(fd, "<stdout>");
  const std::string row(1000, 'x');
  CHECK(error_of([&] {
          for (int i = 0; i < 1000; ++i) out << row << '\n';
          out.finish();
        }) == "<stdout>: write failed: No space left on device");
  ::close(fd);
}

TEST_CASE("a small write to a full device is caught when the output is finished", "[output]") {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  sfgrant::OutputStream out(fd, "results.csv");
  out << "one line\n";
  CHECK(error_of([&] { out.finish(); }) == "results.csv: write failed: No space left on device");
  ::close(fd);
}

TEST_CASE("a replacement that cannot be finished leaves the old file whole and no temporary", "[output]") {
  // the interview's save: a full disk (here the file size limit, SIGXFSZ ignored so write fails
  // with EFBIG as it would with ENOSPC) must not leave half a YAML where the old profile was
  TempDir dir;
  const std::string old_profile = "name: 한빛정밀\nsize: small\n";
  const std::string path = dir.write("profile.yaml", old_profile);
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  rlimit small = saved;
  small.rlim_cur = 64 * 1024;
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  const std::string message = error_of([&] { sfgrant::write_file_atomically(path, std::string(1 << 20, 'x')); });
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous);
  CHECK(message == path + ": write failed: File too large");
  CHECK(slurp(path) == old_profile);
  CHECK(others(dir.path(), {"profile.yaml"}).empty());
}

TEST_CASE("a replaced file keeps its mode and owner; a new one is 0666 less the umask", "[output]") {
  TempDir dir;
  const std::string secret = dir.write("secret.csv", "old\n");
  REQUIRE(::chmod(secret.c_str(), 0600) == 0);
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(secret.c_str(), 1234, 1234) == 0);
  sfgrant::write_file_atomically(secret, "new\n");
  CHECK(slurp(secret) == "new\n");
  CHECK(mode_of(secret) == 0600);
  if (root) {
    struct stat st {};
    REQUIRE(::stat(secret.c_str(), &st) == 0);
    CHECK(st.st_uid == 1234);
    CHECK(st.st_gid == 1234);
  }
  const mode_t saved = ::umask(022);
  sfgrant::write_file_atomically(dir.path() + "/new.csv", "x\n");
  ::umask(saved);
  CHECK(mode_of(dir.path() + "/new.csv") == 0644);
  CHECK(others(dir.path(), {"secret.csv", "new.csv"}).empty());
}

TEST_CASE("a symlink at the target is followed: the file it points to is replaced, the link kept", "[output]") {
  TempDir dir;
  fs::create_directory(dir.path() + "/real");
  const std::string real = dir.write("real/out.csv", "old\n");
  fs::create_symlink("real/out.csv", dir.path() + "/link.csv");
  sfgrant::write_file_atomically(dir.path() + "/link.csv", "new\n");
  CHECK(fs::is_symlink(dir.path() + "/link.csv"));
  CHECK(slurp(real) == "new\n");
  // a dangling link to a new file in an existing folder creates that file
  fs::create_symlink("real/fresh.csv", dir.path() + "/dangling.csv");
  sfgrant::write_file_atomically(dir.path() + "/dangling.csv", "fresh\n");
  CHECK(fs::is_symlink(dir.path() + "/dangling.csv"));
  CHECK(slurp(dir.path() + "/real/fresh.csv") == "fresh\n");
}

TEST_CASE("a target that is not a regular file is refused and left as it was", "[output]") {
  CHECK(error_of([] { AtomicFile f("/dev/null"); }) ==
        "/dev/null: not a regular file (a character device): -o replaces regular files only; -o - writes to standard "
        "output");
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK(error_of([] { AtomicFile f("/dev/stdout"); }) ==
        "/dev/stdout: is a file descriptor, not a file: use -o - for standard output");
  TempDir dir;
  const std::string fifo = dir.path() + "/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(error_of([&] { AtomicFile f(fifo); }).find("not a regular file (a FIFO)") != std::string::npos);
  CHECK(error_of([&] { AtomicFile f(dir.path()); }).find("not a regular file (a folder)") != std::string::npos);
  CHECK(others(dir.path(), {"fifo"}).empty());
}

TEST_CASE("the input file is refused as the output, through a hard link or a symlink", "[output]") {
  TempDir dir;
  const std::string input = dir.write("companies.csv", "name,size\n");
  const std::string hard = dir.path() + "/hard.csv";
  const std::string soft = dir.path() + "/soft.csv";
  REQUIRE(::link(input.c_str(), hard.c_str()) == 0);
  fs::create_symlink(input, soft);
  for (const std::string& target : {input, hard, soft})
    CHECK(error_of([&] { AtomicFile f(target, {input}); }) ==
          target + ": is the input file " + input + ": write the results to another file");
  CHECK(slurp(input) == "name,size\n");
}

TEST_CASE("the temporary is named .NAME.sfgrant-XXXXXX beside the target and removed when not committed", "[output]") {
  TempDir dir;
  std::string temp;
  {
    AtomicFile f(dir.path() + "/out.csv");
    temp = f.temp();
    CHECK(fs::path(temp).parent_path() == fs::path(dir.path()));
    CHECK(fs::path(temp).filename().string().rfind(".out.csv.sfgrant-", 0) == 0);
    CHECK(fs::exists(temp));
  }
  CHECK_FALSE(fs::exists(temp));
  CHECK_FALSE(fs::exists(dir.path() + "/out.csv"));
}

TEST_CASE("a program data file that is a FIFO is refused without blocking", "[output][load]") {
  TempDir dir;
  const std::string fifo = dir.path() + "/common.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(error_of([&] { (void)sfgrant::read_data_file(fifo); }) == fifo + ": not a regular file (a FIFO)");
  const std::string file = dir.write("industries.yaml", "x: 1\n");
  CHECK(sfgrant::read_data_file(file) == "x: 1\n");
}
