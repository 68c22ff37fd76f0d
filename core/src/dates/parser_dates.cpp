// Calendar dates: numeric dates, day and month and their ranges, months and month lists,
// weekdays, seasons (years and centuries: parser_years.cpp; units with a modifier:
// parser_relative.cpp).
#include "dates/parser.h"

#include <cstdio>
#include <utility>

namespace belgi::dates::detail {

// ---- date cores ------------------------------------------------------------------------------

bool Parser::numeric_date(std::size_t i, Parsed& out) const {
  if (!ok(i) || !w_[i].more->is_date) return false;
  out.end = i + 1;
  out.is_point = true;
  out.point = Point{w_[i].more->date.y, w_[i].more->date.m, w_[i].more->date.d, "", 0};
  out.rule = "date.numeric";
  out.strong = out.full_date_text = out.year_text = true;
  out.end = year_abbr(i + 1);  // `05.12.2023 ж.`, `05.12.2023 г.`
  if (w_[i].more->glued_abbr && punct(i + 1, ".")) out.end = i + 2;  // `31.01.2023ж.`
  return true;
}

// A day number and a month: `5 желтоқсан`, `25 қарашада`, `5-желтоқсан`; the word after it.
bool Parser::day_and_month(std::size_t i, int& d, int& m, std::size_t& j) const {
  const Hit* rm = ok(i) ? w_[i].rest_hit(WordClass::month) : nullptr;
  if (rm && !rm->entry->abbr && w_[i].more->value >= 1 && w_[i].more->value <= 31 && w_[i].more->digits <= 2) {
    d = static_cast<int>(w_[i].more->value), m = rm->entry->ival, j = i + 1;
    return true;
  }
  std::size_t k;
  if (!day_number(i, d, k) || !month_word(k, true, m, j)) return false;
  Num dn;
  number(i, dn);
  if (!dn.ending.empty() && !dn.ending.ordinal) return false;  // `оны қазанның` ("it" + ...)
  const Hit* mh = w_[k].hit(WordClass::month);
  return !(mh && mh->entry->strict && (mh->ending.possessive || dn.ordinal));  // `екінші маусымда` (season)
}

// `5 желтоқсан`, `25 қарашада`, `5-желтоқсан`, `28 Қазан 2025`, `31 Қазан, 2022`,
// `5 желтоқсан 2023 жыл`, `5 желт. 2023 ж.`, `1 тамыздан 30 қыркүйекке дейін`
bool Parser::day_month(std::size_t i, Parsed& out) const {
  Num r;
  if (number(i, r) && r.range && r.a >= 1 && r.b <= 31 && r.a < r.b)  // a range, or nothing
    return day_range(i, a_.known ? a_.date.y : 0, out);
  int d = 0, m = 0;
  std::size_t j;
  if (!day_and_month(i, d, m, j) || !valid_date(2000, m, d)) return false;
  out.is_point = true;
  out.point.m = m, out.point.d = d;
  out.rule = "date.day_month";
  out.full_date_text = true;
  const Hit* mh = w_[j - 1].hit(WordClass::month);
  bool month_bare = j - 1 == i || !mh || mh->ending.empty();
  std::size_t k = j + (punct(j, ",") ? 1 : 0);
  int y;
  std::size_t e;
  // `30 марта 2020г.`, `12 ақпан 2018ж.`: the abbreviation written on (read here, one token)
  bool glued = ok(k) && w_[k].num && w_[k].more->digits == 4 && w_[k].fold.size() == 6 &&
               (w_[k].fold.substr(4) == "г" || w_[k].fold.substr(4) == "ж");
  if (month_bare && glued && valid_date(static_cast<int>(w_[k].more->value), m, d)) {
    out.point.y = static_cast<int>(w_[k].more->value), j = k + (punct(k + 1, ".") ? 2 : 1);
    out.rule = "date.day_month_year";
    out.strong = out.year_text = true;
  } else if (month_bare && year_number(k, y, e) && valid_date(y, m, d)) {
    out.point.y = y, j = e;
    out.rule = "date.day_month_year";
    out.strong = out.year_text = true;
    const Hit* yu = hit(j, WordClass::unit);
    if (yu && yu->entry->code == "Y") ++j;
    else j = year_abbr(j);  // `12 ақпан 2018 ж.`, `30 марта 2020 г.`
  }
  out.end = j;
  day_month_range(out);
  return true;
}

// `Шіл 3, 2025`, `Қазан 28, 2025`
bool Parser::month_day_year(std::size_t i, Parsed& out) const {
  int m, d, y;
  std::size_t j, k, e;
  if (!month_word(i, true, m, j) || !day_number(j, d, k) || !w_[j].more->plain || !punct(k, ",") ||
      !year_number(k + 1, y, e) || !w_[k + 1].more->plain || !valid_date(y, m, d))
    return false;
  out.is_point = true;
  out.point = Point{y, m, d, "", 0};
  out.end = e;
  out.rule = "date.month_day_year";
  out.strong = out.full_date_text = out.year_text = true;
  return true;
}

// `желтоқсанның 5-і`, `қаңтардың оны`
bool Parser::month_gen_day(std::size_t i, Parsed& out) const {
  const Hit* h = hit(i, WordClass::month);
  if (!h || h->entry->abbr) return false;
  std::size_t j = i + 1;
  const Hit* ai = hit(j, WordClass::unit);
  if (h->ending.empty() && ai && ai->entry->code == "M" && ai->ending.kase == Case::gen) ++j;  // `желтоқсан айының 5-і`
  else if (h->ending.kase != Case::gen) return false;
  Num n;
  if (!number(j, n) || n.range || n.vague || !n.ending.possessive || n.v < 1 || n.v > 31) return false;
  if (!valid_date(2000, h->entry->ival, static_cast<int>(n.v))) return false;
  out.is_point = true;
  out.point.m = h->entry->ival, out.point.d = static_cast<int>(n.v);
  out.end = n.end;
  out.rule = "date.month_gen_day";
  Num n2;  // `шілденің 14-і мен 23-і аралығында` -> XXXX-07-14/XXXX-07-23; `қарашаның 1-інен 15-іне дейін`
  bool from_to = n.ending.kase == Case::abl && number(n.end, n2) && n2.ending.kase == Case::dat &&
                 post_is(n2.end, "until");
  if (a_.news && (from_to || (and_word(n.end) && number(n.end + 1, n2))) && !n2.range && n2.ending.possessive &&
      n2.v > n.v && valid_date(2000, h->entry->ival, static_cast<int>(n2.v))) {
    int y = a_.known ? a_.date.y : 0;
    out.literal = range_literal(Point{y, out.point.m, out.point.d, "", 0},
                                Point{y, out.point.m, static_cast<int>(n2.v), "", 0});
    out.is_point = false;
    out.end = from_to ? n2.end + 1 : n2.end;
    out.rule = "date.month_gen_day_range";
  }
  out.full_date_text = true;
  return true;
}

// Months sharing one head noun (guidelines v2: one span): `қаңтар-наурыз айларының`,
// `мамыр, маусым және шілде айларында` -> 2021-01/2021-03, from the first month to the last, in
// `year` (0: the document's year, else XXXX).
bool Parser::month_list(std::size_t i, int year, Parsed& out) const {
  if (!a_.news || !ok(i) || w_[i].kind != text::TokenKind::word) return false;  // KazNERD splits them
  if (w_[i].more->pair_cased) return cased_pair(i, year, out);
  int first = w_[i].more->pair_first, last = w_[i].more->pair_last;  // one token: `қаңтар-наурыз`
  std::size_t k = i + 1;
  if (!first) {
    auto bare = [&](std::size_t j) {
      const Hit* h = hit(j, WordClass::month);
      return h && !h->entry->abbr && h->ending.empty() ? h->entry->ival : 0;
    };
    first = last = bare(i);
    if (!first) return false;
    int n = 0;
    k = list_items(i, true, [&](std::size_t j) { int m = bare(j); return m ? (last = m, true) : false; }, n);
    if (n < 2) return false;
  }
  const Hit* ai = hit(k, WordClass::unit);
  if (!ai || ai->entry->code != "M" || !ai->ending.plural || last <= first) return false;
  month_range(first, last, year, k + 1, out);
  return true;
}

// A range of months, first to last, in `year` (0: the document's year, else XXXX), to `end`.
void Parser::month_range(int first, int last, int year, std::size_t end, Parsed& out) const {
  int y = year ? year : a_.known ? a_.date.y : 0;
  out = Parsed();
  out.literal = range_literal(Point{y, first, 0, "", 0}, Point{y, last, 0, "", 0});
  out.end = end;
  out.rule = "date.month_list";
}

// The month a part of a hyphenated token is (`қаңтар` of `қаңтар-наурыз`), bare or (`cased`) in
// the locative or ablative; 0 if none.
int Parser::month_part(std::string_view s, bool cased) const {
  std::vector<Hit> hits;
  t_.lookup(s, hits);
  for (const Hit& h : hits)
    if (h.entry->cls == WordClass::month && !h.entry->abbr && !h.ending.possessive && !h.ending.plural &&
        (cased ? h.ending.kase == Case::loc || h.ending.kase == Case::abl : h.ending.empty()))
      return h.entry->ival;
  return 0;
}

// `қаңтар-қыркүйекте` ("in January-September", written news): a month pair in one token with the
// case on the second month (words.cpp, pair_cased) -> 2025-01/2025-09.
bool Parser::cased_pair(std::size_t i, int year, Parsed& out) const {
  int first = w_[i].more->pair_first, last = w_[i].more->pair_last;
  if (last <= first) return false;
  month_range(first, last, year, i + 1, out);
  return true;
}

// `биылғы желтоқсан айында`, `былтыр қараша айында`, `Биыл 26 қыркүйекте`: a month or a day in
// the year `offset` from the document's (guidelines v2: one span).
// Undated, the month is still known: `биыл тамыз айында` -> XXXX-08 (the news gold), and a year
// written earlier in the text fills it in (anaphora.cpp).
bool Parser::month_of_year(std::size_t i, int offset, Parsed& out) const {
  if (month_list(i, a_.known ? a_.date.y + offset : 0, out)) return true;
  Parsed p;
  if (!day_month(i, p) || p.rule != "date.day_month") {
    p = Parsed();
    if (!month_alone(i, p) && !month_gen_day(i, p) && !season(i, nullptr, p)) return false;
  }
  out = p;
  if (out.point.season.empty()) out.rule = "date.year_month";  // `Былтыр көктемнен` stays date.season
  out.relative = true;
  out.unresolved = false;
  out.point.y = a_.known ? a_.date.y + offset : 0;
  return true;
}

bool Parser::month_alone(std::size_t i, Parsed& out) const {
  const Hit* h = hit(i, WordClass::month);
  if (!h || h->entry->abbr) return false;
  const Hit* ai = hit(i + 1, WordClass::unit);
  bool aiy = ai && ai->entry->code == "M" && ai->ending.possessive;  // `шілде айында`
  const Hit* part = hit(i + 1, WordClass::part);
  bool with_part = part && part->ending.possessive;  // `қыркүйектің аяғынан бері`, `тамыздың басынан`
  // A capitalised `Мамыр`, `Наурыз` (a name, the holiday) is the month with a part of it
  // (`Мамырдың ортасында`); with a case ending alone (`Мамырда` opening a sentence) it only
  // gives the model's DATE span its value.
  bool capital = h->entry->capital && w_[i].upper_initial && !h->entry->strict;
  bool cased = capital && !h->ending.possessive && !h->ending.plural &&
               (h->ending.kase == Case::loc || h->ending.kase == Case::abl || h->ending.kase == Case::dat);
  bool strict = h->entry->strict || (capital && !(with_part && h->ending.kase == Case::gen) && !cased);
  if (strict && !aiy) return false;
  out.value_only = cased && !aiy;
  if (!aiy && !with_part && h->ending.kase == Case::gen && !h->ending.possessive) return false;  // `наурыздың` + noun
  if (!aiy && h->ending.empty()) return false;  // a bare month name is a date only with a number
  out.is_point = true;
  out.point.m = h->entry->ival;
  out.end = aiy ? i + 2 : i + 1;
  out.rule = "date.month";
  return true;
}

// `өткен жұма, сенбі, жексенбі күндері`, `Жұма мен сенбіде`: weekdays sharing one head noun or
// one ending (written news), no value. The list settles an ambiguous `Жұма`.
bool Parser::weekday_list(std::size_t i, Parsed& out) const {
  const Hit* h = hit(i, WordClass::weekday);
  if (!a_.news || !h || !h->ending.empty()) return false;
  int n = 0;
  bool cased = false;  // the last item carries the case: nothing follows it
  std::size_t k = list_items(i, false, [&](std::size_t j) {
    const Hit* x = hit(j, WordClass::weekday);
    if (!x || cased) return false;
    cased = x->ending.kase != Case::none && !x->ending.possessive;
    return x->ending.empty() || cased;
  }, n);
  const Hit* days = hit(k, WordClass::unit);
  if (n < 2 || (!cased && !(days && days->entry->code == "D" && days->ending.plural))) return false;
  out.end = cased ? k : k + 1;
  out.rule = "date.weekday_list";
  out.unresolved = true;
  return true;
}

bool Parser::weekday(std::size_t i, const Hit* mod, Parsed& out) const {
  const Hit* h = hit(i, WordClass::weekday);
  if (a_.news && ok(i) && w_[i].more->weekday_pair) {  // `дүйсенбі-жұма күндері` (written news): no value
    const Hit* days = hit(i + 1, WordClass::unit);
    out.end = days && days->entry->code == "D" && days->ending.plural ? i + 2 : i + 1;
    out.rule = "date.weekday_list";
    out.unresolved = true;
    return true;
  }
  if (!h) return false;
  if (weekday_list(i, out)) return true;
  const Hit* kun = hit(i + 1, WordClass::unit);
  bool kuni = kun && kun->entry->code == "D" && kun->ending.possessive;
  if (h->entry->strict && !mod && !kuni &&
      (h->ending.empty() || h->ending.kase == Case::acc || h->ending.kase == Case::ins))
    return false;
  out.end = i + 1;
  out.rule = "date.weekday";
  if (mod && mod->entry->code == "that") return true;
  out.relative = true;
  if (!a_.known) { out.unresolved = true; return true; }
  int diff = h->entry->ival - dates::weekday(a_.date);  // -6..6
  int off = mod ? mod->entry->ival : 0;
  if (off > 0) diff = diff <= 0 ? diff + 7 : diff;
  else if (off < 0) diff = diff >= 0 ? diff - 7 : diff;
  else diff = diff > 3 ? diff - 7 : diff < -3 ? diff + 7 : diff;
  Ymd d = add_days(a_.date, diff);
  out.is_point = true;
  out.point = Point{d.y, d.m, d.d, "", 0};
  return true;
}

bool Parser::season(std::size_t i, const Hit* mod, Parsed& out) const {
  if (!mod && season_pair(i, out)) return true;
  const Hit* h = hit(i, WordClass::season);
  if (!h) return false;  // (before the words after it are read)
  // `Қыс мезгілінде`, `қыс маусымына` ("the season of winter")
  bool mezgil = ok(i + 1) && (w_[i + 1].fold.substr(0, 11) == "мезгiл" || w_[i + 1].fold.substr(0, 6) == "mezgil" ||
                              (a_.news && (w_[i + 1].fold.substr(0, 12) == "маусым" || w_[i + 1].fold.substr(0, 6) == "mausym")));
  // `көктем айларында`, `жаз айлары` ("the months of spring", written news): the season.
  const Hit* ai = a_.news && h->ending.empty() ? hit(i + 1, WordClass::unit) : nullptr;
  mezgil = mezgil || (ai && ai->entry->code == "M" && ai->ending.possessive);
  // `қыс бойы`, `жаз бойында` ("all winter long", written news): the season.
  bool during = a_.news && h->ending.empty() && !mezgil && post_is(i + 1, "during");
  // `Қыс қатты болды` ("the winter was harsh"): a bare season only gives the model's span its value.
  out.value_only = h->ending.empty() && !mod && !mezgil && !during;
  // `көктемгі егіс`, `Жазғы демалыс` (spring sowing, the summer holidays): KazNERD tags the adjective
  // DATE, the news gold mostly not; the model's span gets the season's value, no span of its own.
  if (!mod && h->ending.kase == Case::adj && !h->ending.possessive) out.value_only = true;
  out.end = mezgil || during ? i + 2 : i + 1;
  out.rule = "date.season";
  if (mod && mod->entry->code != "rel") return mod->entry->code == "that";
  if (!mod && !a_.known) {  // `жазда` in an undated article: XXXX-SU (guidelines v2)
    out.is_point = true;
    out.point.season = h->entry->code;
    return true;
  }
  out.relative = true;
  if (!a_.known) { out.unresolved = true; return true; }
  out.is_point = true;
  out.point.y = a_.date.y + (mod ? mod->entry->ival : 0);
  out.point.season = h->entry->code;
  return true;
}

// `күзгі-қысқы жылыту кезеңі` -> 2025-FA/2025-WI (the document's year, else XXXX); `қысы-жазы`
// ("winter and summer", all year round) has no value. Written news.
bool Parser::season_pair(std::size_t i, Parsed& out) const {
  if (!a_.news || !ok(i) || !w_[i].more->season_first) return false;
  out.end = i + 1;
  out.rule = "date.season_pair";
  if (w_[i].more->season_ending.kase != Case::adj) return true;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, 0, 0, w_[i].more->season_first->code, 0}, Point{y, 0, 0, w_[i].more->season_last->code, 0});
  return true;
}

// Word i can start one of core()'s patterns without a modifier (their first reads): a number
// (digits or words), a Roman numeral, a month, or two months in one token. The modifiers, units,
// parts and postpositions that reach core() skip those thirteen patterns at once.
bool Parser::dated_start(std::size_t i) const {
  if (!ok(i)) return false;
  const Word& w = w_[i];
  Num n;
  return w.num || w.more->roman || w.more->pair_first || w.more->pair_cased || hit(i, WordClass::month) || number(i, n);
}

bool Parser::core(std::size_t i, const Hit* mod, Parsed& out) const {
  // `біздің заманымызға дейінгі VIII ғасыр` ("before our era"): BC07.
  if (!mod && ok(i + 3) && w_[i].fold == "бiздiң" && w_[i + 1].fold.substr(0, 18) == "заманымыз" &&
      (w_[i + 2].fold == "дейiн" || w_[i + 2].fold == "дейiнгi") && century(i + 3, out) &&
      out.rule == "date.century") {
    out.literal = "BC" + out.literal;
    out.rule = "date.century_bc";
    return true;
  }
  Parsed best, p;
  auto take = [&](bool found) {
    if (found && p.end > best.end) std::swap(best, p);  // p is reset next: no copy
    reset(p);
  };
  if (!mod && dated_start(i)) {  // each of these reads a number, a month or a numeral at i first
    take(numeric_date(i, p));
    take(day_month(i, p));
    take(day_list(i, p));
    take(day_from_to(i, p));
    take(glued_month_range(i, p));
    // These five read a month at i first (month_list also two in one token): at a number, most
    // of the words here, they are not tried. A pattern that fails is never taken: the same best.
    const bool month = hit(i, WordClass::month) != nullptr;
    if (month) {
      take(month_day_year(i, p));
      take(month_gen_day(i, p));
      take(month_alone(i, p));
    }
    if (month || w_[i].more->pair_first || w_[i].more->pair_cased) take(month_list(i, 0, p));
    if (month) take(month_from_to(i, p));
    take(century(i, p));
    take(bracketed_years(i, p));
    take(year_list(i, p));
  }
  if (mod && mod->entry->code == "rel" && a_.news) take(month_of_year(i, mod->entry->ival, p));
  take(year_phrase(i, mod, p));
  // These three read a reading of the word at i first (a weekday, a season, a unit), or two
  // weekdays or seasons in one token: not tried at a word without (a number in digits).
  const bool readings = ok(i) && !w_[i].more->hits.empty();
  if (readings || (ok(i) && w_[i].more->weekday_pair)) take(weekday(i, mod, p));
  if (readings || (ok(i) && w_[i].more->season_first)) take(season(i, mod, p));
  if (readings) take(unit_alone(i, mod, p));
  if (best.end == 0) return false;
  out = std::move(best);
  return true;
}

bool Parser::date(std::size_t i, Parsed& out) const {
  if (!ok(i)) return false;
  const Hit* mod = hit(i, WordClass::modifier);
  std::size_t j = mod ? i + 1 : i;
  if (!core(j, mod, out)) {
    if (!mod || !core(i, nullptr, out)) return false;
  }
  tail(out);
  night_before(out);
  return true;
}

// `25 қыркүйекке қараған түні` ("the night towards the 25th", written news): a TIME, the night of
// the day before (`2025-09-24TNI`).
void Parser::night_before(Parsed& out) const {
  const Hit* m = out.end > 0 ? hit(out.end - 1, WordClass::month) : nullptr;
  if (!a_.news || !out.is_point || !out.point.d || !m || m->ending.kase != Case::dat || !ok(out.end + 1) ||
      w_[out.end].fold != "қараған" || w_[out.end + 1].fold.substr(0, 6) != "түн")
    return;
  int y = out.point.y ? out.point.y : a_.known ? a_.date.y : 0;
  // Without a year a common year does for the arithmetic (1 March - 1 day = 28 February).
  Ymd d = add_days(Ymd{y ? y : 2001, out.point.m, out.point.d}, -1);
  out.literal = format_point(Point{y, d.m, d.d, "", 0}) + "TNI";
  out.is_point = false;
  out.type = SpanType::TIME;
  out.rule = "time.night_before";
  out.end += 2;
}

}  // namespace belgi::dates::detail
