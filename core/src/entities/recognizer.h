// The entity model as a recognizer: tags each sentence and proposes its entities.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/model.h"
#include "pipeline/recognizer.h"

namespace belgi::entities {

// Tags a text's sentences as the annotator does: a sentence without a word (`....`, a line of
// dashes) is skipped, a long one is tagged in windows of 256 tokens, the rules R1-R5 run after
// the model when `rules` is set. Calls emit(entity, its byte range) for each entity found. The
// trainer's scoring of news articles uses it too, so that cross-validation counts what the
// annotator makes.
// With `deltas`, an adaptation's weights are added to the model's (adapt.h).
void tag_sentences(const Model& model, std::string_view text, const std::vector<text::Token>& tokens,
                   const std::vector<text::Sentence>& sentences, bool rules,
                   const std::function<void(const TokenEntity&, ByteRange)>& emit,
                   const Deltas* deltas = nullptr);

// The windows tag_sentences() tags: [first, last) token ranges of the sentences that hold a
// word, at most kMaxWindowTokens long. Learning (adaptation) uses the same.
std::vector<std::pair<std::size_t, std::size_t>> tag_windows(const std::vector<text::Token>& tokens,
                                                             const std::vector<text::Sentence>& sentences);

class EntityRecognizer : public Recognizer {
 public:
  // deltas: an adaptation's averaged weights (null = the model alone).
  explicit EntityRecognizer(std::shared_ptr<const Model> model, std::shared_ptr<const Deltas> deltas = nullptr)
      : model_(std::move(model)), deltas_(std::move(deltas)) {}
  const char* name() const override { return "model"; }
  void run(Context& ctx) const override;

 private:
  std::shared_ptr<const Model> model_;
  std::shared_ptr<const Deltas> deltas_;
};

}  // namespace belgi::entities
