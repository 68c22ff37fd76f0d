// Numbers (digits and words), units and the tails of an expression (күні, parts, postpositions).
#include "dates/parser.h"

#include <cstdio>
#include <string_view>

namespace belgi::dates::detail {

std::string format_point(const Point& p) {
  std::string year = p.y ? format_year(p.y) : "XXXX";
  if (p.m && p.d) return year + format_ym(2000, p.m).substr(4) + "-" + format_ymd(Ymd{2000, 1, p.d}).substr(8);
  if (p.m) return year + format_ym(2000, p.m).substr(4);
  if (!p.season.empty()) return year.append("-").append(p.season);
  if (p.week) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "-W%02d", p.week);
    return year + buf;
  }
  return p.y ? year : "";
}

std::string range_literal(const Point& from, const Point& to) { return format_point(from) + "/" + format_point(to); }

const char* unit_letter(const std::string& u) {
  return u == "Y" || u == "AGE" ? "Y" : u == "M" ? "M" : u == "W" ? "W" : u == "D" ? "D"
       : u == "CE" ? "CE" : u == "DE" ? "DE" : u == "H" ? "H" : u == "MIN" ? "M" : "S";
}

bool is_clock_unit(const std::string& u) { return u == "H" || u == "MIN" || u == "S"; }

namespace {

std::string fmt_num(double v) {
  char buf[32];
  if (v == static_cast<long>(v)) std::snprintf(buf, sizeof buf, "%ld", static_cast<long>(v));
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string duration(double n, bool vague, const std::string& unit) {
  std::string t = is_clock_unit(unit) ? "PT" : "P";
  if (vague) return "";  // `бірнеше жыл`, `сан ғасыр`: no value in the gold (guidelines v2 examples)
  // `3 ғасыр` -> P300Y, `жарты ғасыр` -> P50Y (TIMEX3 has no century duration in the gold)
  if (unit == "CE" || unit == "DE") return "P" + fmt_num(n * (unit == "CE" ? 100 : 10)) + "Y";
  if (n != static_cast<long>(n)) {
    if (unit == "H") return "PT" + fmt_num(n * 60) + "M";
    if (unit == "Y" || unit == "AGE") return "P" + fmt_num(n * 12) + "M";
    if (unit == "D") return "PT" + fmt_num(n * 24) + "H";
    if (unit == "M") return "P" + fmt_num(n * 30) + "D";
    if (unit == "MIN") return "PT" + fmt_num(n * 60) + "S";
  }
  return t + fmt_num(n) + unit_letter(unit);
}

// ---- numbers ------------------------------------------------------------------------------

bool Parser::number_words(std::size_t j, Num& n) const {
  long total = 0, cur = 0;
  std::string_view last_kind;  // views of the table's codes: compared, never copied
  std::size_t k = j;
  for (; ok(k); ++k) {
    const Hit* h = hit(k, WordClass::number);
    if (!h) break;
    // Number words take an ordinal, possessive or place ending (жетінші, оны, тоғызда), never an
    // accusative or instrumental one (`үшін` is "for", `бірге` "together").
    const Ending& he = h->ending;
    if (he.plural || he.kase == Case::acc || he.kase == Case::ins || he.kase == Case::gen || he.kase == Case::equ ||
        (he.kase == Case::adj && !he.ordinal))
      break;
    const std::string_view kind = h->entry->code;
    // `many`: `ұзақ`, `көп` ("long", "many") years: written news takes them in (`ұзақ жылдар бойы`),
    // KazNERD leaves them out.
    if (kind == "many" && !a_.news) break;
    // `бір жарым сағат` ("one and a half hours", written news): a half after a number.
    if (kind == "half" && k > j && a_.news && h->ending.empty() && h->entry->id.compare(0, 15, "number.and_half") == 0) {
      n.v = static_cast<double>(total + cur) + 0.5, n.end = k + 1;
      return true;
    }
    if (kind == "half" || kind == "vague" || kind == "many") {
      if (k != j || !h->ending.empty()) break;  // `саны` is "its number"
      n.v = h->entry->num, n.vague = kind != "half", n.ending = h->ending, n.end = k + 1;
      return true;
    }
    long v = static_cast<long>(h->entry->num);
    // Words go from big to small (екі мың он жеті); `бір он күн` is "some ten days".
    if (k > j && (kind == "unit" || kind == "ten") &&
        (last_kind == "unit" || (last_kind == "ten" && kind == "ten")))
      break;
    last_kind = kind;
    if (kind == "thousand") total += (cur ? cur : 1) * v, cur = 0;
    else if (kind == "hundred") cur = (cur ? cur : 1) * v;
    else cur += v;
    n.ending = h->ending;
    if (!h->ending.empty()) { ++k; break; }  // an ending closes the number (жетінші, оны)
  }
  if (k == j) return false;
  n.v = static_cast<double>(total + cur);
  n.ordinal = n.ending.ordinal;
  n.end = k;
  return true;
}

bool Parser::read_number(std::size_t j, Num& n) const {
  if (!ok(j)) return false;
  const Word& x = w_[j];
  n = Num();
  if (x.num && x.more->range_a >= 0) {
    n.range = true, n.a = x.more->range_a, n.b = x.more->range_b, n.digits = true, n.end = j + 1;
    return true;
  }
  if (x.num && x.more->decimal >= 0) {  // `1,5 айдан бері` -> P1.5M
    n.v = x.more->decimal, n.digits = n.decimal = true, n.end = j + 1;
    return true;
  }
  if (x.num && (x.more->plain || x.more->rest_ending)) {
    n.v = static_cast<double>(x.more->value), n.digits = true, n.ndigits = x.more->digits, n.end = j + 1;
    if (x.more->rest_ending) n.ending = x.more->ending, n.ordinal = x.more->ending.ordinal;
    // `2 – 3 жылда`, `2020 – 2025 жылдары`: a range written with a spaced dash.
    if (x.more->plain && dash(j + 1) && ok(j + 2) && w_[j + 2].num && w_[j + 2].more->plain &&
        w_[j + 2].more->value > x.more->value) {
      n.range = true, n.a = x.more->value, n.b = w_[j + 2].more->value, n.end = j + 3;
    }
    return true;
  }
  return x.kind == text::TokenKind::word && number_words(j, n);
}

bool Parser::day_number(std::size_t j, int& day, std::size_t& end) const {
  Num n;
  if (!number(j, n) || n.range || n.vague || n.v < 1 || n.v > 31 || n.v != static_cast<long>(n.v))
    return false;
  if (n.digits && n.ndigits > 2) return false;
  day = static_cast<int>(n.v);
  end = n.end;
  return true;
}

bool Parser::year_number(std::size_t j, int& y, std::size_t& end) const {
  Num n;
  if (!number(j, n) || n.range || n.vague || n.v < 1000 || n.v > 2999) return false;
  if (n.digits && n.ndigits != 4) return false;
  y = static_cast<int>(n.v);
  end = n.end;
  return true;
}

bool Parser::month_word(std::size_t j, bool allow_strict, int& m, std::size_t& end) const {
  const Hit* h = hit(j, WordClass::month);
  if (!h || (h->entry->strict && !allow_strict)) return false;
  m = h->entry->ival;
  end = j + 1;
  if (h->entry->abbr && punct(j + 1, ".")) end = j + 2;
  return true;
}

// ---- tails: күні, parts of a period, postpositions -------------------------------------------

void Parser::relative_point(const std::string& unit, int off, Parsed& out) const {
  out.relative = true;
  out.period = unit == "Y" || unit == "M" || unit == "W";
  if (!a_.known) { out.unresolved = true; return; }
  Ymd a = a_.date;
  if (unit == "Y") out.point.y = a.y + off;
  else if (unit == "M") { Ymd b = add_months(a, off); out.point.y = b.y, out.point.m = b.m; }
  else if (unit == "W") { Ymd b = add_days(a, 7L * off); iso_week(b, out.point.y, out.point.week); }
  else if (unit == "D") { Ymd b = add_days(a, off); out.point.y = b.y, out.point.m = b.m, out.point.d = b.d; }
  else { out.unresolved = true; return; }
  out.is_point = true;
}

// The case of the word at j: its first reading's, or the ending on a number (`5-тен`).
Case Parser::last_ending(std::size_t j) const {
  if (w_[j].num) return w_[j].more->rest_ending ? w_[j].more->ending.kase : Case::none;
  return w_[j].more->hits.empty() ? Case::none : w_[j].more->hits[0].ending.kase;
}

void Parser::tail(Parsed& p) const {
  std::size_t j = p.end;
  // `1 қыркүйек күні`, `сенбі күні`; `2-4 тамыз күндері` (a range, written news)
  const Hit* u = hit(j, WordClass::unit);
  bool days = p.rule == "date.day_range" || p.rule == "date.year_day_range" || p.rule == "date.day_list";
  if (u && u->entry->code == "D" && u->ending.possessive &&
      (u->ending.plural ? days && a_.news : p.full_date_text || p.rule == "date.weekday"))
    j = p.end = j + 1;
  // `15 наурыз күнгі шешім` ("the decision of 15 March", written news): the head noun as an adjective.
  else if (u && u->entry->code == "D" && a_.news && p.full_date_text && u->ending.kase == Case::adj &&
           !u->ending.possessive && !u->ending.plural)
    j = p.end = j + 1;
  // `жыл басынан`, `айдың соңында`: a part of the period, same value.
  const Hit* part = hit(j, WordClass::part);
  bool of_period = (p.period || (p.is_point && !p.point.d)) && p.type == SpanType::DATE;
  if (part && part->ending.possessive && of_period) j = p.end = j + 1;
  // `қыркүйек айының бас кезінде` ("at the beginning time of"): a bare part and `кезінде`.
  else if (part && part->ending.empty() && of_period && a_.news && ok(j + 1) && w_[j + 1].fold.substr(0, 6) == "кез")
    j = p.end = j + 2;
  const Hit* post = hit(j, WordClass::post);
  if (!post) return;
  const std::string& role = post->entry->code;
  if (role == "since") {
    p.end = j + 1;
    if (!p.is_point || p.unresolved) return;
    if (!a_.known) { p.unresolved = true; return; }
    Point to;
    to.y = a_.date.y;
    if (p.point.m) to.m = a_.date.m;
    if (p.point.d) to.d = a_.date.d;
    if (!p.point.y) p.point.y = to.y;
    if (format_point(p.point) == format_point(to)) return;  // `жыл басынан бері` -> 2025
    p.literal = format_point(p.point) + "/" + format_point(to);
    p.is_point = false;
  } else if (role == "until" || role == "about") {
    p.end = j + 1;
  } else if (a_.news && role == "after" && ok(j - 1) && last_ending(j - 1) == Case::abl) {
    p.end = j + 1;  // `мамыр айынан кейін`, `2020 жылдан кейін` (written news, as a clock's)
  } else if (a_.news && role == "during" && p.is_point && !p.point.d && p.type == SpanType::DATE) {
    p.end = j + 1;  // `мамыр айы бойы` ("all May long")
  }
}

}  // namespace belgi::dates::detail
