// The "belgi/1" document format (docs/format.md). Offsets are converted here, through OffsetMap,
// and nowhere else.
#include "belgi/json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace belgi {

namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFormat = "belgi/1";

struct Converter {
  std::string_view text;
  OffsetMap map;
  OffsetUnit unit;
  Converter(std::string_view t, OffsetUnit u) : text(t), map(t), unit(u) {}

  void range(Json& j, const ByteRange& r) const {
    j["start"] = map.to(unit, r.begin);
    j["end"] = map.to(unit, r.end);
    j["text"] = std::string(text.substr(r.begin, r.end - r.begin));
  }
};

std::string span_id(std::size_t i) { return "T" + std::to_string(i + 1); }

Json span_json(const Converter& cv, const std::vector<Span>& spans, std::size_t i) {
  const Span& s = spans[i];
  Json j;
  j["id"] = span_id(i);
  j["type"] = type_name(s.type);
  cv.range(j, s.range);
  if (!s.value.empty()) j["value"] = s.value;
  j["score"] = std::round(static_cast<double>(s.score) * 1000.0) / 1000.0;
  j["source"] = s.source;
  if (s.type == SpanType::QUOTE) {
    j["kind"] = quote_kind_name(s.kind);
    if (s.has_cue) cv.range(j["cue"], s.cue);
    if (s.has_speaker) {
      Json& sp = j["speaker"];
      cv.range(sp, s.speaker.range);
      if (s.speaker.entity >= 0 && static_cast<std::size_t>(s.speaker.entity) < spans.size())
        sp["entity"] = span_id(static_cast<std::size_t>(s.speaker.entity));
    }
  }
  return j;
}

std::string dump(const Json& j, int indent) {
  // Invalid UTF-8 cannot reach here (annotate() refuses it); replace defensively, never throw.
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string to_json(std::string_view text, const Result& result, const JsonOptions& options) {
  Converter cv(text, options.offsets);
  Json doc;
  doc["format"] = kFormat;
  if (!options.id.empty()) doc["id"] = options.id;
  doc["text"] = std::string(text);
  doc["offsets"] = offset_unit_name(options.offsets);
  if (result.has_date) {
    Json& d = doc["date"];
    d["value"] = result.date.value;
    d["source"] = result.date.source;
    if (!result.date.range.empty()) cv.range(d, result.date.range);
  } else {
    doc["date"] = nullptr;
  }
  Json spans = Json::array();
  for (std::size_t i = 0; i < result.spans.size(); ++i)
    spans.push_back(span_json(cv, result.spans, i));
  doc["spans"] = std::move(spans);
  return dump(doc, options.indent);
}

std::string error_json(const Status& status, const JsonOptions& options) {
  Json doc;
  doc["format"] = kFormat;
  if (!options.id.empty()) doc["id"] = options.id;
  Json& e = doc["error"];
  e["code"] = status_code_name(status.code);
  e["message"] = status.message;
  e["offset"] = status.offset;
  e["offsets"] = "byte";
  return dump(doc, options.indent);
}

}  // namespace belgi
