// The averaged structured perceptron behind `belgi train` (see trainer.h).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unordered_map>

#include <unicode/uchar.h>

#include "entities/decode.h"
#include "entities/features.h"
#include "entities/iob2.h"
#include "entities/model.h"
#include "entities/rules.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

constexpr int L = kLabelCount;

std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Sums of averaged weights over several perceptron runs (different shuffles of the data); their
// mean is the model. A map per feature keeps the labels in order.
struct Averages {
  std::vector<std::map<int, double>> rows;
  std::vector<double> trans, end;
  int runs = 0;

  // Mean weights, quantized to int16 with one scale, pruned; keys[id] = feature hash of id.
  void export_to(const std::vector<std::uint32_t>& keys, double prune, ModelData& d) const {
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
  Perceptron(std::size_t features, int cost_o, int cost_e)
      : rows_(features), tw_((L + 1) * L, 0), tu_((L + 1) * L, 0), ew_(L, 0), eu_(L, 0),
        cost_o_(cost_o), cost_e_(cost_e) {}

  void emissions(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
                 std::vector<std::int32_t>& emit) const {
    std::size_t n = offs.size() - 1;
    emit.assign(n * L, 0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k)
        for (const Entry& e : rows_[ids[k]]) emit[i * L + e.label] += e.w;
  }

  // One perceptron step on a sentence: decode, and if wrong, move towards the gold labels.
  // Cost-augmented (loss-augmented decoding): every label but the gold one gets its token's cost
  // added to its score, so the search finds the labelling that most violates a margin of that
  // cost, and the update also fires on right answers won by less than the margin. The cost on
  // entity tokens is higher: missing or mislabelling a name costs more than a spurious one.
  // `weight` is the step size: an instance weight (`--news-weight` on news sentences; 1 in the
  // shipped recipe, as 2 and 3 did not help).
  void learn(const std::vector<std::uint32_t>& ids, const std::vector<std::uint32_t>& offs,
             const std::vector<int>& gold, int weight) {
    ++c_;
    const std::size_t n = gold.size();
    emissions(ids, offs, emit_);
    if (cost_o_ || cost_e_)
      for (std::size_t i = 0; i < n; ++i) {
        const int cost = gold[i] == 0 ? cost_o_ : cost_e_;
        for (int y = 0; y < L; ++y)
          if (y != gold[i]) emit_[i * L + y] += cost;
      }
    viterbi(Lattice{emit_.data(), tw_.data(), ew_.data(), n}, path_);
    if (path_ == gold) return;
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

  // Adds this run's averaged weights to acc (plain sums, in a fixed order).
  void add_average(Averages& acc) const {
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

 private:
  void bump(std::uint32_t f, int label, int delta) {
    for (Entry& e : rows_[f])
      if (e.label == label) {
        e.w += delta;
        e.u += c_ * delta;
        return;
      }
    rows_[f].push_back(Entry{static_cast<std::uint8_t>(label), delta, c_ * delta});
  }

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

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::vector<std::string_view> views(const std::vector<std::string>& tokens) {
  return std::vector<std::string_view>(tokens.begin(), tokens.end());
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

Status read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(StatusCode::invalid_argument, "cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return Status();
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

// The dev table: the tagger and the written-news rules after it (rules.h), as the annotator
// runs them.
iob2::Scores evaluate(const Model& model, const std::vector<LabeledSentence>& dev,
                      std::ostream* dump = nullptr) {
  iob2::Scores scores;
  std::vector<TokenEntity> found;
  for (const auto& s : dev) {
    found.clear();
    const std::vector<std::string_view> words = views(s.tokens);
    tag(model, words, found);
    apply_rules(words, lexicons(model), found);
    std::vector<std::string> gold, pred(s.tokens.size(), "O");
    for (int l : s.labels) gold.push_back(label_name(l));
    for (const TokenEntity& e : found)
      for (std::size_t i = e.first; i < e.last; ++i)
        pred[i] = (i == e.first ? "B-" : "I-") + std::string(class_name(static_cast<int>(e.type)));
    scores.add(gold, pred);
    if (dump) {
      for (std::size_t i = 0; i < pred.size(); ++i) *dump << s.tokens[i] << ' ' << gold[i] << ' ' << pred[i] << '\n';
      *dump << '\n';
    }
  }
  return scores;
}

std::shared_ptr<const Model> load(const ModelData& d) {
  std::shared_ptr<const Model> m;
  Status st = load_model(serialize_model(d), m);
  return st.ok() ? m : nullptr;
}

// Confidence calibration: the temperature T (perceptron units) that makes sigmoid(margin / T)
// fit whether predicted dev entities are right (log loss over a fixed grid). Returns T.
double calibrate(const ModelData& d, const std::vector<LabeledSentence>& dev, std::ostream& log) {
  constexpr double kProbe = 1000.0;  // score = sigmoid(margin / 1000) stays far from saturation
  ModelData probe = d;
  probe.scale = static_cast<float>(d.scale / kProbe);
  auto model = load(probe);
  if (!model || dev.empty()) return 1.0;
  std::vector<std::pair<double, bool>> points;  // margin in units, correct
  std::vector<TokenEntity> found;
  for (const auto& s : dev) {
    found.clear();
    tag(*model, views(s.tokens), found);
    std::vector<std::string> gold;
    for (int l : s.labels) gold.push_back(label_name(l));
    auto gs = iob2::spans_from_tags(gold);
    for (const TokenEntity& e : found) {
      double p = std::min(std::max(static_cast<double>(e.score), 1e-7), 1 - 1e-7);
      bool ok = std::find(gs.begin(), gs.end(),
                          iob2::TokenSpan{class_name(static_cast<int>(e.type)), e.first, e.last}) != gs.end();
      points.emplace_back(std::log(p / (1 - p)) * kProbe, ok);
    }
  }
  double best_t = 1.0, best_loss = 1e300;
  for (double t = 0.125; t <= 512; t *= 1.189207115) {  // 2^(1/4) steps
    double loss = 0;
    for (const auto& [m, ok] : points) {
      double p = 1.0 / (1.0 + std::exp(-m / t));
      p = std::min(std::max(p, 1e-9), 1 - 1e-9);
      loss -= ok ? std::log(p) : std::log(1 - p);
    }
    if (loss < best_loss) best_loss = loss, best_t = t;
  }
  log << "confidence temperature " << best_t << " (dev log loss " << best_loss / std::max<std::size_t>(1, points.size())
      << " over " << points.size() << " entities)\n";
  return best_t;
}

}  // namespace

ModelData train_model(const std::vector<LabeledSentence>& train, const LexiconLists& lists,
                      const TrainOptions& opt, const std::vector<LabeledSentence>& dev,
                      std::ostream& log) {
  ModelData d;
  d.feature_set = kFeatureSetId;
  fill_lexicons(train, lists, opt, d, log);
  Lexicons lex = build_lexicons(d);
  // Features of every sentence once, as dense ids (first-seen order: deterministic).
  // Gazetteer features in training come from the other folds only (jackknifing), so the model
  // learns how far a name seen elsewhere can be trusted. Folds are runs of 50 sentences, so a
  // news item's names do not vouch for themselves.
  constexpr int kFolds = 10;
  auto fold = [](std::size_t s) { return static_cast<int>((s / 50) % kFolds); };
  std::vector<bool> pick(train.size(), true);
  d.gazetteer = build_gazetteer(train, pick);
  std::vector<Lexicons> fold_lex(kFolds, lex);
  for (int k = 0; k < kFolds; ++k) {
    for (std::size_t s = 0; s < train.size(); ++s) pick[s] = fold(s) != k;
    fold_lex[k].gazetteer.build(build_gazetteer(train, pick));
  }
  FeatureExtractor fx(&lex);
  std::unordered_map<std::uint32_t, std::uint32_t> ids;
  std::vector<std::uint32_t> keys;
  std::vector<std::vector<std::uint32_t>> sent_ids(train.size()), sent_offs(train.size());
  for (std::size_t s = 0; s < train.size(); ++s) {
    fx.set_lexicons(&fold_lex[fold(s)]);
    fx.extract(views(train[s].tokens));
    sent_offs[s] = fx.offsets();
    for (std::uint32_t k : fx.feats()) {
      auto [it, fresh] = ids.emplace(k, static_cast<std::uint32_t>(keys.size()));
      if (fresh) keys.push_back(k);
      sent_ids[s].push_back(it->second);
    }
  }
  // Several runs over differently shuffled data, weights averaged: the same linear model size,
  // less variance from the order of the updates.
  Averages acc;
  std::vector<std::size_t> order(train.size());
  for (int run = 0; run < std::max(1, opt.runs); ++run) {
    Perceptron p(keys.size(), opt.cost_o, opt.cost_e);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = opt.seed + static_cast<std::uint64_t>(run) * 0x632BE59BD9B4E019ull;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
      for (std::size_t s : order)
        if (!train[s].tokens.empty()) p.learn(sent_ids[s], sent_offs[s], train[s].labels, train[s].weight);
      if (opt.trace && !dev.empty()) {
        Averages one = acc;
        p.add_average(one);
        one.export_to(keys, opt.prune, d);
        auto m = load(d);
        if (m) log << "run " << run + 1 << " epoch " << epoch + 1 << " dev micro F1 " << evaluate(*m, dev).micro.f1() << "\n" << std::flush;
      }
    }
    p.add_average(acc);
  }
  acc.export_to(keys, opt.prune, d);
  return d;
}

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

// k-fold cross-validation by article: each fold's model trains on `kaz` (KazNERD's training
// part, augmented) and the other folds' articles, and tags its own articles; the models are
// thrown away. Prints the 9 name classes per fold and over all folds.
void cross_validate(const std::vector<LabeledSentence>& kaz, const std::vector<NewsDoc>& docs,
                    const LexiconLists& lists, const TrainOptions& opt, std::ostream& log) {
  iob2::Scores all, bare;  // bare: without the rules
  const int run = opt.news_folds_run > 0 ? std::min(opt.news_folds_run, opt.news_folds) : opt.news_folds;
  for (int k = 0; k < run; ++k) {
    std::vector<LabeledSentence> train = kaz;
    auto news = news_sentences(docs, opt, k);
    train.insert(train.end(), news.begin(), news.end());
    ModelData d = train_model(train, lists, opt, {}, log);
    auto model = load(d);
    if (!model) {
      log << "news fold " << k + 1 << ": the trained model does not load; fold skipped\n";
      continue;
    }
    iob2::Scores fold;
    int n = 0;
    for (const NewsDoc& doc : docs)
      if (news_fold(doc, opt.news_folds) == k) {
        score_news(*model, doc, fold);
        score_news(*model, doc, all);
        score_news(*model, doc, bare, false);
        ++n;
      }
    log << "news fold " << k + 1 << "/" << opt.news_folds << " (" << n << " articles): P "
        << fold.micro.precision() << " R " << fold.micro.recall() << " F1 " << fold.micro.f1() << "\n"
        << std::flush;
  }
  log << "news cross-validation (" << run << " of " << opt.news_folds << " folds by article, 9 name classes, exact spans):\n"
      << all.table() << "the same without the rules after the model: micro P " << bare.micro.precision()
      << " R " << bare.micro.recall() << " F1 " << bare.micro.f1() << "\n";
}

Status run_training(const TrainOptions& opt, std::ostream& log) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  std::vector<LabeledSentence> all;
  std::vector<std::size_t> file_start;
  for (const char* name : {"valid.iob2", "test-a.iob2"}) {
    file_start.push_back(all.size());
    Status st = read_conll(opt.data_dir + "/" + name, all, hash);
    if (!st.ok()) return st;
  }
  std::vector<NewsDoc> docs;
  if (!opt.news_dir.empty()) {
    Status st = read_news(opt.news_dir, docs, hash, log);
    if (!st.ok()) return st;
  }
  LexiconLists lists;
  Status st = read_lexicons(opt.lexicon_dir, lists);
  if (!st.ok()) return st;
  hash = fnv1a64(hex64(lists.hash), hash);
  // Development split: blocks of 10 consecutive sentences (neighbouring sentences of one news
  // item stay together), each block held out with probability dev_percent / 100.
  std::vector<LabeledSentence> train, dev;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::uint64_t x = opt.seed ^ (static_cast<std::uint64_t>(i / 10) * 0x9E3779B97F4A7C15ull);
    bool held = static_cast<int>(splitmix(x) % 100) < opt.dev_percent;
    (held ? dev : train).push_back(all[i]);
  }
  log << "sentences: " << all.size() << " (train " << train.size() << ", dev " << dev.size() << ")\n";
  // Augmentation (train_augment.cpp) synthesizes news patterns from KazNERD only; the news
  // articles go after it, all of them (the development split is KazNERD's).
  auto with_aug = [&](std::vector<LabeledSentence> base, bool news) {
    if (opt.augment) {
      auto extra = augment(base, lists, opt.seed);
      log << "augmented sentences: " << extra.size() << "\n";
      base.insert(base.end(), extra.begin(), extra.end());
    }
    if (news) {
      auto n = news_sentences(docs, opt, -1);
      base.insert(base.end(), n.begin(), n.end());
    }
    return base;
  };
  if (opt.news_folds > 1 && !docs.empty()) cross_validate(with_aug(train, false), docs, lists, opt, log);
  if (opt.cv_only) return Status();
  ModelData d = train_model(with_aug(train, true), lists, opt, dev, log);
  d.data_hash = hex64(hash);
  double temperature = calibrate(d, dev, log);
  d.scale = static_cast<float>(d.scale / temperature);
  auto model = load(d);
  if (!model) return Status::error(StatusCode::internal, "the trained model does not load");
  std::ofstream dump;
  if (!opt.dev_out.empty()) dump.open(opt.dev_out);
  iob2::Scores scores = evaluate(*model, dev, opt.dev_out.empty() ? nullptr : &dump);
  log << "development split (" << dev.size() << " sentences, strict IOB2 spans):\n" << scores.table();
  if (opt.full && opt.dev_percent > 0) {
    log << "retraining on all " << all.size() << " sentences\n";
    d = train_model(with_aug(all, true), lists, opt, {}, log);
    d.data_hash = hex64(hash);
    d.scale = static_cast<float>(d.scale / temperature);
  }
  if (!docs.empty()) {
    // How the written model fits its own news articles (not an estimate: it trained on them).
    // Compare with score_docs.py on the same articles to check that score_news() counts alike.
    if (auto m = load(d)) {
      iob2::Scores fit;
      for (const NewsDoc& doc : docs) score_news(*m, doc, fit);
      log << "news-train, the written model on its own training articles: P " << fit.micro.precision()
          << " R " << fit.micro.recall() << " F1 " << fit.micro.f1() << "\n";
    }
  }
  std::string bytes = serialize_model(d);
  log << "model: " << d.feat_keys.size() << " features, " << d.pair_label.size() << " weights, "
      << bytes.size() << " bytes, id " << d.feature_set << "/" << d.data_hash << "\n";
  if (!opt.out.empty()) {
    std::ofstream out(opt.out, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::error(StatusCode::invalid_argument, "cannot write " + opt.out);
  }
  return Status();
}

}  // namespace belgi::entities
