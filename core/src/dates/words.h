// Token analysis for the date grammar: each token's folded form, its number reading
// (`2023`, `5-і`, `2018-інші`, `5-желтоқсанда`, `10:00-де`, `2020-2025`, `05.12.2023`, `XXI`)
// and its readings in the word tables.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dates/calendar.h"
#include "dates/tables.h"
#include "text/huge_pages.h"
#include "text/tokenizer.h"

namespace belgi::dates {

// A read-only run of values kept by the word cache (analyze()).
template <class T>
class View {
 public:
  View() = default;
  View(const T* p, std::size_t n) : p_(p), n_(n) {}
  const T* begin() const { return p_; }
  const T* end() const { return p_ + n_; }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const T& operator[](std::size_t i) const { return p_[i]; }

 private:
  const T* p_ = nullptr;
  std::size_t n_ = 0;
};

// What a word's analysis holds beyond Word's few fields: its number reading and its readings in
// the tables. Kept apart from Word (Word::more) because most words have none of it (Word::inert):
// those share one Detail of defaults, and a new word then writes one cache line to the word
// cache instead of four (the tagger's tables, in the same caches, lost them; docs/benchmarks.md).
struct Detail {
  // Number tokens (Word::num): the leading integer and what follows `N-`.
  long value = 0;
  int digits = 0;
  bool plain = false;              // digits only
  bool rest_ending = false;        // the part after `N-` is an ending (`5-і`, `2018-інші`)
  Ending ending;                   // ... which one
  View<Hit> rest_hits;             // ... or a word (`5-желтоқсан`, `90-жылдары`, `25-минутта`)
  bool is_date = false;            // `05.12.2023`, `2023-12-05`
  bool glued_abbr = false;         // ... with `ж` written on: `31.01.2023ж`
  Ymd date;
  int hour = -1, minute = -1;      // `17:20`, `10:00-де`
  int dot_hour = -1, dot_minute = -1;  // `10.00-де`: a clock only after `сағат`
  int to_hour = -1, to_minute = -1;    // `10:00-12:00`, `10.00-12.00`: the end of a range
  long range_a = -1, range_b = -1; // `2020-2025`
  double decimal = -1;             // `1,5` (a decimal comma), else -1
  int roman = 0;                   // `XXI` (Latin or Cyrillic letters)

  View<Hit> hits;                  // readings of a word token in the tables
  // Word tokens only, computed once here rather than at every parser position:
  View<const Phrase*> phrases;     // phrases that can start here (Tables::phrases_at)
  bool adjectival = false;             // with phrases: ends in an adjectival ending (таңғы, кешкі)
  int pair_first = 0, pair_last = 0;   // `қаңтар-наурыз`: two bare months joined by a hyphen
  bool pair_cased = false;             // ... the second in the locative or ablative: `қаңтар-қыркүйекте`
  bool weekday_pair = false;           // `дүйсенбі-жұма`, `сенбі-жексенбі(де)`: two weekdays
  // `күзгі-қысқы`, `қысы-жазы`: two seasons joined by a hyphen with the same ending (the second's)
  const Entry* season_first = nullptr;
  const Entry* season_last = nullptr;
  Ending season_ending;

  static const Detail kNone;       // an inert word's (all defaults)
};

// One word form's analysis (a token's text and kind), kept in the word cache the threads share and
// shared by every token of that form (Words): valid, with the storage its members view, while the
// Words that hold it live and until the next analyze() call on the same thread. 32 bytes: what every token reads (word_cache.h keeps it in
// one cache line with the key); the rest behind `more`.
struct Word {
  std::string_view fold;           // folded token text
  const Detail* more = &Detail::kNone;  // never null
  text::TokenKind kind = text::TokenKind::word;
  // No pattern starts here: no reading, phrase, number, Roman numeral, month pair or cue word
  // (then `more` is Detail::kNone). Punctuation and most words of a text; the parser skips them
  // at once.
  bool inert = false;
  bool upper_initial = false;      // starts with a capital letter (names: Жұма, Қазан)
  bool num = false;                // a number token (Detail's number fields)

  bool is(char c) const { return fold.size() == 1 && fold[0] == c; }
  // The first reading of that class, or null. Inline: the patterns ask at every word they read.
  const Hit* hit(WordClass cls) const { return first_of(more->hits, cls); }
  const Hit* rest_hit(WordClass cls) const { return first_of(more->rest_hits, cls); }

 private:
  static const Hit* first_of(const View<Hit>& v, WordClass cls) {
    for (const Hit& h : v)
      if (h.entry->cls == cls) return &h;
    return nullptr;
  }
};
static_assert(sizeof(void*) != 8 || sizeof(Word) == 32, "word_cache.h's Entry: the key and a Word in 64 bytes");

// A text's tokens as the date grammar reads them: each token's form's analysis, and its place
// read from the tokens themselves. A token is a pointer (8 bytes), not a copy of the analysis (232:
// on one document of 2.6 MB the copies were 51 MB of memory written once, ~12,000 page faults),
// nor a copy of its place as well (24 bytes: 2 MB written per MB of text, read back only at a
// match's ends).
class Words {
 public:
  std::size_t size() const { return at_.size(); }
  const Word& operator[](std::size_t i) const { return *at_[i].word; }
  std::size_t begin_of(std::size_t i) const { return tokens_[i].begin; }  // UTF-8 bytes into the text
  std::size_t end_of(std::size_t i) const { return tokens_[i].end; }

  // A token's word, left uninitialized when made (its default constructor does nothing): the
  // places are sized for every token at once and analyze() writes each through a pointer (a
  // push_back a token checked the capacity and stored the end; zeroing them first was a memset).
  struct Place {
    Place() {}  // NOLINT: no zeroing, analyze() writes every place
    const Word* word;
  };
  // `inside`: the thread's part of the word cache, held (words.cpp): released with the words.
  Words(const std::vector<text::Token>& tokens, void* inside)
      : tokens_(tokens.data()), inside_(inside), at_(tokens.size()) {}
  Place* places() { return at_.data(); }

 private:
  // While the words live, the thread is inside the word cache (it is emptied only when no thread
  // is): their analyses stay in place. Destroyed on the thread that made them.
  struct Release {
    void operator()(void* inside) const;
  };
  const text::Token* tokens_;  // analyze()'s: they outlive the words (Context::tokens)
  std::unique_ptr<void, Release> inside_;  // before at_: released if at_'s allocation throws
  std::vector<Place, text::HugePageAllocator<Place>> at_;  // 2 MB pages from 1 MB on (huge_pages.h)
};

// Analyzes the tokens of `text` (in order) against the tables. The words are valid until the
// next call on the same thread, and while `tokens` lives (they read the places from it).
// Thread-safe: the threads share the word cache.
Words analyze(std::string_view text, const std::vector<text::Token>& tokens, const Tables& tables);

// A unit adjective naming an anniversary: `жылдығы` (possessive), `жылдық мерейтойы` (`next`, the
// word after it, may be null).
bool anniversary(const Word& w, const Word* next);

namespace detail {
// For the tests: the word cache's limit (kMaxWords by default; at most kSlots / 4) and the
// times it was emptied.
void set_word_cache_limit(std::size_t words);
std::uint64_t word_cache_rebuilds();
}  // namespace detail

// A word in the genitive case (`Абайдың`, `газетінің`), by its ending alone.
bool genitive_form(std::string_view folded);

// A word naming a price or a rate (`бағасы`, `бағамы`, `құны`, `тарифі`): a dotted number after it
// is an amount (`бағасы 10.30-да`), not a clock.
bool price_word(std::string_view folded);

// Roman numeral (I V X L C, also Cyrillic І Х) -> value, 0 if not one.
int roman_value(std::string_view folded);

}  // namespace belgi::dates
