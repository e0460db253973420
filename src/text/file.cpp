#include "sfgrant/text/file.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "sfgrant/model/error.h"

namespace sfgrant {
namespace fs = std::filesystem;

namespace {

/// Reads at most kMaxReadBytes: a device like /dev/zero or an endless pipe must not exhaust memory.
/// (The YAML loaders refuse far less, README "Input limits".)
constexpr std::streamsize kMaxReadBytes = 64 * 1024 * 1024;

std::string read_bounded(std::istream& in, const std::string& path) {
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (static_cast<std::streamsize>(text.size()) > kMaxReadBytes)
      throw Error(Location{path}, fmt::format("file too large: more than {} bytes", kMaxReadBytes));
  }
  return text;
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") return read_bounded(std::cin, "<stdin>");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(Location{path}, "is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location{path}, "cannot open file");
  return read_bounded(in, path);
}

}  // namespace sfgrant
