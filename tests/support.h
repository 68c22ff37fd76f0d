// Shared by the test suites: one Annotator built from the embedded resources, checked once.
#pragma once
#include <memory>

#include "belgi/annotator.h"
#include "entities/model.h"

namespace belgi::test {

// Fails the current test (REQUIRE) if the embedded resources do not load.
const Annotator& annotator();

// The embedded entity model, loaded once (REQUIRE fails the test if it does not load).
std::shared_ptr<const entities::Model> ner_model();

}  // namespace belgi::test
