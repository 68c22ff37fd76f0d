#include "dates/rules.h"

#include "dates/anaphora.h"
#include "dates/grammar.h"
#include "dates/model_spans.h"
#include "dates/words.h"

namespace belgi::dates {

namespace {

Anchor anchor_of(const Context& ctx) {
  Anchor a;
  a.news = !ctx.kaznerd_cuts;
  int y, m, d;
  if (ctx.has_date && ctx.date.value.size() >= 10 &&
      parse_iso_date(std::string_view(ctx.date.value).substr(0, 10), y, m, d)) {
    a.known = true;
    a.date = Ymd{y, m, d};
  }
  return a;
}

}  // namespace

void DateRecognizer::run(Context& ctx) const {
  Anchor anchor = anchor_of(ctx);
  std::shared_ptr<const Words> analyzed = std::move(ctx.date_words);  // the dateline's
  if (!analyzed || analyzed->size() != ctx.tokens.size())
    analyzed = std::make_shared<Words>(analyze(ctx.text, ctx.tokens, *tables_));
  const Words& words = *analyzed;
  std::vector<Match> matches;
  std::vector<std::size_t> sentence;
  std::size_t si = 0;
  std::shared_ptr<WindowMatches> window = std::move(ctx.date_window);  // the dateline's, ours now
  if (window && !anchor.known && anchor.news) {
    matches = std::move(window->matches);
    sentence = std::move(window->sentence);
    si = window->sentences;
  }
  for (; si < ctx.sentences.size(); ++si) {
    const text::Sentence& s = ctx.sentences[si];
    std::vector<Match> ms = find_matches(words, s.first, s.last, *tables_, anchor);
    matches.insert(matches.end(), ms.begin(), ms.end());
    sentence.resize(matches.size(), si);
  }
  resolve_anaphora(words, matches, sentence, !anchor.known);
  merge_model_candidates(ctx, words, matches, *tables_, anchor);
}

}  // namespace belgi::dates
