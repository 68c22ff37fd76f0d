#include "dates/dateline.h"

#include <cstdio>

namespace belgi::dates {

namespace {

// How far into the text a dateline may stand (bytes): headline, site name, byline.
constexpr std::size_t kDatelineWindow = 1024;

bool digits(std::string_view s, std::size_t a, std::size_t b, int& out) {
  if (a >= b || b > s.size()) return false;
  out = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool valid_date(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
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

bool parse_time(std::string_view s, int& h, int& m) {
  return s.size() == 5 && s[2] == ':' && digits(s, 0, 2, h) && digits(s, 3, 5, m) && h < 24 &&
         m < 60;
}

std::string format_date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

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

void DatelineRecognizer::run(Context& ctx) const {
  if (ctx.has_date) return;  // the caller's date wins
  const auto& toks = ctx.tokens;
  for (std::size_t i = 0; i < toks.size() && toks[i].begin < kDatelineWindow; ++i) {
    if (toks[i].kind != text::TokenKind::number) continue;
    int y, m, d;
    if (!parse_numeric_date(toks[i].text(ctx.text), y, m, d)) continue;
    ctx.has_date = true;
    ctx.date.value = format_date(y, m, d);
    ctx.date.source = "dateline";
    ctx.date.range = ByteRange{toks[i].begin, toks[i].end};
    // A time right before or after (`17:20`, `| 17:20`, `05:25,`) extends the dateline.
    for (std::size_t j : {i + 1, i + 2, i - 1, i - 2}) {
      int h, mi;
      if (j >= toks.size() || !parse_time(toks[j].text(ctx.text), h, mi)) continue;
      ctx.date.range.begin = std::min(ctx.date.range.begin, toks[j].begin);
      ctx.date.range.end = std::max(ctx.date.range.end, toks[j].end);
      break;
    }
    return;
  }
}

}  // namespace belgi::dates
