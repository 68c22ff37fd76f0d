// A read-only view of one text for the quote rules: tokens with their lower-case form, the
// paragraph (line) and the settled entity span each token falls in. Built in linear time; the
// lower-case forms are made on first use.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/recognizer.h"
#include "text/huge_pages.h"

namespace belgi::quotes {

// A per-token vector: a large document's are megabytes, each 2 MB a huge page (an advice on
// malloc's memory, reserve_huge, covers only the whole 2 MB pages inside the block: on one
// document of 2.6 MB, `para` and `sent` alone were ~870 page faults of 4 KB).
template <class T>
using PerToken = std::vector<T, text::HugePageAllocator<T>>;

struct Doc {
  const Context& ctx;
  std::string_view text;
  const std::vector<text::Token>& tok;
  PerToken<int> entity;                  // index into ctx.spans of the entity covering the token, or -1
  PerToken<std::size_t> para;            // paragraph number of each token (a line of text)
  std::vector<std::size_t> para_first;   // first token of each paragraph
  PerToken<std::size_t> sent;            // sentence number of each token
  explicit Doc(const Context& c);
  Doc(const Doc&) = delete;  // lower()'s views view lower_text_
  Doc& operator=(const Doc&) = delete;

  // The lower-cased text of token i (a punctuation token as it is); valid while the Doc lives.
  std::string_view lower(std::size_t i) const {
    return lower_[i].data() ? lower_[i] : make_lower(i);
  }

  std::size_t size() const { return tok.size(); }
  // The token's bytes (Token::in: the rules ask it of every token they pass).
  std::string_view word(std::size_t i) const { return tok[i].in(text); }
  std::size_t para_end(std::size_t i) const;  // one past the last token of i's paragraph
  std::size_t sent_begin(std::size_t i) const { return ctx.sentences[sent[i]].first; }
  std::size_t sent_end(std::size_t i) const { return ctx.sentences[sent[i]].last; }

  // Token kinds that the rules test (first code point of a punct token).
  bool is_punct(std::size_t i) const { return tok[i].kind == text::TokenKind::punct; }
  // Inline, as the rules ask them of every token they pass: letters (a word token or a domain
  // such as qazaquni.kz); a dash – — ‒ ― - (alone), the rest read only at a punctuation token.
  bool is_word(std::size_t i) const {
    return tok[i].kind == text::TokenKind::word || tok[i].kind == text::TokenKind::url;
  }
  bool is_dash(std::size_t i) const { return is_punct(i) && dash_at(i); }
  bool is_comma(std::size_t i) const { return is_byte(i, ','); }
  bool is_colon(std::size_t i) const { return is_byte(i, ':'); }
  bool is_terminator(std::size_t i) const;  // . ! ? … and runs of them
  bool is_capitalized(std::size_t i) const;
  // The entity type of token i, if it is covered by one.
  bool has_entity(std::size_t i, SpanType t) const;

 private:
  // Made on first use: the rules read the words near marks, dashes, colons and cues, a small
  // part of a text, and lower-casing every token was a fifth of the quote rules' time.
  std::string_view make_lower(std::size_t i) const;
  bool dash_at(std::size_t i) const;  // is_dash() at a punctuation token
  // word(i) == std::string_view(&c, 1), as a length and a byte.
  bool is_byte(std::size_t i, char c) const {
    return tok[i].end - tok[i].begin == 1 && text[tok[i].begin] == c;
  }
  mutable PerToken<std::string_view> lower_;     // a null view: not made yet
  mutable std::unique_ptr<char[]> lower_text_;   // the forms made, one after another
  mutable char* lower_end_ = nullptr;            // ... and where the next one goes
};

}  // namespace belgi::quotes
