// Status: how the core reports errors. Errors are values; no exception crosses the public API.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace belgi {

// Stable error codes. Their names (status_code_name) are part of the output format and of the
// JavaScript API's `Error.code`; never renumber or rename one.
enum class StatusCode {
  ok = 0,
  invalid_utf8,      // input text is not well-formed UTF-8; offset = first bad byte
  too_large,         // input exceeds Options::max_bytes; offset = the limit
  invalid_argument,  // an option is malformed (e.g. a document date that is not YYYY-MM-DD)
  invalid_model,     // embedded or given model data is corrupt or of another format version
  invalid_input,     // structured input (CoNLL, JSON) is malformed; offset = byte where it failed
  internal,          // a bug: an unexpected failure inside the core
};

// "ok", "invalid_utf8", ... (snake case, as in the enum).
const char* status_code_name(StatusCode code);

struct Status {
  StatusCode code = StatusCode::ok;
  std::string message;  // human-readable, English, without the file name (the caller adds it)
  std::size_t offset = 0;  // UTF-8 byte offset into the input where the problem was found

  bool ok() const { return code == StatusCode::ok; }
  static Status error(StatusCode c, std::string msg, std::size_t off = 0) {
    return Status{c, std::move(msg), off};
  }
};

// Ok for well-formed UTF-8; else invalid_utf8, "invalid UTF-8 at byte N", offset N (the first bad
// byte). Every check of input bytes, in the core and the CLI, reports through this one.
Status check_utf8(std::string_view bytes);

}  // namespace belgi
