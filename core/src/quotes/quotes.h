// The quotes module: direct speech with its cue and speaker (annotation guidelines, "Quotes").
#pragma once
#include <memory>
#include <vector>

#include "belgi/status.h"
#include "pipeline/recognizer.h"

namespace belgi::quotes {

// Appends the quote-layer recognizers. They run after resolve(), read the settled entities in
// Context::spans and append QUOTE spans there. Fails if embedded rule tables are malformed.
// The tables are loaded once per process and shared by all annotators.
Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer);
// Builds the process-wide tables on first call (Annotator::prepare_shared); their load status.
Status shared_tables_status();

}  // namespace belgi::quotes
