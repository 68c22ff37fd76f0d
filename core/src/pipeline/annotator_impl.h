// What an Annotator and an Adaptation hold (annotator.cpp, adaptation.cpp).
#pragma once
#include <memory>
#include <vector>

#include "belgi/adaptation.h"
#include "belgi/annotator.h"
#include "entities/adapt.h"
#include "entities/model.h"
#include "pipeline/recognizer.h"

namespace belgi {

struct Annotator::Impl {
  std::shared_ptr<const entities::Model> model;
  // Run in order; each reads what the earlier ones wrote (the dateline before relative dates).
  std::vector<std::unique_ptr<Recognizer>> entity_layer;
  // Run after resolve(): they see the settled entities in ctx.spans (quotes link speakers).
  std::vector<std::unique_ptr<Recognizer>> quote_layer;

  Status check(std::string_view text, const Options& opt) const;
  void run(Context& ctx) const;
};

struct Adaptation::Impl {
  std::shared_ptr<const entities::Model> model;
  entities::Learner learner;
  entities::LearnParams params;
};

}  // namespace belgi
