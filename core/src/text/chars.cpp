#include "text/chars.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstddef>

namespace belgi::text {

namespace {

struct CodeRange {
  char32_t first, last;
};
#include "text/char_tables.inc"

template <std::size_t N>
bool in_ranges(const CodeRange (&r)[N], char32_t c) {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (r[mid].last < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < N && r[lo].first <= c;
}

}  // namespace

namespace detail {

CharClass classify(char32_t c) {
  if (c < 0x80) {
    if (c <= 0x20 || c == 0x7F) return CharClass::space;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::letter;
    if (c >= '0' && c <= '9') return CharClass::digit;
    if (c == '-') return CharClass::hyphen;
    if (c == '\'') return CharClass::apostrophe;
    if (c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
        c == '|' || c == '~')
      return CharClass::symbol;
    return CharClass::punct;
  }
  UChar32 u = static_cast<UChar32>(c);
  if (c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(u)) return CharClass::space;
  if (c == 0x2010 || c == 0x2011) return CharClass::hyphen;
  if (c == 0x2019 || c == 0x02BC) return CharClass::apostrophe;
  // Emoji properties come from our generated table, not ICU: since ICU 70 they live in ICU's
  // data file, which the wasm build does not ship (u_hasBinaryProperty would say false there).
  if (in_ranges(kExtendedPictographic, c) || (c >= 0x1F1E6 && c <= 0x1F1FF))
    return CharClass::emoji;
  if (in_ranges(kEmojiModifier, c)) return CharClass::mark;
  switch (u_charType(u)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
      return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharClass::digit;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
      return CharClass::mark;
    case U_CONTROL_CHAR: case U_SURROGATE:
      return CharClass::space;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
      return CharClass::symbol;
    default:
      return CharClass::punct;
  }
}

const CharClass* char_class_table() {
  static const auto table = [] {
    std::array<CharClass, kTableEnd> t{};
    for (char32_t i = 0; i < kTableEnd; ++i) t[i] = classify(i);
    return t;
  }();
  return table.data();
}

}  // namespace detail

bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool is_latin(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_LATIN;
}

bool is_cyrillic(char32_t c) {
  if (c < 0x400) return false;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_CYRILLIC;
}

bool is_dash(char32_t c) {
  return c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}

}  // namespace belgi::text
