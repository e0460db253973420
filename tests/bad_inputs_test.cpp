// The catalogue of bad inputs (tests/bad_inputs/manifest.yaml): the real sfgrant binary runs on
// each with a time limit, and must exit with the documented status and message, never crash, hang
// or report an internal error.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>
#include "support.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kDir = std::string(SFGRANT_SOURCE_DIR) + "/tests/bad_inputs";
constexpr int kTimeoutSeconds = 60;  // generous for sanitizer builds on a busy machine; a normal run takes < 1 s

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

/// Writes a generated input (too big or too repetitive to keep in the repository) to a temporary file.
std::string generate(const YAML::Node& spec, const std::string& name) {
  const fs::path path = fs::temp_directory_path() / ("sfgrant-bad-input-" + std::to_string(getpid()) + "-" + name);
  std::ofstream out(path, std::ios::binary);
  out << spec["head"].as<std::string>("");
  const std::string text = spec["text"].as<std::string>();
  const long times = spec["times"].as<long>();
  for (long i = 0; i < times; ++i) out << text;
  out << spec["tail"].as<std::string>("");
  return path.string();
}

}  // namespace

TEST_CASE("every bad input gives its documented exit status and message, without crashing or hanging",
          "[bad-inputs][cli]") {
  const YAML::Node manifest = YAML::LoadFile(kDir + "/manifest.yaml");
  const YAML::Node cases = manifest["cases"];
  REQUIRE(cases.IsSequence());
  REQUIRE(cases.size() >= 40);
  const std::string programs = std::string(SFGRANT_SOURCE_DIR) + "/programs";
  int index = 0;
  for (const YAML::Node& c : cases) {
    ++index;
    std::string file;
    std::vector<std::string> generated;
    if (c["file"]) {
      file = kDir + "/" + c["file"].as<std::string>();
      REQUIRE(fs::exists(file));
    } else if (c["generate"]) {
      file = generate(c["generate"], std::to_string(index) + ".yaml");
      generated.push_back(file);
    }
    std::vector<std::string> args;
    for (const auto& a : c["args"]) {
      args.push_back(replace_all(replace_all(a.as<std::string>(), "{file}", file), "{programs}", programs));
    }
    const std::string message = replace_all(c["message"].as<std::string>(""), "{file}", file);
    const int expected = c["exit"].as<int>();
    std::string command;
    for (size_t i = 0; i < args.size(); ++i) command += (i > 0 ? " " : "") + args[i];
    INFO("case " << index << ": sfgrant " << command.substr(0, 300));

    sfgrant::testing::Command run;
    run.args = args;
    run.directory = fs::temp_directory_path().string();  // every path is absolute
    run.timeout_seconds = kTimeoutSeconds;
    const sfgrant::testing::Run r = sfgrant::testing::run(run);
    for (const auto& g : generated) fs::remove(g);
    const std::string output = r.out + r.err;
    INFO("exit " << r.code << ", output:\n" << output.substr(0, 2000));
    CHECK_FALSE(r.timed_out);
    CHECK(r.code < 128);  // no signal: no crash, no sanitizer abort
    CHECK(r.code == expected);
    CHECK(output.find("internal error") == std::string::npos);
    CHECK(output.find("Sanitizer") == std::string::npos);
    CHECK(output.find("runtime error:") == std::string::npos);
    if (!message.empty()) CHECK(output.find(message) != std::string::npos);
  }
}

TEST_CASE("the bad-input catalogue has at least 40 files, each listed in the manifest", "[bad-inputs]") {
  const YAML::Node manifest = YAML::LoadFile(kDir + "/manifest.yaml");
  std::vector<std::string> listed;
  for (const YAML::Node& c : manifest["cases"])
    if (c["file"]) listed.push_back(c["file"].as<std::string>());
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kDir)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), kDir).string();
    if (rel == "manifest.yaml" || rel == "make_inputs.py" || rel == "README.md") continue;
    // the year folder's common.yaml and industries.yaml are the context of the bad program files
    if (rel == "programs/2026/common.yaml" || rel == "programs/industries.yaml") continue;
    ++files;
    INFO(rel);
    CHECK(std::find(listed.begin(), listed.end(), rel) != listed.end());
  }
  CHECK(files >= 40);
}
