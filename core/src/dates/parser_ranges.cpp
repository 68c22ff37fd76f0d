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
  auto day = [&](std::size_t j) { return ok(j) && w_[j].plain && w_[j].value >= 1 && w_[j].value <= 31 && w_[j].digits <= 2; };
  if (!a_.news || !day(i)) return false;
  int n = 0, m;
  std::size_t k = list_items(i, false, day, n), e;
  if (n < 2 || !month_word(k, true, m, e)) return false;
  int first = static_cast<int>(w_[i].value), last = static_cast<int>(w_[k - 1].value);
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
  const Hit* days = hit(to.end, WordClass::unit);
  bool range_days = dashed && days && days->entry->code == "D" && days->ending.plural && days->ending.possessive;
  if (!post_is(to.end, until ? "until" : "about") && !range_days) return;
  std::size_t end = to.end + 1;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, out.point.m, out.point.d, "", 0}, Point{y, to.point.m, to.point.d, "", 0});
  out.is_point = false;
  out.end = end;
  out.rule = "date.day_month_range";
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

}  // namespace belgi::dates::detail
