// The averaged structured perceptron behind `belgi train` (see trainer.h).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unordered_map>

#include <unicode/uchar.h>

#include "entities/features.h"
#include "entities/iob2.h"
#include "entities/model.h"
#include "entities/train_eval.h"
#include "entities/train_perceptron.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Sets kKnownLowercase on the known words written in lower case in more than 3/4 of their
// occurrences after the first token of a sentence ("қақпада", not "астана").
void mark_lowercase_words(const std::vector<LabeledSentence>& train,
                          std::vector<std::pair<std::uint32_t, std::uint32_t>>& known) {
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> counts;  // (lower, capitalized)
  for (const auto& s : train)
    for (std::size_t i = 1; i < s.tokens.size(); ++i) {
      const std::string& t = s.tokens[i];
      std::size_t p = 0;
      char32_t c = utf8::next(t, p);
      if (!u_isalpha(c)) continue;
      auto& [lower, cap] = counts[lexicon_key(utf8::lower(t))];
      (u_isupper(c) ? cap : lower) += 1;
    }
  for (auto& [key, value] : known) {
    auto it = counts.find(key);
    if (it != counts.end() && it->second.first >= 2 && it->second.first > 3 * it->second.second)
      value |= kKnownLowercase;
  }
}

// Lexicon tables of a model: the lists plus the words seen at least twice in training.
void fill_lexicons(const std::vector<LabeledSentence>& train, const LexiconLists& lists,
                   const TrainOptions& opt, ModelData& d, std::ostream& log) {
  d.lex_entries.clear();
  d.lex_endings.clear();
  d.max_words = 1;
  for (const auto& [text, bits] : lists.entries) {
    d.lex_entries.emplace_back(lexicon_key(text), bits);
    d.max_words = std::max<int>(d.max_words, 1 + std::count(text.begin(), text.end(), ' '));
    for (std::size_t sp = text.find(' '); sp != std::string::npos; sp = text.find(' ', sp + 1))
      d.lex_entries.emplace_back(lexicon_key(std::string_view(text).substr(0, sp)), kLexPrefix);
  }
  for (const auto& [text, bits] : lists.endings) d.lex_endings.emplace_back(lexicon_key(text), bits);
  // Known words (seen twice) with their induced class; class 1 for all when clusters are off.
  d.known = induce_clusters(train, std::max(1, opt.clusters), opt.clusters > 0 ? 12 : 0, log);
  mark_lowercase_words(train, d.known);
  auto by_key = [](const auto& a, const auto& b) { return a < b; };
  std::sort(d.lex_entries.begin(), d.lex_entries.end(), by_key);
  std::sort(d.lex_endings.begin(), d.lex_endings.end(), by_key);
}

Lexicons build_lexicons(const ModelData& d) {
  Lexicons lex;
  lex.entries.build(d.lex_entries);
  lex.endings.build(d.lex_endings);
  lex.known.build(d.known);
  lex.max_words = d.max_words;
  return lex;
}

// Gazetteer of the names in the sentences picked: lower-cased word sequences of the name classes
// (not numbers, dates, times, contacts, sayings) with a bit per class, and prefix marks.
std::vector<std::pair<std::uint32_t, std::uint32_t>> build_gazetteer(
    const std::vector<LabeledSentence>& sents, const std::vector<bool>& pick) {
  static const char* kSkip[] = {"CARDINAL", "DATE", "MONEY", "ORDINAL", "PERCENTAGE",
                                "QUANTITY", "TIME", "CONTACT", "ADAGE"};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::size_t s = 0; s < sents.size(); ++s) {
    if (!pick[s]) continue;
    const auto& ls = sents[s];
    for (std::size_t i = 0; i < ls.labels.size(); ++i) {
      int y = ls.labels[i];
      if (y == 0 || is_inside(y)) continue;
      std::size_t e = i + 1;
      while (e < ls.labels.size() && ls.labels[e] == y + 1) ++e;
      const char* cls = class_name(label_class(y));
      if (e - i > kGazetteerWords ||
          std::any_of(std::begin(kSkip), std::end(kSkip), [&](const char* k) { return !std::strcmp(k, cls); }))
        continue;
      std::string key;
      for (std::size_t j = i; j < e; ++j) {
        if (j > i) {
          out.emplace_back(lexicon_key(key), kLexPrefix);
          key += ' ';
        }
        key += utf8::lower(ls.tokens[j]);
      }
      out.emplace_back(lexicon_key(key), 1u << label_class(y));
    }
  }
  std::sort(out.begin(), out.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& kv : out) {
    if (!merged.empty() && merged.back().first == kv.first) merged.back().second |= kv.second;
    else merged.push_back(kv);
  }
  return merged;
}

Status read_conll(const std::string& path, std::vector<LabeledSentence>& out, std::uint64_t& hash) {
  std::string content;
  Status st = read_file(path, content);
  if (!st.ok()) return st;
  hash = fnv1a64(content, hash);
  std::vector<iob2::Sentence> sents;
  st = iob2::parse_conll(content, sents);
  if (!st.ok()) return Status::error(st.code, path + ": " + st.message, st.offset);
  for (const auto& s : sents) {
    LabeledSentence ls;
    ls.tokens = s.tokens;
    for (const auto& t : s.tags) {
      int l = parse_label(t);
      if (l < 0)
        return Status::error(StatusCode::invalid_input,
                             path + ": unknown tag '" + t + "' in the sentence at line " + std::to_string(s.line));
      ls.labels.push_back(l);
    }
    // Repair I- tags that continue nothing (strict IOB2): they become B-.
    for (std::size_t i = 0; i < ls.labels.size(); ++i)
      if (!valid_transition(i ? ls.labels[i - 1] : -1, ls.labels[i])) ls.labels[i] -= 1;
    out.push_back(std::move(ls));
  }
  return Status();
}

// The features of every training sentence once, as dense ids (first-seen order: deterministic).
struct Extracted {
  std::vector<std::uint32_t> keys;  // keys[id] = feature hash
  std::vector<std::vector<std::uint32_t>> ids, offs;  // per sentence: feature ids, token offsets
};

// Gazetteer features in training come from the other folds only (jackknifing), so the model
// learns how far a name seen elsewhere can be trusted. Folds are runs of 50 sentences, so a
// news item's names do not vouch for themselves. d.gazetteer gets the names of all sentences.
Extracted extract_features(const std::vector<LabeledSentence>& train, ModelData& d) {
  constexpr int kFolds = 10;
  auto fold = [](std::size_t s) { return static_cast<int>((s / 50) % kFolds); };
  const Lexicons lex = build_lexicons(d);
  std::vector<bool> pick(train.size(), true);
  d.gazetteer = build_gazetteer(train, pick);
  std::vector<Lexicons> fold_lex(kFolds, lex);
  for (int k = 0; k < kFolds; ++k) {
    for (std::size_t s = 0; s < train.size(); ++s) pick[s] = fold(s) != k;
    fold_lex[k].gazetteer.build(build_gazetteer(train, pick));
  }
  FeatureExtractor fx(&lex);
  std::unordered_map<std::uint32_t, std::uint32_t> index;
  Extracted x;
  x.ids.resize(train.size());
  x.offs.resize(train.size());
  for (std::size_t s = 0; s < train.size(); ++s) {
    fx.set_lexicons(&fold_lex[fold(s)]);
    fx.extract(views(train[s].tokens));
    x.offs[s] = fx.offsets();
    for (std::uint32_t k : fx.feats()) {
      auto [it, fresh] = index.emplace(k, static_cast<std::uint32_t>(x.keys.size()));
      if (fresh) x.keys.push_back(k);
      x.ids[s].push_back(it->second);
    }
  }
  return x;
}

}  // namespace

Status read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(StatusCode::invalid_argument, "cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return Status();
}

Status list_files(const std::string& dir, const char* ext, const std::string& what,
                  std::vector<std::string>& out) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ext) out.push_back(e.path().string());
  if (ec) return Status::error(StatusCode::invalid_argument, "cannot list " + what + " in " + dir);
  std::sort(out.begin(), out.end());
  return Status();
}

ModelData train_model(const std::vector<LabeledSentence>& train, const LexiconLists& lists,
                      const TrainOptions& opt, const std::vector<LabeledSentence>& dev,
                      std::ostream& log) {
  ModelData d;
  d.feature_set = kFeatureSetId;
  fill_lexicons(train, lists, opt, d, log);
  const Extracted x = extract_features(train, d);
  // Several runs over differently shuffled data, weights averaged: the same linear model size,
  // less variance from the order of the updates.
  Averages acc;
  std::vector<std::size_t> order(train.size());
  for (int run = 0; run < std::max(1, opt.runs); ++run) {
    Perceptron p(x.keys.size(), opt.cost_o, opt.cost_e);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = opt.seed + static_cast<std::uint64_t>(run) * 0x632BE59BD9B4E019ull;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
      for (std::size_t s : order)
        if (!train[s].tokens.empty()) p.learn(x.ids[s], x.offs[s], train[s].labels, train[s].weight);
      if (opt.trace && !dev.empty()) {
        Averages one = acc;
        p.add_average(one);
        one.export_to(x.keys, opt.prune, d);
        auto m = load(d);
        if (m) log << "run " << run + 1 << " epoch " << epoch + 1 << " dev micro F1 " << evaluate(*m, dev).micro.f1() << "\n" << std::flush;
      }
    }
    p.add_average(acc);
  }
  acc.export_to(x.keys, opt.prune, d);
  return d;
}

namespace {

// The news sentences of the articles picked, with the news weight.
std::vector<LabeledSentence> news_sentences(const std::vector<NewsDoc>& docs, const TrainOptions& opt,
                                            int skip_fold) {
  std::vector<LabeledSentence> out;
  for (const NewsDoc& doc : docs) {
    if (skip_fold >= 0 && news_fold(doc, opt.news_folds) == skip_fold) continue;
    for (LabeledSentence s : doc.labeled) {
      s.weight = opt.news_weight;
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<LabeledSentence> joined(std::vector<LabeledSentence> a, const std::vector<LabeledSentence>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// k-fold cross-validation by article: each fold's model trains on `kaz` (KazNERD's training
// part, augmented) and the other folds' articles, and tags its own articles once with the rules
// and once without; the models are thrown away. Prints the 9 name classes per fold and over all.
void cross_validate(const std::vector<LabeledSentence>& kaz, const std::vector<NewsDoc>& docs,
                    const LexiconLists& lists, const TrainOptions& opt, std::ostream& log) {
  iob2::Scores all, bare;  // bare: without the rules
  std::ofstream errors;
  if (!opt.dev_out.empty()) errors.open(opt.dev_out);
  const int from = std::clamp(opt.news_folds_from, 1, opt.news_folds) - 1;
  const int run = opt.news_folds_run > 0 ? std::min(opt.news_folds_run, opt.news_folds - from) : opt.news_folds - from;
  for (int k = from; k < from + run; ++k) {
    auto model = load(train_model(joined(kaz, news_sentences(docs, opt, k)), lists, opt, {}, log));
    if (!model) {
      log << "news fold " << k + 1 << ": the trained model does not load; fold skipped\n";
      continue;
    }
    iob2::Scores fold;
    int n = 0;
    for (const NewsDoc& doc : docs)
      if (news_fold(doc, opt.news_folds) == k) {
        score_news(*model, doc, fold, true, errors.is_open() ? &errors : nullptr);
        score_news(*model, doc, bare, false);
        ++n;
      }
    all.merge(fold);
    log << "news fold " << k + 1 << "/" << opt.news_folds << " (" << n << " articles): P "
        << fold.micro.precision() << " R " << fold.micro.recall() << " F1 " << fold.micro.f1() << "\n"
        << std::flush;
  }
  log << "news cross-validation (" << run << " of " << opt.news_folds << " folds by article, 9 name classes, exact spans):\n"
      << all.table() << "the same without the rules after the model: micro P " << bare.micro.precision()
      << " R " << bare.micro.recall() << " F1 " << bare.micro.f1() << "\n";
}

// What `belgi train` reads: KazNERD's two files, the news articles, the lexicons, and the hash
// over all of their bytes (the model id's second part).
struct Corpus {
  std::vector<LabeledSentence> kaznerd;
  std::vector<NewsDoc> docs;
  LexiconLists lists;
  std::string hash;
};

Status read_corpus(const TrainOptions& opt, Corpus& c, std::ostream& log) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char* name : {"valid.iob2", "test-a.iob2"}) {
    Status st = read_conll(opt.data_dir + "/" + name, c.kaznerd, hash);
    if (!st.ok()) return st;
  }
  if (!opt.news_dir.empty()) {
    Status st = read_news(opt.news_dir, c.docs, hash, log);
    if (!st.ok()) return st;
  }
  Status st = read_lexicons(opt.lexicon_dir, c.lists);
  if (!st.ok()) return st;
  c.hash = hex64(fnv1a64(hex64(c.lists.hash), hash));
  return Status();
}

// Development split: blocks of 10 consecutive sentences (neighbouring sentences of one news
// item stay together), each block held out with probability dev_percent / 100.
void split_dev(const std::vector<LabeledSentence>& all, const TrainOptions& opt,
               std::vector<LabeledSentence>& train, std::vector<LabeledSentence>& dev) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::uint64_t x = opt.seed ^ (static_cast<std::uint64_t>(i / 10) * 0x9E3779B97F4A7C15ull);
    bool held = static_cast<int>(splitmix(x) % 100) < opt.dev_percent;
    (held ? dev : train).push_back(all[i]);
  }
}

// Augmentation (train_augment.cpp) synthesizes news patterns from KazNERD sentences only.
std::vector<LabeledSentence> augmented(std::vector<LabeledSentence> base, const Corpus& c,
                                       const TrainOptions& opt, std::ostream& log) {
  if (!opt.augment) return base;
  auto extra = augment(base, c.lists, opt.seed);
  log << "augmented sentences: " << extra.size() << "\n";
  return joined(std::move(base), extra);
}

// How the written model fits its own news articles (not an estimate: it trained on them), then
// the model's bytes to opt.out. Compare the fit with score_docs.py on the same articles to check
// that score_news() counts alike.
Status write_model(const ModelData& d, const Corpus& c, const TrainOptions& opt, std::ostream& log) {
  if (!c.docs.empty())
    if (auto m = load(d)) {
      iob2::Scores fit;
      for (const NewsDoc& doc : c.docs) score_news(*m, doc, fit);
      log << "news-train, the written model on its own training articles: P " << fit.micro.precision()
          << " R " << fit.micro.recall() << " F1 " << fit.micro.f1() << "\n";
    }
  std::string bytes = serialize_model(d);
  log << "model: " << d.feat_keys.size() << " features, " << d.pair_label.size() << " weights, "
      << bytes.size() << " bytes, id " << d.feature_set << "/" << d.data_hash << "\n";
  if (opt.out.empty()) return Status();
  std::ofstream out(opt.out, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::error(StatusCode::invalid_argument, "cannot write " + opt.out);
  return Status();
}

}  // namespace

Status run_training(const TrainOptions& opt, std::ostream& log) {
  Corpus c;
  Status st = read_corpus(opt, c, log);
  if (!st.ok()) return st;
  std::vector<LabeledSentence> train, dev;
  split_dev(c.kaznerd, opt, train, dev);
  log << "sentences: " << c.kaznerd.size() << " (train " << train.size() << ", dev " << dev.size() << ")\n";
  // The news articles go after the augmented KazNERD sentences, all of them (the development
  // split is KazNERD's); the cross-validation holds out a fold of them at a time.
  const std::vector<LabeledSentence> train_aug = augmented(train, c, opt, log);
  if (opt.news_folds > 1 && !c.docs.empty()) cross_validate(train_aug, c.docs, c.lists, opt, log);
  if (opt.cv_only) return Status();
  const std::vector<LabeledSentence> news = news_sentences(c.docs, opt, -1);
  ModelData d = train_model(joined(train_aug, news), c.lists, opt, dev, log);
  d.data_hash = c.hash;
  const double temperature = calibrate(d, dev, log);
  d.scale = static_cast<float>(d.scale / temperature);
  auto model = load(d);
  if (!model) return Status::error(StatusCode::internal, "the trained model does not load");
  std::ofstream dump;
  if (!opt.dev_out.empty()) dump.open(opt.dev_out);
  iob2::Scores scores = evaluate(*model, dev, opt.dev_out.empty() ? nullptr : &dump);
  log << "development split (" << dev.size() << " sentences, strict IOB2 spans):\n" << scores.table();
  if (opt.full && opt.dev_percent > 0) {
    log << "retraining on all " << c.kaznerd.size() << " sentences\n";
    d = train_model(joined(augmented(c.kaznerd, c, opt, log), news), c.lists, opt, {}, log);
    d.data_hash = c.hash;
    d.scale = static_cast<float>(d.scale / temperature);
  }
  return write_model(d, c, opt, log);
}

}  // namespace belgi::entities
