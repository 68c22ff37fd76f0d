// Decoding the letters of a Latin-script Kazakh word (latin_letters.h).
#include "text/latin_letters.h"

#include <array>
#include <iterator>

#include "text/chars.h"
#include "text/utf8.h"

namespace belgi::text::latin {

namespace {

struct Precomposed {
  char32_t cp, base;
  Mark mark;
  bool upper;
};
constexpr Precomposed kPrecomposed[] = {
    {0xE1, 'a', Mark::acute, false},      {0xC1, 'a', Mark::acute, true},
    {0x1F5, 'g', Mark::acute, false},     {0x1F4, 'g', Mark::acute, true},
    {0x144, 'n', Mark::acute, false},     {0x143, 'n', Mark::acute, true},
    {0xF3, 'o', Mark::acute, false},      {0xD3, 'o', Mark::acute, true},
    {0xFA, 'u', Mark::acute, false},      {0xDA, 'u', Mark::acute, true},
    {0xFD, 'y', Mark::acute, false},      {0xDD, 'y', Mark::acute, true},
    {0xE9, 'e', Mark::acute, false},      {0xC9, 'e', Mark::acute, true},
    {0xE4, 'a', Mark::diaeresis, false},  {0xC4, 'a', Mark::diaeresis, true},
    {0xF6, 'o', Mark::diaeresis, false},  {0xD6, 'o', Mark::diaeresis, true},
    {0xFC, 'u', Mark::diaeresis, false},  {0xDC, 'u', Mark::diaeresis, true},
    {0x11F, 'g', Mark::breve, false},     {0x11E, 'g', Mark::breve, true},
    {0x1E7, 'g', Mark::caron, false},     {0x1E6, 'g', Mark::caron, true},
    {0xF1, 'n', Mark::tilde, false},      {0xD1, 'n', Mark::tilde, true},
    {0x16B, 'u', Mark::macron, false},    {0x16A, 'u', Mark::macron, true},
    {0x15F, 's', Mark::cedilla, false},   {0x15E, 's', Mark::cedilla, true},
    {0x219, 's', Mark::cedilla, false},   {0x218, 's', Mark::cedilla, true},  // comma below
    {0xE7, 'c', Mark::cedilla, false},    {0xC7, 'c', Mark::cedilla, true},
    {0x130, 'i', Mark::dot, true},        {0x131, 0x131, Mark::none, false},  // İ, ı
    {0x14B, 0x14B, Mark::none, false},    {0x14A, 0x14B, Mark::none, true},   // ŋ, Ŋ
};

// kPrecomposed by code point, for every code point below kPrecomposedEnd (0: none).
constexpr char32_t kPrecomposedEnd = 0x220;
const Precomposed* precomposed(char32_t c) {
  static const auto index = [] {
    std::array<std::uint8_t, kPrecomposedEnd> t{};
    for (std::size_t i = 0; i < std::size(kPrecomposed); ++i) t[kPrecomposed[i].cp] = i + 1;
    return t;
  }();
  return index[c] ? &kPrecomposed[index[c] - 1] : nullptr;
}

Mark combining_mark(char32_t c) {
  switch (c) {
    case 0x301: return Mark::acute;
    case 0x308: return Mark::diaeresis;
    case 0x306: return Mark::breve;
    case 0x30C: return Mark::caron;
    case 0x303: return Mark::tilde;
    case 0x304: return Mark::macron;
    case 0x327: case 0x326: return Mark::cedilla;
    case 0x307: return Mark::dot;
    default: return Mark::none;
  }
}
bool is_combining(char32_t c) { return c >= 0x300 && c <= 0x36F; }

}  // namespace

bool decode_letter(char32_t c, Letter& l) {
  l = Letter();
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    l.upper = c <= 'Z';
    l.base = l.upper ? c + 32 : c;
    return true;
  }
  if (c < kPrecomposedEnd) {
    if (const Precomposed* p = precomposed(c)) {
      l.base = p->base;
      l.mark = p->mark;
      l.upper = p->upper;
      return true;
    }
  }
  if (in_cyrillic_block(c) && c != 0x482 && !(c >= 0x483 && c <= 0x489)) {
    l.base = utf8::to_lower(c);
    l.upper = l.base != c;
    return true;
  }
  return false;
}

bool extend_word(char32_t c, std::vector<Letter>& w) {
  Letter l;
  if (decode_letter(c, l)) {
    w.push_back(l);
    return true;
  }
  if (!is_combining(c)) return false;
  Mark m = combining_mark(c);
  if (!w.empty() && m != Mark::none && w.back().mark == Mark::none) w.back().mark = m;
  return true;
}

void letters_of(std::string_view word, std::vector<Letter>& w) {
  w.clear();
  for (std::size_t p = 0; p < word.size();) {
    char32_t c = utf8::next(word, p);
    if (!extend_word(c, w) && !w.empty() && char_class(c) == CharClass::apostrophe)
      w.back().apostrophe = true;
  }
}

}  // namespace belgi::text::latin
