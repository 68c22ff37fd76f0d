// Anaphora between the date matches of one text: `сол күні`, `келесі күні`, a clock time without a
// date, `Бүгін` in an undated article and a month without a year take the day or year last
// written out before them (docs/dates.md, "Anaphora").
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "dates/grammar.h"

namespace belgi::dates {

// Fills in the values that refer back, in text order. `sentence[k]` is the sentence of match k (a
// part of the day takes a day only from its own sentence); `undated`: no document date.
void resolve_anaphora(const Words& words, std::vector<Match>& matches,
                      const std::vector<std::size_t>& sentence, bool undated);

// A value that is one day (`2023-12-05`, `XXXX-01-15`).
bool day_value(const std::string& v);
// A clock time alone (`T18:18`), not a range nor a part of the day.
bool bare_time(const std::string& v);

// The days written out in a text (after resolve_anaphora), to find the one last written out
// before a word by binary search: a model span asks once, without rescanning the matches.
class DaysWritten {
 public:
  explicit DaysWritten(const std::vector<Match>& matches);
  // The day of the last match ending at or before word `first`, "" if none.
  std::string before(std::size_t first) const;

 private:
  std::vector<std::pair<std::size_t, std::string>> days_;  // (match's last word, value), in order
};

}  // namespace belgi::dates
