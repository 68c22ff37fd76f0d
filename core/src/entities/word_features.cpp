// A word's own features and those it gives its neighbours (features.h): functions of its
// TokenInfo only, so the tagger sums them once per word form (word_cache.h).
#include <algorithm>

#include "entities/features.h"
#include "entities/templates.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// The 3-letter suffix (the whole word if shorter); `edge` at the sentence's edge.
std::uint64_t suffix3(const TokenInfo* u, std::uint64_t edge) {
  if (!u) return edge;
  return u->n_affix == 0 ? 0 : u->sfx[std::min<int>(3, u->n_affix) - 1];
}

}  // namespace

namespace {

// Features written into room made for them beforehand (out.resize() once, then cut back to what
// was written): no capacity check and size update per feature, as push_back() had (put()).
struct Room {
  std::uint32_t* w;
  void put(std::uint64_t h) { *w++ = fold32(h); }
};

void char_trigrams(std::string_view lw, Room& out) {
  std::size_t b[4] = {0, 0, 0, 0}, n = 0;
  for (std::size_t p = 0; p < lw.size();) {
    b[n % 4] = p;
    utf8::next(lw, p);
    ++n;
    if (n >= 3) {
      std::size_t s = b[(n - 3) % 4];
      out.put(Hash(kCharTri).bytes(lw.substr(s, p - s)).h);
    }
  }
}

}  // namespace

void local_features(std::string_view tok, const TokenInfo& t, const Lexicons& lex,
                    std::vector<std::uint32_t>& features) {
  // At most 17 features, 2 per affix, one trigram per byte of the word (utf8::next() moves at
  // least one) and 4 per lexicon or ending class.
  const std::size_t start = features.size();
  std::size_t room = 17 + 2 * std::size_t{t.n_affix} + t.lower.size();
  // A loop, not __builtin_popcount (a libgcc call without -mpopcnt): most words have no class.
  for (std::uint32_t bits = (t.lex | t.ending) & kLexClasses; bits; bits &= bits - 1) room += 4;
  features.resize(start + room);
  Room out{features.data() + start};
  out.put(Hash(kBias).h);
  out.put(Hash(kForm).bytes(tok).h);
  out.put(mix(kLower, t.h_lower));
  out.put(mix(kStem, t.h_stem));
  out.put(Hash(kShape).u32(t.shape).h);
  out.put(Hash(kShortShape).u32(t.short_shape).h);
  out.put(Hash(kKind).byte(t.kind).h);
  const std::size_t cps = t.cps;
  std::uint8_t casing = t.upper && cps > 1 ? 2 : t.cap ? 1 : 0;
  out.put(Hash(kCase).byte(casing).byte(t.kind).h);
  out.put(Hash(kLength).byte(static_cast<std::uint8_t>(std::min<std::size_t>(cps, 12))).h);
  // How common the form is in Kazakh text, with its casing: a frequent word written with a
  // capital is rarely a name (`Жолдау` at a headline's start), a rare one usually is.
  out.put(Hash(kBand).byte(t.band).byte(casing).h);
  if (t.stemmed()) out.put(Hash(kBandStem).byte(t.band_stem).byte(casing).h);
  if (t.kind != kPunct) {
    // Prefixes and suffixes of 1..5 code points.
    for (int k = 0; k < t.n_affix; ++k) {
      out.put(mix(kPrefix, t.pfx[k], k));
      out.put(mix(kSuffix, t.sfx[k], k));
    }
    if (t.n_affix >= 3) out.put(mix(kSuffixCase, t.sfx[2], t.cap));
    // Character trigrams inside longer words: what unknown names share with known ones.
    char_trigrams(t.lower, out);
    std::string_view lw = t.lower;
    std::size_t hy = lw.find('-');
    if (hy != std::string_view::npos && hy > 0 && hy + 1 < lw.size()) {
      out.put(Hash(kHyphenHead).bytes(lw.substr(0, hy)).h);
      out.put(Hash(kHyphenTail).bytes(lw.substr(lw.rfind('-') + 1)).h);
    }
  }
  // Word class (0 = unknown word), and the class of the stem.
  out.put(Hash(kClass).u32(t.cls).h);
  if (t.stemmed())
    out.put(Hash(kClassStem).u32(lex.known.find(fold32(t.h_stem), 0) & kKnownClassMask).h);  // h_stem: fnv1a64(stem)
  // The classes present, lowest first (most words have none: no loop over all sixteen).
  for (std::uint32_t bits = (t.lex | t.ending) & kLexClasses; bits; bits &= bits - 1) {
    const int b = __builtin_ctz(bits);
    const std::uint32_t bit = 1u << b;
    if (t.lex & bit) {
      out.put(Hash(kLex).byte(static_cast<std::uint8_t>(b)).h);
      // The ending after a lexicon stem: "қазақстан|ның" (GPE), "алматы|лық" (NORP).
      out.put(Hash(kLexEnding).byte(static_cast<std::uint8_t>(b)).bytes(std::string_view(t.lower).substr(t.stem_len)).h);
      out.put(Hash(kLex).byte(static_cast<std::uint8_t>(b)).byte(t.cap).byte(t.stemmed()).h);
    }
    if (t.ending & bit) out.put(Hash(kEnding).byte(static_cast<std::uint8_t>(b)).byte(t.cap).h);
  }
  features.resize(static_cast<std::size_t>(out.w - features.data()));
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

}  // namespace belgi::entities
