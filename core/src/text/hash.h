// 64-bit FNV-1a over bytes: the one string hash of the core (feature and lexicon keys, the keys of
// the per-word caches and rule tables); and its word-wise form for checksums of large data.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace belgi::text {

constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ull;

inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = kFnvBasis) {
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// FNV-1a over 64-bit little-endian words, then over the remaining bytes one by one: an eighth of
// the steps of fnv1a64 (the entity model's checksum, verified at every start-up, in browsers too).
// Each step is a bijection of the state, so a change confined to one word always changes it.
inline std::uint64_t fnv1a64_words(std::string_view bytes, std::uint64_t h = kFnvBasis) {
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);  // little-endian words, as on all our targets
    h = (h ^ w) * 0x100000001b3ull;
  }
  return fnv1a64(bytes.substr(i), h);
}

}  // namespace belgi::text
