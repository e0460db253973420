#include "sfgrant/model/diagnostics.h"

namespace sfgrant {

void Diagnostics::error(Location where, std::string message, std::string code) {
  add({Severity::error, std::move(where), std::move(message), std::move(code)});
}

void Diagnostics::warning(Location where, std::string message, std::string code) {
  add({Severity::warning, std::move(where), std::move(message), std::move(code)});
}

void Diagnostics::add(Diagnostic d) {
  const bool is_error = d.severity == Severity::error;
  (is_error ? errors_ : warnings_) += 1;
  size_t& kept = kept_[d.where.file];
  if (kept >= kMaxProblemsPerFile) {
    Omitted& o = omitted_[d.where.file];
    (is_error ? o.errors : o.warnings) += 1;
    return;
  }
  ++kept;
  items_.push_back(std::move(d));
}

void Diagnostics::add_omitted(const std::string& file, const Omitted& o) {
  errors_ += o.errors;
  warnings_ += o.warnings;
  Omitted& mine = omitted_[file];
  mine.errors += o.errors;
  mine.warnings += o.warnings;
}

bool Diagnostics::has_errors() const { return errors_ > 0; }

size_t Diagnostics::error_count() const { return errors_; }

size_t Diagnostics::warning_count() const { return warnings_; }

void Diagnostics::throw_if_errors() const {
  for (const auto& d : items_) {
    if (d.severity != Severity::error) continue;
    std::string message = d.message;
    if (error_count() > 1) message += " (and " + std::to_string(error_count() - 1) + " more)";
    throw Error(d.where, message);
  }
  for (const auto& [file, o] : omitted_)  // every error kept was past the limit of its file
    if (o.errors > 0) throw Error(Location{file}, std::to_string(o.errors) + " errors");
}

}  // namespace sfgrant
