// 64-bit FNV-1a over bytes: the one string hash of the core (feature and lexicon keys, the model
// checksum, the keys of the per-word caches and rule tables).
#pragma once
#include <cstdint>
#include <string_view>

namespace belgi::text {

constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ull;

inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = kFnvBasis) {
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

}  // namespace belgi::text
