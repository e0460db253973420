#pragma once
/// Reading whole files, bounded: a device like /dev/zero or an endless pipe must not exhaust memory,
/// and a read error is an error, never an early end of file.
#include <string>

namespace sfgrant {

/// Reads a whole file ("-" for standard input). A FIFO or process substitution is fine here: this
/// reads what a person names (a profile, a sheet, a case file). Throws Error when it cannot, or
/// when it is larger than 64 MiB (README "Input limits").
std::string read_file(const std::string& path);

/// Reads a program data file (common.yaml, industries.yaml, a program, a rubric): only a regular
/// file, checked before it is opened, so a FIFO or device planted in a programs folder is refused
/// ("PATH: not a regular file (a FIFO)") instead of blocking the run forever.
std::string read_data_file(const std::string& path);

/// What a file that is not a regular one is, for messages: "a folder", "a FIFO", "a character
/// device", … (`mode` as stat(2)'s st_mode).
const char* file_kind(unsigned mode);

}  // namespace sfgrant
