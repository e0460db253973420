#pragma once
/// Output whose every write is checked. A std::ostream over a file descriptor: each flush goes
/// through write(2), retried on EINTR and short writes, and a failure throws Error naming the
/// output ("<stdout>: write failed: No space left on device"), so no command reports success after
/// losing bytes (README "Reliability"). The stream has badbit in exceptions(): the Error reaches
/// the caller through any `<<`.
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace sfgrant {

/// The buffer under OutputStream; usable alone to put under std::cout.
class FdOutputBuffer final : public std::streambuf {
 public:
  /// `name` is what error messages call the output: "<stdout>" or the file's name as given.
  FdOutputBuffer(int fd, std::string name);
  FdOutputBuffer(const FdOutputBuffer&) = delete;
  FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;

  /// Writes what is buffered; throws Error when the write fails.
  void flush_or_throw();
  const std::string& name() const { return name_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  void write_all(const char* data, size_t size);

  int fd_;
  std::string name_;
  std::unique_ptr<char[]> buffer_;
  bool line_buffered_;  ///< a terminal sees each line as it is written
};

/// A checked output stream over `fd` (not closed here).
class OutputStream final : public std::ostream {
 public:
  OutputStream(int fd, std::string name);
  /// Flushes; throws Error when any write failed.
  void finish();

 private:
  FdOutputBuffer buffer_;
};

/// Puts a checked buffer under std::cout for the life of this object (and restores the old one):
/// every command's standard output is checked, wherever it is written from.
class CheckedStdout {
 public:
  CheckedStdout();
  ~CheckedStdout();
  CheckedStdout(const CheckedStdout&) = delete;
  CheckedStdout& operator=(const CheckedStdout&) = delete;
  /// Flushes std::cout; throws Error when any write failed.
  void finish();
  /// After a failure: std::cout stops throwing, so writing to std::cerr (tied to it) is safe.
  void disarm();

 private:
  FdOutputBuffer buffer_;
  std::streambuf* previous_;
  std::ios_base::iostate previous_exceptions_;
};

}  // namespace sfgrant
