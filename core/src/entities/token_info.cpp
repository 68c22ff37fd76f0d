// What the model sees of one token on its own (features.h): its lower-cased form, stem, shape,
// kind, affix hashes and lexicon hits. A function of its bytes and the lexicons only, so the
// tagger caches it per word form. Also the lexicon tables it reads (KeyTable).
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "entities/features.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// Endings stripped by stem(), tried in this order (lower case, UTF-8); the first one that leaves
// a known word wins.
// Plural, case (genitive, dative, accusative, locative, ablative, instrumental), the locative
// adjective -дағы and the derivational -лық ("алматылық").
constexpr std::array<std::string_view, 58> kEndings = {
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі", "лардың", "лердің",
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не",
    "ны", "ні", "ды", "ді", "ты", "ті", "нда", "нде", "да", "де", "та", "те",
    "нан", "нен", "дан", "ден", "тан", "тен", "мен", "бен", "пен",
    "лар", "лер", "дар", "дер", "тар", "тер", "лық", "лік", "дық", "дік", "тық", "тік",
    "сы", "сі", "ын", "ін", "н"};

// What kind_of() asks ICU about a code point, as bits.
enum CharBits : std::uint8_t { kAlpha = 1, kUpper = 2, kDigit = 4, kCyr = 8, kLat = 16 };

std::uint8_t char_bits_icu(char32_t c) {
  if (u_isUAlphabetic(c)) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &err);
    return kAlpha | (u_isupper(c) ? kUpper : 0) | (sc == USCRIPT_CYRILLIC ? kCyr : 0) |
           (sc == USCRIPT_LATIN ? kLat : 0);
  }
  return u_isdigit(c) ? kDigit : 0;
}

// What kind_of() takes from a code point: what it adds to the word's flags and its letter in
// the shape ('X', 'x', 'd', the ASCII character itself, '*' for any other).
enum WordBits : std::uint8_t {
  kLetter = 1, kCyrLetter = 2, kLatLetter = 4, kOtherLetter = 8, kLowerLetter = 16, kDigitSeen = 32
};
struct CharInfo {
  std::uint8_t bits;
  char shape;
};

CharInfo char_info(char32_t c, std::uint8_t bits) {
  if (bits & kAlpha) {
    const std::uint8_t script = bits & kCyr ? kCyrLetter : bits & kLat ? kLatLetter : kOtherLetter;
    const bool up = bits & kUpper;
    return {static_cast<std::uint8_t>(kLetter | script | (up ? 0 : kLowerLetter)), up ? 'X' : 'x'};
  }
  if (bits & kDigit) return {kDigitSeen, 'd'};
  return {0, c < 0x80 ? static_cast<char>(c) : '*'};
}

// The same through a table below U+0500 (Latin, Cyrillic with Kazakh), filled from ICU once:
// called for every character of every new word form. kind_of() takes the table once per word
// (its guard was tested at every character) and ORs the characters' bits (a flag apiece, kept
// on the stack, was ~40 instructions a character).
constexpr char32_t kTableEnd = 0x500;
const CharInfo* char_table() {
  static const auto table = [] {
    std::array<CharInfo, kTableEnd> t{};
    for (char32_t i = 0; i < kTableEnd; ++i) t[i] = char_info(i, char_bits_icu(i));
    return t;
  }();
  return table.data();
}

std::uint8_t kind_of(std::string_view tok, bool& cap, bool& upper, std::uint32_t& shape,
                     std::uint32_t& short_shape) {
  const CharInfo* table = char_table();
  std::uint8_t seen = 0;
  Hash sh(0), ssh(0);
  int n = 0;
  char last = 0;
  cap = false;
  for (std::size_t i = 0; i < tok.size();) {
    char32_t c = utf8::next(tok, i);
    const CharInfo ci = c < kTableEnd ? table[c] : char_info(c, char_bits_icu(c));
    seen |= ci.bits;
    const char s = ci.shape;
    if (n == 0) cap = s == 'X';  // only a capital letter's shape is 'X'
    if (n++ < 8) sh.byte(static_cast<std::uint8_t>(s));
    if (s != last) ssh.byte(static_cast<std::uint8_t>(s));
    last = s;
  }
  const bool letter = seen & kLetter;
  upper = letter && !(seen & kLowerLetter);
  shape = fold32(sh.h);
  short_shape = fold32(ssh.h);
  if (!letter) return seen & kDigitSeen ? kDigits : kPunct;
  if (seen & kDigitSeen) return kAlnum;
  if (seen & kOtherLetter) return kOther;
  if ((seen & kCyrLetter) && (seen & kLatLetter)) return kMixedScript;
  return seen & kLatLetter ? kLatin : kCyrillic;
}

bool ends_with(std::string_view s, std::string_view e) {
  // Backwards, byte by byte: the endings are 2 to 10 bytes and most differ in their last letter
  // or the one before, where a call to memcmp cost more than the comparison.
  if (s.size() < e.size() || e.empty()) return false;
  const char* p = s.data() + s.size();
  for (std::size_t k = e.size(); k-- > 0;)
    if (*--p != e[k]) return false;
  return true;
}

// The last (up to) 8 bytes of each ending as they sit at the top of a little-endian 64-bit load of
// a word's last 8 bytes, and which of its bytes they fill.
struct EndingTail {
  std::uint64_t bytes = 0, mask = 0;
};

const std::array<EndingTail, kEndings.size()>& ending_tails() {
  static const auto tails = [] {
    std::array<EndingTail, kEndings.size()> t{};
    for (std::size_t j = 0; j < kEndings.size(); ++j) {
      const std::string_view e = kEndings[j];
      const std::size_t k = std::min<std::size_t>(e.size(), 8);
      for (std::size_t i = 0; i < k; ++i) {
        t[j].bytes |= std::uint64_t{static_cast<unsigned char>(e[e.size() - 1 - i])} << (56 - 8 * i);
        t[j].mask |= std::uint64_t{0xff} << (56 - 8 * i);
      }
    }
    return t;
  }();
  return tails;
}

// ends_with(w, kEndings[j]): for an ending of at most 8 bytes on a word of at least 8, one load and
// compare (stem() tries ~10 endings a new word, and the byte loop ran ~28 instructions a try).
bool has_ending(std::string_view w, std::size_t j) {
  const std::string_view e = kEndings[j];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (e.size() <= 8 && w.size() >= 8) {
    std::uint64_t x;
    std::memcpy(&x, w.data() + w.size() - 8, 8);
    const EndingTail& t = ending_tails()[j];
    return ((x ^ t.bytes) & t.mask) == 0;
  }
#endif
  return ends_with(w, e);
}

// The lexicon keys and code point counts of every prefix of a lower-cased word, by byte length,
// from one pass over it: stem() tries many prefixes of the same word, and FNV-1a runs forwards,
// so each prefix's key is a step of the whole word's hash.
struct Prefixes {
  std::vector<std::uint64_t> hash;  // [k] = fnv1a64(word.substr(0, k))
  std::vector<std::uint32_t> cps;   // [k] = code_points(word.substr(0, k))
  void fill(std::string_view w) {
    // Grown only: a resize() up zero-fills (std::vector::_M_default_append), and the words' lengths
    // go up and down; entries past w.size() are not read.
    if (hash.size() < w.size() + 1) {
      hash.resize(w.size() + 1);
      cps.resize(w.size() + 1);
    }
    std::uint64_t h = text::kFnvBasis;
    std::uint32_t n = 0;
    hash[0] = h;
    cps[0] = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(w[k]);
      h = (h ^ c) * 0x100000001b3ull;
      n += (c & 0xC0) != 0x80;
      hash[k + 1] = h;
      cps[k + 1] = n;
    }
  }
  std::uint32_t key(std::size_t len) const { return fold32(hash[len]); }  // lexicon_key()
};

// True if the prefix of `len` bytes is a known word or lexicon entry.
bool known(const Prefixes& p, std::size_t len, const Lexicons& lex) {
  std::uint32_t k = p.key(len);
  return lex.known.find(k, 0) != 0 || (lex.entries.find(k, 0) & ~kLexBandMask) != 0;
}

// The numbers of the endings (kEndings order) that end in the same byte as `w`: the only ones
// that can match it (most words meet a handful of the 58).
const std::vector<std::uint8_t>& endings_like(std::string_view w) {
  static const auto by_last = [] {
    std::array<std::vector<std::uint8_t>, 256> t;
    for (std::size_t j = 0; j < kEndings.size(); ++j)
      t[static_cast<unsigned char>(kEndings[j].back())].push_back(static_cast<std::uint8_t>(j));
    return t;
  }();
  static const std::vector<std::uint8_t> none;
  return w.empty() ? none : by_last[static_cast<unsigned char>(w.back())];
}

// One ending off `w` (a prefix of the word of `p`) if the rest is a known word or lexicon entry.
std::string_view strip_one(std::string_view w, const Prefixes& p, const Lexicons& lex) {
  for (std::uint8_t j : endings_like(w)) {
    std::string_view e = kEndings[j];
    if (!has_ending(w, j)) continue;
    std::string_view r = w.substr(0, w.size() - e.size());
    if (p.cps[r.size()] < 3) continue;
    if (known(p, r.size(), lex)) return r;
  }
  return w;
}

// stem() with the prefixes of `lower` at hand.
std::string_view stem_of(std::string_view lower, const Prefixes& p, const Lexicons& lex) {
  std::size_t hy = lower.rfind('-');
  if (hy != std::string_view::npos && hy > 0) {
    std::string_view tail = lower.substr(hy + 1);
    if (std::find(kEndings.begin(), kEndings.end(), tail) != kEndings.end() ||
        (!tail.empty() && code_points(tail) <= 3))
      return lower.substr(0, hy);  // "бұұ-ның" -> "бұұ"
  }
  if ((lex.entries.find(p.key(lower.size()), 0) & ~kLexBandMask) != 0) return lower;
  std::string_view r = strip_one(lower, p, lex);
  if (r.size() != lower.size()) return strip_one(r, p, lex);
  // Two endings where the middle form is not known: "облыстарында" -> "облыс".
  for (std::uint8_t j : endings_like(lower)) {
    std::string_view e = kEndings[j];
    if (!has_ending(lower, j)) continue;
    std::string_view mid = lower.substr(0, lower.size() - e.size());
    if (p.cps[mid.size()] < 4) continue;
    std::string_view r2 = strip_one(mid, p, lex);
    if (r2.size() != mid.size()) return r2;
  }
  return lower;
}

// Name-ending classes of what is left after one case or plural ending, for words of at least 4
// letters once the ending is off: "жақыпованың" -> "жақыпова" (-ова), "досжановтан" -> "досжанов".
std::uint32_t inflected_name_ending(std::string_view lower, const Lexicons& lex) {
  std::uint32_t bits = 0;
  for (std::uint8_t j : endings_like(lower)) {
    std::string_view e = kEndings[j];
    if (!has_ending(lower, j)) continue;
    std::string_view r = lower.substr(0, lower.size() - e.size());
    std::size_t cps = code_points(r), pos = r.size();
    if (cps < 4) continue;
    for (std::size_t k = 1; k <= 4 && k + 2 < cps; ++k) {
      utf8::prev(r, pos);
      if (k >= 2) bits |= lex.endings.find(lexicon_key(r.substr(pos)), 0);
    }
  }
  return bits;
}

}  // namespace

void KeyTable::build(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries) {
  std::size_t cap = 16;
  while (cap < entries.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{0, 0});
  mask_ = static_cast<std::uint32_t>(cap - 1);
  count_ = 0;
  for (const auto& [k, v] : entries) {
    std::uint32_t i = (k * 0x9E3779B1u) & mask_;
    while (slots_[i].key != 0 && slots_[i].key != k) i = (i + 1) & mask_;
    if (slots_[i].key == 0) ++count_;
    slots_[i].key = k;
    slots_[i].value |= v;
  }
}

std::uint32_t KeyTable::find(std::uint32_t key, std::uint32_t absent) const {
  if (slots_.empty()) return absent;
  std::uint32_t i = (key * 0x9E3779B1u) & mask_;
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) return slots_[i].value;
    i = (i + 1) & mask_;
  }
  return absent;
}


std::string_view stem(std::string_view lower, const Lexicons& lex) {
  Prefixes p;
  p.fill(lower);
  return stem_of(lower, p, lex);
}

void analyze_token(std::string_view tok, const Lexicons& lex, TokenInfo& t) {
  t.lower.clear();
  utf8::append_lower(t.lower, tok);
  t.kind = kind_of(tok, t.cap, t.upper, t.shape, t.short_shape);
  thread_local Prefixes prefixes;  // per thread: buffers kept between words
  const Prefixes& p = prefixes;
  prefixes.fill(t.lower);
  t.stem_len = static_cast<std::uint32_t>(stem_of(t.lower, p, lex).size());
  t.stemmed_ = t.stem_len != t.lower.size();
  t.h_lower = p.hash[t.lower.size()];
  t.h_stem = p.hash[t.stem_len];
  // Affixes: prefixes hashed forwards (the prefixes' hashes at hand), suffixes backwards (byte
  // order reversed), 1..5 letters.
  {
    std::string_view lw = t.lower;
    std::uint64_t hs = text::kFnvBasis;
    std::size_t pos = 0, q = lw.size(), k = 0;
    for (; k < 5 && pos < lw.size(); ++k) {
      utf8::next(lw, pos);
      const std::uint64_t hp = p.hash[pos];
      std::size_t q0 = q;
      utf8::prev(lw, q);
      for (std::size_t b = q0; b-- > q;) hs = (hs ^ static_cast<unsigned char>(lw[b])) * 0x100000001b3ull;
      t.pfx[k] = hp;
      t.sfx[k] = hs;
    }
    t.n_affix = static_cast<std::uint8_t>(k);
  }
  std::uint32_t known_value = lex.known.find(p.key(t.lower.size()), 0);
  t.cls = static_cast<std::uint16_t>(known_value & kKnownClassMask);
  t.lowish = (known_value & kKnownLowercase) != 0;
  if (!t.lowish && t.stemmed()) t.lowish = (lex.known.find(p.key(t.stem_len), 0) & kKnownLowercase) != 0;
  t.lex = lex.entries.find(p.key(t.lower.size()), 0);
  t.band = lex_band(t.lex);
  t.lex &= ~kLexBandMask;
  t.band_stem = t.band;
  if (t.stemmed()) {
    std::uint32_t s = lex.entries.find(p.key(t.stem_len), 0);
    t.band_stem = lex_band(s);
    t.lex |= s & ~kLexBandMask;
  }
  t.ending = 0;
  const std::size_t cps = p.cps[t.lower.size()];
  t.cps = static_cast<std::uint32_t>(cps);
  // Endings of 2..5 letters ("ов", "ұлы", "қызы") on words longer than the ending + 2.
  std::size_t pos = t.lower.size();
  for (std::size_t k = 1; k <= 5 && k + 2 < cps; ++k) {
    utf8::prev(t.lower, pos);
    if (k >= 2) t.ending |= lex.endings.find(lexicon_key(std::string_view(t.lower).substr(pos)), 0);
  }
  t.ending_infl = t.cap ? inflected_name_ending(t.lower, lex) : 0;
  t.mark = quotes::mark_role(tok);
  t.gaz = lex.gazetteer.find(fold32(t.h_lower), 0);
  if (t.stemmed()) t.gaz |= lex.gazetteer.find(fold32(t.h_stem), 0) & ~kLexPrefix;
}
}  // namespace belgi::entities
