#pragma once
/// The one JSON writer of sfgrant's public output (SPEC §7): JSON text streamed into a TextBuffer,
/// byte for byte what nlohmann::ordered_json::dump() (compact) or dump(2) (pretty) writes for the
/// same tree, with ensure_ascii off: UTF-8 passes through, `"` `\` and control characters are
/// escaped, doubles are formatted as nlohmann formats them (format_json_double), NaN and the
/// infinities are written as null.
///
/// It is on the batch hot path (~1,500 pieces a company): the members are inline, a piece is
/// written with one room()/commit() on the buffer, nothing allocates except the buffer growing,
/// nothing is virtual, and release builds keep no per-level state (only a depth and what the next
/// piece must be preceded by). Misuse (a value where a key is due, ends that do not match) is
/// caught by assertions in builds without NDEBUG only; release builds write what they are told.
#include <cassert>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "sfgrant/text/text_buffer.h"

namespace sfgrant {

// ---- free helpers (fragments prepared ahead of time, single values) ----

/// Appends `text` as a quoted JSON string, escaped as nlohmann escapes it: `\"` `\\` `\b` `\f`
/// `\n` `\r` `\t`, other bytes below 0x20 as `\u00xx` (lowercase hex), everything else (DEL and
/// UTF-8 included) as is. Throws sfgrant::Error when `text` is not valid UTF-8 (nlohmann would
/// refuse it too); the buffer then holds a partial string.
void append_json_string(TextBuffer& out, std::string_view text);

/// `text` as a quoted, escaped JSON string (append_json_string), for fragments prepared once
/// and copied many times, e.g. with JsonWriter::raw_string().
std::string json_string(std::string_view text);

namespace json_detail {

/// "00" "01" … "99": two digits at a time.
inline constexpr char kDigitPairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Writes `v` in decimal at `p` (room for 20 bytes) and returns the end: the digits std::to_chars
/// writes, at about half its cost (a won amount is written a dozen times a company in a batch).
inline char* write_integer(char* p, std::int64_t v) {
  std::uint64_t u = static_cast<std::uint64_t>(v);
  if (v < 0) {
    *p++ = '-';
    u = 0 - u;
  }
  int digits = 1;  // counted four at a time, as libstdc++ does
  for (std::uint64_t x = u;; x /= 10000, digits += 4) {
    if (x < 10) break;
    if (x < 100) {
      digits += 1;
      break;
    }
    if (x < 1000) {
      digits += 2;
      break;
    }
    if (x < 10000) {
      digits += 3;
      break;
    }
  }
  char* end = p + digits;
  char* q = end;
  while (u >= 100) {
    const size_t pair = static_cast<size_t>(u % 100) * 2;
    u /= 100;
    *--q = kDigitPairs[pair + 1];
    *--q = kDigitPairs[pair];
  }
  if (u >= 10) {
    const size_t pair = static_cast<size_t>(u) * 2;
    *--q = kDigitPairs[pair + 1];
    *--q = kDigitPairs[pair];
  } else {
    *--q = static_cast<char>('0' + u);
  }
  return end;
}

}  // namespace json_detail

/// Appends a whole number as dump() writes it.
inline void append_json_int(TextBuffer& out, std::int64_t n) {
  char* at = out.room(20);
  out.commit(static_cast<size_t>(json_detail::write_integer(at, n) - at));
}

/// The most bytes write_json_double() writes: "-" + "d.dddddddddddddddde-308".
inline constexpr size_t kJsonDoubleMaxChars = 24;

/// Writes `value` as nlohmann's dump() does (at most kJsonDoubleMaxChars bytes from `first`) and
/// returns the end: the digits of the Grisu2 algorithm (which round-trip, and are the shortest
/// ones for all but ~0.1% of doubles), fixed notation for 1e-4 <= |v| < 1e15 with ".0" on whole
/// numbers ("80.0", "-0.0"), else exponent notation with at least two exponent digits ("1e-05",
/// "1.2345678901234568e+17", "5e-324"); "null" for NaN and the infinities.
char* write_json_double(char* first, double value);

/// write_json_double() as a string.
std::string format_json_double(double value);

namespace json_detail {

struct PlainBytes {
  bool plain[256];
};
constexpr PlainBytes make_plain_bytes() {
  PlainBytes t{};
  for (int c = 0; c < 256; ++c) t.plain[c] = c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  return t;
}
/// Bytes copied as they are without looking further: printable ASCII but `"` and `\`.
inline constexpr PlainBytes kPlainBytes = make_plain_bytes();

/// Copies the leading bytes of `text` that need no escape and no UTF-8 check to `to` (which has
/// room for all of `text`); returns how many were copied.
inline size_t copy_plain(char* to, std::string_view text) {
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (!kPlainBytes.plain[static_cast<unsigned char>(c)]) break;
    to[i] = c;
  }
  return i;
}

/// How many leading bytes of `text` need no escape (debug checks of literal keys).
inline size_t copy_plain_length(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && kPlainBytes.plain[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

/// Appends `text` from byte `from` on, escaped (no quotes); checks the whole of `text` is UTF-8
/// when it meets a byte >= 0x80, and throws sfgrant::Error when it is not.
void append_escaped(TextBuffer& out, std::string_view text, size_t from);

/// Integer types written as numbers: not bool, and not the character types (a `char` meant as a
/// number is rare, one meant as text is a bug).
template <typename T>
inline constexpr bool kJsonInteger =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> && !std::is_same_v<T, wchar_t> &&
    !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;

}  // namespace json_detail

// ---- the writer ----

class JsonWriter {
 public:
  enum class Style : unsigned char {
    compact,  ///< nlohmann dump(): no whitespace at all
    pretty,   ///< nlohmann dump(2): a line per member or element, two spaces a level, "key": value
  };

  explicit JsonWriter(TextBuffer& out, Style how = Style::compact) : out_(out), pretty_(how == Style::pretty) {}

  /// Several documents may follow each other (JSON Lines): once a top-level value is complete,
  /// the next one starts afresh; the caller writes what separates them ('\n') to buffer().
  TextBuffer& buffer() { return out_; }
  Style style() const { return pretty_ ? Style::pretty : Style::compact; }
  /// Containers open: 0 between documents.
  size_t depth() const { return depth_; }

  void begin_object() { begin('{', true); }
  void end_object() { end('}', true); }
  void begin_array() { begin('[', false); }
  void end_array() { end(']', false); }

  /// A member's name (any text: escaped as a string value is); its value comes next.
  void key(std::string_view name) {
    check_key();
    char* p = open(name.size() + 4);
    *p = '"';
    const size_t plain = json_detail::copy_plain(p + 1, name);
    if (plain == name.size()) {
      p[plain + 1] = '"';
      p[plain + 2] = ':';
      p[plain + 3] = ' ';
      out_.commit(plain + 3 + static_cast<size_t>(pretty_));
    } else {
      out_.commit(plain + 1);
      json_detail::append_escaped(out_, name, plain);
      out_.append(pretty_ ? std::string_view("\": ", 3) : std::string_view("\":", 2));
    }
    state_ = kAfterKey;
  }

  /// A key written as a literal in the code: plain ASCII by contract (checked in debug builds), so
  /// it is copied without looking at its bytes. The batch writes ~1,500 keys a company.
  template <size_t N>
  void key(const char (&name)[N]) {
    out_.commit(literal_key(name, 0));
    state_ = kAfterKey;
  }

  /// A string, escaped (append_json_string); throws sfgrant::Error when it is not UTF-8.
  void value(std::string_view text) {
    check_value();
    char* p = open(text.size() + 2);
    *p = '"';
    const size_t plain = json_detail::copy_plain(p + 1, text);
    if (plain == text.size()) {
      p[plain + 1] = '"';
      out_.commit(plain + 2);
    } else {
      out_.commit(plain + 1);
      json_detail::append_escaped(out_, text, plain);
      out_ += '"';
    }
    done();
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  /// Not a string, and not to become a bool either.
  template <typename T>
  void value(const T*) = delete;

  /// Any integer type (int, long, long long, std::size_t, std::uint8_t, …) as a number.
  template <typename T, std::enable_if_t<json_detail::kJsonInteger<T>, int> = 0>
  void value(T n) {
    check_value();
    char* p = open(20);
    if constexpr (std::is_signed_v<T> || sizeof(T) < sizeof(std::uint64_t))
      out_.commit(static_cast<size_t>(json_detail::write_integer(p, static_cast<std::int64_t>(n)) - p));
    else
      out_.commit(static_cast<size_t>(std::to_chars(p, p + 20, n).ptr - p));
    done();
  }
  void value(char) = delete;  ///< a number or a one-letter string? say which

  void value(bool b) { raw_value(b ? std::string_view("true", 4) : std::string_view("false", 5)); }

  /// As format_json_double(): null for NaN and the infinities, as dump() writes them.
  void value(double d) {
    check_value();
    char* p = open(kJsonDoubleMaxChars);
    out_.commit(static_cast<size_t>(write_json_double(p, d) - p));
    done();
  }

  /// The value, or null when there is none.
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v)
      value(*v);
    else
      null();
  }

  /// A member: its key, then its value (anything value() takes).
  template <typename T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }
  template <size_t N, typename T>
  void member(const char (&name)[N], const T& v) {
    if constexpr (json_detail::kJsonInteger<T>) {  // the amounts of every split: key and number at once
      const size_t k = literal_key(name, 20);
      char* p = out_.room(0) + k;
      if constexpr (std::is_signed_v<T> || sizeof(T) < sizeof(std::uint64_t))
        out_.commit(k + static_cast<size_t>(json_detail::write_integer(p, static_cast<std::int64_t>(v)) - p));
      else
        out_.commit(k + static_cast<size_t>(std::to_chars(p, p + 20, v).ptr - p));
      done();
    } else {
      key(name);
      value(v);
    }
  }
  template <size_t N, typename T, std::enable_if_t<json_detail::kJsonInteger<T>, int> = 0>
  void member(const char (&name)[N], const std::optional<T>& v) {
    if (v) {
      member(name, *v);
    } else {
      const size_t k = literal_key(name, 4);
      std::memcpy(out_.room(0) + k, "null", 4);
      out_.commit(k + 4);
      done();
    }
  }

  void null() { raw_value(std::string_view("null", 4)); }

  /// A string quoted and escaped ahead of time by json_string(): copied as it is.
  void raw_string(std::string_view quoted) {
    assert(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"');
    raw_value(quoted);
  }

  /// Members of an object (keys, values and the separators between them) formatted ahead of time by
  /// capture_members() for this writer's style at this depth: copied as they are. What a document
  /// repeats for every company (names, messages, citations) is written this way.
  void raw_members(std::string_view members) {
    check_key();
    char* p = open(members.size());
    std::memcpy(p, members.data(), members.size());
    out_.commit(members.size());
    state_ = kNext;
  }

  /// The members `write` writes into an object at `depth` (1 for the top-level object's members),
  /// as a writer of `style` writes them, without the separator before the first: for raw_members().
  template <typename Write>
  static std::string capture_members(Style style, size_t depth, Write write) {
    TextBuffer buffer;
    JsonWriter json(buffer, style);
    for (size_t d = 1; d < depth; ++d) json.begin_array();
    json.begin_object();
    const size_t start = buffer.size() + (style == Style::pretty ? 1 + 2 * depth : 0);  // "\n" and the indent
    write(json);
    return std::string(buffer.view().substr(start));
  }

  /// A value formatted ahead of time (a number, true/false/null): copied as it is.
  void raw_value(std::string_view text) {
    check_value();
    char* p = open(text.size());
    std::memcpy(p, text.data(), text.size());
    out_.commit(text.size());
    done();
  }

 private:
  /// What the next piece is preceded by.
  enum : unsigned char {
    kFirst,     ///< nothing (compact) or a new line (pretty): first in its container, or a document
    kNext,      ///< a comma (compact) or a comma and a new line (pretty)
    kAfterKey,  ///< nothing: the key wrote its colon
  };

  /// Writes what precedes a member and its literal key `"name": ` with room for `more` bytes after
  /// it, all uncommitted; returns the key's length with its separator.
  template <size_t N>
  __attribute__((always_inline)) size_t literal_key(const char (&name)[N], size_t more) {
    constexpr size_t n = N - 1;
    assert(std::string_view(name).size() == n && json_detail::copy_plain_length(name) == n);
    check_key();
    char* p = open(n + 4 + more);
    p[0] = '"';
    std::memcpy(p + 1, name, n);
    p[n + 1] = '"';
    p[n + 2] = ':';
    p[n + 3] = ' ';
    return n + 3 + static_cast<size_t>(pretty_);
  }

  /// Writes what precedes the next piece and returns room for `n` more bytes, uncommitted.
  __attribute__((always_inline)) char* open(size_t n) {
    if (pretty_) {
      if (state_ != kAfterKey && depth_ != 0) new_line(state_ == kNext, depth_);
      return out_.room(n);
    }
    char* p = out_.room(n + 1);
    *p = ',';
    const size_t comma = state_ == kNext;
    out_.commit(comma);
    return p + comma;
  }

  /// A value or a container is complete.
  void done() { state_ = depth_ != 0 ? kNext : kFirst; }

  __attribute__((always_inline)) void begin(char bracket, bool object) {
    check_value();
    *open(1) = bracket;
    out_.commit(1);
    push(object);
    ++depth_;
    state_ = kFirst;
  }

  __attribute__((always_inline)) void end(char bracket, bool object) {
    check_end(object);
    --depth_;
    // "{}" and "[]" for empty containers in both styles; a closing line of its own otherwise
    if (pretty_ && state_ == kNext) new_line(false, depth_);
    out_ += bracket;
    done();
  }

  /// Pretty style: an optional comma, a new line and two spaces a level. Out of line: only
  /// `check --format json` writes pretty, once a run.
  void new_line(bool comma, size_t level);

  // Debug checks: a bit a level (the first 64), set for objects. The members exist in every
  // build so that the class is the same with and without NDEBUG; only debug builds use them.
  void push([[maybe_unused]] bool object) {
#ifndef NDEBUG
    if (depth_ < 64) {
      const std::uint64_t bit = std::uint64_t{1} << depth_;
      objects_ = object ? objects_ | bit : objects_ & ~bit;
    }
#endif
  }
  bool in_object() const { return depth_ != 0 && depth_ <= 64 && (objects_ >> (depth_ - 1) & 1) != 0; }
  bool in_array() const { return depth_ != 0 && depth_ <= 64 && (objects_ >> (depth_ - 1) & 1) == 0; }
  void check_key() const {
    assert((depth_ > 64 || in_object()) && "key() outside an object");
    assert(state_ != kAfterKey && "key() after key()");
  }
  void check_value() const {
    assert((depth_ > 64 || !in_object() || state_ == kAfterKey) && "a value in an object needs a key() first");
  }
  void check_end([[maybe_unused]] bool object) const {
    assert(depth_ != 0 && "end_object()/end_array() with nothing open");
    assert((depth_ > 64 || (object ? in_object() : in_array())) && "end_object()/end_array() does not match");
    assert(state_ != kAfterKey && "key() without a value");
  }

  TextBuffer& out_;
  size_t depth_ = 0;
  std::uint64_t objects_ = 0;
  unsigned char state_ = kFirst;
  bool pretty_;
};

}  // namespace sfgrant
