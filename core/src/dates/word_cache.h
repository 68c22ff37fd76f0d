// The date grammar's word cache, shared by the threads (dates::analyze in words.cpp): each
// distinct word's analysis, kept with its text. Internal to words.cpp; a header of its own for the file limits.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <deque>
#include <memory>
#include <mutex>
#include <type_traits>
#include <string_view>
#include <vector>

#include "dates/words.h"
#include "text/hash.h"
#include "text/huge_pages.h"
#include "text/quiescence.h"

namespace belgi::dates::detail {

// A word's readings as its analysis finds them (analyze_word), before they are kept in the
// TextArena: one set reused for every new word (vectors of its own cost each new word with a
// reading a malloc, and its entry 72 bytes more to write and read).
struct Owned {
  std::vector<Hit> hits, rest_hits;
  std::vector<const Phrase*> phrases;
  Detail detail;  // kept in WordCache::Local::details unless the word is inert
  bool dirty = false;  // detail may differ from Detail() (analyze_word resets it only then)
};

// The cached words' texts, folded forms and readings, in blocks that never move (the words view
// them): a string of its own for each cost two allocations a new word. Emptied with the cache,
// which keeps the blocks to fill again (freed, their memory went back to the system and came
// back as new pages: page faults, zeroed by the kernel).
class TextArena {
 public:
  // Room for n bytes at the end; keep_written() keeps the first m of them.
  char* room(std::size_t n) {
    if (cur_ == blocks_.size() || used_ + n > blocks_[cur_].size) {
      // The next kept block if it is large enough (an oversized one is skipped), else a new one.
      if (cur_ < blocks_.size()) ++cur_;
      while (cur_ < blocks_.size() && blocks_[cur_].size < n) ++cur_;
      if (cur_ == blocks_.size()) {
        const std::size_t size = std::max(kBlock, n);
        blocks_.push_back(Block{std::unique_ptr<char[]>(new char[size]), size});
      }
      used_ = 0;
    }
    return blocks_[cur_].bytes.get() + used_;
  }
  std::string_view keep_written(const char* p, std::size_t m) {
    used_ += m;
    return std::string_view(p, m);
  }
  std::string_view keep(std::string_view s) {
    char* p = room(s.size());
    std::copy(s.begin(), s.end(), p);
    return keep_written(p, s.size());
  }
  // A copy of v's values (trivially copyable), aligned (the blocks are, from new char[]).
  template <class T>
  View<T> keep_all(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= alignof(std::max_align_t));
    if (v.empty()) return View<T>();
    used_ = (used_ + alignof(T) - 1) / alignof(T) * alignof(T);
    char* p = room(v.size() * sizeof(T));
    T* out = std::uninitialized_copy(v.begin(), v.end(), reinterpret_cast<T*>(p));
    keep_written(p, v.size() * sizeof(T));
    return View<T>(out - v.size(), v.size());
  }
  void clear() { cur_ = used_ = 0; }
  std::size_t blocks() const { return cur_ + 1; }  // in use

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  struct Block {
    std::unique_ptr<char[]> bytes;
    std::size_t size;
  };
  std::vector<Block> blocks_;
  std::size_t cur_ = 0, used_ = 0;  // the block filled, and how far
};

// A word's analysis depends only on its text, its token kind and the tables, so it is computed
// once per distinct word and process: news repeats its words, and the table look-ups were a
// sixth of the batch time. The analysis lives in the thread's storage that made it (blocks that
// never move), and the words analyze() returns point to it, so a token costs a place and a
// pointer. One cache for the threads (with one each, every worker analysed the corpus's new
// words on its own: +25 M instructions of 1,197 M with two jobs on the distinct-text benchmark).
//
// Lookups take no lock: a slot of the index holds an entry's address and 16 bits of its hash,
// loaded with acquire; a new word is analysed into the thread's own storage, then published by a
// release CAS on an empty slot (a form another thread published first keeps theirs: ours is used
// by this thread only, until its storage is emptied). Bounded: when it holds max_words() at the
// start of an analyze() call, the cache is emptied, while no thread is inside (Words hold the
// thread inside, text/quiescence.h); each thread empties its own storage when it next comes in.
class WordCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 15;
  static constexpr std::size_t kMaxTextBlocks = 256;  // 16 MB a thread
  // A fixed index (it is shared: it cannot double under the readers), 512 KB: half full at
  // kMaxWords (a probe reads 1.5 slots on average, 8 to a cache line); a document's new words may
  // fill it to 3/4 (the corpus as one document has ~33,000 forms), the rest are analysed for that
  // call only.
  static constexpr std::size_t kSlots = 1 << 16;
  // Entries are counted in blocks of these: no shared counter written per word.
  static constexpr std::uint32_t kBlock = 64;

  // A word's key and its Word, 64 bytes, 64-byte aligned: every token of the word reads this
  // one cache line (the key, `kind`, `inert`, `fold`'s view), and a new word that starts no
  // pattern (most) writes only it. (Word with all its fields inline made it 256 bytes, four
  // lines written per new word: with the tagger's tables in the cache, misses on both sides.)
  struct alignas(64) Entry {
    // 14 Cyrillic letters inline; a longer key's text is in texts, its pointer in `key_bytes`.
    static constexpr std::size_t kInline = 28;
    std::uint32_t size = 0;
    char key_bytes[kInline];
    Word word;
    const char* long_key() const {
      const char* p = nullptr;
      if (size > kInline) std::memcpy(&p, key_bytes, sizeof p);
      return p;
    }
    std::string_view key() const { return std::string_view(size > kInline ? long_key() : key_bytes, size); }
    void set_key(std::string_view raw, TextArena& texts) {
      size = static_cast<std::uint32_t>(raw.size());
      if (raw.size() <= kInline) {
        std::copy(raw.begin(), raw.end(), key_bytes);
      } else {
        const char* p = texts.keep(raw).data();
        std::memcpy(key_bytes, &p, sizeof p);
      }
    }
  };
  static_assert(sizeof(void*) != 8 || sizeof(Entry) == 64, "one cache line");
  // A thread's part: its storage (the entries it made, their details and texts), its scratch.
  struct Local {
    text::Quiescence::Local q;
    std::uint64_t gen = 0;    // of the storage (WordCache::gen_)
    std::uint32_t quota = 0;  // entries it may add before it claims another block
    text::StableBlocks<Entry> entries;  // huge pages natively: ~5,000 page faults fewer
    text::StableBlocks<Detail> details;  // the entries' words' details, for those not inert
    std::deque<Entry> this_call;  // words not kept (see put)
    std::deque<Detail> this_call_details;
    TextArena texts;  // the entries' keys, folded forms and readings (also this_call's)
    Owned scratch;    // a new word's readings, until kept in texts
  };

  // The index zeroed by calloc: fresh pages natively, not written (callgrind counts a memset an
  // instruction a byte: the first version's 1 MB index cleared at construction was 1 M).
  WordCache() : index_(static_cast<std::uint64_t*>(std::calloc(kSlots, sizeof(std::uint64_t)))) {
    if (!index_) throw std::bad_alloc();
  }
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;

  // The thread inside from hold() to release() (nested ones count once): what the cache handed
  // out stays in place.
  void hold(Local& l) { quiet_.hold(l.q); }
  void release(Local& l) { quiet_.release(l.q); }

  // Called once per analyze(), held: a new table, or a full cache, starts afresh.
  void begin(const Tables& t, Local& l) {
    for (;;) {
      if (l.gen != gen_) {
        l.entries.clear(), l.details.clear(), l.texts.clear();
        l.gen = gen_;
        l.quota = 0;
      }
      // (The texts are bounded too: a word also met as another kind adds its text at each call.)
      if (serial_ == t.serial() && used_.load(std::memory_order_relaxed) < max_words_ &&
          l.texts.blocks() <= kMaxTextBlocks)
        break;
      quiet_.exclusive(l.q, [&] { clear(t.serial()); });
    }
    l.this_call.clear();
    l.this_call_details.clear();
  }
  // The probe of a token's text hashed ahead (hash_of): on distinct text the slot and the entry
  // (with the key inline) are two dependent cache misses, so analyze() asks for them tokens before
  // (prefetch). A key over Entry::kInline bytes (1.6% of the words, 0.7% of the tokens on the
  // corpus) is a third line, not prefetched: a probe a token for the few, as it was, cost more.
  static std::uint64_t hash_of(std::string_view raw) { return text::word_key_hash(raw); }
  void prefetch_slot(std::uint64_t h) const { __builtin_prefetch(&index_[h & kMask]); }
  // Once the slot has arrived: its entry.
  void prefetch_entry(std::uint64_t h) const {
    const std::uint64_t s = slot(h & kMask);
    if (s && same_tag(s, h)) __builtin_prefetch(entry(s));
  }
  const Word* find(std::string_view raw, text::TokenKind kind, std::uint64_t h) const {
    for (std::size_t i = h & kMask;; i = (i + 1) & kMask) {
      const std::uint64_t s = slot(i);
      if (!s) return nullptr;
      if (!same_tag(s, h)) continue;
      const Entry& e = *entry(s);
      if (text::same_word(e.key(), raw)) return e.word.kind == kind ? &e.word : nullptr;
    }
  }
  // Analyzes raw (of that kind) and keeps it; a word of the same text and another kind is not
  // kept (the first kind published wins; the analysis is the same whichever thread makes it).
  // (h = hash_of(raw).)
  const Word* put(std::string_view raw, text::TokenKind kind, std::uint64_t h, const Tables& tables, Local& l);

  // For the tests: the limit (at most kMaxWords) and the times the cache was emptied.
  void set_max_words(std::size_t n) { max_words_ = static_cast<std::uint32_t>(std::min(n, kMaxWords)); }
  std::uint64_t rebuilds() const { return rebuilds_; }

  // A thread's storage when the thread ends: its entries may be in the index until it is emptied.
  void retire(Local&& l) {
    std::lock_guard<std::mutex> lock(retired_mutex_);
    retired_.push_back(std::make_unique<Local>(std::move(l)));
  }


 private:
  static constexpr std::size_t kMask = kSlots - 1;
  // A slot: the entry's address (48 bits: user space natively, 32 in WebAssembly) and the top 16
  // bits of its hash; 0 = empty.
  static constexpr int kTagShift = 48;
  static constexpr std::uint64_t kAddress = (std::uint64_t{1} << kTagShift) - 1;
  static std::uint64_t tag_of(std::uint64_t h) { return h >> kTagShift; }
  static bool same_tag(std::uint64_t s, std::uint64_t h) { return ((s ^ h) >> kTagShift) == 0; }
  static const Entry* entry(std::uint64_t s) {
    return reinterpret_cast<const Entry*>(static_cast<std::uintptr_t>(s & kAddress));
  }
  static std::uint64_t packed(const Entry* e, std::uint64_t h) {
    return (tag_of(h) << kTagShift) | static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(e));
  }
  std::uint64_t slot(std::size_t i) const { return __atomic_load_n(&index_[i], __ATOMIC_ACQUIRE); }
  // A block of kBlock more entries for the thread, unless the index is 3/4 full (or holds three
  // times a test's limit).
  bool claim(Local& l) {
    const std::size_t cap = std::min(kSlots * 3 / 4, std::size_t{3} * max_words_);
    std::uint32_t at = used_.load(std::memory_order_relaxed);
    do {
      if (at + kBlock > cap) return false;
    } while (!used_.compare_exchange_weak(at, at + kBlock, std::memory_order_relaxed));
    l.quota = kBlock;
    return true;
  }
  // While no other thread is inside: the index emptied (the threads empty their storage as they
  // come in: gen_), the storage of the threads that ended freed.
  void clear(std::uint64_t serial) {
    if (used_.load(std::memory_order_relaxed) > 0) std::fill(index_.get(), index_.get() + kSlots, 0);
    used_.store(0, std::memory_order_relaxed);
    serial_ = serial;
    ++gen_;
    ++rebuilds_;
    std::lock_guard<std::mutex> lock(retired_mutex_);
    retired_.clear();
  }

  // Written only while no other thread is inside (clear()).
  std::uint64_t serial_ = 0, gen_ = 1, rebuilds_ = 0;
  std::uint32_t max_words_ = kMaxWords;
  struct Free {
    void operator()(std::uint64_t* p) const { std::free(p); }
  };
  std::unique_ptr<std::uint64_t[], Free> index_;  // CAS'd by the publishers
  alignas(64) std::atomic<std::uint32_t> used_{0};  // entries claimed (in blocks)
  text::Quiescence quiet_;
  std::mutex retired_mutex_;
  std::vector<std::unique_ptr<Local>> retired_;
};

}  // namespace belgi::dates::detail
