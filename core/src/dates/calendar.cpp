#include "dates/calendar.h"

#include <cstdio>

namespace belgi::dates {

namespace {

bool digits(std::string_view s, std::size_t a, std::size_t b, int& out) {
  if (a >= b || b > s.size() || b - a > 4) return false;
  out = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Splits "a.b.c" at separator sep into three numeric fields with their widths.
bool three_fields(std::string_view s, char sep, int v[3], std::size_t w[3]) {
  std::size_t p1 = s.find(sep);
  if (p1 == std::string_view::npos) return false;
  std::size_t p2 = s.find(sep, p1 + 1);
  if (p2 == std::string_view::npos || s.find(sep, p2 + 1) != std::string_view::npos) return false;
  w[0] = p1;
  w[1] = p2 - p1 - 1;
  w[2] = s.size() - p2 - 1;
  return digits(s, 0, p1, v[0]) && digits(s, p1 + 1, p2, v[1]) && digits(s, p2 + 1, s.size(), v[2]);
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

bool valid_date(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(const Ymd& date) {
  long y = date.y - (date.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (date.m + (date.m > 2 ? -3 : 9)) + 2) / 5 + date.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  Ymd r;
  r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2));
  return r;
}

int weekday(const Ymd& date) {
  long z = days_from_civil(date);  // 1970-01-01 was a Thursday (4)
  long w = (z % 7 + 7 + 3) % 7;    // 0 Monday
  return static_cast<int>(w) + 1;
}

Ymd add_days(const Ymd& date, long n) { return civil_from_days(days_from_civil(date) + n); }

Ymd add_months(const Ymd& date, int n) {
  int total = date.y * 12 + (date.m - 1) + n;
  Ymd r{total / 12, total % 12 + 1, date.d};
  if (r.d > days_in_month(r.y, r.m)) r.d = days_in_month(r.y, r.m);
  return r;
}

void iso_week(const Ymd& date, int& year, int& week) {
  Ymd thursday = add_days(date, 4 - weekday(date));  // the week belongs to its Thursday's year
  year = thursday.y;
  long first = days_from_civil(Ymd{year, 1, 1});
  week = static_cast<int>((days_from_civil(thursday) - first) / 7 + 1);
}

namespace {

// printf's %0Nd for 0 <= v < 10^N (the common case, without printf's cost); printf otherwise.
void put_digits(std::string& out, int v, int n) {
  int limit = n == 4 ? 10000 : 100;
  if (v < 0 || v >= limit) {
    char buf[16];
    std::snprintf(buf, sizeof buf, n == 4 ? "%04d" : "%02d", v);
    out += buf;
    return;
  }
  char buf[4];
  for (int i = n - 1; i >= 0; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

std::string format_ymd(const Ymd& date) {
  std::string out;
  out.reserve(10);
  put_digits(out, date.y, 4);
  out += '-';
  put_digits(out, date.m, 2);
  out += '-';
  put_digits(out, date.d, 2);
  return out;
}

std::string format_ym(int y, int m) {
  std::string out;
  put_digits(out, y, 4);
  out += '-';
  put_digits(out, m, 2);
  return out;
}

std::string format_year(int y) {
  std::string out;
  put_digits(out, y, 4);
  return out;
}

bool parse_iso_date(std::string_view s, int& y, int& m, int& d) {
  int v[3];
  std::size_t w[3];
  if (s.size() != 10 || !three_fields(s, '-', v, w) || w[0] != 4 || w[1] != 2 || w[2] != 2)
    return false;
  y = v[0], m = v[1], d = v[2];
  return valid_date(y, m, d);
}

bool parse_numeric_date(std::string_view s, int& y, int& m, int& d) {
  if (parse_iso_date(s, y, m, d)) return true;
  for (char sep : {'.', '/'}) {
    int v[3];
    std::size_t w[3];
    if (!three_fields(s, sep, v, w) || w[0] > 2 || w[1] > 2 || (w[2] != 2 && w[2] != 4)) continue;
    d = v[0], m = v[1], y = w[2] == 2 ? 2000 + v[2] : v[2];
    if (valid_date(y, m, d)) return true;
  }
  return false;
}

bool parse_clock(std::string_view s, int& h, int& m) {
  std::size_t c = s.find(':');
  if (c == std::string_view::npos || c == 0 || c > 2 || s.size() != c + 3) return false;
  return digits(s, 0, c, h) && digits(s, c + 1, s.size(), m) && h <= 24 && m < 60 &&
         !(h == 24 && m != 0);
}

}  // namespace belgi::dates
