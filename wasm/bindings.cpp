// The WebAssembly adapter: JSON strings in and out over the same annotate() as the CLI.
// No logic of its own: options are parsed, the core is called, the result is serialized by the
// core's to_json (UTF-16 or code point offsets). No handles cross the boundary, so nothing in
// JavaScript ever needs `.delete()`.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "belgi/annotator.h"
#include "belgi/json.h"
#include "belgi/offsets.h"

namespace {

using namespace belgi;

// Built on first use from the embedded resources; immutable afterwards.
const Annotator* annotator(Status& status) {
  static Status create_status;
  static std::shared_ptr<const Annotator> instance = Annotator::create(create_status);
  status = create_status;
  return instance.get();
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
  if (!types.empty() && !parse_type_list(types, opt.types, &bad))  // "" = all types
    return error_json(Status::error(StatusCode::invalid_argument, "unknown type '" + bad + "'"), jo);
  if (!parse_offset_unit(offsets, jo.offsets) || jo.offsets == OffsetUnit::byte)
    return error_json(Status::error(StatusCode::invalid_argument,
                                    "offsets must be 'utf16' or 'codepoint', not '" + offsets + "'"),
                      jo);
  Result r = a->annotate(text, opt);
  if (!r.status.ok()) return error_json(r.status, jo);
  return to_json(text, r, jo);
}

// Tokens as the core sees them, for snapping selections: {"tokens": [[start, end], ...],
// "sentenceEnds": [...]} in UTF-16 or code point offsets.
std::string tokenize_json(const std::string& text, const std::string& offsets) {
  JsonOptions jo;
  OffsetUnit unit;
  if (!parse_offset_unit(offsets, unit) || unit == OffsetUnit::byte)
    return error_json(Status::error(StatusCode::invalid_argument, "offsets must be 'utf16' or 'codepoint'"), jo);
  Tokenization t = tokenize(text);
  if (!t.status.ok()) return error_json(t.status, jo);
  OffsetMap map(text);
  std::string out = "{\"tokens\":[";
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (i) out += ',';
    out += '[' + std::to_string(map.to(unit, t.tokens[i].begin)) + ',' +
           std::to_string(map.to(unit, t.tokens[i].end)) + ']';
  }
  out += "],\"sentenceEnds\":[";
  for (std::size_t i = 0; i < t.sentence_ends.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(t.sentence_ends[i]);
  }
  return out + "]}";
}

std::string version_json() {
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, JsonOptions());
  Versions v = a->versions();
  return "{\"core\":\"" + v.core + "\",\"format\":\"" + v.format + "\",\"model\":\"" + v.model +
         "\",\"modelFormat\":" + std::to_string(v.model_format) + "}";
}

// Called by wasm/snapshot.mjs at build time only: the rule tables are then in the memory image
// the module starts with. Returns "" or the error.
std::string prepare_snapshot() {
  Status st = Annotator::prepare_shared();
  return st.ok() ? std::string() : st.message;
}

}  // namespace

EMSCRIPTEN_BINDINGS(belgi) {
  emscripten::function("annotateJson", &annotate_json);
  emscripten::function("tokenizeJson", &tokenize_json);
  emscripten::function("versionJson", &version_json);
  emscripten::function("prepareSnapshot", &prepare_snapshot);
}
