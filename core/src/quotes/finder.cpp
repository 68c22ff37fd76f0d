#include "quotes/finder_rules.h"

#include <algorithm>
#include <string_view>

namespace belgi::quotes {

Finder::Finder(const Doc& d, const Matcher& m, const std::vector<Pair>& p)
    : doc_(d), m_(m), pairs_(p), in_pair_(d.size(), false), closer_(d.size(), false) {
  for (const Pair& q : pairs_) {
    for (std::size_t i = q.open; i <= q.close; ++i) in_pair_[i] = true;
    if (!q.open_end) closer_[q.close] = true;
  }
}

std::vector<Found> Finder::run() {
  std::size_t chain_end = static_cast<std::size_t>(-1);
  Attribution chained;
  for (const Pair& p : pairs_) marks(p, chain_end, chained);
  dash_paragraphs();
  transcript_lines();
  colon_inline();
  lead_dash_inline();
  inline_headers();
  header_runs();
  unmarked();
  return settle();
}

std::size_t Finder::words(TokenRange r, std::size_t cap) const {
  std::size_t n = 0;
  for (std::size_t i = r.begin; i < r.end && n < cap; ++i) n += doc_.is_word(i);
  return n;
}

bool Finder::has_terminator(TokenRange r) const {
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (doc_.is_terminator(i)) return true;
  return false;
}

// The words are one name the entity layer found (`«Қазақпарат»`), not PERSON speech. A saying
// (ADAGE) is words too: attributed (`Қазақ: «…»`) it is a quote.
bool Finder::one_entity(TokenRange r) const {
  int e = doc_.entity[r.begin];
  if (e < 0) return false;
  SpanType type = doc_.ctx.spans[static_cast<std::size_t>(e)].type;
  if (type == SpanType::PERSON || type == SpanType::ADAGE) return false;
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (doc_.entity[i] != e && !doc_.is_punct(i)) return false;
  return true;
}

// `Білім – болашақтың кілті`: words on both sides of a dash inside the marks, the Kazakh nominal
// sentence (X is Y). A name the entity layer found over it is a proposition when a verb of
// thinking follows (`… деп біледі`, guidelines), not a title.
bool Finder::nominal_sentence(TokenRange r) const {
  for (std::size_t i = r.begin + 1; i + 1 < r.end; ++i)
    if (doc_.is_dash(i) && doc_.is_word(i - 1) && doc_.is_word(i + 1)) return true;
  return false;
}

void Finder::emit(QuoteKind kind, TokenRange content, const Attribution& a, const char* rule, float score) {
  while (content.end > content.begin &&
         (doc_.is_comma(content.end - 1) || doc_.is_dash(content.end - 1) ||
          doc_.word(content.end - 1) == "."))
    --content.end;
  if (words(content, 1) == 0) return;
  out_.push_back(Found{kind, content, a, rule, score});
  if (a.has_cue && a.speaker.empty() && !a.cue.colon &&
      !(a.cue.verb && a.cue.verb->agent != Verb::Agent::any))
    out_.back().attr.speaker = speaker_before_quote(content.begin);
}

// A cue that names nobody after it (`«…», – деді.`, `Министр жиында «…» деп атап өтті.`):
// the subject of the words before the quote in its sentence, else of the sentence before
// (`Әкім жиында сөз сөйледі. — …, — деді.`), when that names a PERSON, role or pronoun.
TokenRange Finder::speaker_before_quote(std::size_t begin) const {
  std::size_t t = begin;
  while (t > 0 && doc_.is_punct(t - 1)) --t;  // the opening mark or dash, a terminator
  if (t == 0) return TokenRange{};
  std::size_t floor = std::max(doc_.sent_begin(t - 1), doc_.para_first[doc_.para[t - 1]]);
  if (doc_.para[t - 1] + 1 < doc_.para[begin]) return TokenRange{};
  TokenRange r = m_.subject_of(floor, t);
  return r;
}

// Attribution from a cue: the speaker after it, else the subject before `open`.
Attribution Finder::attribute(const Cue& cue, std::size_t limit, std::size_t open) const {
  Attribution a;
  a.has_cue = true;
  a.cue = cue;
  a.end = cue.range.end;
  Verb::Agent agent = cue.verb ? cue.verb->agent : Verb::Agent::any;
  // Without an opening mark the cue follows a dash: `…, – деген пікірде Серік Омаров`.
  bool after_dash = open == static_cast<std::size_t>(-1);
  if (agent == Verb::Agent::any || (agent == Verb::Agent::before && after_dash))
    a.speaker = m_.speaker_after(cue.range.end, limit, a.end);
  if (agent == Verb::Agent::none) a.speaker = m_.passive_source(cue.range.end, limit);
  if (a.end < cue.range.end) a.end = cue.range.end;
  // The clause goes on to its punctuation (`– деді ол журналистерге. – …`): speech after the
  // attribution (a split quote, a chained pair, the next unmarked span) starts past it.
  std::size_t t = a.end;
  while (t < limit && t < a.end + kMaxSpeakerTokens && doc_.is_word(t)) ++t;
  if (t == limit || doc_.is_punct(t)) a.end = t;
  if (a.speaker.empty()) a.speaker = cue.subject;
  if (a.speaker.empty() && agent != Verb::Agent::none && open != static_cast<std::size_t>(-1)) {
    if (open > 0 && doc_.is_colon(open - 1)) {
      Cue unused;
      a.speaker = m_.colon_speaker(open - 1, unused);
    } else {
      a.speaker = m_.speaker_before(open);
    }
  }
  return a;
}

// A cue right after token j: [, or ! ? …] [dash] cue. `dashed` tells whether a dash was seen.
bool Finder::cue_after(std::size_t j, std::size_t limit, Cue& cue, bool& dashed, bool loose) const {
  std::size_t k = j;
  bool period = false;
  if (k < limit && (doc_.is_comma(k) || doc_.is_terminator(k))) {
    period = doc_.word(k) == ".";
    ++k;
  }
  // `«…» (ҚР Конституциясы, 1-бап) – деді ол`: a parenthetical before the cue.
  if (k < limit && doc_.word(k) == "(") {
    std::size_t c = k + 1;
    while (c < limit && c < k + kMaxParenthetical && doc_.word(c) != ")") ++c;
    if (c < limit && doc_.word(c) == ")") k = c + 1;
    if (k < limit && doc_.is_comma(k)) ++k;
  }
  dashed = k < limit && doc_.is_dash(k);
  if (dashed) ++k;
  if (period && !dashed) return false;
  if (m_.cue_at(k, limit, dashed, cue, loose)) return true;
  // `«…», – министр осылай деді.`: after a dash, a subject, then the cue.
  return dashed && m_.subject_then_cue(k, limit, cue);
}

// An attribution inside [b, e): `, – cue speaker` (a dash after a comma or terminator).
bool Finder::inner_attribution(std::size_t b, std::size_t e, std::size_t& dash, Cue& cue) const {
  for (std::size_t k = b + 1; k + 1 < e; ++k) {
    if (!attribution_dash(k, e, cue)) continue;
    if (k >= 2 && closer_[k - 2] && doc_.is_comma(k - 1)) continue;
    if (m_.cue_at(k + 1, e, true, cue) || m_.subject_then_cue(k + 1, e, cue)) {
      dash = k;
      return true;
    }
  }
  return false;
}

// Where the words end before the dash of an inner attribution: before its comma or
// terminator, or at the dash when none stands right before it.
std::size_t Finder::content_end(std::size_t dash) const {
  return doc_.is_comma(dash - 1) || doc_.is_terminator(dash - 1) ? dash - 1 : dash;
}

// A dash at k (k >= 1) that may open an attribution: after a comma or terminator, or after a word
// when a listed speech verb follows (`…бөлінді – деп атап өтті әкім`).
bool Finder::attribution_dash(std::size_t k, std::size_t limit, Cue& cue) const {
  if (!doc_.is_dash(k)) return false;
  if (doc_.is_comma(k - 1) || doc_.is_terminator(k - 1)) return true;
  return doc_.is_word(k - 1) && listed_cue_at(k + 1, limit, cue);
}

// A listed speech verb at i, not the bare `деп` or `деген`: after a dash with no comma before
// it (`…бөлінді – деп атап өтті әкім`, a comma writers leave out), only a verb of the table
// tells an attribution from a dash inside a sentence.
bool Finder::listed_cue_at(std::size_t i, std::size_t limit, Cue& cue) const {
  return m_.cue_at(i, limit, true, cue) && cue.verb && cue.verb->cls != "particle" &&
         cue.verb->cls != "participle" && cue.verb->cls != "as_said";
}

bool Finder::saying_after(std::size_t i, std::size_t limit) const {
  return i < limit && doc_.is_word(i) && m_.word_class(i) == WordClass::saying;
}

// Drops quotes inside another one; sorts by position.
std::vector<Found> Finder::settle() {
  std::sort(out_.begin(), out_.end(), [](const Found& a, const Found& b) {
    if (a.content.begin != b.content.begin) return a.content.begin < b.content.begin;
    return a.content.end > b.content.end;
  });
  std::vector<Found> kept;
  std::size_t reach = 0;
  for (const Found& f : out_) {
    if (!kept.empty() && f.content.end <= reach) continue;
    reach = std::max(reach, f.content.end);
    kept.push_back(f);
  }
  return kept;
}

bool Finder::dash_opened(std::size_t para) const {
  std::size_t f = doc_.para_first[para];
  return doc_.is_dash(f) && f + 1 < doc_.para_end(f) && !doc_.is_dash(f + 1);
}

// The paragraph opens with a pair of marks that runs to (about) its end.
bool Finder::quoted_paragraph(std::size_t f) const {
  if (!in_pair_[f]) return false;
  auto it = std::lower_bound(pairs_.begin(), pairs_.end(), f,
                             [](const Pair& q, std::size_t t) { return q.open < t; });
  return it == pairs_.end() || it->open != f || it->close + 3 >= doc_.para_end(f);
}

// A paragraph cut off by the end of an excerpt (no terminator), long enough to be speech.
bool Finder::cut_off(std::size_t f) const {
  std::size_t end = doc_.para_end(f);
  return end == doc_.size() && doc_.is_capitalized(f) && words(TokenRange{f, end}, 8) >= 8;
}

// Reads as a sentence: capital (or a quotation mark), min_words or more, a terminator.
bool Finder::sentence_shaped(std::size_t p, std::size_t min_words) const {
  std::size_t f = doc_.para_first[p];
  return sentence_shaped_from(f + 1, doc_.para_end(f), min_words);
}

bool Finder::sentence_shaped_from(std::size_t b, std::size_t end, std::size_t min_words) const {
  if (b >= end) return false;
  bool number = doc_.tok[b].kind == text::TokenKind::number;  // `— 2020 жылы біз …`
  if (!(doc_.is_capitalized(b) || in_pair_[b] || number)) return false;
  if (words(TokenRange{b, end}, min_words) < min_words) return false;
  return doc_.is_terminator(end - 1) || (closer_[end - 1] && end >= 2 && doc_.is_terminator(end - 2));
}

std::vector<Found> find_quotes(const Doc& doc, const Matcher& m, const std::vector<Pair>& pairs) {
  return Finder(doc, m, pairs).run();
}

}  // namespace belgi::quotes
