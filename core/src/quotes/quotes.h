// The quotes module: direct speech with its cue and speaker (annotation guidelines, "Quotes").
#pragma once
#include <memory>
#include <vector>

#include "belgi/status.h"
#include "pipeline/recognizer.h"

namespace belgi::quotes {

// Appends the quote-layer recognizers. They run after resolve(), read the settled entities in
// Context::spans and append QUOTE spans there. Fails if embedded rule tables are malformed.
Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer);

}  // namespace belgi::quotes
