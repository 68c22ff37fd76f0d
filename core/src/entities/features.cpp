// The feature templates of the entity model (features.h): the hashes the tagger and the trainer
// look up per token: a sentence's context (a word's own features: word_features.cpp; the names
// of the labels and lexicon classes: labels.cpp).
#include "entities/features.h"

#include "entities/templates.h"
#include "quotes/marks.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// Type nouns that end a name (`... министрлігі`, `... театры`, `... форумы`, `... облысы`).
constexpr std::uint32_t kLexHeadNouns = kLexOrgNoun | kLexFacNoun | kLexEventNoun | kLexGeoNoun;
// How far ahead a type noun is looked for: `Мемлекеттік қуыршақ театры` (2), `Өзіндік қауіпсіздік
// департаментінің` (2), `Қазақ музыкалық драма театры` (3).
constexpr std::size_t kHeadWindow = 3;
constexpr std::size_t kTitleWindow = 4;

}  // namespace

void FeatureExtractor::prepare_context(const std::vector<std::string_view>& tokens) {
  std::size_t n = tokens.size();
  // The marks are those of data/rules/quotes/marks.tsv (TokenInfo::mark).
  // Grown only (a resize() up zero-fills, and the sentences' lengths go up and down): the
  // elements [0, n) are all set below, the others not read.
  if (role_.size() < n) {
    role_.resize(n);
    in_quote_.resize(n);
    head_.resize(n);
    head_dist_.resize(n);
    title_dist_.resize(n);
  }
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
  std::size_t head = n, title = n;  // n: none
  for (std::size_t i = n; i-- > 0;) {
    const std::uint32_t bits = head < n ? info_[head]->lex & kLexHeadNouns : 0;
    const bool near = head < n && head - i <= kHeadWindow;
    head_[i] = near ? bits & (~bits + 1) : 0;  // lowest bit: one class
    head_dist_[i] = static_cast<std::uint8_t>(near ? head - i : 0);
    title_dist_[i] = static_cast<std::uint8_t>(title < n && title - i <= kTitleWindow ? title - i : 0);
    const WordFacts& t = *info_[i];
    if (t.kind == kPunct) head = title = n;
    if (t.kind != kPunct && (t.lex & kLexHeadNouns)) head = i;
    if (t.kind != kPunct && (t.lex & kLexTitle)) title = i;
  }
  // One zero-fill for the five multi-word match arrays (six std::vector fills before: ~3 M
  // instructions on the 1 MB head), and one cache line per token for their readers.
  spans_.assign(n, Spans{});
  match_lexicon(tokens);
  match_gazetteer(tokens);
}

std::string_view FeatureExtractor::lower(std::string_view token) {
  lower_.clear();
  utf8::append_lower(lower_, token);  // as analyze_token()
  return lower_;
}

void FeatureExtractor::match_gazetteer(const std::vector<std::string_view>& tokens) {
  const std::size_t n = tokens.size();
  // One word: the token's own look-ups (TokenInfo::gaz), read from its WordFacts.
  for (std::size_t i = 0; i < n; ++i) {
    if (!(info_[i]->gaz & kLexPrefix)) continue;
    std::uint64_t h = info_[i]->h_lower;
    for (std::size_t len = 2; len <= kGazetteerWords && i + len <= n; ++len) {
      const WordFacts& last = *info_[i + len - 1];
      const std::string_view last_lower = lower(tokens[i + len - 1]);
      std::uint64_t base = fnv1a64(" ", h);
      h = fnv1a64(last_lower, base);
      std::uint32_t bits = lex_->gazetteer.find(fold32(h), 0);
      std::uint32_t more = bits & kLexPrefix;
      if (last.stemmed())  // inflected last word: "Ұлттық Банкінің"
        bits |= lex_->gazetteer.find(fold32(fnv1a64(last_lower.substr(0, last.stem_len), base)), 0);
      bits &= ~kLexPrefix;
      if (bits) {
        spans_[i].gaz_b |= bits;
        for (std::size_t j = i + 1; j + 1 < i + len; ++j) spans_[j].gaz_i |= bits;
        spans_[i + len - 1].gaz_l |= bits;
      }
      if (!more) break;
    }
  }
}

void FeatureExtractor::match_lexicon(const std::vector<std::string_view>& tokens) {
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!(info_[i]->lex & kLexPrefix)) continue;  // no longer entry starts with this word
    std::uint64_t h = info_[i]->h_lower;
    for (std::size_t len = 2; len <= static_cast<std::size_t>(lex_->max_words) && i + len <= n; ++len) {
      const WordFacts& last = *info_[i + len - 1];
      const std::string_view last_lower = lower(tokens[i + len - 1]);
      std::uint64_t base = fnv1a64(" ", h);
      h = fnv1a64(last_lower, base);
      std::uint32_t bits = lex_->entries.find(fold32(h), 0);
      if (last.stemmed())
        bits |= lex_->entries.find(fold32(fnv1a64(last_lower.substr(0, last.stem_len), base)), 0) & ~kLexPrefix;
      if (bits & ~kLexPrefix) {
        spans_[i].lex_b |= bits & ~kLexPrefix;
        for (std::size_t j = i + 1; j < i + len; ++j) spans_[j].lex_i |= bits & ~kLexPrefix;
      }
      if (!(bits & kLexPrefix)) break;
    }
  }
}

void FeatureExtractor::add(std::uint64_t h) { feats_.push_back(fold32(h)); }

namespace {

// A token's capitalization (title-case runs, headlines, long official names); 9 at the edge.
std::uint8_t cap_code(const WordFacts* u) { return !u ? 9 : u->kind == kPunct ? 3 : u->upper ? 2 : u->cap ? 1 : 0; }

bool name_end(const WordFacts& u) { return ((u.ending | u.ending_infl) & kLexNameEnding) != 0; }

}  // namespace

// GCC's store merging packed TokenContext's 32 one-byte fields in registers (a zero-extension,
// a shift and an or per byte) and then stored the struct twice (~150 instructions a token); stored
// one by one they cost a store each. Clang (WebAssembly) has no such attribute and needs none.
#if defined(__GNUC__) && !defined(__clang__)
#define BELGI_NO_STORE_MERGING __attribute__((optimize("no-store-merging")))
#else
#define BELGI_NO_STORE_MERGING
#endif

BELGI_NO_STORE_MERGING TokenContext FeatureExtractor::context_of(std::size_t i, std::size_t n) const {
  const WordFacts& t = *info_[i];
  const WordFacts* prev = i > 0 ? info_[i - 1] : nullptr;
  const WordFacts* next = i + 1 < n ? info_[i + 1] : nullptr;
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
// Inlined into extract_context() and extract(), once a token each: as calls (word_context_features
// then lexicon_context_features, each saving and restoring six registers) ~40 instructions a token.
#if defined(__GNUC__)
#define BELGI_INLINE __attribute__((always_inline)) inline
#else
#define BELGI_INLINE inline
#endif

BELGI_INLINE void FeatureExtractor::word_context_features(const std::vector<std::string_view>& tokens, std::size_t i) {
  const std::size_t n = tokens.size();
  const WordFacts& t = *info_[i];
  const WordFacts* prev = i > 0 ? info_[i - 1] : nullptr;
  const WordFacts* next = i + 1 < n ? info_[i + 1] : nullptr;
  add(mix(kBigramPrev, prev ? prev->h_lower : kBosHash, t.h_lower));
  add(mix(kBigramNext, t.h_lower, next ? next->h_lower : kEosHash));
  add(mix(kStemBigram, t.h_stem, next ? next->h_stem : kEosHash));
  const Spans& sp = spans_[i];
  if ((t.gaz & ~kLexPrefix) | sp.gaz_b | sp.gaz_i | sp.gaz_l) gazetteer_features(i);  // most tokens: none
  add(Hash(kClassBigram).u32(prev ? prev->cls : 0xffff).u32(t.cls).h);
  lexicon_context_features(i);
}

void FeatureExtractor::gazetteer_features(std::size_t i) {
  // Gazetteer of training names: which classes a name starting, continuing or ending here has.
  const Spans& sp = spans_[i];
  const std::uint32_t unit = info_[i]->gaz & ~kLexPrefix;
  for (std::uint32_t bits = unit | sp.gaz_b | sp.gaz_i | sp.gaz_l; bits; bits &= bits - 1) {
    std::uint8_t c = static_cast<std::uint8_t>(__builtin_ctz(bits));
    std::uint32_t bit = 1u << c;
    if (unit & bit) add(Hash(kGazUnit).byte(c).h);
    if (sp.gaz_b & bit) add(Hash(kGazBegin).byte(c).h);
    if (sp.gaz_i & bit) add(Hash(kGazInside).byte(c).h);
    if (sp.gaz_l & bit) add(Hash(kGazLast).byte(c).h);
  }
}

BELGI_INLINE void FeatureExtractor::lexicon_context_features(std::size_t i) {
  const WordFacts& t = *info_[i];
  const WordFacts* prev = i > 0 ? info_[i - 1] : nullptr;
  if (i > 0 && role_[i - 1] == quotes::MarkRole::closer) add(mix(kQuote, t.h_stem, 9));
  // The classes present, lowest first (most tokens have none: no loop over all sixteen).
  const std::uint32_t prev_lex = prev ? prev->lex : 0;
  const Spans& sp = spans_[i];
  for (std::uint32_t bits = (prev_lex | sp.lex_b | sp.lex_i) & kLexClasses; bits; bits &= bits - 1) {
    const int b = __builtin_ctz(bits);
    const std::uint32_t bit = 1u << b;
    if (prev_lex & bit) add(mix(kStemLexPrev, t.h_stem, static_cast<std::uint64_t>(b)));
    if (sp.lex_b & bit) add(Hash(kLexSpanB).byte(static_cast<std::uint8_t>(b)).h);
    if (sp.lex_i & bit) add(Hash(kLexSpanI).byte(static_cast<std::uint8_t>(b)).h);
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
    local_features(tokens[i], own_[i], *lex_, feats_);
    as_prev_features(i > 0 ? &own_[i - 1] : nullptr, feats_);
    as_next_features(i + 1 < n ? &own_[i + 1] : nullptr, feats_);
    feats_.push_back(as_prev2_feature(i >= 2 ? &own_[i - 2] : nullptr));
    feats_.push_back(as_next2_feature(i + 2 < n ? &own_[i + 2] : nullptr));
    context_shape_features(context_of(i, n), feats_);
    word_context_features(tokens, i);
  }
  offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
}

void FeatureExtractor::extract_context(const std::vector<std::string_view>& tokens,
                                       const std::vector<const WordFacts*>& info) {
  info_ = info;
  feats_.clear();
  offsets_.clear();
  prepare_context(tokens);
  const std::size_t n = tokens.size();
  if (contexts_.size() < n) contexts_.resize(n);  // grown only, as prepare_context()'s arrays
  for (std::size_t i = 0; i < n; ++i) {
    contexts_[i] = context_of(i, n);
    offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
    word_context_features(tokens, i);
  }
  offsets_.push_back(static_cast<std::uint32_t>(feats_.size()));
}

void lexical_features(const WordFacts* prev, const WordFacts& t, const WordFacts* next,
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
