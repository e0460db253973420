#pragma once
/// Where batch input bytes come from. std::istream cannot tell a failed read (EIO) from the end of
/// the file, so company lists are read through read(2) and every failure is reported.
#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>

namespace sfgrant {

/// A read that failed (not the end of the input); what() is the system's words, e.g.
/// "Input/output error". The reader that knows the line turns it into an Error with a location.
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes into `data`: how many, 0 only at the end of the input. Throws
  /// ReadError when the read fails.
  virtual size_t read(char* data, size_t size) = 0;
};

/// read(2) on a file descriptor, retried on EINTR. Closes the descriptor when it owns it.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  size_t read(char* data, size_t size) override;

 private:
  int fd_;
  bool owned_;
};

/// A std::istream (tests, fuzzers): a stream left bad() counts as a failed read.
class StreamSource : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  size_t read(char* data, size_t size) override;

 private:
  std::istream& in_;
};

}  // namespace sfgrant
