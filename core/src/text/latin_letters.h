// The letters of a Latin-script Kazakh word as the converter reads them (docs/latin.md): each
// code point decoded once into a lower-case base, a mark and its case, whether the mark is
// precomposed (á) or combining (a + U+0301), and whether an apostrophe follows (2017: a').
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace belgi::text::latin {

enum class Mark : std::uint8_t { none, acute, diaeresis, breve, caron, tilde, macron, cedilla, dot };

// One letter of a word: a lower-case base (Latin a-z, ı, ŋ, or Cyrillic) and a mark, precomposed
// or combining alike.
struct Letter {
  char32_t base = 0;
  Mark mark = Mark::none;
  bool upper = false;
  bool apostrophe = false;  // followed by an apostrophe (the 2017 alphabet's mark)
};

// The Cyrillic block (not text::is_cyrillic, which asks ICU for the script).
inline bool in_cyrillic_block(char32_t c) { return c >= 0x400 && c <= 0x4FF; }
inline bool is_latin(const Letter& l) { return !in_cyrillic_block(l.base); }

// Decodes a Latin or Cyrillic letter; false for anything else.
bool decode_letter(char32_t c, Letter& l);

// Adds code point `c` to the letters of a word if it continues one: a letter is appended, a
// combining mark (U+0300-U+036F) marks the letter before it if that has no mark yet. False for
// anything else (an apostrophe too: the caller decides whether it belongs to the word).
bool extend_word(char32_t c, std::vector<Letter>& w);

// The letters of one word: its letters and combining marks, an apostrophe marking the letter
// before it; anything else is passed over.
void letters_of(std::string_view word, std::vector<Letter>& w);

}  // namespace belgi::text::latin
