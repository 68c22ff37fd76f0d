// The averaged structured perceptron of `belgi train` (train.cpp): integer updates with
// cost-augmented decoding, averaged with the timestamp trick; several runs are summed in
// Averages and exported as one quantized, pruned model.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "entities/features.h"
#include "entities/model_format.h"

namespace belgi::entities {

// Sums of averaged weights over several perceptron runs (different shuffles of the data); their
// mean is the model. A map per feature keeps the labels in order.
struct Averages {
  std::vector<std::map<int, double>> rows;
  std::vector<double> trans, end;
  int runs = 0;

  // Mean weights, quantized to int16 with one scale, pruned; keys[id] = feature hash of id.
  void export_to(const std::vector<std::uint32_t>& keys, double prune, ModelData& d) const;
};

// Weights of one feature: a short list of (label, weight, timestamped sum) entries.
struct Entry {
  std::uint8_t label;
  std::int32_t w;
  std::int64_t u;  // sum of c * delta, for averaging (avg = w - u / c)
};

class Perceptron {
 public:
  // cost_o, cost_e: the Hamming cost of a wrong label on a token whose gold label is O, or an
  // entity label, in perceptron units (0, 0: the plain perceptron).
  Perceptron(std::size_t features, int cost_o, int cost_e);

  // One perceptron step on a sentence (its feature ids, token i owning ids[offs[i], offs[i+1])):
  // decode, and if wrong, move towards the gold labels by `weight`.
  void learn(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
             const std::vector<int>& gold, int weight);

  // Adds this run's averaged weights to acc (plain sums, in a fixed order).
  void add_average(Averages& acc) const;

 private:
  void emissions(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
                 std::vector<std::int32_t>& emit) const;
  void add_costs(const std::vector<int>& gold);
  void update(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
              const std::vector<int>& gold, int weight);
  void bump(std::uint32_t f, int label, int delta);

  std::vector<std::vector<Entry>> rows_;
  std::vector<std::int32_t> tw_;
  std::vector<std::int64_t> tu_;
  std::vector<std::int32_t> ew_;
  std::vector<std::int64_t> eu_;
  std::int64_t c_ = 0;
  int cost_o_ = 0, cost_e_ = 0;
  std::vector<std::int32_t> emit_;
  std::vector<int> path_;
};

}  // namespace belgi::entities
