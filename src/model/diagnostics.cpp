#include "sfgrant/model/diagnostics.h"

namespace sfgrant {

void Diagnostics::error(Location where, std::string message, std::string code) {
  items_.push_back({Severity::error, std::move(where), std::move(message), std::move(code)});
}

void Diagnostics::warning(Location where, std::string message, std::string code) {
  items_.push_back({Severity::warning, std::move(where), std::move(message), std::move(code)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::error;
  return n;
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::throw_if_errors() const {
  for (const auto& d : items_) {
    if (d.severity != Severity::error) continue;
    std::string message = d.message;
    if (error_count() > 1) message += " (and " + std::to_string(error_count() - 1) + " more)";
    throw Error(d.where, message);
  }
}

}  // namespace sfgrant
