#pragma once
/// The one error type of sfgrant: a message with the place it points at.
#include <stdexcept>
#include <string>

namespace sfgrant {

/// Where in an input a problem is. Lines and columns are 1-based; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  std::string str() const;  ///< "file:line:col", "file:line" or "file"
};

/// Raised for bad input anywhere (profile, program data, command line values).
/// `what()` is the whole message: "file:line:col: what is wrong".
class Error : public std::runtime_error {
 public:
  Error(Location where, const std::string& message);
  explicit Error(const std::string& message);

  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  Location where_;
  std::string message_;
};

}  // namespace sfgrant
