// The JSONL record reader of the batch CLI.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  belgi::cli::Record r = belgi::cli::parse_record(line, "fuzz:1");
  if (!r.status.ok() && r.status.message.empty()) std::abort();
  return 0;
}
