// Tables that line up with Hangul (issue #7): display widths, wrapping that never splits a
// character, golden tables of the real command under LC_ALL=C and UTF-8 locales, columns checked
// by display width with an independent width table, and colour only on a terminal.
//
// Golden files are tests/golden/*.txt. After a deliberate change to the output, rewrite them with
// SFGRANT_UPDATE_GOLDEN=1 build/sfgrant_tests "[golden]" and review the diff before committing.
#include <catch2/catch.hpp>

#include "support.h"

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/text/table.h"

using sfgrant::Align;
using sfgrant::Color;
using sfgrant::display_width;
using sfgrant::Table;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;
const std::string kGolden = kSource + "/tests/golden/";

using sfgrant::testing::slurp;

// ---- an independent width oracle (Markus Kuhn's wcwidth ranges for what the fixtures use) ----

/// Code points of UTF-8 text; throws on invalid UTF-8 (the outputs must be valid).
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) throw std::runtime_error("invalid UTF-8 in output");
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) throw std::runtime_error("invalid UTF-8 in output");
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

int oracle_width(char32_t cp) {
  if (cp == 0x200B || (cp >= 0x0300 && cp <= 0x036F)) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6))
    return 2;
  return 1;  // ASCII, and the one-column symbols ① ※ · … ✔ ✘ → ⇒
}

int oracle_width(const std::string& s) {
  int w = 0;
  for (char32_t cp : code_points(s)) w += oracle_width(cp);
  return w;
}

/// The text of a line between display columns [from, to), by the oracle's widths.
std::string columns(const std::string& line, int from, int to) {
  std::string out;
  int col = 0;
  size_t i = 0;
  for (char32_t cp : code_points(line)) {
    const auto c = static_cast<unsigned char>(line[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (col >= from && col < to) out.append(line, i, n);
    col += oracle_width(cp);
    i += n;
  }
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

/// A printed table: the header line, the rule under it, then rows up to the first empty line.
struct Printed {
  std::vector<std::pair<int, int>> spans;  ///< display columns of each column, from the rule line
  std::vector<std::string> lines;          ///< header, rule, rows
  std::vector<std::string> notes;          ///< the ※ lines under rows, across the columns
};

/// `rule` is the index of the rule line; the header (one line, or more when it wraps) is above it.
Printed parse_table(const std::vector<std::string>& lines, size_t rule_line) {
  Printed p;
  size_t header = rule_line;
  while (header > 0 && !lines[header - 1].empty()) --header;
  const std::string& rule = lines.at(rule_line);
  int col = 0;
  int start = -1;
  for (char c : rule + " ") {
    if (c == '-' && start < 0) start = col;
    if (c != '-' && start >= 0) {
      p.spans.emplace_back(start, col);
      start = -1;
    }
    ++col;
  }
  // the table ends at an empty line, or at the note of the columns it left out ("(…)")
  bool in_note = false;  // a note's continuation lines are indented under its text
  for (size_t i = header; i < lines.size() && !lines[i].empty() && lines[i][0] != '('; ++i) {
    in_note = lines[i].rfind("  ※", 0) == 0 || (in_note && lines[i].rfind("    ", 0) == 0);
    (in_note ? p.notes : p.lines).push_back(lines[i]);
  }
  return p;
}

/// Every line of a printed table: the two columns between cells are blank, and no line is wider
/// than the rule (nor than `max_width` when given). This is the alignment, by display width.
void check_alignment(const Printed& p, int max_width) {
  REQUIRE(p.spans.size() >= 2);
  const int width = p.spans.back().second;
  if (max_width > 0) CHECK(width <= max_width);
  for (const std::string& line : p.lines) {
    INFO("line: " << line);
    CHECK(oracle_width(line) <= width);
    for (size_t c = 0; c + 1 < p.spans.size(); ++c) {
      const std::string gap = columns(line, p.spans[c].second, p.spans[c + 1].first);
      CHECK(gap.find_first_not_of(' ') == std::string::npos);
    }
  }
  for (const std::string& note : p.notes) {  // a caveat under a row wraps within the table
    INFO("note: " << note);
    CHECK(oracle_width(note) <= width);
  }
}

/// The cell of row `row` (0 = header) and column `col`, trimmed.
std::string cell(const Printed& p, size_t row, size_t col) {
  const size_t line = row == 0 ? 0 : row + 1;
  return trim(columns(p.lines.at(line), p.spans.at(col).first, p.spans.at(col).second));
}

/// Compares with a golden file, or rewrites it with SFGRANT_UPDATE_GOLDEN=1.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = kGolden + name;
  if (const char* update = std::getenv("SFGRANT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  const std::string expected = slurp(path);
  INFO("golden file " << path << " (SFGRANT_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == expected);
}

using sfgrant::testing::Run;

/// Runs sfgrant with `env` (NAME=VALUE…) added and SFGRANT_PROGRAMS, COLUMNS, NO_COLOR and the locale
/// cleared, standard output not a terminal.
Run run(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  sfgrant::testing::Command command;
  command.args = args;
  command.env = env;
  command.unset = {"SFGRANT_PROGRAMS", "COLUMNS", "NO_COLOR", "LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE"};
  return sfgrant::testing::run(command);
}

/// The same on a pseudo-terminal of 120 columns, with TERM=xterm unless `env` says otherwise.
Run run_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  int master = -1;
  winsize size{};
  size.ws_col = 120;
  size.ws_row = 50;
  const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(SFGRANT_SOURCE_DIR) != 0) _exit(127);
    for (const char* name : {"SFGRANT_PROGRAMS", "COLUMNS", "NO_COLOR"}) unsetenv(name);
    setenv("TERM", "xterm", 1);
    for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    std::string binary = SFGRANT_BINARY;
    argv.push_back(binary.data());
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  Run r;
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(master, buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));  // EIO at the end
  close(master);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kFixture = kSource + "/tests/golden/programs";
const std::string kProfile = kSource + "/tests/golden/basic-to-basic.yaml";

std::vector<std::string> check_args(std::vector<std::string> extra) {
  std::vector<std::string> args{"check", kProfile, "--programs", kFixture, "--as-of", "2026-02-15"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

/// LC_ALL=C, a UTF-8 locale that exists everywhere, and ko_KR.UTF-8 whether it is installed or not.
const std::vector<std::string> kLocales = {"LC_ALL=C", "LC_ALL=C.UTF-8", "LC_ALL=ko_KR.UTF-8", "LANG=ko_KR.UTF-8"};

}  // namespace

TEST_CASE("display width counts Hangul as two columns and symbols as one", "[table]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("한글") == 4);
  CHECK(display_width("정부형 스마트공장") == 17);
  CHECK(display_width("①※·…") == 4);
  CHECK(display_width("✔ ✘") == 3);
  CHECK(display_width("１２") == 4);  // full-width digits
  SECTION("jamo sequences are normalised to syllables first (NFC)") {
    CHECK(display_width("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == 2);  // ᄒ ᅡ ᆫ → 한
    CHECK(sfgrant::nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");
  }
  SECTION("old Hangul that has no precomposed syllable is still one block") {
    CHECK(display_width("\xE1\x84\x80\xE1\x86\x9E") == 2);  // ᄀ + ᆞ (arae-a)
  }
  SECTION("combining marks and zero-width characters take no column") {
    CHECK(display_width("e\xCC\x81") == 1);
    CHECK(display_width("a\xE2\x80\x8B"
                        "b") == 2);
  }
  SECTION("an invalid byte counts one column") {
    CHECK(display_width("a\xFF"
                        "b") == 3);
  }
}

TEST_CASE("truncation and wrapping never split a character", "[table]") {
  CHECK(sfgrant::truncate_to_width("한글테스트", 5) == "한글…");
  CHECK(sfgrant::truncate_to_width("한글테스트", 6) == "한글…");
  CHECK(sfgrant::truncate_to_width("한글", 4) == "한글");
  CHECK(sfgrant::truncate_to_width("한글", 0).empty());

  using V = std::vector<std::string>;
  CHECK(sfgrant::wrap_to_width("정부형 스마트공장", 20) == V{"정부형 스마트공장"});
  CHECK(sfgrant::wrap_to_width("정부형 스마트공장", 10) == V{"정부형", "스마트공장"});
  CHECK(sfgrant::wrap_to_width("스마트공장", 6) == V{"스마트", "공장"});
  CHECK(sfgrant::wrap_to_width("스마트공장", 5) == V{"스마", "트공", "장"});
  CHECK(sfgrant::wrap_to_width("① 정부형 ※시범·고도화", 9) == V{"① 정부형", "※시범·고", "도화"});
  SECTION("a character with its combining mark stays together") {
    CHECK(sfgrant::wrap_to_width("aq\xCC\x87"
                                 "b",
                                 2) == V{"aq\xCC\x87", "b"});  // q̇ has no precomposed form
  }
  SECTION("every line fits and the text is kept") {
    const std::string text = "중소제조 특화 Multi AI Agent 개발(R&D) ① 시범 ※ 예산 소진 시 마감";
    for (int width = 2; width <= 40; ++width) {
      std::string joined;
      for (const std::string& line : sfgrant::wrap_to_width(text, width)) {
        INFO("width " << width << " line " << line);
        CHECK(oracle_width(line) <= width);
        joined += line;
      }
      std::string squeezed;
      for (char c : text)
        if (c != ' ') squeezed += c;
      std::string joined_squeezed;
      for (char c : joined)
        if (c != ' ') joined_squeezed += c;
      CHECK(joined_squeezed == squeezed);
    }
  }
}

TEST_CASE("cells cannot carry control characters to the terminal", "[table]") {
  CHECK(sfgrant::cell_text("a\tb\nc") == "a b c");
  CHECK(sfgrant::cell_text("\x1b[31mred") == "\\x1b[31mred");  // shown, not obeyed (#15)
  CHECK(sfgrant::cell_text("\xE2\x80\xAE"
                           "cba") == "<U+202E>cba");
  CHECK(sfgrant::cell_text("a\xFF"
                           "b") ==
        "a\xEF\xBF\xBD"
        "b");
  Table t({"이름", "값"});
  t.add_row({"\x1b]0;title\x07회사", "1"});
  std::ostringstream out;
  t.print(out);
  CHECK(out.str().find('\x1b') == std::string::npos);
}

TEST_CASE("a table with Hangul, ASCII and symbols lines up by display width", "[table][golden]") {
  Table t({"상태", "사업 (program)", "한도", "비율"}, {Align::left, Align::left, Align::right, Align::right});
  t.add_row({"지원 가능", "① 정부형 스마트공장·고도화", "2억원", "50%"});
  t.add_row({"확인 필요", "Legend50+ ※ 레전드", "1억 2,000만원", "30%"});
  t.add_row({"ineligible", "AI 응용제품 (R&D) · type1", "9,500만원", "100%"});
  t.add_row({"-", "", "", ""});
  std::ostringstream wide, narrow;
  t.print(wide);
  t.print(narrow, 40);
  check_golden("table-mixed.txt", wide.str() + "\n" + narrow.str());

  const Printed w = parse_table(lines_of(wide.str()), 1);
  check_alignment(w, 0);
  CHECK(cell(w, 0, 1) == "사업 (program)");
  CHECK(cell(w, 1, 1) == "① 정부형 스마트공장·고도화");
  CHECK(cell(w, 2, 2) == "1억 2,000만원");
  CHECK(cell(w, 3, 0) == "ineligible");
  CHECK(cell(w, 3, 3) == "100%");
  // amounts are right-aligned: they end at the column's last display column
  CHECK(columns(w.lines[2], w.spans[2].second - 4, w.spans[2].second) == "억원");
  CHECK(columns(w.lines[3], w.spans[2].second - 2, w.spans[2].second) == "원");

  const std::vector<std::string> narrow_lines = lines_of(narrow.str());
  size_t rule_line = 0;
  while (narrow_lines.at(rule_line).rfind("--", 0) != 0) ++rule_line;
  const Printed n = parse_table(narrow_lines, rule_line);
  check_alignment(n, 40);
  // the program column wrapped; amounts break only between their words, nothing is cut off
  CHECK(narrow.str().find("…") == std::string::npos);
  for (const std::string& line : n.lines) {
    const std::string amount = trim(columns(line, n.spans[2].first, n.spans[2].second));
    if (line == n.lines[0] || line.rfind("--", 0) == 0 || amount.empty()) continue;
    CHECK((amount == "2억원" || amount == "1억" || amount == "2,000만원" || amount == "1억 2,000만원" ||
           amount == "9,500만원"));
  }
}

TEST_CASE("check tables are the same under LC_ALL=C and UTF-8 locales", "[table][golden][cli]") {
  struct Golden {
    std::string file;
    std::vector<std::string> extra;
    std::vector<std::string> env;
    std::string as_of = "2026-02-15";
  };
  const std::vector<Golden> goldens = {
      {"check-ko.txt", {"--all"}, {}},
      {"check-en-60.txt", {"--all", "--lang", "en"}, {"COLUMNS=60"}},
      {"check-explain-ko.txt", {"--explain", "--all"}, {}},
      {"check-explain-en.txt", {"--explain", "--lang", "en"}, {"COLUMNS=80"}},
      {"check-what-if-ko.txt", {"--set", "smart_factory.target_level=intermediate2", "--what-it-takes"}, {}},
      // late in the year: most windows closed, and the header says so (the later --as-of wins)
      {"check-late-ko.txt", {"--all"}, {}, "2026-11-30"},
      {"check-what-if-en.txt",
       {"--set", "smart_factory.target_level=중간2", "--set", "selections+=legend50", "--what-it-takes", "--lang",
        "en"},
       {"COLUMNS=70"}},
  };
  for (const Golden& g : goldens) {
    std::string first;
    for (const std::string& locale : kLocales) {
      std::vector<std::string> env = g.env;
      env.push_back(locale);
      std::vector<std::string> args = check_args(g.extra);
      args[static_cast<size_t>(std::find(args.begin(), args.end(), "--as-of") - args.begin()) + 1] = g.as_of;
      const Run r = run(args, env);
      INFO(g.file << " under " << locale << "\n" << r.out);
      CHECK(r.code == 0);
      if (first.empty()) {
        first = r.out;
        check_golden(g.file, r.out);
      } else {
        CHECK(r.out == first);
      }
    }
    // every table in it lines up, and fits COLUMNS when given
    const std::vector<std::string> lines = lines_of(first);
    int max_width = 0;
    for (const std::string& e : g.env)
      if (e.rfind("COLUMNS=", 0) == 0) max_width = std::stoi(e.substr(8));
    int tables = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i + 1].rfind("---", 0) != 0) continue;
      INFO(g.file << " table at line " << i + 1);
      check_alignment(parse_table(lines, i + 1), max_width);
      ++tables;
    }
    CHECK(tables >= 1);
  }
}

TEST_CASE("a check table shows every party, no amounts for a closed program and a split it cannot make",
          "[table][golden][cli][money]") {
  // issue #14, with the shipped 2026 data: 상생형 rows have a 대기업·주관기관 column (정부 1.2억 / 대기업
  // 13.2억 / 기업 9.6억 of 24억원), an ineligible row shows no amounts, and 자율형공장, given three
  // yearly costs for a two-year track, says 계산 불가 with the reason under the row
  const std::string shipped = SFGRANT_SOURCE_DIR "/programs";
  const Run r = run({"check", SFGRANT_SOURCE_DIR "/examples/midsize-auto-parts.yaml", "--programs", shipped, "--as-of",
                     "2026-02-15", "--all"},
                    {"LC_ALL=C.UTF-8"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  check_golden("check-parties-ko.txt", r.out);
  const std::vector<std::string> lines = lines_of(r.out);
  size_t rule = 0;
  while (rule < lines.size() && lines[rule].rfind("---", 0) != 0) ++rule;
  REQUIRE(rule < lines.size());
  const Printed p = parse_table(lines, rule);
  check_alignment(p, 0);
  REQUIRE(p.spans.size() == 9);
  CHECK(cell(p, 0, 6) == "대기업·주관기관");
  bool three_party = false, closed_blank = false, no_split = false;
  for (size_t row = 1; row + 1 < p.lines.size(); ++row) {
    const std::string program = cell(p, row, 1);
    if (program == "대중소 상생형 스마트공장") {
      three_party = cell(p, row, 5) == "1억 2,000만원" && cell(p, row, 6) == "13억 2,000만원" &&
                    cell(p, row, 7) == "9억 6,000만원";
    }
    if (program == "제조로봇 도입")
      closed_blank = cell(p, row, 0) == "지원 불가" && cell(p, row, 3).empty() && cell(p, row, 5).empty() &&
                     cell(p, row, 7).empty();
    if (program == "자율형공장") no_split = cell(p, row, 5) == "계산 불가";
  }
  CHECK(three_party);
  CHECK(closed_blank);
  CHECK(no_split);
  CHECK(r.out.find("※ 연차별 사업비가 3개이나 이 유형은 최대 2년") != std::string::npos);
}

TEST_CASE("money in tables is written for people", "[table][cli]") {
  const Run ko = run(check_args({"--all"}));
  CHECK(ko.out.find("1억 2,000만원") != std::string::npos);  // alpha:basic cap
  CHECK(ko.out.find("3,000만원") != std::string::npos);      // 1억 × 30%
  CHECK(ko.out.find("100000000") == std::string::npos);
  const Run en = run(check_args({"--all", "--lang", "en"}));
  CHECK(en.out.find("KRW 120,000,000") != std::string::npos);
  CHECK(en.out.find("KRW 30,000,000") != std::string::npos);
  CHECK(en.out.find("억") == std::string::npos);
  // every label is English: no Hangul after the first line (the company's name is Korean)
  for (char32_t cp : code_points(en.out.substr(en.out.find('\n')))) {
    INFO(en.out);
    REQUIRE_FALSE((cp >= 0xAC00 && cp <= 0xD7A3));
  }
}

TEST_CASE("--explain shows the company's value against the required one", "[table][cli]") {
  const Run ko = run(check_args({"--explain", "--all"}));
  CHECK(ko.out.find("✘ 목표 수준 기초 < 중간1 이상 필요") != std::string::npos);
  CHECK(ko.out.find("✔ 목표 수준 기초 = 기초 필요") != std::string::npos);
  CHECK(ko.out.find("✘ 선정·확인서 [root_company], legend50 필요") != std::string::npos);
  CHECK(ko.out.find("근거: 900_table_fixture.txt §2-① 표 (목표 수준)") != std::string::npos);
  const Run en = run(check_args({"--explain", "--all", "--lang", "en"}));
  CHECK(en.out.find("✘ target level basic < intermediate1 required") != std::string::npos);
  CHECK(en.out.find("✔ SME yes (size small), yes required") != std::string::npos);
  CHECK(en.out.find("? consortium members not given, 3 required") != std::string::npos);
}

TEST_CASE("questions to ask are grouped by fact, those deciding the most programs first", "[table][cli]") {
  const std::string profile = "/tmp/sfgrant-table-test-questions.yaml";
  // tax arrears unknown: every program waits for it; consortium size only for delta
  std::ofstream(profile) << "name: 질문상사\nsize: small\nksic: \"29294\"\nsmart_factory:\n  level: basic\n"
                            "  target_level: intermediate1\nselections: [legend50]\nplan:\n  total_cost: 1억원\n";
  const Run r = run({"check", profile, "--programs", kFixture, "--as-of", "2026-02-15"});
  std::remove(profile.c_str());
  const auto first = r.out.find("[status.tax_arrears] 4개 사업");
  const auto second = r.out.find("[consortium.members] 1개 사업: 컨소시엄형 클라우드");
  INFO(r.out);
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK(r.out.find("[status.tax_arrears]", first + 1) == std::string::npos);  // asked once
}

TEST_CASE("colour only on a terminal, and never with NO_COLOR, TERM=dumb or --no-color", "[table][cli]") {
  const std::string esc = "\x1b[";
  CHECK(run(check_args({})).out.find(esc) == std::string::npos);  // a pipe
  const Run tty = run_on_terminal(check_args({}));
  CHECK(tty.out.find("\x1b[32m지원 가능\x1b[0m") != std::string::npos);
  CHECK(run_on_terminal(check_args({}), {"NO_COLOR=1"}).out.find(esc) == std::string::npos);
  CHECK(run_on_terminal(check_args({}), {"TERM=dumb"}).out.find(esc) == std::string::npos);
  CHECK(run_on_terminal(check_args({"--no-color"})).out.find(esc) == std::string::npos);
  CHECK(run_on_terminal(check_args({}), {"NO_COLOR="}).out.find(esc) != std::string::npos);  // empty: not set
}

TEST_CASE("tables fit the terminal width, from COLUMNS or the terminal", "[table][cli]") {
  auto widest = [](const std::string& out) {
    int w = 0;
    for (const std::string& line : lines_of(out))
      if (line.find("  ") != std::string::npos) w = std::max(w, oracle_width(line));
    return w;
  };
  const Run unlimited = run(check_args({"--all"}));
  CHECK(widest(unlimited.out) > 70);
  const Run cols = run(check_args({"--all"}), {"COLUMNS=70"});
  std::string table_part = cols.out.substr(0, cols.out.find("\n\n", cols.out.find("---")));
  CHECK(widest(table_part) <= 70);
  // on a 120-column terminal with no COLUMNS the table is as wide as it needs (it fits)
  const Run tty = run_on_terminal(check_args({"--all", "--no-color"}));
  for (const std::string& line : lines_of(tty.out)) CHECK(oracle_width(line.substr(0, line.find('\r'))) <= 120);
}

TEST_CASE("with no program open, the table says why in one line", "[table][cli]") {
  // examples/tax-arrears.yaml: every 2026 program excludes a company in tax arrears (003 §1)
  const std::string profile = kSource + "/examples/tax-arrears.yaml";
  const Run ko = run({"check", profile, "--as-of", "2026-02-15"});
  INFO(ko.out);
  CHECK(ko.code == 1);
  const auto lines = lines_of(ko.out);
  REQUIRE(lines.size() > 2);
  CHECK(lines[2].rfind("지원 가능하거나 확인이 필요한 사업이 없습니다: 국세·지방세 체납 중인 기업은 지원 제외 (", 0) ==
        0);
  CHECK(lines[2].find("개 사업 모두) [not-tax-arrears]") != std::string::npos);
  const Run en = run({"check", profile, "--as-of", "2026-02-15", "--lang", "en"});
  CHECK(en.out.find(
            "No program is eligible or possible: Companies in national or local tax arrears are excluded (all ") !=
        std::string::npos);
  // with --all every program is a row with its reason, so there is no such line
  const Run all = run({"check", profile, "--as-of", "2026-02-15", "--all"});
  CHECK(all.out.find("사업이 없습니다") == std::string::npos);
}
