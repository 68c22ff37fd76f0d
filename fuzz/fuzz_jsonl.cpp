// The JSONL record reader of the batch CLI: never crashes, always explains an error, and its
// direct reading of plain records gives what the nlohmann::json tree gives, field for field.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  belgi::cli::Record r = belgi::cli::parse_record(line, "fuzz:1");
  if (!r.status.ok() && r.status.message.empty()) std::abort();
  belgi::cli::Record t = belgi::cli::parse_record_tree(line, "fuzz:1");
  if (r.id != t.id || r.text != t.text || r.date != t.date || r.status.code != t.status.code ||
      r.status.message != t.status.message)
    std::abort();
  return 0;
}
