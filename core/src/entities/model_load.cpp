// Loading the entity model: ner.bin's bytes checked (magic, version, checksum, sizes) and packed
// into the tagger's tables (model_tables.h); parse_model reads the same bytes for the trainer.
#include <algorithm>
#include <atomic>
#include <cstring>

#include "bytes.h"
#include "entities/model.h"
#include "entities/model_format.h"
#include "entities/model_tables.h"

namespace belgi::entities {

namespace {

constexpr char kMagic[8] = {'B', 'E', 'L', 'G', 'I', 'N', 'E', 'R'};

// Everything but the feature weights, which stay in place in the bytes (read by the callers of
// read_model: parse_model copies them out, load_model packs them straight into its tables).
struct RawModel {
  ModelData head;  // all but feat_keys, feat_start, pair_label, pair_weight
  std::uint32_t features = 0;
  const unsigned char* keys = nullptr;    // features x u32, ascending
  const unsigned char* counts = nullptr;  // features x u8
  const unsigned char* pairs = nullptr;   // sum(counts) x (u8 label, i16 weight)
  std::size_t pair_count = 0;
  std::uint32_t with_count[256] = {};  // features by their count of weights
};

Status corrupt(const std::string& what) {
  return Status::error(StatusCode::invalid_model, "entity model: corrupt data (" + what + ")");
}

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

// The features by their count of weights: their sum is the pairs', and load_model sizes its
// tables from them.
void histogram(const unsigned char* counts, std::uint32_t n, std::uint32_t* with_count) {
  for (std::uint32_t i = 0; i < n; ++i) ++with_count[counts[i]];
}

Status read_model(std::string_view bytes, RawModel& raw) {
  if (bytes.size() < 12 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return Status::error(StatusCode::invalid_model, "entity model: not a Belgi NER model (bad magic)");
  ByteReader r{bytes, 8};
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
  out_of_line(&histogram)(raw.counts, f, raw.with_count);
  std::size_t total = 0;
  for (std::size_t c = 1; c < 256; ++c) total += c * raw.with_count[c];
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

// A pair of the file (u8 label, i16 weight) widened to the tagger's u32 (label << 16 | u16 weight).
inline std::uint32_t widened(const unsigned char* p) {
  std::uint16_t w;
  std::memcpy(&w, p + 1, 2);
  return std::uint32_t{p[0]} << 16 | w;
}

// load_model's loop over the features (see out_of_line), in one pass over the file's weights:
// each feature placed in the open-addressing table, its (label, weight) pairs checked and put
// where its count says: in its slot (kOne), widened in the pairs, or summed in a dense row (the
// tables sized before; the slots zeroed, the pairs and dense rows not: each is written here).
Status place_features(const RawModel& raw, Model& m) {
  constexpr std::uint32_t kLabels = kLabelCount;
  Slot* const slots = m.slots.data();
  std::uint32_t* const pairs = m.pairs.data();
  std::int32_t* const dense = m.dense.data();
  const unsigned char* p = raw.pairs;  // the feature's: count x (u8 label, i16 weight)
  std::uint32_t sparse = 0, row = 0;
  for (std::uint32_t f = 0; f < raw.features; ++f) {
    std::uint32_t k = key_at(raw, f), i = slot_of(m, k);
    while (slots[i].key != 0 && slots[i].key != k) i = (i + 1) & m.mask;
    if (slots[i].key == k || k == 0) return corrupt("duplicate feature");
    const std::uint32_t count = raw.counts[f];
    std::uint32_t where, top = 0;  // the largest label, checked once
    if (count <= 1) {  // kOne; no weights: 0, as absent
      top = count ? p[0] : 0;
      where = count ? kOne << 26 | widened(p) : 0;
    } else if (count < kDenseMin) {
      where = sparse | count << 26;
      for (std::uint32_t j = 0; j < count; ++j) {
        top = std::max<std::uint32_t>(top, p[3 * j]);
        pairs[sparse + j] = widened(p + 3 * j);
      }
      sparse += count;
    } else if (count < kDense) {
      where = row | kDense << 26;
      std::int32_t* r = dense + std::size_t{row++} * kLabels;
      std::fill(r, r + kLabels, 0);  // the row's memory is not zeroed before (UnfilledAllocator)
      for (std::uint32_t j = 0; j < count; ++j) {
        if (p[3 * j] >= kLabels) return corrupt("label out of range");
        r[p[3 * j]] += static_cast<std::int16_t>(widened(p + 3 * j) & 0xffff);
      }
    } else {
      return corrupt("feature with too many labels");
    }
    if (top >= kLabels) return corrupt("label out of range");
    slots[i] = Slot{k, where};
    p += 3 * count;
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
  std::uint32_t shift = 28;
  while (cap < std::size_t{raw.features} * 2) cap *= 2, --shift;
  if (raw.pair_count >= (1u << 26) || raw.features >= (1u << 26)) return corrupt("too many weights");
  m->slots.resize(cap);  // zeroed memory (ZeroedAllocator): every slot empty
  m->mask = static_cast<std::uint32_t>(cap - 1);
  m->shift = shift;
  // The tables at their sizes, from the features' counts (the dense rows grown row by row
  // took twice the memory, ~300 page faults; the one-weight features' pairs are in their slots).
  std::size_t sparse = 0, dense_rows = 0;
  for (std::size_t c = 2; c < kDenseMin; ++c) sparse += c * raw.with_count[c];
  for (std::size_t c = kDenseMin; c < kDense; ++c) dense_rows += raw.with_count[c];
  m->pairs.resize(sparse);
  m->dense.resize(dense_rows * kLabelCount);
  st = out_of_line(&place_features)(raw, *m);
  if (!st.ok()) return st;
  m->trans.assign(d.trans.begin(), d.trans.end());
  m->end.assign(d.end.begin(), d.end.end());
  m->outer.build(m->trans.data());
  m->scale = d.scale;
  m->id = d.feature_set + "/" + d.data_hash;
  static std::atomic<std::uint64_t> serials{0};
  m->serial = ++serials;
  m->words = new_word_cache();
  out = std::move(m);
  return Status();
}

std::string model_id(const Model& model) { return model.id; }
const Lexicons& lexicons(const Model& model) { return model.lex; }
int model_format_version() { return kModelFormatVersion; }

}  // namespace belgi::entities
