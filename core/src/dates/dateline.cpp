#include "dates/dateline.h"

#include <algorithm>
#include <string>

#include "dates/grammar.h"
#include "dates/words.h"

namespace belgi::dates {

namespace {

// How far into the text a dateline may stand (bytes): headline, site name, byline.
constexpr std::size_t kDatelineWindow = 1024;

// The matches in words [0, n), sentence by sentence, with an unknown anchor; `sentences` counts
// the sentences that end inside the window (their matches are those of the whole sentence).
WindowMatches window_matches(const Words& words, std::size_t n,
                             const std::vector<text::Sentence>& sentences, const Tables& tables) {
  WindowMatches out;
  Anchor none;
  for (std::size_t si = 0; si < sentences.size() && sentences[si].first < n; ++si) {
    const text::Sentence& s = sentences[si];
    std::vector<Match> ms = find_matches(words, s.first, std::min(s.last, n), tables, none);
    out.matches.insert(out.matches.end(), std::make_move_iterator(ms.begin()),
                       std::make_move_iterator(ms.end()));
    out.sentence.resize(out.matches.size(), si);
    if (s.last <= n) out.sentences = si + 1;
  }
  return out;
}

// Keeps the matches of the whole sentences only, for the date rules.
void keep_whole(WindowMatches& wm) {
  std::size_t k = 0;
  while (k < wm.sentence.size() && wm.sentence[k] < wm.sentences) ++k;
  wm.matches.resize(k);
  wm.sentence.resize(k);
}

}  // namespace

void DatelineRecognizer::run(Context& ctx) const {
  if (ctx.has_date) return;  // the caller's date wins
  std::size_t n = 0;
  while (n < ctx.tokens.size() && ctx.tokens[n].begin < kDatelineWindow) ++n;
  // When the date rules run after, every token is analyzed here, once, and they read the same
  // words: a word's analysis depends on it alone, and the matches below read no word past the
  // window (the parser stays in [first, last), join_weekday looks back only). Else the window.
  const std::vector<std::string>& off = ctx.options.disable;
  const bool rules_follow = std::find(off.begin(), off.end(), "dates") == off.end();  // rules.h
  const std::vector<text::Token> head(ctx.tokens.begin(),
                                      ctx.tokens.begin() + (rules_follow ? 0 : n));
  auto analyzed = std::make_shared<Words>(
      analyze(ctx.text, rules_follow ? ctx.tokens : head, *tables_));
  if (rules_follow) ctx.date_words = analyzed;
  const Words& words = *analyzed;
  // A dateline is a full date with its year, and every pattern that reads a year needs a number
  // token or a number word: without one in the window there is no dateline to find.
  bool number = false;
  for (std::size_t k = 0; k < n && !number; ++k) number = words[k].num || words[k].hit(WordClass::number);
  if (!number) return;
  auto found = std::make_shared<WindowMatches>(window_matches(words, n, ctx.sentences, *tables_));
  const std::vector<Match>& all = found->matches;
  const Match* chosen = nullptr;
  const Match* chosen_time = nullptr;
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (!all[k].full_date || !all[k].has_year) continue;
    const Match* t = nullptr;
    for (std::size_t j : {k + 1, k - 1})
      if (j < all.size() && all[j].type == SpanType::TIME &&
          all[j].value.rfind(all[k].value + "T", 0) == 0)
        t = &all[j];
    if (!chosen || (t && !chosen_time)) chosen = &all[k], chosen_time = t;
    if (chosen_time) break;
  }
  if (!chosen) {
    // The date rules read the same words with the same anchor (unknown; written news only:
    // KazNERD's cuts are another anchor): the whole sentences' matches are theirs.
    if (rules_follow && !ctx.kaznerd_cuts) keep_whole(*found), ctx.date_window = std::move(found);
    return;
  }
  ctx.has_date = true;
  // The date only (docs/format.md); the dateline's range covers the time as well.
  ctx.date.value = format_ymd(chosen->day);
  ctx.date.source = "dateline";
  ctx.date.range = ByteRange{words.begin_of(chosen->first), words.end_of(chosen->last - 1)};
  if (chosen_time) {
    ctx.date.range.begin = std::min(ctx.date.range.begin, words.begin_of(chosen_time->first));
    ctx.date.range.end = std::max(ctx.date.range.end, words.end_of(chosen_time->last - 1));
  }
}

}  // namespace belgi::dates
