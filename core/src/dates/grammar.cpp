#include "dates/grammar.h"

#include <cstdio>
#include <cstdlib>

#include "dates/anaphora.h"
#include "dates/parser.h"

namespace belgi::dates {

namespace {

using detail::Parsed;
using detail::Parser;
using detail::Point;

std::string value_of(const Parsed& p, const Anchor& a) {
  if (p.unresolved) return "";
  if (!p.is_point) return p.literal;
  Point pt = p.point;
  if (!pt.y && a.known && (pt.m || !pt.season.empty())) pt.y = a.date.y;  // the article's year
  return format_point(pt);
}

// The weekday a weekday match names (`дүйсенбі`, `дүйсенбі күні`), 0 if it names none.
int weekday_named(const Words& w, const Match& m) {
  const Hit* h = m.rule == "date.weekday" ? w[m.first].hit(WordClass::weekday) : nullptr;
  return h ? h->entry->ival : 0;
}

// `Жұма, 22 Қараша 2024`: a weekday and a comma before a written date belong to it (any weekday,
// also the ambiguous Жұма: the date settles it), also when the weekday was a match of its own
// (`дүйсенбі, 5 мамыр күні`, written news: KazNERD cuts them apart). After the date
// (`5 мамыр, дүйсенбі күні`) the weekday stays a span but is that day when it names the date's
// weekday, not the one nearest the document date.
void join_weekday(const Words& w, bool news, std::vector<Match>& ms) {
  std::vector<bool> drop(ms.size(), false);
  for (std::size_t k = 0; k < ms.size(); ++k) {
    Match& m = ms[k];
    if (!m.full_date) continue;
    if (k + 1 < ms.size() && m.last < w.size() && w[m.last].fold == "," && ms[k + 1].first == m.last + 1 &&
        weekday_named(w, ms[k + 1]) == weekday(m.day))
      ms[k + 1].value = format_ymd(m.day);
    if (m.first < 2 || w[m.first - 1].fold != ",") continue;
    if (!w[m.first - 2].hit(WordClass::weekday)) continue;
    bool own = news && k > 0 && ms[k - 1].first == m.first - 2 && ms[k - 1].last == m.first - 1 &&
               weekday_named(w, ms[k - 1]);
    bool taken = false;
    for (const Match& o : ms) taken = taken || (o.first <= m.first - 2 && o.last > m.first - 2);
    if (taken && !own) continue;
    if (own) drop[k - 1] = true;
    m.first -= 2;
    m.rule = "date.weekday_date";
  }
  std::size_t n = 0;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    if (drop[k]) continue;
    if (n != k) ms[n] = std::move(ms[k]);  // not onto itself: a self-move empties the strings
    ++n;
  }
  ms.resize(n);
}

// A clock time or part of day right after (or before) a written date takes that date:
// `05.12.2023 | 17:20` -> 2023-12-05T17:20, `31 Қазан, 2022 сағат 14:31`, `бүгін түнде`.
void join_time(const Words& w, std::vector<Match>& ms) {
  auto separators_only = [&](std::size_t a, std::size_t b) {
    if (b < a || b - a > 1) return false;
    for (std::size_t k = a; k < b; ++k)
      if (w[k].kind != text::TokenKind::punct && w[k].kind != text::TokenKind::symbol) return false;
    return true;
  };
  for (std::size_t k = 0; k < ms.size(); ++k) {
    Match& t = ms[k];
    if (!t.joinable_time || t.value.empty() || t.value.find('T') == std::string::npos) continue;
    const Match* d = nullptr;
    if (k > 0 && ms[k - 1].value.size() == 10 && separators_only(ms[k - 1].last, t.first)) d = &ms[k - 1];
    else if (k + 1 < ms.size() && ms[k + 1].full_date && t.value[0] == 'T' && t.value.size() == 6 &&
             separators_only(t.last, ms[k + 1].first))
      d = &ms[k + 1];
    // (an anaphoric date's value is not yet its own: `Келесі күні таңертең`, anaphora.cpp joins it)
    if (!d || d->type != SpanType::DATE || d->value.size() != 10 || d->value[0] == 'X' || d->anaphoric) continue;
    t.value = d->value + t.value;  // `2023-12-05T17:20`, `2025-10-24TNI`
  }
}

// The case ending of a word: on a number (`15.03.2025-тен`) or its first reading (`қаңтардан`).
Case case_of(const Word& w) {
  if (w.num) return w.more->rest_ending ? w.more->ending.kase : Case::none;
  return w.more->hits.empty() ? Case::none : w.more->hits[0].ending.kase;
}

bool post_role(const Words& w, std::size_t k, std::string_view role) {
  const Hit* p = k < w.size() ? w[k].hit(WordClass::post) : nullptr;
  return p && p->entry->code == role;
}

// a (a day from: ablative, or `бастап` after it; or bare before `мен`) and b (a day until, with
// `дейін`; or with `аралығында`) as one match in a; false if they are no range.
bool join_days(const Words& w, Match& a, const Match& b) {
  if (a.last >= w.size() || b.last < 2 || !day_value(a.value) || !day_value(b.value) || a.anaphoric ||
      b.anaphoric || (a.value[0] == 'X') != (b.value[0] == 'X') || a.value.compare(b.value) >= 0)
    return false;
  Case ca = case_of(w[a.last - 1]);
  std::size_t gap = b.first - a.last;  // `бастап`, `мен` between them
  bool from = ca == Case::abl && case_of(w[b.last - 2]) == Case::dat && post_role(w, b.last - 1, "until") &&
              (gap == 0 || (gap == 1 && post_role(w, a.last, "from")));
  const std::string_view f = w[a.last].fold;
  bool between = ca == Case::none && gap == 1 && (f == "мен" || f == "бен" || f == "пен") &&
                 post_role(w, b.last - 1, "about");
  if (!from && !between) return false;
  a.value += "/" + b.value;
  a.last = b.last;
  a.rule = "date.day_month_range";
  a.full_date = false;
  a.strong = a.strong && b.strong;  // two numeric dates stay a DATE whatever the model says
  return true;
}

// Written news: two written days as one range, `2024 жылғы 1 қаңтардан 2025 жылғы 31
// желтоқсанға дейін`, `1 қаңтардан бастап 31 наурызға дейін`, `15.03.2025 мен 15.04.2025
// аралығында` -> 2024-01-01/2025-12-31 (the day patterns read one date each).
void join_day_range(const Words& w, std::vector<Match>& ms) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    if (n > 0 && join_days(w, ms[n - 1], ms[k])) continue;
    if (n != k) ms[n] = std::move(ms[k]);
    ++n;
  }
  ms.resize(n);
}

}  // namespace

bool agenda_day(std::string_view day, std::string_view next) {
  static const std::string_view kAgenda = "тәртiб";  // folded: і is i
  return day == "күн" && next.substr(0, kAgenda.size()) == kAgenda;
}

std::string school_year(const Ymd& date, int offset) {
  int start = (date.m >= 6 ? date.y : date.y - 1) + offset;
  return std::to_string(start) + "/" + std::to_string(start + 1);
}

bool expand_template(const std::string& tmpl, const Anchor& anchor, std::string& out) {
  out.clear();
  std::size_t open = tmpl.find('{');
  if (open == std::string::npos) { out = tmpl; return true; }
  std::size_t close = tmpl.find('}', open);
  if (!anchor.known || close == std::string::npos) return false;
  std::string spec = tmpl.substr(open + 1, close - open - 1);  // "D-1", "SY+0"
  std::size_t sign = spec.find_first_of("+-");
  if (sign == std::string::npos) return false;
  std::string unit = spec.substr(0, sign);
  int n = std::atoi(spec.c_str() + sign + 1) * (spec[sign] == '-' ? -1 : 1);
  std::string v;
  const Ymd& a = anchor.date;
  if (unit == "D") v = format_ymd(add_days(a, n));
  else if (unit == "W") { int y, w; iso_week(add_days(a, 7L * n), y, w); char b[16]; std::snprintf(b, sizeof b, "%04d-W%02d", y, w); v = b; }
  else if (unit == "M") { Ymd b = add_months(a, n); v = format_ym(b.y, b.m); }
  else if (unit == "Y") v = format_year(a.y + n);
  else if (unit == "SY") v = school_year(a, n);
  else return false;
  out = tmpl.substr(0, open) + v + tmpl.substr(close + 1);
  return true;
}

std::vector<Match> find_matches(const Words& words, std::size_t first,
                                std::size_t last, const Tables& tables, const Anchor& anchor) {
  std::vector<Match> out;
  Parser parser(words, first, last, tables, anchor);
  for (std::size_t i = first; i < last;) {
    // Most words start no pattern (Word::inert): skipped here, before a Parsed is made and
    // Parser::best is called for them (it asks the same first).
    if (words[i].inert) { ++i; continue; }
    Parsed p;
    if (!parser.best(i, p)) { ++i; continue; }
    Match m;
    m.first = i, m.last = p.end;
    m.type = p.type;
    m.value = value_of(p, anchor);
    m.rule = p.rule;
    m.strong = p.strong;
    m.joinable_time = p.joinable_time;
    m.value_only = p.value_only;
    m.anaphoric = p.anaphoric;
    m.day_offset = p.day_offset;
    if (p.is_point && p.point.d && p.point.m && (p.point.y || anchor.known) && p.full_date_text &&
        !p.unresolved) {
      m.full_date = true;
      m.has_year = p.year_text;
      m.day = Ymd{p.point.y ? p.point.y : anchor.date.y, p.point.m, p.point.d};
    }
    out.push_back(std::move(m));
    i = p.end;
  }
  join_weekday(words, anchor.news, out);
  if (anchor.news) join_day_range(words, out);
  join_time(words, out);
  return out;
}

}  // namespace belgi::dates
