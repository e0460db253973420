#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "sfgrant/batch/batch.h"
#include "sfgrant/render/batch_summary.h"
#include "sfgrant/render/xlsx_sink.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/encoding.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

struct BatchOptions {
  CommonOptions common;
  std::string file;
  std::string input;
  std::string format = "csv";
  std::string encoding = "auto";
  std::string output;
  std::string cost;
  bool all = false;
  bool bom = false;
  int jobs = 0;
};

namespace {

class TextSink : public BatchSink {
 public:
  TextSink(std::ostream& out, bool csv, bool bom) : out_(out), csv_(csv), bom_(bom) {}
  void begin() override {
    if (bom_) out_ << "\xEF\xBB\xBF";
    if (csv_) out_ << batch_csv_header();
  }
  void text(std::string_view bytes) override { out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); }
  void rows(const std::vector<ResultRow>&) override {}
  void rejected(const RejectedRow&) override {}

 private:
  std::ostream& out_;
  bool csv_;
  bool bom_;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Runner setup_batch(CLI::App& app) {
  auto options = std::make_shared<BatchOptions>();
  CLI::App* sub = app.add_subcommand("batch", "evaluate a company list (CSV or JSON Lines, - for stdin)");
  sub->add_option("FILE", options->file, "company list: .csv or .jsonl (- for standard input)")->required();
  sub->add_option("--programs", options->common.programs, "program data folder");
  sub->add_option("--year", options->common.year, "program year (default: the newest)");
  sub->add_option("--lang", options->common.lang, "language of names and reasons")->transform(CLI::IsMember({"ko", "en"}));
  sub->add_option("--as-of", options->common.as_of, "date for application windows, YYYY-MM-DD (default: today)");
  sub->add_option("--input", options->input, "input format (default: from the file extension)")
      ->transform(CLI::IsMember({"csv", "jsonl"}));
  sub->add_option("--format", options->format, "output: csv (one row per company and program), jsonl, xlsx")
      ->transform(CLI::IsMember({"csv", "jsonl", "xlsx"}));
  sub->add_option("--encoding", options->encoding, "input encoding: auto (BOM, UTF-8, else CP949), utf-8, cp949")
      ->transform(CLI::IsMember({"auto", "utf-8", "cp949"}));
  sub->add_option("-o,--output", options->output, "write here (atomically) instead of standard output");
  sub->add_option("--cost", options->cost, "total cost for every company, overrides plan.total_cost");
  sub->add_flag("--all", options->all, "csv/xlsx: every program, ineligible too");
  sub->add_flag("--bom", options->bom, "csv: start with a UTF-8 BOM so Excel reads Hangul");
  sub->add_option("-j,--jobs", options->jobs, "worker threads (default: all cores)")->check(CLI::Range(0, 256));
  return [options] {
    const BatchOptions& o = *options;
    const auto started = std::chrono::steady_clock::now();
    // load programs → open input → stream rows through the engine → write in order → summary
    const Catalogue catalogue = load_catalogue(o.common);
    sfgrant::BatchOptions bo;
    bo.input = o.input == "jsonl" || (o.input.empty() && (ends_with(o.file, ".jsonl") || ends_with(o.file, ".ndjson")))
                   ? BatchInput::jsonl
                   : BatchInput::csv;
    bo.output = o.format == "jsonl" ? BatchOutput::jsonl : o.format == "xlsx" ? BatchOutput::xlsx : BatchOutput::csv;
    bo.encoding = o.encoding == "utf-8" ? Encoding::utf8 : o.encoding == "cp949" ? Encoding::cp949 : Encoding::automatic;
    bo.all = o.all;
    bo.bom = o.bom;
    bo.jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    bo.lang = resolve_lang(o.common);
    bo.file_name = o.file == "-" ? "<stdin>" : o.file;
    bo.evaluate.as_of = resolve_as_of(o.common);
    if (!o.cost.empty()) {
      try {
        bo.evaluate.cost = parse_amount(o.cost);
      } catch (const Error& e) {
        throw Error("--cost: " + e.message());
      }
    }
    if (bo.output == BatchOutput::xlsx && o.output.empty())
      throw Error("--format xlsx writes a file: give -o FILE.xlsx");

    std::ifstream file_in;
    std::istream* in = &std::cin;
    if (o.file != "-") {
      std::error_code ec;
      if (fs::is_directory(o.file, ec)) throw Error(Location{o.file}, "is a folder, expected a company list");
      file_in.open(o.file, std::ios::binary);
      if (!file_in) throw Error(Location{o.file}, "cannot open file");
      in = &file_in;
    }

    std::unique_ptr<AtomicFile> atomic;
    std::ofstream out_file;
    std::ostream* out = &std::cout;
    if (!o.output.empty()) {
      atomic = std::make_unique<AtomicFile>(o.output);
      if (bo.output != BatchOutput::xlsx) {
        out_file.open(atomic->temp(), std::ios::binary | std::ios::trunc);
        if (!out_file) throw Error(Location{o.output}, "cannot write the output file");
        out = &out_file;
      }
    }
    std::unique_ptr<BatchSink> sink;
    if (bo.output == BatchOutput::xlsx) sink = make_xlsx_sink(atomic->temp(), catalogue, bo.lang);
    else sink = std::make_unique<TextSink>(*out, bo.output == BatchOutput::csv, bo.bom);

    const bool show_progress = ::isatty(STDERR_FILENO) != 0;
    auto last = std::chrono::steady_clock::now();
    auto progress = [&](long rows) {
      if (!show_progress) return;
      const auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(500)) return;
      last = now;
      const double secs = std::chrono::duration<double>(now - started).count();
      std::cerr << fmt::format("\r{} rows · {:.0f} rows/s · {:.1f} s ", rows, static_cast<double>(rows) / std::max(secs, 1e-9), secs)
                << std::flush;
    };
    auto on_error = [&](const RejectedRow& r) {
      if (show_progress) std::cerr << '\r';
      std::cerr << fmt::format("{}:{}: error: {}\n", bo.file_name, r.line, r.reason);
    };
    // Each chunk's output is a few MB. glibc would map every such buffer fresh from the kernel
    // and unmap it when written, so the workers spent their time in page faults; keep them on
    // the heap for reuse instead (memory stays bounded by the chunks in flight).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    const BatchSummary summary = run_batch(catalogue, *in, bo, *sink, on_error, progress);
    sink.reset();  // closes the workbook
    if (out_file.is_open()) {
      out_file.flush();
      if (!out_file) throw Error(Location{o.output}, "writing the output failed (disk full?)");
      out_file.close();
    }
    std::cout.flush();
    if (atomic) atomic->commit();
    if (show_progress) std::cerr << '\r';
    print_batch_summary(std::cerr, summary, bo.lang,
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return summary.rejected > 0 ? kExitNone : kExitOk;
  };
}

}  // namespace sfgrant::cli
