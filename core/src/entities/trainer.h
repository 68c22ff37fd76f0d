// Training the entity model (native only: implemented in train*.cpp, linked into belgi_train).
// An averaged structured perceptron over the features of entities/features.h, trained with
// cost-augmented decoding and decoded with the same constrained Viterbi as the tagger; integer
// updates and fixed-seed shuffling, so the same data and options give the same model bytes.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "belgi/status.h"
#include "entities/model_format.h"

namespace belgi::entities {

struct TrainOptions {
  std::string data_dir;      // holds valid.iob2 and test-a.iob2 (KazNERD)
  std::string lexicon_dir;   // data/lexicons: *.tsv, `entry<TAB>class` per line
  std::string out;           // where the model goes (data/model/ner.bin)
  int epochs = 12;
  int runs = 4;              // perceptron runs (different shuffles) whose weights are averaged
  std::uint64_t seed = 20231205;  // dev split and shuffling
  int dev_percent = 10;      // share of sentence blocks held out for development
  bool full = true;          // after the dev run, retrain on all sentences and write that model
  bool trace = false;        // print dev micro F1 after every epoch
  bool augment = true;       // add synthesized written-news sentences (see train_augment.cpp)
  double prune = 1.0;        // drop averaged weights below this (perceptron units)
  int clusters = 48;         // word classes induced from the training text (0 = none)
  int cost_o = 5;            // cost-augmented training: margin on tokens whose gold label is O
  int cost_e = 10;           // ... and on tokens of an entity (perceptron units; 0 0 = plain)
  std::string dev_out;       // if set, writes `token gold predicted` for the dev split there
};

// A training sentence: tokens and label ids (features.h numbering).
struct LabeledSentence {
  std::vector<std::string> tokens;
  std::vector<int> labels;
};

// Lexicon lists as read from the TSV files (lower-cased entries).
struct LexiconLists {
  std::vector<std::pair<std::string, std::uint32_t>> entries;  // "біріккен араб әмірліктері"
  std::vector<std::pair<std::string, std::uint32_t>> endings;  // "ұлы"
  std::uint64_t hash = 0;  // FNV-1a over the files read (in name order)
};

// Reads every *.tsv of `dir` in name order.
Status read_lexicons(const std::string& dir, LexiconLists& out);

// Word classes of the words seen at least twice: (lexicon_key(lower-cased word), class 1..classes).
std::vector<std::pair<std::uint32_t, std::uint32_t>> induce_clusters(
    const std::vector<LabeledSentence>& sents, int classes, int iterations, std::ostream& log);

// Deterministic synthesized sentences for written-news patterns, built from `train`'s own entities.
std::vector<LabeledSentence> augment(const std::vector<LabeledSentence>& train, const LexiconLists& lex,
                                     std::uint64_t seed);

// Trains on `train` and returns the model; if dev is not empty and trace is set, prints the dev
// micro F1 after each epoch to log.
ModelData train_model(const std::vector<LabeledSentence>& train, const LexiconLists& lex,
                      const TrainOptions& opt, const std::vector<LabeledSentence>& dev,
                      std::ostream& log);

// The whole `belgi train` run: read data, split, train, report dev scores, write the model.
Status run_training(const TrainOptions& opt, std::ostream& log);

}  // namespace belgi::entities
