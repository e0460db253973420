// Doubles in JSON exactly as nlohmann writes them (the `ratio` of SPEC §7, scores).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "sfgrant/text/json_writer.h"

namespace sfgrant {

// ---- doubles ----
//
// nlohmann does not print the shortest digits of a double (what std::to_chars gives): it prints
// the digits of the Grisu2 algorithm, which round-trip but, for ~0.14% of random doubles, are one
// digit longer (8.481620698703041e+18 where to_chars gives 8.48162069870304e+18) or not the
// closest (1.3164367751946823e+15 where to_chars gives 1.3164367751946822e+15). Formatting the
// digits of to_chars nlohmann's way would differ on those, so the digits here are Grisu2's, a port
// of nlohmann/json 3.11.2 include/nlohmann/detail/conversions/to_chars.hpp (dtoa_impl), itself a
// slightly modified version of Florian Loitsch's reference implementation:
//   SPDX-FileCopyrightText: 2009 Florian Loitsch <https://florian.loitsch.com/>
//   SPDX-FileCopyrightText: 2013-2022 Niels Lohmann <https://nlohmann.me>
//   SPDX-License-Identifier: MIT
// See Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with Integers", PLDI 2010.
// tests/json_writer_test.cpp holds it to nlohmann's own output for random doubles.

namespace {

struct DiyFp {  // f * 2^e
  std::uint64_t f = 0;
  int e = 0;
};

DiyFp diy_sub(DiyFp x, DiyFp y) { return {x.f - y.f, x.e}; }

/// x * y, rounded to the upper 64 bits (ties up).
DiyFp diy_mul(DiyFp x, DiyFp y) {
  const std::uint64_t u_lo = x.f & 0xFFFFFFFFu;
  const std::uint64_t u_hi = x.f >> 32u;
  const std::uint64_t v_lo = y.f & 0xFFFFFFFFu;
  const std::uint64_t v_hi = y.f >> 32u;
  const std::uint64_t p0 = u_lo * v_lo;
  const std::uint64_t p1 = u_lo * v_hi;
  const std::uint64_t p2 = u_hi * v_lo;
  const std::uint64_t p3 = u_hi * v_hi;
  std::uint64_t q = (p0 >> 32u) + (p1 & 0xFFFFFFFFu) + (p2 & 0xFFFFFFFFu);
  q += std::uint64_t{1} << 31u;
  return {p3 + (p2 >> 32u) + (p1 >> 32u) + (q >> 32u), x.e + y.e + 64};
}

DiyFp diy_normalize(DiyFp x) {
  while ((x.f >> 63u) == 0) {
    x.f <<= 1u;
    x.e--;
  }
  return x;
}

DiyFp diy_normalize_to(DiyFp x, int target_exponent) {
  return {x.f << static_cast<unsigned>(x.e - target_exponent), target_exponent};
}

/// v (normalized) and the boundaries m- and m+ halfway to its neighbours, sharing m+'s exponent.
struct Boundaries {
  DiyFp w, minus, plus;
};

Boundaries compute_boundaries(double value) {  // value finite and > 0
  constexpr int kPrecision = 53;               // with the hidden bit
  constexpr int kBias = 1023 + (kPrecision - 1);
  constexpr int kMinExp = 1 - kBias;
  constexpr std::uint64_t kHiddenBit = std::uint64_t{1} << (kPrecision - 1);
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const std::uint64_t e = bits >> (kPrecision - 1);
  const std::uint64_t f = bits & (kHiddenBit - 1);
  const DiyFp v = e == 0 ? DiyFp{f, kMinExp} : DiyFp{f + kHiddenBit, static_cast<int>(e) - kBias};
  // the lower boundary is closer when f == 0 and e > 1 (a power of two above the denormals)
  const bool lower_boundary_is_closer = f == 0 && e > 1;
  const DiyFp m_plus{2 * v.f + 1, v.e - 1};
  const DiyFp m_minus = lower_boundary_is_closer ? DiyFp{4 * v.f - 1, v.e - 2} : DiyFp{2 * v.f - 1, v.e - 1};
  const DiyFp w_plus = diy_normalize(m_plus);
  return {diy_normalize(v), diy_normalize_to(m_minus, w_plus.e), w_plus};
}

constexpr int kAlpha = -60;

struct CachedPower {  // f * 2^e ~= 10^k
  std::uint64_t f;
  int e;
  int k;
};

/// A normalized power of ten c with kAlpha <= e_c + e + 64 <= kGamma (-32).
CachedPower cached_power_for_binary_exponent(int e) {
  constexpr int kCachedPowersMinDecExp = -300;
  constexpr int kCachedPowersDecStep = 8;
  static constexpr CachedPower kCachedPowers[79] = {
      {0xAB70FE17C79AC6CA, -1060, -300}, {0xFF77B1FCBEBCDC4F, -1034, -292}, {0xBE5691EF416BD60C, -1007, -284},
      {0x8DD01FAD907FFC3C, -980, -276},  {0xD3515C2831559A83, -954, -268},  {0x9D71AC8FADA6C9B5, -927, -260},
      {0xEA9C227723EE8BCB, -901, -252},  {0xAECC49914078536D, -874, -244},  {0x823C12795DB6CE57, -847, -236},
      {0xC21094364DFB5637, -821, -228},  {0x9096EA6F3848984F, -794, -220},  {0xD77485CB25823AC7, -768, -212},
      {0xA086CFCD97BF97F4, -741, -204},  {0xEF340A98172AACE5, -715, -196},  {0xB23867FB2A35B28E, -688, -188},
      {0x84C8D4DFD2C63F3B, -661, -180},  {0xC5DD44271AD3CDBA, -635, -172},  {0x936B9FCEBB25C996, -608, -164},
      {0xDBAC6C247D62A584, -582, -156},  {0xA3AB66580D5FDAF6, -555, -148},  {0xF3E2F893DEC3F126, -529, -140},
      {0xB5B5ADA8AAFF80B8, -502, -132},  {0x87625F056C7C4A8B, -475, -124},  {0xC9BCFF6034C13053, -449, -116},
      {0x964E858C91BA2655, -422, -108},  {0xDFF9772470297EBD, -396, -100},  {0xA6DFBD9FB8E5B88F, -369, -92},
      {0xF8A95FCF88747D94, -343, -84},   {0xB94470938FA89BCF, -316, -76},   {0x8A08F0F8BF0F156B, -289, -68},
      {0xCDB02555653131B6, -263, -60},   {0x993FE2C6D07B7FAC, -236, -52},   {0xE45C10C42A2B3B06, -210, -44},
      {0xAA242499697392D3, -183, -36},   {0xFD87B5F28300CA0E, -157, -28},   {0xBCE5086492111AEB, -130, -20},
      {0x8CBCCC096F5088CC, -103, -12},   {0xD1B71758E219652C, -77, -4},     {0x9C40000000000000, -50, 4},
      {0xE8D4A51000000000, -24, 12},     {0xAD78EBC5AC620000, 3, 20},       {0x813F3978F8940984, 30, 28},
      {0xC097CE7BC90715B3, 56, 36},      {0x8F7E32CE7BEA5C70, 83, 44},      {0xD5D238A4ABE98068, 109, 52},
      {0x9F4F2726179A2245, 136, 60},     {0xED63A231D4C4FB27, 162, 68},     {0xB0DE65388CC8ADA8, 189, 76},
      {0x83C7088E1AAB65DB, 216, 84},     {0xC45D1DF942711D9A, 242, 92},     {0x924D692CA61BE758, 269, 100},
      {0xDA01EE641A708DEA, 295, 108},    {0xA26DA3999AEF774A, 322, 116},    {0xF209787BB47D6B85, 348, 124},
      {0xB454E4A179DD1877, 375, 132},    {0x865B86925B9BC5C2, 402, 140},    {0xC83553C5C8965D3D, 428, 148},
      {0x952AB45CFA97A0B3, 455, 156},    {0xDE469FBD99A05FE3, 481, 164},    {0xA59BC234DB398C25, 508, 172},
      {0xF6C69A72A3989F5C, 534, 180},    {0xB7DCBF5354E9BECE, 561, 188},    {0x88FCF317F22241E2, 588, 196},
      {0xCC20CE9BD35C78A5, 614, 204},    {0x98165AF37B2153DF, 641, 212},    {0xE2A0B5DC971F303A, 667, 220},
      {0xA8D9D1535CE3B396, 694, 228},    {0xFB9B7CD9A4A7443C, 720, 236},    {0xBB764C4CA7A44410, 747, 244},
      {0x8BAB8EEFB6409C1A, 774, 252},    {0xD01FEF10A657842C, 800, 260},    {0x9B10A4E5E9913129, 827, 268},
      {0xE7109BFBA19C0C9D, 853, 276},    {0xAC2820D9623BF429, 880, 284},    {0x80444B5E7AA7CF85, 907, 292},
      {0xBF21E44003ACDD2D, 933, 300},    {0x8E679C2F5E44FF8F, 960, 308},    {0xD433179D9C8CB841, 986, 316},
      {0x9E19DB92B4E31BA9, 1013, 324},
  };
  const int f = kAlpha - e - 1;
  const int k = (f * 78913) / (1 << 18) + static_cast<int>(f > 0);
  const int index = (-kCachedPowersMinDecExp + k + (kCachedPowersDecStep - 1)) / kCachedPowersDecStep;
  return kCachedPowers[index];
}

/// For n != 0 the k with 10^(k-1) <= n < 10^k, and pow10 = 10^(k-1); 1 and 1 for n == 0.
int find_largest_pow10(std::uint32_t n, std::uint32_t& pow10) {
  std::uint32_t p = 1000000000;
  for (int k = 10; k > 1; --k, p /= 10) {
    if (n >= p) {
      pow10 = p;
      return k;
    }
  }
  pow10 = 1;
  return 1;
}

void grisu2_round(char* buf, int len, std::uint64_t dist, std::uint64_t delta, std::uint64_t rest,
                  std::uint64_t ten_k) {
  while (rest < dist && delta - rest >= ten_k && (rest + ten_k < dist || dist - rest > rest + ten_k - dist)) {
    buf[len - 1]--;
    rest += ten_k;
  }
}

/// Digits V = buffer * 10^decimal_exponent with M- <= V <= M+ (same exponent, -60 <= e <= -32).
void grisu2_digit_gen(char* buffer, int& length, int& decimal_exponent, DiyFp m_minus, DiyFp w, DiyFp m_plus) {
  std::uint64_t delta = diy_sub(m_plus, m_minus).f;
  std::uint64_t dist = diy_sub(m_plus, w).f;
  const auto shift = static_cast<unsigned>(-m_plus.e);
  const DiyFp one{std::uint64_t{1} << shift, m_plus.e};
  auto p1 = static_cast<std::uint32_t>(m_plus.f >> shift);  // the integral part, fits 32 bits
  std::uint64_t p2 = m_plus.f & (one.f - 1);                // the fractional part

  std::uint32_t pow10 = 0;
  int n = find_largest_pow10(p1, pow10);
  while (n > 0) {
    const std::uint32_t d = p1 / pow10;
    const std::uint32_t r = p1 % pow10;
    buffer[length++] = static_cast<char>('0' + d);
    p1 = r;
    n--;
    const std::uint64_t rest = (std::uint64_t{p1} << shift) + p2;
    if (rest <= delta) {
      decimal_exponent += n;
      grisu2_round(buffer, length, dist, delta, rest, std::uint64_t{pow10} << shift);
      return;
    }
    pow10 /= 10;
  }

  int m = 0;
  for (;;) {
    p2 *= 10;
    const std::uint64_t d = p2 >> shift;
    const std::uint64_t r = p2 & (one.f - 1);
    buffer[length++] = static_cast<char>('0' + d);
    p2 = r;
    m++;
    delta *= 10;
    dist *= 10;
    if (p2 <= delta) break;
  }
  decimal_exponent -= m;
  grisu2_round(buffer, length, dist, delta, p2, one.f);
}

/// value = buf[0, len) * 10^decimal_exponent, at most 17 digits; value finite and > 0.
void grisu2(char* buf, int& len, int& decimal_exponent, double value) {
  const Boundaries b = compute_boundaries(value);
  const CachedPower cached = cached_power_for_binary_exponent(b.plus.e);
  const DiyFp c_minus_k{cached.f, cached.e};
  const DiyFp w = diy_mul(b.w, c_minus_k);
  const DiyFp w_minus = diy_mul(b.minus, c_minus_k);
  const DiyFp w_plus = diy_mul(b.plus, c_minus_k);
  // shrink the interval by one unit on each side: the products are rounded
  const DiyFp m_minus{w_minus.f + 1, w_minus.e};
  const DiyFp m_plus{w_plus.f - 1, w_plus.e};
  decimal_exponent = -cached.k;
  grisu2_digit_gen(buf, len, decimal_exponent, m_minus, w, m_plus);
}

/// "+05", "-308": a sign and at least two digits.
char* append_exponent(char* buf, int e) {
  *buf++ = e < 0 ? '-' : '+';
  auto k = static_cast<std::uint32_t>(e < 0 ? -e : e);
  if (k >= 100) {
    *buf++ = static_cast<char>('0' + k / 100);
    k %= 100;
  }
  *buf++ = static_cast<char>('0' + k / 10);
  *buf++ = static_cast<char>('0' + k % 10);
  return buf;
}

/// The digits buf[0, len) times 10^decimal_exponent laid out as printf("%.17g") would, but with
/// ".0" on whole numbers: fixed notation when 10^kMinExp <= v < 10^kMaxExp.
char* format_buffer(char* buf, int len, int decimal_exponent) {
  constexpr int kMinExp = -4;
  constexpr int kMaxExp = 15;  // std::numeric_limits<double>::digits10, as nlohmann has it
  const int k = len;
  const int n = len + decimal_exponent;  // where the decimal point goes, from the first digit
  const auto uk = static_cast<size_t>(k);

  if (k <= n && n <= kMaxExp) {  // digits[000].0
    const auto un = static_cast<size_t>(n);
    std::memset(buf + k, '0', un - uk);
    buf[n] = '.';
    buf[n + 1] = '0';
    return buf + un + 2;
  }
  if (0 < n && n <= kMaxExp) {  // dig.its
    const auto un = static_cast<size_t>(n);
    std::memmove(buf + un + 1, buf + un, uk - un);
    buf[n] = '.';
    return buf + uk + 1;
  }
  if (kMinExp < n && n <= 0) {  // 0.[000]digits
    const auto zeros = static_cast<size_t>(-n);
    std::memmove(buf + 2 + zeros, buf, uk);
    buf[0] = '0';
    buf[1] = '.';
    std::memset(buf + 2, '0', zeros);
    return buf + 2 + zeros + uk;
  }
  if (k == 1) {  // de+123
    buf += 1;
  } else {  // d.igitse+123
    std::memmove(buf + 2, buf + 1, uk - 1);
    buf[1] = '.';
    buf += 1 + uk;
  }
  *buf++ = 'e';
  return append_exponent(buf, n - 1);
}

}  // namespace

char* write_json_double(char* first, double value) {
  if (!std::isfinite(value)) {
    std::memcpy(first, "null", 4);
    return first + 4;
  }
  if (std::signbit(value)) {
    value = -value;
    *first++ = '-';
  }
  if (value == 0) {  // +-0
    std::memcpy(first, "0.0", 3);
    return first + 3;
  }
  int len = 0;
  int decimal_exponent = 0;
  grisu2(first, len, decimal_exponent, value);
  return format_buffer(first, len, decimal_exponent);
}

std::string format_json_double(double value) {
  char buf[kJsonDoubleMaxChars];
  return std::string(buf, write_json_double(buf, value));
}

}  // namespace sfgrant
