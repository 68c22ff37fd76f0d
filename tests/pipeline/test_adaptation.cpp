// Learning from corrections (belgi/adaptation.h): an empty adaptation changes nothing, a learned
// name is found in a new sentence, the bytes round-trip and are refused when they are not an
// adaptation of this model, bad documents are errors that name where.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "belgi/adaptation.h"
#include "belgi/annotator.h"
#include "belgi/json.h"
#include "support.h"
#include "text/hash.h"

using namespace belgi;
using belgi::test::annotator;

namespace {

// "TYPE text" for each span of `types`.
std::vector<std::string> marks(const std::string& text, const Result& r,
                               const std::vector<SpanType>& types = {SpanType::ORGANISATION, SpanType::GPE,
                                                                     SpanType::PERSON, SpanType::LOCATION}) {
  std::vector<std::string> out;
  for (const Span& s : r.spans)
    for (SpanType t : types)
      if (s.type == t) out.push_back(std::string(type_name(t)) + " " + text.substr(s.range.begin, s.range.end - s.range.begin));
  return out;
}

// A span of `type` over the n-th occurrence (from 0) of `what` in `text`.
Span span_of(const std::string& text, const std::string& what, SpanType type, int n = 0) {
  std::size_t at = text.find(what);
  for (int i = 0; i < n; ++i) at = text.find(what, at + 1);
  REQUIRE(at != std::string::npos);
  Span s;
  s.type = type;
  s.range = ByteRange{at, at + what.size()};
  return s;
}

// The shipped model takes this outlet for a place; the corrections say it is an organisation.
const std::string kDoc = "Жиынға Ұлытау Медиа компаниясының өкілдері қатысты. Ұлытау Медиа туралы көп айтылды.";
const std::string kNew = "Кеше Ұлытау Медиа жаңа жоба бастады.";

Adaptation learned() {
  Adaptation a(annotator());
  std::vector<Span> truth = {span_of(kDoc, "Ұлытау Медиа", SpanType::ORGANISATION, 0),
                             span_of(kDoc, "Ұлытау Медиа", SpanType::ORGANISATION, 1)};
  REQUIRE(a.learn(kDoc, truth).ok());
  return a;
}

std::shared_ptr<const Annotator> adapted(const Adaptation& a) {
  Status st;
  auto out = annotator().adapted(a, st);
  REQUIRE_MESSAGE(st.ok(), st.message);
  REQUIRE(static_cast<bool>(out));
  return out;
}

// Re-signs serialized bytes after an edit (the checksum is the last 8 bytes).
std::string resign(std::string bytes) {
  std::uint64_t sum = text::fnv1a64_words(std::string_view(bytes).substr(0, bytes.size() - 8));
  std::memcpy(&bytes[bytes.size() - 8], &sum, 8);
  return bytes;
}

}  // namespace

TEST_CASE("adaptation: an empty one annotates exactly as the model") {
  Adaptation empty(annotator());
  CHECK(empty.empty());
  CHECK(empty.documents() == 0);
  auto a = adapted(empty);
  for (const std::string& text : {kDoc, kNew, std::string("Астанада 5 желтоқсанда Президент Қасым-Жомарт Тоқаев 👍 сөйледі."),
                                  std::string("Café Алматы\xCC\x81 қаласында.")}) {
    Result x = annotator().annotate(text), y = a->annotate(text);
    REQUIRE(x.spans.size() == y.spans.size());
    for (std::size_t i = 0; i < x.spans.size(); ++i) {
      CHECK(x.spans[i].range.begin == y.spans[i].range.begin);
      CHECK(x.spans[i].range.end == y.spans[i].range.end);
      CHECK(x.spans[i].type == y.spans[i].type);
      CHECK(x.spans[i].score == y.spans[i].score);
    }
  }
}

TEST_CASE("adaptation: a corrected name is found in a new sentence; the model alone does not change") {
  REQUIRE(marks(kNew, annotator().annotate(kNew)) == std::vector<std::string>{"GPE Ұлытау Медиа"});
  Adaptation a = learned();
  CHECK(a.documents() == 1);
  CHECK(!a.empty());
  CHECK(a.weights() > 0);
  CHECK(a.weights() < 200);  // lexical features of the corrected tokens only
  CHECK(marks(kNew, adapted(a)->annotate(kNew)) == std::vector<std::string>{"ORGANISATION Ұлытау Медиа"});
  CHECK(marks(kNew, annotator().annotate(kNew)) == std::vector<std::string>{"GPE Ұлытау Медиа"});
  a.reset();
  CHECK(a.empty());
  CHECK(marks(kNew, adapted(a)->annotate(kNew)) == std::vector<std::string>{"GPE Ұлытау Медиа"});
}

TEST_CASE("adaptation: Latin-script documents are learned as annotate() reads them") {
  const std::string doc = "Jıynǵa Ulytaý Media kompanııasynyń ókilderi qatysty. Ulytaý Media týraly kóp aıtyldy.";
  const std::string fresh = "Keshe Ulytaý Media jańa joba bastady.";
  Adaptation a(annotator());
  REQUIRE(a.learn(doc, {span_of(doc, "Ulytaý Media", SpanType::ORGANISATION, 0),
                        span_of(doc, "Ulytaý Media", SpanType::ORGANISATION, 1)}).ok());
  CHECK(marks(fresh, adapted(a)->annotate(fresh)) == std::vector<std::string>{"ORGANISATION Ulytaý Media"});
}

TEST_CASE("adaptation: the same documents give the same bytes; the bytes round-trip") {
  Adaptation a = learned(), b = learned();
  const std::string bytes = a.serialize();
  CHECK(bytes == b.serialize());
  CHECK(bytes.compare(0, 8, "BELGIADA") == 0);
  Adaptation c(annotator());
  REQUIRE(Adaptation::parse(bytes, annotator(), c).ok());
  CHECK(c.serialize() == bytes);
  CHECK(c.documents() == 1);
  CHECK(c.model() == annotator().versions().model);
  CHECK(marks(kNew, adapted(c)->annotate(kNew)) == std::vector<std::string>{"ORGANISATION Ұлытау Медиа"});
  // Learning goes on from the reloaded state exactly as from the original.
  std::vector<Span> truth = {span_of(kNew, "Ұлытау Медиа", SpanType::ORGANISATION)};
  REQUIRE(a.learn(kNew, truth).ok());
  REQUIRE(c.learn(kNew, truth).ok());
  CHECK(a.serialize() == c.serialize());
  CHECK(a.documents() == 2);
}

TEST_CASE("adaptation: bytes that are not an adaptation of this model are refused, with the reason") {
  const std::string bytes = learned().serialize();
  Adaptation out(annotator());
  auto refused = [&](const std::string& b, const char* why) {
    Status st = Adaptation::parse(b, annotator(), out);
    CHECK(st.code == StatusCode::invalid_argument);
    CHECK_MESSAGE(st.message.find(why) != std::string::npos, st.message);
  };
  refused("", "bad magic");
  refused("BELGINER" + bytes.substr(8), "bad magic");
  std::string v2 = bytes;
  v2[8] = 2;
  refused(resign(v2), "version 2");
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  refused(flipped, "checksum");
  refused(resign(bytes.substr(0, bytes.size() - 12) + std::string(8, '\0')), "corrupt");
  std::string other = bytes;
  const std::string id = annotator().versions().model;
  const std::size_t at = other.find(id);
  REQUIRE(at != std::string::npos);
  other[at] = other[at] == 'x' ? 'y' : 'x';
  refused(resign(other), "learned on model");
  CHECK(out.empty());  // nothing refused was taken
}

TEST_CASE("adaptation: bad documents are errors naming where; odd spans are skipped and counted") {
  Adaptation a(annotator());
  Status st = a.learn("Алматы \xff", {});
  CHECK(st.code == StatusCode::invalid_utf8);
  CHECK(st.offset == 13);
  std::size_t skipped = 0;
  Span outer = span_of(kDoc, "Ұлытау Медиа компаниясының", SpanType::ORGANISATION);
  Span inner = span_of(kDoc, "Ұлытау", SpanType::GPE);
  Span beyond;
  beyond.type = SpanType::PERSON;
  beyond.range = ByteRange{kDoc.size() - 2, kDoc.size() + 10};
  Span quote = span_of(kDoc, "Ұлытау Медиа туралы", SpanType::QUOTE);
  REQUIRE(a.learn(kDoc, {inner, outer, beyond, quote}, &skipped).ok());
  CHECK(skipped == 2);  // the nested GPE and the span past the end; the quote is not a name
  CHECK(a.documents() == 1);
}

TEST_CASE("adaptation: dates and numbers are not learned; a document the model gets right changes nothing") {
  const std::string text = "Астанада 5 желтоқсанда 300 адам жиналды.";
  Adaptation a(annotator());
  Result r = annotator().annotate(text);
  std::vector<Span> truth;
  for (const Span& s : r.spans)
    if (s.type != SpanType::DATE) truth.push_back(s);  // the date "removed" by the annotator
  Span wrong = span_of(text, "300", SpanType::MONEY);
  truth.push_back(wrong);
  REQUIRE(a.learn(text, truth).ok());
  CHECK(a.documents() == 1);
  CHECK(a.empty());
}

TEST_CASE("parse_document: belgi/1 and the examples' form, offsets in code points, UTF-16 or bytes") {
  std::string text;
  std::vector<Span> spans;
  // "Ә" is 2 bytes, 1 code point, 1 UTF-16 unit; "😀" 4 bytes, 1 code point, 2 UTF-16 units.
  REQUIRE(parse_document(R"({"format":"belgi/1","text":"😀 Әлем","offsets":"utf16","spans":[{"type":"GPE","start":3,"end":7}]})",
                         text, spans).ok());
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].range.begin, spans[0].range.end - spans[0].range.begin) == "Әлем");
  REQUIRE(parse_document(R"({"text":"😀 Әлем","entities":[{"type":"GPE","start":2,"end":6}]})", text, spans).ok());
  CHECK(text.substr(spans[0].range.begin, spans[0].range.end - spans[0].range.begin) == "Әлем");
  Status st = parse_document(R"({"text":"😀 Әлем","offsets":"byte","spans":[{"type":"GPE","start":6,"end":13}]})", text, spans);
  CHECK(st.code == StatusCode::invalid_input);
  CHECK(st.message.find("span 0") != std::string::npos);
  st = parse_document(R"({"text":"Әлем","spans":[{"type":"CITY","start":0,"end":4}]})", text, spans);
  CHECK(st.message.find("unknown type 'CITY'") != std::string::npos);
  st = parse_document(R"({"text":"Әлем","spans":[{"type":"GPE","start":0,"end":9}]})", text, spans);
  CHECK(st.message.find("outside the text") != std::string::npos);
  CHECK(!parse_document(R"({"format":"belgi/1","error":{"code":"invalid_utf8"}})", text, spans).ok());
  CHECK(!parse_document("[1, 2", text, spans).ok());
}
