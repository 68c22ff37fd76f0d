// iob2.h: CoNLL parsing, strict span decoding, encoding, and seqeval-style scores.
#include <doctest/doctest.h>

#include "entities/iob2.h"

using belgi::iob2::Scores;
using belgi::iob2::Sentence;
using belgi::iob2::TokenSpan;
using belgi::iob2::covered;
using belgi::iob2::label_span;
using Tags = std::vector<std::string>;

TEST_CASE("parse_conll: sentences, columns, line numbers") {
  std::vector<Sentence> s;
  // Kazakh tokens (2-byte letters), a tab-separated line, a one-column line, trailing blank lines.
  auto st = belgi::iob2::parse_conll("Асхат B-PERSON\nЖұмағали\tX I-PERSON\n\n\nАстанада\n\n", s);
  REQUIRE(st.ok());
  REQUIRE(s.size() == 2);
  CHECK(s[0].tokens == Tags{"Асхат", "Жұмағали"});
  CHECK(s[0].tags == Tags{"B-PERSON", "I-PERSON"});  // the last column is the tag
  CHECK(s[0].line == 1);
  CHECK(s[1].tokens == Tags{"Астанада"});
  CHECK(s[1].tags == Tags{""});
  CHECK(s[1].line == 5);
}

TEST_CASE("parse_conll: invalid UTF-8 is refused with its offset") {
  std::vector<Sentence> s;
  auto st = belgi::iob2::parse_conll("ab O\n\xD0 O\n", s);
  CHECK_FALSE(st.ok());
  CHECK(st.offset == 5);
}

TEST_CASE("spans_from_tags is strict") {
  using belgi::iob2::spans_from_tags;
  CHECK(spans_from_tags({"B-PERSON", "I-PERSON", "O", "B-GPE"}) ==
        std::vector<TokenSpan>{{"PERSON", 0, 2}, {"GPE", 3, 4}});
  // An I- tag that continues nothing starts nothing.
  CHECK(spans_from_tags({"I-PERSON", "I-PERSON"}).empty());
  CHECK(spans_from_tags({"O", "I-GPE", "B-GPE"}) == std::vector<TokenSpan>{{"GPE", 2, 3}});
  // I- of another type ends the span and is dropped.
  CHECK(spans_from_tags({"B-PERSON", "I-GPE", "I-GPE"}) == std::vector<TokenSpan>{{"PERSON", 0, 1}});
  // B- right after a span of the same type starts a new span.
  CHECK(spans_from_tags({"B-GPE", "B-GPE"}) == std::vector<TokenSpan>{{"GPE", 0, 1}, {"GPE", 1, 2}});
  // A span running to the end of the sentence.
  CHECK(spans_from_tags({"O", "B-DATE", "I-DATE"}) == std::vector<TokenSpan>{{"DATE", 1, 3}});
  CHECK(spans_from_tags({}).empty());
}

TEST_CASE("tags_from_spans round-trips valid tag sequences") {
  using belgi::iob2::spans_from_tags;
  using belgi::iob2::tags_from_spans;
  for (const Tags& tags : {Tags{"B-PERSON", "I-PERSON", "O", "B-GPE"}, Tags{"B-GPE", "B-GPE", "I-GPE"},
                           Tags{"O", "O"}, Tags{}, Tags{"B-ORGANISATION"}}) {
    CHECK(tags_from_spans(spans_from_tags(tags), tags.size()) == tags);
  }
  CHECK(tags_from_spans({{"GPE", 1, 3}}, 4) == Tags{"O", "B-GPE", "I-GPE", "O"});
}

TEST_CASE("Scores: exact type and boundaries, micro and per class") {
  Scores s;
  // gold: PERSON[0,2) GPE[3,4); pred: PERSON[0,2) ORGANISATION[3,4) -> 1 tp, 1 fp, 1 fn.
  s.add({"B-PERSON", "I-PERSON", "O", "B-GPE"}, {"B-PERSON", "I-PERSON", "O", "B-ORGANISATION"});
  // gold: PERSON[0,2); pred: PERSON[0,1) (boundary error) -> 1 fp, 1 fn.
  s.add({"B-PERSON", "I-PERSON"}, {"B-PERSON", "O"});
  CHECK(s.micro.tp == 1);
  CHECK(s.micro.fp == 2);
  CHECK(s.micro.fn == 2);
  CHECK(s.micro.precision() == doctest::Approx(1.0 / 3));
  CHECK(s.micro.recall() == doctest::Approx(1.0 / 3));
  CHECK(s.micro.f1() == doctest::Approx(1.0 / 3));
  CHECK(s.per_class.at("PERSON").tp == 1);
  CHECK(s.per_class.at("PERSON").fn == 1);
  CHECK(s.per_class.at("PERSON").fp == 1);
  CHECK(s.per_class.at("GPE").fn == 1);
  CHECK(s.per_class.at("ORGANISATION").fp == 1);
  CHECK(s.per_class.at("ORGANISATION").f1() == 0.0);
  std::string table = s.table();
  CHECK(table.find("PERSON") < table.find("GPE"));  // most frequent gold class first
  CHECK(table.find("micro P 0.3333 R 0.3333 F1 0.3333") != std::string::npos);
}

TEST_CASE("Scores: nothing predicted, nothing gold") {
  Scores s;
  s.add({"O", "O"}, {"O", "O"});
  CHECK(s.micro.f1() == 0.0);
  CHECK(s.micro.precision() == 0.0);
}

TEST_CASE("covered and label_span: the tokens of a byte span, labelled once") {
  struct R {
    std::size_t begin, end;
  };
  // "Б.Сапаров 🙂 келді": three tokens, the emoji 4 bytes.
  const std::vector<R> toks{{0, 16}, {17, 21}, {22, 32}};
  CHECK(covered(toks, 0, 16) == std::pair<std::size_t, std::size_t>{0, 1});
  CHECK(covered(toks, 3, 20) == std::pair<std::size_t, std::size_t>{0, 2});  // ends inside tokens
  CHECK(covered(toks, 16, 17) == std::pair<std::size_t, std::size_t>{1, 1});  // a space: none
  CHECK(covered(toks, 0, 40) == std::pair<std::size_t, std::size_t>{0, 3});
  std::vector<int> labels(3, 0);
  CHECK(label_span(labels, 0, 2, 7));
  CHECK(labels == std::vector<int>{7, 8, 0});
  CHECK_FALSE(label_span(labels, 1, 3, 3));  // overlaps the first: left out, nothing changed
  CHECK(labels == std::vector<int>{7, 8, 0});
  CHECK_FALSE(label_span(labels, 3, 3, 3));  // covers no token
  CHECK(label_span(labels, 2, 3, -1));       // a class not learned: -1 on every token
  CHECK(labels == std::vector<int>{7, 8, -1});
}
