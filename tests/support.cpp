#include "support.h"

#include <doctest/doctest.h>

#include <memory>

#include "resources.h"

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

std::shared_ptr<const entities::Model> ner_model() {
  static std::shared_ptr<const entities::Model> model = [] {
    std::shared_ptr<const entities::Model> m;
    Status st = entities::load_model(resources::ner_model(), m);
    REQUIRE_MESSAGE(st.ok(), st.message);
    return m;
  }();
  return model;
}

}  // namespace belgi::test
