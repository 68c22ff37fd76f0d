// Features of the entity tagger: what the model sees of each token of a sentence.
// Shared by the tagger (model.cpp) and the trainer (train*.cpp), so both hash exactly the same
// strings. A feature is a 32-bit hash of (template id, bytes); no strings are built per feature.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/span.h"
#include "quotes/marks.h"
#include "text/hash.h"

namespace belgi::entities {

// Labels: 0 = O, 1 + 2c = B-<class c>, 2 + 2c = I-<class c>, c in SpanType order (QUOTE excluded).
constexpr int kLabelCount = 1 + 2 * kEntityClassCount;
inline bool is_inside(int label) { return label > 0 && label % 2 == 0; }
inline int label_class(int label) { return (label - 1) / 2; }
// Entity class names in SpanType order (the model's label table).
const char* class_name(int c);
// "O", "B-PERSON", ...; -1 for an unknown label.
std::string label_name(int label);
int parse_label(std::string_view name);
// True if label `to` may follow `from` in IOB2 (from = -1: sentence start).
inline bool valid_transition(int from, int to) {
  return !is_inside(to) || (from > 0 && label_class(from) == label_class(to));
}

// Lexicon entry classes (bits of a lexicon value). Entries are lower-cased token sequences.
enum LexClass : std::uint32_t {
  kLexCountry = 1u << 0,     // CLDR territory names: "германия"
  kLexCity = 1u << 1,        // CLDR exemplar cities, Kazakh cities: "алматы"
  kLexRegion = 1u << 2,      // regions of Kazakhstan: "маңғыстау"
  kLexOrg = 1u << 3,         // organisations, names and abbreviations: "бұұ"
  kLexLegalForm = 1u << 4,   // legal forms: "жшс"
  kLexTitle = 1u << 5,       // positions and titles: "министрі"
  kLexOrgNoun = 1u << 6,     // head nouns of organisation names: "министрлігі"
  kLexFacNoun = 1u << 7,     // head nouns of facility names: "театры"
  kLexEventNoun = 1u << 8,   // head nouns of event names: "форумы"
  kLexGeoNoun = 1u << 9,     // geographic type nouns after a name: "облысы"
  kLexNameEnding = 1u << 10, // surname / patronymic endings (suffix lexicon): "ұлы", "ова"
  kLexMedia = 1u << 11,      // news agencies and sites: "kazinform"
  kLexWorldRegion = 1u << 12,  // continents and world regions (CLDR): "еуропа"
  kLexFirstName = 1u << 13,  // personal names: "асхат"
  kLexMonth = 1u << 14,      // month names (CLDR): "қараша"
  kLexWeekday = 1u << 15,    // weekday names (CLDR): "сенбі"
};
constexpr int kLexClassCount = 16;
constexpr std::uint32_t kLexClasses = (1u << kLexClassCount) - 1;  // all the class bits
// Not a class: marks the first k words of a longer entry, so matching can stop early.
constexpr std::uint32_t kLexPrefix = 1u << 31;
// Not classes either (bits 16..17, outside the kLexClassCount loops, never a stem's anchor): the
// frequency band of a lower-cased word form in a Kazakh wordlist (1 = among the 1,000 most
// frequent forms, 2 = 10,000, 3 = 60,000; 0 = rarer; word-bands.tsv: "freq1", "freq2", "freq3").
constexpr int kLexBandShift = 16;
constexpr std::uint32_t kLexBandMask = 3u << kLexBandShift;
// The frequency band in a lexicon value.
inline std::uint8_t lex_band(std::uint32_t bits) {
  return static_cast<std::uint8_t>((bits & kLexBandMask) >> kLexBandShift);
}
const char* lex_class_name(int bit);  // "country", ...; nullptr if out of range
bool parse_lex_class(std::string_view name, std::uint32_t& bit);

// Open-addressing hash table from nonzero 32-bit keys to 32-bit values (keys are hashes already).
class KeyTable {
 public:
  void build(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries);
  // Returns the value of `key`, or `absent`.
  std::uint32_t find(std::uint32_t key, std::uint32_t absent) const;
  std::size_t size() const { return count_; }

 private:
  // A key beside its value: a hit reads one cache line, not two (a new word's analysis probes
  // the tables ~10 times, mostly cold). The plain allocator: with text/huge_pages.h's, a table
  // of 8-byte slots of 1 MB or more became a 2 MB huge-page block of its own (peak RSS +2.1 MB
  // at start-up), where its two 4-byte arrays had stayed under 1 MB (page faults the same).
  struct Slot {
    std::uint32_t key, value;
  };
  std::vector<Slot> slots_;
  std::uint32_t mask_ = 0;
  std::size_t count_ = 0;
};

// The lexicons the model carries: whole lower-cased entries (multi-word joined by one space)
// and endings (matched at the end of a lower-cased token).
struct Lexicons {
  KeyTable entries;  // hash(entry) -> LexClass bits
  KeyTable endings;  // hash(ending) -> LexClass bits
  KeyTable known;    // hash(lower-cased word) -> word class >= 1: words seen twice in training
  int max_words = 1;  // the longest entry, in tokens
  // Names seen as entities in the training data: hash(lower-cased words) -> bit per entity class
  // (1 << class), plus kLexPrefix on the first words of longer names. Up to kGazetteerWords.
  KeyTable gazetteer;
};
constexpr std::size_t kGazetteerWords = 6;

// 64-bit FNV-1a over bytes, folded to 32 bits and never 0.
using text::fnv1a64;
// Inline: called for every feature of every token.
inline std::uint32_t fold32(std::uint64_t h) {
  std::uint32_t v = static_cast<std::uint32_t>(h ^ (h >> 32));
  return v ? v : 1;
}

// A feature's hash built byte by byte: FNV-1a-64 from a template id (features.cpp), also the
// token's shape (token_info.cpp).
struct Hash {
  std::uint64_t h;
  explicit Hash(std::uint8_t tmpl) : h(0xcbf29ce484222325ull) { byte(tmpl); }
  Hash& byte(std::uint8_t b) {
    h = (h ^ b) * 0x100000001b3ull;
    return *this;
  }
  Hash& bytes(std::string_view s) {
    for (unsigned char c : s) byte(c);
    return byte(0xff);  // separator: "ab"+"c" != "a"+"bc"
  }
  Hash& u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
};

// Code points in valid UTF-8.
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
inline std::uint32_t lexicon_key(std::string_view lower_text) { return fold32(fnv1a64(lower_text)); }

// The version of the feature templates below and of the training recipe; part of the model id,
// so that two different models never share one. Bump when either changes. fs11: the templates of
// fs10, trained with cost-augmented decoding (train.cpp).
// fs12: trained on KazNERD and written news (news-train), with the word's frequency band.
// fs13: character trigrams, the casing of the tokens at -1, 0, +1, the title ahead.
constexpr const char* kFeatureSetId = "fs13";

// Flag in the value of a known word (Lexicons::known, low byte = word class): the word is written
// in lower case in most of its non-initial occurrences in training, so a capitalized `Қақпада` at
// the start of a sentence is a common word, not the first word of a name.
constexpr std::uint32_t kKnownLowercase = 1u << 16;
constexpr std::uint32_t kKnownClassMask = 0xffffu;

// Removes Kazakh case, plural and derivational endings from a lower-cased word when what is
// left is a known word or lexicon entry (up to two endings, stem of at least 3 letters):
// "астанада" -> "астана", "бұұ-ның" -> "бұұ", "министрлігінің" -> "министрлігі";
// "алматы" (a lexicon entry) stays. Returns a prefix of `lower`.
std::string_view stem(std::string_view lower, const Lexicons& lex);

// Token kinds (TokenInfo::kind).
enum Kind : std::uint8_t { kPunct, kDigits, kCyrillic, kLatin, kMixedScript, kAlnum, kOther };

// What the sentence's context features read of a token (features.cpp): the part of its analysis
// the tagger's word cache keeps per word form (word_cache.h), 48 bytes, so that a cached token
// costs few cache lines. The rest (TokenInfo below) only a new word's own features read.
struct WordFacts {
  // Hashes computed once per token and combined per feature (no byte hashing per feature):
  // lower-cased form and stem.
  std::uint64_t h_lower = 0, h_stem = 0;
  std::uint32_t stem_len = 0;  // the stem is a prefix of the lower-cased form
  std::uint32_t lex = 0, ending = 0;
  // Name endings behind a case ending ("жақыпова|ның", "досжанов|тан"), capitalized words only.
  std::uint32_t ending_infl = 0;
  // The gazetteer's classes of the word alone (or its stem), and kLexPrefix if longer names start
  // with the word.
  std::uint32_t gaz = 0;
  quotes::MarkRole mark = quotes::MarkRole::none;  // what it is as a quotation mark
  std::uint16_t cls = 0;  // the word class (Lexicons::known's value & kKnownClassMask)
  bool lowish = false;  // kKnownLowercase on the word or its stem
  std::uint8_t band = 0;  // frequency band of the word (lex_band())
  std::uint8_t kind = 0;  // Kind
  bool cap = false, upper = false;
  bool stemmed_ = false;  // the stem is shorter than the word
  bool stemmed() const { return stemmed_; }
};
static_assert(sizeof(WordFacts) <= 48, "WordFacts: the word cache's entry has room for 48 bytes");

// What the model sees of one token on its own (token_info.cpp): a function of its bytes and the
// lexicons only, so the tagger can cache it per word form (word_cache.h).
struct TokenInfo : WordFacts {
  std::string lower;
  std::uint32_t shape = 0, short_shape = 0;
  // Frequency band of the stem (lex_band()).
  std::uint8_t band_stem = 0;
  // Prefixes and suffixes of 1..5 code points (n_affix of them), hashed.
  std::uint64_t pfx[5] = {}, sfx[5] = {};
  std::uint8_t n_affix = 0;
  std::uint32_t cps = 0;  // code points of lower
  std::string_view stem() const { return std::string_view(lower).substr(0, stem_len); }
};

// Fills `t` for token text `tok` (UTF-8, no whitespace) (token_info.cpp).
void analyze_token(std::string_view tok, const Lexicons& lex, TokenInfo& t);

// A token's features come in four groups, so that the tagger can cache the first three per word
// form: its own (local), those it gives the next token as its predecessor (as_prev: the word at
// -1, its stem, ...), those it gives the previous token as its successor (as_next), and those
// that depend on the sentence (context). prev/next == nullptr: sentence start/end.
void local_features(std::string_view tok, const TokenInfo& t, const Lexicons& lex,
                    std::vector<std::uint32_t>& out);
void as_prev_features(const TokenInfo* prev, std::vector<std::uint32_t>& out);
void as_next_features(const TokenInfo* next, std::vector<std::uint32_t>& out);
// The one feature a token gives the token two after it (the word at -2) and two before it (the
// word at +2), also cached per word form.
std::uint32_t as_prev2_feature(const TokenInfo* prev2);
std::uint32_t as_next2_feature(const TokenInfo* next2);

// The features of a token that name words: its word and stem, the words and stems beside it,
// the word pairs (the same hashes as extract()'s, a subset of them). An adaptation (adapt.h)
// learns only these: a newsroom's own names and phrasings are words, while the general
// features (shapes, casing, position, lexicon classes) stay as the trainer left them.
// The first kOwnLexical of them are the token's own (word, stem), the rest its context's.
void lexical_features(const WordFacts* prev, const WordFacts& t, const WordFacts* next,
                      std::vector<std::uint32_t>& out);
constexpr std::uint32_t kOwnLexical = 2;

// What the context features that name no word read of a token's place in its sentence: the
// casing and kinds of the tokens at -1, 0, +1, its position, the quotation marks around it, the
// type noun and title ahead. Few distinct values, so the tagger sums those features' weights once
// per distinct context (word_cache.h). A field a feature would not read in this context is 0, so
// that contexts that give the same features are equal. Bytes only, no padding: compared as bytes.
struct TokenContext {
  std::uint8_t cap_prev = 0, cap_self = 0, cap_next = 0;     // casing codes (9: sentence edge)
  std::uint8_t kind_prev = 0, kind_self = 0, kind_next = 0;  // Kind (0xfe: sentence edge)
  std::uint8_t band = 0, position = 0, second = 0;           // position: 0 first, 1 last, 2 second, 3
  std::uint8_t title_dist = 0, head_ahead = 0, head_dist = 0, head_self = 0;  // head: kLex bits >> 6
  std::uint8_t in_quote = 0, after_open = 0, before_close = 0, after_close = 0;
  std::uint8_t cap = 0, upper = 0, lowish = 0, ending_infl = 0, first_name = 0, stemmed = 0;
  std::uint8_t prev_cap = 0, prev_lowish = 0, prev_name_end = 0, next_cap = 0, next_name_end = 0;
  std::uint8_t pad[4] = {};
};
static_assert(sizeof(TokenContext) == 32, "TokenContext is compared as 32 bytes");
// The features of a token's context that name no word (features.cpp).
void context_shape_features(const TokenContext& c, std::vector<std::uint32_t>& out);

// Features of every token of a sentence. Reusable: buffers grow once and are kept.
class FeatureExtractor {
 public:
  explicit FeatureExtractor(const Lexicons* lexicons) : lex_(lexicons) {}
  void set_lexicons(const Lexicons* lexicons) { lex_ = lexicons; }
  // Fills feats with all features of all tokens; token i owns feats[offsets[i], offsets[i+1]).
  void extract(const std::vector<std::string_view>& tokens);
  // The same, with the tokens' WordFacts given (one per token, from analyze_token()), and only the
  // context group without the words at -2 and +2, in two parts: each token's TokenContext (contexts()), whose features the
  // tagger sums once per distinct context, and in feats() the features that name words.
  void extract_context(const std::vector<std::string_view>& tokens, const std::vector<const WordFacts*>& info);
  const std::vector<std::uint32_t>& feats() const { return feats_; }
  const std::vector<std::uint32_t>& offsets() const { return offsets_; }
  // The first tokens.size() entries are the sentence's (the vector is grown only).
  const std::vector<TokenContext>& contexts() const { return contexts_; }

 private:
  void prepare_context(const std::vector<std::string_view>& tokens);
  TokenContext context_of(std::size_t i, std::size_t n) const;
  void word_context_features(const std::vector<std::string_view>& tokens, std::size_t i);
  void gazetteer_features(std::size_t i);
  void lexicon_context_features(std::size_t i);
  void add(std::uint64_t h);
  void match_lexicon(const std::vector<std::string_view>& tokens);
  void match_gazetteer(const std::vector<std::string_view>& tokens);
  std::string_view lower(std::string_view token);

  const Lexicons* lex_;
  std::vector<TokenInfo> own_;          // extract(): the tokens' analyses
  std::vector<const WordFacts*> info_;  // per token: into own_ or the caller's
  std::string lower_;  // lower(): a token's lower-cased form (WordFacts keeps only its hash)
  std::vector<std::uint8_t> in_quote_;  // bytes: a vector<bool>'s bit ops cost more per token
  std::vector<quotes::MarkRole> role_;  // per token: what it is as a quotation mark
  // The nearest type noun ahead within kHeadWindow tokens, before any punctuation: its lexicon
  // class bit and distance (`Мемлекеттік` -> театры at 2).
  std::vector<std::uint32_t> head_;
  std::vector<std::uint8_t> head_dist_;
  std::vector<std::uint8_t> title_dist_;  // the nearest title (kLexTitle) ahead, 0 = none
  // Per token, the multi-word matches that cover it: the gazetteer's names it begins, is inside
  // of or ends, the lexicon entries it begins or is inside of (class bits). A one-word name is
  // the token's own WordFacts::gaz.
  struct Spans {
    std::uint32_t gaz_b = 0, gaz_i = 0, gaz_l = 0, lex_b = 0, lex_i = 0;
  };
  std::vector<Spans> spans_;
  std::vector<std::uint32_t> feats_, offsets_;
  std::vector<TokenContext> contexts_;
};

}  // namespace belgi::entities
