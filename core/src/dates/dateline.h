// Document date from the article's dateline: a date with its year near the top of the text,
// numeric or with a month name: `Халық үні 05.12.2023 | 17:20`, `2.09.2025, 17:15`,
// `05:25, 28 Қазан 2025`, `Жұма, 22 Қараша 2024`, `Шіл 3, 2025`, `Датасы: 02.10.2017`.
// A date with a clock time next to it is preferred over one without (a page header often shows
// today's date first and the article's date and time further down).
#pragma once
#include <memory>

#include "dates/calendar.h"
#include "dates/tables.h"
#include "pipeline/recognizer.h"

namespace belgi::dates {

// Sets ctx.date from the dateline unless the caller gave a date (Options::document_date).
class DatelineRecognizer : public Recognizer {
 public:
  explicit DatelineRecognizer(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  const char* name() const override { return "dateline"; }
  void run(Context& ctx) const override;

 private:
  std::shared_ptr<const Tables> tables_;
};

}  // namespace belgi::dates
