// belgi train: trains the entity model on KazNERD and writes data/model/ner.bin (native only).
#include <CLI/CLI.hpp>
#include <iostream>

#include "common.h"
#include "entities/trainer.h"

int run_train(int argc, char** argv) {
  using namespace belgi::cli;
  belgi::entities::TrainOptions opt;
  opt.lexicon_dir = "data/lexicons";
  opt.out = "data/model/ner.bin";
  CLI::App app{"Train the entity model: reads valid.iob2 and test-a.iob2 of KazNERD, holds out a\n"
               "development split, prints its strict IOB2 scores, then retrains on everything\n"
               "(unless --no-full) and writes the model",
               "belgi train"};
  app.add_option("--data", opt.data_dir, "folder with KazNERD's valid.iob2 and test-a.iob2")->required();
  app.add_option("--lexicons", opt.lexicon_dir, "folder of lexicon *.tsv files")->capture_default_str();
  app.add_option("--out", opt.out, "model file to write ('' = none)")->capture_default_str();
  app.add_option("--epochs", opt.epochs, "perceptron passes over the data")->capture_default_str();
  app.add_option("--runs", opt.runs, "perceptron runs with different shuffles, averaged")->capture_default_str();
  app.add_option("--dev-seed", opt.seed, "seed of the development split and the shuffling")->capture_default_str();
  app.add_option("--dev-percent", opt.dev_percent, "share of sentence blocks held out")->capture_default_str();
  app.add_option("--prune", opt.prune, "drop averaged weights smaller than this")->capture_default_str();
  app.add_option("--clusters", opt.clusters, "word classes induced from the training text (0 = none)")->capture_default_str();
  app.add_option("--cost-o", opt.cost_o, "cost-augmented training: margin on gold-O tokens")->capture_default_str();
  app.add_option("--cost-e", opt.cost_e, "cost-augmented training: margin on gold entity tokens")->capture_default_str();
  app.add_option("--news", opt.news_dir, "folder of written-news articles (*.json) to train on");
  app.add_option("--news-weight", opt.news_weight, "perceptron step on news sentences (instance weight)")->capture_default_str();
  app.add_option("--news-folds", opt.news_folds, "cross-validate by article over the news first (0 = no)")->capture_default_str();
  app.add_option("--news-folds-run", opt.news_folds_run, "run only n folds, from --news-folds-from (0 = all)")->capture_default_str();
  app.add_option("--news-folds-from", opt.news_folds_from,
                 "start at this fold (1-based), so folds chosen on and folds reported on can differ")
      ->capture_default_str();
  app.add_option("--dev-out", opt.dev_out, "write `token gold predicted` lines of the dev split (with --news-folds: the folds' span errors)");
  bool no_full = false, no_augment = false;
  app.add_flag("--no-full", no_full, "write the model trained without the dev split");
  app.add_flag("--no-augment", no_augment, "train without the synthesized written-news sentences");
  app.add_flag("--cv-only", opt.cv_only, "stop after the news cross-validation");
  app.add_flag("--trace", opt.trace, "print dev micro F1 after every epoch");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  opt.full = !no_full;
  opt.augment = !no_augment;
  belgi::Status st = belgi::entities::run_training(opt, std::cout);
  if (!st.ok()) {
    report("train", st.message);
    return st.code == belgi::StatusCode::internal ? kExitInternal : kExitBadInput;
  }
  return kExitOk;
}
