#include "support.h"

#include "sfgrant/load/industries_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/text/file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace sfgrant::testing {

const char* const kHeader =
    "name,size,ksic,region,role,status.business,status.tax_arrears,status.notice_exclusion,status.sanctioned,"
    "smart_factory.level,smart_factory.target_level,plan.total_cost\n";

std::string good_row(const std::string& name) {
  return name + ",small,29294,대전,adopter,active,false,false,false,basic,intermediate2,4억원\n";
}
namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/sfgrant-test-XXXXXX";
  const char* made = mkdtemp(tmpl);
  REQUIRE(made != nullptr);
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

const IndustryTables& shipped_industries() {
  static const IndustryTables t = [] {
    Diagnostics diags;
    const std::string path = SFGRANT_SOURCE_DIR "/programs/industries.yaml";
    auto loaded = load_industries(read_file(path), path, diags);
    diags.throw_if_errors();
    return loaded;
  }();
  return t;
}

std::string copy_programs(const TempDir& dir) {
  const std::string to = dir.path() + "/programs";
  std::filesystem::copy(SFGRANT_SOURCE_DIR "/programs", to, std::filesystem::copy_options::recursive);
  return to;
}

size_t replace_once(const std::string& path, const std::string& before, const std::string& after) {
  std::string text = slurp(path);
  const size_t at = text.find(before);
  INFO(path << ": " << before);
  REQUIRE(at != std::string::npos);
  text.replace(at, before.size(), after);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return at;
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  const std::string file = path_ + "/" + name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

namespace {

/// A file's first and last MiB: every message is in one of them (a summary comes last), and memory
/// stays bounded if a bug floods the output.
std::string head_and_tail(const std::string& path) {
  constexpr std::streamoff kKeep = 1 << 20;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (size <= 2 * kKeep) return slurp(path);
  std::string out(static_cast<size_t>(2 * kKeep), '\0');
  in.seekg(0);
  in.read(out.data(), kKeep);
  in.seekg(size - kKeep);
  in.read(out.data() + kKeep, kKeep);
  return out;
}

}  // namespace

Run run(const Command& command) {
  TempDir io;
  const std::string in_path = io.write("stdin", command.stdin_text);
  const std::string out_path = io.path() + "/stdout";
  const std::string err_path = io.path() + "/stderr";
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int in = open(in_path.c_str(), O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
    if (chdir(command.directory.c_str()) != 0) _exit(127);
    for (const std::string& name : command.unset) unsetenv(name.c_str());
    std::vector<std::string> env = command.env;  // putenv keeps the pointer: these live until exec
    for (std::string& e : env) putenv(e.data());
    std::string program = command.program;
    std::vector<std::string> args = command.args;
    std::vector<char*> argv{program.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  Run r;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(command.timeout_seconds);
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done < 0) FAIL("waitpid failed");
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      REQUIRE(waitpid(pid, &status, 0) == pid);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = head_and_tail(out_path);
  r.err = head_and_tail(err_path);
  return r;
}

}  // namespace sfgrant::testing
