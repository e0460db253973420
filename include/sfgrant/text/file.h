#pragma once
/// Reading whole files, bounded: a device like /dev/zero or an endless pipe must not exhaust memory.
#include <string>

namespace sfgrant {

/// Reads a whole file ("-" for standard input). Throws Error when it cannot, or when it is larger
/// than 64 MiB (README "Input limits").
std::string read_file(const std::string& path);

}  // namespace sfgrant
