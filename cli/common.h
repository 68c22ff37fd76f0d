// Shared pieces of the belgi subcommands: exit codes, input reading, error printing.
#pragma once
#include <string>
#include <vector>

#include "belgi/status.h"

namespace belgi::cli {

// Exit codes (documented in `belgi --help` and docs/format.md).
constexpr int kExitOk = 0;        // everything succeeded
constexpr int kExitBadInput = 1;  // at least one input was rejected (the others were processed)
constexpr int kExitUsage = 2;     // wrong flags or arguments; nothing was processed
constexpr int kExitInternal = 3;  // a bug or resource failure inside belgi

// Reads a whole file ("-" = standard input) into out. On failure returns false and sets err.
bool read_input(const std::string& path, std::string& out, std::string& err);

// Prints "belgi: WHERE: MESSAGE" to stderr.
void report(const std::string& where, const std::string& message);

// Splits "a,b,,c" into {"a", "b", "c"}.
std::vector<std::string> split_list(const std::string& list);

// "FILE: invalid UTF-8 at byte 12" style message for a status from the core.
std::string describe(const Status& status);

}  // namespace belgi::cli
