// The table-driven quote cases of the quotes suites: text in, quotes out (exact text, kind,
// cue text, speaker text; "" means none), checked through the public API.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "support.h"

namespace belgi::test::quote_cases {

struct Expected {
  std::string text, kind, cue, speaker;
};

struct Case {
  const char* what;
  std::string text;
  std::vector<Expected> quotes;  // empty: no quote at all
};

inline std::string slice(const std::string& text, ByteRange r) { return text.substr(r.begin, r.end - r.begin); }

inline std::vector<Span> quotes_of(const Result& r) {
  std::vector<Span> out;
  for (const Span& s : r.spans)
    if (s.type == SpanType::QUOTE) out.push_back(s);
  return out;
}

inline void check_case(const Case& c) {
  std::string what = c.what;
  CAPTURE(what);
  CAPTURE(c.text);
  Result r = belgi::test::annotator().annotate(c.text);
  REQUIRE(r.status.ok());
  std::vector<Span> q = quotes_of(r);
  REQUIRE(q.size() == c.quotes.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    const Expected& e = c.quotes[i];
    CHECK(slice(c.text, q[i].range) == e.text);
    CHECK(std::string(quote_kind_name(q[i].kind)) == e.kind);
    CHECK((q[i].has_cue ? slice(c.text, q[i].cue) : std::string()) == e.cue);
    CHECK((q[i].has_speaker ? slice(c.text, q[i].speaker.range) : std::string()) == e.speaker);
    CHECK(q[i].source.rfind("rule:quote.", 0) == 0);
    CHECK(q[i].score > 0.0f);
    CHECK(q[i].score <= 1.0f);
  }
}

}  // namespace belgi::test::quote_cases
