#include "dates/anaphora.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace belgi::dates {

namespace {

std::string shift_day(const std::string& v, int off) {
  if (off == 0) return v;
  bool unknown_year = v[0] == 'X';
  // For XXXX a common year (28 February + 1 is 1 March), a leap year for 29 February.
  int y = !unknown_year ? std::atoi(v.c_str()) : v.compare(5, 5, "02-29") == 0 ? 2000 : 2001;
  Ymd d = add_days(Ymd{y, std::atoi(v.c_str() + 5), std::atoi(v.c_str() + 8)}, off);
  std::string out = format_ymd(d);
  if (unknown_year) out.replace(0, 4, "XXXX");
  return out;
}

// A part of the day alone (`TMO`, `TNI`).
bool part_of_day(const std::string& v) { return v.size() == 3 && v[0] == 'T' && v[1] >= 'A' && v[1] <= 'Z'; }

// The year a value starts with, written out (`2021`, `2021-01/2021-03`; not `2020/2025`), "" if none.
std::string year_of(const std::string& v) {
  bool year = v.size() >= 4 && std::isdigit(static_cast<unsigned char>(v[0])) && (v.size() == 4 || v[4] == '-');
  return year ? v.substr(0, 4) : std::string();
}

// In an undated article a month or day without a year takes the year last written out
// (`2021 жылғы қаңтар-наурыз айларында ... мамыр, маусым айларында` -> 2021-05/2021-06).
void undated_year(Match& m, std::string& year) {
  if (m.type != SpanType::DATE) return;
  if (!year.empty() && m.value.compare(0, 5, "XXXX-") == 0) {
    for (std::size_t p = m.value.find("XXXX"); p != std::string::npos; p = m.value.find("XXXX", p))
      m.value.replace(p, 4, year);
  } else if (std::string y = year_of(m.value); !y.empty()) {
    year = y;  // no document date: a year here was written in the text
  }
}

}  // namespace

bool day_value(const std::string& v) { return v.size() == 10 && v[4] == '-' && v[7] == '-'; }

bool bare_time(const std::string& v) {
  return v.size() == 6 && v[0] == 'T' && v[1] >= '0' && v[1] <= '9' && v[3] == ':';
}

void resolve_anaphora(const Words& w, std::vector<Match>& ms, const std::vector<std::size_t>& sentence,
                      bool undated) {
  std::string last, year, any_year;
  std::size_t last_sentence = static_cast<std::size_t>(-1);
  for (std::size_t k = 0; k < ms.size(); ++k) {
    Match& m = ms[k];
    if (m.rule == "date.that_year") m.value = any_year;  // `2019 жылы ... Сол жылы` -> 2019
    // `2019 жылы ... Сол жылдың 5 мамырында` -> 2019-05-05
    if (m.rule == "date.that_year_date" && !any_year.empty())
      for (std::size_t p = m.value.find("XXXX"); p != std::string::npos; p = m.value.find("XXXX", p))
        m.value.replace(p, 4, any_year);
    if (undated) undated_year(m, year);
    if (m.anaphoric && !last.empty()) {  // a TIME keeps its part of the day: `Сол түні` -> ...TNI
      m.value = shift_day(last, m.day_offset) + (m.type == SpanType::TIME ? m.value : std::string());
    } else if (m.rule == "rel.today" && m.value.empty()) {
      // `Бүгін, 21 қазанда`: the date in apposition; else the day last written out.
      bool apposition = k + 1 < ms.size() && ms[k + 1].first == m.last + 1 && w[m.last].fold == "," &&
                        day_value(ms[k + 1].value);
      m.value = apposition ? ms[k + 1].value : last;
    } else if (m.type == SpanType::TIME && bare_time(m.value) && !last.empty()) {
      m.value = last + m.value;
    } else if (m.type == SpanType::TIME && part_of_day(m.value) && !last.empty() && last_sentence == sentence[k]) {
      m.value = last + m.value;  // `1 мамыр күні таңертең`; a forecast's `түнде` stays `TNI`
    }
    if (m.type == SpanType::DATE && day_value(m.value)) last = m.value, last_sentence = sentence[k];
    if (m.type == SpanType::DATE && !year_of(m.value).empty()) any_year = year_of(m.value);
  }
}

DaysWritten::DaysWritten(const std::vector<Match>& ms) {
  for (const Match& m : ms)
    if (m.type == SpanType::DATE && day_value(m.value)) days_.emplace_back(m.last, m.value);
}

std::string DaysWritten::before(std::size_t first) const {
  auto it = std::partition_point(days_.begin(), days_.end(), [&](const auto& d) { return d.first <= first; });
  return it == days_.begin() ? std::string() : std::prev(it)->second;
}

}  // namespace belgi::dates
