// Finding Latin-script Kazakh (docs/latin.md, "Detection"): the text split into words, what each
// word's letters say about its script and alphabet, and from them whether the whole text is Latin
// Kazakh, in which alphabet, and which of its words to convert.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/latin.h"
#include "text/latin_letters.h"

namespace belgi::text::latin {

// What a word says about its script and alphabet.
struct WordInfo {
  std::size_t begin = 0, end = 0;
  std::size_t first = 0, count = 0;  // its letters: Scan::letters[first, first + count)
  int latin = 0, cyrillic = 0;
  bool m2018 = false, m2021 = false, m2017 = false;
  bool kazakh = false;   // ı, q (not qu), a Kazakh Cyrillic letter among Latin ones
  bool english = false;  // w x th ee oo ou c (not ch), common English words, contractions
  bool stop = false;     // one of the common English words (the, and, of, ...)
  bool english_w = false;  // English only for its w (The Qazaq Times writes ұ as w)
  bool abai = false;       // a Cyrillic ә among Latin letters (abai.kz)
  bool english_y = false;  // English only for a y before a vowel (abai.kz's й)
  int y_after_vowel = 0, y_after_consonant = 0;  // The Qazaq Times' y is й, 2021's is ы
  bool skip = false;     // inside a URL or an e-mail address
  std::size_t tail = 0;  // bytes of a final apostrophe (a letter of the 2017 alphabet only)
};

// The words of a text (letters with their combining marks and inner apostrophes), each decoded
// once: the converter reads the same letters.
struct Scan {
  std::vector<WordInfo> words;
  std::vector<Letter> letters;
};
Scan scan(std::string_view text);

// How a text that is Latin Kazakh is read.
struct Reading {
  LatinAlphabet alphabet = LatinAlphabet::acute2018;  // the text's majority alphabet
  bool site = false;  // a site's own spelling (abai, qazaq_times): it holds for every word
};

// True if the scanned text is Latin Kazakh (its Latin words outnumber its Cyrillic ones and
// enough show Kazakh letters); then sets how to read it.
bool is_latin_kazakh(std::string_view text, const std::vector<WordInfo>& words, Reading& r);

// The alphabet to convert word `w` of such a text in; false if the word stays as it is
// (Cyrillic, English, inside an address, a kept name).
bool word_alphabet(const WordInfo& w, const Reading& r, LatinAlphabet& a);

}  // namespace belgi::text::latin
