// UTF-8 validation and decoding over byte strings (the core's unit is the UTF-8 byte).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace belgi::utf8 {

// Byte-wise prefix and suffix tests (a well-formed UTF-8 affix matches whole code points).
// entities/features.cpp keeps its own ends_with for the hot path (last byte first; an empty
// suffix never matches there).
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Otherwise stores the offset of the first byte of the first ill-formed sequence in *bad.
bool valid(std::string_view s, std::size_t* bad = nullptr);

// Decodes the code point at byte `pos` of valid UTF-8 text and returns it; advances pos.
// (Inline: called for every character by the tokenizer and the features.)
inline char32_t next(std::string_view s, std::size_t& pos) {
  UChar32 c;
  U8_NEXT_UNSAFE(reinterpret_cast<const unsigned char*>(s.data()), pos, c);
  return static_cast<char32_t>(c);
}
// Decodes the code point that ends at byte `pos` (exclusive) and moves pos to its start.
inline char32_t prev(std::string_view s, std::size_t& pos) {
  UChar32 c;
  U8_PREV_UNSAFE(reinterpret_cast<const unsigned char*>(s.data()), pos, c);
  return static_cast<char32_t>(c);
}

// Number of bytes of the sequence starting with lead byte b (1 for continuation bytes).
inline std::size_t seq_len(unsigned char b) {
  return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

void append_long(std::string& out, char32_t cp);  // 3- and 4-byte code points
inline void append(std::string& out, char32_t cp) {
  // One and two bytes (ASCII, Cyrillic) inline: called for every letter that is lower-cased.
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    append_long(out, cp);
  }
}

// Lower-cases with Unicode simple case mapping (locale-independent; Kazakh needs no special
// rules). Input must be valid UTF-8.
std::string lower(std::string_view s);
void append_lower(std::string& out, std::string_view s);  // appends lower(s)
// Writes lower(s) at w and returns the end. A lower-case mapping lengthens a sequence by at most
// half (two bytes to three: U+023A -> U+2C65), so 2 * s.size() bytes at w are always room enough;
// that room must be there: bytes past the returned end may be written (a letter's table entry is
// stored whole).
// For a caller that lower-cases many words into one buffer (quotes::Doc: every token).
char* lower_into(char* w, std::string_view s);

// A code-point mapping (lower_into's lower case, the date rules' fold) applied to UTF-8 through a
// table of the mapped UTF-8 of every code point below U+0800 (ASCII and the two-byte range:
// Latin, Greek, Cyrillic): a letter costs a load and a store instead of a decode, a mapping and
// an encode; longer sequences go through the mapping itself. apply() writes the mapped s at w and
// returns the end: the mapping may lengthen a sequence by at most half, and 2 * s.size() bytes
// must be room at w (a letter's four-byte entry is stored whole; bytes past the end may be
// written). Input must be valid UTF-8. Build one per mapping, once (a function-local static).
class TwoByteMap {
 public:
  using Map = char32_t (*)(char32_t);
  explicit TwoByteMap(Map map);
  char* apply(char* w, std::string_view s) const;

 private:
  struct Entry {
    char b[3];
    unsigned char n;
  };
  static_assert(sizeof(Entry) == 4, "one store per letter");
  static constexpr char32_t kEnd = 0x800;
  Map map_;
  Entry table_[kEnd];
};
namespace detail {
constexpr char32_t kLowerTableEnd = 0x500;  // Latin, Greek, Cyrillic with Kazakh
const char32_t* lower_table();              // [kLowerTableEnd], filled from ICU once
char32_t lower_icu(char32_t c);             // u_tolower, any code point
}  // namespace detail

// ICU's simple lower-case mapping of one code point (u_tolower), through a table below U+0500.
// Inline: called for every letter that is lower-cased.
inline char32_t to_lower(char32_t c) {
  static const char32_t* const table = detail::lower_table();
  return c < detail::kLowerTableEnd ? table[c] : detail::lower_icu(c);
}

}  // namespace belgi::utf8
