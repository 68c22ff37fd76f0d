// How the dates recognizer's matches meet the entity model's DATE/TIME candidates: the model's
// cuts are kept and given the rules' values where they agree with the rules (or follow KazNERD's
// cuts), replaced by the rule spans where a rule reads the expression better, and dropped where
// they are no date. Rule matches no kept model span covers become candidates of their own; the
// pipeline's resolve() then only settles overlaps by priority.
#pragma once
#include <vector>

#include "dates/grammar.h"
#include "pipeline/recognizer.h"

namespace belgi::dates {

// Rewrites ctx.candidates: those of Origin::model with type DATE or TIME are settled against
// `matches` (in text order, after anaphora); others pass through unchanged.
void merge_model_candidates(Context& ctx, const Words& words, const std::vector<Match>& matches,
                            const Tables& tables, const Anchor& anchor);

}  // namespace belgi::dates
