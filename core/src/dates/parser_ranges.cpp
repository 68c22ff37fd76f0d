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
  Parsed to;
  if ((!until && !between) || !day_month(out.end + (between ? 1 : 0), to) || to.rule != "date.day_month" ||
      !post_is(to.end, until ? "until" : "about"))
    return;
  int y = a_.known ? a_.date.y : 0;
  out.literal = range_literal(Point{y, out.point.m, out.point.d, "", 0}, Point{y, to.point.m, to.point.d, "", 0});
  out.is_point = false;
  out.end = to.end;
  out.rule = "date.day_month_range";
}

}  // namespace belgi::dates::detail
