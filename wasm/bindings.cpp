// The WebAssembly adapter: JSON strings in and out over the same annotate() as the CLI.
// No logic of its own: options are parsed, the core is called, the result is serialized by the
// core's to_json (UTF-16 or code point offsets). No handles cross the boundary, so nothing in
// JavaScript ever needs `.delete()`. The module holds one adaptation (learning from
// corrections, belgi/adaptation.h): annotateJson annotates with it once anything was learned.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "belgi/adaptation.h"
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

// The module's one adaptation and the annotator that runs it (null while it is empty: the
// plain annotator then, exactly as before any learning).
struct Learning {
  std::unique_ptr<Adaptation> adaptation;
  std::shared_ptr<const Annotator> adapted;
};

Learning& learning(const Annotator& base) {
  static Learning l;
  if (!l.adaptation) l.adaptation = std::make_unique<Adaptation>(base);
  return l;
}

// The annotator annotateJson uses: the adapted one if there is one.
const Annotator* current(Status& status) {
  const Annotator* a = annotator(status);
  if (!a) return nullptr;
  const Learning& l = learning(*a);
  return l.adapted ? l.adapted.get() : a;
}

// The annotator that runs `adaptation` (null while it is empty: the plain one then).
Status annotator_for(const Annotator& base, const Adaptation& adaptation, std::shared_ptr<const Annotator>& out) {
  out = nullptr;
  if (adaptation.empty()) return Status();
  Status st;
  out = base.adapted(adaptation, st);
  return st;
}

std::string info_json(const Adaptation& a, std::size_t skipped) {
  return "{\"documents\":" + std::to_string(a.documents()) + ",\"weights\":" + std::to_string(a.weights()) +
         ",\"skipped\":" + std::to_string(skipped) + ",\"model\":\"" + a.model() + "\"}";
}

// text: UTF-8 (embind converts the JS string); date: "" or YYYY-MM-DD; types: "" (all) or a
// comma list; offsets: "utf16" or "codepoint". Returns a belgi/1 document or an error record.
std::string annotate_json(const std::string& text, const std::string& date,
                          const std::string& types, const std::string& offsets) {
  JsonOptions jo;
  Status st;
  const Annotator* a = current(st);
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

// Learns one corrected belgi/1 document (JSON) into the module's adaptation; returns the
// adaptation's info, or an error record (the adaptation is then unchanged).
std::string learn_json(const std::string& doc) {
  JsonOptions jo;
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, jo);
  Learning& l = learning(*a);
  std::string text;
  std::vector<Span> spans;
  st = parse_document(doc, text, spans);
  if (!st.ok()) return error_json(st, jo);
  // learn() changes nothing when it fails, so it learns in place (a copy of a large adaptation
  // for each document would cost more than the learning).
  std::size_t skipped = 0;
  st = l.adaptation->learn(text, spans, &skipped);
  if (!st.ok()) return error_json(st, jo);
  st = annotator_for(*a, *l.adaptation, l.adapted);
  if (!st.ok()) return error_json(st, jo);
  return info_json(*l.adaptation, skipped);
}

// The current adaptation's bytes, as a fresh Uint8Array.
emscripten::val adaptation_bytes() {
  Status st;
  const Annotator* a = annotator(st);
  std::string bytes = a ? learning(*a).adaptation->serialize() : std::string();
  emscripten::val view(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
  return emscripten::val::global("Uint8Array").new_(view);  // a copy: the view dies with `bytes`
}

// Replaces the adaptation with serialized bytes (a Uint8Array; empty = none). On refusal the
// current one stays.
std::string set_adaptation(const std::string& bytes) {
  JsonOptions jo;
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, jo);
  Learning& l = learning(*a);
  Adaptation next(*a);
  if (!bytes.empty()) {
    st = Adaptation::parse(bytes, *a, next);
    if (!st.ok()) return error_json(st, jo);
  }
  std::shared_ptr<const Annotator> adapted;
  st = annotator_for(*a, next, adapted);
  if (!st.ok()) return error_json(st, jo);
  *l.adaptation = std::move(next);
  l.adapted = std::move(adapted);
  return info_json(*l.adaptation, 0);
}

std::string adaptation_json() {
  Status st;
  const Annotator* a = annotator(st);
  if (!a) return error_json(st, JsonOptions());
  return info_json(*learning(*a).adaptation, 0);
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
  emscripten::function("learnJson", &learn_json);
  emscripten::function("adaptationBytes", &adaptation_bytes);
  emscripten::function("setAdaptation", &set_adaptation);
  emscripten::function("adaptationJson", &adaptation_json);
}
