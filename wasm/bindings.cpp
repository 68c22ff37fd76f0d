// The WebAssembly adapter: JSON strings in and out over the same annotate() as the CLI.
// No logic of its own: options are parsed, the core is called, the result is serialized by the
// core's to_json (UTF-16 or code point offsets). No handles cross the boundary, so nothing in
// JavaScript ever needs `.delete()`.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "belgi/annotator.h"
#include "belgi/json.h"

namespace {

using namespace belgi;

// Built on first use from the embedded resources; immutable afterwards.
const Annotator* annotator(Status& status) {
  static Status create_status;
  static std::shared_ptr<const Annotator> instance = Annotator::create(create_status);
  status = create_status;
  return instance.get();
}

bool parse_types(const std::string& list, TypeSet& out, std::string& bad) {
  if (list.empty()) return true;  // all types
  out = TypeSet::none();
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    std::string name = list.substr(pos, comma - pos);
    SpanType t;
    if (!parse_type(name, t)) {
      bad = name;
      return false;
    }
    out.add(t);
    pos = comma + 1;
  }
  return true;
}

// text: UTF-8 (embind converts the JS string); date: "" or YYYY-MM-DD; types: "" (all) or a
// comma list; offsets: "utf16" or "codepoint". Returns a belgi/1 document or an error record.
std::string annotate_json(const std::string& text, const std::string& date,
                          const std::string& types, const std::string& offsets) {
  JsonOptions jo;
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, jo);
  Options opt;
  opt.document_date = date;
  std::string bad;
  if (!parse_types(types, opt.types, bad))
    return error_json(Status::error(StatusCode::invalid_argument, "unknown type '" + bad + "'"), jo);
  if (!parse_offset_unit(offsets, jo.offsets) || jo.offsets == OffsetUnit::byte)
    return error_json(Status::error(StatusCode::invalid_argument,
                                    "offsets must be 'utf16' or 'codepoint', not '" + offsets + "'"),
                      jo);
  Result r = a->annotate(text, opt);
  if (!r.status.ok()) return error_json(r.status, jo);
  return to_json(text, r, jo);
}

std::string version_json() {
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, JsonOptions());
  Versions v = a->versions();
  return "{\"core\":\"" + v.core + "\",\"format\":\"" + v.format + "\",\"model\":\"" + v.model +
         "\",\"modelFormat\":" + std::to_string(v.model_format) + "}";
}

}  // namespace

EMSCRIPTEN_BINDINGS(belgi) {
  emscripten::function("annotateJson", &annotate_json);
  emscripten::function("versionJson", &version_json);
}
