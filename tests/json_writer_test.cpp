// The streaming JSON writer against nlohmann (SPEC §7: every JSON output is byte for byte what
// nlohmann::ordered_json::dump() or dump(2) writes): random documents written through JsonWriter
// in both styles, doubles by the hundred thousand, every ASCII byte, every integer type's limits,
// and the UTF-8 nlohmann refuses.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "sfgrant/model/error.h"
#include "sfgrant/text/json_writer.h"

using namespace sfgrant;
using Json = nlohmann::ordered_json;
using Rng = std::mt19937_64;

namespace {

size_t pick(Rng& rng, size_t n) { return static_cast<size_t>(rng() % n); }

std::string hex(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a (%.17g)", d, d);
  return buf;
}

/// Pieces of text: plain ASCII, everything nlohmann escapes, DEL, 2-, 3- and 4-byte UTF-8.
const std::string_view kPieces[] = {
    "a",
    "Z",
    "key",
    " ",
    "/",
    "0",
    "{",
    "}",
    "[",
    ":",
    ",",
    "'",
    "\"",
    "\\",
    "\b",
    "\f",
    "\n",
    "\r",
    "\t",
    std::string_view("\0", 1),
    "\x01",
    "\x1f",
    "\x7f",
    "é",
    "한글",
    "가",
    "\xEF\xBF\xBF" /* U+FFFF */,
    "😀",
    "𝄞",
    "\xF4\x8F\xBF\xBF" /* U+10FFFF */,
};

std::string random_text(Rng& rng) {
  std::string text;
  if (pick(rng, 5) == 0) return text;
  if (pick(rng, 20) == 0) text.assign(pick(rng, 600), 'x');  // long plain runs cross buffer growth
  const size_t n = pick(rng, 12);
  for (size_t i = 0; i < n; ++i) text += kPieces[pick(rng, std::size(kPieces))];
  return text;
}

double from_bits(std::uint64_t bits) {
  double d = 0;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

/// 1 to 17 significant digits times a power of ten from 1e-330 to 1e310, read by strtod.
double random_decimal(Rng& rng) {
  std::string text = pick(rng, 2) ? "-" : "";
  const size_t digits = 1 + pick(rng, 17);
  for (size_t i = 0; i < digits; ++i) text += static_cast<char>('0' + pick(rng, 10));
  const int exponent = static_cast<int>(pick(rng, 641)) - 330;
  text += "e" + std::to_string(exponent);
  return std::strtod(text.c_str(), nullptr);
}

const double kSpecialDoubles[] = {
    0.0,
    -0.0,
    0.5,
    0.1,
    1e-5,
    1e-4,
    123456789012345678.0,
    1e14,
    1e15,
    1e16,
    80.0,
    -80.0,
    5e-324,
    DBL_MIN,
    DBL_MAX,
    -DBL_MAX,
    0.75,
    0.8,
    1.0 / 3,
    123456789012345.0,
    1234567890123456.0,
    std::numeric_limits<double>::quiet_NaN(),
    std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(),
};

double random_double(Rng& rng) {
  switch (pick(rng, 3)) {
    case 0:
      return kSpecialDoubles[pick(rng, std::size(kSpecialDoubles))];
    case 1:
      return from_bits(rng());
    default:
      return random_decimal(rng);
  }
}

Json random_integer(Rng& rng) {
  const unsigned shift = static_cast<unsigned>(pick(rng, 64));
  switch (pick(rng, 5)) {
    case 0: {
      const std::int64_t kSigned[] = {INT64_MIN, INT64_MAX, 0, -1, 1, INT32_MIN, INT32_MAX, -128, 255, 65535};
      return kSigned[pick(rng, std::size(kSigned))];
    }
    case 1: {
      const std::uint64_t kUnsigned[] = {UINT64_MAX, std::uint64_t{INT64_MAX} + 1, 0, UINT32_MAX};
      return kUnsigned[pick(rng, std::size(kUnsigned))];
    }
    case 2:
      return static_cast<std::int64_t>(rng()) >> shift;  // negative or positive, any width
    case 3:
      return rng() >> shift;  // unsigned, any width
    default:
      return static_cast<std::int64_t>(pick(rng, 2000)) - 1000;
  }
}

/// A random tree: nested objects and arrays (empty ones too), strings, integers, doubles, bools,
/// nulls.
Json random_value(Rng& rng, int depth) {
  switch (pick(rng, depth < 5 ? 9 : 6)) {
    case 0:
      return random_text(rng);
    case 1:
      return random_integer(rng);
    case 2:
      return random_double(rng);
    case 3:
      return pick(rng, 2) == 0;
    case 4:
      return nullptr;
    case 5:
      return random_text(rng);
    case 6:
    case 7: {
      Json object = Json::object();
      const size_t n = pick(rng, 3) == 0 ? 0 : pick(rng, 7);
      for (size_t i = 0; i < n; ++i) object[random_text(rng)] = random_value(rng, depth + 1);
      return object;
    }
    default: {
      Json array = Json::array();
      const size_t n = pick(rng, 3) == 0 ? 0 : pick(rng, 7);
      for (size_t i = 0; i < n; ++i) array.push_back(random_value(rng, depth + 1));
      return array;
    }
  }
}

void write_signed(JsonWriter& w, std::int64_t v, Rng& rng) {
  for (;;) {
    switch (pick(rng, 10)) {
      case 0:
        if (v >= SCHAR_MIN && v <= SCHAR_MAX) return w.value(static_cast<signed char>(v));
        break;
      case 1:
        if (v >= SHRT_MIN && v <= SHRT_MAX) return w.value(static_cast<short>(v));
        break;
      case 2:
        if (v >= INT_MIN && v <= INT_MAX) return w.value(static_cast<int>(v));
        break;
      case 3:
        return w.value(static_cast<long>(v));
      case 4:
        return w.value(static_cast<long long>(v));
      case 5:
        return w.value(std::optional<std::int64_t>(v));
      case 6:
        if (v >= 0 && v <= UCHAR_MAX) return w.value(static_cast<unsigned char>(v));
        break;
      case 7:
        if (v >= 0 && v <= UINT_MAX) return w.value(static_cast<unsigned>(v));
        break;
      case 8:
        if (v >= 0) return w.value(static_cast<unsigned long long>(v));
        break;
      default:
        return w.raw_value(std::to_string(v));
    }
  }
}

void write_unsigned(JsonWriter& w, std::uint64_t v, Rng& rng) {
  for (;;) {
    switch (pick(rng, 8)) {
      case 0:
        if (v <= USHRT_MAX) return w.value(static_cast<unsigned short>(v));
        break;
      case 1:
        if (v <= UINT_MAX) return w.value(static_cast<unsigned>(v));
        break;
      case 2:
        return w.value(static_cast<unsigned long>(v));
      case 3:
        return w.value(static_cast<unsigned long long>(v));
      case 4:
        return w.value(static_cast<std::size_t>(v));
      case 5:
        if (v <= INT64_MAX) return w.value(static_cast<std::int64_t>(v));
        break;
      case 6:
        if (v <= INT_MAX) return w.value(static_cast<int>(v));
        break;
      default:
        return w.raw_value(std::to_string(v));
    }
  }
}

/// Writes `j` through `w`, each piece through one of the overloads that can write it.
void write(JsonWriter& w, const Json& j, Rng& rng) {
  switch (j.type()) {
    case Json::value_t::object:
      w.begin_object();
      for (auto it = j.begin(); it != j.end(); ++it) {
        w.key(it.key());
        write(w, it.value(), rng);
      }
      w.end_object();
      return;
    case Json::value_t::array:
      w.begin_array();
      for (const Json& element : j) write(w, element, rng);
      w.end_array();
      return;
    case Json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      switch (pick(rng, 4)) {
        case 0:
          return w.value(s);
        case 1:
          return w.value(std::string_view(s));
        case 2:
          return s.find('\0') == std::string::npos ? w.value(s.c_str()) : w.value(s);
        default:
          return w.raw_string(json_string(s));
      }
    }
    case Json::value_t::number_integer:
      return write_signed(w, j.get<std::int64_t>(), rng);
    case Json::value_t::number_unsigned:
      return write_unsigned(w, j.get<std::uint64_t>(), rng);
    case Json::value_t::number_float: {
      const auto d = j.get<double>();
      return pick(rng, 4) == 0 ? w.raw_value(format_json_double(d)) : w.value(d);
    }
    case Json::value_t::boolean:
      return w.value(j.get<bool>());
    case Json::value_t::null:
      return pick(rng, 2) == 0 ? w.null() : w.value(std::optional<std::int64_t>());
    default:
      FAIL("no such JSON in these tests");
  }
}

std::string written(const Json& j, JsonWriter::Style style, Rng& rng) {
  TextBuffer out;
  JsonWriter w(out, style);
  write(w, j, rng);
  CHECK(w.depth() == 0);
  return std::string(out.view());
}

std::string written_value(std::string_view text) {
  TextBuffer out;
  JsonWriter w(out);
  w.value(text);
  return std::string(out.view());
}

template <typename T>
void check_limits() {
  for (T v : {std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), T{0}, T{1}, static_cast<T>(100)}) {
    TextBuffer out;
    JsonWriter w(out);
    w.value(v);
    CHECK(std::string(out.view()) == nlohmann::json(v).dump());
  }
}

}  // namespace

TEST_CASE("random documents are written as nlohmann dump() and dump(2) write them", "[json]") {
  Rng rng(0x5F6A11);
  size_t bytes = 0;
  for (int i = 0; i < 4000; ++i) {
    // mostly objects holding a few random values, now and then a bare array or scalar
    Json top = Json::object();
    if (pick(rng, 10) == 0) {
      top = random_value(rng, static_cast<int>(pick(rng, 6)));
    } else {
      for (size_t n = pick(rng, 8); n > 0; --n) top[random_text(rng)] = random_value(rng, 0);
    }
    INFO("document " << i);
    const std::string compact = written(top, JsonWriter::Style::compact, rng);
    CHECK(compact == top.dump());
    CHECK(written(top, JsonWriter::Style::pretty, rng) == top.dump(2));
    bytes += compact.size();
  }
  CHECK(bytes > 500000);  // the documents are not trivially small
}

TEST_CASE("documents written one after another (JSON Lines) need only the line break between them", "[json]") {
  Rng rng(7);
  for (const auto style : {JsonWriter::Style::compact, JsonWriter::Style::pretty}) {
    TextBuffer out;
    JsonWriter w(out, style);
    std::string expected;
    for (int i = 0; i < 200; ++i) {
      const Json doc = random_value(rng, 2);
      write(w, doc, rng);
      w.buffer() += '\n';
      expected += (style == JsonWriter::Style::pretty ? doc.dump(2) : doc.dump()) + "\n";
    }
    CHECK(std::string(out.view()) == expected);
  }
}

TEST_CASE("the pretty style writes empty containers as {} and [] and indents two spaces a level", "[json]") {
  TextBuffer out;
  JsonWriter w(out, JsonWriter::Style::pretty);
  w.begin_object();
  w.key("empty object");
  w.begin_object();
  w.end_object();
  w.key("empty array");
  w.begin_array();
  w.end_array();
  w.key("list");
  w.begin_array();
  w.value(1);
  w.begin_object();
  w.key("x");
  w.null();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.end_object();
  CHECK(std::string(out.view()) ==
        "{\n"
        "  \"empty object\": {},\n"
        "  \"empty array\": [],\n"
        "  \"list\": [\n"
        "    1,\n"
        "    {\n"
        "      \"x\": null\n"
        "    },\n"
        "    []\n"
        "  ]\n"
        "}");
  TextBuffer compact;
  JsonWriter c(compact);
  c.begin_array();
  c.begin_object();
  c.end_object();
  c.begin_array();
  c.end_array();
  c.end_array();
  CHECK(std::string(compact.view()) == "[{},[]]");
}

TEST_CASE("every ASCII byte in a value or a key is escaped as nlohmann escapes it", "[json]") {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text = "a" + std::string(1, static_cast<char>(c)) + "b";
    INFO("byte " << c);
    CHECK(written_value(text) == Json(text).dump());
    CHECK(json_string(text) == Json(text).dump());
    for (const auto style : {JsonWriter::Style::compact, JsonWriter::Style::pretty}) {
      TextBuffer out;
      JsonWriter w(out, style);
      w.begin_object();
      w.key(text);
      w.value(c);
      w.end_object();
      const Json j = Json::object({{text, c}});
      CHECK(std::string(out.view()) == (style == JsonWriter::Style::pretty ? j.dump(2) : j.dump()));
    }
  }
}

TEST_CASE("format_json_double writes what nlohmann writes for the doubles it formats its own way", "[json]") {
  const std::pair<double, const char*> kCases[] = {
      {0.5, "0.5"},
      {0.1, "0.1"},
      {1e-5, "1e-05"},  // below 1e-4: exponent notation, two exponent digits at least
      {1e-4, "0.0001"},
      {123456789012345678.0, "1.2345678901234568e+17"},
      {1e14, "100000000000000.0"},  // whole numbers below 1e15 get ".0"
      {123456789012345.0, "123456789012345.0"},
      {1e15, "1e+15"},  // from 1e15 on: exponent notation
      {1234567890123456.0, "1.234567890123456e+15"},
      {1e16, "1e+16"},
      {80.0, "80.0"},
      {-80.0, "-80.0"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {5e-324, "5e-324"},
      {DBL_MIN, "2.2250738585072014e-308"},
      {DBL_MAX, "1.7976931348623157e+308"},
      {-DBL_MAX, "-1.7976931348623157e+308"},
      {1e100, "1e+100"},
      {0.75, "0.75"},
      {8.4816206987030405e+18, "8.481620698703041e+18"},  // Grisu2: not the shortest digits
      {1316436775194682.2, "1.3164367751946823e+15"},     // Grisu2: not the closest digits (…822)
      {std::numeric_limits<double>::quiet_NaN(), "null"},
      {std::numeric_limits<double>::infinity(), "null"},
      {-std::numeric_limits<double>::infinity(), "null"},
  };
  for (const auto& [d, text] : kCases) {
    INFO(hex(d));
    CHECK(format_json_double(d) == text);
    CHECK(format_json_double(d) == Json(d).dump());
    TextBuffer out;
    JsonWriter w(out);
    w.value(d);
    CHECK(std::string(out.view()) == text);
  }
}

TEST_CASE("format_json_double writes what nlohmann writes for random bit patterns and random decimals", "[json]") {
  Rng rng(20240611);
  size_t compared = 0;
  size_t mismatches = 0;
  size_t longest = 0;
  auto compare = [&](double d) {
    const std::string mine = format_json_double(d);
    const std::string theirs = Json(d).dump();
    ++compared;
    if (mine.size() > longest) longest = mine.size();
    if (mine != theirs && ++mismatches <= 10) {
      INFO(hex(d));
      CHECK(mine == theirs);
    }
  };
  for (int i = 0; i < 200000; ++i) compare(from_bits(rng()));
  for (int i = 0; i < 200000; ++i) compare(random_decimal(rng));
  // powers of two (where the lower neighbour is closer) and their neighbours, over the whole range
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    compare(p);
    compare(std::nextafter(p, 0.0));
    compare(std::nextafter(p, INFINITY));
  }
  // whole numbers, and the ratios sfgrant writes (basis points over 10,000)
  for (int n = 0; n <= 10000; ++n) {
    compare(n);
    compare(static_cast<double>(n) / 10000.0);
  }
  for (const double d : kSpecialDoubles) compare(d);
  CHECK(mismatches == 0);
  CHECK(compared == 400000 + 3 * 2098 + 2 * 10001 + std::size(kSpecialDoubles));
  CHECK(longest == kJsonDoubleMaxChars);  // the bound is reached, not passed
}

TEST_CASE("every integer type is written as nlohmann writes it, from its least to its greatest value", "[json]") {
  check_limits<signed char>();
  check_limits<unsigned char>();
  check_limits<short>();
  check_limits<unsigned short>();
  check_limits<int>();
  check_limits<unsigned>();
  check_limits<long>();
  check_limits<unsigned long>();
  check_limits<long long>();
  check_limits<unsigned long long>();
  check_limits<std::int8_t>();
  check_limits<std::uint16_t>();
  check_limits<std::int32_t>();
  check_limits<std::int64_t>();
  check_limits<std::uint64_t>();
  check_limits<std::size_t>();
  check_limits<std::ptrdiff_t>();
  TextBuffer out;
  JsonWriter w(out);
  w.begin_array();
  w.value(std::optional<std::int64_t>());
  w.value(std::optional<std::int64_t>(INT64_MIN));
  w.value(true);
  w.value(false);
  w.null();
  w.value(2.5f);  // a float is written as the double it is
  w.raw_value("12.50");
  w.end_array();
  CHECK(std::string(out.view()) == "[null,-9223372036854775808,true,false,null,2.5,12.50]");
  TextBuffer ints;
  append_json_int(ints, INT64_MIN);
  ints += ' ';
  append_json_int(ints, INT64_MAX);
  CHECK(std::string(ints.view()) == "-9223372036854775808 9223372036854775807");
}

TEST_CASE("UTF-8 that nlohmann refuses throws sfgrant::Error from a value, a key or json_string", "[json]") {
  const std::string_view kBad[] = {
      "\xC3\x28",              // a lead byte without its continuation
      "\x80",                  // a lone continuation byte
      "\xC0\xAF",              // overlong '/'
      "\xE0\x80\xAF",          // overlong '/' in three bytes
      "\xED\xA0\x80",          // a UTF-16 surrogate
      "\xF4\x90\x80\x80",      // above U+10FFFF
      "\xE2\x82",              // cut short
      "abc \xFF def",          // a byte UTF-8 never has
      "\xF8\x88\x80\x80\x80",  // five bytes
      "한글\xEA",              // valid, then cut short
  };
  for (const std::string_view bad : kBad) {
    INFO(Json(std::string(bad)).dump(-1, ' ', true, Json::error_handler_t::replace));
    CHECK_THROWS_AS(Json(std::string(bad)).dump(), nlohmann::json::type_error);  // nlohmann refuses it
    CHECK_THROWS_AS(json_string(bad), Error);
    CHECK_THROWS_WITH(json_string(bad), Catch::Contains("not valid UTF-8"));
    TextBuffer out;
    CHECK_THROWS_AS(append_json_string(out, bad), Error);
    for (const auto style : {JsonWriter::Style::compact, JsonWriter::Style::pretty}) {
      TextBuffer value_out;
      JsonWriter value_writer(value_out, style);
      CHECK_THROWS_AS(value_writer.value(bad), Error);
      TextBuffer key_out;
      JsonWriter key_writer(key_out, style);
      key_writer.begin_object();
      CHECK_THROWS_AS(key_writer.key(bad), Error);
    }
  }
  CHECK_THROWS_WITH(json_string("ab\xC3\x28"), "cannot write JSON: text is not valid UTF-8 (byte 2, 0xC3)");
}

TEST_CASE("random bytes are refused exactly when nlohmann refuses them, and written as it writes them otherwise",
          "[json]") {
  Rng rng(99);
  const unsigned char kBytes[] = {'a',  '"',  0x01, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xC2, 0xDF,
                                  0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90, 0x8F};
  size_t refused = 0;
  size_t disagreements = 0;
  for (int i = 0; i < 50000; ++i) {
    // valid pieces with now and then a random byte among them
    std::string text;
    const size_t n = 1 + pick(rng, 6);
    for (size_t k = 0; k < n; ++k) {
      if (pick(rng, 4) == 0)
        text += static_cast<char>(kBytes[pick(rng, std::size(kBytes))]);
      else
        text += kPieces[pick(rng, std::size(kPieces))];
    }
    std::optional<std::string> theirs;
    try {
      theirs = Json(text).dump();
    } catch (const nlohmann::json::type_error&) {
    }
    std::optional<std::string> mine;
    try {
      mine = json_string(text);
    } catch (const Error&) {
    }
    if (!theirs) ++refused;
    if (mine != theirs && ++disagreements <= 10) {
      INFO(Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
      CHECK(mine == theirs);
    }
  }
  CHECK(disagreements == 0);
  CHECK(refused > 10000);  // both kinds were tried
  CHECK(refused < 40000);
}

TEST_CASE("raw_string of json_string(s) writes what value(s) writes", "[json]") {
  Rng rng(3);
  for (int i = 0; i < 5000; ++i) {
    const std::string text = random_text(rng);
    for (const auto style : {JsonWriter::Style::compact, JsonWriter::Style::pretty}) {
      TextBuffer a;
      TextBuffer b;
      JsonWriter by_value(a, style);
      JsonWriter by_raw(b, style);
      by_value.begin_array();
      by_raw.begin_array();
      by_value.value(text);
      by_raw.raw_string(json_string(text));
      by_value.value(text);
      by_raw.raw_string(json_string(text));
      by_value.end_array();
      by_raw.end_array();
      CHECK(a.view() == b.view());
    }
  }
}
