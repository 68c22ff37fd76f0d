// fold() and fold_into() (tables.h): the date tables' and the words' one comparison form.
#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "dates/tables.h"
#include "text/utf8.h"

namespace belgi::dates {

namespace {

// One letter's fold, lower case and the foldings below: the folded code point.
char32_t fold_cp(char32_t c) {
  c = utf8::to_lower(c);
  if (c == U'\u0131' || c == U'\u0456') return U'i';  // Latin ı, Cyrillic і
  if (c == U'\u0451') return U'\u0435';              // ё -> е
  return c;
}

// The folded UTF-8 of every code point below U+0800 (ASCII and the two-byte range: Latin,
// Cyrillic), bytes and length: a letter of a word costs a load and a store instead of a decode,
// a look-up and an encode (each new word of a text is folded: a sixth of the date word analysis).
struct Folded {
  char b[3];
  unsigned char n;
};
static_assert(sizeof(Folded) == 4, "one store per letter");
constexpr char32_t kTwoByteEnd = 0x800;

const Folded* folded_table() {
  static const auto table = [] {
    std::array<Folded, kTwoByteEnd> t{};
    for (char32_t c = 0; c < kTwoByteEnd; ++c) {
      std::size_t len = 0;
      U8_APPEND_UNSAFE(t[c].b, len, static_cast<UChar32>(fold_cp(c)));
      t[c].n = static_cast<unsigned char>(len);
    }
    return t;
  }();
  return table.data();
}

}  // namespace

char* fold_into(char* w, std::string_view word) {
  // A lower-case mapping lengthens a character by at most half, the foldings never: twice the
  // bytes is room enough, also for a two-byte letter's entry stored whole (four bytes, its
  // length byte overwritten next: at most 1.5 times the bytes before it are written there).
  static const Folded* const table = folded_table();
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const unsigned char* const end = p + word.size();
  while (p < end) {
    if (*p < 0x80) {
      *w++ = table[*p++].b[0];  // ASCII folds to ASCII
    } else if (*p < 0xE0) {     // two bytes (valid UTF-8: the lead is C2..DF)
      const Folded& f = table[(static_cast<char32_t>(*p & 0x1F) << 6) | (p[1] & 0x3F)];
      p += 2;
      std::memcpy(w, &f, sizeof f);
      w += f.n;
    } else {
      std::size_t i = static_cast<std::size_t>(p - reinterpret_cast<const unsigned char*>(word.data()));
      std::size_t n = 0;
      char32_t c = fold_cp(utf8::next(word, i));
      p = reinterpret_cast<const unsigned char*>(word.data()) + i;
      U8_APPEND_UNSAFE(w, n, static_cast<UChar32>(c));
      w += n;
    }
  }
  return w;
}

std::string fold(std::string_view word) {
  // A word into a buffer on the stack, a longer text into room made in the string.
  char buf[128];
  if (2 * word.size() <= sizeof buf) return std::string(buf, static_cast<std::size_t>(fold_into(buf, word) - buf));
  std::string out(2 * word.size(), '\0');
  out.resize(static_cast<std::size_t>(fold_into(out.data(), word) - out.data()));
  return out;
}

}  // namespace belgi::dates
