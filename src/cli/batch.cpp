#include <fcntl.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "sfgrant/batch/batch.h"
#include "sfgrant/render/batch_csv.h"
#include "sfgrant/render/batch_jsonl.h"
#include "sfgrant/render/batch_report.h"
#include "sfgrant/render/batch_summary.h"
#include "sfgrant/render/batch_xlsx.h"
#include "sfgrant/render/page_template.h"
#include "sfgrant/render/words.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/byte_source.h"
#include "sfgrant/text/encoding.h"
#include "sfgrant/text/output.h"
#include "sfgrant/text/terminal_escape.h"
#include "templates.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

struct BatchOptions {
  CommonOptions common;
  std::string file;
  std::string input;
  std::string format = "csv";
  std::string encoding = "auto";
  std::string output;
  std::string report;              ///< --report FILE.html: the agency summary
  std::string report_template;     ///< --template FILE: its layout; empty: the shipped one
  std::vector<std::string> costs;  ///< --cost AMOUNT | PROGRAM[:TRACK]=AMOUNT, repeatable
  std::vector<std::string> keep;   ///< --keep COLUMN,...
  bool keep_all_unknown = false;
  std::string per = "program";
  std::string detail = "full";  ///< jsonl: the SPEC §7 object, or the summary record
  bool all = false;
  bool bom = false;
  bool no_bom = false;
  int jobs = 0;
};

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// How to read and evaluate, from the command line (--cost and --as-of are checked here).
sfgrant::BatchOptions reading_options(const BatchOptions& o) {
  sfgrant::BatchOptions bo;
  bo.input = o.input == "jsonl" || (o.input.empty() && (ends_with(o.file, ".jsonl") || ends_with(o.file, ".ndjson")))
                 ? BatchInput::jsonl
                 : BatchInput::csv;
  bo.encoding = o.encoding == "utf-8" ? Encoding::utf8 : o.encoding == "cp949" ? Encoding::cp949 : Encoding::automatic;
  bo.jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bo.file_name = o.file == "-" ? "<stdin>" : o.file;
  bo.evaluate.as_of = resolve_as_of(o.common);
  const CostOptions costs = parse_cost_options(o.costs);
  bo.evaluate.cost = costs.total;
  bo.program_costs = costs.programs;
  bo.keep.names = o.keep;
  bo.keep.all_unknown = o.keep_all_unknown;
  return bo;
}

/// The company list: the file, or standard input for "-", read with read(2) so that a failed read
/// is an error (std::ifstream and std::cin take it for the end of the file).
std::unique_ptr<ByteSource> open_input(const std::string& file) {
  if (file == "-") return std::make_unique<FdSource>(STDIN_FILENO, false);
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw Error(Location{file}, "is a folder, expected a company list");
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(Location{file}, fmt::format("cannot open file: {}", std::strerror(errno)));
  return std::make_unique<FdSource>(fd, true);
}

/// A finished xlsx file ends with the zip's end-of-central-directory record; the workbook writer
/// does not report a failed write, so a file cut short (disk full) is caught here instead.
void check_workbook_complete(int fd, const std::string& name) {
  struct stat st {};
  char tail[4] = {};
  if (::fstat(fd, &st) != 0 || st.st_size < 22 || ::pread(fd, tail, sizeof tail, st.st_size - 22) != sizeof tail ||
      std::memcmp(tail, "PK\x05\x06", sizeof tail) != 0)
    throw Error(Location{name}, "write failed: the workbook is incomplete (disk full?)");
}

/// Where the results go: standard output (no -o, or -o -), or a file that appears whole or not at
/// all (AtomicFile: never the input, a device or a FIFO).
class Output {
 public:
  /// `stream`: a text format, written through a checked stream (xlsx writes to path() itself).
  Output(const std::string& output, const std::string& input, bool stream) : output_(output) {
    if (output.empty() || output == "-") return;
    atomic_ = std::make_unique<AtomicFile>(output, std::vector<std::string>{input});
    if (stream) file_ = std::make_unique<OutputStream>(atomic_->fd(), output);
  }
  std::ostream& stream() { return file_ ? static_cast<std::ostream&>(*file_) : std::cout; }
  /// The file to write (the temporary beside -o, by a name that cannot be swapped for a link).
  std::string path() const { return atomic_->fd_path(); }
  /// Checks everything was written and moves the file into place; throws Error naming the output.
  void commit() {
    if (file_) file_->finish();
    if (atomic_ && !file_) check_workbook_complete(atomic_->fd(), output_);
    std::cout.flush();
    if (atomic_) atomic_->commit();
  }

 private:
  std::string output_;
  std::unique_ptr<AtomicFile> atomic_;
  std::unique_ptr<OutputStream> file_;
};

/// A UTF-8 BOM first: asked for (--bom, any output), or csv going to a file named .csv, which people
/// open in Excel by double-click (Korean Excel reads a csv without one as CP949 and breaks its Hangul)
/// unless --no-bom. Standard output gets none by default: scripts read it.
bool with_bom(const BatchOptions& o) {
  if (o.bom) return true;
  if (o.no_bom || o.format != "csv" || o.output.empty() || o.output == "-") return false;
  std::string extension = fs::path(o.output).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".csv";
}

std::unique_ptr<BatchFormat> choose_format(const BatchOptions& o, Output& out, const Catalogue& catalogue, Lang lang) {
  if (o.format == "xlsx") {
    BatchXlsxOptions xo;
    xo.lang = lang;
    xo.all = o.all;
    xo.display_name = o.output;
    xo.on_warning = [](const std::string& m) { std::cerr << escape_for_terminal(m) << '\n'; };
    return make_batch_xlsx(out.path(), catalogue, xo);
  }
  if (o.format == "jsonl")
    return make_batch_jsonl(out.stream(), catalogue, lang, with_bom(o),
                            o.detail == "summary" ? JsonlDetail::summary : JsonlDetail::full);
  return make_batch_csv(out.stream(), catalogue, BatchCsvOptions{lang, o.all, with_bom(o), o.per == "company"});
}

/// What the run shows on stderr as it goes: each rejected row, and on a terminal a line of rows
/// and rows per second, redrawn at most twice a second.
class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  Progress(const std::string& file_name, Clock::time_point started)
      : file_name_(file_name), started_(started), last_(Clock::now()), show_(::isatty(STDERR_FILENO) != 0) {}

  void rows(long rows) {
    if (!show_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    std::cerr << fmt::format("\r{} rows · {:.0f} rows/s · {:.1f} s ", rows,
                             static_cast<double>(rows) / std::max(secs, 1e-9), secs)
              << std::flush;
  }
  void rejected(const RejectedRow& r) const {
    if (show_) std::cerr << '\r';
    // a row spanning lines (a quoted cell with line ends) is named by its first and last line
    if (r.last_line > r.line)
      std::cerr << escape_for_terminal(fmt::format("{}:{}-{}: error: {}", file_name_, r.line, r.last_line, r.reason))
                << '\n';
    else
      std::cerr << escape_for_terminal(fmt::format("{}:{}: error: {}", file_name_, r.line, r.reason)) << '\n';
  }
  /// Before the summary: back to the start of the progress line.
  void clear() const {
    if (show_) std::cerr << '\r';
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }

 private:
  std::string file_name_;
  Clock::time_point started_;
  Clock::time_point last_;
  bool show_;
};

/// `--report FILE`: refused before the run when it cannot be written there (one AtomicFile at a time,
/// so it is created only after the results are in place); the same file as -o or the list is refused.
void check_report_path(const BatchOptions& o) {
  if (o.report.empty()) return;
  if (o.report == "-") throw Error("--report writes a file: give --report FILE.html");
  std::error_code ec;
  const fs::path report = fs::weakly_canonical(o.report, ec);
  for (const std::string& other : {o.output, o.file})
    if (!other.empty() && other != "-" && fs::weakly_canonical(other, ec) == report)
      throw Error(Location{o.report}, "--report is the same file as " +
                                          std::string(other == o.output ? "the output (-o)" : "the company list"));
  const fs::path folder = fs::path(o.report).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec))
    throw Error(Location{o.report}, "cannot write the report: no such folder " + folder.string());
}

/// The agency summary of the run, written whole or not at all.
void write_report(const BatchOptions& o, const BatchSummary& summary, const Catalogue& catalogue,
                  const sfgrant::BatchOptions& bo, Lang lang, const PageTemplate& page) {
  AtomicFile file(o.report, {o.file});
  OutputStream out(file.fd(), o.report);
  render_batch_report({summary, catalogue, o.file == "-" ? "<stdin>" : o.file, bo.evaluate.as_of, bo.evaluate.cost,
                       SFGRANT_VERSION, generation_time()},
                      lang, page, out);
  out.finish();
  file.commit();
}

}  // namespace

Runner setup_batch(CLI::App& app) {
  auto options = std::make_shared<BatchOptions>();
  CLI::App* sub = app.add_subcommand("batch", "evaluate a company list (CSV or JSON Lines, - for stdin)");
  sub->add_option("FILE", options->file, "company list: .csv or .jsonl (- for standard input)")->required();
  sub->add_option("--programs", options->common.programs, "program data folder");
  add_year_option(*sub, options->common.year);
  add_no_cache_option(*sub, options->common);
  sub->add_option("--lang", options->common.lang, "language of names and reasons")
      ->transform(CLI::IsMember({"ko", "en"}));
  sub->add_option("--as-of", options->common.as_of,
                  "date for application windows, YYYY-MM-DD (default: today in Korea, Asia/Seoul)");
  sub->add_option("--input", options->input, "input format (default: from the file extension)")
      ->transform(CLI::IsMember({"csv", "jsonl"}));
  sub->add_option("--format", options->format, "output: csv (one row per company and program), jsonl, xlsx")
      ->transform(CLI::IsMember({"csv", "jsonl", "xlsx"}));
  sub->add_option("--encoding", options->encoding, "input encoding: auto (BOM, UTF-8, else CP949), utf-8, cp949")
      ->transform(CLI::IsMember({"auto", "utf-8", "cp949"}));
  sub->add_option(
      "-o,--output", options->output,
      "write here (atomically: a temporary beside it, renamed when complete) instead of standard output; - for "
      "standard output. csv to a FILE.csv starts with a UTF-8 BOM for Excel (--no-bom: none)");
  sub->add_option("--cost", options->costs,
                  "for every company: the build budget, over plan.total_cost (e.g. 4억원); or "
                  "PROGRAM[:TRACK]=AMOUNT, a program's own cost, over plan.costs; repeatable")
      ->type_name("AMOUNT|PROGRAM[:TRACK]=AMOUNT");
  sub->add_flag("--all", options->all, "csv/xlsx: every program, ineligible too");
  sub->add_option("--keep", options->keep,
                  "pass these input columns through to the output unchanged, before the results (a profile "
                  "field is read as well); JSON Lines: top-level keys")
      ->delimiter(',')
      ->type_name("COLUMN,...");
  sub->add_flag("--keep-all-unknown", options->keep_all_unknown,
                "pass every input column that is no profile field through (CSV input)");
  sub->add_option("--per", options->per,
                  "csv: a row per company and program (default), or per company: its best program, counts and "
                  "questions (xlsx has both sheets)")
      ->transform(CLI::IsMember({"program", "company"}));
  CLI::Option* detail =
      sub->add_option("--detail", options->detail,
                      "jsonl: full (default: the SPEC §7 object of check --format json) or summary (statuses, "
                      "amounts, rule ids and missing facts only: no names, messages or sources)")
          ->transform(CLI::IsMember({"full", "summary"}));
  CLI::Option* bom = sub->add_flag(
      "--bom", options->bom,
      "start with a UTF-8 BOM so Excel reads Hangul, also on standard output (csv, jsonl); csv written to a "
      "file named .csv has one without asking");
  sub->add_flag("--no-bom", options->no_bom, "csv: no UTF-8 BOM, also in a file named .csv")->excludes(bom);
  sub->add_option("--report", options->report,
                  "also write the agency summary of the list to this HTML file (counts by program with the quota, by "
                  "region and size, the deciding questions, rejected rows by kind; print-ready A4, self-contained)")
      ->type_name("FILE.html");
  sub->add_option("--template", options->report_template,
                  "--report: lay the summary out with this mustache template instead of the shipped one (an agency's "
                  "letterhead; names in share/sfgrant/templates/README.md)")
      ->type_name("FILE");
  sub->add_option("-j,--jobs", options->jobs, "worker threads (default: all cores)")->check(CLI::Range(0, 256));
  return [options, detail] {
    const BatchOptions& o = *options;
    const auto started = std::chrono::steady_clock::now();
    // options → programs → input and output → format → rows through the engine, in order → summary
    const Catalogue catalogue = load_catalogue(o.common);
    const Lang lang = resolve_lang(o.common);
    sfgrant::BatchOptions bo = reading_options(o);
    OtherYearCosts other_years(o.common, catalogue.year);
    if (Profile given; true) {  // --cost PROGRAM=AMOUNT names a program of this year, or nothing runs
      for (const ProgramCost& c : bo.program_costs) given.set_program_cost(c);
      if (report_cost_keys(catalogue, given, lang, other_years)) return kExitUsage;
    }
    bo.cost_key_error = [&catalogue, lang, &other_years](const CostKeyProblem& p) {
      return cost_key_error(catalogue, p, lang, other_years);
    };
    if (o.format == "jsonl" && o.per == "company")
      throw Error("--per company is for csv and xlsx: jsonl is already one object a company");
    if (o.format != "jsonl" && detail->count() > 0)
      throw Error(
          fmt::format("--detail is for jsonl: {} has its own columns (--per company for one row a company)", o.format));
    if (o.format == "xlsx" && (o.output.empty() || o.output == "-"))
      throw Error("--format xlsx writes a file: give -o FILE.xlsx");
    check_report_path(o);
    if (!o.report_template.empty() && o.report.empty())
      throw Error("--template lays out --report: give --report FILE.html");
    std::optional<PageTemplate> page;  // read and checked before the run: a bad template writes nothing
    if (!o.report.empty()) page = load_template("batch-report.html", o.report_template, batch_report_template_names());
    if (!o.report.empty()) (void)generation_time();  // a bad SOURCE_DATE_EPOCH stops the run before it starts
    const std::unique_ptr<ByteSource> in = open_input(o.file);
    Output out(o.output, o.file, o.format != "xlsx");
    std::unique_ptr<BatchFormat> format = choose_format(o, out, catalogue, lang);

    // Each chunk's output is a few MB. glibc would map every such buffer fresh from the kernel
    // and unmap it when written, so the workers spent their time in page faults; keep them on
    // the heap for reuse instead (memory stays bounded by the chunks in flight).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    Progress progress(bo.file_name, started);
    const BatchSummary summary = run_batch(
        catalogue, *in, bo, *format, [&](const RejectedRow& r) { progress.rejected(r); },
        [&](long rows) { progress.rows(rows); });
    format.reset();  // closes the workbook
    out.commit();
    progress.clear();
    if (page) write_report(o, summary, catalogue, bo, lang, *page);
    print_batch_summary(std::cerr, summary, lang, progress.seconds());
    return summary.rejected > 0 ? kExitNone : kExitOk;
  };
}

}  // namespace sfgrant::cli
