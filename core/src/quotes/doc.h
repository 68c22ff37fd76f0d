// A read-only view of one text for the quote rules: tokens with their lower-case form, the
// paragraph (line) and the settled entity span each token falls in. Built in linear time.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/recognizer.h"

namespace belgi::quotes {

struct Doc {
  const Context& ctx;
  std::string_view text;
  const std::vector<text::Token>& tok;
  std::vector<std::string_view> lower;   // lower-cased token text (in lower_text)
  std::vector<int> entity;               // index into ctx.spans of the entity covering the token, or -1
  std::vector<std::size_t> para;         // paragraph number of each token (a line of text)
  std::vector<std::size_t> para_first;   // first token of each paragraph
  std::vector<std::size_t> sent;         // sentence number of each token
  std::unique_ptr<char[]> lower_text;    // all lower-cased tokens, one after another
  explicit Doc(const Context& c);
  Doc(const Doc&) = delete;  // `lower` views lower_text
  Doc& operator=(const Doc&) = delete;

  std::size_t size() const { return tok.size(); }
  std::string_view word(std::size_t i) const { return tok[i].text(text); }
  std::size_t para_end(std::size_t i) const;  // one past the last token of i's paragraph
  std::size_t sent_begin(std::size_t i) const { return ctx.sentences[sent[i]].first; }
  std::size_t sent_end(std::size_t i) const { return ctx.sentences[sent[i]].last; }

  // Token kinds that the rules test (first code point of a punct token).
  bool is_punct(std::size_t i) const { return tok[i].kind == text::TokenKind::punct; }
  bool is_word(std::size_t i) const;   // letters (a word token or a domain such as qazaquni.kz)
  bool is_dash(std::size_t i) const;   // – — ‒ ― - (alone)
  bool is_comma(std::size_t i) const { return word(i) == ","; }
  bool is_colon(std::size_t i) const { return word(i) == ":"; }
  bool is_terminator(std::size_t i) const;  // . ! ? … and runs of them
  bool is_capitalized(std::size_t i) const;
  // The entity type of token i, if it is covered by one.
  bool has_entity(std::size_t i, SpanType t) const;
};

}  // namespace belgi::quotes
