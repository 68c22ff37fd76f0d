// 64-bit FNV-1a over bytes: the string hash of the core's stored keys (feature and lexicon keys,
// rule tables); its word-wise form for checksums of large data; and, for the word
// caches (never stored), a faster key hash and comparison of short words.
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

template <class T>
inline std::uint64_t load_bytes(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The key hash of the word caches (the tagger's and the dates'), which hash every
// token: 8 bytes a step and the rest in one step too (the last 8 bytes, overlapping; two 4-byte
// halves; or three bytes), not a byte at a time as FNV's tail; the high bits mixed into the low
// ones, which pick the slot. In memory only: changing it changes no output.
inline std::uint64_t word_key_hash(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = kFnvBasis ^ n;
  auto step = [&h](std::uint64_t w) { h = (h ^ w) * 0x100000001b3ull; };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) step(load_bytes<std::uint64_t>(p + i));
    step(load_bytes<std::uint64_t>(p + n - 8));
  } else if (n >= 4) {
    step(load_bytes<std::uint32_t>(p) | load_bytes<std::uint32_t>(p + n - 4) << 32);
  } else if (n > 0) {
    step(load_bytes<std::uint8_t>(p) | load_bytes<std::uint8_t>(p + n / 2) << 8 |
         load_bytes<std::uint8_t>(p + n - 1) << 16);
  }
  h = (h ^ (h >> 32)) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}

// A cached key against a token whose hash agrees: a word is 4 to 16 bytes mostly, two
// overlapping loads a side, not a memcmp call.
inline bool same_word(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *p = a.data(), *q = b.data();
  if (n >= 8 && n <= 16)
    return load_bytes<std::uint64_t>(p) == load_bytes<std::uint64_t>(q) &&
           load_bytes<std::uint64_t>(p + n - 8) == load_bytes<std::uint64_t>(q + n - 8);
  if (n >= 4 && n < 8)
    return load_bytes<std::uint32_t>(p) == load_bytes<std::uint32_t>(q) &&
           load_bytes<std::uint32_t>(p + n - 4) == load_bytes<std::uint32_t>(q + n - 4);
  return a == b;
}

}  // namespace belgi::text
