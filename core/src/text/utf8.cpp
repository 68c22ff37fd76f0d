#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "belgi/status.h"

namespace belgi {

Status check_utf8(std::string_view bytes) {
  std::size_t bad = 0;
  if (utf8::valid(bytes, &bad)) return Status();
  return Status::error(StatusCode::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(bad), bad);
}

}  // namespace belgi

namespace belgi::utf8 {

bool valid(std::string_view s, std::size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
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

namespace {

// Writes lower(s) at w, returns the end. A lower-case mapping lengthens a sequence by at most
// half (two bytes to three: U+023A -> U+2C65), so twice s's size is always room enough.
char* lower_into(char* w, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = to_lower(next(s, i));
    if (cp < 0x80) {
      *w++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *w++ = static_cast<char>(0xC0 | (cp >> 6));
      *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      std::size_t len = 0;
      U8_APPEND_UNSAFE(w, len, static_cast<UChar32>(cp));
      w += len;
    }
  }
  return w;
}

}  // namespace

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
