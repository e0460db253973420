#include "sfgrant/text/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "sfgrant/model/error.h"

namespace sfgrant {

namespace {

/// Reads at most kMaxReadBytes: a device like /dev/zero or an endless pipe must not exhaust memory.
/// (The YAML loaders refuse far less, README "Input limits".)
constexpr size_t kMaxReadBytes = 64 * 1024 * 1024;

[[noreturn]] void too_large(const std::string& path) {
  throw Error(Location{path}, fmt::format("file too large: more than {} bytes", kMaxReadBytes));
}

/// Standard input may already be read through std::cin's buffer: read it through std::cin.
std::string read_stream(std::istream& in, const std::string& path) {
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxReadBytes) too_large(path);
  }
  if (in.bad()) throw Error(Location{path}, "read failed");
  return text;
}

/// Reads `fd` to its end with read(2): EINTR is retried, any other error is one (EIO is not an end).
std::string read_fd(int fd, const std::string& path) {
  std::string text;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw Error(Location{path}, std::string("read failed: ") + std::strerror(error));
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > kMaxReadBytes) {
      ::close(fd);
      too_large(path);
    }
  }
  ::close(fd);
  return text;
}

int open_or_throw(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EISDIR) throw Error(Location{path}, "is a folder, expected a file");
    throw Error(Location{path}, std::string("cannot open file: ") + std::strerror(errno));
  }
  return fd;
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") return read_stream(std::cin, "<stdin>");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw Error(Location{path}, "is a folder, expected a file");
  return read_fd(open_or_throw(path, 0), path);
}

const char* file_kind(unsigned mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string read_data_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Error(Location{path}, std::string("cannot open file: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw Error(Location{path}, fmt::format("not a regular file ({})", file_kind(st.st_mode)));
  // O_NONBLOCK: should the name be swapped for a FIFO after the check, opening it does not block
  const int fd = open_or_throw(path, O_NONBLOCK);
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(Location{path}, "not a regular file");
  }
  return read_fd(fd, path);
}

}  // namespace sfgrant
