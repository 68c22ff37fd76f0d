// The tagger's per-thread context cache (model.cpp): the summed weights of the context features
// that name no word, once per distinct context and model.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "entities/features.h"
#include "entities/model_tables.h"
#include "text/huge_pages.h"

namespace belgi::entities {

// The summed weights of the context features that name no word (context_shape_features()), once
// per distinct TokenContext and model, per thread: a sentence's tokens mostly share a few hundred
// contexts, so a token adds one row instead of looking up and adding a dozen features. Integer
// sums in another order: the emissions are exactly those of the uncached path (tested).
class ContextCache {
 public:
  static constexpr int L = kLabelCount;
  // At most this many contexts; when full, emptied (rare: news text has a few thousand).
  static constexpr std::size_t kMaxContexts = 1 << 14;

  // The row of `c`; valid until the next call.
  const std::int32_t* row(const Model& m, const TokenContext& c) {
    if (serial_ != m.serial || index_.empty()) clear(m.serial);
    std::size_t i = home(c);
    for (; index_[i] != kEmpty; i = (i + 1) & (index_.size() - 1))
      if (std::memcmp(&entries_[index_[i]].key, &c, sizeof c) == 0) return entries_[index_[i]].row;
    if (entries_.size() >= kMaxContexts) {
      clear(m.serial);
      return row(m, c);
    }
    index_[i] = static_cast<std::uint32_t>(entries_.size());
    Entry& e = entries_.emplace_back();
    e.key = c;
    feats_.clear();
    context_shape_features(c, feats_);
    add_weights(m, feats_.data(), feats_.size(), e.row);
    return e.row;
  }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  struct Entry {
    TokenContext key;
    std::int32_t row[kLabelCount] = {};
  };

  static constexpr int kIndexBits = 15;
  static_assert((std::size_t{1} << kIndexBits) == 2 * kMaxContexts, "the index is twice kMaxContexts");

  // A context's home in the index: the top bits of the products, which depend on every byte.
  // The low bits (h ^ h >> 29, masked) saw only the low five or six bytes of each 8-byte word:
  // on the 1 MB head a look-up compared 2.1 keys on average; now ~1.
  static std::size_t home(const TokenContext& c) {
    std::uint64_t w[4];
    std::memcpy(w, &c, sizeof w);
    std::uint64_t h = (w[0] * 0x9E3779B97F4A7C15ull) ^ (w[1] * 0xC2B2AE3D27D4EB4Full) ^
                      (w[2] * 0x165667B19E3779F9ull) ^ (w[3] * 0x27D4EB2F165667C5ull);
    return static_cast<std::size_t>(h >> (64 - kIndexBits));
  }

  void clear(std::uint64_t serial) {
    serial_ = serial;
    index_.assign(2 * kMaxContexts, kEmpty);  // at most half full
    entries_.clear();
#ifndef __EMSCRIPTEN__
    // Natively all at once, in huge pages (3.9 MB, touched only as contexts arrive): grown by
    // doubling, each larger copy was fresh memory, ~300 page faults (as the word cache's entries).
    entries_.reserve(kMaxContexts);
#endif
  }

  std::uint64_t serial_ = 0;
  std::vector<std::uint32_t> index_;  // entry number, or kEmpty
  std::vector<Entry, text::HugePageAllocator<Entry>> entries_;
  std::vector<std::uint32_t> feats_;
};

}  // namespace belgi::entities
