// Shared by the test suites: one Annotator built from the embedded resources, checked once.
#pragma once
#include "belgi/annotator.h"

namespace belgi::test {

// Fails the current test (REQUIRE) if the embedded resources do not load.
const Annotator& annotator();

}  // namespace belgi::test
