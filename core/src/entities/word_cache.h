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
// The sums are kept in 24 bits when all 153 fit (a sum is a dozen weights: at most 256,555 on
// the KazNERD test sample, 2^23 is 8.4 M; in int16 few words would fit, the median word's largest
// being 73,988), else in the cache's wide rows: 576 bytes, nine cache lines a word (was 840 and a
// heap block for most forms, with the whole TokenInfo and int32 sums), fewer lines per token read
// and less fresh memory.
constexpr int kPackGroups = (kLabelCount + 3) / 4;  // four 24-bit sums to 12 bytes
constexpr int kPackedRow = 12 * kPackGroups;        // a row's bytes (the last group's 4th padding)
struct alignas(64) WordEntry {
  static constexpr std::uint32_t kNarrow = ~std::uint32_t{0};
  static constexpr std::int32_t kMax24 = (1 << 23) - 1;
  WordFacts info;
  std::uint32_t form_at = 0, form_len = 0;  // WordCache::text_
  // Where the weights of the one feature it gives the words two after and before it are
  // (Slot::where, model_tables.h).
  std::uint32_t as_prev2 = 0, as_next2 = 0;
  std::uint32_t hits = 0;  // since the table was last full
  // kNarrow: the sums are in `packed`; else their number in the cache's wide rows (rows32()).
  std::uint32_t wide = kNarrow;
  // self, as_prev, as_next (kPackedRow bytes each), little-endian 24-bit two's complement; 4
  // more bytes so that the last group can be loaded as 16 (model.cpp's unpack4()).
  std::uint8_t packed[3 * kPackedRow + 4] = {};
  const std::uint8_t* self() const { return packed; }
  const std::uint8_t* as_prev() const { return packed + kPackedRow; }
  const std::uint8_t* as_next() const { return packed + 2 * kPackedRow; }
};
static_assert(sizeof(WordEntry) == 576, "WordEntry: nine cache lines");

// Sum y of a packed row.
inline std::int32_t unpack24(const std::uint8_t* row, int y) {
  const std::uint8_t* p = row + 3 * y;
  const std::uint32_t u = p[0] | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16;
  return static_cast<std::int32_t>(u << 8) >> 8;
}

class WordCache {
 public:
  static constexpr int L = kLabelCount;
  // Open addressing over a power-of-2 index that doubles up to kMaxSlots; when full, the words
  // met again since the last time are kept and the rest dropped (at most kMaxSlots * 3 / 4
  // words, ~9 MB per thread). Most word forms of an archive occur once: emptying the whole
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
        compact_wide();
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
    pending_words_.push_back(index_[i]);
    w.form_at = static_cast<std::uint32_t>(text_.size());
    w.form_len = static_cast<std::uint32_t>(tok.size());
    text_.insert(text_.end(), tok.begin(), tok.end());
    analyze_token(tok, m.lex, work_);
    w.info = work_;
    auto group = [&] { pending_offs_.push_back(static_cast<std::uint32_t>(pending_.size())); };
    group();
    local_features(tok, work_, m.lex, pending_);
    group();
    as_prev_features(&work_, pending_);
    group();
    as_next_features(&work_, pending_);
    w.as_prev2 = where_of(m, as_prev2_feature(&work_));
    w.as_next2 = where_of(m, as_next2_feature(&work_));
    return w;
  }

  // Sums the weights of the words find_or_add() added since the last call.
  void add_pending(const Model& m) {
    if (pending_words_.empty()) return;
    pending_offs_.push_back(static_cast<std::uint32_t>(pending_.size()));
    const std::size_t groups = 3 * pending_words_.size();
    sums_.assign(groups * L, 0);
    pending_rows_.resize(groups);
    for (std::size_t g = 0; g < groups; ++g) pending_rows_[g] = sums_.data() + g * L;
    add_groups(m, pending_.data(), pending_offs_.data(), groups, pending_rows_.data());
    for (std::size_t k = 0; k < pending_words_.size(); ++k) keep_sums(entries_[pending_words_[k]], &sums_[3 * k * L]);
    pending_.clear();
    pending_offs_.clear();
    pending_words_.clear();
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

  // The sentence's edges as a word: as_prev and as_prev2 before the first token, as_next and
  // as_next2 after the last (self zero).
  const WordEntry& edge() const { return edge_; }

  // A word's three sums (self, as_prev, as_next, L each) as int32, wherever they are kept.
  void rows32(const WordEntry& w, std::int32_t* out) const {
    if (w.wide != WordEntry::kNarrow) {
      std::copy_n(&wide_[static_cast<std::size_t>(w.wide) * 3 * L], 3 * L, out);
      return;
    }
    for (int r = 0; r < 3; ++r)
      for (int y = 0; y < L; ++y) out[r * L + y] = unpack24(w.packed + r * kPackedRow, y);
  }

  // Sums outside [-limit, limit] go to the wide rows (the tests set 0: every word's nonzero sums
  // there, to check that path); empties the table.
  void set_narrow_limit(std::int32_t limit) {
    limit_ = limit;
    index_.clear();
  }

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
    // WebAssembly the module's memory would grow by the whole 9 MB at once, visible in the
    // page's memory: there the vector grows as it fills.
    entries_.reserve(kMaxSlots * 3 / 4);
    text_.reserve(kMaxSlots * 3 / 4 * kTextPerWord);
#endif
    serial_ = m.serial;
    wide_.clear();
    std::int32_t sums[3 * L] = {};
    feats_.clear();
    as_prev_features(nullptr, feats_);
    add_weights(m, feats_.data(), feats_.size(), sums + L);
    feats_.clear();
    as_next_features(nullptr, feats_);
    add_weights(m, feats_.data(), feats_.size(), sums + 2 * L);
    edge_ = WordEntry();
    keep_sums(edge_, sums);
    edge_.as_prev2 = where_of(m, as_prev2_feature(nullptr));
    edge_.as_next2 = where_of(m, as_next2_feature(nullptr));
  }

  // Keeps a word's three sums (sums[0, 3L)) in its entry in 24 bits if they all fit, else in wide_.
  void keep_sums(WordEntry& w, const std::int32_t* sums) {
    std::int32_t lo = 0, hi = 0;
    for (int k = 0; k < 3 * L; ++k) {
      lo = std::min(lo, sums[k]);
      hi = std::max(hi, sums[k]);
    }
    if (lo < -limit_ || hi > limit_) {
      w.wide = static_cast<std::uint32_t>(wide_.size() / (3 * L));
      wide_.insert(wide_.end(), sums, sums + 3 * L);
      return;
    }
    w.wide = WordEntry::kNarrow;
    for (int r = 0; r < 3; ++r) pack_row(sums + r * L, w.packed + r * kPackedRow);
  }

  // Row `sums` (L values that fit 24 bits) to `out` (kPackedRow bytes; the padding zero): each
  // value's low four bytes stored in turn, three bytes apart, the next store overwriting the fourth.
  static void pack_row(const std::int32_t* sums, std::uint8_t* out) {
    for (int y = 0; y < L; ++y) std::memcpy(out + 3 * y, &sums[y], 4);
    std::memset(out + 3 * L, 0, kPackedRow - 3 * L);
  }

  // After words were dropped: the wide rows of the edge and of the words kept, in that order.
  void compact_wide() {
    if (wide_.empty()) return;
    std::vector<std::int32_t> kept;
    for (WordEntry* w = &edge_, *e = entries_.data(), *end = e + entries_.size(); w; w = e < end ? e++ : nullptr) {
      if (w->wide == WordEntry::kNarrow) continue;
      const std::size_t at = static_cast<std::size_t>(w->wide) * 3 * L;
      w->wide = static_cast<std::uint32_t>(kept.size() / (3 * L));
      kept.insert(kept.end(), wide_.begin() + at, wide_.begin() + at + 3 * L);
    }
    wide_.swap(kept);
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
  // The new words' features waiting for add_pending(): word k's groups are 3k (self), 3k + 1
  // (as_prev) and 3k + 2 (as_next), group g = pending_[offs[g], offs[g + 1]), summed in int32
  // (sums_) and then kept in the entry (keep_sums()).
  std::vector<std::uint32_t> pending_, pending_offs_, pending_words_;
  std::vector<std::int32_t*> pending_rows_;
  std::vector<std::int32_t> sums_;
  std::vector<std::int32_t> wide_;  // rows of 3L sums that do not fit 24 bits: WordEntry::wide
  std::int32_t limit_ = WordEntry::kMax24;
  WordEntry edge_;
};

// The calling thread's word cache, the one emissions() uses (model.cpp; for the tests).
WordCache& thread_word_cache();

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
