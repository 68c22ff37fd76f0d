// The public API end to end: statuses, the offset invariant, options, determinism, threads.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "belgi/annotator.h"
#include "support.h"
#include "belgi/json.h"
#include "belgi/offsets.h"
#include "pipeline/annotator_impl.h"

using namespace belgi;
using belgi::test::annotator;

namespace {

const char* kNews =
    "😀 Астанада жемқорлыққа қарсы халықаралық форум өтті\n\n"
    " Халық үні 05.12.2023 | 17:20\n"
    "Бүгін Астанада «Қазақстанның сыбайлас жемқорлыққа қарсы саясаты» халықаралық форумы өтті. "
    "Сыбайлас жемқорлыққа қарсы қызметтің төрағасы Асхат\u00a0Жұмағали е\u0301сеп берді. "
    "Қазақстан конвенцияны 2008 жылы ратификациялады, - деп атап өтті Асхат Жұмағали. 👍🏽";

void check_invariant(std::string_view text, const Result& r) {
  for (const Span& s : r.spans) {
    CHECK(s.range.begin < s.range.end);
    CHECK(s.range.end <= text.size());
    if (s.has_cue) CHECK(s.cue.end <= text.size());
    if (s.has_speaker) CHECK(s.speaker.range.end <= text.size());
  }
}

}  // namespace

TEST_CASE("annotate: empty and whitespace-only input give no spans and no error") {
  for (const char* text : {"", " ", "\n\n\t", "\u00a0\u2009 \u3000"}) {
    Result r = annotator().annotate(text);
    CHECK(r.status.ok());
    CHECK(r.spans.empty());
    CHECK_FALSE(r.has_date);
  }
}

TEST_CASE("annotate: invalid UTF-8 is refused with the byte offset") {
  std::string text = "Астана\xff форум";
  Result r = annotator().annotate(text);
  CHECK(r.status.code == StatusCode::invalid_utf8);
  CHECK(r.status.offset == 12);
  CHECK(r.status.message.find("12") != std::string::npos);
  CHECK(r.spans.empty());
}

TEST_CASE("annotate: size limit") {
  Options opt;
  opt.max_bytes = 10;
  Result r = annotator().annotate("Астана форум өтті", opt);
  CHECK(r.status.code == StatusCode::too_large);
  opt.max_bytes = 100;
  CHECK(annotator().annotate("Астана форум өтті", opt).status.ok());
}

TEST_CASE("annotate_known_utf8 (the batch CLI's records) gives annotate()'s result and checks the rest") {
  Result a = annotator().annotate(kNews), b = annotate_known_utf8(annotator(), kNews, Options());
  REQUIRE(b.status.ok());
  CHECK(to_json(kNews, a, JsonOptions()) == to_json(kNews, b, JsonOptions()));
  Options opt;
  opt.max_bytes = 10;  // the size limit and the options are still checked
  CHECK(annotate_known_utf8(annotator(), kNews, opt).status.code == StatusCode::too_large);
  opt.max_bytes = 1 << 20;
  opt.document_date = "2023-13-45";
  CHECK(annotate_known_utf8(annotator(), kNews, opt).status.code == StatusCode::invalid_argument);
}

TEST_CASE("annotate: document date option is validated and reported") {
  Options opt;
  for (const char* bad : {"2023-13-01", "2023-02-30", "05.12.2023", "yesterday", "2023-1-5"}) {
    opt.document_date = bad;
    CAPTURE(bad);
    CHECK(annotator().annotate("Бүгін", opt).status.code == StatusCode::invalid_argument);
  }
  opt.document_date = "2024-02-29";
  Result r = annotator().annotate("Бүгін", opt);
  CHECK(r.status.ok());
  CHECK(r.has_date);
  CHECK(r.date.value == "2024-02-29");
  CHECK(r.date.source == "option");
}

TEST_CASE("annotate: the dateline gives the document date") {
  Result r = annotator().annotate(kNews);
  REQUIRE(r.status.ok());
  CHECK(r.has_date);
  CHECK(r.date.value == "2023-12-05");
  CHECK(r.date.source == "dateline");
  std::string_view t(kNews);
  CHECK(t.substr(r.date.range.begin, r.date.range.end - r.date.range.begin) == "05.12.2023 | 17:20");
  bool dated = false;
  for (const Span& s : r.spans)
    dated |= s.type == SpanType::DATE && s.value == "2023-12-05" && !s.source.empty();
  CHECK(dated);
}

TEST_CASE("annotate: spans are sorted, inside the text, and slice exactly in every unit") {
  std::string_view text(kNews);
  Result r = annotator().annotate(text);
  REQUIRE(r.status.ok());
  check_invariant(text, r);
  for (std::size_t i = 1; i < r.spans.size(); ++i)
    CHECK(r.spans[i - 1].range.begin <= r.spans[i].range.begin);
  // The JSON in each unit: start/end slice the text to the span's "text" in that unit.
  OffsetMap m(text);
  for (const Span& s : r.spans) {
    std::size_t b = s.range.begin, e = s.range.end;
    CHECK(m.from(OffsetUnit::codepoint, m.to(OffsetUnit::codepoint, b)) == b);
    CHECK(m.from(OffsetUnit::codepoint, m.to(OffsetUnit::codepoint, e)) == e);
    CHECK(m.from(OffsetUnit::utf16, m.to(OffsetUnit::utf16, b)) == b);
    CHECK(m.from(OffsetUnit::utf16, m.to(OffsetUnit::utf16, e)) == e);
  }
}

TEST_CASE("annotate: type selection") {
  Options opt;
  opt.types = TypeSet::none().add(SpanType::PERSON);
  Result r = annotator().annotate(kNews, opt);
  REQUIRE(r.status.ok());
  for (const Span& s : r.spans) CHECK(s.type == SpanType::PERSON);
  opt.types = TypeSet::none().add(SpanType::DATE);
  r = annotator().annotate(kNews, opt);
  CHECK_FALSE(r.spans.empty());
  for (const Span& s : r.spans) CHECK(s.type == SpanType::DATE);
}

#ifndef __EMSCRIPTEN__  // no threads in the wasm build
TEST_CASE("annotate: deterministic and safe from several threads") {
  std::string expected = to_json(kNews, annotator().annotate(kNews), JsonOptions());
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) got[t] = to_json(kNews, annotator().annotate(kNews), JsonOptions());
    });
  }
  for (auto& th : threads) th.join();
  for (const std::string& g : got) CHECK(g == expected);
}
#endif

TEST_CASE("annotate: hostile bytes never crash") {
  std::string nul("a\0b\0\0 Астана", 14);
  CHECK(annotator().annotate(nul).status.ok());
  std::string punct(5000, '.');
  CHECK(annotator().annotate(punct).status.ok());
  std::string quotes;
  for (int i = 0; i < 2000; ++i) quotes += "«";
  CHECK(annotator().annotate(quotes).status.ok());
  std::string newlines(10000, '\n');
  CHECK(annotator().annotate(newlines).status.ok());
}

TEST_CASE("tag: IOB2 over given tokens") {
  TagResult r = annotator().tag({"05.12.2023", "күні", "форум", "өтті", "."});
  REQUIRE(r.status.ok());
  REQUIRE(r.tags.size() == 5);
  CHECK(r.tags[0] == "B-DATE");
  for (const std::string& t : r.tags)
    CHECK((t == "O" || t.rfind("B-", 0) == 0 || t.rfind("I-", 0) == 0));
  CHECK(annotator().tag({}).status.ok());
  CHECK(annotator().tag({"екі сөз"}).status.code == StatusCode::invalid_input);
  CHECK(annotator().tag({""}).status.code == StatusCode::invalid_input);
  CHECK(annotator().tag({"\xff"}).status.code == StatusCode::invalid_input);
}

TEST_CASE("annotators share the rule tables, prepared ahead or not, with the same results") {
  Status st = Annotator::prepare_shared();
  REQUIRE_MESSAGE(st.ok(), st.message);
  CHECK(Annotator::prepare_shared().ok());  // idempotent
  auto second = Annotator::create(st);
  REQUIRE(st.ok());
  REQUIRE(static_cast<bool>(second));
  CHECK(to_json(kNews, second->annotate(kNews), JsonOptions()) ==
        to_json(kNews, annotator().annotate(kNews), JsonOptions()));
  second.reset();  // the shared tables outlive an annotator
  CHECK(to_json(kNews, annotator().annotate(kNews), JsonOptions()).find("\"QUOTE\"") != std::string::npos);
}

TEST_CASE("versions") {
  Versions v = annotator().versions();
  CHECK(v.format == "belgi/1");
  CHECK_FALSE(v.core.empty());
  CHECK_FALSE(v.model.empty());
}

TEST_CASE("parse_type_list") {
  TypeSet t = TypeSet::none();
  std::string unknown;
  CHECK(parse_type_list("PERSON,,DATE", t, &unknown));
  CHECK(t.has(SpanType::PERSON));
  CHECK(t.has(SpanType::DATE));
  CHECK_FALSE(t.has(SpanType::GPE));
  CHECK(parse_type_list("", t, &unknown));
  CHECK(t.empty());
  CHECK_FALSE(parse_type_list("PERSON,PEOPLE", t, &unknown));
  CHECK(unknown == "PEOPLE");
}
