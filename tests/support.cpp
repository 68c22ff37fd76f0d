#include "support.h"

#include <doctest/doctest.h>

#include <memory>

namespace belgi::test {

const Annotator& annotator() {
  static std::shared_ptr<const Annotator> a = [] {
    Status st;
    auto made = Annotator::create(st);
    REQUIRE_MESSAGE(st.ok(), st.message);
    REQUIRE(static_cast<bool>(made));
    return made;
  }();
  return *a;
}

}  // namespace belgi::test
