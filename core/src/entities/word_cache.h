// The tagger's per-thread word cache (model.cpp): what each word form contributes to the
// emissions, summed once per form and model.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "entities/features.h"
#include "entities/model_tables.h"
#include "text/huge_pages.h"

namespace belgi::entities {

// What a word form contributes, computed once per form and thread: what the sentence's context
// reads of its analysis (WordFacts; the rest of its TokenInfo only its own features read, when it
// is new) and the summed weights of its local, as-predecessor and as-successor features
// (features.h), and where the weights of its features as the word two before and after are.
// Integer sums, so the emissions are exactly those of the uncached path (tested). The form's
// bytes are in the cache's text, so that a probe of another length touches only the entry.
struct WordEntry {
  WordFacts info;
  std::uint32_t form_at = 0, form_len = 0;  // WordCache::text_
  // Where the weights of the one feature it gives the words two after and before it are
  // (Slot::where, model_tables.h).
  std::uint32_t as_prev2 = 0, as_next2 = 0;
  std::uint32_t hits = 0;  // since the table was last full
  std::int32_t self[kLabelCount], as_prev[kLabelCount], as_next[kLabelCount];
};

class WordCache {
 public:
  static constexpr int L = kLabelCount;
  // Open addressing over a power-of-2 index that doubles up to kMaxSlots; when full, the words
  // met again since the last time are kept and the rest dropped (at most kMaxSlots * 3 / 4
  // words, ~17 MB per thread). Most word forms of an archive occur once: emptying the whole
  // table threw the common words out with them (the distinct-text benchmark, 222,863 tokens:
  // 44,273 word analyses before, 36,416 with the common words kept). The index holds entry numbers
  // only: the entries themselves are a dense vector, so a thread's memory is the words it has
  // seen, not the table's empty slots, and growing the index moves 4 bytes a word, not an entry.
  // News text repeats its words: on a KazNERD-sentence corpus over 90% of tokens hit a full-size
  // table.
  static constexpr std::size_t kMinSlots = 256, kMaxSlots = 32768;
  // The text reserved natively per entry (the forms' bytes; more is allocated as needed).
  static constexpr std::size_t kTextPerWord = 24;

  // Makes room for n new words without evicting or moving any of this sentence's (get() hands
  // out references that must live through the sentence); false if n is too large to cache (the
  // caller takes the uncached path).
  bool reserve(const Model& m, std::size_t n) {
    if (n > kMaxSlots / 2) return false;
    if (serial_ != m.serial || index_.empty()) start(m);
    while (entries_.size() + n > index_.size() * 3 / 4) {
      if (index_.size() >= kMaxSlots) {
        keep_common_words();
        if (entries_.size() + n > index_.size() * 3 / 4) {
          entries_.clear();
          text_.clear();
        }
        rebuild_index();
        break;
      }
      index_.assign(index_.size() * 2, kEmpty);
      rebuild_index();
    }
    if (entries_.capacity() < entries_.size() + n)
      entries_.reserve(std::min(kMaxSlots * 3 / 4, std::max(2 * entries_.capacity(), entries_.size() + n)));
    return true;
  }

  // The entry of `tok`. A new word's sums stay zero until add_pending(): the tagger adds those of
  // all of a sentence's new words at once, so that the memory loads of their weights overlap.
  WordEntry& find_or_add(const Model& m, std::string_view tok) { return find_or_add(m, tok, home(tok)); }
  // ... with its home slot (home()) computed before: emissions() does, tokens ahead, to prefetch.
  WordEntry& find_or_add(const Model& m, std::string_view tok, std::size_t i) {
    while (index_[i] != kEmpty) {
      WordEntry& w = entries_[index_[i]];
      if (text::same_word(form(w), tok)) {
        ++w.hits;
        return w;
      }
      i = (i + 1) & (index_.size() - 1);
    }
    index_[i] = static_cast<std::uint32_t>(entries_.size());
    WordEntry& w = entries_.emplace_back();
    w.form_at = static_cast<std::uint32_t>(text_.size());
    w.form_len = static_cast<std::uint32_t>(tok.size());
    text_.insert(text_.end(), tok.begin(), tok.end());
    analyze_token(tok, m.lex, work_);
    w.info = work_;
    auto group = [&](std::int32_t* e) {
      std::fill(e, e + L, 0);
      pending_offs_.push_back(static_cast<std::uint32_t>(pending_.size()));
      pending_rows_.push_back(e);
    };
    group(w.self);
    local_features(tok, work_, m.lex, pending_);
    group(w.as_prev);
    as_prev_features(&work_, pending_);
    group(w.as_next);
    as_next_features(&work_, pending_);
    w.as_prev2 = where_of(m, as_prev2_feature(&work_));
    w.as_next2 = where_of(m, as_next2_feature(&work_));
    return w;
  }

  // Sums the weights of the words find_or_add() added since the last call.
  void add_pending(const Model& m) {
    if (pending_rows_.empty()) return;
    pending_offs_.push_back(static_cast<std::uint32_t>(pending_.size()));
    add_groups(m, pending_.data(), pending_offs_.data(), pending_rows_.size(), pending_rows_.data());
    pending_.clear();
    pending_offs_.clear();
    pending_rows_.clear();
  }

  const WordEntry& get(const Model& m, std::string_view tok) {
    const WordEntry& w = find_or_add(m, tok);
    add_pending(m);
    return w;
  }

  // True if the form is in the table (for the tests).
  bool has(std::string_view tok) const {
    if (index_.empty()) return false;
    for (std::size_t i = home(tok); index_[i] != kEmpty; i = (i + 1) & (index_.size() - 1))
      if (form(entries_[index_[i]]) == tok) return true;
    return false;
  }

  // On distinct text a token's probe is two dependent cache misses past the index (the entry,
  // then its form's text): emissions() asks for them tokens ahead. Hints: the slot may be
  // another word's, or taken later; home() stays valid until the next reserve().
  std::size_t home(std::string_view form) const {
    return static_cast<std::size_t>(text::word_key_hash(form)) & (index_.size() - 1);
  }
  void prefetch_entry(std::size_t slot) const {
    if (index_[slot] != kEmpty) __builtin_prefetch(&entries_[index_[slot]]);
  }
  void prefetch_form(std::size_t slot) const {
    if (index_[slot] != kEmpty) __builtin_prefetch(text_.data() + entries_[index_[slot]].form_at);
  }
  std::string_view form(const WordEntry& w) const { return std::string_view(text_.data() + w.form_at, w.form_len); }

  const std::int32_t* bos_prev() const { return bos_prev_; }
  const std::int32_t* eos_next() const { return eos_next_; }
  std::uint32_t bos_prev2() const { return bos_prev2_; }
  std::uint32_t eos_next2() const { return eos_next2_; }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

  // A new model (or the first sentence): an empty table and the sentence-edge sums.
  void start(const Model& m) {
    index_.assign(kMinSlots, kEmpty);
    entries_.clear();
    text_.clear();
#ifndef __EMSCRIPTEN__
    // Natively the whole table's entries are reserved at once: the pages are touched only as
    // words arrive, while growing by doubling moved every entry and touched its pages anew
    // (on the distinct-text benchmark: 21,300 -> 12,800 page faults, a fifth of the time). In
    // WebAssembly the module's memory would grow by the whole 17 MB at once, visible in the
    // page's memory: there the vector grows as it fills.
    entries_.reserve(kMaxSlots * 3 / 4);
    text_.reserve(kMaxSlots * 3 / 4 * kTextPerWord);
#endif
    serial_ = m.serial;
    feats_.clear();
    std::fill(bos_prev_, bos_prev_ + L, 0);
    std::fill(eos_next_, eos_next_ + L, 0);
    as_prev_features(nullptr, feats_);
    add_weights(m, feats_.data(), feats_.size(), bos_prev_);
    feats_.clear();
    as_next_features(nullptr, feats_);
    add_weights(m, feats_.data(), feats_.size(), eos_next_);
    bos_prev2_ = where_of(m, as_prev2_feature(nullptr));
    eos_next2_ = where_of(m, as_next2_feature(nullptr));
  }

  // Keeps the words met at least t times since the table was last full, t the least power of 2
  // that keeps at most half of it (so that the next time is half a table away), in their order
  // and with their counts restarted; drops the rest.
  void keep_common_words() {
    std::uint32_t t = 1;
    auto kept_with = [&](std::uint32_t min) {
      return std::count_if(entries_.begin(), entries_.end(), [&](const WordEntry& w) { return w.hits >= min; });
    };
    while (static_cast<std::size_t>(kept_with(t)) > kMaxSlots * 3 / 8) t *= 2;
    std::size_t kept = 0, kept_text = 0;
    for (WordEntry& w : entries_) {
      if (w.hits < t) continue;
      w.hits = 0;
      // The kept forms move down in the text as their entries do (the text stays in order).
      std::memmove(text_.data() + kept_text, text_.data() + w.form_at, w.form_len);
      w.form_at = static_cast<std::uint32_t>(kept_text);
      kept_text += w.form_len;
      if (&w != &entries_[kept]) entries_[kept] = w;
      ++kept;
    }
    entries_.resize(kept);
    text_.resize(kept_text);
  }

  void rebuild_index() {
    std::fill(index_.begin(), index_.end(), kEmpty);
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      std::size_t i = home(form(entries_[e]));
      while (index_[i] != kEmpty) i = (i + 1) & (index_.size() - 1);
      index_[i] = static_cast<std::uint32_t>(e);
    }
  }

  std::uint64_t serial_ = 0;
  std::vector<std::uint32_t> index_;  // entry number, or kEmpty
  std::vector<WordEntry, text::HugePageAllocator<WordEntry>> entries_;
  std::vector<char> text_;  // the entries' forms, one after another
  TokenInfo work_;          // a new word's analysis
  std::vector<std::uint32_t> feats_;
  // The new words' features waiting for add_pending(): group g = pending_[offs[g], offs[g + 1])
  // adds to pending_rows_[g] (a row of an entry: reserve() keeps them in place).
  std::vector<std::uint32_t> pending_, pending_offs_;
  std::vector<std::int32_t*> pending_rows_;
  std::int32_t bos_prev_[L], eos_next_[L];
  std::uint32_t bos_prev2_ = 0, eos_next2_ = 0;
};

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
    std::size_t i = hash(c) & (index_.size() - 1);
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

  static std::uint64_t hash(const TokenContext& c) {
    std::uint64_t w[4];
    std::memcpy(w, &c, sizeof w);
    std::uint64_t h = (w[0] * 0x9E3779B97F4A7C15ull) ^ (w[1] * 0xC2B2AE3D27D4EB4Full) ^
                      (w[2] * 0x165667B19E3779F9ull) ^ (w[3] * 0x27D4EB2F165667C5ull);
    return h ^ (h >> 29);
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
