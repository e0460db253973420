#include "sfgrant/model/rational.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <numeric>
#include <string>

#include "sfgrant/model/error.h"

namespace sfgrant {

// ---------------------------------------------------------------------------------------------
// Rational

namespace {

[[noreturn]] void overflow() { throw Error("score overflow: the numbers are too large to compute exactly"); }

std::int64_t mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) overflow();
  return r;
}

std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) overflow();
  return r;
}

std::int64_t pow10(int n) {
  std::int64_t r = 1;
  for (int i = 0; i < n; ++i) r = mul(r, 10);
  return r;
}

}  // namespace

Rational::Rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw Error("division by zero in a score");
  if (num == INT64_MIN || den == INT64_MIN) overflow();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const std::int64_t g = std::gcd(num, den);
  num_ = g == 0 ? 0 : num / g;
  den_ = g == 0 ? 1 : den / g;
}

Rational operator+(Rational a, Rational b) {
  const std::int64_t g = std::gcd(a.den_, b.den_);
  return Rational(add(mul(a.num_, b.den_ / g), mul(b.num_, a.den_ / g)), mul(a.den_, b.den_ / g));
}

Rational operator-(Rational a, Rational b) { return a + Rational(-b.num_, b.den_); }

Rational operator*(Rational a, Rational b) {
  const std::int64_t g1 = std::gcd(a.num_, b.den_);
  const std::int64_t g2 = std::gcd(b.num_, a.den_);
  const std::int64_t n1 = g1 == 0 ? a.num_ : a.num_ / g1;
  const std::int64_t d2 = g1 == 0 ? b.den_ : b.den_ / g1;
  const std::int64_t n2 = g2 == 0 ? b.num_ : b.num_ / g2;
  const std::int64_t d1 = g2 == 0 ? a.den_ : a.den_ / g2;
  return Rational(mul(n1, n2), mul(d1, d2));
}

Rational operator/(Rational a, Rational b) {
  if (b.num_ == 0) throw Error("division by zero in a score");
  return a * Rational(b.den_, b.num_);
}

bool operator<(Rational a, Rational b) { return (a - b).num_ < 0; }

Rational Rational::parse(std::string_view text) {
  std::string s(text);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  s = s.substr(start);
  const auto bad = [&]() {
    return Error(fmt::format("invalid number \"{}\": expected points like 15, 12.5, 4/5 or a percentage like 80%",
                             std::string(text)));
  };
  if (s.empty()) throw bad();
  bool percent = false;
  if (s.back() == '%') {
    percent = true;
    s.pop_back();
  }
  const auto slash = s.find('/');
  if (slash != std::string::npos) {
    if (percent) throw bad();
    const Rational n = parse(s.substr(0, slash));
    const Rational d = parse(s.substr(slash + 1));
    if (!n.is_integer() || !d.is_integer() || d.num_ <= 0) throw bad();
    return Rational(n.num_, d.num_);
  }
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::int64_t whole = 0;
  std::int64_t frac = 0;
  int frac_digits = 0;
  bool digits = false;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    digits = true;
    if (whole > 100000000000LL) throw bad();
    whole = whole * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
      digits = true;
      if (++frac_digits > 6) throw bad();
      frac = frac * 10 + (s[i] - '0');
    }
  }
  if (!digits || i != s.size()) throw bad();
  Rational r = Rational(whole) + Rational(frac, pow10(frac_digits));
  if (negative) r = Rational(0) - r;
  if (percent) r = r / Rational(100);
  return r;
}

std::string Rational::fixed(int decimals) const {
  const std::int64_t scale = pow10(decimals);
  const std::int64_t n = mul(num_ < 0 ? -num_ : num_, scale);
  // half away from zero: floor((2n + den) / 2den)
  const std::int64_t q = add(mul(n, 2), den_) / mul(den_, 2);
  std::string digits = std::to_string(q);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals))
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return (num_ < 0 && q != 0 ? "-" : "") + digits;
}

std::string Rational::exact() const {
  if (den_ == 1) return std::to_string(num_);
  std::int64_t d = den_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  if (d == 1 && den_ <= 10000) {
    for (int decimals = 1; decimals <= 4; ++decimals)
      if (pow10(decimals) % den_ == 0) return fixed(decimals);
  }
  return fmt::format("{}/{}", num_, den_);
}

double Rational::rounded(int decimals) const { return std::strtod(fixed(decimals).c_str(), nullptr); }

}  // namespace sfgrant
