// The date rule tables (data/rules/dates/*.tsv) parsed into lookup structures, once at start-up.
// Words are compared after fold(): lower case, and Cyrillic і / Latin ı / Latin i made one letter,
// so that both scripts and the common і/i typing variants match the same rows.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "belgi/span.h"
#include "belgi/status.h"
#include "text/hash.h"

namespace belgi::dates {

// Lower case + і/ı -> i. Input must be valid UTF-8.
std::string fold(std::string_view word);
// fold(word) written at w (room for 2 * word.size() bytes is always enough); returns its end.
char* fold_into(char* w, std::string_view word);

enum class WordClass : std::uint8_t { month, weekday, number, unit, season, modifier, post, part };

// One row of a word table.
struct Entry {
  WordClass cls = WordClass::month;
  std::string id;        // the row id, used as the rule id ("month.12.kk")
  int ival = 0;          // month 1-12, weekday 1-7, modifier offset
  double num = 0;        // number value; -1 for a vague quantity (бірнеше)
  std::string code;      // unit (Y M W D H MIN S CE DE AGE), season (SP SU FA WI), role, part, number kind
  bool strict = false;   // a month/weekday that is also a name or common noun (Қазан, Жұма); a unit
                         // that needs an ending after a number (жас)
  bool capital = false;  // a month that is also a name only when capitalised (Мамыр, Наурыз): strict
                         // then, free in lower case (`мамырда`)
  bool abbr = false;     // a month abbreviation (Шіл): exact form only, next to a day number; a
                         // unit's (`сағ.`): exact form only
  bool exact = false;    // takes no endings (modifiers, postpositions)
  bool school = false;   // a modifier that dates `оқу жылы` (жаңа, биылғы)
  bool adjective = false;  // a unit adjective (жылдық "N-year"): a duration, or an anniversary
  SpanType type = SpanType::DATE;  // units: the class of spans built on them
};

enum class Case : std::uint8_t { none, loc, dat, abl, gen, acc, ins, adj, equ };

// What a combination of endings (suffixes.tsv) says about the word it ends.
struct Ending {
  bool plural = false, possessive = false, ordinal = false;
  Case kase = Case::none;
  bool empty() const { return !plural && !possessive && !ordinal && kase == Case::none; }
};

struct Hit {
  const Entry* entry = nullptr;
  Ending ending;
};

// A row of relative.tsv / parts_of_day.tsv: a fixed phrase with a value template.
struct PhraseWord {
  std::string form;  // folded
  bool stem = false; // may take endings (`stem*` in the table)
};

struct Phrase {
  std::string id;
  std::vector<std::vector<PhraseWord>> words;  // per position, the alternatives (`a|b*`)
  SpanType type = SpanType::DATE;
  std::string value;               // "" = no value; may contain {D+n}, {Y-1}, ...
  bool value_only = false;         // mode `value`: never a span of its own
  bool news_only = false;          // mode `news`: a span in written news, a value only in KazNERD text
};

class Tables {
 public:
  // Reads every table through `file` (a name such as "rules/dates/months.tsv" -> its bytes).
  static Status load(const std::function<std::string_view(std::string_view)>& file, Tables& out);
  // The tables compiled into the library (resources::file).
  static Status load_embedded(Tables& out);

  // All readings of a folded word: rows whose form is the word, or whose stem plus a valid
  // combination of endings is (only the forms that allow endings).
  // `exceptions` = false reads a homograph anyway (`жазы` after `қысы-`: the context settles it).
  void lookup(std::string_view folded, std::vector<Hit>& out, bool exceptions = true) const;
  // True if `s` is a valid combination of endings (possibly empty), with what it says in `e`.
  bool ending(std::string_view s, Ending& e) const;
  bool is_exception(std::string_view folded) const { return exceptions_.count(folded) > 0; }
  // True if `folded` ends in an adjectival ending (таңғы, кешкі, түнгі).
  bool adjectival(std::string_view folded) const;
  // Phrases whose first word can be `folded`, longest first.
  void phrases_at(std::string_view folded, std::vector<const Phrase*>& out) const;
  // lookup(folded.substr(0, stem), hits) and phrases_at(folded, phrases) with one prefix scan
  // (a word's analysis asks both; `stem` <= folded.size(): the word without a particle).
  void lookup_and_phrases(std::string_view folded, std::size_t stem, std::vector<Hit>& hits,
                          std::vector<const Phrase*>& phrases) const;
  // True if `folded` is one of the alternatives (exactly, or as stem + endings when `stem`).
  bool word_matches(std::string_view folded, const std::vector<PhraseWord>& alternatives) const;

  std::size_t entry_count() const { return entries_.size(); }
  // Unique per loaded Tables (never 0): keys caches of per-word results (words.cpp).
  std::uint64_t serial() const { return serial_; }
  std::size_t phrase_count() const { return phrases_.size(); }

 private:
  Status load_words(const std::function<std::string_view(std::string_view)>& file);
  Status load_suffixes(std::string_view name, std::string_view bytes);
  Status load_phrases(std::string_view name, std::string_view bytes);

  // Keys are views into strings_ (stable addresses), so look-ups allocate nothing.
  struct Hash {
    std::size_t operator()(std::string_view s) const noexcept {
      std::uint64_t h = text::fnv1a64(s);
      return static_cast<std::size_t>(h ^ (h >> 32));
    }
  };
  template <class V>
  using Map = std::unordered_map<std::string_view, V, Hash>;
  std::string_view intern(std::string s);
  // Fast rejection, exact, in one pass over the word: the FNV-1a hashes of every prefix of the
  // noted forms that ends a character, and of the whole forms. The first prefix of a word that
  // is not among them ends the search (no form starts with it), and of the shorter ones only
  // those hashed like a whole form can be one. Hashes may collide but never miss: every length
  // left is still looked up in the map.
  // The hashes in one open-addressed table (every word of a text probes it at each character:
  // a std::unordered_set cost a division and a node chase a probe), for both sets of forms (the
  // word tables' and the phrases' first words): a new word is scanned once for both.
  enum class Set : std::uint8_t { forms = 0, phrases = 1 };
  // What a scan found for one set: the longest prefix of w that begins a noted form (bytes);
  // bit p of `ends` (p < 64) is set if w.substr(0, p) may be a whole form.
  struct Reach {
    std::size_t top = 0;
    std::uint64_t ends = 0;
    // The same for w.substr(0, n) (a prefix ends a character where w's does at the same place).
    Reach cut(std::size_t n) const {
      return Reach{std::min(top, n), n >= 63 ? ends : ends & ((std::uint64_t{2} << n) - 1)};
    }
  };
  struct Starts {
    void note(std::string_view form, Set set);
    void scan(std::string_view w, Reach& forms, Reach& phrases) const;
    // False if w.substr(0, p) is surely no form (lengths of 64 bytes and more are not filtered).
    static bool may_end(std::uint64_t ends, std::size_t p) {
      return p >= 64 || (ends >> p & 1) != 0;
    }
    // False if no length in [lo, hi] may be one (lo <= hi).
    static bool may_end_in(std::uint64_t ends, std::size_t lo, std::size_t hi) {
      return hi >= 64 || (ends >> lo << (63 - (hi - lo))) != 0;
    }

   private:
    // A set's bits: kPrefix << 2 * set, kWhole << 2 * set (a whole form is a prefix too).
    enum : std::uint8_t { kEmpty = 0, kPrefix = 1, kWhole = 2 };
    struct Slot {
      std::uint64_t hash = 0;
      std::uint8_t state = kEmpty;
    };
    // A power of two, at most half full; indexed by the hash's multiplied high bits.
    std::vector<Slot> slots_ = std::vector<Slot>(64);
    std::size_t used_ = 0;
    int shift_ = 58;  // 64 - log2(slots_.size())
    std::size_t index(std::uint64_t h) const {
      return static_cast<std::size_t>((h * 0x9e3779b97f4a7c15ull) >> shift_);
    }
    const Slot* find(std::uint64_t h) const {
      const std::size_t mask = slots_.size() - 1;
      for (std::size_t i = index(h);; i = (i + 1) & mask) {
        if (slots_[i].state == kEmpty) return nullptr;
        if (slots_[i].hash == h) return &slots_[i];
      }
    }
    void add(std::uint64_t h, std::uint8_t state);
  };
  void lookup_reached(std::string_view w, const Reach& r, std::vector<Hit>& out, bool exceptions) const;
  void phrases_reached(std::string_view w, const Reach& r, std::vector<const Phrase*>& out) const;

  std::deque<std::string> strings_;            // owns every key below (never copied: see ctor)
  std::vector<Entry> entries_;                 // stable after load (hits point into it)
  Map<std::vector<std::size_t>> by_form_;      // folded form -> entries
  // Endings by slot, "" first in plural_, poss_ and cases_ (ending() combines them).
  std::vector<std::string> plural_, poss_, ordinal_;
  std::vector<std::pair<std::string, Case>> cases_;
  Map<std::size_t> case_index_;                // case form -> its first index in cases_
  // Bit n: a case form has n bytes (bit 63: 63 or more). ending() asks before the map: most
  // splits of a word's tail leave a case part of no case form's length.
  std::uint64_t case_lengths_ = 0;
  bool case_length(std::size_t n) const { return (case_lengths_ >> std::min<std::size_t>(n, 63) & 1) != 0; }
  std::size_t max_ending_bytes_ = 0;
  Map<bool> adjectival_;                       // endings of Case::adj, no plural or possessive
  Map<bool> exceptions_;
  std::vector<Phrase> phrases_;
  Map<std::vector<std::size_t>> phrases_by_first_;
  Starts starts_;
  std::uint64_t serial_ = 0;

 public:
  Tables() = default;
  Tables(Tables&&) = default;  // a deque keeps its elements' addresses when moved
  Tables& operator=(Tables&&) = default;
  Tables(const Tables&) = delete;
  Tables& operator=(const Tables&) = delete;
};

}  // namespace belgi::dates
