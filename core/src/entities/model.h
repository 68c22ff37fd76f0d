// The entity model: a trained sequence labeller over KazNERD's 25 classes (IOB2).
// Loaded once from bytes (the embedded data/model/ner.bin), immutable, thread-safe to share.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/span.h"
#include "belgi/status.h"

namespace belgi::entities {

class Model;

// Parses a serialized model. Refuses data of another format version (or corrupt data) with
// StatusCode::invalid_model and a message saying which version was found and which is expected.
Status load_model(std::string_view bytes, std::shared_ptr<const Model>& out);

// "<feature-set id>/<training data hash>", for version reports.
std::string model_id(const Model& model);
// The lexicons the model carries (features.h), for the rules after it (rules.h).
const struct Lexicons& lexicons(const Model& model);
int model_format_version();

// An entity over tokens [first, last) of one sentence.
struct TokenEntity {
  SpanType type;
  std::size_t first = 0, last = 0;
  float score = 1.0f;  // confidence in [0, 1]
};

class Deltas;

// Tags one sentence (its tokens, UTF-8, no whitespace inside) and appends the entities found.
// With `deltas` (an adaptation, adapt.h), their weights are added to the model's.
void tag(const Model& model, const std::vector<std::string_view>& tokens,
         std::vector<TokenEntity>& out, const Deltas* deltas = nullptr);

// Adds the weights of one feature (its 32-bit hash, features.h) to row[0, kLabelCount): what the
// tagger looks up, exposed for tests.
void add_feature_weights(const Model& model, std::uint32_t feature, std::int32_t* row);

// The emission scores tag() decodes: emit[i * labels + y]. `cached` = through the model's word
// cache (what tag() uses); false = every feature looked up. Both must agree exactly (tested).
void emissions(const Model& model, const std::vector<std::string_view>& tokens, bool cached,
               std::vector<std::int32_t>& emit);

// The emission scores with `deltas` added to the model's weights, on each token's lexical
// features (features.h lexical_features(): all an adaptation learns); if feats/offs are given,
// they receive those features (token i owns feats[offs[i], offs[i + 1])), for learning.
void adapted_emissions(const Model& model, const Deltas& deltas, const std::vector<std::string_view>& tokens,
                       std::vector<std::int32_t>& emit, std::vector<std::uint32_t>* feats = nullptr,
                       std::vector<std::uint32_t>* offs = nullptr);

}  // namespace belgi::entities
