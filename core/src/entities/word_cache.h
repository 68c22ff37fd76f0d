// The tagger's per-thread word cache (model.cpp): what each word form contributes to the
// emissions, summed once per form and model.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/features.h"
#include "entities/model_tables.h"

namespace belgi::entities {

// What a word form contributes, computed once per form and thread: its TokenInfo and the summed
// weights of its local, as-predecessor and as-successor features (features.h). Integer sums, so
// the emissions are exactly those of the uncached path (tested).
struct WordEntry {
  bool used = false;
  std::string form;
  TokenInfo info;
  std::int32_t self[kLabelCount], as_prev[kLabelCount], as_next[kLabelCount];
};

class WordCache {
 public:
  static constexpr int L = kLabelCount;
  // Open addressing over a power-of-2 table that doubles up to kMaxSlots (~27 MB per thread),
  // then is emptied when full. News text repeats its words: on a KazNERD-sentence corpus over 90%
  // of tokens hit a full-size table.
  static constexpr std::size_t kMinSlots = 256, kMaxSlots = 32768;

  // Makes room for n new words without evicting any of this sentence's; false if n is too large
  // to cache (the caller takes the uncached path).
  bool reserve(const Model& m, std::size_t n) {
    if (n > kMaxSlots / 2) return false;
    if (serial_ != m.serial || slots_.empty()) {
      slots_.assign(kMinSlots, WordEntry());
      count_ = 0;
      serial_ = m.serial;
      feats_.clear();
      std::fill(bos_prev_, bos_prev_ + L, 0);
      std::fill(eos_next_, eos_next_ + L, 0);
      as_prev_features(nullptr, feats_);
      add_weights(m, feats_.data(), feats_.size(), bos_prev_);
      feats_.clear();
      as_next_features(nullptr, feats_);
      add_weights(m, feats_.data(), feats_.size(), eos_next_);
    }
    while (count_ + n > slots_.size() * 3 / 4) {
      if (slots_.size() >= kMaxSlots) {
        for (WordEntry& w : slots_) w.used = false;
        count_ = 0;
        break;
      }
      std::vector<WordEntry> old(slots_.size() * 2);
      old.swap(slots_);
      for (WordEntry& w : old)
        if (w.used) {
          std::size_t i = home(w.form);
          while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
          slots_[i] = std::move(w);
        }
    }
    return true;
  }

  const WordEntry& get(const Model& m, std::string_view tok) {
    std::size_t i = home(tok);
    while (slots_[i].used) {
      if (slots_[i].form == tok) return slots_[i];
      i = (i + 1) & (slots_.size() - 1);
    }
    WordEntry& w = slots_[i];
    w.used = true;
    ++count_;
    w.form.assign(tok);
    analyze_token(tok, m.lex, w.info);
    auto sum = [&](std::int32_t* e) {
      std::fill(e, e + L, 0);
      add_weights(m, feats_.data(), feats_.size(), e);
      feats_.clear();
    };
    feats_.clear();
    local_features(tok, w.info, m.lex, feats_);
    sum(w.self);
    as_prev_features(&w.info, feats_);
    sum(w.as_prev);
    as_next_features(&w.info, feats_);
    sum(w.as_next);
    return w;
  }

  const std::int32_t* bos_prev() const { return bos_prev_; }
  const std::int32_t* eos_next() const { return eos_next_; }

 private:
  std::size_t home(std::string_view form) const {
    return static_cast<std::size_t>(fnv1a64(form)) & (slots_.size() - 1);
  }

  std::uint64_t serial_ = 0;
  std::vector<WordEntry> slots_;
  std::size_t count_ = 0;
  std::vector<std::uint32_t> feats_;
  std::int32_t bos_prev_[L], eos_next_[L];
};

}  // namespace belgi::entities
