#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstring>
#include <cstdint>
#include <cstring>

#include "belgi/status.h"

namespace belgi {

Status check_utf8(std::string_view bytes) {
  std::size_t bad = 0;
  if (utf8::valid(bytes, &bad)) return Status();
  return Status::error(StatusCode::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(bad), bad);
}

}  // namespace belgi

namespace belgi::utf8 {

namespace {

// The first position from i on where the bytes are not ASCII or well-formed two-byte sequences
// (a lead C2..DF and one continuation byte: Kazakh in Cyrillic), 8 bytes at a time (SWAR, on a
// little-endian machine: byte k of the text is byte k of the word). Every lead must be followed
// by a continuation byte and every continuation byte preceded by a lead, within the word or
// across its end (`carry`). Stops before anything else, or before a lead whose continuation
// lies past the last whole word; the caller checks from there byte by byte.
std::size_t skip_two_byte(const unsigned char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  // The same test 16 bytes at a time (~1 instruction a byte, the words below ~4): bit k of
  // each mask is byte k; x + x moves bit 6 of each byte up to bit 7, where movemask reads it.
  {
    const __m128i below_c2 = _mm_set1_epi8(static_cast<char>(0xC2));
    unsigned carry = 0;  // 1 if the previous block ended with a lead
    for (; i + 16 <= n; i += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i x2 = _mm_add_epi8(x, x);
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
      const unsigned b6 = static_cast<unsigned>(_mm_movemask_epi8(x2));
      const unsigned b5 = static_cast<unsigned>(_mm_movemask_epi8(_mm_add_epi8(x2, x2)));
      const unsigned cont = high & ~b6, lead = high & b6 & ~b5;  // 10xxxxxx, 110xxxxx
      // C0 and C1 (overlong) are the leads below C2, signed: 80..C1 is below C2.
      const unsigned low = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(x, below_c2)));
      if ((high & b6 & b5) || (lead & low) || cont != (((lead << 1) | carry) & 0xFFFF)) break;
      carry = lead >> 15;
    }
    if (carry) return i - 1;  // the lead before a break or the end: checked from there
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t k80 = 0x8080808080808080ull, k1E = 0x1E1E1E1E1E1E1E1Eull,
                          k7F = 0x7F7F7F7F7F7F7F7Full;
  std::uint64_t carry = 0;  // 0x80 if the previous word ended with a lead
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    const std::uint64_t high = x & k80, b6 = (x << 1) & k80, b5 = (x << 2) & k80;
    const std::uint64_t cont = high & ~b6, lead = high & b6 & ~b5;       // 10xxxxxx, 110xxxxx
    const std::uint64_t c2 = (((x & k1E) + k7F) & k80) | ~lead;          // not C0 or C1
    if ((high & b6 & b5) || ~c2 & k80 || cont != ((lead << 8) | carry)) break;
    carry = lead >> 56;
  }
  return carry ? i - 1 : i;  // the lead before a break or the end: checked byte by byte
#else
  (void)p, (void)n;
  return i;
#endif
}

}  // namespace

bool valid(std::string_view s, std::size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    i = skip_two_byte(p, i, n);
    if (i >= n) break;
    if (p[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    // Two-byte sequences (Cyrillic): a lead byte C2..DF and one continuation byte are always
    // well-formed (C0 and C1 would be overlong), so ICU is not asked.
    if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);  // ICU: c < 0 on an ill-formed sequence
    if (c < 0) {
      if (bad) *bad = start;
      return false;
    }
  }
  return true;
}

void append_long(std::string& out, char32_t cp) {
  char buf[4];
  std::size_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(cp));
  out.append(buf, len);
}

namespace detail {

char32_t lower_icu(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

const char32_t* lower_table() {
  static const auto table = [] {
    std::array<char32_t, kLowerTableEnd> t{};
    for (char32_t i = 0; i < kLowerTableEnd; ++i) t[i] = lower_icu(i);
    return t;
  }();
  return table.data();
}

}  // namespace detail

TwoByteMap::TwoByteMap(Map map) : map_(map) {
  for (char32_t c = 0; c < kEnd; ++c) {
    std::size_t len = 0;
    U8_APPEND_UNSAFE(table_[c].b, len, static_cast<UChar32>(map(c)));
    table_[c].n = static_cast<unsigned char>(len);
  }
}

char* TwoByteMap::apply(char* w, std::string_view s) const {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* p = begin;
  const unsigned char* const end = p + s.size();
  while (p < end) {
    if (*p < 0x80) {
      *w++ = table_[*p++].b[0];  // the mappings keep ASCII ASCII (lower case, fold)
    } else if (*p < 0xE0) {      // two bytes (valid UTF-8: the lead is C2..DF)
      const Entry& e = table_[(static_cast<char32_t>(*p & 0x1F) << 6) | (p[1] & 0x3F)];
      p += 2;
      // The entry's four bytes in one store, its length byte too (overwritten next): the output
      // has room for twice the input (see utf8.h), and here at most 1.5 times what precedes
      // this letter and four bytes are written.
      std::memcpy(w, &e, sizeof e);
      w += e.n;
    } else {
      std::size_t i = static_cast<std::size_t>(p - begin), len = 0;
      char32_t cp = map_(next(s, i));
      p = begin + i;
      U8_APPEND_UNSAFE(w, len, static_cast<UChar32>(cp));
      w += len;
    }
  }
  return w;
}

char* lower_into(char* w, std::string_view s) {
  static const TwoByteMap lowered(+[](char32_t c) { return to_lower(c); });
  return lowered.apply(w, s);
}

void append_lower(std::string& out, std::string_view s) {
  // A word (most calls: every token is lower-cased) goes through a buffer on the stack and is
  // appended once; resizing `out` to make the room, as longer texts do, zero-fills it first.
  char word[128];
  if (2 * s.size() <= sizeof word) {
    out.append(word, static_cast<std::size_t>(lower_into(word, s) - word));
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + 2 * s.size());
  char* w = lower_into(out.data() + at, s);
  out.resize(static_cast<std::size_t>(w - out.data()));
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_lower(out, s);
  return out;
}

}  // namespace belgi::utf8
