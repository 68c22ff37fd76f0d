// belgi::Adaptation (belgi/adaptation.h): corrected documents -> token labels -> the entity
// model's learner (entities/adapt.h); its serialized form.
#include "belgi/adaptation.h"

#include <algorithm>

#include "entities/adapt.h"
#include "entities/features.h"
#include "entities/iob2.h"
#include "entities/model.h"
#include "entities/recognizer.h"
#include "pipeline/annotator_impl.h"
#include "text/latin.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace belgi {

namespace {

// Documents larger than this are refused, as annotate() refuses them by default.
constexpr std::size_t kMaxDocumentBytes = 16u << 20;

// The label of each token (model numbering: B-X = 2X + 1, I-X = 2X + 2) from the truth spans:
// a token overlapping a span gets its class, B- on the first (as the trainer labels news
// articles). `orig`: the tokens' ranges in the caller's text (they differ for Latin input).
std::vector<int> token_labels(const std::vector<ByteRange>& orig, std::vector<Span> truth,
                              std::size_t text_size, std::size_t& skipped) {
  std::vector<int> labels(orig.size(), 0);
  std::stable_sort(truth.begin(), truth.end(), [](const Span& a, const Span& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end > b.range.end;
  });
  for (const Span& s : truth) {
    if (s.type == SpanType::QUOTE) continue;
    if (s.range.empty() || s.range.end > text_size) {
      ++skipped;
      continue;
    }
    const auto [a, b] = iob2::covered(orig, s.range.begin, s.range.end);
    const int label = entities::learned_class(s.type) ? 2 * static_cast<int>(s.type) + 1 : -1;
    if (!iob2::label_span(labels, a, b, label)) ++skipped;
  }
  return labels;
}

}  // namespace

Adaptation::Adaptation(const Annotator& base) : impl_(std::make_unique<Impl>()) {
  impl_->model = base.impl_->model;
}
Adaptation::Adaptation(const Adaptation& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
Adaptation& Adaptation::operator=(const Adaptation& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
Adaptation::~Adaptation() = default;

Status Adaptation::learn(std::string_view utf8, const std::vector<Span>& truth, std::size_t* skipped) {
  if (utf8.size() > kMaxDocumentBytes)
    return Status::error(StatusCode::too_large,
                         "document of " + std::to_string(utf8.size()) + " bytes exceeds the limit of " +
                             std::to_string(kMaxDocumentBytes) + " bytes", kMaxDocumentBytes);
  if (Status st = check_utf8(utf8); !st.ok()) return st;
  // The model sees Latin-script text in Cyrillic, as annotate() runs it.
  const text::Transliteration tr = text::latin_to_cyrillic(utf8);
  const std::string_view work = tr.changed() ? std::string_view(tr.text()) : utf8;
  const std::vector<text::Token> tokens = text::tokenize(work);
  const std::vector<text::Sentence> sentences = text::split_sentences(work, tokens);
  std::size_t skip = 0;
  std::vector<ByteRange> orig(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t)
    orig[t] = tr.changed() ? ByteRange{tr.original_begin(tokens[t].begin), tr.original_end(tokens[t].end)}
                           : ByteRange{tokens[t].begin, tokens[t].end};
  const std::vector<int> labels = token_labels(orig, truth, utf8.size(), skip);
  if (skipped) *skipped = skip;
  std::vector<std::vector<std::string_view>> words;
  std::vector<std::vector<int>> gold;
  for (auto [first, last] : entities::tag_windows(tokens, sentences)) {
    words.emplace_back();
    gold.emplace_back();
    for (std::size_t t = first; t < last; ++t) {
      words.back().push_back(tokens[t].text(work));
      // A name cut by a window or sentence start starts again there (strict IOB2).
      const int y = labels[t], prev = t > first ? std::max(0, gold.back().back()) : -1;
      gold.back().push_back(y < 0 || entities::valid_transition(prev, y) ? y : y - 1);
    }
  }
  impl_->learner.learn(*impl_->model, words, gold, impl_->params);
  return Status();
}

void Adaptation::configure(const Settings& s) {
  const entities::LearnParams defaults;
  impl_->params.step = s.step > 0 ? s.step : defaults.step;
  impl_->params.epochs = s.epochs > 0 ? s.epochs : defaults.epochs;
  impl_->params.word_factor = s.word_factor > 0 ? s.word_factor : defaults.word_factor;
}

void Adaptation::reset() {
  impl_->learner = entities::Learner();
}

int Adaptation::documents() const { return impl_->learner.documents; }
std::size_t Adaptation::weights() const { return impl_->learner.weights.size(); }
bool Adaptation::empty() const { return impl_->learner.weights.empty(); }
std::string Adaptation::model() const { return entities::model_id(*impl_->model); }

}  // namespace belgi
