// Calendar dates: numeric dates, day and month, years and their ranges, months, weekdays,
// seasons, relative units, centuries.
#include "dates/parser.h"

#include <cstdio>

namespace belgi::dates::detail {

// ---- date cores ------------------------------------------------------------------------------

bool Parser::numeric_date(std::size_t i, Parsed& out) const {
  if (!ok(i) || !w_[i].is_date) return false;
  out.end = i + 1;
  out.is_point = true;
  out.point = Point{w_[i].date.y, w_[i].date.m, w_[i].date.d, "", 0};
  out.rule = "date.numeric";
  out.strong = out.full_date_text = out.year_text = true;
  out.end = year_abbr(i + 1);  // `05.12.2023 ж.`, `05.12.2023 г.`
  if (w_[i].glued_abbr && punct(i + 1, ".")) out.end = i + 2;  // `31.01.2023ж.`
  return true;
}

// `5 желтоқсан`, `25 қарашада`, `5-желтоқсан`, `28 Қазан 2025`, `31 Қазан, 2022`,
// `5 желтоқсан 2023 жыл`, `5 желт. 2023 ж.`
bool Parser::day_month(std::size_t i, Parsed& out) const {
  int d = 0, m = 0;
  std::size_t j;
  Num r;
  if (number(i, r) && r.range && r.a >= 1 && r.b <= 31 && r.a < r.b) {  // `5-6 желтоқсанда`, `2 – 7 ақпан`
    int m;
    std::size_t e;
    if (!month_word(r.end, true, m, e) || !valid_date(2000, m, static_cast<int>(r.b))) return false;
    out.rule = "date.day_range";
    out.end = e;
    if (!a_.known) {
      char b[40];
      std::snprintf(b, sizeof b, "XXXX-%02d-%02ld/XXXX-%02d-%02ld", m, r.a, m, r.b);
      out.literal = b;
    } else {
      out.literal = format_ymd(Ymd{a_.date.y, m, static_cast<int>(r.a)}) + "/" +
                    format_ymd(Ymd{a_.date.y, m, static_cast<int>(r.b)});
    }
    return true;
  }
  const Hit* rm = ok(i) ? w_[i].rest_hit(WordClass::month) : nullptr;
  if (rm && !rm->entry->abbr && w_[i].value >= 1 && w_[i].value <= 31 && w_[i].digits <= 2) {
    d = static_cast<int>(w_[i].value), m = rm->entry->ival, j = i + 1;
  } else {
    std::size_t k;
    if (!day_number(i, d, k) || !month_word(k, true, m, j)) return false;
    Num dn;
    number(i, dn);
    if (!dn.ending.empty() && !dn.ending.ordinal) return false;  // `оны қазанның` ("it" + ...)
    const Hit* mh0 = w_[k].hit(WordClass::month);
    if (mh0 && mh0->entry->strict && (mh0->ending.possessive || dn.ordinal)) return false;  // `екінші маусымда` (season)
  }
  if (!valid_date(2000, m, d)) return false;
  out.is_point = true;
  out.point.m = m, out.point.d = d;
  out.rule = "date.day_month";
  out.full_date_text = true;
  const Hit* mh = w_[j - 1].hit(WordClass::month);
  bool month_bare = j - 1 == i || !mh || mh->ending.empty();
  std::size_t k = j + (punct(j, ",") ? 1 : 0);
  int y;
  std::size_t e;
  if (month_bare && year_number(k, y, e) && valid_date(y, m, d)) {
    out.point.y = y, j = e;
    out.rule = "date.day_month_year";
    out.strong = out.year_text = true;
    const Hit* yu = hit(j, WordClass::unit);
    if (yu && yu->entry->code == "Y") ++j;
    else j = year_abbr(j);  // `12 ақпан 2018 ж.`, `30 марта 2020 г.`
  }
  out.end = j;
  // `1 тамыздан 30 қыркүйекке дейін` -> XXXX-08-01/XXXX-09-30
  const Hit* from = w_[j - 1].hit(WordClass::month);
  Parsed to;
  if (a_.news && out.rule == "date.day_month" && from && from->ending.kase == Case::abl && day_month(j, to) &&
      to.rule == "date.day_month" && hit(to.end, WordClass::post) &&
      hit(to.end, WordClass::post)->entry->code == "until") {
    int y = a_.known ? a_.date.y : 0;
    out.literal = format_point(Point{y, out.point.m, out.point.d, "", 0}) + "/" +
                  format_point(Point{y, to.point.m, to.point.d, "", 0});
    out.is_point = false;
    out.end = to.end;
    out.rule = "date.day_month_range";
  }
  return true;
}

// `Шіл 3, 2025`, `Қазан 28, 2025`
bool Parser::month_day_year(std::size_t i, Parsed& out) const {
  int m, d, y;
  std::size_t j, k, e;
  if (!month_word(i, true, m, j) || !day_number(j, d, k) || !w_[j].plain || !punct(k, ",") ||
      !year_number(k + 1, y, e) || !w_[k + 1].plain || !valid_date(y, m, d))
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
  Num n2;  // `маусымның 15-і мен 25-і аралығында` -> XXXX-06-15/XXXX-06-25
  if (a_.news && ok(n.end) && w_[n.end].fold == "мен" && number(n.end + 1, n2) && !n2.range && n2.ending.possessive &&
      n2.v > n.v && valid_date(2000, h->entry->ival, static_cast<int>(n2.v))) {
    int y = a_.known ? a_.date.y : 0;
    out.literal = format_point(Point{y, out.point.m, out.point.d, "", 0}) + "/" +
                  format_point(Point{y, out.point.m, static_cast<int>(n2.v), "", 0});
    out.is_point = false;
    out.end = n2.end;
    out.rule = "date.month_gen_day_range";
  }
  out.full_date_text = true;
  return true;
}

// After `2023 жылғы`/`2024 жылдың`: a day and month, a month, a season or `month's N-і`.
bool Parser::year_continuation(std::size_t j, Parsed& out) const {
  if (first_months(j, out)) return true;
  Parsed p;
  if ((out.point.y || out.unresolved) && month_list(j, out.point.y, p)) {
    out.literal = p.literal, out.is_point = false, out.end = p.end, out.rule = p.rule;
    return true;
  }
  if (day_month(j, p) && p.rule == "date.day_range") {  // `2023 жылғы 5-6 желтоқсанда`
    std::string y = format_year(out.point.y);
    std::size_t slash = p.literal.find('/');
    out.literal = y + p.literal.substr(4, slash - 4) + "/" + y + p.literal.substr(slash + 5);
    out.is_point = false;
    out.end = p.end;
    out.rule = "date.year_day_range";
    out.full_date_text = true;
    return true;
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
  if (s && s->ending.possessive) {
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

// `2008 жылы`, `2023 ж.`, `2018-інші жылы`, `2020-2025 жылдары`, `2025–2026 оқу жылы`,
// `90-жылдары`, `өткен жылы`, `биылғы оқу жылы`, then optionally a month/day/season.
bool Parser::year_phrase(std::size_t i, const Hit* mod, Parsed& out) const {
  if (!ok(i)) return false;
  Num n;
  std::size_t j = i;
  bool have_num = !mod && number(i, n) && !n.vague;
  if (!mod && !have_num && w_[i].num && w_[i].rest_hit(WordClass::unit)) {  // `90-жылдары`
    n = Num();
    n.v = static_cast<double>(w_[i].value), n.digits = true, n.ndigits = w_[i].digits, n.end = i + 1;
    have_num = true;
  }
  if (have_num) j = n.end;
  // `2017-де` (the model's DATE span): a year; `15-те` an age. Values only: a number alone is no span.
  if (have_num && n.digits && !n.range && !n.ordinal && n.ending.kase != Case::none && !n.ending.possessive &&
      w_[i].hour < 0 && w_[i].dot_hour < 0 && !w_[i].is_date &&
      !n.ending.plural && !hit(n.end, WordClass::unit) && !unit_adj(n.end) && !punct(n.end, "ж")) {
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
  bool school = false;
  std::size_t k = j;
  if (hit(k, WordClass::modifier) && hit(k, WordClass::modifier)->entry->code == "new" &&
      ok(k + 1) && w_[k + 1].fold == "оқу") ++k;
  if (ok(k) && (w_[k].fold == "оқу" || w_[k].fold == "oqu")) school = true, ++k;
  const Hit* u = hit(k, WordClass::unit);
  bool year_word = u && u->entry->code == "Y";
  // `90-жылдары`, `2018-жылы`: the unit inside the number token.
  if (!year_word && have_num && n.digits && !n.range && ok(i) && w_[i].rest_hit(WordClass::unit) &&
      w_[i].rest_hit(WordClass::unit)->entry->code == "Y" && !w_[i].rest_hit(WordClass::unit)->entry->adjective &&
      !school) {
    u = w_[i].rest_hit(WordClass::unit);
    year_word = true;
    k = i;
  }
  bool abbr = !year_word && have_num && !school && (punct(k, "ж") || punct(k, "жж") || punct(k, "г"));
  if (!year_word && !abbr) return false;
  std::size_t end = abbr ? k + (punct(k + 1, ".") ? 2 : 1) : k + 1;
  Ending e = year_word ? u->ending : Ending();
  out.end = end;
  if (have_num && n.range) {
    if (n.a >= 1000 && n.b < 100 && n.b > n.a % 100) n.b += n.a / 100 * 100;  // `1931-33 жылдары`
    if (n.a < 1000 || n.b > 2999 || n.b <= n.a || n.b - n.a > 100) return false;
    out.literal = std::to_string(n.a) + "/" + std::to_string(n.b);
    out.rule = school ? "date.school_year_range" : "date.year_range";
    out.year_text = out.strong = true;
    return true;
  }
  if (have_num) {
    long v = static_cast<long>(n.v);
    bool decade = e.plural && v % 10 == 0 && ((v >= 10 && v <= 90) || (v >= 1000 && v <= 2990));
    if (decade) {
      out.literal = std::to_string(v >= 1000 ? v / 10 : 190 + v / 10);
      out.rule = "date.decade";
      return true;
    }
    if (v < 1000 || v > 2999 || n.v != v || school) return false;
    out.is_point = true;
    out.point.y = static_cast<int>(v);
    out.rule = "date.year";
    out.year_text = true;
  } else if (school) {
    if (!mod || !mod->entry->school) return false;  // `оқу жылын бастайды` alone is not dated
    // `жаңа оқу жылы` is a date only relative to the article's date; written news tags it anyway.
    if (!a_.known && !a_.news) return false;
    int off = mod ? mod->entry->ival : 0;
    if (mod && (mod->entry->code == "that" || mod->entry->code == "last")) return false;
    out.rule = "date.school_year";
    out.relative = true;
    if (!a_.known) out.unresolved = true;
    else out.literal = school_year(a_.date, off);
    return true;
  } else if (mod && mod->entry->code == "rel" && !e.plural) {
    out.rule = "date.relative_year";
    relative_point("Y", mod->entry->ival, out);
  } else {
    return false;
  }
  // `2025 жылы 6 қыркүйекте`, `2022 жылғы қыркүйекте`; a relative year only in the genitive
  // (`өткен жылдың қазанында`; KazNERD splits `өткен жылы | 5 қарашада`).
  bool joins = have_num ? (e.kase == Case::gen || e.kase == Case::adj || (e.possessive && e.kase == Case::none))
                        : e.kase == Case::gen || (a_.news && e.kase == Case::adj);
  if (a_.news && have_num && abbr && !n.range) {  // `2018 ж. 12 ақпан`: one date in two parts (guidelines v2)
    Parsed c = out;
    if (year_continuation(end, c) && c.full_date_text) out = c;
    return true;
  }
  if (joins) {
    Parsed c = out;
    // `2021 жылы қыркүйекте` stays two spans (KazNERD); `2025 жылы 6 қыркүйекте` is one.
    bool month_only_ok = e.kase == Case::gen || e.kase == Case::adj || a_.news;
    if (year_continuation(end, c) && (month_only_ok || c.full_date_text)) out = c;
  }
  return true;
}

// The month a bare word names (`қаңтар`), 0 if none.
int Parser::month_in(std::string_view f) const {
  std::vector<Hit> hits;
  t_.lookup(f, hits);
  for (const Hit& h : hits)
    if (h.entry->cls == WordClass::month && !h.entry->abbr && h.ending.empty()) return h.entry->ival;
  return 0;
}

// Months sharing one head noun (guidelines v2: one span): `қаңтар-наурыз айларының`,
// `мамыр, маусым және шілде айларында` -> 2021-01/2021-03, from the first month to the last, in
// `year` (0: the document's year, else XXXX).
bool Parser::month_list(std::size_t i, int year, Parsed& out) const {
  if (!a_.news || !ok(i) || w_[i].kind != text::TokenKind::word) return false;  // KazNERD splits them
  int first = 0, last = 0;
  std::size_t k = i;
  std::string_view f = w_[i].fold;
  std::size_t hyphen = f.find('-');
  if (hyphen != std::string_view::npos) {  // one token: `қаңтар-наурыз`
    first = month_in(f.substr(0, hyphen)), last = month_in(f.substr(hyphen + 1));
    if (!first || !last) return false;
    k = i + 1;
  } else {
    const Hit* h = hit(i, WordClass::month);
    if (!h || h->entry->abbr || !h->ending.empty()) return false;
    first = last = h->entry->ival;
    k = i + 1;
    int n = 1;
    while (ok(k + 1) && (punct(k, ",") || w_[k].fold == "және" || w_[k].fold == "мен" || w_[k].fold == "jäne" ||
                         dash(k))) {
      const Hit* m = hit(k + 1, WordClass::month);
      if (!m || m->entry->abbr || !m->ending.empty()) break;
      last = m->entry->ival, k += 2, ++n;
    }
    if (n < 2) return false;
  }
  const Hit* ai = hit(k, WordClass::unit);
  if (!ai || ai->entry->code != "M" || !ai->ending.plural || last <= first) return false;
  int y = year ? year : a_.known ? a_.date.y : 0;
  out = Parsed();
  out.literal = format_point(Point{y, first, 0, "", 0}) + "/" + format_point(Point{y, last, 0, "", 0});
  out.end = k + 1;
  out.rule = "date.month_list";
  return true;
}

// `биылғы желтоқсан айында`, `былтыр қараша айында`, `Биыл 26 қыркүйекте`: a month or a day in
// the year `offset` from the document's (guidelines v2: one span).
bool Parser::month_of_year(std::size_t i, int offset, Parsed& out) const {
  if (month_list(i, a_.known ? a_.date.y + offset : 0, out)) {
    out.unresolved = !a_.known;
    return true;
  }
  Parsed p;
  if (!day_month(i, p) || p.rule != "date.day_month") {
    p = Parsed();
    if (!month_alone(i, p) && !month_gen_day(i, p)) return false;
  }
  out = p;
  out.rule = "date.year_month";
  out.relative = true;
  if (!a_.known) out.unresolved = true;
  else out.point.y = a_.date.y + offset;
  return true;
}

bool Parser::month_alone(std::size_t i, Parsed& out) const {
  const Hit* h = hit(i, WordClass::month);
  if (!h || h->entry->abbr) return false;
  const Hit* ai = hit(i + 1, WordClass::unit);
  bool aiy = ai && ai->entry->code == "M" && ai->ending.possessive;  // `шілде айында`
  bool strict = h->entry->strict || (h->entry->capital && w_[i].upper_initial);
  if (strict && !aiy) return false;
  const Hit* part = hit(i + 1, WordClass::part);
  bool with_part = part && part->ending.possessive;  // `қыркүйектің аяғынан бері`, `тамыздың басынан`
  if (!aiy && !with_part && h->ending.kase == Case::gen && !h->ending.possessive) return false;  // `наурыздың` + noun
  if (!aiy && h->ending.empty()) return false;  // a bare month name is a date only with a number
  out.is_point = true;
  out.point.m = h->entry->ival;
  out.end = aiy ? i + 2 : i + 1;
  out.rule = "date.month";
  return true;
}

bool Parser::weekday(std::size_t i, const Hit* mod, Parsed& out) const {
  const Hit* h = hit(i, WordClass::weekday);
  if (!h) return false;
  const Hit* kun = hit(i + 1, WordClass::unit);
  bool kuni = kun && kun->entry->code == "D" && kun->ending.possessive;
  if (h->entry->strict && !mod && !kuni &&
      (h->ending.empty() || h->ending.kase == Case::acc || h->ending.kase == Case::ins))
    return false;
  out.end = i + 1;
  out.rule = "date.weekday";
  // `өткен жұма, сенбі, жексенбі күндері`: weekdays sharing one head noun (written news), no value.
  if (a_.news && h->ending.empty()) {
    std::size_t k = i + 1;
    int n = 1;
    while (ok(k + 1) && (punct(k, ",") || w_[k].fold == "және" || w_[k].fold == "мен")) {
      const Hit* x = hit(k + 1, WordClass::weekday);
      if (!x || !x->ending.empty()) break;
      k += 2, ++n;
    }
    const Hit* days = hit(k, WordClass::unit);
    if (n > 1 && days && days->entry->code == "D" && days->ending.plural) {
      out.end = k + 1;
      out.rule = "date.weekday_list";
      out.unresolved = true;
      return true;
    }
  }
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
  const Hit* h = hit(i, WordClass::season);
  // `Қыс мезгілінде` ("the season of winter")
  bool mezgil = ok(i + 1) && (w_[i + 1].fold.substr(0, 11) == "мезгiл" || w_[i + 1].fold.substr(0, 6) == "mezgil");
  if (!h || (h->ending.empty() && !mod && !mezgil)) return false;
  if (!mod && h->ending.kase == Case::adj && !h->ending.possessive) return false;  // `көктемгі егіс`
  out.end = mezgil ? i + 2 : i + 1;
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

// `өткен айда`, `келесі аптада`, `осы айдың соңында`, `жыл басынан бері`, `соңғы айларда`
bool Parser::unit_alone(std::size_t i, const Hit* mod, Parsed& out) const {
  const Hit* u = hit(i, WordClass::unit);
  if (!u || u->entry->code == "AGE") return false;
  // `алғашқы сағаттарда`, `соңғы минуттарда`: TIME, no value (written news)
  if (is_clock_unit(u->entry->code)) {
    if (!a_.news || !mod || (mod->entry->code != "first" && mod->entry->code != "last") || !u->ending.plural)
      return false;
    out.end = i + 1, out.type = SpanType::TIME, out.rule = "time.relative_unit";
    return true;
  }
  const std::string& unit = u->entry->code;
  out.end = i + 1;
  out.rule = "date.relative_unit";
  const Hit* part = hit(i + 1, WordClass::part);
  bool has_part = part && part->ending.possessive;
  if (!mod) {
    if (!has_part || u->ending.plural) return false;
    relative_point(unit, 0, out);
    return true;
  }
  // `Өткен ғасырдың 30-жылдарының басында` -> 193: the century before the document's (before the
  // 21st when undated: the news-train articles are 2013-2026).
  if (unit == "CE" && mod->entry->code == "rel" && u->ending.kase == Case::gen && !u->ending.plural) {
    int year = a_.known ? a_.date.y : 2001;
    Parsed c;
    if (century_decade(i + 1, (year - 1) / 100 + 1 + mod->entry->ival, c)) {
      out = c;
      return true;
    }
  }
  const std::string& role = mod->entry->code;
  if (role == "last") return u->ending.plural;  // `соңғы айларда` (no value)
  if (role == "first") {  // `алғашқы жылдарында`, `алғашқы күнінде` (no value): written news only
    out.value_only = !a_.news;
    return u->ending.plural || u->ending.possessive;
  }
  if (role == "that" && unit == "Y" && !u->ending.plural) {  // `Сол жылы`, `Бұл жыл`: the year last written out
    out.rule = "date.that_year";
    out.unresolved = true;
    out.value_only = !a_.news;
    return true;
  }
  if (role == "that") {  // `сол күні`, `Бұл күні`: the day last written out (rules.cpp)
    if (unit != "D" || u->ending.plural || !u->ending.possessive) return false;
    out.rule = "date.that_day";
    out.anaphoric = true;
    out.unresolved = true;
    out.value_only = !a_.news;  // KazNERD leaves `Бұл күні` untagged
    return true;
  }
  if (role == "each") return false;  // `әр күнге` is not tagged; `әр жыл сайын` goes by сайын
  if (role != "rel" || u->ending.plural) return false;
  relative_point(unit, mod->entry->ival, out);
  if (unit == "D" && u->ending.possessive) {  // `Келесі күні`: the day after the one last written out
    out.rule = "date.next_day";
    out.anaphoric = true;
    out.day_offset = mod->entry->ival;
  }
  return true;
}

// `XXI ғасыр` -> 20, `ХХ ғасырдың басында` -> 19
bool Parser::century(std::size_t i, Parsed& out) const {
  if (!ok(i)) return false;
  int n = w_[i].roman;
  const Hit* u = hit(i + 1, WordClass::unit);
  if (n && punct(i + 1, "ғ")) {  // `XXI ғ.`
    char b[16];
    std::snprintf(b, sizeof b, "%02d", n - 1);
    out.literal = b, out.end = i + (punct(i + 2, ".") ? 3 : 2), out.rule = "date.century";
    return true;
  }
  if (!n || !u || u->entry->code != "CE") return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n - 1);
  out.literal = buf;
  out.end = i + 2;
  out.rule = "date.century";
  out.period = true;
  if (u->ending.kase == Case::gen) century_decade(i + 2, n, out);  // `ХХ ғасырдың 90-жылдары`
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
    if (found && p.end > best.end) best = p;
    p = Parsed();
  };
  if (!mod) {
    take(numeric_date(i, p));
    take(day_month(i, p));
    take(month_day_year(i, p));
    take(month_gen_day(i, p));
    take(month_alone(i, p));
    take(month_list(i, 0, p));
    take(century(i, p));
  }
  if (mod && mod->entry->code == "rel" && a_.news) take(month_of_year(i, mod->entry->ival, p));
  take(year_phrase(i, mod, p));
  take(weekday(i, mod, p));
  take(season(i, mod, p));
  take(unit_alone(i, mod, p));
  if (best.end == 0) return false;
  out = best;
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
  return true;
}

}  // namespace belgi::dates::detail
