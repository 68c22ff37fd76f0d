// IOB2 tag sequences: CoNLL parsing, spans from tags and back, strict span scoring
// (the same rules as seqeval's strict mode and ../shared/tools/score_iob2.py).
#pragma once
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
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

// The tokens [first, last) that overlap bytes [begin, end): `tokens` sorted, not overlapping,
// each with byte members .begin and .end (text::Token, ByteRange).
template <class Ranges>
std::pair<std::size_t, std::size_t> covered(const Ranges& tokens, std::size_t begin, std::size_t end) {
  auto first = std::partition_point(tokens.begin(), tokens.end(), [&](const auto& t) { return t.end <= begin; });
  auto last = std::partition_point(first, tokens.end(), [&](const auto& t) { return t.begin < end; });
  return {static_cast<std::size_t>(first - tokens.begin()), static_cast<std::size_t>(last - tokens.begin())};
}

// Labels tokens [first, last) of a span, in the model's numbering (0 = O): b_label (B-X) on the
// first, b_label + 1 (I-X) on the others; a negative b_label (a class not learned) on all. A
// span that covers no token, or a token labelled already (a span overlapping an earlier one),
// is left out: returns false, nothing changed.
bool label_span(std::vector<int>& labels, std::size_t first, std::size_t last, int b_label);

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
