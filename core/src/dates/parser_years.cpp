// Years: `2008 жылы`, their ranges, decades, school years, relative years, what follows a year in
// the genitive (`2023 жылғы 5 желтоқсанда`) and centuries.
#include "dates/parser.h"

#include <cstdio>

namespace belgi::dates::detail {

// After `2023 жылғы`/`2024 жылдың`: a day and month, a month, a season or `month's N-і`.
bool Parser::year_continuation(std::size_t j, Parsed& out) const {
  if (first_months(j, out) || year_half(j, out)) return true;
  Parsed p;
  // `2025 жылдың үшінші тоқсанында` -> 2025-Q3 (written news; relative.tsv `rel.quarterN`)
  if (a_.news && out.point.y && phrase(j, p) && p.rule.size() == 12 && p.rule.compare(0, 11, "rel.quarter") == 0) {
    out.literal = format_year(out.point.y) + "-Q" + p.rule[11], out.is_point = false, out.end = p.end;
    out.rule = "date.year_quarter";
    return true;
  }
  reset(p);
  if ((out.point.y || out.unresolved) && month_list(j, out.point.y, p)) {
    out.literal = p.literal, out.is_point = false, out.end = p.end, out.rule = p.rule;
    return true;
  }
  if (day_range(j, out.point.y, p)) {  // `2023 жылғы 5-6 желтоқсанда`
    out.literal = p.literal, out.is_point = false, out.end = p.end;
    out.rule = "date.year_day_range";
    out.full_date_text = true;
    return true;
  }
  p = Parsed();
  if (day_month(j, p) && p.rule == "date.day_month_range") {  // `2023 жылдың 28 қыркүйегі мен 8 қазаны аралығында`
    std::string y = format_year(out.point.y);
    out.literal = y + p.literal.substr(4, 7) + y + p.literal.substr(15);
    out.is_point = false, out.end = p.end, out.rule = p.rule;
    return out.point.y != 0;
  }
  p = Parsed();
  if (day_month(j, p) || month_gen_day(j, p)) {
    out.point.m = p.point.m, out.point.d = p.point.d, out.end = p.end;
    out.full_date_text = true;
    out.rule = "date.year_day_month";
    return true;
  }
  int m;
  std::size_t e;
  const Hit* mh = hit(j, WordClass::month);
  if (mh && !mh->entry->abbr && month_word(j, true, m, e)) {
    out.point.m = m, out.end = e;
    const Hit* ai = hit(e, WordClass::unit);
    if (ai && ai->entry->code == "M" && ai->ending.possessive) out.end = e + 1;  // `шілде айында`
    out.rule = "date.year_month";
    return true;
  }
  const Hit* s = hit(j, WordClass::season);
  // `2024 жылдың күзінде`; written news also `2010 жылғы жазда`, `2010 жылы көктемде` (as months)
  bool cased = a_.news && s && !s->ending.plural && (s->ending.kase == Case::loc || s->ending.kase == Case::abl);
  if (s && (s->ending.possessive || cased)) {
    out.point.season = s->entry->code, out.end = j + 1;
    out.rule = "date.year_season";
    return true;
  }
  return false;
}

// After `2024 жылдың`, `осы жылдың`: `алғашқы үш айында`, `алты айында` -> 2024-01/2024-03, the
// first months of that year.
bool Parser::first_months(std::size_t j, Parsed& out) const {
  if (!out.is_point || !out.point.y || out.point.m) return false;
  std::size_t q = j;
  const Hit* first = hit(q, WordClass::modifier);
  if (first && first->entry->code == "first") ++q;
  Num n;
  if (!number(q, n) || n.range || n.vague || n.ordinal || !n.ending.empty() || n.v < 1 || n.v > 12 ||
      n.v != static_cast<long>(n.v))
    return false;
  const Hit* am = hit(n.end, WordClass::unit);
  if (!am || am->entry->code != "M" || !am->ending.possessive || am->ending.plural) return false;
  int y = out.point.y;
  out.literal = format_ym(y, 1) + "/" + format_ym(y, static_cast<int>(n.v));
  out.is_point = false;
  out.end = n.end + 1;
  out.rule = "date.first_months";
  return true;
}

// After `2024 жылдың`, `осы жылдың`: `бірінші жартысында`, `екінші жартысынан` -> 2024-H1, 2024-H2
// (written news).
bool Parser::year_half(std::size_t j, Parsed& out) const {
  if (!a_.news || !out.is_point || !out.point.y || out.point.m) return false;
  int half = 0;
  std::size_t k = j + 1;
  const Hit* first = hit(j, WordClass::modifier);
  Num n;
  if (first && first->entry->code == "first") half = 1;
  else if (number(j, n) && n.ordinal && (n.v == 1 || n.v == 2)) half = static_cast<int>(n.v), k = n.end;
  const Hit* h = half ? hit(k, WordClass::number) : nullptr;
  if (!h || h->entry->code != "half" || !h->ending.possessive) return false;
  out.literal = format_year(out.point.y) + (half == 1 ? "-H1" : "-H2");
  out.is_point = false;
  out.end = k + 1;
  out.rule = "date.year_half";
  return true;
}

// The number of a year phrase: `2008`, `2020-2025`, `екі мың он жетінші`, or the number of
// `90-жылдары` with the unit written on.
bool Parser::year_count(std::size_t i, Num& n) const {
  if (number(i, n) && !n.vague) return true;
  if (!w_[i].num || !w_[i].rest_hit(WordClass::unit)) return false;
  n = Num();
  n.v = static_cast<double>(w_[i].more->value), n.digits = true, n.ndigits = w_[i].more->digits, n.end = i + 1;
  return true;
}

// `2017-де`, `15-те` (the model's DATE spans): a number with a case ending and nothing after it.
// Values only: a number alone is no span.
bool Parser::bare_year_number(std::size_t i, const Num& n) const {
  return n.digits && !n.range && !n.ordinal && n.ending.kase != Case::none && !n.ending.possessive &&
         w_[i].more->hour < 0 && w_[i].more->dot_hour < 0 && !w_[i].more->is_date && !n.ending.plural &&
         !hit(n.end, WordClass::unit) && !unit_adj(n.end) && !punct(n.end, "ж");
}

// ... a year (`2017-де`) or an age (`15-те`).
bool Parser::year_number_value(const Num& n, Parsed& out) const {
  long v = static_cast<long>(n.v);
  out.end = n.end;
  out.value_only = true;
  if (n.ndigits == 4 && v >= 1900 && v <= 2100) {
    out.is_point = true, out.point.y = static_cast<int>(v), out.rule = "date.year_number";
    return true;
  }
  if (n.ndigits <= 2 && v >= 1 && v <= 99 && n.ending.kase == Case::loc) {
    out.literal = "P" + std::to_string(v) + "Y", out.rule = "date.age_number";
    return true;
  }
  return false;
}

// The head of a year phrase after its number or modifier at j: `жылы`, `оқу жылы`, `жаңа оқу
// жылы`, the unit on the number (`2018-жылы`) or the abbreviation `ж.`.
bool Parser::year_head(std::size_t i, std::size_t j, bool have_num, const Num& n, YearHead& h) const {
  std::size_t k = j;
  if (hit(k, WordClass::modifier) && hit(k, WordClass::modifier)->entry->code == "new" &&
      ok(k + 1) && w_[k + 1].fold == "оқу") ++k;
  if (ok(k) && (w_[k].fold == "оқу" || w_[k].fold == "oqu")) h.school = true, ++k;
  const Hit* u = hit(k, WordClass::unit);
  bool year_word = u && u->entry->code == "Y";
  const Hit* inner = ok(i) ? w_[i].rest_hit(WordClass::unit) : nullptr;
  // `90-жылдары`, `2018-жылы`: the unit inside the number token.
  if (!year_word && have_num && n.digits && !n.range && inner && inner->entry->code == "Y" &&
      !inner->entry->adjective && !h.school) {
    u = inner, year_word = true, k = i;
  }
  h.abbr = !year_word && have_num && !h.school && year_abbr_at(k);
  if (!year_word && !h.abbr) return false;
  h.end = h.abbr ? year_abbr(k) : k + 1;
  h.ending = year_word ? u->ending : Ending();
  return true;
}

// `2020-2025 жылдары`, `1931-33 жылдары`, `2025–2026 оқу жылы` -> 2020/2025
bool Parser::year_range(Num n, bool school, Parsed& out) const {
  if (n.a >= 1000 && n.b < 100 && n.b > n.a % 100) n.b += n.a / 100 * 100;  // `1931-33 жылдары`
  if (n.a < 1000 || n.b > 2999 || n.b <= n.a || n.b - n.a > 100) return false;
  out.literal = std::to_string(n.a) + "/" + std::to_string(n.b);
  out.rule = school ? "date.school_year_range" : "date.year_range";
  out.year_text = out.strong = true;
  return true;
}

// `жаңа оқу жылында`, `биылғы оқу жылы`: the school year of the document date.
bool Parser::school_year_phrase(const Hit* mod, Parsed& out) const {
  if (!mod || !mod->entry->school) return false;  // `оқу жылын бастайды` alone is not dated
  // `жаңа оқу жылы` is a date only relative to the article's date; written news tags it anyway.
  if (!a_.known && !a_.news) return false;
  if (mod->entry->code == "that" || mod->entry->code == "last") return false;
  out.rule = "date.school_year";
  out.relative = true;
  if (!a_.known) out.unresolved = true;
  else out.literal = school_year(a_.date, mod->entry->ival);
  return true;
}

// A counted year: `2008 жылы` -> 2008, `90-жылдары`, `1990 жылдары` (a decade) -> 199. `decade`
// says which it was (a decade takes nothing after it).
bool Parser::counted_year(const Num& n, const YearHead& h, Parsed& out, bool& decade) const {
  // A year in words is ordinal (`екі мың он жетінші жылы`); `мың жыл` is a thousand years
  // (`5 мың жыл бұрын`), no year 1000.
  if (!n.digits && !n.ordinal) return false;
  long v = static_cast<long>(n.v);
  decade = h.ending.plural && v % 10 == 0 && ((v >= 10 && v <= 90) || (v >= 1000 && v <= 2990));
  if (decade) {
    out.literal = std::to_string(v >= 1000 ? v / 10 : 190 + v / 10);
    out.rule = "date.decade";
    return true;
  }
  if (v < 1000 || v > 2999 || n.v != v || h.school) return false;
  out.is_point = true;
  out.point.y = static_cast<int>(v);
  out.rule = "date.year";
  out.year_text = true;
  return true;
}

// `2008 жылы`, `2023 ж.`, `2018-інші жылы`, `2020-2025 жылдары`, `2025–2026 оқу жылы`,
// `90-жылдары`, `өткен жылы`, `биылғы оқу жылы`, then optionally a month/day/season.
bool Parser::year_phrase(std::size_t i, const Hit* mod, Parsed& out) const {
  if (!ok(i)) return false;
  Num n;
  bool have_num = !mod && year_count(i, n);
  if (have_num && bare_year_number(i, n)) return year_number_value(n, out);
  YearHead h;
  if (!year_head(i, have_num ? n.end : i, have_num, n, h)) return false;
  out.end = h.end;
  if (have_num && n.range) return year_range(n, h.school, out);
  if (have_num) {
    bool decade;
    if (!counted_year(n, h, out, decade)) return false;
    if (decade || year_until(h, out)) return true;
  } else if (h.school) {
    return school_year_phrase(mod, out);
  } else if (!mod && a_.news && a_.known && h.ending.kase == Case::gen && !h.ending.plural && !h.ending.possessive) {
    // `Жылдың алғашқы екі айында` (of the year: the document's): only with what follows (not `оқу
    // жылының`, the school year's).
    out.is_point = true, out.point.y = a_.date.y;
    return first_months(h.end, out) || year_half(h.end, out);
  } else if (mod && mod->entry->code == "rel" && !h.ending.plural) {
    out.rule = "date.relative_year";
    relative_point("Y", mod->entry->ival, out);
  } else {
    return false;
  }
  year_join(h, have_num, out);
  return true;
}

// Years sharing one head noun (guidelines v2: one span): `2019, 2021 жылдары`, `2016 және 2020
// жылдардағы`, `2019, 2021 жж.` -> 2019/2021, from the first year to the last (as month lists).
bool Parser::year_list(std::size_t i, Parsed& out) const {
  auto year = [&](std::size_t j) {
    return ok(j) && w_[j].num && w_[j].more->plain && w_[j].more->digits == 4 && w_[j].more->value >= 1000 && w_[j].more->value <= 2999;
  };
  if (!a_.news || !year(i)) return false;  // KazNERD cuts them apart
  int n = 0;
  std::size_t k = list_items(i, false, year, n);
  const Hit* u = hit(k, WordClass::unit);
  bool head = (u && u->entry->code == "Y" && u->ending.plural) || punct(k, "жж");
  long a = w_[i].more->value, b = w_[k - 1].more->value;
  bool decades = true;  // `1990, 2000 жылдары` are decades (the 1990s and 2000s), not a list of years
  for (std::size_t j = i; j < k; j += 2) decades = decades && w_[j].more->value % 10 == 0;
  if (n < 2 || !head || b <= a || decades) return false;
  out.literal = std::to_string(a) + "/" + std::to_string(b);
  out.end = punct(k, "жж") ? year_abbr(k) : k + 1;
  out.rule = "date.year_list";
  out.year_text = out.strong = true;
  return true;
}

// After `2020 жылдан`: `2023 жылға дейін` -> 2020/2023, one span (written news).
bool Parser::year_until(const YearHead& h, Parsed& out) const {
  Num n;
  YearHead to;
  if (!a_.news || h.ending.kase != Case::abl || !out.is_point || !number(h.end, n) || !n.digits || n.range ||
      n.ndigits != 4 || !year_head(h.end, n.end, true, n, to) || to.school || to.ending.kase != Case::dat ||
      !post_is(to.end, "until") || n.v <= out.point.y || n.v > 2999)
    return false;
  out.literal = std::to_string(out.point.y) + "/" + std::to_string(static_cast<long>(n.v));
  out.is_point = false;
  out.end = to.end + 1;
  out.rule = "date.year_range";
  return true;
}

// `(1911-1913)`, `(1845–1904)`: years in brackets after a name, a lifespan or a period (written
// news; a bare range elsewhere may be an amount: `1000-1500 адам`).
bool Parser::bracketed_years(std::size_t i, Parsed& out) const {
  if (!a_.news || i <= lo_ || !punct(i - 1, "(") || !punct(i + 1, ")") || !w_[i].num || w_[i].more->range_a < 1000 ||
      w_[i].more->digits != 4)
    return false;
  long a = w_[i].more->range_a, b = w_[i].more->range_b;
  if (b > 2100 || b <= a || b - a > 120) return false;
  out.literal = std::to_string(a) + "/" + std::to_string(b);
  out.end = i + 1;
  out.rule = "date.year_range";
  return true;
}

// What follows a year: `2025 жылы 6 қыркүйекте`, `2022 жылғы қыркүйекте`; a relative year only in
// the genitive (`өткен жылдың қазанында`; KazNERD splits `өткен жылы | 5 қарашада`).
void Parser::year_join(const YearHead& h, bool have_num, Parsed& out) const {
  const Ending& e = h.ending;
  Parsed c = out;
  // `2018 ж. 12 ақпан`, `2018 ж., 12 ақпанда`, `2018 жылы, 12 ақпанда`: one date in two parts
  if (a_.news && have_num && (h.abbr || punct(h.end, ","))) {
    std::size_t j = h.end + (punct(h.end, ",") ? 1 : 0);
    if (year_continuation(j, c) && c.full_date_text) out = c;
    return;
  }
  // Written news: `өткен жылы қыркүйекте` is one date, as `2005 жылы тамызда`.
  bool joins = have_num || a_.news ? (e.kase == Case::gen || e.kase == Case::adj || (e.possessive && e.kase == Case::none))
                                   : e.kase == Case::gen;
  if (!joins) return;
  // `2021 жылы қыркүйекте` stays two spans (KazNERD); `2025 жылы 6 қыркүйекте` is one.
  bool month_only_ok = e.kase == Case::gen || e.kase == Case::adj || a_.news;
  if (!year_continuation(h.end, c) || (!month_only_ok && !c.full_date_text)) return;
  if (!have_num && !a_.known) {  // undated, the month is known: XXXX-09
    c.unresolved = false;
    c.is_point = c.literal.empty();
  }
  out = c;
}

// `XXI ғасыр` -> 20, `ХХ ғасырдың басында` -> 19; written news also an ordinal, `жиырма бірінші
// ғасырда`, `21-ғасырдың` (the model's spans had no value)
bool Parser::century(std::size_t i, Parsed& out) const {
  if (!ok(i)) return false;
  int n = w_[i].more->roman;
  std::size_t k = i + 1;  // the unit
  Num o;
  if (!n && a_.news && number(i, o) && o.ordinal && !o.range && !o.vague && o.v >= 1 && o.v <= 21 &&
      o.ending.kase == Case::none && !o.ending.possessive)
    n = static_cast<int>(o.v), k = o.end;
  const Hit* u = hit(k, WordClass::unit);
  if (w_[i].num && w_[i].rest_hit(WordClass::unit) && w_[i].more->value >= 1 && w_[i].more->value <= 21 && a_.news)
    u = w_[i].rest_hit(WordClass::unit), n = static_cast<int>(w_[i].more->value), k = i;  // `21-ғасырдың`
  if (n && w_[i].more->roman && punct(i + 1, "ғ")) {  // `XXI ғ.`
    char b[16];
    std::snprintf(b, sizeof b, "%02d", n - 1);
    out.literal = b, out.end = i + (punct(i + 2, ".") ? 3 : 2), out.rule = "date.century";
    return true;
  }
  if (!n || !u || u->entry->code != "CE" || u->entry->adjective) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n - 1);
  out.literal = buf;
  out.end = k + 1;
  out.rule = "date.century";
  out.period = true;
  if (u->ending.kase == Case::gen) century_decade(k + 1, n, out);  // `ХХ ғасырдың 90-жылдары`
  return true;
}

// After `ХХ ғасырдың`, `Өткен ғасырдың` (century n): `90-жылдары` -> 199, one span in written news.
bool Parser::century_decade(std::size_t j, int n, Parsed& out) const {
  Parsed d;
  if (!a_.news || !year_phrase(j, nullptr, d) || d.rule != "date.decade" || d.literal.size() != 3 ||
      d.literal[0] != '1' || d.literal[1] != '9')  // a two-digit decade (`90-жылдары`) reads as 199
    return false;
  out.literal = std::to_string((n - 1) * 10 + (d.literal[2] - '0'));
  out.end = d.end;
  out.rule = "date.century_decade";
  out.period = true;  // takes a part: `30-жылдарының басында`
  out.is_point = false;
  return true;
}


}  // namespace belgi::dates::detail
