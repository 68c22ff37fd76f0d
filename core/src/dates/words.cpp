#include "dates/words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>

#include "dates/word_cache.h"
#include "text/chars.h"
#include "text/huge_pages.h"
#include "text/utf8.h"

namespace belgi::dates {

const Detail Detail::kNone;

namespace {

using detail::Owned;
using detail::TextArena;
using detail::WordCache;

long to_long(std::string_view s) {
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// `N-rest`: the rest is an ending (`5-і`) or a table word (`5-желтоқсанда`).
void analyze_rest(Detail& w, Owned& o, std::string_view rest, const Tables& t) {
  if (rest.empty()) return;
  if (t.ending(rest, w.ending)) {
    w.rest_ending = true;
    return;
  }
  t.lookup(rest, o.rest_hits);
}

// `10:00`, `10.00` (a dotted one is a clock only after `сағат`: dotted = true); false if none.
bool clock_of(std::string_view c, int& h, int& mi, bool& dotted) {
  std::string x(c);
  dotted = x.size() >= 4 && x.size() <= 5 && x[x.size() - 3] == '.';
  if (dotted) x[x.size() - 3] = ':';
  return parse_clock(x, h, mi);
}

// `10:00-12:00`, `10.00-12.00`: a clock range in one token.
bool analyze_clock_range(Detail& w, Owned& o, std::string_view head, std::string_view tail, const Tables& t) {
  std::size_t hy = head.find('-');
  int h1, m1, h2, m2;
  bool d1, d2;
  if (hy == std::string_view::npos || !clock_of(head.substr(0, hy), h1, m1, d1) ||
      !clock_of(head.substr(hy + 1), h2, m2, d2) || d1 != d2)
    return false;
  (d1 ? w.dot_hour : w.hour) = h1, (d1 ? w.dot_minute : w.minute) = m1;
  w.to_hour = h2, w.to_minute = m2;
  if (!tail.empty()) analyze_rest(w, o, tail, t);
  return true;
}

// `05.12.2023`, `31.01.2023ж` (the year abbreviation written on), `10:00`, `10.00`, each with an
// optional ending in `tail` (`05.12.2023-ден`, `10:00-де`).
bool analyze_date_or_clock(Detail& w, Owned& o, std::string_view head, std::string_view tail, const Tables& t) {
  int y, m, d;
  std::string_view zh = "\u0436";
  if (tail.empty() && head.size() > zh.size() && head.substr(head.size() - zh.size()) == zh &&
      parse_numeric_date(head.substr(0, head.size() - zh.size()), y, m, d)) {
    w.is_date = w.glued_abbr = true;
    w.date = Ymd{y, m, d};
    return true;
  }
  if (parse_numeric_date(head, y, m, d)) {
    w.is_date = true;
    w.date = Ymd{y, m, d};
    analyze_rest(w, o, tail, t);
    return true;
  }
  if (parse_clock(head, w.hour, w.minute)) {
    if (!tail.empty()) analyze_rest(w, o, tail, t);
    return true;
  }
  w.hour = w.minute = -1;
  bool dotted;
  if (head.size() >= 4 && head.size() <= 5 && clock_of(head, w.dot_hour, w.dot_minute, dotted) && dotted) {
    analyze_rest(w, o, tail, t);  // `10.00-де`
    return true;
  }
  w.dot_hour = w.dot_minute = -1;
  return false;
}

// `1,5` (a decimal comma) after the n leading digits of s.
void analyze_decimal(Detail& w, std::string_view s, std::size_t n) {
  if (s.size() - n < 2 || s.size() - n > 3) return;
  long f = 0;
  for (std::size_t i = n + 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return;
    f = f * 10 + (s[i] - '0');
  }
  w.decimal = static_cast<double>(w.value) + static_cast<double>(f) / (s.size() - n == 2 ? 10.0 : 100.0);
}

// `N-...` after the number: a range (`2020-2025`, `2-3`), an ending (`5-і`) or a word (`5-желтоқсан`).
void analyze_hyphen_rest(Detail& w, Owned& o, std::string_view after, const Tables& t) {
  std::size_t m2 = 0;
  while (m2 < after.size() && after[m2] >= '0' && after[m2] <= '9') ++m2;
  if (m2 > 0 && m2 == after.size()) {
    w.range_a = w.value;
    w.range_b = to_long(after);
    return;
  }
  analyze_rest(w, o, after, t);
}

void analyze_number(Word& word, Owned& o, const Tables& t) {
  Detail& w = o.detail;
  std::string_view s = word.fold;
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 9) return;
  word.num = true;
  w.value = to_long(s.substr(0, n));
  w.digits = static_cast<int>(n);
  if (n == s.size()) { w.plain = true; return; }
  // An ending after a hyphen and a letter: `10:00-де`, `10:00-de`, `05.12.2023-ден`.
  std::size_t cut = s.size();
  for (std::size_t i = n; i < s.size(); ++i)
    if (s[i] == '-' && i + 1 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) >= 0x80 || (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
      cut = i;
      break;
    }
  std::string_view head = s.substr(0, cut);
  std::string_view tail = cut < s.size() ? s.substr(cut + 1) : std::string_view();
  if (analyze_clock_range(w, o, head, tail, t) || analyze_date_or_clock(w, o, head, tail, t)) return;
  if (s[n] == ',') analyze_decimal(w, s, n);
  else if (s[n] == '-') analyze_hyphen_rest(w, o, s.substr(n + 1), t);
}

}  // namespace

int roman_value(std::string_view s) {
  int total = 0, prev = 0;
  std::vector<int> vals;
  for (std::size_t p = 0; p < s.size();) {
    char32_t c = utf8::next(s, p);
    int v = c == U'i' || c == U'\u0456' ? 1 : c == U'v' ? 5 : c == U'x' || c == U'\u0445' ? 10
          : c == U'l' ? 50 : c == U'c' || c == U'\u0441' ? 100 : 0;
    if (v == 0) return 0;
    vals.push_back(v);
  }
  for (std::size_t i = vals.size(); i-- > 0;) {
    total += vals[i] < prev ? -vals[i] : vals[i];
    prev = std::max(prev, vals[i]);
  }
  return vals.size() >= 1 && vals.size() <= 6 && total <= 30 ? total : 0;
}

namespace {


// Words the patterns read by their form though no table lists them (parser_*.cpp): `оқу жылы`
// (school year), `осыдан 5 жыл бұрын` (from now), `тура жүз жыл бұрын` (exactly), `біздің
// заманымызға дейінгі` (before our era). Folded forms.
bool cue(std::string_view f) {
  for (std::string_view c : {"оқу", "oqu", "осыдан", "osydan", "тура", "tura", "бiздiң"})
    if (f == c) return true;
  return false;
}

// The month (or weekday, `cls`) a word names (`қаңтар`), bare or (`cased`) in the locative or
// ablative only (`қыркүйекте`, `наурыздан`), 0 if none.
int bare_month(std::string_view f, const Tables& t, bool cased = false, WordClass cls = WordClass::month) {
  std::vector<Hit> hits;
  t.lookup(f, hits);
  for (const Hit& h : hits) {
    const Ending& e = h.ending;
    bool loc_abl = !e.plural && !e.possessive && !e.ordinal && (e.kase == Case::loc || e.kase == Case::abl);
    if (h.entry->cls == cls && !h.entry->abbr && (cased ? loc_abl : h.ending.empty())) return h.entry->ival;
  }
  return 0;
}

// The season a word names (`күзгі`, `қысы`) and its ending, or null.
const Entry* season_of(std::string_view f, const Tables& t, Ending& e, bool exceptions) {
  std::vector<Hit> hits;
  t.lookup(f, hits, exceptions);
  for (const Hit& h : hits)
    if (h.entry->cls == WordClass::season) return e = h.ending, h.entry;
  return nullptr;
}

// `қаңтар-наурыз`: two months in one token (a list, date.month_list), also with the case on the
// second (`Қаңтар-қыркүйекте`: a pattern starts there at a sentence's start too); `күзгі-қысқы`:
// two seasons.
void analyze_pair(Detail& w, std::string_view f, const Tables& t) {
  std::size_t hyphen = f.find('-');
  if (hyphen == std::string_view::npos) return;
  int first = bare_month(f.substr(0, hyphen), t), last = first ? bare_month(f.substr(hyphen + 1), t) : 0;
  if (first && !last) last = bare_month(f.substr(hyphen + 1), t, true), w.pair_cased = last != 0;
  if (first && last) w.pair_first = first, w.pair_last = last;
  // `дүйсенбі-жұма`, `сенбі-жексенбі` (weekdays, as KazNERD's `сенбі-жексенбі`), `дүйсенбі-жұмада`
  int d1 = first ? 0 : bare_month(f.substr(0, hyphen), t, false, WordClass::weekday);
  w.weekday_pair = d1 && (bare_month(f.substr(hyphen + 1), t, false, WordClass::weekday) ||
                          bare_month(f.substr(hyphen + 1), t, true, WordClass::weekday));
  Ending a, b;
  const Entry* s1 = season_of(f.substr(0, hyphen), t, a, true);
  const Entry* s2 = s1 ? season_of(f.substr(hyphen + 1), t, b, false) : nullptr;  // `қысы-жазы`
  if (s2 && s1 != s2 && a.kase == b.kase && a.possessive == b.possessive)
    w.season_first = s1, w.season_last = s2, w.season_ending = b;
}

// `күні-ақ` ("that very day"): the emphatic particle after a hyphen; the word is read without it.
std::string_view without_particle(std::string_view f) {
  for (std::string_view p : {"-ақ", "-aq"})
    if (f.size() > p.size() && f.substr(f.size() - p.size()) == p) return f.substr(0, f.size() - p.size());
  return f;
}

// (w.more is left for the caller: Detail::kNone if w is inert, else a copy of o.detail.)
void analyze_word(Word& w, Owned& o, std::string_view raw, TextArena& texts, const Tables& tables) {
  o.hits.clear(), o.rest_hits.clear(), o.phrases.clear();  // the last word's (o is reused)
  // The last word's detail is all defaults again unless it was a number or not inert (a word's
  // path sets a field only for a reading that makes it not inert): most new words skip the reset.
  if (o.dirty) o.detail = Detail();
  Detail& d = o.detail;
  char* f = texts.room(2 * raw.size());  // fold_into's worst case
  w.fold = texts.keep_written(f, static_cast<std::size_t>(fold_into(f, raw) - f));
  std::size_t p = 0;
  w.upper_initial = !raw.empty() && text::is_upper(utf8::next(raw, p));
  const bool number = !w.fold.empty() && w.fold[0] >= '0' && w.fold[0] <= '9';
  if (number) {
    analyze_number(w, o, tables);
  } else if (w.kind == text::TokenKind::word) {
    tables.lookup_and_phrases(w.fold, without_particle(w.fold).size(), o.hits, o.phrases);
    d.adjectival = !o.phrases.empty() && tables.adjectival(w.fold);  // read only with a phrase
    // Roman numerals are written in capitals (XXI ғасыр); `і`, `с` alone are words.
    if (o.hits.empty() && raw.size() >= 2 && w.upper_initial) d.roman = roman_value(w.fold);
    analyze_pair(d, w.fold, tables);
  }
  w.inert = !w.num && o.hits.empty() && o.phrases.empty() && d.roman == 0 && !d.pair_first && !d.season_first &&
            !d.weekday_pair &&
            !cue(w.fold);
  o.dirty = number || !w.inert;
  if (w.inert) return;  // all of d is defaults (Detail::kNone)
  d.hits = texts.keep_all(o.hits);
  d.rest_hits = texts.keep_all(o.rest_hits);
  d.phrases = texts.keep_all(o.phrases);
}

}  // namespace

const Word* WordCache::put(std::string_view raw, text::TokenKind kind, std::uint64_t h, const Tables& tables,
                           Local& l) {
  std::size_t i = h & kMask;
  bool other_kind = false;
  for (std::uint64_t s; !other_kind && (s = slot(i)) != 0; i = (i + 1) & kMask)
    if (same_tag(s, h) && text::same_word(entry(s)->key(), raw)) {
      if (entry(s)->word.kind == kind) return &entry(s)->word;  // published since find()
      other_kind = true;
    }
  if (other_kind || (l.quota == 0 && !claim(l))) {
    // The same text as another kind, or the index full: analyzed, kept for this call only.
    Entry& e = l.this_call.emplace_back();
    e.word.kind = kind;
    analyze_word(e.word, l.scratch, raw, l.texts, tables);
    if (!e.word.inert) e.word.more = &l.this_call_details.emplace_back(l.scratch.detail);
    return &e.word;
  }
  --l.quota;
  Entry& e = l.entries.emplace_back();
  e.set_key(raw, l.texts);
  e.word.kind = kind;
  analyze_word(e.word, l.scratch, raw, l.texts, tables);
  if (!e.word.inert) e.word.more = &(l.details.emplace_back() = l.scratch.detail);
  // Published from slot i on; a thread that published the form first keeps it (ours is then
  // this thread's alone, in its storage until emptied).
  for (std::uint64_t s = 0;; i = (i + 1) & kMask, s = 0) {
    if (__atomic_compare_exchange_n(&index_[i], &s, packed(&e, h), false, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE))
      break;
    if (same_tag(s, h) && text::same_word(entry(s)->key(), raw)) {
      if (entry(s)->word.kind == kind) return &entry(s)->word;
      break;
    }
  }
  return &e.word;
}

namespace {

// The one cache, and the thread's part of it (handed to the cache when the thread ends).
// Never destroyed: a thread may still annotate while the process exits.
WordCache& cache() {
  static WordCache& c = *new WordCache;
  return c;
}
struct Mine {
  WordCache::Local local;
  ~Mine() { cache().retire(std::move(local)); }
};
WordCache::Local& mine() {
  thread_local Mine m;
  return m.local;
}

}  // namespace

void Words::Release::operator()(void* inside) const { cache().release(*static_cast<WordCache::Local*>(inside)); }

void detail::set_word_cache_limit(std::size_t words) { cache().set_max_words(words); }
std::uint64_t detail::word_cache_rebuilds() { return cache().rebuilds(); }

Words analyze(std::string_view text, const std::vector<text::Token>& tokens, const Tables& tables) {
  WordCache& cache = dates::cache();
  WordCache::Local& l = mine();
  cache.hold(l);  // released by `out` (made at once: if it throws, its member releases)
  Words out(tokens, &l);
  cache.begin(tables, l);
  // The tokens' hashes kAhead tokens ahead: the slot is prefetched then, the entry kStep tokens
  // later (the slot has arrived by then), so a probe waits on neither.
  constexpr std::size_t kStep = 4, kAhead = 2 * kStep, kRing = 16;
  std::uint64_t ahead[kRing];
  const std::size_t n = tokens.size();
  Words::Place* at = out.places();
  auto hash_ahead = [&](std::size_t j) {
    ahead[j % kRing] = WordCache::hash_of(tokens[j].in(text));
    cache.prefetch_slot(ahead[j % kRing]);
  };
  for (std::size_t j = 0; j < std::min(n, kAhead); ++j) hash_ahead(j);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) hash_ahead(i + kAhead);
    if (i + kStep < n) cache.prefetch_entry(ahead[(i + kStep) % kRing]);
    const text::Token& tok = tokens[i];
    std::string_view raw = tok.in(text);
    const std::uint64_t h = ahead[i % kRing];
    const Word* w = cache.find(raw, tok.kind, h);
    at[i].word = w ? w : cache.put(raw, tok.kind, h, tables, l);
  }
  return out;
}

bool anniversary(const Word& w, const Word* next) {
  const Hit* a = w.hit(WordClass::unit);
  if (!a || !a->entry->adjective) return false;
  return a->ending.possessive || (next && (next->fold.substr(0, 16) == "мерейтой" || next->fold.substr(0, 8) == "mereitoi"));
}

bool price_word(std::string_view f) {
  for (std::string_view p : {"баға", "құн", "тариф", "ставка", "мөлшерлеме", "курс", "bağa", "qun", "tarif"})
    if (f.substr(0, p.size()) == p) return true;
  return false;
}

bool genitive_form(std::string_view f) {
  static const std::vector<std::string> kGen = [] {
    std::vector<std::string> v;
    for (const char* g : {"ның", "нің", "дың", "дің", "тың", "тің", "nyñ", "nıñ", "dyñ", "dıñ", "tyñ", "tıñ"})
      v.push_back(fold(g));
    return v;
  }();
  for (const std::string& g : kGen) {
    std::string_view s = g;
    if (f.size() > s.size() + 2 && f.compare(f.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

}  // namespace belgi::dates
