// Runs of bytes that a JSON string holds as they are: shared by the JSON writer
// (pipeline/json.cpp) and the CLI's JSONL record reader, which both skip them 8 bytes at a time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace belgi::text {

// True if none of the n bytes at b is a '"', a '\\' or a byte below 0x20: a loop without an
// early exit, which the compiler vectorizes (16 bytes a step, against 8 by hand below).
inline bool plain_json(const char* b, std::size_t n) {
  unsigned char special = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(b[i]);
    special |= (c < 0x20) | (c == '"') | (c == '\\');
  }
  return !special;
}

// The first position from i on where fewer than 8 bytes remain or the next 8 hold a '"', a '\\'
// or a byte below 0x20 (SWAR: the first such byte sets its high bit in `special`; bytes >= 0x80
// never do, and a borrow only marks bytes after a true one). The caller goes on byte by byte.
inline std::size_t skip_plain_words(std::string_view s, std::size_t i) {
  constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    std::uint64_t q = x ^ (k01 * '"'), b = x ^ (k01 * '\\');
    std::uint64_t special = ((x - k01 * 0x20) | (q - k01) | (b - k01)) & ~x & k80;
    if (special) break;
  }
  return i;
}

// The same, whole 64-byte blocks first (plain_json): for a long string such as a record's text.
inline std::size_t skip_plain_json(std::string_view s, std::size_t i) {
  constexpr std::size_t kBlock = 64;
  while (i + kBlock <= s.size() && plain_json(s.data() + i, kBlock)) i += kBlock;
  return skip_plain_words(s, i);
}

}  // namespace belgi::text
