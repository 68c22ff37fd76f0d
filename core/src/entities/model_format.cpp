// Writing data/model/ner.bin (the reader is parse_model in model.cpp; format in model_format.h).
// In the core (not the trainer) so tests can round-trip a model; it is a few hundred bytes.
#include "bytes.h"
#include "entities/features.h"
#include "entities/model_format.h"

namespace belgi::entities {

namespace {

void put_pairs(std::string& out, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& v) {
  put<std::uint32_t>(out, static_cast<std::uint32_t>(v.size()));
  for (const auto& [k, x] : v) {
    put(out, k);
    put(out, x);
  }
}

}  // namespace

std::string serialize_model(const ModelData& d) {
  std::string out("BELGINER");
  put<std::uint32_t>(out, kModelFormatVersion);
  put_str(out, d.feature_set);
  put_str(out, d.data_hash);
  put<std::uint32_t>(out, kLabelCount);
  for (int i = 0; i < kLabelCount; ++i) put_str(out, label_name(i));
  put(out, d.scale);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(d.max_words));
  put_pairs(out, d.lex_entries);
  put_pairs(out, d.lex_endings);
  put_pairs(out, d.known);
  put_pairs(out, d.gazetteer);
  for (std::int16_t w : d.trans) put(out, w);
  for (std::int16_t w : d.end) put(out, w);
  std::size_t f = d.feat_keys.size();
  put<std::uint32_t>(out, static_cast<std::uint32_t>(f));
  for (std::uint32_t k : d.feat_keys) put(out, k);
  for (std::size_t i = 0; i < f; ++i) put<std::uint8_t>(out, static_cast<std::uint8_t>(d.feat_start[i + 1] - d.feat_start[i]));
  for (std::size_t p = 0; p < d.pair_label.size(); ++p) {
    put(out, d.pair_label[p]);
    put(out, d.pair_weight[p]);
  }
  put<std::uint64_t>(out, text::fnv1a64_words(out));
  return out;
}

}  // namespace belgi::entities
