// Document date from the article's dateline: the first numeric date near the top of the text,
// e.g. `Халық үні 05.12.2023 | 17:20`, `2.09.2025, 17:15`, `2025-11-27`.
// Month-name datelines (`05:25, 28 Қазан 2025`) come with the date rules (issue 4).
#pragma once
#include "pipeline/recognizer.h"

namespace belgi::dates {

// Sets ctx.date from the dateline unless the caller gave a date (Options::document_date).
class DatelineRecognizer : public Recognizer {
 public:
  const char* name() const override { return "dateline"; }
  void run(Context& ctx) const override;
};

// Parses a numeric date token `05.12.2023`, `5.12.23`, `2023-12-05`, `05/12/2023` into
// year/month/day; false if it is not a valid calendar date. Two-digit years are 20yy.
bool parse_numeric_date(std::string_view token, int& y, int& m, int& d);

// Parses "YYYY-MM-DD" strictly (a valid calendar date).
bool parse_iso_date(std::string_view s, int& y, int& m, int& d);

}  // namespace belgi::dates
