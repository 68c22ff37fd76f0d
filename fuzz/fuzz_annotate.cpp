// annotate() on raw bytes: never crashes, and on success every span lies inside the text on
// code point boundaries and the JSON in every offset unit is produced.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "belgi/annotator.h"
#include "belgi/json.h"

namespace {
void check(bool ok) {
  if (!ok) std::abort();
}
bool boundary(std::string_view t, std::size_t i) {
  return i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::shared_ptr<const belgi::Annotator> a = [] {
    belgi::Status st;
    auto made = belgi::Annotator::create(st);
    check(st.ok());
    return made;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  belgi::Result r = a->annotate(text);
  if (!r.status.ok()) {
    check(r.status.code == belgi::StatusCode::invalid_utf8 && r.status.offset < size);
    return 0;
  }
  for (const belgi::Span& s : r.spans) {
    check(s.range.begin < s.range.end && s.range.end <= size);
    check(boundary(text, s.range.begin) && boundary(text, s.range.end));
    if (s.has_cue) check(s.cue.begin <= s.cue.end && s.cue.end <= size);
    if (s.has_speaker) check(s.speaker.range.begin <= s.speaker.range.end && s.speaker.range.end <= size);
  }
  for (belgi::OffsetUnit u : {belgi::OffsetUnit::codepoint, belgi::OffsetUnit::utf16}) {
    belgi::JsonOptions jo;
    jo.offsets = u;
    check(!belgi::to_json(text, r, jo).empty());
  }
  belgi::Tokenization tok = belgi::tokenize(text);
  check(tok.status.ok());
  for (const belgi::ByteRange& t : tok.tokens) check(t.begin < t.end && t.end <= size);
  return 0;
}
