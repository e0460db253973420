#include "sfgrant/text/line_reader.h"

#include <histedit.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <clocale>
#include <csignal>
#include <cstring>
#include <cwchar>
#include <vector>

namespace sfgrant {
namespace {

std::string trimmed(const std::string& line) {
  const auto b = line.find_first_not_of(" \t\r\n");
  const auto e = line.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : line.substr(b, e - b + 1);
}

class StreamLineReader final : public LineReader {
 public:
  StreamLineReader(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  LineRead read(const std::string& prompt, const std::string& /*prefill*/) override {
    out_ << prompt << std::flush;
    std::string line;
    if (!std::getline(in_, line)) return {LineRead::Event::end, {}};
    return {LineRead::Event::line, trimmed(line)};
  }

 private:
  std::istream& in_;
  std::ostream& out_;
};

/// Set by the SIGINT handler; read and cleared by the terminal reader.
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_sigint(int /*signal*/) { g_interrupted = 1; }

/// UTF-8 ⇄ wchar_t under the reader's UTF-8 LC_CTYPE. Bytes that are not UTF-8 become U+FFFD.
std::wstring widen(const std::string& s) {
  std::wstring out;
  std::mbstate_t state{};
  const char* p = s.data();
  size_t left = s.size();
  while (left > 0) {
    wchar_t wc = 0;
    const size_t n = std::mbrtowc(&wc, p, left, &state);
    if (n == static_cast<size_t>(-1) || n == static_cast<size_t>(-2)) {
      out += L'\uFFFD';
      state = std::mbstate_t{};
      ++p;
      --left;
      continue;
    }
    const size_t used = n == 0 ? 1 : n;
    out += wc;
    p += used;
    left -= used;
  }
  return out;
}

std::string narrow(const wchar_t* begin, const wchar_t* end) {
  std::string out;
  std::mbstate_t state{};
  char buf[MB_LEN_MAX];
  for (const wchar_t* p = begin; p != end; ++p) {
    const size_t n = std::wcrtomb(buf, *p, &state);
    if (n == static_cast<size_t>(-1)) {
      state = std::mbstate_t{};
      continue;
    }
    out.append(buf, n);
  }
  return out;
}

bool locale_is_utf8() {
  std::mbstate_t state{};
  wchar_t wc = 0;
  const char hangul[] = "\xea\xb0\x80";  // 가
  return std::mbrtowc(&wc, hangul, 3, &state) == 3 && wc == 0xAC00;
}

class TerminalLineReader final : public LineReader {
 public:
  explicit TerminalLineReader(std::string old_locale) : old_locale_(std::move(old_locale)) {
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a Ctrl-C ends the blocking read(2) with EINTR
    sigaction(SIGINT, &action, &old_sigint_);
    g_interrupted = 0;

    history_ = history_winit();
    HistEventW event;
    history_w(history_, &event, H_SETSIZE, 500);
    history_w(history_, &event, H_SETUNIQUE, 1);

    el_ = el_init("sfgrant", stdin, stdout, stderr);
    el_wset(el_, EL_EDITOR, L"emacs");
    el_wset(el_, EL_CLIENTDATA, this);
    el_wset(el_, EL_GETCFN, &TerminalLineReader::read_char);
    el_wset(el_, EL_PROMPT, &TerminalLineReader::prompt_of);
    el_wset(el_, EL_HIST, history_w, history_);
    el_wset(el_, EL_ADDFN, L"sfgrant-up", L"previous question on an empty line, else an older answer",
            &TerminalLineReader::key_up);
    el_wset(el_, EL_ADDFN, L"sfgrant-down", L"a newer answer", &TerminalLineReader::key_down);
    for (const wchar_t* seq : {L"\\e[A", L"\\eOA"}) el_wset(el_, EL_BIND, seq, L"sfgrant-up", nullptr);
    for (const wchar_t* seq : {L"\\e[B", L"\\eOB"}) el_wset(el_, EL_BIND, seq, L"sfgrant-down", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc, as every libedit program reads it
  }

  ~TerminalLineReader() override {
    el_end(el_);
    history_wend(history_);
    sigaction(SIGINT, &old_sigint_, nullptr);
    std::setlocale(LC_CTYPE, old_locale_.c_str());
  }

  TerminalLineReader(const TerminalLineReader&) = delete;
  TerminalLineReader& operator=(const TerminalLineReader&) = delete;

  LineRead read(const std::string& prompt, const std::string& prefill) override {
    std::fflush(stdout);
    if (g_interrupted != 0) {
      g_interrupted = 0;
      return {LineRead::Event::interrupt, {}};
    }
    prompt_ = widen(prompt);
    prefill_ = widen(prefill);
    back_ = false;
    browsing_ = answers_.size();
    if (!prefill_.empty()) el_wpush(el_, prefill_.c_str());
    int count = 0;
    const wchar_t* line = el_wgets(el_, &count);
    if (g_interrupted != 0) {
      g_interrupted = 0;
      std::fputs("^C\n", stdout);
      std::fflush(stdout);
      return {LineRead::Event::interrupt, {}};
    }
    if (back_) {  // (an empty line ended by a key function reads as NULL, and ends without a newline)
      std::fputs("\n", stdout);
      std::fflush(stdout);
      return {LineRead::Event::back, {}};
    }
    if (line == nullptr || count <= 0) {
      std::fputs("\n", stdout);
      std::fflush(stdout);
      return {LineRead::Event::end, {}};
    }
    std::string text = trimmed(narrow(line, line + count));
    if (!text.empty()) {
      HistEventW event;
      history_w(history_, &event, H_ENTER, widen(text).c_str());
      if (answers_.empty() || answers_.back() != text) answers_.push_back(text);
    }
    return {LineRead::Event::line, std::move(text)};
  }

 private:
  static TerminalLineReader* self(EditLine* el) {
    void* data = nullptr;
    el_wget(el, EL_CLIENTDATA, &data);
    return static_cast<TerminalLineReader*>(data);
  }

  static wchar_t* prompt_of(EditLine* el) { return self(el)->prompt_.data(); }

  /// One character from the terminal, decoded from UTF-8. A Ctrl-C (SIGINT interrupts the read)
  /// ends the line as end of input; read() then sees the flag.
  static int read_char(EditLine* /*el*/, wchar_t* out) {
    std::mbstate_t state{};
    while (true) {
      if (g_interrupted != 0) return 0;
      char byte = 0;
      const ssize_t n = ::read(STDIN_FILENO, &byte, 1);
      if (n == 0) return 0;
      if (n < 0) {
        if (errno == EINTR) continue;
        return -1;
      }
      wchar_t wc = 0;
      const size_t used = std::mbrtowc(&wc, &byte, 1, &state);
      if (used == static_cast<size_t>(-2)) continue;  // more bytes of this character to come
      if (used == static_cast<size_t>(-1)) {
        state = std::mbstate_t{};
        wc = L'\uFFFD';
      }
      *out = wc;
      return 1;
    }
  }

  std::wstring current_line() const {
    const LineInfoW* info = el_wline(el_);
    return std::wstring(info->buffer, info->lastchar);
  }

  static unsigned char key_up(EditLine* el, int /*key*/) {
    TerminalLineReader& r = *self(el);
    const std::wstring line = r.current_line();
    if (line.empty() || (line == r.prefill_ && r.browsing_ == r.answers_.size())) {
      r.back_ = true;
      return CC_NEWLINE;
    }
    if (r.browsing_ == 0) return CC_ERROR;
    if (r.browsing_ == r.answers_.size()) r.typed_ = line;  // kept for ↓ back to it
    --r.browsing_;
    r.replace_line(widen(r.answers_[r.browsing_]));
    return CC_REDISPLAY;
  }

  static unsigned char key_down(EditLine* el, int /*key*/) {
    TerminalLineReader& r = *self(el);
    if (r.browsing_ >= r.answers_.size()) return CC_ERROR;
    ++r.browsing_;
    r.replace_line(r.browsing_ == r.answers_.size() ? r.typed_ : widen(r.answers_[r.browsing_]));
    return CC_REDISPLAY;
  }

  /// el_wreplacestr refuses an empty string: the line is emptied by deleting it from its end.
  void replace_line(const std::wstring& text) {
    const LineInfoW* info = el_wline(el_);
    el_cursor(el_, static_cast<int>(info->lastchar - info->cursor));
    el_wdeletestr(el_, static_cast<int>(info->lastchar - info->buffer));
    if (!text.empty()) el_winsertstr(el_, text.c_str());
  }

  std::string old_locale_;
  struct sigaction old_sigint_ {};
  EditLine* el_ = nullptr;
  HistoryW* history_ = nullptr;
  std::wstring prompt_;
  std::wstring prefill_;
  bool back_ = false;
  std::wstring typed_;                ///< the line as typed before ↑ went through the answers
  std::vector<std::string> answers_;  ///< for ↑ / ↓ on a line being edited
  size_t browsing_ = 0;               ///< index into answers_ shown by ↑ / ↓; size() = the line typed
};

}  // namespace

std::unique_ptr<LineReader> make_terminal_line_reader() {
  const char* current = std::setlocale(LC_CTYPE, nullptr);
  std::string old_locale = current != nullptr ? current : "C";
  std::setlocale(LC_CTYPE, "");
  if (!locale_is_utf8()) std::setlocale(LC_CTYPE, "C.UTF-8");
  if (!locale_is_utf8()) {
    std::setlocale(LC_CTYPE, old_locale.c_str());
    return nullptr;
  }
  return std::make_unique<TerminalLineReader>(std::move(old_locale));
}

std::unique_ptr<LineReader> make_stream_line_reader(std::istream& in, std::ostream& out) {
  return std::make_unique<StreamLineReader>(in, out);
}

}  // namespace sfgrant
