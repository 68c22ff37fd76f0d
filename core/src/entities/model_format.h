// The serialized entity model (data/model/ner.bin), version kModelFormatVersion.
// All integers little-endian:
//   "BELGINER"                         magic, 8 bytes
//   u32 format version
//   str feature-set id, str training-data hash (str = u32 byte length + bytes)
//   u32 label count, str labels[]      must equal label_name(0..kLabelCount-1)
//   f32 scale                          confidence = sigmoid(scale * Viterbi margin)
//   u32 max_words; u32 n, (u32 key, u32 bits)[n] lexicon entries; same for endings;
//   u32 n, (u32 key, u32 class)[n]     known words (stem validation) and their word class
//   u32 n, (u32 key, u32 bits)[n]      gazetteer of training names (bit per entity class)
//   i16 trans[(L+1) * L]               row L = sentence start; then i16 end[L]
//   u32 F, u32 keys[F] (ascending), u8 counts[F], then per feature counts[f] x (u8 label, i16 w)
//   u64 checksum of all bytes before it: text::fnv1a64_words (version 1: byte-wise fnv1a64)
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "belgi/status.h"

namespace belgi::entities {

constexpr int kModelFormatVersion = 2;

struct ModelData {
  std::string feature_set, data_hash;
  float scale = 1.0f;  // weight unit / calibrated temperature (trainer); confidence slope
  int max_words = 1;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lex_entries, lex_endings;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> known;  // word -> class (>= 1)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> gazetteer;  // name -> class bits
  std::vector<std::int16_t> trans;  // (kLabelCount + 1) * kLabelCount
  std::vector<std::int16_t> end;    // kLabelCount
  std::vector<std::uint32_t> feat_keys;   // ascending
  std::vector<std::uint32_t> feat_start;  // F + 1 offsets into pair_label / pair_weight
  std::vector<std::uint8_t> pair_label;
  std::vector<std::int16_t> pair_weight;
};

// Writes the format above (model_format.cpp).
std::string serialize_model(const ModelData& data);
// Reads it; refuses another version, another label table or corrupt bytes (invalid_model).
Status parse_model(std::string_view bytes, ModelData& out);

}  // namespace belgi::entities
