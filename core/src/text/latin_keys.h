// The letter tables of the Latin alphabets (docs/latin.md, "Conversion"): a word's letters read
// into its *key*, the Cyrillic form with the letters no Latin spelling tells apart folded
// together (и/й -> I, х/һ -> H, a 2018 word-initial capital I -> J). Which Cyrillic letter a
// folded symbol stands for is settled later, by the word table (latin_words.h).
#pragma once
#include <cstddef>
#include <vector>

#include "text/latin.h"
#include "text/latin_letters.h"

namespace belgi::text::latin {

// A key symbol: a lower-case Cyrillic letter or one of the folded classes.
constexpr char32_t kI = 'I';  // и or й
constexpr char32_t kH = 'H';  // х or һ
constexpr char32_t kJ = 'J';  // 2018 word-initial capital I: і, и or й
struct Sym {
  char32_t c;
  bool upper;
};

// The 2017 alphabet: the Cyrillic letter (or kI) of a letter followed by an apostrophe, 0 if
// that letter takes none. Detection asks it too (is `n'` a letter or an English `n't`?).
char32_t apostrophed(char32_t base);

bool is_vowel(char32_t cyrillic);  // а ә е ё и о ө у ұ ү ы і э ю я

// The key of a word of `n` letters written in alphabet `a`.
std::vector<Sym> read_key(const Letter* w, std::size_t n, LatinAlphabet a);

}  // namespace belgi::text::latin
