// Clock times: `17:20`, `сағат 10.00-де`, `таңғы 8-де`, and their ranges (`10:00-ден 18:00-ге
// дейін`, `10.00-12.00 аралығында`); moved from parser_times.cpp, which was at its size limit.
#include "dates/parser.h"

#include <cstdio>
#include <string_view>

namespace belgi::dates::detail {

// ---- clock times --------------------------------------------------------------------------------

// `10:30да`, `18.45те` (written news): a clock with its ending written on without a hyphen
// (words.cpp reads an ending only after one); `sep` is ':' or '.'.
bool Parser::glued_clock(std::size_t j, char sep, int& h, int& m, Ending& e) const {
  if (!a_.news || !ok(j) || !w_[j].num || w_[j].more->plain || w_[j].more->hour >= 0 || w_[j].more->dot_hour >= 0) return false;
  std::string_view f = w_[j].fold;
  std::size_t n = static_cast<std::size_t>(w_[j].more->digits);
  auto digit = [&](std::size_t k) { return k < f.size() && f[k] >= '0' && f[k] <= '9'; };
  if (n > 2 || f.size() < n + 4 || f[n] != sep || !digit(n + 1) || !digit(n + 2) ||
      static_cast<unsigned char>(f[n + 3]) < 0x80 || !t_.ending(f.substr(n + 3), e) || e.kase == Case::none)
    return false;
  h = static_cast<int>(w_[j].more->value), m = (f[n + 1] - '0') * 10 + (f[n + 2] - '0');
  return h <= 24 && m < 60;
}

bool Parser::clock_at(std::size_t j, int& h, int& m, Ending& e, std::size_t& end) const {
  if (!ok(j) || !w_[j].num) return false;
  if (w_[j].more->hour >= 0) {
    h = w_[j].more->hour, m = w_[j].more->minute, e = w_[j].more->ending, end = j + 1;
    return true;
  }
  if (glued_clock(j, ':', h, m, e)) {
    end = j + 1;
    return true;
  }
  // `17 : 42-де` (KazNERD writes the colon apart)
  if (w_[j].more->plain && w_[j].more->digits <= 2 && w_[j].more->value <= 24 && punct(j + 1, ":") && ok(j + 2) &&
      w_[j + 2].num && w_[j + 2].more->digits == 2 && w_[j + 2].more->value < 60 &&
      (w_[j + 2].more->plain || w_[j + 2].more->rest_ending)) {
    h = static_cast<int>(w_[j].more->value), m = static_cast<int>(w_[j + 2].more->value);
    e = w_[j + 2].more->ending, end = j + 3;
    return true;
  }
  return false;
}

// `сағат 14.25-те ашылып, 16.40-та жабылды`: a dotted clock with an ending at j right
// after another clock reads as one too.
bool Parser::after_clock(std::size_t j) const {
  if (!ok(j) || w_[j].more->dot_hour < 0 || w_[j].more->ending.empty()) return false;
  for (std::size_t k = j; k > lo_ && k + 4 > j; --k)
    if (w_[k - 1].more->hour >= 0 || (w_[k - 1].more->dot_hour >= 0 && k >= 2 && hit(k - 2, WordClass::unit) &&
                                hit(k - 2, WordClass::unit)->entry->code == "H"))
      return true;
  return false;
}

// `10.00-12.00 аралығында`, `09.00-ден`, `9.00-18.00` (written news): a dotted range reads as a
// clock without `сағат` when it runs forward and either says so by what follows (an ending, a
// postposition: `аралығында`, `дейін`) or is on the hour or half hour (`1.25-1.75` is an amount).
bool Parser::dotted_range(std::size_t j) const {
  if (!a_.news || !ok(j) || w_[j].more->dot_hour < 0 || w_[j].more->to_hour < 0 || w_[j].more->to_hour <= w_[j].more->dot_hour) return false;
  if (!w_[j].more->ending.empty() || hit(j + 1, WordClass::post)) return true;
  auto round = [](int m) { return m == 0 || m == 30; };
  // ... and in the day's hours: `2.00-3.00 доллар` is a price.
  return w_[j].more->dot_hour >= 6 && round(w_[j].more->dot_minute) && round(w_[j].more->to_minute);
}

// `15.00-де басталды` (written news): a dotted clock in the locative reads as one without `сағат`
// when it is a daytime hour on a quarter (`бағасы 470.50-де`, `2.75-те` are amounts); so do the
// dative before `дейін` and the ablative before `кейін`, `бастап` (`15.00-ге дейін созылды`), but
// not after another dotted number (`10.00-ден 9.00-ге дейін төмендеді`: amounts, dotted_from_to).
bool Parser::dotted_at(std::size_t j) const {
  if (!a_.news || !ok(j) || w_[j].more->dot_hour < 0 || w_[j].more->to_hour >= 0) return false;
  const Ending& e = w_[j].more->ending;
  bool paired = j > lo_ && ok(j - 1) && w_[j - 1].more->dot_hour >= 0;
  bool cased = e.kase == Case::loc || (!paired && e.kase == Case::dat && post_is(j + 1, "until")) ||
               (e.kase == Case::abl && (post_is(j + 1, "after") || post_is(j + 1, "from")));
  return cased && !e.possessive && !e.plural && w_[j].more->dot_hour >= 6 && w_[j].more->dot_hour <= 23 &&
         w_[j].more->dot_minute % 15 == 0;
}

// `бағасы 10.30-да` ("its price at 10.30"): a dotted number right after a word naming a price or
// a rate is an amount, not a clock without `сағат` (written news), as is the next one
// (`бағасы 12.50-ден 15.00-ге дейін`).
bool Parser::priced(std::size_t j) const {
  return j > lo_ && ok(j - 1) && (price_word(w_[j - 1].fold) || (w_[j - 1].more->dot_hour >= 0 && priced(j - 1)));
}

// `09.00-ден 18.00-ге дейін` (written news): two dotted clocks from j, from and until, forward.
bool Parser::dotted_from_to(std::size_t j) const {
  return a_.news && ok(j + 1) && w_[j].more->dot_hour >= 0 && w_[j].more->to_hour < 0 && w_[j].more->ending.kase == Case::abl &&
         w_[j + 1].more->dot_hour > w_[j].more->dot_hour && w_[j + 1].more->ending.kase == Case::dat && post_is(j + 2, "until");
}

// The clock a time starts with at i: [part of the day] [`сағат`] a clock or an hour.
bool Parser::clock_start(std::size_t i, Clock& c) const {
  // Every reading below starts with a part of the day (one of the word's phrases), `сағат` or a
  // number at i: at any other word (most that reach here) nothing can start, nothing is read.
  if (!ok(i)) return false;
  if (!w_[i].num && w_[i].more->phrases.empty()) {
    const Hit* h = hit(i, WordClass::unit);
    if (!h || h->entry->code != "H") return false;
  }
  std::size_t j = i;
  // A part of the day before the clock (`таңғы`, `кешкі`; parts_of_day.tsv) sets am/pm.
  // ... also an adverb right before `сағат` (`таңертең сағат 8-де`, `кешке сағат 7-де`: written news).
  // ... or right before a written clock (`Кешке 18:00-де`, `таңертең 8.30-да`: written news).
  const Hit* sag = a_.news ? hit(j + 1, WordClass::unit) : nullptr;
  bool before_sagat = (sag && sag->entry->code == "H" && sag->ending.empty()) ||
                      (a_.news && ok(j + 1) && (w_[j + 1].more->hour >= 0 || (w_[j + 1].more->dot_hour >= 0 && !w_[j + 1].more->ending.empty())));
  if (ok(j) && w_[j].kind == text::TokenKind::word && (w_[j].more->adjectival || before_sagat)) {
    for (const Phrase* p : w_[j].more->phrases)
      if (p->words.size() == 1 && p->value.size() == 3 && p->value[0] == 'T') { c.pod = p->value; break; }
    if (!c.pod.empty()) ++j;
  }
  const Hit* u = hit(j, WordClass::unit);
  if (u && u->entry->code == "H" && u->ending.empty() && (!u->entry->abbr || a_.news)) {
    c.sagat = true, ++j;
    if (u->entry->abbr && punct(j, ".")) ++j;  // `сағ. 10.30-да` (written news)
  }
  bool bare = ((after_clock(j) || dotted_range(j) || dotted_from_to(j) || dotted_at(j)) && !priced(j)) ||
              (j > lo_ && dotted_from_to(j - 1) && !priced(j - 1));
  if ((c.sagat || !c.pod.empty() || bare) && ok(j) && w_[j].more->dot_hour >= 0) {  // `сағат 10.00-де`
    c.h = w_[j].more->dot_hour, c.m = w_[j].more->dot_minute, c.e = w_[j].more->ending, c.end = j + 1;
    return true;
  }
  if ((c.sagat || !c.pod.empty()) && glued_clock(j, '.', c.h, c.m, c.e)) {  // `сағат 18.45те`
    c.end = j + 1;
    return true;
  }
  if (clock_at(j, c.h, c.m, c.e, c.end)) return true;
  Num n;
  // `таңғы 5 шамасында` ("at about 5 in the morning"): a bare hour with `шамасында`, written news
  bool about = a_.news && !c.pod.empty() && post_is(j + 1, "about");
  if ((!c.sagat && c.pod.empty()) || !number(j, n) || n.range || n.vague || n.ordinal || n.v > 24 ||
      (!c.sagat && n.ending.empty() && !about) ||  // `түнгі 12 – 1`, `таңертең 2 градус`
      n.v < 0 || n.v != static_cast<long>(n.v) || (n.digits && n.ndigits > 2))
    return false;
  if (n.ending.empty() && (!n.digits || hit(n.end, WordClass::unit)) && !about) return false;  // `сағат 2 сағат`
  // `кешкі сағат 7-лер шамасында` ("at about 7 in the evening"): the plural says "about" (news)
  bool around = about || (a_.news && n.ending.plural && !n.ending.possessive && post_is(n.end, "about"));
  if (!n.ending.empty() && n.ending.kase == Case::none && !around) return false;
  c.h = static_cast<int>(n.v), c.m = 0, c.e = n.ending, c.end = n.end;
  return true;
}

// `17:20`, `сағат 10:00-де`, `сағат 14:31`, `таңғы сағат 8-де`, `кешкі 9-да`, `10:00-ден 18:00-ге дейін`
bool Parser::time(std::size_t i, Parsed& out) const {
  Clock c;
  if (!clock_start(i, c)) return false;
  if ((c.pod == "TEV" || c.pod == "TAF") && c.h < 12) c.h += 12;
  if (c.pod == "TDT" && c.h < 7) c.h += 12;  // `күндіз сағат 2-де` (in the daytime) is 14:00
  if (c.pod == "TNI" && c.h == 12) c.h = 0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", c.h, c.m);
  out.literal = buf;
  out.type = SpanType::TIME;
  out.end = c.end;
  out.rule = "time.clock";
  out.strong = true;
  out.joinable_time = true;
  if (clock_range(c, out) || (c.e.kase == Case::abl && clock_from_to(c, out))) {
    out.rule = "time.clock_range";
    out.joinable_time = false;
    return true;
  }
  const Hit* post = hit(c.end, WordClass::post);
  if (post && (post->entry->code == "until" || post->entry->code == "about" ||
               post->entry->code == "since" || post->entry->code == "after"))
    out.end = c.end + 1;
  return true;
}

// `10.00-12.00`, `10:00 – 12:00` [`дейін`]: the end of a range written with a dash.
bool Parser::clock_range(Clock& c, Parsed& out) const {
  std::size_t end = c.end;
  int h2 = -1, m2 = 0;
  if (ok(end - 1) && w_[end - 1].more->to_hour >= 0) h2 = w_[end - 1].more->to_hour, m2 = w_[end - 1].more->to_minute;
  else if (dash(end) && ok(end + 1) && w_[end + 1].more->hour >= 0 && w_[end + 1].more->to_hour < 0)
    h2 = w_[end + 1].more->hour, m2 = w_[end + 1].more->minute, c.e = w_[end + 1].more->ending, end += 2;
  else if (a_.news && dash(end) && ok(end + 1) && w_[end - 1].more->dot_hour >= 0 && w_[end + 1].more->dot_hour >= 0 &&
           w_[end + 1].more->to_hour < 0 && w_[end + 1].more->dot_hour > w_[end - 1].more->dot_hour)  // `сағат 10.00 – 18.00`
    h2 = w_[end + 1].more->dot_hour, m2 = w_[end + 1].more->dot_minute, c.e = w_[end + 1].more->ending, end += 2;
  else if (a_.news && and_word(end) && ok(end + 1) && w_[end + 1].more->to_hour < 0 && post_is(end + 2, "about")) {
    // `сағат 10.30 мен 12.00 аралығында` (written news)
    const Word& x = w_[end + 1];
    bool colon = x.more->hour >= 0;
    h2 = colon ? x.more->hour : x.more->dot_hour, m2 = colon ? x.more->minute : x.more->dot_minute, end += 2;
    if (h2 * 60 + m2 <= c.h * 60 + c.m) return false;
  }
  if (h2 < 0) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "/T%02d:%02d", h2, m2);
  out.literal += buf;
  out.end = end;
  if (post_is(end, "until") || post_is(end, "about")) out.end = end + 1;
  return true;
}

// `10:00-ден 18:00-ге дейін`, `сағат 9-дан 18-ге дейін` (the second hour bare after `сағат`).
bool Parser::clock_from_to(const Clock& c, Parsed& out) const {
  Parsed to;
  Num n2;
  std::size_t end = c.end;
  if (c.sagat && !(ok(end) && w_[end].more->hour >= 0) && number(end, n2) && n2.digits && !n2.range &&
      n2.ending.kase == Case::dat && n2.v >= 0 && n2.v <= 24 && n2.v > c.h && post_is(n2.end, "until")) {
    to.literal = "T" + std::string(n2.v < 10 ? "0" : "") + std::to_string(static_cast<int>(n2.v)) + ":00";
    to.end = n2.end + 1;
  }
  if ((to.literal.empty() && !time(end, to)) || !post_is(to.end - 1, "until")) return false;
  out.literal += "/" + to.literal.substr(0, 6);
  out.end = to.end;
  return true;
}

}  // namespace belgi::dates::detail
