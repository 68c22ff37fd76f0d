// The entity model's scoring: a sentence's features -> sparse weights (through the threads' shared
// word cache) -> constrained Viterbi -> spans with a margin-based confidence. Loading: model_load.cpp.
#include "entities/model.h"

#include <algorithm>
#include <cmath>

#include "entities/adapt.h"
#include "entities/decode.h"
#include "entities/features.h"
#include "entities/model_tables.h"
#include "entities/word_cache.h"

namespace belgi::entities {

void WordCacheDeleter::operator()(WordCache* cache) const { delete cache; }

std::unique_ptr<WordCache, WordCacheDeleter> new_word_cache() {
  return std::unique_ptr<WordCache, WordCacheDeleter>(new WordCache);
}

namespace {

constexpr int L = kLabelCount;

// Per-thread buffers, so tag() allocates nothing once warm (the model itself is shared).
struct Scratch {
  FeatureExtractor fx{nullptr};
  WordCache::Local local;  // this thread's part of the shared word cache
  ContextCache contexts;
  std::vector<const WordEntry*> words;
  std::vector<const WordFacts*> info;
  std::vector<std::int32_t*> rows;  // per token: its row of emit
  std::vector<std::int32_t> emit;
  std::vector<int> path;
  std::vector<std::int64_t> margins;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// The word cache all threads tagging with the model share (word_cache.h).
WordCache& words(const Model& m) { return *m.words; }

float confidence(std::int64_t margin, float scale) {
  double x = static_cast<double>(margin) * scale;
  return static_cast<float>(1.0 / (1.0 + std::exp(-x)));
}

// Adds the weights of the features the extractor holds (token i: feats[offs[i], offs[i+1])) to
// the rows of emit.
void add_extracted(const Model& model, Scratch& s, std::int32_t* emit, std::size_t n) {
  s.rows.resize(n);
  for (std::size_t i = 0; i < n; ++i) s.rows[i] = emit + i * L;
  add_groups(model, s.fx.feats().data(), s.fx.offsets().data(), n, s.rows.data());
}

// A token's row from its cached sums: its own, its predecessor's and its successor's (the word
// cache), its context's (the context cache), and the weights of the words two before and after.
// e, a row of the sentence's emissions, overlaps none of the cached rows (restrict: the vectorized
// sum without its run-time overlap checks, ~20 instructions a token).
BELGI_SIMD_CLONES void add_rows(const Model& m, const std::int32_t* self, const std::int32_t* prev,
                                const std::int32_t* next, const std::int32_t* context, std::uint32_t prev2,
                                std::uint32_t next2, std::int32_t* __restrict e) {
  for (int y = 0; y < L; ++y) e[y] = self[y] + prev[y] + next[y] + context[y];
  add_feature(m, prev2, e);
  add_feature(m, next2, e);
}

// Eight labels' weights: GCC's and Clang's vector extension (AVX2 or SSE2 natively, SIMD128 or
// scalar in WebAssembly), so that a sum can live in registers. Lanes8 reads and writes them in
// place in a row of weights (any int32 address: unaligned, aliasing the row).
typedef std::int32_t Lanes __attribute__((vector_size(32)));
typedef std::int32_t Lanes8 __attribute__((vector_size(32), aligned(4), may_alias));
constexpr int kVectors = L / 8, kTail = L - 8 * kVectors;

// Adds the weights of n features (their Slot::where) to row e. The dense rows are summed in
// registers and added to e once: added to e one by one, each of them loaded, added and stored
// the whole row (~30 instructions; a new word has a dozen dense features). The sparse pairs go
// straight into e. Integer sums in another order: the same row.
inline void add_wheres(const Model& m, const std::uint32_t* where, std::size_t n, std::int32_t* e) {
  Lanes acc[kVectors] = {};
  std::int32_t tail[kTail] = {};
  bool dense = false;
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint32_t start = where[j] & 0x3ffffff, count = where[j] >> 26;
    if (count == kOne) {
      add_one(where[j], e);
      continue;
    }
    if (count != kDense) {
      for (const std::uint32_t* p = m.pairs.data() + start, *q = p + count; p < q; ++p)
        e[*p >> 16] += static_cast<std::int16_t>(*p & 0xffff);
      continue;
    }
    const std::int32_t* row = m.dense.data() + static_cast<std::size_t>(start) * L;
    for (int v = 0; v < kVectors; ++v) acc[v] += *reinterpret_cast<const Lanes8*>(row + 8 * v);
    for (int t = 0; t < kTail; ++t) tail[t] += row[8 * kVectors + t];
    dense = true;
  }
  if (!dense) return;  // most of a sentence's context groups
  for (int v = 0; v < kVectors; ++v) *reinterpret_cast<Lanes8*>(e + 8 * v) += acc[v];
  for (int t = 0; t < kTail; ++t) e[8 * kVectors + t] += tail[t];
}

}  // namespace

BELGI_SIMD_CLONES void add_weights(const Model& m, const std::uint32_t* feats, std::size_t n, std::int32_t* e) {
  for (std::size_t j = 0; j < n; ++j) add_feature(m, where_of(m, feats[j]), e);
}

// Chunks of kChunk features in three passes: their slots prefetched, then probed (the key
// compared) and their weights prefetched, then added. The table is megabytes and most probes
// miss the cache; one after another, each load waited for the last (a mispredicted probe or
// pair count stops the processor running ahead), while here the loads of a chunk overlap.
BELGI_SIMD_CLONES void add_groups(const Model& m, const std::uint32_t* feats, const std::uint32_t* offs,
                                  std::size_t groups, std::int32_t* const* rows) {
  constexpr std::size_t kChunk = 256;
  std::uint32_t where[kChunk];
  const Slot* slots = m.slots.data();
  std::size_t g = 0;
  for (std::size_t a = offs[0], end = offs[groups]; a < end; a += kChunk) {
    const std::size_t b = std::min(a + kChunk, end);
    // Unrolled 4 times (Clang reads the pragma too): the loop's own add, compare and branch
    // were half of its 6 instructions a feature.
#pragma GCC unroll 4
    for (std::size_t j = a; j < b; ++j) __builtin_prefetch(&slots[slot_of(m, feats[j])]);
    for (std::size_t j = a; j < b; ++j) {
      where[j - a] = where_of(m, feats[j]);
      __builtin_prefetch(weights_of(m, where[j - a]));
    }
    for (; g < groups && offs[g] < b; ++g) {  // the groups in this chunk, the last maybe in part
      const std::size_t lo = std::max<std::size_t>(offs[g], a), hi = std::min<std::size_t>(offs[g + 1], b);
      add_wheres(m, where + (lo - a), hi - lo, rows[g]);
      if (offs[g + 1] > b) break;  // it goes on in the next chunk
    }
  }
}

void add_feature_weights(const Model& model, std::uint32_t feature, std::int32_t* row) {
  add_feature(model, where_of(model, feature), row);
}

namespace {

// The sentence's words in the cache (reserve() made room): each token's home slot 2 * kStep
// tokens ahead, its entry prefetched then and the entry's form kStep tokens later, so that the
// probe waits on neither (on distinct text, the entry's load was a third of emissions()).
void find_words(const Model& model, Scratch& s, WordCache& cache, const std::vector<std::string_view>& tokens) {
  constexpr std::size_t kStep = 8, kRing = 32;
  std::uint64_t hashes[kRing];
  const std::size_t n = tokens.size();
  auto home_ahead = [&](std::size_t j) {
    hashes[j % kRing] = text::word_key_hash(tokens[j]);
    cache.prefetch_entry(hashes[j % kRing]);
  };
  s.words.resize(n);
  s.info.resize(n);
  cache.begin_sentence(s.local, n);
  for (std::size_t j = 0; j < std::min(n, 2 * kStep); ++j) home_ahead(j);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 2 * kStep < n) home_ahead(i + 2 * kStep);
    if (i + kStep < n) cache.prefetch_form(hashes[(i + kStep) % kRing]);
    s.words[i] = &cache.find_or_add(model, s.local, tokens[i], hashes[i % kRing]);
    s.info[i] = &s.words[i]->info;
  }
}

}  // namespace

namespace {

// emissions() into a buffer that keeps its largest size (tag()'s: rows [0, n * L) are the
// sentence's). std::vector::resize() zero-fills whatever it grows, and the size went up and down
// with the sentences: ~9,000 fills and their stores on the 1 MB head.
void emissions_into(const Model& model, const std::vector<std::string_view>& tokens, bool cached,
                    std::vector<std::int32_t>& emit) {
  Scratch& s = scratch();
  WordCache& cache = words(model);
  const std::size_t n = tokens.size();
  s.fx.set_lexicons(&model.lex);
  std::size_t bytes = 0;
  for (std::string_view t : tokens) bytes += t.size();
  if (!cached || !cache.reserve(model, s.local, n, bytes)) {
    emit.assign(n * L, 0);
    s.info.clear();  // adapted_emissions(): no cached analyses for these tokens
    s.fx.extract(tokens);
    add_extracted(model, s, emit.data(), n);
    return;
  }
  find_words(model, s, cache, tokens);
  cache.add_pending(model, s.local);  // the sums of the sentence's new words, in one go
  s.fx.extract_context(tokens, s.info);
  if (emit.size() < n * L) emit.resize(n * L);  // not zeroed: add_rows() sets every row
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t* prev = i > 0 ? s.words[i - 1]->as_prev : cache.bos_prev();
    const std::int32_t* next = i + 1 < n ? s.words[i + 1]->as_next : cache.eos_next();
    const std::uint32_t prev2 = i >= 2 ? s.words[i - 2]->as_prev2 : cache.bos_prev2();
    const std::uint32_t next2 = i + 2 < n ? s.words[i + 2]->as_next2 : cache.eos_next2();
    add_rows(model, s.words[i]->self, prev, next, s.contexts.row(model, s.fx.contexts()[i]), prev2, next2,
             &emit[i * L]);
  }
  add_extracted(model, s, emit.data(), n);
}

}  // namespace

void emissions(const Model& model, const std::vector<std::string_view>& tokens, bool cached,
               std::vector<std::int32_t>& emit) {
  WordCache::Guard inside(words(model), scratch().local);
  emissions_into(model, tokens, cached, emit);
  emit.resize(tokens.size() * L);  // a shrink, or already that size: no fill
}

void adapted_emissions(const Model& model, const Deltas& deltas, const std::vector<std::string_view>& tokens,
                       std::vector<std::int32_t>& emit, std::vector<std::uint32_t>* feats,
                       std::vector<std::uint32_t>* offs) {
  // Inside the word cache until the cached analyses (s.info) are read.
  WordCache::Guard inside(words(model), scratch().local);
  emissions(model, tokens, true, emit);
  // The tokens' analyses: the word cache's when emissions() went through it, else made here.
  Scratch& s = scratch();
  thread_local std::vector<TokenInfo> own;
  thread_local std::vector<std::uint32_t> f;
  const std::size_t n = tokens.size();
  if (s.info.size() != n) {
    own.resize(std::max(own.size(), n));
    s.info.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      analyze_token(tokens[i], model.lex, own[i]);
      s.info[i] = &own[i];
    }
  }
  const std::vector<const WordFacts*>& info = s.info;
  if (offs) offs->assign(1, 0);
  if (feats) feats->clear();
  for (std::size_t i = 0; i < n; ++i) {
    f.clear();
    lexical_features(i > 0 ? info[i - 1] : nullptr, *info[i], i + 1 < n ? info[i + 1] : nullptr, f);
    deltas.add(f.data(), f.size(), &emit[i * L]);
    if (feats) feats->insert(feats->end(), f.begin(), f.end());
    if (offs) offs->push_back(static_cast<std::uint32_t>(feats ? feats->size() : 0));
  }
}

void tag(const Model& model, const std::vector<std::string_view>& tokens,
         std::vector<TokenEntity>& out, const Deltas* deltas) {
  if (tokens.empty()) return;
  Scratch& s = scratch();
  const std::size_t n = tokens.size();
  {
    // Inside the word cache only while its entries are read: a rebuild another thread needs
    // waits for the emissions, not for the decoding after them.
    WordCache::Guard inside(words(model), s.local);
    if (deltas && !deltas->empty())
      adapted_emissions(model, *deltas, tokens, s.emit);
    else
      emissions_into(model, tokens, true, s.emit);
  }
  Lattice lat{s.emit.data(), model.trans.data(), model.end.data(), n, &model.outer};
  viterbi(lat, s.path, &s.margins);
  for (std::size_t i = 0; i < n;) {
    int y = s.path[i];
    if (y == 0 || is_inside(y)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && s.path[j] == y + 1) ++j;
    std::int64_t m = s.margins[i];
    for (std::size_t k = i + 1; k < j; ++k) m = std::min(m, s.margins[k]);
    out.push_back(TokenEntity{static_cast<SpanType>(label_class(y)), i, j, confidence(m, model.scale)});
    i = j;
  }
}

}  // namespace belgi::entities

