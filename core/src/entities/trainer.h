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
#include "entities/iob2.h"
#include "entities/model_format.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace belgi::entities {

// The trainer's random numbers (dev split, shuffles, augmentation): splitmix64, the same on
// every platform (std::shuffle and the std distributions are not).
inline std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

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
                             // (with --cv-only: the cross-validation's span errors, score_news())
  std::string news_dir;      // written-news articles (*.json, the examples' format); "" = none
  int news_weight = 1;       // perceptron step size on news sentences (an instance weight)
  int news_folds = 0;        // k-fold cross-validation by article over the news (0 = none)
  int news_folds_run = 0;    // run only n folds (quick comparisons; 0 = all) ...
  int news_folds_from = 1;   // ... from this one (1-based)
  bool cv_only = false;      // stop after the cross-validation (no dev run, no model written)
};

// A training sentence: tokens and label ids (features.h numbering).
struct LabeledSentence {
  std::vector<std::string> tokens;
  std::vector<int> labels;
  int weight = 1;  // the perceptron's step on this sentence (--news-weight on news sentences)
};

// A gold or predicted span of a news article: class name and code-point offsets [start, end).
struct NewsSpan {
  std::string type;
  std::size_t start = 0, end = 0;
};

// A written-news article: its text, the core's tokens and sentences, the gold spans, and the
// sentences labelled from them (one per sentence of `sentences`).
struct NewsDoc {
  std::string name, text;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<NewsSpan> gold;
  std::vector<LabeledSentence> labeled;
};

// Reads a whole file into `out`.
Status read_file(const std::string& path, std::string& out);
// The files of `dir` whose extension is `ext` (".json"), in name order; `what` names them in
// the error ("cannot list WHAT in DIR").
Status list_files(const std::string& dir, const char* ext, const std::string& what,
                  std::vector<std::string>& out);

// Reads every *.json article of `dir` in name order; hash covers the files' bytes.
Status read_news(const std::string& dir, std::vector<NewsDoc>& out, std::uint64_t& hash, std::ostream& log);
// The cross-validation fold of an article: FNV-1a of its file name mod folds.
int news_fold(const NewsDoc& doc, int folds);
// Adds the article's scores over the 9 name classes (exact code-point spans, as
// ../shared/tools/score_docs.py counts them) with the model and rules run as the annotator runs them.
class Model;
// rules = false: the model alone, without apply_rules() (to measure the rules).
// errors: if set, gets a line per missed (FN) or spurious (FP) span: `article FN TYPE text`.
void score_news(const Model& model, const NewsDoc& doc, iob2::Scores& scores, bool rules = true,
                std::ostream* errors = nullptr);

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
