// IOB2 tag sequences: CoNLL parsing, spans from tags and back, strict span scoring
// (the same rules as seqeval's strict mode and ../shared/tools/score_iob2.py).
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/status.h"

namespace belgi::iob2 {

// A sentence from a CoNLL file: the first column (token) and the last column (tag, "" if the
// line had a single column).
struct Sentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
  std::size_t line = 0;  // 1-based line number of the sentence's first token
};

// Parses CoNLL text: one token per line, columns split by spaces or tabs, a blank line between
// sentences. Fails (invalid_input, offset = byte of the line) on a line whose first column is
// missing or on invalid UTF-8.
Status parse_conll(std::string_view content, std::vector<Sentence>& out);

// A typed span over token indices [begin, end).
struct TokenSpan {
  std::string type;
  std::size_t begin = 0, end = 0;
  bool operator<(const TokenSpan& o) const;
  bool operator==(const TokenSpan& o) const;
};

// Strict decoding: a span starts at B-X and continues over I-X; an I- tag that does not continue
// a span of its type starts nothing.
std::vector<TokenSpan> spans_from_tags(const std::vector<std::string>& tags);
// Encodes non-overlapping spans as IOB2 tags over n tokens.
std::vector<std::string> tags_from_spans(const std::vector<TokenSpan>& spans, std::size_t n);

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

// Micro and per-class counts of exact (type, begin, end) span matches.
struct Scores {
  Counts micro;
  std::map<std::string, Counts> per_class;
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& pred);
  // Adds another set of counts (a fold's to the total).
  void merge(const Scores& other);
  // A table: one line per class (most frequent in gold first), then "micro P R F1".
  std::string table() const;
};

}  // namespace belgi::iob2
