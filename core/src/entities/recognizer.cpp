#include "entities/recognizer.h"

#include "entities/rules.h"
#include "pipeline/resolve.h"
#include "text/huge_pages.h"

#include <algorithm>

namespace belgi::entities {

namespace {

// The tagger's memory grows with sentence length (Viterbi keeps a row per token), so text with
// no sentence ends (a million dates in a row, a list without stops) is tagged in windows.
// KazNERD's longest sentences are far shorter, so real sentences are never cut.
constexpr std::size_t kMaxWindowTokens = 256;

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> tag_windows(const std::vector<text::Token>& tokens,
                                                             const std::vector<text::Sentence>& sentences) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const text::Sentence& s : sentences) {
    // A sentence of punctuation and symbols only (`....`, `***`, a line of dashes) names
    // nothing: skip the model there, which also keeps such inputs as fast as prose.
    bool has_word = false;
    for (std::size_t i = s.first; i < s.last && !has_word; ++i) {
      text::TokenKind k = tokens[i].kind;
      has_word = k == text::TokenKind::word || k == text::TokenKind::number || k == text::TokenKind::url;
    }
    if (!has_word) continue;
    for (std::size_t first = s.first; first < s.last; first += kMaxWindowTokens)
      out.emplace_back(first, std::min(s.last, first + kMaxWindowTokens));
  }
  return out;
}

void tag_sentences(const Model& model, std::string_view text, const std::vector<text::Token>& tokens,
                   const std::vector<text::Sentence>& sentences, bool rules,
                   const std::function<void(const TokenEntity&, ByteRange)>& emit, const Deltas* deltas) {
  std::vector<std::string_view> words;
  std::vector<TokenEntity> found;
  for (auto [first, last] : tag_windows(tokens, sentences)) {
    words.clear();
    found.clear();
    for (std::size_t i = first; i < last; ++i) words.push_back(tokens[i].text(text));
    tag(model, words, found, deltas);
    if (rules) apply_rules(words, lexicons(model), found);
    for (const TokenEntity& e : found) {
      if (e.first >= e.last || e.last > words.size()) continue;
      emit(e, ByteRange{tokens[first + e.first].begin, tokens[first + e.last - 1].end});
    }
  }
}

void EntityRecognizer::run(Context& ctx) const {
  // Room for an entity every 8 tokens (the corpora have one in 10-15): a large document's
  // candidates (~160 bytes each) grown by doubling took ~1,400 page faults; huge pages when large.
  text::reserve_huge(ctx.candidates, ctx.candidates.size() + ctx.tokens.size() / 8 + 16);
  tag_sentences(*model_, ctx.text, ctx.tokens, ctx.sentences, true, [&](const TokenEntity& e, ByteRange r) {
    Candidate c;
    c.span.type = e.type;
    c.span.range = r;
    c.span.score = e.score;
    c.span.source = "model";
    c.priority = kPriorityModel;
    c.origin = Origin::model;
    ctx.candidates.push_back(std::move(c));
  }, deltas_.get());
}

}  // namespace belgi::entities
