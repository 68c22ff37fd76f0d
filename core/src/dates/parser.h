// The date grammar's parser (internal to core/src/dates): what a parsed piece denotes and the
// pattern functions, one per kind of expression. Split over parser_*.cpp by concept: numbers and
// tails, calendar dates, day ranges, years, quantities/phrases, clock times. grammar.cpp drives it
// (find_matches).
#pragma once
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "dates/grammar.h"

namespace belgi::dates::detail {

// A calendar point with the precision it was written with (0 = not given).
struct Point {
  int y = 0, m = 0, d = 0;
  std::string_view season;  // SP SU FA WI (a view of the season's table row)
  int week = 0;        // ISO week
};

// What a parsed piece denotes.
struct Parsed {
  std::size_t end = 0;          // word index after the piece
  SpanType type = SpanType::DATE;
  // A grammar rule's id (a literal) or a table row's (a view of the tables): views, as the
  // season, so that a Parsed, tried and reset a dozen times at each word, holds one string only.
  std::string_view rule;
  bool is_point = false;
  Point point;
  bool relative = false;        // the point came from the anchor (or needs it)
  bool unresolved = false;      // needs the anchor, which is unknown: no value
  std::string literal;          // value when not a point ("P3Y", "2020/2025", "PRESENT_REF")
  bool strong = false;
  bool full_date_text = false;  // day and month written out
  bool year_text = false;
  bool joinable_time = false;
  bool period = false;          // a year, month or week (it may take a part: `жыл басынан`)
  bool value_only = false;      // gives values to model spans, never a span of its own
  bool anaphoric = false;       // `сол күні`, `келесі күні`: the day last written out, + day_offset
  int day_offset = 0;
};

// Back to a default Parsed: the grammar tries a dozen patterns at each word that can start one,
// and `p = Parsed()` (three strings move-assigned from a temporary, which is then destroyed)
// cost more than most of the patterns. Ending the object's life and starting a new one is the
// same state for a fraction of it.
inline void reset(Parsed& p) {
  p.~Parsed();
  new (&p) Parsed();
}

struct Num {
  double v = 0;
  bool vague = false, ordinal = false, digits = false, range = false, decimal = false;
  long a = 0, b = 0;  // range
  Ending ending;
  std::size_t end = 0;
  int ndigits = 0;
};

// `2023-12-05`, `2023-12`, `XXXX-12-05`, `2024-FA`, `2023-W50`, `2008`.
std::string format_point(const Point& p);
// `XXXX-03-09/XXXX-03-10`, `2021-01/2021-03`: a range of two points.
std::string range_literal(const Point& from, const Point& to);
// The TIMEX3 letter of a unit (Y M W D H M S CE DE).
const char* unit_letter(const std::string& unit);
bool is_clock_unit(const std::string& unit);
// A duration `P3Y`, `PT1H`; halves become the next smaller unit (жарты сағат -> PT30M); centuries
// in years (`3 ғасыр` -> P300Y); a vague one (`бірнеше жыл`) has none ("").
std::string duration(double n, bool vague, const std::string& unit);

// The words of a quantity (`соңғы 5 жылда`, `25-минутта`, `жыл сайын`): parser_times.cpp.
struct Quantity {
  const Hit* mod = nullptr;  // `соңғы`, `осы`, `әр`, `алғашқы`
  bool from_now = false;     // `осыдан`
  Num n;
  bool have = false;         // a number is written (else 1)
  bool inner = false;        // the unit is inside the number token (`25-минутта`)
  const Hit* u = nullptr;    // the unit
  std::size_t k = 0;         // the word after the unit
};

// The clock a time expression starts with (`кешкі сағат 9-да`): parser_times.cpp.
struct Clock {
  std::string pod;     // a part of the day before it (`TEV`)
  bool sagat = false;  // `сағат` before it
  int h = 0, m = 0;
  Ending e;            // the ending on the clock (`-ден`: the start of a range)
  std::size_t end = 0;
};

// The head of a year phrase (`жылы`, `оқу жылы`, `ж.`) and what it says.
struct YearHead {
  bool school = false;  // `оқу жылы`
  bool abbr = false;    // `ж.`, `г.`
  Ending ending;        // the ending of `жыл` (none for an abbreviation)
  std::size_t end = 0;  // the word after the head
};

class Parser {
 public:
  Parser(const Words& w, std::size_t lo, std::size_t hi, const Tables& t, const Anchor& a)
      : w_(w), lo_(lo), hi_(hi), t_(t), a_(a) {}

  bool best(std::size_t i, Parsed& out) const;

 private:
  bool ok(std::size_t j) const { return j >= lo_ && j < hi_; }
  // Compared as string_views: the sizes first, no strlen + memcmp per call.
  bool punct(std::size_t j, std::string_view s) const { return ok(j) && std::string_view(w_[j].fold) == s; }
  bool dash(std::size_t j) const {
    if (!ok(j)) return false;
    std::string_view f = w_[j].fold;
    return f == "-" || f == "\u2013" || f == "\u2014";
  }
  // A reading of word j; unit adjectives (`жылдық`) only through unit_adj: they are no nouns.
  const Hit* hit(std::size_t j, WordClass c) const {
    const Hit* h = ok(j) ? w_[j].hit(c) : nullptr;
    return h && h->entry->adjective ? nullptr : h;
  }
  const Hit* unit_adj(std::size_t j) const {
    const Hit* h = ok(j) ? w_[j].hit(WordClass::unit) : nullptr;
    return h && h->entry->adjective ? h : nullptr;
  }
  // `2023 ж.`, `2020 г.`, `2020 года` (Russian), `2020-2021 жж.`: the year abbreviation at j.
  bool year_abbr_at(std::size_t j) const { return punct(j, "ж") || punct(j, "жж") || punct(j, "г") || punct(j, "года"); }
  // ... the word after it (j if there is none).
  std::size_t year_abbr(std::size_t j) const {
    if (!year_abbr_at(j)) return j;
    return j + (punct(j + 1, ".") ? 2 : 1);
  }
  // A postposition of that role at j (`дейін`: "until").
  bool post_is(std::size_t j, std::string_view role) const {
    const Hit* p = hit(j, WordClass::post);
    return p && p->entry->code == role;
  }
  // `мен`, `бен`, `пен` ("and", after vowels/sonorants, voiced and voiceless consonants).
  bool and_word(std::size_t j) const {
    return punct(j, "мен") || punct(j, "бен") || punct(j, "пен") || punct(j, "men") || punct(j, "ben") || punct(j, "pen");
  }
  // A list `a, b және c` (with `dashes`, also `a-c`, `a – c`) from its first item at i: `item(j)`
  // reads each next item; returns the word after the last one, `n` the number of items.
  template <class Item>
  std::size_t list_items(std::size_t i, bool dashes, Item item, int& n) const {
    std::size_t k = i + 1;
    n = 1;
    while (ok(k + 1) && (punct(k, ",") || punct(k, "және") || and_word(k) || punct(k, "jäne") || (dashes && dash(k))) &&
           item(k + 1))
      k += 2, ++n;
    return k;
  }
  bool first_months(std::size_t j, Parsed& out) const;
  bool year_half(std::size_t j, Parsed& out) const;
  // The unit adjective at j names an anniversary: `жылдығы` (possessive), `жылдық мерейтойы`.
  bool anniversary(std::size_t j) const {
    return unit_adj(j) && dates::anniversary(w_[j], ok(j + 1) ? &w_[j + 1] : nullptr);
  }

  // The number starting at j. Remembered for the last j: the patterns tried at a word read the
  // same number again and again (a dozen times at `екі мың жиырма бес`).
  bool number(std::size_t j, Num& n) const {
    if (j != number_at_) number_found_ = read_number(j, number_), number_at_ = j;
    n = number_;
    return number_found_;
  }
  bool read_number(std::size_t j, Num& n) const;
  bool number_words(std::size_t j, Num& n) const;
  bool day_number(std::size_t j, int& day, std::size_t& end) const;
  bool year_number(std::size_t j, int& y, std::size_t& end) const;
  bool month_word(std::size_t j, bool allow_strict, int& m, std::size_t& end) const;

  bool phrase(std::size_t i, Parsed& out) const;
  bool date(std::size_t i, Parsed& out) const;
  bool core(std::size_t i, const Hit* mod, Parsed& out) const;
  bool dated_start(std::size_t i) const;
  bool numeric_date(std::size_t i, Parsed& out) const;
  bool day_range(std::size_t i, int year, Parsed& out) const;
  bool day_and_month(std::size_t i, int& d, int& m, std::size_t& j) const;
  bool day_month(std::size_t i, Parsed& out) const;
  void day_month_range(Parsed& out) const;
  bool range_days(std::size_t j) const;
  bool range_closed(std::size_t j) const;
  bool glued_month_range(std::size_t i, Parsed& out) const;
  int month_in_case(std::size_t i, Case kase, std::size_t& end) const;
  bool month_from_to(std::size_t i, Parsed& out) const;
  bool day_from_to(std::size_t i, Parsed& out) const;
  bool month_day_year(std::size_t i, Parsed& out) const;
  bool month_gen_day(std::size_t i, Parsed& out) const;
  bool year_phrase(std::size_t i, const Hit* mod, Parsed& out) const;
  bool year_count(std::size_t i, Num& n) const;
  bool bare_year_number(std::size_t i, const Num& n) const;
  bool year_number_value(const Num& n, Parsed& out) const;
  bool year_head(std::size_t i, std::size_t j, bool have_num, const Num& n, YearHead& h) const;
  bool year_range(Num n, bool school, Parsed& out) const;
  bool year_until(const YearHead& h, Parsed& out) const;
  bool bracketed_years(std::size_t i, Parsed& out) const;
  bool year_list(std::size_t i, Parsed& out) const;
  bool school_year_phrase(const Hit* mod, Parsed& out) const;
  bool counted_year(const Num& n, const YearHead& h, Parsed& out, bool& decade) const;
  void year_join(const YearHead& h, bool have_num, Parsed& out) const;
  bool year_continuation(std::size_t j, Parsed& out) const;
  bool month_alone(std::size_t i, Parsed& out) const;
  bool month_of_year(std::size_t i, int offset, Parsed& out) const;
  bool month_list(std::size_t i, int year, Parsed& out) const;
  bool cased_pair(std::size_t i, int year, Parsed& out) const;
  void month_range(int first, int last, int year, std::size_t end, Parsed& out) const;
  int month_part(std::string_view s, bool cased) const;
  bool weekday(std::size_t i, const Hit* mod, Parsed& out) const;
  bool season(std::size_t i, const Hit* mod, Parsed& out) const;
  bool season_pair(std::size_t i, Parsed& out) const;
  bool weekday_list(std::size_t i, Parsed& out) const;
  bool day_list(std::size_t i, Parsed& out) const;
  bool unit_alone(std::size_t i, const Hit* mod, Parsed& out) const;
  bool that_year(const Hit* u, Parsed& out) const;
  bool that_day(const Hit* u, Parsed& out) const;
  void month_day(std::size_t j, Parsed& out) const;
  void week_day(std::size_t j, int offset, Parsed& out) const;
  bool century(std::size_t i, Parsed& out) const;
  bool century_decade(std::size_t j, int n, Parsed& out) const;
  bool quantity(std::size_t i, Parsed& out) const;
  const Hit* quantity_modifier(std::size_t i) const;
  bool quantity_words(std::size_t i, Quantity& q) const;
  bool duration_adj(std::size_t i, const Quantity& q, Parsed& out) const;
  bool year_months(const Quantity& q, Parsed& out) const;
  bool quantity_fits(std::size_t i, const Quantity& q, const Hit* post) const;
  void quantity_value(const Quantity& q, const std::string& role, Parsed& out) const;
  bool quantity_to(const Quantity& q, Parsed& out) const;
  void compound(const Quantity& q, Parsed& out) const;
  bool time(std::size_t i, Parsed& out) const;
  bool glued_clock(std::size_t j, char sep, int& h, int& m, Ending& e) const;
  bool clock_at(std::size_t j, int& h, int& m, Ending& e, std::size_t& end) const;
  bool after_clock(std::size_t j) const;
  bool dotted_range(std::size_t j) const;
  bool dotted_from_to(std::size_t j) const;
  bool dotted_at(std::size_t j) const;
  bool priced(std::size_t j) const;
  bool clock_start(std::size_t i, Clock& c) const;
  bool clock_range(Clock& c, Parsed& out) const;
  bool clock_from_to(const Clock& c, Parsed& out) const;
  Case last_ending(std::size_t j) const;
  void tail(Parsed& p) const;
  void night_before(Parsed& out) const;
  void relative_point(const std::string& unit, int offset, Parsed& out) const;

  const Words& w_;
  std::size_t lo_, hi_;
  const Tables& t_;
  const Anchor& a_;
  mutable std::size_t number_at_ = static_cast<std::size_t>(-1);  // number()'s last j, ...
  mutable bool number_found_ = false;                              // ... its result
  mutable Num number_;
};

}  // namespace belgi::dates::detail
