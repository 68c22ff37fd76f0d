#include "entities/recognizer.h"

#include "entities/rules.h"
#include "pipeline/resolve.h"

#include <algorithm>

namespace belgi::entities {

namespace {

// The tagger's memory grows with sentence length (Viterbi keeps a row per token), so text with
// no sentence ends (a million dates in a row, a list without stops) is tagged in windows.
// KazNERD's longest sentences are far shorter, so real sentences are never cut.
constexpr std::size_t kMaxWindowTokens = 256;

}  // namespace

void EntityRecognizer::run(Context& ctx) const {
  std::vector<std::string_view> words;
  std::vector<TokenEntity> found;
  for (const text::Sentence& s : ctx.sentences) {
    // A sentence of punctuation and symbols only (`....`, `***`, a line of dashes) names
    // nothing: skip the model there, which also keeps such inputs as fast as prose.
    bool has_word = false;
    for (std::size_t i = s.first; i < s.last && !has_word; ++i) {
      text::TokenKind k = ctx.tokens[i].kind;
      has_word = k == text::TokenKind::word || k == text::TokenKind::number || k == text::TokenKind::url;
    }
    if (!has_word) continue;
    for (std::size_t first = s.first; first < s.last; first += kMaxWindowTokens) {
      std::size_t last = std::min(s.last, first + kMaxWindowTokens);
      words.clear();
      found.clear();
      for (std::size_t i = first; i < last; ++i) words.push_back(ctx.tokens[i].text(ctx.text));
      tag(*model_, words, found);
      apply_rules(words, lexicons(*model_), found);
      for (const TokenEntity& e : found) {
        if (e.first >= e.last || e.last > words.size()) continue;
        Candidate c;
        c.span.type = e.type;
        c.span.range = ByteRange{ctx.tokens[first + e.first].begin, ctx.tokens[first + e.last - 1].end};
        c.span.score = e.score;
        c.span.source = "model";
        c.priority = kPriorityModel;
        ctx.candidates.push_back(std::move(c));
      }
    }
  }
}

}  // namespace belgi::entities
