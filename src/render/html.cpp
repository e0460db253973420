#include "sfgrant/render/html.h"

namespace sfgrant {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&#39;";
        continue;
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') continue;
    if (u == 0x7f) continue;
    // U+202A-202E are E2 80 AA-AE, U+2066-2069 are E2 81 A6-A9 in UTF-8
    if (u == 0xe2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      int code = 0;
      if (b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) code = 0x202a + (b2 - 0xaa);
      if (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) code = 0x2066 + (b2 - 0xa6);
      if (code != 0) {
        out += "&#x" + std::string(code < 0x2066 ? "202" : "206");
        static const char kHex[] = "0123456789ABCDEF";
        out += kHex[code & 0xf];
        out += ';';
        i += 2;
        continue;
      }
    }
    out += c;
  }
  return out;
}

void HtmlWriter::attrs(std::initializer_list<HtmlAttr> list) {
  for (const auto& [name, value] : list) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += html_escape(value);
    out_ += '"';
  }
}

void HtmlWriter::start(const char* tag, std::initializer_list<HtmlAttr> list) {
  out_ += '<';
  out_ += tag;
  attrs(list);
}

HtmlWriter& HtmlWriter::open(const char* tag, std::initializer_list<HtmlAttr> list) {
  start(tag, list);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::close(const char* tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::empty(const char* tag, std::initializer_list<HtmlAttr> list) {
  start(tag, list);
  out_ += "/>";
  return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view s) {
  out_ += html_escape(s);
  return *this;
}

HtmlWriter& HtmlWriter::element(const char* tag, std::string_view s, std::initializer_list<HtmlAttr> list) {
  open(tag, list);
  text(s);
  return close(tag);
}

HtmlWriter& HtmlWriter::data(std::string_view s) { return element("bdi", s); }

HtmlWriter& HtmlWriter::literal(const char* markup) {
  out_ += markup;
  return *this;
}

HtmlWriter& HtmlWriter::newline() {
  out_ += '\n';
  return *this;
}

std::string HtmlWriter::take() {
  std::string out = std::move(out_);
  out_.clear();
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace sfgrant
