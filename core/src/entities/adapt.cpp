// Learning from corrections, the entity model's side (adapt.h).
#include "entities/adapt.h"

#include <algorithm>
#include <cmath>

#include "entities/decode.h"
#include "entities/model.h"
#include "entities/model_tables.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

constexpr int L = kLabelCount;
// A weight never grows past this: sums of a sentence's weights stay far inside int32.
constexpr std::int32_t kMaxDelta = 1 << 20;

bool learned_label(int label) { return label == 0 || (label > 0 && learned_class(static_cast<SpanType>(label_class(label)))); }

std::uint64_t key(std::uint32_t feature, int label) {
  return std::uint64_t{feature} << 8 | static_cast<std::uint64_t>(label);
}

}  // namespace

bool learned_class(SpanType t) {
  switch (t) {
    case SpanType::DATE: case SpanType::TIME: case SpanType::CARDINAL: case SpanType::ORDINAL:
    case SpanType::MONEY: case SpanType::PERCENTAGE: case SpanType::QUANTITY:
      return false;
    default:
      return t != SpanType::QUOTE;
  }
}

void Deltas::add(const std::uint32_t* feats, std::size_t n, std::int32_t* row) const {
  if (rows_.empty()) return;
  for (std::size_t j = 0; j < n; ++j) {
    auto it = rows_.find(feats[j]);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) row[e.label] += e.w;
  }
}

bool Deltas::bump(std::uint32_t feature, int label, std::int32_t d, std::size_t cap) {
  if (d == 0) return true;
  auto it = rows_.find(feature);
  if (it != rows_.end())
    for (auto e = it->second.begin(); e != it->second.end(); ++e)
      if (e->label == label) {
        e->w = std::clamp(e->w + d, -kMaxDelta, kMaxDelta);
        if (e->w == 0) {  // a weight back at 0 is no weight: empty() stays exact
          it->second.erase(e);
          if (it->second.empty()) rows_.erase(it);
          --size_;
        }
        return true;
      }
  if (size_ >= cap) return false;
  rows_[feature].push_back(Entry{static_cast<std::uint8_t>(label), std::clamp(d, -kMaxDelta, kMaxDelta)});
  ++size_;
  return true;
}

namespace {

// One document's perceptron: w learned over its sentences, and the sum of w at the end of each
// pass over them, whose mean is the document's update (every sentence counts the same, wherever
// it stands in the document: averaging over every step would weigh the first ones most).
struct DocumentStep {
  Deltas w;
  std::unordered_map<std::uint64_t, std::int64_t> sum;  // key(feature, label) -> sum over passes
  std::vector<std::int32_t> emit;
  std::vector<std::uint32_t> feats, offs;
  std::vector<int> path;
  std::vector<bool> capital;

  void end_pass() {
    for (const auto& [f, entries] : w.rows())
      for (const Deltas::Entry& e : entries) sum[key(f, e.label)] += e.w;
  }
  void sentence(const Model& model, const Deltas& before, const std::vector<std::string_view>& tokens,
                const std::vector<int>& gold, const LearnParams& p);
};

void DocumentStep::sentence(const Model& model, const Deltas& before, const std::vector<std::string_view>& tokens,
                            const std::vector<int>& gold, const LearnParams& p) {
  const std::size_t n = tokens.size();
  if (n == 0 || gold.size() != n) return;
  adapted_emissions(model, before, tokens, emit, &feats, &offs);
  for (std::size_t i = 0; i < n; ++i) {
    w.add(feats.data() + offs[i], offs[i + 1] - offs[i], &emit[i * L]);
    // The trainer's cost-augmented decoding: every wrong label gets the margin added.
    if (gold[i] < 0) continue;
    const std::int32_t cost = (gold[i] == 0 ? p.cost_o : p.cost_e) * p.step;
    for (int y = 0; y < L; ++y)
      if (y != gold[i]) emit[i * L + y] += cost;
  }
  viterbi(Lattice{emit.data(), model.trans.data(), model.end.data(), n, &model.outer}, path);
  capital.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t at = 0;
    const char32_t c = utf8::next(tokens[i], at);
    capital[i] = utf8::to_lower(c) != c;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (gold[i] == path[i] || gold[i] < 0 || !learned_label(path[i])) continue;
    for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k) {
      // A capitalised word's own features (the first kOwnLexical) carry a name to its next
      // sentence; common words (lower-case) keep the small step, as their context's features.
      const std::int32_t d = k - offs[i] < kOwnLexical && capital[i] ? p.step * p.word_factor : p.step;
      w.bump(feats[k], gold[i], d, SIZE_MAX);
      w.bump(feats[k], path[i], -d, SIZE_MAX);
    }
  }
}

}  // namespace

void Learner::learn(const Model& model, const std::vector<std::vector<std::string_view>>& tokens,
                    const std::vector<std::vector<int>>& gold, const LearnParams& p) {
  DocumentStep doc;
  for (int pass = 0; pass < p.epochs; ++pass) {
    for (std::size_t s = 0; s < tokens.size(); ++s) doc.sentence(model, weights, tokens[s], gold[s], p);
    doc.end_pass();
  }
  ++documents;
  // In key order, so that which weights a full table refuses does not depend on the hash
  // table's order.
  std::vector<std::pair<std::uint64_t, std::int64_t>> sums(doc.sum.begin(), doc.sum.end());
  std::sort(sums.begin(), sums.end());
  for (const auto& [k, total] : sums) {
    // The mean over the passes, rounded half away from zero: the same on every platform.
    const std::int64_t mean = std::llround(static_cast<double>(total) / p.epochs);
    if (mean != 0)
      weights.bump(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xff), static_cast<std::int32_t>(mean), p.cap);
  }
}

}  // namespace belgi::entities
