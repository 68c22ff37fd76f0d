// Learning from corrections: an Adaptation is a bounded set of changes to the entity model's
// emission weights, learned from corrected documents with the trainer's own update (the
// cost-augmented structured perceptron, on the model's lexical features), tied to the model it
// was learned on.
// Dates and quotes rules are not touched: only what the model proposes changes.
//
//   auto adaptation = std::make_shared<Adaptation>(*annotator);
//   adaptation->learn(text, corrected_spans);          // once per finished document
//   auto adapted = annotator->adapted(*adaptation);   // annotates with model + adaptation
//   std::string bytes = adaptation->serialize();      // Adaptation::parse() reads it back
//
// Deterministic: the same documents learned in the same order give the same bytes and the same
// annotations, natively and in WebAssembly. An empty adaptation annotates exactly as the model.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/span.h"
#include "belgi/status.h"

namespace belgi {

class Annotator;

class Adaptation {
 public:
  // An empty adaptation of `base`'s entity model.
  explicit Adaptation(const Annotator& base);
  Adaptation(const Adaptation&);
  Adaptation& operator=(const Adaptation&);
  ~Adaptation();

  // Learns from one corrected document: its UTF-8 text and its spans (byte offsets), taken as
  // the whole truth: a name not among them is not a name. QUOTE spans are ignored; spans that
  // overlap an earlier one, or are empty or out of the text, are skipped and counted in
  // *skipped. Errors (text not UTF-8, a document too large) name the byte offset, and are found
  // before anything is learned: on an error the adaptation is unchanged.
  Status learn(std::string_view utf8, const std::vector<Span>& truth, std::size_t* skipped = nullptr);

  // How strongly it learns: the perceptron step in model weight units and the passes over each
  // document (0 = the default; docs/adaptation.md has the measurements behind the defaults).
  // For measuring: the page and `belgi adapt` use the defaults.
  struct Settings {
    int step = 0;
    int epochs = 0;
    int word_factor = 0;  // the step on a word's own features, in steps
  };
  void configure(const Settings& settings);

  // Forgets everything learned (same as a new Adaptation of the same model).
  void reset();

  // The versioned binary form (magic "BELGIADA"): the model id, the counts, the weights.
  std::string serialize() const;
  // Reads serialize()'s bytes into an adaptation of `base`'s model. Refuses (invalid_argument,
  // with the reason) bytes of another format version, corrupt bytes, or an adaptation learned on
  // another model (the ids are named).
  static Status parse(std::string_view bytes, const Annotator& base, Adaptation& out);

  int documents() const;        // documents learned from
  std::size_t weights() const;  // non-zero (feature, label) weights it holds
  bool empty() const;           // true: annotates exactly as the model alone
  std::string model() const;    // the id of the model it belongs to

  // Bounds, so that an adaptation stays small and one document cannot swing the model.
  static constexpr std::size_t kMaxWeights = 1u << 20;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace belgi
