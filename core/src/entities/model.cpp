// The entity model: loading ner.bin and tagging a sentence (features -> sparse weights ->
// constrained Viterbi -> spans with a margin-based confidence).
#include "entities/model.h"

#include <atomic>
#include <cmath>
#include <cstring>

#include "entities/decode.h"
#include "entities/features.h"
#include "entities/model_format.h"

namespace belgi::entities {

// Feature weights laid out for few cache misses per feature: one open-addressing slot holds the
// key and where its (label, weight) pairs are; a pair is one u32 (label << 16 | u16 weight).
struct Slot {
  std::uint32_t key;    // 0 = empty
  std::uint32_t where;  // start of the pairs (low 26 bits), their count (high 6 bits)
};
// A feature with at least kDenseMin weights is stored as a dense row of all labels instead
// (where = row | kDense << 26): one vectorizable add instead of scattered ones.
constexpr std::uint32_t kDense = 63, kDenseMin = 12;

class Model {
 public:
  Lexicons lex;
  std::vector<Slot> slots;
  std::uint32_t mask = 0;
  std::vector<std::uint32_t> pairs;
  std::vector<std::int32_t> dense;  // rows of kLabelCount weights (kDense features)
  std::vector<std::int32_t> trans, end;
  OuterTransitions outer;  // trans packed for decoding (decode.h)
  float scale = 1.0f;
  std::string id;
  std::uint64_t serial = 0;  // unique per loaded model: keys the per-thread word caches
};

namespace {

constexpr char kMagic[8] = {'B', 'E', 'L', 'G', 'I', 'N', 'E', 'R'};

struct Reader {
  std::string_view b;
  std::size_t pos = 0;
  bool ok = true;
  template <class T>
  T get() {
    T v{};
    if (pos + sizeof(T) > b.size()) {
      ok = false;
      return v;
    }
    std::memcpy(&v, b.data() + pos, sizeof(T));  // the format is little-endian, like all targets
    pos += sizeof(T);
    return v;
  }
  std::string str() {
    std::uint32_t n = get<std::uint32_t>();
    if (!ok || n > b.size() - pos) {
      ok = false;
      return {};
    }
    std::string s(b.substr(pos, n));
    pos += n;
    return s;
  }
  template <class T>
  void array(std::vector<T>& v, std::size_t n) {
    if (n > (b.size() - pos) / sizeof(T)) {
      ok = false;
      return;
    }
    v.resize(n);
    if (n) std::memcpy(v.data(), b.data() + pos, n * sizeof(T));
    pos += n * sizeof(T);
  }
  void pairs(std::vector<std::pair<std::uint32_t, std::uint32_t>>& v) {
    std::uint32_t n = get<std::uint32_t>();
    if (!ok || n > (b.size() - pos) / 8) {
      ok = false;
      return;
    }
    v.resize(n);
    const char* p = b.data() + pos;
    for (auto& [k, x] : v) {
      std::memcpy(&k, p, 4);
      std::memcpy(&x, p + 4, 4);
      p += 8;
    }
    pos += std::size_t{n} * 8;
  }
};

// Everything but the feature weights, which stay in place in the bytes (read by the callers of
// read_model: parse_model copies them out, load_model packs them straight into its tables).
struct RawModel {
  ModelData head;  // all but feat_keys, feat_start, pair_label, pair_weight
  std::uint32_t features = 0;
  const unsigned char* keys = nullptr;    // features x u32, ascending
  const unsigned char* counts = nullptr;  // features x u8
  const unsigned char* pairs = nullptr;   // sum(counts) x (u8 label, i16 weight)
  std::size_t pair_count = 0;
};

inline std::uint32_t slot_of(std::uint32_t key, std::uint32_t mask) { return (key * 0x9E3779B1u) & mask; }

Status corrupt(const std::string& what) {
  return Status::error(StatusCode::invalid_model, "entity model: corrupt data (" + what + ")");
}

}  // namespace

namespace {

// Each loop that runs once per load over all of the model's bytes, weights or features is a
// function of its own, called through out_of_line(). A browser's WebAssembly engine optimizes a
// function in the background once it has run long enough, and uses that code from its next call
// on. Inlined into the code that creates the annotator (binaryen inlines functions with one
// caller), these loops had the engine optimize all of that code, 4-7 KB, for a function that never
// runs again, on the cores the first annotate() needs (docs/benchmarks.md). A function whose
// address is taken stays out of line, and only the small loop gets optimized.
template <class Fn>
Fn* out_of_line(Fn* f) {
  Fn* volatile p = f;
  return p;
}

std::uint64_t checksum(std::string_view bytes) { return text::fnv1a64_words(bytes); }

std::size_t sum_counts(const unsigned char* counts, std::uint32_t n) {
  std::size_t total = 0;
  for (std::uint32_t i = 0; i < n; ++i) total += counts[i];
  return total;
}

Status read_model(std::string_view bytes, RawModel& raw) {
  if (bytes.size() < 12 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return Status::error(StatusCode::invalid_model, "entity model: not a Belgi NER model (bad magic)");
  Reader r{bytes, 8};
  std::uint32_t version = r.get<std::uint32_t>();
  if (version != static_cast<std::uint32_t>(kModelFormatVersion))
    return Status::error(StatusCode::invalid_model,
                         "entity model: format version " + std::to_string(version) +
                             " found, this build reads version " +
                             std::to_string(kModelFormatVersion) + "; retrain with scripts/train.sh");
  if (bytes.size() < 20) return corrupt("truncated");
  std::uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  if (out_of_line(&checksum)(bytes.substr(0, bytes.size() - 8)) != sum) return corrupt("checksum mismatch");
  r.b = bytes.substr(0, bytes.size() - 8);
  ModelData& out = raw.head;
  out.feature_set = r.str();
  out.data_hash = r.str();
  std::uint32_t labels = r.get<std::uint32_t>();
  if (!r.ok || labels != static_cast<std::uint32_t>(kLabelCount)) return corrupt("label count");
  for (int i = 0; i < kLabelCount; ++i)
    if (r.str() != label_name(i)) return corrupt("label table differs from this build's");
  out.scale = r.get<float>();
  out.max_words = static_cast<int>(r.get<std::uint32_t>());
  r.pairs(out.lex_entries);
  r.pairs(out.lex_endings);
  r.pairs(out.known);
  r.pairs(out.gazetteer);
  r.array(out.trans, (kLabelCount + 1) * kLabelCount);
  r.array(out.end, kLabelCount);
  std::uint32_t f = r.get<std::uint32_t>();
  if (!r.ok || f > (r.b.size() - r.pos) / 5) return corrupt("truncated");
  const auto* base = reinterpret_cast<const unsigned char*>(r.b.data());
  raw.features = f;
  raw.keys = base + r.pos;
  raw.counts = raw.keys + std::size_t{f} * 4;
  raw.pairs = raw.counts + f;
  std::size_t total = out_of_line(&sum_counts)(raw.counts, f);
  raw.pair_count = total;
  if (static_cast<std::size_t>(base + r.b.size() - raw.pairs) != total * 3) return corrupt("size mismatch");
  // The pairs' labels are checked by the callers, in the loops that copy them out.
  if (out.max_words < 1 || out.max_words > 16) return corrupt("header");
  return Status();
}

inline std::uint32_t key_at(const RawModel& raw, std::uint32_t f) {
  std::uint32_t k;
  std::memcpy(&k, raw.keys + std::size_t{f} * 4, 4);  // little-endian, like all targets
  return k;
}

inline std::int16_t weight_at(const RawModel& raw, std::size_t p) {
  std::int16_t w;
  std::memcpy(&w, raw.pairs + p * 3 + 1, 2);
  return w;
}

// load_model's two loops (see out_of_line): the (label, weight) pairs widened to one u32 each,
// and the features placed in the open-addressing table (dense rows for the many-label ones).
bool widen_pairs(const RawModel& raw, std::uint32_t* pairs) {
  for (std::size_t p = 0; p < raw.pair_count; ++p) {
    std::uint32_t label = raw.pairs[p * 3];
    if (label >= static_cast<std::uint32_t>(kLabelCount)) return false;
    pairs[p] = label << 16 | static_cast<std::uint16_t>(weight_at(raw, p));
  }
  return true;
}

Status place_features(const RawModel& raw, Model& m) {
  std::uint32_t start = 0;
  for (std::uint32_t f = 0; f < raw.features; ++f) {
    std::uint32_t k = key_at(raw, f), i = slot_of(k, m.mask);
    while (m.slots[i].key != 0 && m.slots[i].key != k) i = (i + 1) & m.mask;
    if (m.slots[i].key == k || k == 0) return corrupt("duplicate feature");
    std::uint32_t count = raw.counts[f];
    if (count >= kDense) return corrupt("feature with too many labels");
    if (count >= kDenseMin) {
      std::uint32_t row = static_cast<std::uint32_t>(m.dense.size() / kLabelCount);
      m.dense.resize(m.dense.size() + kLabelCount, 0);
      for (std::uint32_t p = start; p < start + count; ++p)
        m.dense[row * kLabelCount + (m.pairs[p] >> 16)] += weight_at(raw, p);
      m.slots[i] = Slot{k, row | kDense << 26};
    } else {
      m.slots[i] = Slot{k, start | count << 26};
    }
    start += count;
  }
  return Status();
}

}  // namespace

Status parse_model(std::string_view bytes, ModelData& out) {
  RawModel raw;
  Status st = read_model(bytes, raw);
  if (!st.ok()) return st;
  out = std::move(raw.head);
  out.feat_keys.resize(raw.features);
  out.feat_start.resize(std::size_t{raw.features} + 1);
  out.feat_start[0] = 0;
  for (std::uint32_t f = 0; f < raw.features; ++f) {
    out.feat_keys[f] = key_at(raw, f);
    out.feat_start[f + 1] = out.feat_start[f] + raw.counts[f];
  }
  out.pair_label.resize(raw.pair_count);
  out.pair_weight.resize(raw.pair_count);
  for (std::size_t p = 0; p < raw.pair_count; ++p) {
    if (raw.pairs[p * 3] >= kLabelCount) return corrupt("label out of range");
    out.pair_label[p] = raw.pairs[p * 3];
    out.pair_weight[p] = weight_at(raw, p);
  }
  return Status();
}

Status load_model(std::string_view bytes, std::shared_ptr<const Model>& out) {
  RawModel raw;
  Status st = read_model(bytes, raw);
  if (!st.ok()) return st;
  const ModelData& d = raw.head;
  auto m = std::make_shared<Model>();
  m->lex.entries.build(d.lex_entries);
  m->lex.endings.build(d.lex_endings);
  m->lex.known.build(d.known);
  m->lex.gazetteer.build(d.gazetteer);
  m->lex.max_words = d.max_words;
  std::size_t cap = 16;
  while (cap < std::size_t{raw.features} * 2) cap *= 2;
  if (raw.pair_count >= (1u << 26)) return corrupt("too many weights");
  m->slots.resize(cap);  // Slot is trivial: zero-filled, i.e. empty
  m->mask = static_cast<std::uint32_t>(cap - 1);
  m->pairs.resize(raw.pair_count);
  if (!out_of_line(&widen_pairs)(raw, m->pairs.data())) return corrupt("label out of range");
  st = out_of_line(&place_features)(raw, *m);
  if (!st.ok()) return st;
  m->trans.assign(d.trans.begin(), d.trans.end());
  m->end.assign(d.end.begin(), d.end.end());
  m->outer.build(m->trans.data());
  m->scale = d.scale;
  m->id = d.feature_set + "/" + d.data_hash;
  static std::atomic<std::uint64_t> serials{0};
  m->serial = ++serials;
  out = std::move(m);
  return Status();
}

std::string model_id(const Model& model) { return model.id; }
const Lexicons& lexicons(const Model& model) { return model.lex; }
int model_format_version() { return kModelFormatVersion; }

namespace {

constexpr int L = kLabelCount;

// Adds one feature's weights (its Slot::where; 0 = absent) to the emission row e.
inline void add_feature(const Model& m, std::uint32_t where, std::int32_t* e) {
  std::uint32_t start = where & 0x3ffffff, count = where >> 26;
  if (count == kDense) {
    const std::int32_t* row = m.dense.data() + static_cast<std::size_t>(start) * L;
    for (int y = 0; y < L; ++y) e[y] += row[y];
    return;
  }
  for (const std::uint32_t* p = m.pairs.data() + start, *q = p + count; p < q; ++p)
    e[*p >> 16] += static_cast<std::int16_t>(*p & 0xffff);
}

inline const void* weights_of(const Model& m, std::uint32_t where) {
  std::uint32_t start = where & 0x3ffffff;
  return where >> 26 == kDense ? static_cast<const void*>(m.dense.data() + static_cast<std::size_t>(start) * L)
                               : static_cast<const void*>(m.pairs.data() + start);
}

// A feature's Slot::where, or 0 if the model does not have it.
inline std::uint32_t where_of(const Model& m, std::uint32_t k) {
  const Slot* slots = m.slots.data();
  std::uint32_t i = slot_of(k, m.mask);
  while (slots[i].key != 0 && slots[i].key != k) i = (i + 1) & m.mask;
  return slots[i].key == k ? slots[i].where : 0;
}

// Adds the weights of features feats[0, n) to the emission row e.
inline void add_weights(const Model& m, const std::uint32_t* feats, std::size_t n, std::int32_t* e) {
  for (std::size_t j = 0; j < n; ++j) add_feature(m, where_of(m, feats[j]), e);
}

// What a word form contributes, computed once per form and thread: its TokenInfo and the summed
// weights of its local, as-predecessor and as-successor features (features.h). Integer sums, so
// the emissions are exactly those of the uncached path (tested).
struct WordEntry {
  bool used = false;
  std::string form;
  TokenInfo info;
  std::int32_t self[L], as_prev[L], as_next[L];
};

class WordCache {
 public:
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

// Per-thread buffers, so tag() allocates nothing once warm (the model itself is shared).
struct Scratch {
  FeatureExtractor fx{nullptr};
  WordCache cache;
  std::vector<const WordEntry*> words;
  std::vector<const TokenInfo*> info;
  std::vector<std::uint32_t> where;  // per feature occurrence: Slot::where, or 0 if absent
  std::vector<std::int32_t> emit;
  std::vector<int> path;
  std::vector<std::int64_t> margins;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

float confidence(std::int64_t margin, float scale) {
  double x = static_cast<double>(margin) * scale;
  return static_cast<float>(1.0 / (1.0 + std::exp(-x)));
}

// Adds the weights of the features the extractor holds (token i: feats[offs[i], offs[i+1])) to
// the rows of emit. Two passes so the memory loads of many features overlap: slots, then pairs.
void add_extracted(const Model& model, Scratch& s, std::int32_t* emit, std::size_t n) {
  const auto& feats = s.fx.feats();
  const auto& offs = s.fx.offsets();
  const Slot* slots = model.slots.data();
  for (std::uint32_t k : feats) __builtin_prefetch(&slots[slot_of(k, model.mask)]);
  s.where.resize(feats.size());
  for (std::size_t j = 0; j < feats.size(); ++j) {
    s.where[j] = where_of(model, feats[j]);
    __builtin_prefetch(weights_of(model, s.where[j]));
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t* e = &emit[i * L];
    for (std::uint32_t k = offs[i]; k < offs[i + 1]; ++k) add_feature(model, s.where[k], e);
  }
}

}  // namespace

void add_feature_weights(const Model& model, std::uint32_t feature, std::int32_t* row) {
  add_feature(model, where_of(model, feature), row);
}

void emissions(const Model& model, const std::vector<std::string_view>& tokens, bool cached,
               std::vector<std::int32_t>& emit) {
  Scratch& s = scratch();
  const std::size_t n = tokens.size();
  emit.assign(n * L, 0);
  s.fx.set_lexicons(&model.lex);
  if (!cached || !s.cache.reserve(model, n)) {
    s.fx.extract(tokens);
    add_extracted(model, s, emit.data(), n);
    return;
  }
  s.words.resize(n);
  s.info.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    s.words[i] = &s.cache.get(model, tokens[i]);
    s.info[i] = &s.words[i]->info;
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t* e = &emit[i * L];
    const std::int32_t* self = s.words[i]->self;
    const std::int32_t* prev = i > 0 ? s.words[i - 1]->as_prev : s.cache.bos_prev();
    const std::int32_t* next = i + 1 < n ? s.words[i + 1]->as_next : s.cache.eos_next();
    for (int y = 0; y < L; ++y) e[y] = self[y] + prev[y] + next[y];
  }
  s.fx.extract_context(tokens, s.info);
  add_extracted(model, s, emit.data(), n);
}

void tag(const Model& model, const std::vector<std::string_view>& tokens,
         std::vector<TokenEntity>& out) {
  if (tokens.empty()) return;
  Scratch& s = scratch();
  const std::size_t n = tokens.size();
  emissions(model, tokens, true, s.emit);
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
