// The averaged structured perceptron (train_perceptron.h).
#include "entities/train_perceptron.h"

#include <algorithm>
#include <cmath>

#include "entities/decode.h"

namespace belgi::entities {

namespace {
constexpr int L = kLabelCount;
}  // namespace

void Averages::export_to(const std::vector<std::uint32_t>& keys, double prune, ModelData& d) const {
  const double k = 1.0 / std::max(1, runs);
  double maxw = 1e-9;
  for (const auto& row : rows)
    for (const auto& [label, v] : row) maxw = std::max(maxw, std::fabs(v * k));
  for (double v : trans) maxw = std::max(maxw, std::fabs(v * k));
  for (double v : end) maxw = std::max(maxw, std::fabs(v * k));
  double scale = maxw / 32767.0;
  auto q = [&](double v) { return static_cast<std::int16_t>(std::lround(v * k / scale)); };
  d.scale = static_cast<float>(scale);
  d.trans.resize(trans.size());
  for (std::size_t i = 0; i < trans.size(); ++i) d.trans[i] = q(trans[i]);
  d.end.resize(end.size());
  for (std::size_t i = 0; i < end.size(); ++i) d.end[i] = q(end[i]);
  std::vector<std::uint32_t> order(rows.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
  d.feat_keys.clear();
  d.feat_start.assign(1, 0);
  d.pair_label.clear();
  d.pair_weight.clear();
  for (std::uint32_t id : order) {
    std::size_t before = d.pair_label.size();
    for (const auto& [label, v] : rows[id]) {
      if (std::fabs(v * k) < prune) continue;
      std::int16_t x = q(v);
      if (x == 0) continue;
      d.pair_label.push_back(static_cast<std::uint8_t>(label));
      d.pair_weight.push_back(x);
    }
    if (d.pair_label.size() == before) continue;
    d.feat_keys.push_back(keys[id]);
    d.feat_start.push_back(static_cast<std::uint32_t>(d.pair_label.size()));
  }
}

Perceptron::Perceptron(std::size_t features, int cost_o, int cost_e)
    : rows_(features), tw_((L + 1) * L, 0), tu_((L + 1) * L, 0), ew_(L, 0), eu_(L, 0),
      cost_o_(cost_o), cost_e_(cost_e) {}

void Perceptron::emissions(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
                           std::vector<std::int32_t>& emit) const {
  std::size_t n = offs.size() - 1;
  emit.assign(n * L, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k)
      for (const Entry& e : rows_[ids[k]]) emit[i * L + e.label] += e.w;
}

// Cost-augmented (loss-augmented) decoding: every label but the gold one gets its token's cost
// added to its score, so the search finds the labelling that most violates a margin of that
// cost, and the update also fires on right answers won by less than the margin. The cost on
// entity tokens is higher: missing or mislabelling a name costs more than a spurious one.
void Perceptron::add_costs(const std::vector<int>& gold) {
  if (!cost_o_ && !cost_e_) return;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const int cost = gold[i] == 0 ? cost_o_ : cost_e_;
    for (int y = 0; y < L; ++y)
      if (y != gold[i]) emit_[i * L + y] += cost;
  }
}

// `weight` is the step size: an instance weight (`--news-weight` on news sentences; 1 in the
// shipped recipe, as 2 and 3 did not help).
void Perceptron::learn(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
                       const std::vector<int>& gold, int weight) {
  ++c_;
  emissions(ids, offs, emit_);
  add_costs(gold);
  viterbi(Lattice{emit_.data(), tw_.data(), ew_.data(), gold.size()}, path_);
  if (path_ != gold) update(ids, offs, gold, weight);
}

// Moves the weights towards the gold labels and away from the decoded path_.
void Perceptron::update(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
                        const std::vector<int>& gold, int weight) {
  const std::size_t n = gold.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (gold[i] != path_[i]) {
      for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k) {
        bump(ids[k], gold[i], +weight);
        bump(ids[k], path_[i], -weight);
      }
    }
    int gp = i ? gold[i - 1] : L, pp = i ? path_[i - 1] : L;
    if (gp != pp || gold[i] != path_[i]) {
      tw_[gp * L + gold[i]] += weight, tu_[gp * L + gold[i]] += c_ * weight;
      tw_[pp * L + path_[i]] -= weight, tu_[pp * L + path_[i]] -= c_ * weight;
    }
  }
  if (gold[n - 1] != path_[n - 1]) {
    ew_[gold[n - 1]] += weight, eu_[gold[n - 1]] += c_ * weight;
    ew_[path_[n - 1]] -= weight, eu_[path_[n - 1]] -= c_ * weight;
  }
}

void Perceptron::add_average(Averages& acc) const {
  auto avg = [&](std::int64_t w, std::int64_t u) {
    return static_cast<double>(w) - static_cast<double>(u) / static_cast<double>(c_);
  };
  acc.rows.resize(rows_.size());
  acc.trans.resize((L + 1) * L, 0.0);
  acc.end.resize(L, 0.0);
  for (std::size_t f = 0; f < rows_.size(); ++f)
    for (const Entry& e : rows_[f]) acc.rows[f][e.label] += avg(e.w, e.u);
  for (int i = 0; i < (L + 1) * L; ++i) acc.trans[i] += avg(tw_[i], tu_[i]);
  for (int i = 0; i < L; ++i) acc.end[i] += avg(ew_[i], eu_[i]);
  ++acc.runs;
}

void Perceptron::bump(std::uint32_t f, int label, int delta) {
  for (Entry& e : rows_[f])
    if (e.label == label) {
      e.w += delta;
      e.u += c_ * delta;
      return;
    }
  rows_[f].push_back(Entry{static_cast<std::uint8_t>(label), delta, c_ * delta});
}

}  // namespace belgi::entities
