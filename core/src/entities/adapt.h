// Learning from corrections (belgi/adaptation.h), the entity model's side: sparse emission
// weights added to the shipped model's, learned with the trainer's update (train_perceptron.h:
// cost-augmented decoding, averaged weights) on the same features. Transitions are not adapted:
// a newsroom's own names are words and contexts, not label sequences.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "belgi/span.h"
#include "entities/features.h"

namespace belgi::entities {

class Model;

// Whether an adaptation learns a class. DATE, TIME and the numeric classes are the rules' (dates)
// and hidden on the page by default, so a corrected document's spans are no truth about them.
bool learned_class(SpanType t);

// Emission weights in the model's units: per feature, (label, weight) pairs.
class Deltas {
 public:
  struct Entry {
    std::uint8_t label;
    std::int32_t w;
  };
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return size_; }  // (feature, label) weights held
  // Adds the weights of features feats[0, n) to row[0, kLabelCount).
  void add(const std::uint32_t* feats, std::size_t n, std::int32_t* row) const;
  // Adds d to the weight of (feature, label); returns false (and changes nothing) if that weight
  // is new and the table already holds `cap` weights.
  bool bump(std::uint32_t feature, int label, std::int32_t d, std::size_t cap);
  const std::unordered_map<std::uint32_t, std::vector<Entry>>& rows() const { return rows_; }

 private:
  std::unordered_map<std::uint32_t, std::vector<Entry>> rows_;
  std::size_t size_ = 0;
};

// How an adaptation learns (measured choices: docs/adaptation.md).
struct LearnParams {
  std::int32_t step = 128;    // perceptron step, in model weight units
  int cost_o = 5, cost_e = 10;  // the trainer's margins (in steps) on O and on entity tokens
  int word_factor = 32;       // the step on a word's own features (word, stem) is this many steps
  int epochs = 1;             // passes over a document's sentences
  std::size_t cap = std::size_t{1} << 20;  // most weights an adaptation holds
};

// The learning state: the weights learned so far, one document's averaged update after another.
// Within a document the trainer's averaged perceptron runs over its sentences for a few passes
// (decoding with the model, the weights so far and the document's own); the document's averaged
// update is then added. So every document counts the same, however many came before it, and
// one document moves a weight by at most its averaged update.
struct Learner {
  Deltas weights;
  int documents = 0;

  // Learns one document: its sentences' tokens and gold labels. gold[i] = -1: token i's label
  // is not learned (learned_class()), nor is a wrong guess of such a class there.
  void learn(const Model& model, const std::vector<std::vector<std::string_view>>& tokens,
             const std::vector<std::vector<int>>& gold, const LearnParams& p);
};

}  // namespace belgi::entities
