#include "sfgrant/text/encoding.h"

#include <iconv.h>

#include <memory>

#include "sfgrant/text/unicode.h"

namespace sfgrant {

namespace {

struct IconvCloser {
  void operator()(iconv_t* cd) const {
    if (cd != nullptr) {
      iconv_close(*cd);
      delete cd;
    }
  }
};

iconv_t cp949_converter() {
  thread_local std::unique_ptr<iconv_t, IconvCloser> cd;
  if (!cd) {
    iconv_t h = iconv_open("UTF-8", "CP949");
    if (h == reinterpret_cast<iconv_t>(-1)) return h;
    cd.reset(new iconv_t(h));
  }
  return *cd;
}

}  // namespace

std::optional<std::string> decode_field(std::string_view bytes, Encoding encoding, size_t& bad_offset) {
  bool ascii = true;
  for (char c : bytes) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(bytes);
  if (encoding != Encoding::cp949) {
    if (valid_utf8(bytes)) return std::string(bytes);
    bad_offset = first_invalid_utf8(bytes);
    return std::nullopt;
  }
  iconv_t cd = cp949_converter();
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad_offset = 0;
    return std::nullopt;
  }
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  std::string out(bytes.size() * 3 / 2 + 8, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
    bad_offset = static_cast<size_t>(in_ptr - bytes.data());
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

Encoding sniff_encoding(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") return Encoding::utf8;
  // a multi-byte character may be cut at the end of the sample
  std::string_view sample = head;
  for (int k = 0; k < 3 && !sample.empty() && !valid_utf8(sample); ++k) sample.remove_suffix(1);
  return valid_utf8(sample) ? Encoding::utf8 : Encoding::cp949;
}

bool strip_bom(std::string& text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3);
    return true;
  }
  return false;
}

}  // namespace sfgrant
