// The one place where overlapping entity-layer candidates are settled.
#pragma once
#include <vector>

#include "pipeline/recognizer.h"

namespace belgi {

// Priorities: a rule that also gives a value beats the statistical model on the same text;
// among equals the longer span wins, then the earlier one.
constexpr int kPriorityModel = 10;
constexpr int kPriorityRule = 20;
constexpr int kPriorityRuleStrong = 30;  // unambiguous formats (05.12.2023, 17:20)

// Picks non-overlapping candidates greedily by (priority, length, earlier begin) and returns
// them sorted by begin. Deterministic: ties are broken by position and type.
std::vector<Span> resolve(std::vector<Candidate> candidates);

}  // namespace belgi
