#pragma once
/// Reading one answer a line, for `sfgrant interview`. On a terminal the line is edited with
/// libedit (BSD licence; GNU readline would make the binary GPL): cursor keys, Hangul-correct
/// backspace and redisplay (its wide-character API, under a UTF-8 LC_CTYPE), Ctrl-R and Ctrl-P/N
/// through the history of answers. ↑ on an empty line, or on a pre-filled line not yet changed,
/// asks to go back; Ctrl-C and Ctrl-D (on an empty line) are reported, not fatal. From a stream
/// (tests, a pipe) lines are read as they are.
#include <istream>
#include <memory>
#include <ostream>
#include <string>

namespace sfgrant {

struct LineRead {
  enum class Event {
    line,       ///< a line was entered (`text`, trimmed of spaces at both ends)
    back,       ///< ↑ on an empty (or unchanged pre-filled) line: go to the previous question
    interrupt,  ///< Ctrl-C (SIGINT) while reading or since the last read
    end,        ///< end of input: Ctrl-D on an empty line, or the stream ended
  };
  Event event = Event::line;
  std::string text;
};

class LineReader {
 public:
  virtual ~LineReader() = default;
  /// Shows `prompt` (UTF-8) and reads a line; `prefill` is put on the line for editing (a stream
  /// ignores it). Every non-empty line entered joins the history.
  virtual LineRead read(const std::string& prompt, const std::string& prefill) = 0;
};

/// A libedit reader on the terminal behind standard input and output. Sets LC_CTYPE from the
/// environment, or C.UTF-8 when that is not UTF-8. Catches SIGINT for its lifetime (a Ctrl-C
/// between reads is reported by the next read) and restores the old handler and locale after.
/// Returns nullptr when no UTF-8 locale can be set (the caller falls back to a stream reader).
std::unique_ptr<LineReader> make_terminal_line_reader();

/// Reads lines from `in`, writing the prompt to `out`.
std::unique_ptr<LineReader> make_stream_line_reader(std::istream& in, std::ostream& out);

}  // namespace sfgrant
