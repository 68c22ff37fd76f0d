// Word classes induced from the training text itself (exchange algorithm on a class bigram
// model, Kneser & Ney 1993 / Martin et al. 1998): words that occur in similar left and right
// contexts share a class, which lets the tagger generalize from "Алматыда" to unseen "Таразда".
// Deterministic: fixed initial classes (frequency rank), fixed visiting order, ties to the lower
// class; floating point only in a fixed order.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "entities/features.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

struct Neighbours {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> left, right;  // (word id, count)
  std::uint32_t self = 0;                                             // bigrams (w, w)
};

// The training text as word ids: lower-cased words in first-seen order.
struct Vocabulary {
  std::vector<std::string> words;
  std::vector<std::uint32_t> count;
  std::vector<std::vector<std::uint32_t>> corpus;  // per sentence
};

Vocabulary read_vocabulary(const std::vector<LabeledSentence>& sents) {
  Vocabulary v;
  std::unordered_map<std::string, std::uint32_t> index;
  for (const auto& s : sents) {
    v.corpus.emplace_back();
    for (const auto& t : s.tokens) {
      auto [it, fresh] = index.emplace(utf8::lower(t), static_cast<std::uint32_t>(v.words.size()));
      if (fresh) v.words.push_back(it->first), v.count.push_back(0);
      ++v.count[it->second];
      v.corpus.back().push_back(it->second);
    }
  }
  return v;
}

// Neighbour lists of the clustered words (count >= 2); kBound is the pseudo word at sentence edges.
std::vector<Neighbours> neighbours(const Vocabulary& v, const std::vector<std::uint32_t>& order,
                                   std::uint32_t kBound) {
  const std::size_t n_words = v.words.size();
  std::vector<Neighbours> nb(n_words);
  std::vector<std::map<std::uint32_t, std::uint32_t>> l(n_words), r(n_words);
  for (const auto& s : v.corpus) {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      std::uint32_t a = i ? s[i - 1] : kBound, b = i < s.size() ? s[i] : kBound;
      if (a == b && a != kBound) ++nb[a].self;
      else {
        if (a != kBound && v.count[a] >= 2) ++r[a][b];
        if (b != kBound && v.count[b] >= 2) ++l[b][a];
      }
    }
  }
  for (std::uint32_t w : order) {
    nb[w].left.assign(l[w].begin(), l[w].end());
    nb[w].right.assign(r[w].begin(), r[w].end());
  }
  return nb;
}

// The exchange algorithm's state: class bigram counts, and the current word's neighbour counts
// by class (Lc, Rc, with their nonzero classes nzl, nzr).
struct Exchange {
  int K = 0;
  std::vector<int> cls;
  const std::vector<Neighbours>* nb = nullptr;
  std::vector<std::int64_t> N, Nl, Nr, Lc, Rc;
  std::vector<double> f;  // f[x] = x log x
  std::vector<int> nzl, nzr;

  void count_bigrams(const Vocabulary& v, std::uint32_t kBound) {
    N.assign(K * K, 0), Nl.assign(K, 0), Nr.assign(K, 0), Lc.assign(K, 0), Rc.assign(K, 0);
    std::int64_t total = 0;
    for (const auto& s : v.corpus)
      for (std::size_t i = 0; i <= s.size(); ++i) {
        int a = cls[i ? s[i - 1] : kBound], b = cls[i < s.size() ? s[i] : kBound];
        ++N[a * K + b], ++Nl[a], ++Nr[b], ++total;
      }
    f.assign(static_cast<std::size_t>(total) + 2, 0.0);
    for (std::size_t x = 1; x < f.size(); ++x) f[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }

  // Lc, Rc: w's left and right neighbour counts by class.
  void gather(std::uint32_t w) {
    std::fill(Lc.begin(), Lc.end(), 0);
    std::fill(Rc.begin(), Rc.end(), 0);
    nzl.clear(), nzr.clear();
    for (auto [u, k] : (*nb)[w].left) Lc[cls[u]] += k;
    for (auto [u, k] : (*nb)[w].right) Rc[cls[u]] += k;
    for (int x = 0; x < K; ++x) {
      if (Lc[x]) nzl.push_back(x);
      if (Rc[x]) nzr.push_back(x);
    }
  }

  // Adds (sign +1) or removes (-1) word w's counts to or from class c.
  void apply(std::uint32_t w, int c, int sign) {
    std::int64_t lw = (*nb)[w].self, rw = (*nb)[w].self;
    for (int x : nzl) N[x * K + c] += sign * Lc[x], lw += Lc[x];
    for (int x : nzr) N[c * K + x] += sign * Rc[x], rw += Rc[x];
    N[c * K + c] += sign * static_cast<std::int64_t>((*nb)[w].self);
    Nl[c] += sign * rw;
    Nr[c] += sign * lw;
  }

  // The change of the class bigram log likelihood if w (removed) joins class b.
  double gain(std::uint32_t w, int b, std::int64_t lw, std::int64_t rw) const {
    double g = 0;
    std::int64_t bb = (*nb)[w].self;
    for (int x : nzr) {
      if (x == b) { bb += Rc[x]; continue; }
      std::int64_t v = N[b * K + x];
      g += f[v + Rc[x]] - f[v];
    }
    for (int x : nzl) {
      if (x == b) { bb += Lc[x]; continue; }
      std::int64_t v = N[x * K + b];
      g += f[v + Lc[x]] - f[v];
    }
    g += f[N[b * K + b] + bb] - f[N[b * K + b]];
    g -= f[Nl[b] + rw] - f[Nl[b]];
    g -= f[Nr[b] + lw] - f[Nr[b]];
    return g;
  }

  // One pass over the words: each moves to its best class (C real classes). Returns the moves.
  int pass(const std::vector<std::uint32_t>& order, int C) {
    int moves = 0;
    for (std::uint32_t w : order) {
      gather(w);
      std::int64_t lw = (*nb)[w].self, rw = (*nb)[w].self;
      for (int x : nzl) lw += Lc[x];
      for (int x : nzr) rw += Rc[x];
      int a = cls[w];
      apply(w, a, -1);
      int best = a;
      double best_gain = gain(w, a, lw, rw);
      for (int b = 0; b < C; ++b) {
        double g = gain(w, b, lw, rw);
        if (g > best_gain + 1e-9) best_gain = g, best = b;
      }
      // The word's own class wins ties, so the search settles.
      if (best != a) ++moves;
      cls[w] = best;
      // Neighbour counts of w itself moved with it: self bigrams are handled by apply().
      apply(w, best, +1);
    }
    return moves;
  }
};

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> induce_clusters(
    const std::vector<LabeledSentence>& sents, int classes, int iterations, std::ostream& log) {
  // Words seen once share the class "rare"; the sentence edges have a class of their own.
  const Vocabulary v = read_vocabulary(sents);
  const std::uint32_t n_words = static_cast<std::uint32_t>(v.words.size());
  const int C = classes, kRare = C, kBoundary = C + 1;
  std::vector<std::uint32_t> order;
  for (std::uint32_t w = 0; w < n_words; ++w)
    if (v.count[w] >= 2) order.push_back(w);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v.count[a] > v.count[b]; });
  Exchange x;
  x.K = C + 2;
  x.cls.assign(n_words + 1, kRare);
  const std::uint32_t kBound = n_words;  // pseudo word at sentence edges
  x.cls[kBound] = kBoundary;
  for (std::size_t r = 0; r < order.size(); ++r) x.cls[order[r]] = static_cast<int>(r % C);
  const std::vector<Neighbours> nb = neighbours(v, order, kBound);
  x.nb = &nb;
  x.count_bigrams(v, kBound);
  int moves = 0;
  for (int it = 0; it < iterations; ++it)
    if ((moves = x.pass(order, C)) == 0) break;
  log << "word classes: " << order.size() << " words in " << C << " classes (" << moves
      << " moves in the last pass)\n";
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t w : order) out.emplace_back(lexicon_key(v.words[w]), static_cast<std::uint32_t>(x.cls[w] + 1));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace belgi::entities
