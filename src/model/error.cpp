#include "sfgrant/model/error.h"

namespace sfgrant {

std::string Location::str() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

namespace {
std::string compose(const Location& where, const std::string& message) {
  const std::string place = where.str();
  return place.empty() ? message : place + ": " + message;
}
}  // namespace

Error::Error(Location where, const std::string& message)
    : std::runtime_error(compose(where, message)), where_(std::move(where)), message_(message) {}

Error::Error(const std::string& message) : std::runtime_error(message), message_(message) {}

}  // namespace sfgrant
