// One JSONL input record: {"id": string|number?, "text": string, "date": "YYYY-MM-DD"?}.
#pragma once
#include <string>

#include "belgi/status.h"

namespace belgi::cli {

struct Record {
  std::string id;    // the record's "id" (numbers as written), or `where` if it has none
  std::string text;
  std::string date;  // "" if absent
  Status status;     // non-ok: invalid_utf8 / invalid_input, message names `where`
};

// Parses one line; `where` ("file:line") names it in ids and messages. Never throws. A record
// whose values are all strings is read directly; anything else goes through parse_record_tree.
Record parse_record(const std::string& line, const std::string& where);
// The same through a nlohmann::json tree (the reference the fuzzer compares with).
Record parse_record_tree(const std::string& line, const std::string& where);

}  // namespace belgi::cli
