// Ranges and lists of days: `5-6 желтоқсанда`, `14, 15, 16 қазанда`, `1 тамыздан 30 қыркүйекке
// дейін` (the rest of the calendar dates: parser_dates.cpp).
#include "dates/parser.h"

namespace belgi::dates::detail {

// `5-6 желтоқсанда`, `2 – 7 ақпан аралығында` -> XXXX-12-05/XXXX-12-06, in `year` (0: unknown).
bool Parser::day_range(std::size_t i, int year, Parsed& out) const {
  Num r;
  int m;
  std::size_t e;
  if (!number(i, r) || !r.range || r.a < 1 || r.b > 31 || r.a >= r.b) return false;
  if (!month_word(r.end, true, m, e) || !valid_date(2000, m, static_cast<int>(r.b))) return false;
  out.rule = "date.day_range";
  out.end = e;
  out.literal = range_literal(Point{year, m, static_cast<int>(r.a), "", 0}, Point{year, m, static_cast<int>(r.b), "", 0});
  return true;
}

// `14, 15, 16 қазанда`, `5 және 6 наурызда`: days sharing one month (written news: one span),
// from the first day to the last -> XXXX-10-14/XXXX-10-16.
bool Parser::day_list(std::size_t i, Parsed& out) const {
  auto day = [&](std::size_t j) { return ok(j) && w_[j].more->plain && w_[j].more->value >= 1 && w_[j].more->value <= 31 && w_[j].more->digits <= 2; };
  if (!a_.news || !day(i)) return false;
  int n = 0, m;
  std::size_t k = list_items(i, false, day, n), e;
  if (n < 2 || !month_word(k, true, m, e)) return false;
  int first = static_cast<int>(w_[i].more->value), last = static_cast<int>(w_[k - 1].more->value);
  if (last <= first || !valid_date(2000, m, last)) return false;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, m, first, "", 0}, Point{y, m, last, "", 0});
  out.end = e;
  out.rule = "date.day_list";
  return true;
}

// `1 тамыздан 30 қыркүйекке дейін`, `28 қыркүйек пен 8 қазан аралығында` -> XXXX-08-01/XXXX-09-30
// (written news)
void Parser::day_month_range(Parsed& out) const {
  const Hit* from = w_[out.end - 1].hit(WordClass::month);
  if (!a_.news || out.rule != "date.day_month" || !from) return;
  bool until = from->ending.kase == Case::abl;
  bool between = from->ending.kase == Case::none && and_word(out.end);
  // `30 маусым – 1 шілде аралығында`, `30 маусым - 2 шілде күндері`: a dash between two days of
  // different months, then what a range takes (`аралығында`, `күндері`)
  bool dashed = from->ending.kase == Case::none && from->ending.empty() && dash(out.end);
  Parsed to;
  if ((!until && !between && !dashed) || !day_month(out.end + (until ? 0 : 1), to) || to.rule != "date.day_month")
    return;
  bool closed = dashed && range_closed(to.end);  // `28 ақпан - 2 наурызда`: its own case ending
  if (!post_is(to.end, until ? "until" : "about") && !range_days(to.end) && !closed) return;
  std::size_t end = closed ? to.end : to.end + 1;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, out.point.m, out.point.d, "", 0}, Point{y, to.point.m, to.point.d, "", 0});
  out.is_point = false;
  out.end = end;
  out.rule = "date.day_month_range";
}

// What ends a day range across months after its second month (the word before j): `күндері`
// (at j), a locative on the month (`2 наурызда`).
bool Parser::range_days(std::size_t j) const {
  const Hit* days = hit(j, WordClass::unit);
  return days && days->entry->code == "D" && days->ending.plural && days->ending.possessive;
}

bool Parser::range_closed(std::size_t j) const {
  const Hit* m = ok(j - 1) ? w_[j - 1].hit(WordClass::month) : nullptr;
  return m && !m->ending.possessive && !m->ending.plural && m->ending.kase == Case::loc;
}

// `30 маусым-1 шілде аралығында`, `28 ақпан-2 наурызда` (written news): a range across months with
// the dash written without spaces, so that the first month and the second day are one token.
bool Parser::glued_month_range(std::size_t i, Parsed& out) const {
  int d1 = 0, m1 = 0, m2 = 0;
  std::size_t k, e;
  if (!a_.news || !day_number(i, d1, k) || !w_[i].more->plain || !ok(k) || w_[k].kind != text::TokenKind::word) return false;
  std::string_view f = w_[k].fold;
  std::size_t hy = f.rfind('-');
  if (hy == std::string_view::npos || hy == 0 || hy + 1 == f.size() || f.size() - hy > 3) return false;
  int d2 = 0;
  for (char c : f.substr(hy + 1)) {
    if (c < '0' || c > '9') return false;
    d2 = d2 * 10 + (c - '0');
  }
  m1 = month_part(f.substr(0, hy), false);
  if (!m1 || !month_word(k + 1, true, m2, e) || m2 == m1 || !valid_date(2000, m1, d1) || !valid_date(2000, m2, d2))
    return false;
  bool closed = range_closed(e);
  if (!closed && !post_is(e, "about") && !range_days(e)) return false;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, m1, d1, "", 0}, Point{y, m2, d2, "", 0});
  out.end = closed ? e : e + 1;
  out.rule = "date.day_month_range";
  return true;
}

// `5-тен 6 наурызға дейін` (written news): a day from, a day and month until -> XXXX-03-05/XXXX-03-06.
bool Parser::day_from_to(std::size_t i, Parsed& out) const {
  Num n;
  if (!a_.news || !number(i, n) || !n.digits || n.range || n.ending.kase != Case::abl || n.ending.possessive ||
      n.v < 1 || n.v > 31)
    return false;
  Parsed to;
  const Hit* m = day_month(n.end, to) && to.rule == "date.day_month" ? w_[to.end - 1].hit(WordClass::month) : nullptr;
  if (!m || m->ending.kase != Case::dat || !post_is(to.end, "until") || to.point.d <= n.v) return false;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, to.point.m, static_cast<int>(n.v), "", 0}, Point{y, to.point.m, to.point.d, "", 0});
  out.end = to.end + 1;
  out.rule = "date.day_range";
  return true;
}

// A month in a case at i, `наурыздан` or `наурыз айынан` (the month word and its ending then on
// `ай`): its number, 0 if none; `end` is the word after it.
int Parser::month_in_case(std::size_t i, Case kase, std::size_t& end) const {
  const Hit* h = hit(i, WordClass::month);
  if (!h || h->entry->abbr || h->ending.possessive || h->ending.plural) return 0;
  const Hit* ai = h->ending.empty() ? hit(i + 1, WordClass::unit) : nullptr;
  if (ai && ai->entry->code == "M" && ai->ending.possessive && !ai->ending.plural && ai->ending.kase == kase) {
    end = i + 2;
    return h->entry->ival;
  }
  if (h->ending.kase != kase || h->entry->strict) return 0;  // `Қазаннан` is the city
  end = i + 1;
  return h->entry->ival;
}

// `Наурыздан мамырға дейін`, `наурыз айынан мамыр айына дейін` (written news) -> 2025-03/2025-05.
bool Parser::month_from_to(std::size_t i, Parsed& out) const {
  std::size_t k, e;
  int m1 = a_.news ? month_in_case(i, Case::abl, k) : 0;
  int m2 = m1 ? month_in_case(k, Case::dat, e) : 0;
  if (!m2 || m2 <= m1 || !post_is(e, "until")) return false;
  month_range(m1, m2, 0, e + 1, out);
  return true;
}

}  // namespace belgi::dates::detail
