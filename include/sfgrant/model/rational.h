#pragma once
/// Exact rational numbers for scores: no floating point on the scoring path.
#include <cstdint>
#include <string>
#include <string_view>

namespace sfgrant {

/// An exact rational number of points. Always reduced with a positive denominator; every operation
/// is exact and throws Error("score overflow") instead of wrapping. No floating point on the scoring path.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t whole) : num_(whole) {}  // NOLINT: points are written as plain integers
  Rational(std::int64_t num, std::int64_t den);

  /// `15`, `12.5`, `-3`, `4/5`, `80%` (a percentage is a fraction of 1). Throws Error naming the text.
  static Rational parse(std::string_view text);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  bool is_integer() const { return den_ == 1; }

  /// Decimal text with exactly `decimals` digits, rounded half away from zero: 245/3 → "81.67".
  std::string fixed(int decimals = 2) const;
  /// `81`, `12.5`, `245/3`: exact, shortest (a terminating decimal when it has at most 4 digits).
  std::string exact() const;
  /// For JSON only: the value rounded to `decimals` digits, as a double.
  double rounded(int decimals = 2) const;

  friend Rational operator+(Rational a, Rational b);
  friend Rational operator-(Rational a, Rational b);
  friend Rational operator*(Rational a, Rational b);
  friend Rational operator/(Rational a, Rational b);
  Rational& operator+=(Rational b) { return *this = *this + b; }
  Rational& operator-=(Rational b) { return *this = *this - b; }
  friend bool operator==(Rational a, Rational b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend bool operator!=(Rational a, Rational b) { return !(a == b); }
  friend bool operator<(Rational a, Rational b);
  friend bool operator>(Rational a, Rational b) { return b < a; }
  friend bool operator<=(Rational a, Rational b) { return !(b < a); }
  friend bool operator>=(Rational a, Rational b) { return !(a < b); }

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace sfgrant
