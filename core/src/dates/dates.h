// The dates module: document date (dateline) and DATE/TIME rules with normalized values.
#pragma once
#include <memory>
#include <vector>

#include "belgi/status.h"
#include "pipeline/recognizer.h"

namespace belgi::dates {

// Appends the module's entity-layer recognizers in the order they must run (the dateline first,
// so that relative dates can be resolved against it). They run after the entity model: its
// DATE/TIME candidates are in ctx.candidates. Fails if the embedded rule tables are malformed.
// The tables are loaded once per process and shared by all annotators.
Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer);
// Builds the process-wide tables on first call (Annotator::prepare_shared); their load status.
Status shared_tables_status();

}  // namespace belgi::dates
