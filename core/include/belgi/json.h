// The document JSON format "belgi/1" (docs/format.md), shared by the CLI and the wasm module so
// that both print the same bytes for the same result.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "belgi/annotator.h"
#include "belgi/offsets.h"

namespace belgi {

struct JsonOptions {
  OffsetUnit offsets = OffsetUnit::codepoint;
  int indent = -1;  // -1: one line (JSONL); >= 0: pretty-printed with that indent
  std::string id;   // optional document id ("" = omitted)
};

// Serializes a successful result for `text` (the exact input given to annotate()).
std::string to_json(std::string_view text, const Result& result, const JsonOptions& options);

// Serializes an error record: {"format", "id"?, "error": {"code", "message", "offset",
// "offsets": "byte"}}. The offset stays in bytes: the text it points into may not be UTF-8.
std::string error_json(const Status& status, const JsonOptions& options);

// Reads one annotated document, as `belgi annotate` prints it and the page exports it (belgi/1:
// {"text", "offsets"?, "spans": [{"type", "start", "end"}, ...]}), or in the examples' gold form
// ({"text", "entities": [...]}); offsets in code points unless "offsets" says "utf16" or "byte".
// Spans come back in bytes. Errors say which field or span is wrong.
Status parse_document(std::string_view json, std::string& text, std::vector<Span>& spans);

}  // namespace belgi
