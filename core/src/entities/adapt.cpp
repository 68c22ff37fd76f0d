// Learning from corrections, the entity model's side (adapt.h).
#include "entities/adapt.h"

#include <algorithm>
#include <cmath>

#include "entities/decode.h"
#include "entities/model.h"
#include "entities/model_tables.h"

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

// One document's averaged perceptron (train_perceptron.h's timestamp trick: the average of w
// over the steps is w - u / c).
struct DocumentStep {
  Deltas w;
  std::unordered_map<std::uint64_t, std::int64_t> u;  // key(feature, label)
  std::int64_t c = 0;
  std::vector<std::int32_t> emit;
  std::vector<std::uint32_t> feats, offs;
  std::vector<int> path;

  void bump(std::uint32_t f, int label, std::int32_t d) {
    if (w.bump(f, label, d, SIZE_MAX)) u[key(f, label)] += c * d;
  }
  void sentence(const Model& model, const Deltas& before, const std::vector<std::string_view>& tokens,
                const std::vector<int>& gold, const LearnParams& p);
};

void DocumentStep::sentence(const Model& model, const Deltas& before, const std::vector<std::string_view>& tokens,
                            const std::vector<int>& gold, const LearnParams& p) {
  const std::size_t n = tokens.size();
  if (n == 0 || gold.size() != n) return;
  ++c;
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
  for (std::size_t i = 0; i < n; ++i) {
    if (gold[i] == path[i] || gold[i] < 0 || !learned_label(path[i])) continue;
    for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k) {
      bump(feats[k], gold[i], p.step);
      bump(feats[k], path[i], -p.step);
    }
  }
}

}  // namespace

void Learner::learn(const Model& model, const std::vector<std::vector<std::string_view>>& tokens,
                    const std::vector<std::vector<int>>& gold, const LearnParams& p) {
  DocumentStep doc;
  for (int epoch = 0; epoch < p.epochs; ++epoch)
    for (std::size_t s = 0; s < tokens.size(); ++s) doc.sentence(model, weights, tokens[s], gold[s], p);
  ++documents;
  if (doc.c == 0) return;
  // Rows in feature order, so that which weights a full table refuses does not depend on the
  // hash table's order.
  std::vector<std::uint32_t> features;
  for (const auto& row : doc.w.rows()) features.push_back(row.first);
  std::sort(features.begin(), features.end());
  for (std::uint32_t f : features)
    for (const Deltas::Entry& e : doc.w.rows().at(f)) {
      auto it = doc.u.find(key(f, e.label));
      const double sum = it == doc.u.end() ? 0.0 : static_cast<double>(it->second);
      // w - u / c, rounded half away from zero: integer inputs, the same on every platform.
      const std::int64_t avg = std::llround(static_cast<double>(e.w) - sum / static_cast<double>(doc.c));
      if (avg != 0) weights.bump(f, e.label, static_cast<std::int32_t>(avg), p.cap);
    }
}

}  // namespace belgi::entities
