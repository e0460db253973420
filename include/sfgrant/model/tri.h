#pragma once
/// Three-valued logic (SPEC §6): a rule passes, fails, or cannot be decided yet.
#include <string_view>

namespace sfgrant {

enum class Tri { fail, unknown, pass };

inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::fail || b == Tri::fail) return Tri::fail;
  if (a == Tri::unknown || b == Tri::unknown) return Tri::unknown;
  return Tri::pass;
}

inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::pass || b == Tri::pass) return Tri::pass;
  if (a == Tri::unknown || b == Tri::unknown) return Tri::unknown;
  return Tri::fail;
}

inline Tri tri_not(Tri a) {
  if (a == Tri::pass) return Tri::fail;
  if (a == Tri::fail) return Tri::pass;
  return Tri::unknown;
}

inline Tri tri_of(bool b) { return b ? Tri::pass : Tri::fail; }

inline std::string_view tri_name(Tri t) {
  switch (t) {
    case Tri::pass:
      return "pass";
    case Tri::fail:
      return "fail";
    case Tri::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace sfgrant
