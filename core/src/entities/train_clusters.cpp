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

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> induce_clusters(
    const std::vector<LabeledSentence>& sents, int classes, int iterations, std::ostream& log) {
  // Vocabulary: lower-cased words in first-seen order; words seen once share the class "rare".
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::string> words;
  std::vector<std::uint32_t> count;
  std::vector<std::vector<std::uint32_t>> corpus;
  for (const auto& s : sents) {
    corpus.emplace_back();
    for (const auto& t : s.tokens) {
      auto [it, fresh] = index.emplace(utf8::lower(t), static_cast<std::uint32_t>(words.size()));
      if (fresh) words.push_back(it->first), count.push_back(0);
      ++count[it->second];
      corpus.back().push_back(it->second);
    }
  }
  const std::uint32_t n_words = static_cast<std::uint32_t>(words.size());
  const int C = classes, kRare = C, kBoundary = C + 1, K = C + 2;
  std::vector<std::uint32_t> order;
  for (std::uint32_t w = 0; w < n_words; ++w)
    if (count[w] >= 2) order.push_back(w);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return count[a] > count[b]; });
  std::vector<int> cls(n_words + 1, kRare);
  const std::uint32_t kBound = n_words;  // pseudo word at sentence edges
  cls[kBound] = kBoundary;
  for (std::size_t r = 0; r < order.size(); ++r) cls[order[r]] = static_cast<int>(r % C);
  // Neighbour lists of the clustered words.
  std::vector<Neighbours> nb(n_words);
  {
    std::vector<std::map<std::uint32_t, std::uint32_t>> l(n_words), r(n_words);
    for (const auto& s : corpus) {
      for (std::size_t i = 0; i <= s.size(); ++i) {
        std::uint32_t a = i ? s[i - 1] : kBound, b = i < s.size() ? s[i] : kBound;
        if (a == b && a != kBound) ++nb[a].self;
        else {
          if (a != kBound && count[a] >= 2) ++r[a][b];
          if (b != kBound && count[b] >= 2) ++l[b][a];
        }
      }
    }
    for (std::uint32_t w : order) {
      nb[w].left.assign(l[w].begin(), l[w].end());
      nb[w].right.assign(r[w].begin(), r[w].end());
    }
  }
  // Class bigram counts.
  std::vector<std::int64_t> N(K * K, 0), Nl(K, 0), Nr(K, 0);
  std::int64_t total = 0;
  for (const auto& s : corpus)
    for (std::size_t i = 0; i <= s.size(); ++i) {
      int a = cls[i ? s[i - 1] : kBound], b = cls[i < s.size() ? s[i] : kBound];
      ++N[a * K + b], ++Nl[a], ++Nr[b], ++total;
    }
  std::vector<double> f(static_cast<std::size_t>(total) + 2, 0.0);  // f[x] = x log x
  for (std::size_t x = 1; x < f.size(); ++x) f[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  std::vector<std::int64_t> Lc(K), Rc(K);
  std::vector<int> nzl, nzr;
  auto apply = [&](std::uint32_t w, int c, int sign) {
    std::int64_t lw = nb[w].self, rw = nb[w].self;
    for (int x : nzl) N[x * K + c] += sign * Lc[x], lw += Lc[x];
    for (int x : nzr) N[c * K + x] += sign * Rc[x], rw += Rc[x];
    N[c * K + c] += sign * static_cast<std::int64_t>(nb[w].self);
    Nl[c] += sign * rw;
    Nr[c] += sign * lw;
  };
  int moves = 0;
  for (int it = 0; it < iterations; ++it) {
    moves = 0;
    for (std::uint32_t w : order) {
      std::fill(Lc.begin(), Lc.end(), 0);
      std::fill(Rc.begin(), Rc.end(), 0);
      nzl.clear(), nzr.clear();
      for (auto [u, k] : nb[w].left) Lc[cls[u]] += k;
      for (auto [u, k] : nb[w].right) Rc[cls[u]] += k;
      for (int x = 0; x < K; ++x) {
        if (Lc[x]) nzl.push_back(x);
        if (Rc[x]) nzr.push_back(x);
      }
      std::int64_t lw = nb[w].self, rw = nb[w].self;
      for (int x : nzl) lw += Lc[x];
      for (int x : nzr) rw += Rc[x];
      int a = cls[w];
      apply(w, a, -1);
      auto gain = [&](int b) {
        double g = 0;
        std::int64_t bb = nb[w].self;
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
      };
      int best = a;
      double best_gain = gain(a);
      for (int b = 0; b < C; ++b) {
        double g = gain(b);
        if (g > best_gain + 1e-9) best_gain = g, best = b;
      }
      // The word's own class wins ties, so the search settles.
      if (best != a) ++moves;
      cls[w] = best;
      // Neighbour counts of w itself moved with it: self bigrams are handled by apply().
      apply(w, best, +1);
    }
    if (moves == 0) break;
  }
  log << "word classes: " << order.size() << " words in " << C << " classes (" << moves
      << " moves in the last pass)\n";
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t w : order) out.emplace_back(lexicon_key(words[w]), static_cast<std::uint32_t>(cls[w] + 1));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace belgi::entities
