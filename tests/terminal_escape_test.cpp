// Text from the data never reaches the terminal raw: a company name or a value holding terminal
// escapes (retitle, clear screen) or a bidi override is shown escaped in tables and error lines.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/diagnostics.h"
#include "sfgrant/text/table.h"
#include "sfgrant/text/terminal_escape.h"
#include "support.h"

using namespace sfgrant;

namespace {

const std::string kHostile = "\x1b]0;title\x07\x1b[2J\xE2\x80\xAE한빛";  // ESC]0;title BEL ESC[2J U+202E
const std::string kShown = "\\x1b]0;title\\x07\\x1b[2J<U+202E>한빛";

bool raw_controls(const std::string& s) {
  return s.find('\x1b') != std::string::npos || s.find('\x07') != std::string::npos ||
         s.find("\xE2\x80\xAE") != std::string::npos;
}

}  // namespace

TEST_CASE("controls, C1 and bidi overrides are shown escaped; other text is unchanged", "[terminal]") {
  CHECK(escape_for_terminal(kHostile) == kShown);
  CHECK(escape_for_terminal("한빛정밀(주) \\ 50%") == "한빛정밀(주) \\ 50%");
  CHECK(escape_for_terminal("a\nb\tc\rd\x7f") == "a\nb\\tc\\x0dd\\x7f");
  CHECK(escape_for_terminal("a\nb", false) == "a\\nb");
  CHECK(escape_for_terminal("\xC2\x9B"
                            "31m") == "<U+009B>31m");  // C1 CSI
  CHECK(escape_for_terminal("\xE2\x80\x8F\xE2\x81\xA6x\xE2\x81\xA9") == "<U+200F><U+2066>x<U+2069>");
  CHECK(escape_for_terminal("a\xFF"
                            "b") == "a\\xffb");
  CHECK(escape_for_terminal(std::string("a\0b", 3)) == "a\\x00b");
  CHECK_FALSE(needs_terminal_escape("평범한 이름"));
  CHECK(needs_terminal_escape(kHostile));
}

TEST_CASE("a table cell shows a hostile name escaped, on one line", "[terminal][table]") {
  Table t({"이름", "값"});
  t.add_row({kHostile + "\n둘째줄", "1"});
  std::ostringstream out;
  t.print(out);
  CHECK_FALSE(raw_controls(out.str()));
  CHECK(out.str().find(kShown + " 둘째줄") != std::string::npos);
}

TEST_CASE("an error line shows the offending text escaped", "[terminal][diagnostics]") {
  std::ostringstream out;
  print_diagnostic(out,
                   Diagnostic{Severity::error, Location{"in.yaml", 2, 7}, "invalid value \"" + kHostile + "\"", ""});
  CHECK(out.str() == "in.yaml:2:7: error: invalid value \"" + kShown + "\"\n");
}

TEST_CASE("csv output keeps the data but drops NUL bytes", "[terminal][batch]") {
  CHECK(csv_cell(std::string("한빛\0정밀", 13)) == "한빛정밀");
}

TEST_CASE("check shows a hostile profile name escaped in its table, and a hostile value escaped on stderr",
          "[terminal][cli]") {
  const std::string dir = std::string(SFGRANT_SOURCE_DIR) + "/tests/bad_inputs/profiles/";
  sfgrant::testing::Command c;
  c.args = {"check",      dir + "escape-name.yaml",
            "--programs", std::string(SFGRANT_SOURCE_DIR) + "/programs",
            "--as-of",    "2026-02-15",
            "--all"};
  sfgrant::testing::Run r = sfgrant::testing::run(c);
  INFO(r.out << r.err);
  CHECK(r.code < 2);
  CHECK(r.out.find(kShown) != std::string::npos);
  CHECK_FALSE(raw_controls(r.out + r.err));

  c.args[1] = dir + "escape-value.yaml";
  r = sfgrant::testing::run(c);
  INFO(r.out << r.err);
  CHECK(r.code == 2);
  CHECK(r.err.find("\\x1b[2J<U+202E>small") != std::string::npos);
  CHECK_FALSE(raw_controls(r.out + r.err));
}
