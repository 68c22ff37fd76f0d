// The feature templates of the entity model (features.h): the hashes the tagger and the trainer
// look up per token (the names of the labels and lexicon classes: labels.cpp).
#include "entities/features.h"

#include <algorithm>
#include <array>

#include "quotes/marks.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// Feature template ids (first byte hashed). Changing any of them changes kFeatureSetId.
enum Template : std::uint8_t {
  kBias = 1, kForm, kLower, kPrefix, kSuffix, kShape, kShortShape, kKind, kCase, kStem,
  kHyphenHead, kHyphenTail, kWordPrev, kWordNext, kWordPrev2, kWordNext2, kStemPrev, kStemNext,
  kSuffixPrev, kSuffixNext, kShapePrev, kShapeNext, kBigramPrev, kBigramNext, kPosition,
  kQuote, kLex, kLexPrev, kLexNext, kLexSpanB, kLexSpanI, kEnding, kCaseFirst, kStemBigram,
  kKindPrevNext, kStemLexPrev, kSuffixCase, kLength, kLexEnding, kClass, kClassPrev, kClassNext,
  kClassBigram, kClassStem, kGazUnit, kGazBegin, kGazInside, kGazLast,
  // fs9
  kEndingInfl, kEndingPrev, kEndingNext, kHeadAhead, kHeadSelf, kLowish, kLowishPrev,
  // fs10
  kInflPrev,
  // fs12
  kBand, kBandStem, kBandPrev, kBandNext, kBandInit,
  // fs13
  kCharTri, kCapTri, kTitleAhead,
};

// Type nouns that end a name (`... министрлігі`, `... театры`, `... форумы`, `... облысы`).
constexpr std::uint32_t kLexHeadNouns = kLexOrgNoun | kLexFacNoun | kLexEventNoun | kLexGeoNoun;
// How far ahead a type noun is looked for: `Мемлекеттік қуыршақ театры` (2), `Өзіндік қауіпсіздік
// департаментінің` (2), `Қазақ музыкалық драма театры` (3).
constexpr std::size_t kHeadWindow = 3;
constexpr std::size_t kTitleWindow = 4;

// Combines a template id with precomputed 64-bit hashes (splitmix64 finalizer).
inline std::uint64_t mix(std::uint8_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t x = (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull + (std::uint64_t{tmpl} << 56));
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 32);
}

const std::uint64_t kBosHash = fnv1a64("<s>"), kEosHash = fnv1a64("</s>");

}  // namespace

namespace {

inline void put(std::vector<std::uint32_t>& out, std::uint64_t h) { out.push_back(fold32(h)); }

// The 3-letter suffix (the whole word if shorter); `edge` at the sentence's edge.
std::uint64_t suffix3(const TokenInfo* u, std::uint64_t edge) {
  if (!u) return edge;
  return u->n_affix == 0 ? 0 : u->sfx[std::min<int>(3, u->n_affix) - 1];
}

}  // namespace

namespace {

void char_trigrams(std::string_view lw, std::vector<std::uint32_t>& out) {
  std::size_t b[4] = {0, 0, 0, 0}, n = 0;
  for (std::size_t p = 0; p < lw.size();) {
    b[n % 4] = p;
    utf8::next(lw, p);
    ++n;
    if (n >= 3) {
      std::size_t s = b[(n - 3) % 4];
      put(out, Hash(kCharTri).bytes(lw.substr(s, p - s)).h);
    }
  }
}

}  // namespace

void local_features(std::string_view tok, const TokenInfo& t, const Lexicons& lex,
                    std::vector<std::uint32_t>& out) {
  put(out, Hash(kBias).h);
  put(out, Hash(kForm).bytes(tok).h);
  put(out, mix(kLower, t.h_lower));
  put(out, mix(kStem, t.h_stem));
  put(out, Hash(kShape).u32(t.shape).h);
  put(out, Hash(kShortShape).u32(t.short_shape).h);
  put(out, Hash(kKind).byte(t.kind).h);
  std::size_t cps = code_points(t.lower);
  std::uint8_t casing = t.upper && cps > 1 ? 2 : t.cap ? 1 : 0;
  put(out, Hash(kCase).byte(casing).byte(t.kind).h);
  put(out, Hash(kLength).byte(static_cast<std::uint8_t>(std::min<std::size_t>(cps, 12))).h);
  // How common the form is in Kazakh text, with its casing: a frequent word written with a
  // capital is rarely a name (`Жолдау` at a headline's start), a rare one usually is.
  put(out, Hash(kBand).byte(t.band).byte(casing).h);
  if (t.stemmed()) put(out, Hash(kBandStem).byte(t.band_stem).byte(casing).h);
  if (t.kind != kPunct) {
    // Prefixes and suffixes of 1..5 code points.
    for (int k = 0; k < t.n_affix; ++k) {
      put(out, mix(kPrefix, t.pfx[k], k));
      put(out, mix(kSuffix, t.sfx[k], k));
    }
    if (t.n_affix >= 3) put(out, mix(kSuffixCase, t.sfx[2], t.cap));
    // Character trigrams inside longer words: what unknown names share with known ones.
    char_trigrams(t.lower, out);
    std::string_view lw = t.lower;
    std::size_t hy = lw.find('-');
    if (hy != std::string_view::npos && hy > 0 && hy + 1 < lw.size()) {
      put(out, Hash(kHyphenHead).bytes(lw.substr(0, hy)).h);
      put(out, Hash(kHyphenTail).bytes(lw.substr(lw.rfind('-') + 1)).h);
    }
  }
  // Word class (0 = unknown word), and the class of the stem.
  put(out, Hash(kClass).u32(t.cls).h);
  if (t.stemmed())
    put(out, Hash(kClassStem).u32(lex.known.find(lexicon_key(t.stem()), 0) & kKnownClassMask).h);
  // The classes present, lowest first (most words have none: no loop over all sixteen).
  for (std::uint32_t bits = (t.lex | t.ending) & kLexClasses; bits; bits &= bits - 1) {
    const int b = __builtin_ctz(bits);
    const std::uint32_t bit = 1u << b;
    if (t.lex & bit) {
      put(out, Hash(kLex).byte(static_cast<std::uint8_t>(b)).h);
      // The ending after a lexicon stem: "қазақстан|ның" (GPE), "алматы|лық" (NORP).
      put(out, Hash(kLexEnding).byte(static_cast<std::uint8_t>(b)).bytes(std::string_view(t.lower).substr(t.stem_len)).h);
      put(out, Hash(kLex).byte(static_cast<std::uint8_t>(b)).byte(t.cap).byte(t.stemmed()).h);
    }
    if (t.ending & bit) put(out, Hash(kEnding).byte(static_cast<std::uint8_t>(b)).byte(t.cap).h);
  }
}

namespace {

// What a neighbour gives a token, from either side: its word, stem, 3-letter suffix, collapsed
// shape, class and lexicon hits, under the templates of that side (`edge` at the sentence's edge).
struct Side {
  Template word, stem, suffix, shape, cls, lex;
  std::uint64_t edge;
};

void neighbour_features(const TokenInfo* u, const Side& side, std::vector<std::uint32_t>& out) {
  put(out, mix(side.word, u ? u->h_lower : side.edge));
  put(out, mix(side.stem, u ? u->h_stem : side.edge));
  put(out, mix(side.suffix, suffix3(u, side.edge)));
  put(out, Hash(side.shape).u32(u ? u->short_shape : 0).h);
  put(out, Hash(side.cls).u32(u ? u->cls : 0xffff).h);
  if (u)
    for (std::uint32_t bits = u->lex & kLexClasses; bits; bits &= bits - 1)
      put(out, Hash(side.lex).byte(static_cast<std::uint8_t>(__builtin_ctz(bits))).h);
}

}  // namespace

void as_prev_features(const TokenInfo* u, std::vector<std::uint32_t>& out) {
  neighbour_features(u, Side{kWordPrev, kStemPrev, kSuffixPrev, kShapePrev, kClassPrev, kLexPrev, kBosHash}, out);
  put(out, Hash(kBandPrev).byte(u ? u->band : 0xff).byte(u && u->cap).h);
  // The word before had a case ending removed (`Оралда`, `Алматыдан`): an inflected word
  // usually ends a name, so `Оралда Төтенше ...` does not continue the GPE.
  if (u && u->stemmed()) {
    bool place = (u->lex & (kLexCountry | kLexCity | kLexRegion)) != 0;
    put(out, Hash(kInflPrev).byte(u->cap).byte(place).h);
    put(out, mix(kInflPrev, fnv1a64(std::string_view(u->lower).substr(u->stem_len)), u->cap));
  }
}

void as_next_features(const TokenInfo* u, std::vector<std::uint32_t>& out) {
  neighbour_features(u, Side{kWordNext, kStemNext, kSuffixNext, kShapeNext, kClassNext, kLexNext, kEosHash}, out);
  put(out, Hash(kBandNext).byte(u ? u->band : 0xff).byte(u && u->cap).h);
}

std::uint32_t as_prev2_feature(const TokenInfo* u) { return fold32(mix(kWordPrev2, u ? u->h_lower : kBosHash)); }
std::uint32_t as_next2_feature(const TokenInfo* u) { return fold32(mix(kWordNext2, u ? u->h_lower : kEosHash)); }

void FeatureExtractor::prepare_context(const std::vector<std::string_view>& tokens) {
  std::size_t n = tokens.size();
  // The marks are those of data/rules/quotes/marks.tsv (TokenInfo::mark).
  role_.resize(n);
  in_quote_.assign(n, false);
  bool quote = false;
  for (std::size_t i = 0; i < n; ++i) {
    role_[i] = info_[i]->mark;
    if (role_[i] == quotes::MarkRole::opener) quote = true;
    else if (role_[i] == quotes::MarkRole::closer) quote = false;
    else if (role_[i] == quotes::MarkRole::straight) quote = !quote;
    in_quote_[i] = quote;
  }
  // The nearest type noun ahead within kHeadWindow tokens and the nearest title (`облыстық
  // мәслихаттың хатшысы`: a position's words before it) within kTitleWindow, before any
  // punctuation: one pass from the end, keeping the nearest of each after the token.
  head_.resize(n);
  head_dist_.resize(n);
  title_dist_.resize(n);
  std::size_t head = n, title = n;  // n: none
  for (std::size_t i = n; i-- > 0;) {
    const std::uint32_t bits = head < n ? info_[head]->lex & kLexHeadNouns : 0;
    const bool near = head < n && head - i <= kHeadWindow;
    head_[i] = near ? bits & (~bits + 1) : 0;  // lowest bit: one class
    head_dist_[i] = static_cast<std::uint8_t>(near ? head - i : 0);
    title_dist_[i] = static_cast<std::uint8_t>(title < n && title - i <= kTitleWindow ? title - i : 0);
    const TokenInfo& t = *info_[i];
    if (t.kind == kPunct) head = title = n;
    if (t.kind != kPunct && (t.lex & kLexHeadNouns)) head = i;
    if (t.kind != kPunct && (t.lex & kLexTitle)) title = i;
  }
  match_lexicon(n);
  match_gazetteer(n);
}

void FeatureExtractor::match_gazetteer(std::size_t n) {
  gaz_u_.assign(n, 0);
  gaz_b_.assign(n, 0);
  gaz_i_.assign(n, 0);
  gaz_l_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    // One word: the token's own look-ups (TokenInfo::gaz).
    gaz_u_[i] |= info_[i]->gaz & ~kLexPrefix;
    if (!(info_[i]->gaz & kLexPrefix)) continue;
    std::uint64_t h = info_[i]->h_lower;
    for (std::size_t len = 2; len <= kGazetteerWords && i + len <= n; ++len) {
      const TokenInfo& last = *info_[i + len - 1];
      std::uint64_t base = fnv1a64(" ", h);
      h = fnv1a64(last.lower, base);
      std::uint32_t bits = lex_->gazetteer.find(fold32(h), 0);
      std::uint32_t more = bits & kLexPrefix;
      if (last.stemmed())  // inflected last word: "Ұлттық Банкінің"
        bits |= lex_->gazetteer.find(fold32(fnv1a64(last.stem(), base)), 0);
      bits &= ~kLexPrefix;
      if (bits) {
        gaz_b_[i] |= bits;
        for (std::size_t j = i + 1; j + 1 < i + len; ++j) gaz_i_[j] |= bits;
        gaz_l_[i + len - 1] |= bits;
      }
      if (!more) break;
    }
  }
}

void FeatureExtractor::match_lexicon(std::size_t n) {
  span_lex_b_.assign(n, 0);
  span_lex_i_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!(info_[i]->lex & kLexPrefix)) continue;  // no longer entry starts with this word
    std::uint64_t h = info_[i]->h_lower;
    for (std::size_t len = 2; len <= static_cast<std::size_t>(lex_->max_words) && i + len <= n; ++len) {
      const TokenInfo& last = *info_[i + len - 1];
      std::uint64_t base = fnv1a64(" ", h);
      h = fnv1a64(last.lower, base);
      std::uint32_t bits = lex_->entries.find(fold32(h), 0);
      if (last.stemmed())
        bits |= lex_->entries.find(fold32(fnv1a64(last.stem(), base)), 0) & ~kLexPrefix;
      if (bits & ~kLexPrefix) {
        span_lex_b_[i] |= bits & ~kLexPrefix;
        for (std::size_t j = i + 1; j < i + len; ++j) span_lex_i_[j] |= bits & ~kLexPrefix;
      }
      if (!(bits & kLexPrefix)) break;
    }
  }
}

void FeatureExtractor::add(std::uint64_t h) { feats_.push_back(fold32(h)); }

namespace {

// A token's capitalization (title-case runs, headlines, long official names); 9 at the edge.
std::uint8_t cap_code(const TokenInfo* u) { return !u ? 9 : u->kind == kPunct ? 3 : u->upper ? 2 : u->cap ? 1 : 0; }

bool name_end(const TokenInfo& u) { return ((u.ending | u.ending_infl) & kLexNameEnding) != 0; }

}  // namespace

TokenContext FeatureExtractor::context_of(std::size_t i, std::size_t n) const {
  const TokenInfo& t = *info_[i];
  const TokenInfo* prev = i > 0 ? info_[i - 1] : nullptr;
  const TokenInfo* next = i + 1 < n ? info_[i + 1] : nullptr;
  using quotes::MarkRole;
  TokenContext c;
  c.cap_prev = cap_code(prev);
  c.cap_self = cap_code(&t);
  c.cap_next = cap_code(next);
  c.kind_prev = prev ? prev->kind : 0xfe;
  c.kind_self = t.kind;
  c.kind_next = next ? next->kind : 0xfe;
  c.band = t.band;
  c.position = i == 0 ? 0 : i + 1 == n ? 1 : i == 1 ? 2 : 3;
  c.second = i == 1;
  c.in_quote = in_quote_[i];
  c.after_open = i > 0 && role_[i - 1] == MarkRole::opener;
  c.before_close = i + 1 < n && role_[i + 1] == MarkRole::closer;
  c.after_close = i > 0 && role_[i - 1] == MarkRole::closer;
  c.cap = t.cap;
  c.upper = t.upper;
  c.lowish = t.cap && t.lowish;
  c.ending_infl = t.ending_infl != 0;
  c.prev_cap = prev && prev->cap;
  c.prev_lowish = t.cap && c.prev_cap && prev->lowish;
  c.prev_name_end = prev && name_end(*prev);
  c.next_name_end = next && name_end(*next);
  c.next_cap = c.next_name_end && next->cap;
  c.first_name = c.next_name_end && (t.lex & kLexFirstName) != 0;
  c.title_dist = title_dist_[i];
  c.stemmed = c.title_dist && t.stemmed();
  c.head_ahead = static_cast<std::uint8_t>(head_[i] >> 6);
  c.head_dist = head_dist_[i];
  c.head_self = static_cast<std::uint8_t>((t.lex & kLexHeadNouns) >> 6);
  return c;
}

void context_shape_features(const TokenContext& c, std::vector<std::uint32_t>& out) {
  const bool first = c.position == 0;
  put(out, Hash(kCaseFirst).byte(c.cap).byte(first).h);
  // The band at the sentence's first token (headlines, title case) and after a capitalized word.
  put(out, Hash(kBandInit).byte(c.band).byte(c.cap).byte(first ? 2 : c.prev_cap).h);
  put(out, Hash(kCapTri).byte(c.cap_prev).byte(c.cap_self).byte(c.cap_next).byte(c.in_quote).h);
  put(out, Hash(kKindPrevNext).byte(c.kind_prev).byte(c.kind_self).byte(c.kind_next).byte(c.cap).h);
  // Capitalized words that are usually written in lower case (`Қақпада Бекхан Шайзада`).
  if (c.cap) put(out, Hash(kLowish).byte(c.lowish).byte(first).byte(c.upper).h);
  if (c.cap && c.prev_cap) put(out, Hash(kLowishPrev).byte(c.prev_lowish).byte(c.second).byte(c.lowish).h);
  // Surname endings on this word behind a case ending, and on the neighbours (`Бағдат Қайыров`).
  if (c.ending_infl) put(out, Hash(kEndingInfl).byte(c.upper).byte(first).h);
  if (c.prev_name_end) put(out, Hash(kEndingPrev).byte(c.cap).byte(c.prev_cap).h);
  if (c.next_name_end) put(out, Hash(kEndingNext).byte(c.cap).byte(c.next_cap).byte(c.first_name).h);
  // A type noun ahead (the head of an unquoted name) and the type noun itself after a name.
  if (c.title_dist) put(out, Hash(kTitleAhead).byte(c.title_dist).byte(c.cap).byte(c.stemmed).h);
  if (c.head_ahead)
    put(out, Hash(kHeadAhead).u32(std::uint32_t{c.head_ahead} << 6).byte(c.head_dist).byte(c.cap).byte(c.in_quote).h);
  put(out, Hash(kPosition).byte(c.position).h);
  // Quotation marks: inside «…», right after the opening mark, right before the closing one,
  // right after a closing mark (the type noun of `«Қазақпарат» агенттігі`).
  put(out, Hash(kQuote).byte(c.in_quote).byte(c.after_open).byte(c.before_close).byte(c.after_close).h);
  if (c.head_self)
    put(out, Hash(kHeadSelf).u32(std::uint32_t{c.head_self} << 6).byte(c.prev_cap).byte(c.after_close).h);
}

// The context features that name words (but the words two away): the word pairs, the classes'
// pair, the gazetteer's and the multi-word lexicon entries' hits, the stem after a closing quote.
void FeatureExtractor::word_context_features(const std::vector<std::string_view>& tokens, std::size_t i) {
  const std::size_t n = tokens.size();
  const TokenInfo& t = *info_[i];
  const TokenInfo* prev = i > 0 ? info_[i - 1] : nullptr;
  const TokenInfo* next = i + 1 < n ? info_[i + 1] : nullptr;
  add(mix(kBigramPrev, prev ? prev->h_lower : kBosHash, t.h_lower));
  add(mix(kBigramNext, t.h_lower, next ? next->h_lower : kEosHash));
  add(mix(kStemBigram, t.h_stem, next ? next->h_stem : kEosHash));
  if (gaz_u_[i] | gaz_b_[i] | gaz_i_[i] | gaz_l_[i]) gazetteer_features(i);  // most tokens: none
  add(Hash(kClassBigram).u32(prev ? prev->cls : 0xffff).u32(t.cls).h);
  lexicon_context_features(i);
}

void FeatureExtractor::gazetteer_features(std::size_t i) {
  // Gazetteer of training names: which classes a name starting, continuing or ending here has.
  for (std::uint32_t bits = gaz_u_[i] | gaz_b_[i] | gaz_i_[i] | gaz_l_[i]; bits; bits &= bits - 1) {
    std::uint8_t c = static_cast<std::uint8_t>(__builtin_ctz(bits));
    std::uint32_t bit = 1u << c;
    if (gaz_u_[i] & bit) add(Hash(kGazUnit).byte(c).h);
    if (gaz_b_[i] & bit) add(Hash(kGazBegin).byte(c).h);
    if (gaz_i_[i] & bit) add(Hash(kGazInside).byte(c).h);
    if (gaz_l_[i] & bit) add(Hash(kGazLast).byte(c).h);
  }
}

void FeatureExtractor::lexicon_context_features(std::size_t i) {
  const TokenInfo& t = *info_[i];
  const TokenInfo* prev = i > 0 ? info_[i - 1] : nullptr;
  if (i > 0 && role_[i - 1] == quotes::MarkRole::closer) add(mix(kQuote, t.h_stem, 9));
  // The classes present, lowest first (most tokens have none: no loop over all sixteen).
  const std::uint32_t prev_lex = prev ? prev->lex : 0;
  for (std::uint32_t bits = (prev_lex | span_lex_b_[i] | span_lex_i_[i]) & kLexClasses; bits; bits &= bits - 1) {
    const int b = __builtin_ctz(bits);
    const std::uint32_t bit = 1u << b;
    if (prev_lex & bit) add(mix(kStemLexPrev, t.h_stem, static_cast<std::uint64_t>(b)));
    if (span_lex_b_[i] & bit) add(Hash(kLexSpanB).byte(static_cast<std::uint8_t>(b)).h);
    if (span_lex_i_[i] & bit) add(Hash(kLexSpanI).byte(static_cast<std::uint8_t>(b)).h);
  }
}

void FeatureExtractor::extract(const std::vector<std::string_view>& tokens) {
  const std::size_t n = tokens.size();
  if (own_.size() < n) own_.resize(n);
  info_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    analyze_token(tokens[i], *lex_, own_[i]);
    info_[i] = &own_[i];
  }
  feats_.clear();
  offsets_.clear();
  prepare_context(tokens);
  for (std::size_t i = 0; i < n; ++i) {
    offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
    local_features(tokens[i], *info_[i], *lex_, feats_);
    as_prev_features(i > 0 ? info_[i - 1] : nullptr, feats_);
    as_next_features(i + 1 < n ? info_[i + 1] : nullptr, feats_);
    feats_.push_back(as_prev2_feature(i >= 2 ? info_[i - 2] : nullptr));
    feats_.push_back(as_next2_feature(i + 2 < n ? info_[i + 2] : nullptr));
    context_shape_features(context_of(i, n), feats_);
    word_context_features(tokens, i);
  }
  offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
}

void FeatureExtractor::extract_context(const std::vector<std::string_view>& tokens,
                                       const std::vector<const TokenInfo*>& info) {
  info_ = info;
  feats_.clear();
  offsets_.clear();
  prepare_context(tokens);
  const std::size_t n = tokens.size();
  contexts_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    contexts_[i] = context_of(i, n);
    offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
    word_context_features(tokens, i);
  }
  offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
}

void lexical_features(const TokenInfo* prev, const TokenInfo& t, const TokenInfo* next,
                      std::vector<std::uint32_t>& out) {
  const std::uint64_t pl = prev ? prev->h_lower : kBosHash, nl = next ? next->h_lower : kEosHash;
  put(out, mix(kLower, t.h_lower));
  put(out, mix(kStem, t.h_stem));
  put(out, mix(kWordPrev, pl));
  put(out, mix(kStemPrev, prev ? prev->h_stem : kBosHash));
  put(out, mix(kWordNext, nl));
  put(out, mix(kStemNext, next ? next->h_stem : kEosHash));
  put(out, mix(kBigramPrev, pl, t.h_lower));
  put(out, mix(kBigramNext, t.h_lower, nl));
  put(out, mix(kStemBigram, t.h_stem, next ? next->h_stem : kEosHash));
}

}  // namespace belgi::entities
