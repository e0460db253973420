#include "sfgrant/text/byte_source.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sfgrant {

FdSource::~FdSource() {
  if (owned_) ::close(fd_);
}

size_t FdSource::read(char* data, size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, data, size);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    throw ReadError(std::strerror(errno));
  }
}

size_t StreamSource::read(char* data, size_t size) {
  in_.read(data, static_cast<std::streamsize>(size));
  if (in_.bad()) throw ReadError("the stream failed");
  return static_cast<size_t>(in_.gcount());
}

}  // namespace sfgrant
