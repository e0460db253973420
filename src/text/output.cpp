#include "sfgrant/text/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "sfgrant/model/error.h"

namespace sfgrant {

namespace {

/// Large enough that a chunk of batch rows is a few write(2) calls; larger writes bypass it.
constexpr size_t kBufferBytes = 64 * 1024;

}  // namespace

FdOutputBuffer::FdOutputBuffer(int fd, std::string name)
    : fd_(fd), name_(std::move(name)), buffer_(new char[kBufferBytes]), line_buffered_(::isatty(fd) != 0) {
  setp(buffer_.get(), buffer_.get() + kBufferBytes);
}

void FdOutputBuffer::write_all(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;  // 0 bytes written for a non-empty write: no progress
      // what is buffered can never be written: drop it, so a later flush (the destructor's,
      // std::cout's at exit) does not report the same failure again
      setp(buffer_.get(), buffer_.get() + kBufferBytes);
      throw Error(Location{name_}, std::string("write failed: ") + std::strerror(error));
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void FdOutputBuffer::flush_or_throw() {
  const auto pending = static_cast<size_t>(pptr() - pbase());
  if (pending == 0) return;
  setp(buffer_.get(), buffer_.get() + kBufferBytes);
  write_all(buffer_.get(), pending);
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
  flush_or_throw();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  if (line_buffered_ && traits_type::to_char_type(c) == '\n') flush_or_throw();
  return c;
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
  const auto n = static_cast<size_t>(size);
  if (n <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    if (line_buffered_ && std::memchr(data, '\n', n) != nullptr) flush_or_throw();
    return size;
  }
  flush_or_throw();
  if (n >= kBufferBytes) {
    write_all(data, n);
  } else {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
  }
  return size;
}

int FdOutputBuffer::sync() {
  flush_or_throw();
  return 0;
}

OutputStream::OutputStream(int fd, std::string name) : std::ostream(nullptr), buffer_(fd, std::move(name)) {
  rdbuf(&buffer_);
  exceptions(std::ios::badbit);
}

void OutputStream::finish() {
  buffer_.flush_or_throw();
  if (!*this) throw Error(Location{buffer_.name()}, "write failed");
}

CheckedStdout::CheckedStdout()
    : buffer_(STDOUT_FILENO, "<stdout>"),
      previous_(std::cout.rdbuf(&buffer_)),
      previous_exceptions_(std::cout.exceptions()) {
  std::cout.exceptions(std::ios::badbit);
}

CheckedStdout::~CheckedStdout() {
  std::cout.exceptions(std::ios::goodbit);
  std::cout.clear();
  try {
    buffer_.flush_or_throw();  // finish() reported any failure; an exception here was already seen
  } catch (const Error&) {
  }
  std::cout.rdbuf(previous_);
  std::cout.exceptions(previous_exceptions_);
}

void CheckedStdout::disarm() { std::cout.exceptions(std::ios::goodbit); }

void CheckedStdout::finish() {
  buffer_.flush_or_throw();
  if (!std::cout) throw Error(Location{buffer_.name()}, "write failed");
}

}  // namespace sfgrant
