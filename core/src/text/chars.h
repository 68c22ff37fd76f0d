// Character classes used by the tokenizer and the recognizers (ICU properties, no ICU data).
// Only ICU functions whose data is compiled into libicuuc may be used in the core: character
// type, case, script, white space. Emoji properties are NOT (they need ICU's data file, absent
// in the wasm build): use char_class() == CharClass::emoji instead.
#pragma once
#include <cstdint>

namespace belgi::text {

enum class CharClass : std::uint8_t {  // a byte: the tokenizer keeps one per character
  space,     // whitespace incl. NBSP, controls, ZWSP/BOM: separates tokens, never inside one
  letter,    // L*
  digit,     // Nd (and other numbers N*)
  mark,      // M*, and format characters like soft hyphen and ZWJ: extend the previous char
  hyphen,    // - ‐ ‑ (joins two word parts)
  apostrophe,// ' ’ ʼ (joins two letters)
  emoji,     // Extended_Pictographic and regional indicators
  punct,     // other P*
  symbol,    // S*
};

namespace detail {
constexpr char32_t kTableEnd = 0x800;  // ASCII, Latin, Greek, Cyrillic with Kazakh: all two-byte
const CharClass* char_class_table();   // [kTableEnd], filled from ICU once
CharClass classify(char32_t c);        // from ICU, any code point
}  // namespace detail

// Inline: the tokenizer calls it for every character.
inline CharClass char_class(char32_t c) {
  static const CharClass* const table = detail::char_class_table();
  return c < detail::kTableEnd ? table[c] : detail::classify(c);
}
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_latin(char32_t c);
bool is_cyrillic(char32_t c);
// Dashes that open or close speech and ranges: – — ‒ ― and the ASCII hyphen.
bool is_dash(char32_t c);

}  // namespace belgi::text
