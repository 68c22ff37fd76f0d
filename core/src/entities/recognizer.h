// The entity model as a recognizer: tags each sentence and proposes its entities.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "entities/model.h"
#include "pipeline/recognizer.h"

namespace belgi::entities {

// Tags a text's sentences as the annotator does: a sentence without a word (`....`, a line of
// dashes) is skipped, a long one is tagged in windows of 256 tokens, the rules R1-R5 run after
// the model when `rules` is set. Calls emit(entity, its byte range) for each entity found. The
// trainer's scoring of news articles uses it too, so that cross-validation counts what the
// annotator makes.
void tag_sentences(const Model& model, std::string_view text, const std::vector<text::Token>& tokens,
                   const std::vector<text::Sentence>& sentences, bool rules,
                   const std::function<void(const TokenEntity&, ByteRange)>& emit);

class EntityRecognizer : public Recognizer {
 public:
  explicit EntityRecognizer(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  const char* name() const override { return "model"; }
  void run(Context& ctx) const override;

 private:
  std::shared_ptr<const Model> model_;
};

}  // namespace belgi::entities
