// The date grammar: finds DATE/TIME expressions in analyzed words and computes their TIMEX3
// values. Patterns work on words (never on raw text), anchored at each word and bounded in length,
// so a text is scanned in linear time. docs/dates.md lists the rules by id.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "belgi/span.h"
#include "dates/calendar.h"
#include "dates/tables.h"
#include "dates/words.h"

namespace belgi::dates {

// The document date the relative expressions are resolved against.
struct Anchor {
  bool known = false;
  Ymd date;
  // Written news (guidelines v2) rather than KazNERD's cuts: `2005 жылы тамызда` is one date.
  bool news = true;
};

struct Match {
  std::size_t first = 0, last = 0;  // word indices [first, last)
  SpanType type = SpanType::DATE;
  std::string value;                // TIMEX3 value; "" = none
  std::string rule;                 // rule id: a grammar rule ("date.day_month") or a table row
  bool full_date = false;           // denotes one calendar day, given in the text (`5 желтоқсан 2023`)
  bool has_year = false;            // ... with its year written out
  Ymd day;                          // that day
  bool joinable_time = false;       // a clock time or part of day that takes a date prefix
  bool strong = false;              // an unambiguous format (numeric date, clock, day+month+year)
  bool value_only = false;          // a table row that only gives values to the model's spans
  bool anaphoric = false;           // `сол күні`, `келесі күні`: the day last written out before it
  int day_offset = 0;               // ... plus this many days
};

// The matches of the first `sentences` sentences of a text (the dateline's window, which holds
// them whole), found with an unknown anchor in written news; `sentence[k]` is match k's sentence.
// The dateline leaves them for the date rules when it finds no dateline (Context::date_window).
struct WindowMatches {
  std::size_t sentences = 0;
  std::vector<Match> matches;
  std::vector<std::size_t> sentence;
};

// Finds the expressions in words [first, last) (one sentence): at each word the longest match
// wins, then the scan continues after it. Matches do not overlap and are in text order.
std::vector<Match> find_matches(const Words& words, std::size_t first,
                                std::size_t last, const Tables& tables, const Anchor& anchor);

// `күн` before `тәртібі` (`бүгінгі күн тәртібінде`, "on today's agenda"): one word, the agenda.
bool agenda_day(std::string_view day, std::string_view next);

// Expands a value template of relative.tsv ("{D-1}", "{Y+0}", "{SY+0}", "{D-1}TNI", "TMO");
// false if it needs the anchor and the anchor is unknown.
bool expand_template(const std::string& tmpl, const Anchor& anchor, std::string& out);

// The school year containing a date: from September (we count from June, when the next year is
// announced) to May: 2025-09-01 -> 2025/2026, 2025-03-01 -> 2024/2025.
std::string school_year(const Ymd& date, int offset);

}  // namespace belgi::dates
