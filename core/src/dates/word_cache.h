// The date grammar's per-thread word cache (dates::analyze in words.cpp): each distinct word's
// analysis, kept with its text. Internal to words.cpp; a header of its own for the file limits.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <type_traits>
#include <string_view>
#include <vector>

#include "dates/words.h"
#include "text/hash.h"
#include "text/huge_pages.h"

namespace belgi::dates::detail {

// A word's readings as its analysis finds them (analyze_word), before they are kept in the
// TextArena: one set reused for every new word (vectors of its own cost each new word with a
// reading a malloc, and its entry 72 bytes more to write and read).
struct Owned {
  std::vector<Hit> hits, rest_hits;
  std::vector<const Phrase*> phrases;
  Detail detail;  // kept in WordCache::details_ unless the word is inert
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
// once per distinct word and thread: news repeats its words, and the table look-ups were a
// sixth of the batch time. The analysis lives here (in blocks that never move), and the words
// analyze() returns point to it, so a token costs a place and a pointer. Bounded: emptied
// when it holds kMaxWords, but only between calls, never under a document's views.
class WordCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 15;
  static constexpr std::size_t kMaxTextBlocks = 256;  // 16 MB

  // Called once per analyze(): a new table, or a full cache, starts afresh.
  void begin(const Tables& t) {
    // (The texts are bounded too: a word also met as another kind adds its text at each call.)
    if (serial_ != t.serial() || entries_.size() >= kMaxWords || texts_.blocks() > kMaxTextBlocks)
      clear(t.serial());
    this_call_.clear();
    this_call_details_.clear();
  }
  // The probe of a token's text hashed ahead (hash_of): on distinct text the slot and the entry
  // (with the key inline) are two dependent cache misses, so analyze() asks for them tokens before
  // (prefetch). A key over Entry::kInline bytes (1.6% of the words, 0.7% of the tokens on the
  // corpus) is a third line, not prefetched: a probe a token for the few, as it was, cost more.
  static std::uint64_t hash_of(std::string_view raw) { return text::word_key_hash(raw); }
  void prefetch_slot(std::uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
  // Once the slot has arrived: its entry.
  void prefetch_entry(std::uint64_t h) const {
    const Slot& s = slots_[h & mask_];
    if (s.entry && s.hash == h) __builtin_prefetch(s.entry);
  }
  const Word* find(std::string_view raw, text::TokenKind kind, std::uint64_t h) const {
    for (std::size_t i = h & mask_; slots_[i].entry; i = (i + 1) & mask_) {
      const Entry& e = *slots_[i].entry;
      if (slots_[i].hash == h && text::same_word(e.key(), raw)) return e.word.kind == kind ? &e.word : nullptr;
    }
    return nullptr;
  }
  // Analyzes raw (of that kind) and keeps it; a word of the same text and another kind is not
  // kept (the first kind seen wins, as before).
  // (h = hash_of(raw).)
  const Word* put(std::string_view raw, text::TokenKind kind, std::uint64_t h, const Tables& tables);

 private:
  // A word's key and its Word, 64 bytes, 64-byte aligned: every token of the word reads this
  // one cache line (the key, `kind`, `inert`, `fold`'s view), and a new word that starts no
  // pattern (most) writes only it. (Word with all its fields inline made it 256 bytes, four
  // lines written per new word: with the tagger's tables in the cache, misses on both sides.)
  struct alignas(64) Entry {
    // 14 Cyrillic letters inline; a longer key's text is in texts_, its pointer in `key_bytes`.
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
  // The table starts small and doubles (a page's first document should not pay for a table
  // sized for a batch of millions).
  static constexpr std::size_t kMinSlots = 1024;
  // The entry itself, not its number: an element by index is a division and two loads,
  // and every token probes (its addresses are stable).
  struct Slot {
    std::uint64_t hash = 0;
    const Entry* entry = nullptr;  // null = empty
  };
  using Slots = std::vector<Slot, text::HugePageAllocator<Slot>>;  // its last sizes: 0.5 and 1 MB
  void grow() {
    Slots old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.entry) {
        std::size_t i = s.hash & mask_;
        while (slots_[i].entry) i = (i + 1) & mask_;
        slots_[i] = s;
      }
  }
  // The slot table keeps its size (emptied in place): grown again from kMinSlots after each
  // clear, its last two sizes were new memory each time, huge pages the kernel zeroed.
  void clear(std::uint64_t serial) {
    if (slots_.empty()) slots_.assign(kMinSlots, Slot());
    else std::fill(slots_.begin(), slots_.end(), Slot());
    mask_ = slots_.size() - 1;
    entries_.clear();
    details_.clear();
    this_call_.clear();
    this_call_details_.clear();
    texts_.clear();
    serial_ = serial;
  }
  std::uint64_t serial_ = 0;
  Slots slots_;
  std::size_t mask_ = 0;
  text::StableBlocks<Entry> entries_;  // huge pages natively: ~5,000 page faults fewer
  text::StableBlocks<Detail> details_;  // the entries' words' details, for those not inert
  std::deque<Entry> this_call_;  // words not kept (see put)
  std::deque<Detail> this_call_details_;
  TextArena texts_;  // the entries' keys, folded forms and readings (also this_call_'s, until clear())
  Owned scratch_;    // a new word's readings, until kept in texts_
};

}  // namespace belgi::dates::detail
