// Numeric dates as DATE spans with their value: `05.12.2023` -> 2023-12-05 (rule date.numeric).
// The full set of date and time rules comes with issue 4.
#pragma once
#include "pipeline/recognizer.h"

namespace belgi::dates {

class NumericDateRecognizer : public Recognizer {
 public:
  const char* name() const override { return "date.numeric"; }
  void run(Context& ctx) const override;
};

}  // namespace belgi::dates
