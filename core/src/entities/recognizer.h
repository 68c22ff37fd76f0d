// The entity model as a recognizer: tags each sentence and proposes its entities.
#pragma once
#include <memory>

#include "entities/model.h"
#include "pipeline/recognizer.h"

namespace belgi::entities {

class EntityRecognizer : public Recognizer {
 public:
  explicit EntityRecognizer(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  const char* name() const override { return "model"; }
  void run(Context& ctx) const override;

 private:
  std::shared_ptr<const Model> model_;
};

}  // namespace belgi::entities
