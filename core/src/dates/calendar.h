// Calendar arithmetic for date values: proleptic Gregorian dates as day numbers, weekdays, ISO
// weeks, month/year shifts, and the numeric date formats of Kazakh news.
#pragma once
#include <string>
#include <string_view>

namespace belgi::dates {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

bool valid_date(int y, int m, int d);
// Days since 1970-01-01 (negative before), and back.
long days_from_civil(const Ymd& date);
Ymd civil_from_days(long days);
// ISO weekday: 1 Monday .. 7 Sunday.
int weekday(const Ymd& date);
Ymd add_days(const Ymd& date, long n);
// Moves by n months, keeping the day where it exists (31 Jan + 1 month -> 28/29 Feb).
Ymd add_months(const Ymd& date, int n);
// ISO 8601 week-numbering year and week of a date (2023-12-05 -> 2023, 49).
void iso_week(const Ymd& date, int& year, int& week);

std::string format_ymd(const Ymd& date);       // 2023-12-05
std::string format_ym(int y, int m);           // 2023-12
std::string format_year(int y);                // 2008 (four digits)

// Parses "YYYY-MM-DD" strictly (a valid calendar date).
bool parse_iso_date(std::string_view s, int& y, int& m, int& d);
// Parses a numeric date token `05.12.2023`, `5.12.23`, `2023-12-05`, `05/12/2023` into
// year/month/day; false if it is not a valid calendar date. Two-digit years are 20yy.
bool parse_numeric_date(std::string_view token, int& y, int& m, int& d);
// Parses a clock time `17:20` / `9:05` (hours 0-24, minutes 0-59).
bool parse_clock(std::string_view s, int& h, int& m);

}  // namespace belgi::dates
