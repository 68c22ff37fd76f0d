// Latin-script Kazakh through the whole pipeline: spans, values, cues and speakers land on the
// caller's Latin text, and they are the spans of the same text in Cyrillic.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "support.h"

using namespace belgi;
using belgi::test::annotator;

namespace {

std::string slice(const std::string& text, ByteRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

// "TYPE text [value]" for each span, sliced from the annotated text.
std::vector<std::string> marks(const std::string& text, const Result& r) {
  std::vector<std::string> out;
  for (const Span& s : r.spans) {
    std::string m = std::string(type_name(s.type)) + " " + slice(text, s.range);
    if (!s.value.empty()) m += " " + s.value;
    if (s.has_cue) m += " cue=" + slice(text, s.cue);
    if (s.has_speaker) m += " speaker=" + slice(text, s.speaker.range);
    out.push_back(m);
  }
  return out;
}

}  // namespace

TEST_CASE("latin pipeline: 2018 and 2021 sentences give the Cyrillic sentence's spans, on the Latin text") {
  Options opt;
  opt.document_date = "2024-01-10";
  const std::string cyrillic =
      "«Бұл маңызды шешім», – деді Қасым-Жомарт Тоқаев 2024 жылғы 5 қаңтарда Астанада.";
  const std::string latin2018 =
      "«Bul mańyzdy sheshim», – dedi Qasym-Jomart Toqaev 2024 jylǵy 5 qańtarda Astanada.";
  const std::string latin2021 =
      "«Būl mañyzdy şeşım», – dedı Qasym-Jomart Toqaev 2024 jylğy 5 qañtarda Astanada.";
  Result c = annotator().annotate(cyrillic, opt);
  REQUIRE(c.status.ok());
  REQUIRE(c.spans.size() >= 3);
  for (const std::string& latin : {latin2018, latin2021}) {
    CAPTURE(latin);
    Result l = annotator().annotate(latin, opt);
    REQUIRE(l.status.ok());
    REQUIRE(l.spans.size() == c.spans.size());
    for (std::size_t i = 0; i < c.spans.size(); ++i) {
      CHECK(l.spans[i].type == c.spans[i].type);
      CHECK(l.spans[i].value == c.spans[i].value);
      CHECK(l.spans[i].has_cue == c.spans[i].has_cue);
      CHECK(l.spans[i].has_speaker == c.spans[i].has_speaker);
      CHECK(l.spans[i].speaker.entity == c.spans[i].speaker.entity);
    }
  }
  std::vector<std::string> got = marks(latin2018, annotator().annotate(latin2018, opt));
  CHECK(std::find(got.begin(), got.end(), "PERSON Qasym-Jomart Toqaev") != got.end());
  CHECK(std::find(got.begin(), got.end(), "DATE 2024 jylǵy 5 qańtarda 2024-01-05") != got.end());
  CHECK(std::find(got.begin(), got.end(),
                  "QUOTE Bul mańyzdy sheshim cue=dedi speaker=Qasym-Jomart Toqaev") != got.end());
}

TEST_CASE("latin pipeline: the dateline of a Latin page is found and mapped back") {
  const std::string text = "Qazaqstan 09 Tamyz, 2018\n\nBúgin Astanada jıyn ótti.";
  Result r = annotator().annotate(text);
  REQUIRE(r.status.ok());
  REQUIRE(r.has_date);
  CHECK(r.date.source == "dateline");
  CHECK(r.date.value == "2018-08-09");
  CHECK(slice(text, r.date.range) == "09 Tamyz, 2018");
  std::vector<std::string> got = marks(text, r);
  CHECK(std::find(got.begin(), got.end(), "DATE Búgin 2018-08-09") != got.end());
  for (const Span& s : r.spans) CHECK(s.range.end <= text.size());
}

TEST_CASE("latin pipeline: spans of random Latin mixtures lie on code point boundaries of the original") {
  const char* pieces[] = {"Búgin", " ", "a\xcc\x81", "«", "»", " – dedi ", "Qasym-Jomart Toqaev",
                          "😀", "2024 jylǵy 5 qańtarda", ". ", "Astanada", "\n", "ТОҚАЕВ",
                          "n'", "Şyğys", "«Мы готовы»", "https://a.kz/x", "the", "í", "sóz sóıledi"};
  const std::size_t n = sizeof(pieces) / sizeof(pieces[0]);
  std::uint32_t state = 777;
  auto boundary = [](const std::string& t, std::size_t off) {
    return off == t.size() || (off < t.size() && (static_cast<unsigned char>(t[off]) & 0xC0) != 0x80);
  };
  int spans = 0;
  for (int doc = 0; doc < 60; ++doc) {
    std::string text;
    for (int i = 0; i < 25; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % n];
    }
    CAPTURE(text);
    Result r = annotator().annotate(text);
    REQUIRE(r.status.ok());
    for (const Span& s : r.spans) {
      ++spans;
      CHECK(s.range.begin < s.range.end);
      CHECK(s.range.end <= text.size());
      CHECK(boundary(text, s.range.begin));
      CHECK(boundary(text, s.range.end));
      if (s.has_cue) CHECK((s.cue.end <= text.size() && boundary(text, s.cue.begin)));
      if (s.has_speaker)
        CHECK((s.speaker.range.end <= text.size() && boundary(text, s.speaker.range.begin)));
    }
  }
  CHECK(spans > 100);
}
