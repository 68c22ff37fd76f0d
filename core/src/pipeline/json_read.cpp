// Reading an annotated document back (belgi/json.h parse_document): what `belgi adapt` and the
// page's learning take. Offsets are converted here, through OffsetMap, like json.cpp's.
#include <nlohmann/json.hpp>

#include "belgi/json.h"
#include "text/utf8.h"

namespace belgi {

namespace {

using Json = nlohmann::json;

Status bad(const std::string& what) { return Status::error(StatusCode::invalid_input, what); }

// One span's "type", "start", "end", converted to bytes; k numbers it in messages.
bool on_boundary(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

Status read_span(const Json& s, std::size_t k, std::string_view text, const OffsetMap& map,
                 OffsetUnit unit, std::size_t length, Span& out) {
  const std::string where = "span " + std::to_string(k);
  if (!s.is_object()) return bad(where + " is not an object");
  auto type = s.find("type");
  if (type == s.end() || !type->is_string()) return bad(where + " has no \"type\" string");
  if (!parse_type(type->get_ref<const std::string&>(), out.type))
    return bad(where + " has unknown type '" + type->get<std::string>() + "'");
  auto start = s.find("start"), end = s.find("end");
  if (start == s.end() || end == s.end() || !start->is_number_unsigned() || !end->is_number_unsigned())
    return bad(where + " needs non-negative integer \"start\" and \"end\"");
  const std::size_t b = start->get<std::size_t>(), e = end->get<std::size_t>();
  if (b >= e || e > length)
    return bad(where + " has offsets " + std::to_string(b) + ".." + std::to_string(e) +
               " outside the text (" + std::to_string(length) + " " + offset_unit_name(unit) + "s)");
  out.range = ByteRange{map.from(unit, b), map.from(unit, e)};
  if (out.range.empty()) return bad(where + " falls inside one character");
  if (unit == OffsetUnit::byte && !(on_boundary(text, b) && on_boundary(text, e)))
    return bad(where + " has a byte offset inside a UTF-8 sequence");
  return Status();
}

}  // namespace

Status parse_document(std::string_view json, std::string& text, std::vector<Span>& spans) {
  text.clear();
  spans.clear();
  Json doc = Json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return bad("not a JSON object");
  if (doc.contains("error")) return bad("an error record, not an annotated document");
  auto t = doc.find("text");
  if (t == doc.end() || !t->is_string()) return bad("no \"text\" string");
  text = t->get<std::string>();
  if (Status st = check_utf8(text); !st.ok())
    return Status::error(st.code, "\"text\": " + st.message, st.offset);
  OffsetUnit unit = OffsetUnit::codepoint;
  if (auto o = doc.find("offsets"); o != doc.end())
    if (!o->is_string() || !parse_offset_unit(o->get_ref<const std::string&>(), unit))
      return bad("\"offsets\" must be \"codepoint\", \"utf16\" or \"byte\"");
  auto list = doc.find("spans");
  if (list == doc.end()) list = doc.find("entities");
  if (list == doc.end() || !list->is_array()) return bad("no \"spans\" (or \"entities\") array");
  const OffsetMap map(text);
  const std::size_t length = map.to(unit, text.size());
  for (std::size_t k = 0; k < list->size(); ++k) {
    Span s;
    if (Status st = read_span((*list)[k], k, text, map, unit, length, s); !st.ok()) return st;
    spans.push_back(std::move(s));
  }
  return Status();
}

}  // namespace belgi
