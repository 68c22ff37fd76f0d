// Latin-script Kazakh -> Cyrillic (latin.h, docs/latin.md): the text is scanned into words once
// (latin_detect.h), and if it is Latin Kazakh its Kazakh words are converted from the letters
// the scan decoded (latin_keys.h, latin_words.h) and recorded for the offset map.
#include "text/latin.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "text/latin_detect.h"
#include "text/latin_words.h"

namespace belgi::text {

namespace {

// Fast path, one pass over the bytes: a text with no ASCII letter, or with four times as many
// Cyrillic letters (lead bytes D0-D3) as ASCII ones, is taken for Cyrillic: it is, unless its
// Latin words are four times shorter than its Cyrillic ones. Golden outputs stay as they were.
bool looks_cyrillic(std::string_view text) {
  std::size_t ascii_letters = 0, cyrillic_letters = 0;
  // Asked of every text: counted in byte counters over blocks of 255 bytes, which the compiler
  // vectorizes 16 to a register (with std::size_t counters, 2).
  for (std::size_t at = 0; at < text.size(); at += 255) {
    std::uint8_t ascii = 0, cyrillic = 0;
    for (std::size_t i = at, end = std::min(text.size(), at + 255); i < end; ++i) {
      const unsigned char b = static_cast<unsigned char>(text[i]);
      ascii += (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
      cyrillic += b >= 0xD0 && b <= 0xD3;
    }
    ascii_letters += ascii;
    cyrillic_letters += cyrillic;
  }
  return ascii_letters == 0 || cyrillic_letters > 4 * ascii_letters;
}

// The Cyrillic form of a word of the text, through this thread's cache of the words converted so
// far, by alphabet and spelling (which give the letters, and so the word): news repeats its words,
// and a look-up costs a fraction of reading a key and looking it and its stems up in the table.
// Cleared when full, so that its memory stays bounded. The reference holds until the next call.
const std::string& convert_word(std::string_view spelling, LatinAlphabet a,
                                const latin::Letter* letters, std::size_t n) {
  constexpr std::size_t kMaxWords = 16384;
  thread_local std::unordered_map<std::string, std::string> cache;
  thread_local std::string key;
  key.assign(1, static_cast<char>(a));
  key.append(spelling);
  auto hit = cache.find(key);
  if (hit != cache.end()) return hit->second;
  if (cache.size() >= kMaxWords) cache.clear();
  return cache.emplace(key, latin::convert(letters, n, a, latin::word_table())).first->second;
}

}  // namespace

std::string latin_word_to_cyrillic(std::string_view word, LatinAlphabet alphabet,
                                   const LatinWords* table) {
  std::vector<latin::Letter> letters;
  latin::letters_of(word, letters);
  return latin::convert(letters.data(), letters.size(), alphabet,
                        table ? *table : latin::word_table());
}

std::size_t Transliteration::original(std::size_t offset, bool is_end) const {
  if (words_.empty()) return offset;
  // The last word starting at or before offset (for an end: strictly before).
  auto it = std::upper_bound(words_.begin(), words_.end(), offset, [&](std::size_t o, const Word& w) {
    return is_end ? o <= w.out : o < w.out;
  });
  if (it == words_.begin()) return offset;
  const Word& w = *(it - 1);
  if (offset >= w.out + w.out_len) return w.src + w.src_len + (offset - w.out - w.out_len);
  return is_end ? w.src + w.src_len : w.src;
}

Transliteration latin_to_cyrillic(std::string_view text) {
  Transliteration tr;
  if (looks_cyrillic(text)) return tr;
  if (text.size() > 0x7FFFFFFFu) return tr;  // Word holds 32-bit offsets (both forms fit in them)
  latin::Scan s = latin::scan(text);
  latin::Reading reading;
  if (!latin::is_latin_kazakh(text, s.words, reading)) return tr;
  tr.text_.reserve(text.size() + text.size() / 2);
  std::size_t copied = 0;  // text is in tr.text_ up to here
  auto replace = [&](const latin::WordInfo& w, const std::string& cyrillic) {
    tr.text_.append(text.substr(copied, w.begin - copied));
    Transliteration::Word rec;
    rec.out = static_cast<std::uint32_t>(tr.text_.size());
    rec.out_len = static_cast<std::uint32_t>(cyrillic.size());
    rec.src = static_cast<std::uint32_t>(w.begin);
    rec.src_len = static_cast<std::uint32_t>(w.end - w.begin);
    tr.text_ += cyrillic;
    tr.words_.push_back(rec);
    copied = w.end;
  };
  for (latin::WordInfo w : s.words) {
    if (w.tail && reading.alphabet != LatinAlphabet::apostrophe2017) {
      w.end -= w.tail;  // the final apostrophe is not a letter here
      s.letters[w.first + w.count - 1].apostrophe = false;
    }
    LatinAlphabet a;
    if (!latin::word_alphabet(w, reading, a)) continue;
    const std::string& cyrillic = convert_word(text.substr(w.begin, w.end - w.begin), a,
                                               &s.letters[w.first], w.count);
    if (!cyrillic.empty()) replace(w, cyrillic);
  }
  tr.text_.append(text.substr(copied));
  if (tr.words_.empty()) tr.text_.clear();
  return tr;
}

}  // namespace belgi::text
