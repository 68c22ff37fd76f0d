// The loaded entity model's tables (model_load.cpp fills them, model.cpp scores with them) and
// the lookups the tagger and its word cache share.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "entities/decode.h"
#include "entities/features.h"
#include "text/huge_pages.h"

namespace belgi::entities {

// Feature weights laid out for few cache misses per feature: one open-addressing slot holds the
// key and where its (label, weight) pairs are; a pair is one u32 (label << 16 | u16 weight).
struct Slot {
  std::uint32_t key;    // 0 = empty
  std::uint32_t where;  // start of the pairs (low 26 bits), their count (high 6 bits); kDense, kOne below
};
// A feature with at least kDenseMin weights is stored as a dense row of all labels instead
// (where = row | kDense << 26): one vectorizable add instead of scattered ones.
constexpr std::uint32_t kDense = 63, kDenseMin = 12;
// A feature with one weight (a third of the model's) keeps its pair in the slot itself: where =
// label << 16 | u16 weight (count bits kOne = 0), the pair's own layout. Its look-up is the slot's
// cache miss only, not the slot's and then the pair's. An absent feature (where = 0) and one
// without weights read as label 0 with weight 0: they take the same path and add nothing.
constexpr std::uint32_t kOne = 0;

// The (label, weight) pair of a kOne feature's where.
inline void add_one(std::uint32_t where, std::int32_t* e) {
  e[where >> 16] += static_cast<std::int16_t>(where & 0xffff);
}

// The large tables (the slots ~8 MB, the pairs) in huge pages natively (text/huge_pages.h): filled
// at load time with one page fault per 2 MB instead of per 4 KB (~1,500 faults a process), and
// the tagger's scattered look-ups in them miss the TLB less.
template <class T>
using HugeVector = std::vector<T, text::HugePageAllocator<T>>;

// The same, for a vector sized once and then filled: its memory comes zeroed (natively a large
// one is a fresh mapping, zeroed by the kernel; else zeroed here), so resize() writes nothing:
// the 2 MB slot table was written twice at load time, zeros then the features.
template <class T>
struct ZeroedAllocator : text::HugePageAllocator<T> {
  T* allocate(std::size_t n) {
    T* p = text::HugePageAllocator<T>::allocate(n);
#ifdef BELGI_HUGE_PAGES
    if (n * sizeof(T) >= text::HugePageAllocator<T>::kMin) return p;
#endif
    std::memset(static_cast<void*>(p), 0, n * sizeof(T));
    return p;
  }
  template <class U>
  void construct(U*) {}  // an element's value-initialization: the zeros already there
};

// For a vector sized once and then written in full by the load (every element, before any read):
// resize() writes nothing. The pairs (~760 KB) and the dense rows (~575 KB) are below the size
// that gets a fresh mapping, so ZeroedAllocator would zero them: ~1.3 M instructions of each
// start-up, for values written again at once.
template <class T>
struct UnfilledAllocator : text::HugePageAllocator<T> {
  template <class U>
  void construct(U*) {}  // no value-initialization: the load writes every element
};

class WordCache;  // word_cache.h
struct WordCacheDeleter {
  void operator()(WordCache* cache) const;  // model.cpp, where WordCache is complete
};
// A new, empty word cache (model.cpp); load_model gives each model its own.
std::unique_ptr<WordCache, WordCacheDeleter> new_word_cache();

class Model {
 public:
  Lexicons lex;
  std::vector<Slot, ZeroedAllocator<Slot>> slots;  // sized once: empty = zero
  std::uint32_t mask = 0;  // slots.size() - 1
  std::uint32_t shift = 0;  // 32 - log2(slots.size()): a key's home slot is its top bits
  std::vector<std::uint32_t, UnfilledAllocator<std::uint32_t>> pairs;  // sized once, all written
  // Rows of kLabelCount weights (kDense features); sized once, each row zeroed and summed into
  // by the load.
  std::vector<std::int32_t, UnfilledAllocator<std::int32_t>> dense;
  std::vector<std::int32_t> trans, end;
  OuterTransitions outer;  // trans packed for decoding (decode.h)
  float scale = 1.0f;
  std::string id;
  std::uint64_t serial = 0;  // unique per loaded model
  // The word cache of the threads that tag with this model (word_cache.h): its own, so that two
  // models in one process do not take turns emptying one table.
  std::unique_ptr<WordCache, WordCacheDeleter> words;
};

// A key's home slot: its top bits (the keys are hashes already). In the order of the keys, as
// the file lists them: load_model fills the 2 MB table front to back, where a scrambled home
// (key * golden ratio) made each of the 108,308 insertions a cache miss.
inline std::uint32_t slot_of(const Model& m, std::uint32_t key) { return key >> m.shift; }

// Adds one feature's weights (its Slot::where; 0 = absent) to the emission row e.
inline void add_feature(const Model& m, std::uint32_t where, std::int32_t* e) {
  constexpr int L = kLabelCount;
  std::uint32_t start = where & 0x3ffffff, count = where >> 26;
  if (count == kDense) {
    const std::int32_t* row = m.dense.data() + static_cast<std::size_t>(start) * L;
    for (int y = 0; y < L; ++y) e[y] += row[y];
    return;
  }
  if (count == kOne) return add_one(where, e);
  for (const std::uint32_t* p = m.pairs.data() + start, *q = p + count; p < q; ++p)
    e[*p >> 16] += static_cast<std::int16_t>(*p & 0xffff);
}

// Where a feature's weights are, to prefetch them: its dense row or its pairs. A kOne feature
// (or an absent one) has nothing more to fetch: the pairs' first line then, a valid address
// (a prefetch of nullptr can cost a page walk) that stays in cache.
inline const void* weights_of(const Model& m, std::uint32_t where) {
  std::uint32_t start = where & 0x3ffffff, count = where >> 26;
  if (count == kDense) return m.dense.data() + static_cast<std::size_t>(start) * kLabelCount;
  return m.pairs.data() + (count == kOne ? 0 : start);
}

// A feature's Slot::where, or 0 if the model does not have it.
inline std::uint32_t where_of(const Model& m, std::uint32_t k) {
  const Slot* slots = m.slots.data();
  std::uint32_t i = slot_of(m, k);
  while (slots[i].key != 0 && slots[i].key != k) i = (i + 1) & m.mask;
  return slots[i].key == k ? slots[i].where : 0;
}

// Adds the weights of features feats[0, n) to the emission row e (model.cpp).
void add_weights(const Model& m, const std::uint32_t* feats, std::size_t n, std::int32_t* e);

// Adds the weights of groups of features to their rows: group g is feats[offs[g], offs[g + 1]),
// added to rows[g] (model.cpp). Many features at once, so that their memory loads overlap.
void add_groups(const Model& m, const std::uint32_t* feats, const std::uint32_t* offs, std::size_t groups,
                std::int32_t* const* rows);

}  // namespace belgi::entities
