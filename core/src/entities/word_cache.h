// The tagger's word cache (model.cpp), shared by the threads: what each word form contributes to
// the emissions, summed once per form and model.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entities/context_cache.h"
#include "entities/features.h"
#include "entities/model_tables.h"
#include "text/huge_pages.h"
#include "text/quiescence.h"

namespace belgi::entities {

// What a word form contributes, computed once per form and process: what the sentence's
// context reads of its analysis (WordFacts; the rest of its TokenInfo only its own features read,
// when it is new) and the summed weights of its local, as-predecessor and as-successor features
// (features.h), and where the weights of its features as the word two before and after are.
// Integer sums, so the emissions are exactly those of the uncached path (tested). The form's
// bytes are in the cache's text, so that a probe of another length touches only the entry.
struct WordEntry {
  WordFacts info;
  std::uint32_t form_at = 0, form_len = 0;  // WordCache::text_
  // Where the weights of the one feature it gives the words two after and before it are
  // (Slot::where, model_tables.h).
  std::uint32_t as_prev2 = 0, as_next2 = 0;
  // Times met again since the table was last full, up to kHitCap: written (relaxed) only while
  // below it, so that the threads sharing the table do not take turns owning a common word's line.
  std::uint32_t hits = 0;
  std::int32_t self[kLabelCount], as_prev[kLabelCount], as_next[kLabelCount];
};

// The tagger's word cache, one per model (Model::words), shared by the threads that tag with it: a
// word form is analysed once whatever the number of jobs (with a private cache per thread each worker met the
// corpus's new words on its own: +7% instructions with two jobs on the distinct-text benchmark).
//
// Lookups take no lock: the index's slots are loaded with acquire, and an entry is published (its
// slot set by a release CAS) only once its sums are complete. A sentence's new words go into the
// thread's own block of entries (claimed from the shared array kBlock at a time, so no shared
// counter per word), are summed there (add_pending()), then published; a form another thread
// published first keeps theirs (ours stays a hole, used until the sentence ends). The table is
// rebuilt (full, or another model) only while no other thread is inside a sentence: each thread
// marks itself inside (Guard, a counter on its own cache line) and checks the rebuild flag;
// the thread that rebuilds raises the flag and waits for the others to leave; they wait at entry
// (text/quiescence.h, shared with the date grammar's word cache).
class WordCache {
 public:
  static constexpr int L = kLabelCount;
  // Open addressing over kMaxSlots slots (at most 3/4 full: kMaxWords entries); when full, the
  // words met again since the last time are kept and the rest dropped (at most kMaxSlots * 3 / 8
  // words). Most word forms of an archive occur once: emptying the whole table threw the common
  // words out with them (the distinct-text benchmark, 222,863 tokens: 44,273 word analyses
  // before, 36,416 with the common words kept). The index holds entry numbers only.
  static constexpr std::size_t kMaxSlots = 32768, kMaxWords = kMaxSlots * 3 / 4;
  // The forms' bytes: room for kTextPerWord a word (a rebuild when it runs out first).
  static constexpr std::size_t kTextPerWord = 32, kMaxText = kMaxWords * kTextPerWord;
  // A thread claims entries and text bytes in blocks of these (or a sentence's need).
  static constexpr std::size_t kBlock = 256, kTextBlock = kBlock * kTextPerWord;
  static constexpr std::uint32_t kHitCap = 4;

  // A thread's state: its blocks, its sentence's new words, its buffers.
  struct Local {
    // Of the blocks below (WordCache::gen_: unique across all caches, so that a thread that tags
    // with another model, another cache, never takes its old blocks for blocks of this one).
    std::uint64_t gen = 0;
    std::uint32_t next = 0, end = 0, text_next = 0, text_end = 0;
    text::Quiescence::Local q;
    TokenInfo work;  // a new word's analysis
    // The sentence's new words (entry numbers) and a small index of them by hash, so that a word
    // new twice within the sentence is analysed once.
    std::vector<std::uint32_t> fresh, fresh_index;
    std::vector<std::uint64_t> fresh_hash;
    // Their features waiting for add_pending(): group g = pending[offs[g], offs[g + 1]) adds to
    // rows[g] (a row of an entry of this thread's block).
    std::vector<std::uint32_t> pending, pending_offs;
    std::vector<std::int32_t*> rows;
  };

  WordCache() = default;
  ~WordCache() {
    if (entries_) Alloc().deallocate(entries_, capacity_);
  }
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;

  // The thread inside a sentence for as long as it lives (nested ones count once): the entries
  // handed out stay in place until it ends.
  class Guard {
   public:
    Guard(WordCache& c, Local& l) : inside_(c.quiet_, l.q) {}

   private:
    text::Quiescence::Guard inside_;
  };

  // Makes room in the thread's block for n new words of `bytes` bytes in all (inside a Guard),
  // rebuilding the table if it is full or of another model; false if too large to cache (the
  // caller takes the uncached path).
  bool reserve(const Model& m, Local& l, std::size_t n, std::size_t bytes) {
    if (n > kMaxSlots / 2 || bytes > kMaxText / 2) return false;
    for (;;) {
      if (serial_ != m.serial) {
        rebuild(m, l, true, n, bytes);
        continue;
      }
      if (l.gen != gen_) {
        l.gen = gen_;
        l.next = l.end = l.text_next = l.text_end = 0;
      }
      if (l.end - l.next < n) grow(used_.load(std::memory_order_relaxed) + std::max(kBlock, n));
      if (l.end - l.next < n && !claim(used_, std::max(kBlock, n), capacity_, l.next, l.end)) {
        rebuild(m, l, false, n, bytes);
        continue;
      }
      if (l.text_end - l.text_next < bytes &&
          !claim(text_used_, std::max(kTextBlock, bytes), kMaxText, l.text_next, l.text_end)) {
        rebuild(m, l, false, n, bytes);
        continue;
      }
      return true;
    }
  }

  // The entry of `tok` (hash: text::word_key_hash(tok)). A new word's sums stay zero until
  // add_pending(): the tagger adds those of all of a sentence's new words at once, so that the
  // memory loads of their weights overlap.
  const WordEntry& find_or_add(const Model& m, Local& l, std::string_view tok) {
    return find_or_add(m, l, tok, text::word_key_hash(tok));
  }
  const WordEntry& find_or_add(const Model& m, Local& l, std::string_view tok, std::uint64_t hash) {
    for (std::size_t i = hash & (kMaxSlots - 1);; i = (i + 1) & (kMaxSlots - 1)) {
      const std::uint32_t e = slot(i);
      if (e == kEmpty) break;
      WordEntry& w = entries_[e];
      if (text::same_word(form(w), tok)) {
        const std::uint32_t h = __atomic_load_n(&w.hits, __ATOMIC_RELAXED);
        if (h < kHitCap) __atomic_store_n(&w.hits, h + 1, __ATOMIC_RELAXED);
        return w;
      }
    }
    // Not published: new in this sentence already?
    const std::size_t mask = l.fresh_index.size() - 1;
    std::size_t j = hash & mask;
    for (; l.fresh_index[j] != kEmpty; j = (j + 1) & mask) {
      const std::uint32_t k = l.fresh_index[j];
      if (l.fresh_hash[k] == hash && text::same_word(form(entries_[l.fresh[k]]), tok)) {
        WordEntry& w = entries_[l.fresh[k]];  // not published yet: this thread's alone
        if (w.hits < kHitCap) ++w.hits;
        return w;
      }
    }
    l.fresh_index[j] = static_cast<std::uint32_t>(l.fresh.size());
    l.fresh_hash.push_back(hash);
    const std::uint32_t e = l.next++;
    l.fresh.push_back(e);
    WordEntry& w = entries_[e];
    w.hits = 0;
    w.form_at = l.text_next;
    w.form_len = static_cast<std::uint32_t>(tok.size());
    std::memcpy(text_.get() + l.text_next, tok.data(), tok.size());
    l.text_next += static_cast<std::uint32_t>(tok.size());
    analyze_token(tok, m.lex, l.work);
    w.info = l.work;
    auto group = [&](std::int32_t* e) {
      std::fill(e, e + L, 0);
      l.pending_offs.push_back(static_cast<std::uint32_t>(l.pending.size()));
      l.rows.push_back(e);
    };
    group(w.self);
    local_features(tok, l.work, m.lex, l.pending);
    group(w.as_prev);
    as_prev_features(&l.work, l.pending);
    group(w.as_next);
    as_next_features(&l.work, l.pending);
    w.as_prev2 = where_of(m, as_prev2_feature(&l.work));
    w.as_next2 = where_of(m, as_next2_feature(&l.work));
    return w;
  }

  // Before a sentence's find_or_add() calls: sizes the thread's index of new words for n tokens.
  void begin_sentence(Local& l, std::size_t n) const {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    if (l.fresh_index.size() < size) l.fresh_index.assign(size, kEmpty);
  }

  // Sums the weights of the words find_or_add() added since the last call, then publishes them.
  void add_pending(const Model& m, Local& l) {
    if (l.fresh.empty()) return;
    l.pending_offs.push_back(static_cast<std::uint32_t>(l.pending.size()));
    add_groups(m, l.pending.data(), l.pending_offs.data(), l.rows.size(), l.rows.data());
    l.pending.clear();
    l.pending_offs.clear();
    l.rows.clear();
    const std::size_t mask = l.fresh_index.size() - 1;
    for (std::size_t k = 0; k < l.fresh.size(); ++k) publish(l.fresh[k], l.fresh_hash[k]);
    // Each new word's run of slots from its home on, emptied: every word of the run lies after
    // its own home in it.
    for (std::size_t k = 0; k < l.fresh.size(); ++k)
      for (std::size_t j = l.fresh_hash[k] & mask; l.fresh_index[j] != kEmpty; j = (j + 1) & mask)
        l.fresh_index[j] = kEmpty;
    l.fresh.clear();
    l.fresh_hash.clear();
  }

  const WordEntry& get(const Model& m, Local& l, std::string_view tok) {
    begin_sentence(l, 1);
    const WordEntry& w = find_or_add(m, l, tok);
    add_pending(m, l);
    return w;
  }

  // True if the form is published (for the tests).
  bool has(std::string_view tok) const {
    if (!index_) return false;
    for (std::size_t i = home(tok); slot(i) != kEmpty; i = (i + 1) & (kMaxSlots - 1))
      if (form(entries_[slot(i)]) == tok) return true;
    return false;
  }
  std::uint64_t rebuilds() const { return rebuilds_; }

  // On distinct text a token's probe is two dependent cache misses past the index (the entry,
  // then its form's text): emissions() asks for them tokens ahead. Hints: the slot may be
  // another word's, or taken later.
  static std::size_t home(std::string_view form) {
    return static_cast<std::size_t>(text::word_key_hash(form)) & (kMaxSlots - 1);
  }
  void prefetch_entry(std::uint64_t hash) const {
    const std::uint32_t e = slot(hash & (kMaxSlots - 1));
    if (e != kEmpty) __builtin_prefetch(&entries_[e]);
  }
  void prefetch_form(std::uint64_t hash) const {
    const std::uint32_t e = slot(hash & (kMaxSlots - 1));
    if (e != kEmpty) __builtin_prefetch(text_.get() + entries_[e].form_at);
  }
  std::string_view form(const WordEntry& w) const { return std::string_view(text_.get() + w.form_at, w.form_len); }

  const std::int32_t* bos_prev() const { return bos_prev_; }
  const std::int32_t* eos_next() const { return eos_next_; }
  std::uint32_t bos_prev2() const { return bos_prev2_; }
  std::uint32_t eos_next2() const { return eos_next2_; }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  using Alloc = text::HugePageAllocator<WordEntry>;

  std::uint32_t slot(std::size_t i) const { return __atomic_load_n(&index_[i], __ATOMIC_ACQUIRE); }

  // [lo, hi) of `want` more from the shared counter, if below `cap`: the block [lo, hi) extended
  // if no other thread claimed since (a sentence's tokens that do not fit the rest of a block
  // left it unused: with one thread, a tenth of the table), else a new one.
  static bool claim(std::atomic<std::uint32_t>& used, std::size_t want, std::size_t cap, std::uint32_t& lo,
                    std::uint32_t& hi) {
    std::uint32_t at = hi;
    if (hi + want <= cap &&
        used.compare_exchange_strong(at, static_cast<std::uint32_t>(hi + want), std::memory_order_relaxed)) {
      hi = static_cast<std::uint32_t>(hi + want);
      return true;
    }
    do {
      if (at + want > cap) return false;
    } while (!used.compare_exchange_weak(at, static_cast<std::uint32_t>(at + want), std::memory_order_relaxed));
    lo = at;
    hi = static_cast<std::uint32_t>(at + want);
    return true;
  }

  void publish(std::uint32_t e, std::uint64_t hash) {
    const std::string_view f = form(entries_[e]);
    for (std::size_t i = hash & (kMaxSlots - 1);; i = (i + 1) & (kMaxSlots - 1)) {
      std::uint32_t cur = slot(i);
      if (cur == kEmpty) {
        if (__atomic_compare_exchange_n(&index_[i], &cur, e, false, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)) return;
      }
      if (text::same_word(form(entries_[cur]), f)) return;  // another thread's, first
    }
  }

  // The table full or of another model: one thread rebuilds it while no other is inside a
  // sentence. If another thread is rebuilding already, this one steps out and waits; the caller
  // tries again.
  void rebuild(const Model& m, Local& l, bool fresh, std::size_t n, std::size_t bytes) {
    quiet_.exclusive(l.q, [&] {
      if (fresh || serial_ != m.serial) start(m);
      else {
        keep_common_words();
        if (used_.load(std::memory_order_relaxed) + n > kMaxWords ||
            text_used_.load(std::memory_order_relaxed) + bytes > kMaxText) {
          used_.store(0, std::memory_order_relaxed);
          text_used_.store(0, std::memory_order_relaxed);
        }
        rebuild_index();
      }
      static std::atomic<std::uint64_t> gens{0};
      gen_ = ++gens;
      ++rebuilds_;
    });
  }

  // Room for `need` entries, up to kMaxWords: in WebAssembly only (one thread, at a sentence's
  // start: moving the entries moves no entry a sentence holds); natively the table is whole.
  void grow(std::size_t need) {
    if (need <= capacity_ || capacity_ >= kMaxWords) return;
    const std::size_t cap = std::min(kMaxWords, std::max(2 * capacity_, need));
    WordEntry* bigger = Alloc().allocate(cap);
    std::memcpy(static_cast<void*>(bigger), entries_, used_.load(std::memory_order_relaxed) * sizeof(WordEntry));
    Alloc().deallocate(entries_, capacity_);
    entries_ = bigger;
    capacity_ = cap;
  }

  // A new model (or the first sentence): an empty table and the sentence-edge sums.
  void start(const Model& m) {
    if (!index_) {
      // The whole table at once: the pages are touched only as words arrive (on the
      // distinct-text benchmark, growing by doubling had 21,300 page faults against 12,800).
      index_.reset(new std::uint32_t[kMaxSlots]);
#ifdef __EMSCRIPTEN__
      capacity_ = kBlock;  // grown as it fills (grow()): the module's memory would take the whole table
#else
      capacity_ = kMaxWords;
#endif
      entries_ = Alloc().allocate(capacity_);
      text_.reset(new char[kMaxText]);
    }
    std::fill(index_.get(), index_.get() + kMaxSlots, kEmpty);
    used_.store(0, std::memory_order_relaxed);
    text_used_.store(0, std::memory_order_relaxed);
    serial_ = m.serial;
    std::vector<std::uint32_t> feats;
    std::fill(bos_prev_, bos_prev_ + L, 0);
    std::fill(eos_next_, eos_next_ + L, 0);
    as_prev_features(nullptr, feats);
    add_weights(m, feats.data(), feats.size(), bos_prev_);
    feats.clear();
    as_next_features(nullptr, feats);
    add_weights(m, feats.data(), feats.size(), eos_next_);
    bos_prev2_ = where_of(m, as_prev2_feature(nullptr));
    eos_next2_ = where_of(m, as_next2_feature(nullptr));
  }

  // Keeps the published words met at least t times since the table was last full, t the least
  // power of 2 (up to kHitCap) that keeps at most half of it (so that the next time is half a
  // table away), in their order and with their counts restarted; drops the rest (and the holes:
  // the blocks' unused ends, the forms published by another thread first).
  void keep_common_words() {
    const std::uint32_t used = used_.load(std::memory_order_relaxed);
    live_.assign(used, 0);  // published: the rest are holes
    for (std::size_t i = 0; i < kMaxSlots; ++i)
      if (index_[i] != kEmpty) live_[index_[i]] = 1;
    std::size_t with[kHitCap + 1] = {};  // live entries by hits
    for (std::uint32_t e = 0; e < used; ++e)
      if (live_[e]) ++with[std::min(entries_[e].hits, kHitCap)];
    for (std::uint32_t h = kHitCap; h > 0; --h) with[h - 1] += with[h];  // now: hits >= h
    std::uint32_t t = 1;
    while (t < kHitCap && with[t] > kMaxSlots * 3 / 8) t *= 2;
    // The kept forms are copied out and back: a thread's block of text may lie before or after
    // another's, whatever their entries' order.
    kept_text_.clear();
    std::uint32_t kept = 0;
    for (std::uint32_t e = 0; e < used && kept < kMaxSlots * 3 / 8; ++e) {
      if (!live_[e] || entries_[e].hits < t) continue;
      WordEntry& w = entries_[e];
      const std::uint32_t at = static_cast<std::uint32_t>(kept_text_.size());
      kept_text_.insert(kept_text_.end(), text_.get() + w.form_at, text_.get() + w.form_at + w.form_len);
      w.form_at = at;
      w.hits = 0;
      if (e != kept) entries_[kept] = w;
      ++kept;
    }
    if (!kept_text_.empty()) std::memcpy(text_.get(), kept_text_.data(), kept_text_.size());  // data() may be null
    used_.store(kept, std::memory_order_relaxed);
    text_used_.store(static_cast<std::uint32_t>(kept_text_.size()), std::memory_order_relaxed);
  }

  void rebuild_index() {
    std::fill(index_.get(), index_.get() + kMaxSlots, kEmpty);
    const std::uint32_t n = used_.load(std::memory_order_relaxed);
    for (std::uint32_t e = 0; e < n; ++e) {
      std::size_t i = home(form(entries_[e]));
      while (index_[i] != kEmpty) i = (i + 1) & (kMaxSlots - 1);
      index_[i] = e;
    }
  }

  // Written only by the thread that rebuilds, while no other is inside.
  std::uint64_t serial_ = 0, gen_ = 0, rebuilds_ = 0;
  std::unique_ptr<std::uint32_t[]> index_;  // entry number, or kEmpty; CAS'd by the publishers
  WordEntry* entries_ = nullptr;
  std::size_t capacity_ = 0;
  std::unique_ptr<char[]> text_;  // the entries' forms
  std::vector<std::uint8_t> live_;  // keep_common_words()'s
  std::vector<char> kept_text_;
  std::int32_t bos_prev_[L], eos_next_[L];
  std::uint32_t bos_prev2_ = 0, eos_next2_ = 0;
  // Shared counters: entries and text bytes claimed (in blocks); who is inside.
  alignas(64) std::atomic<std::uint32_t> used_{0}, text_used_{0};
  text::Quiescence quiet_;
};

}  // namespace belgi::entities
