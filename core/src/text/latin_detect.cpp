// Finding Latin-script Kazakh (latin_detect.h): words, their evidence, the text's decision.
#include "text/latin_detect.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "text/chars.h"
#include "text/latin_keys.h"
#include "text/latin_words.h"
#include "text/utf8.h"

namespace belgi::text::latin {

namespace {

bool english_word(std::string_view lower) {
  // Only words that are not also Kazakh in some Latin spelling (not on/at/as/is/de/el/men, nor
  // i: the і of 17-i küni).
  static constexpr std::string_view kWords[] = {
      "the", "and", "of", "to", "in", "are", "for", "with", "by", "from", "be", "this", "that",
      "it", "an", "or", "not", "was", "were", "has", "have", "will", "we", "you", "he", "she",
      "they", "his", "her", "our", "my", "new", "news", "all", "but", "one", "about", "more",
      "after", "over", "said", "says", "und", "das", "los"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// The letters' own evidence: how many are Latin and Cyrillic, the alphabets' marks, Kazakh
// letters. Returns the word's plain ASCII letters lower-cased, '*' for any other Latin letter.
std::string read_letters(const Letter* w, std::size_t n, WordInfo& info) {
  std::string ascii;
  for (std::size_t i = 0; i < n; ++i) {
    const Letter& l = w[i];
    if (!is_latin(l)) {
      ++info.cyrillic;
      continue;
    }
    ++info.latin;
    ascii.push_back(l.base < 0x80 && l.mark == Mark::none && !l.apostrophe
                        ? static_cast<char>(l.base) : '*');
    if (l.mark == Mark::acute && l.base != 'e') info.m2018 = true;
    if (l.mark == Mark::diaeresis || l.mark == Mark::breve || l.mark == Mark::caron ||
        l.mark == Mark::tilde || l.mark == Mark::macron || l.mark == Mark::cedilla ||
        l.mark == Mark::dot || l.base == 0x14B)
      info.m2021 = true;
    if (l.base == 0x131) info.kazakh = true;
  }
  if (info.latin > 0) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!is_latin(w[i]) && w[i].base >= 0x490) info.kazakh = true;  // ә ғ қ ң ө ұ ү һ і
      if (w[i].base == U'ә') info.abai = true;
    }
  }
  for (std::size_t i = 0; i + 1 < n; ++i)
    if (w[i].apostrophe && apostrophed(w[i].base) && w[i].mark == Mark::none) info.m2017 = true;
  return ascii;
}

// English contractions: don't, it's, we're, I'll, they've, I'd, I'm.
void read_contraction(std::string_view word, WordInfo& info) {
  static constexpr std::string_view kTails[] = {"n't", "'s", "'t", "'re", "'ll", "'ve", "'d", "'m"};
  for (std::string_view t : kTails) {
    if (word.size() < t.size()) continue;  // (`at` below would wrap around)
    // After a letter that takes an apostrophe in 2017 only n't is English (fory'm is форум).
    std::size_t at = word.size() - t.size() + (t[0] == '\'' ? 0 : 1);
    bool kazakh_letter = at > 0 && apostrophed(static_cast<unsigned char>(word[at - 1]) | 0x20);
    if (utf8::ends_with(word, t) && (t == "n't" || !kazakh_letter)) {
      info.m2017 = false;
      info.english = true;
    }
  }
}

// English spellings among the plain ASCII letters, and where y stands (The Qazaq Times).
void read_english(const std::string& ascii, WordInfo& info) {
  // English letters and pairs: w; x th ee oo ou ck; y before a vowel (y is ы in Kazakh, which
  // no vowel follows: Toyota, York, Yes). One pass over the letters.
  bool other_hint = false;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    char c = ascii[i], next = i + 1 < ascii.size() ? ascii[i + 1] : '\0';
    if (c == 'w') info.english_w = true;
    else if (c == 'x') other_hint = true;
    else if (c == 'y' && (next == 'a' || next == 'o' || next == 'e' || next == 'u'))
      info.english_y = true;
    else if ((c == 't' && next == 'h') || (c == 'e' && next == 'e') || (c == 'o' && next == 'o') ||
             (c == 'o' && next == 'u') || (c == 'c' && next == 'k'))
      other_hint = true;
  }
  for (std::size_t i = 1; i < ascii.size(); ++i)
    if (ascii[i] == 'y' && ascii[i - 1] != '*')
      ++(std::string_view("aeiou").find(ascii[i - 1]) != std::string_view::npos
             ? info.y_after_vowel : info.y_after_consonant);
  for (std::size_t i = 0; i < ascii.size(); ++i)
    if (ascii[i] == 'c' && (i + 1 >= ascii.size() || ascii[i + 1] != 'h')) other_hint = true;
  if (other_hint) info.english = true, info.english_w = info.english_y = false;
  if (info.english_w && info.english_y) info.english_w = info.english_y = false, info.english = true;
  if (info.english_w || info.english_y) info.english = true;
}

void classify(std::string_view text, const Letter* w, std::size_t n, WordInfo& info) {
  std::string ascii = read_letters(w, n, info);
  read_contraction(text.substr(info.begin, info.end - info.begin), info);
  std::size_t q = ascii.find('q');
  if (q != std::string::npos && ascii.compare(q, 2, "qu") != 0) info.kazakh = true;
  read_english(ascii, info);
  if (english_word(ascii))  // ascii has a byte for every Latin letter
    info.english = info.stop = true;
  if (is_kept_name(ascii)) info.skip = true;  // ascii holds lower-case bases
  if (info.m2018 || info.m2021 || info.m2017)
    info.english = info.english_w = info.english_y = false;
}

// True if a whitespace-delimited chunk is a URL, an e-mail address or a domain name (a dot
// between two letters: adyrna.kz).
bool is_address(std::string_view chunk) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  // A domain ends in 2-4 letters of one case after a dot (adyrna.kz, BAQ.KZ, kaz.inform.kz/x):
  // not т.б. written t.b., nor initials without a space (O.Ja'utikov, S.Ábdirov).
  for (std::size_t i = 1; i + 2 < chunk.size(); ++i) {
    if (chunk[i] != '.' || !letter(chunk[i - 1])) continue;
    std::size_t j = i + 1;
    bool lower = chunk[j] >= 'a' && chunk[j] <= 'z';
    while (j < chunk.size() && letter(chunk[j]) && (chunk[j] >= 'a') == lower) ++j;
    bool ends = j == chunk.size() || std::string_view("/:,;)»\"!?.").find(chunk[j]) !=
                                         std::string_view::npos ||
                static_cast<unsigned char>(chunk[j]) == 0xC2;  // » is C2 BB
    if (j - i - 1 >= 2 && j - i - 1 <= 4 && ends) return true;
  }
  return chunk.find("://") != std::string_view::npos || chunk.find("www.") != std::string_view::npos ||
         chunk.find('@') != std::string_view::npos;
}

// Whether a word lies in an address, asked once a whitespace-delimited chunk, so that a long
// run without spaces (`a1a1a1…`, every `a` a word) stays linear.
class Addresses {
 public:
  bool contains(std::string_view text, std::size_t begin, std::size_t end) {
    if (begin >= e_) {
      auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
      b_ = begin, e_ = end;
      while (b_ > 0 && !space(text[b_ - 1])) --b_;
      while (e_ < text.size() && !space(text[e_])) ++e_;
      address_ = is_address(text.substr(b_, e_ - b_));
    }
    return address_;
  }

 private:
  std::size_t b_ = 0, e_ = 0;  // the last chunk asked about
  bool address_ = false;
};

// Reads the rest of a word whose first letter ends at byte `p`: its letters (appended to
// `letters`, which end with the first), its end and the bytes of a final 2017 apostrophe.
void read_word(std::string_view text, std::size_t p, std::vector<Letter>& letters, WordInfo& info) {
  info.end = p;
  for (std::size_t q = p; q < text.size();) {
    std::size_t at = q;
    char32_t d = utf8::next(text, q);
    if (extend_word(d, letters)) {
      info.end = q;
      continue;
    }
    if (char_class(d) != CharClass::apostrophe) break;
    Letter m;
    std::size_t r = q;
    if (q < text.size() && decode_letter(utf8::next(text, r), m)) {  // an inner apostrophe
      letters.back().apostrophe = true;
      info.end = q;
      continue;
    }
    // A final apostrophe after a letter that takes one (2017: jan', ma'n') joins the word only
    // if the text turns out to be in the 2017 alphabet (see latin_to_cyrillic).
    std::size_t last = at;
    if (decode_letter(utf8::prev(text, last), m) && apostrophed(m.base)) {
      letters.back().apostrophe = true;
      info.tail = q - at;
      info.end = q;
    }
    break;
  }
}

// The words next to an English function word are English too (a title, a slogan) unless they
// show Kazakh letters: «Pushing the limits».
void mark_english_neighbours(std::string_view text, std::vector<WordInfo>& words) {
  auto spaced = [&](std::size_t a, std::size_t b) {
    return text.substr(words[a].end, words[b].begin - words[a].end).find_first_not_of(' ') ==
           std::string_view::npos;
  };
  auto plain_latin = [](const WordInfo& w) {
    return w.latin > w.cyrillic && !w.m2018 && !w.m2021 && !w.m2017 && !w.kazakh;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].stop) continue;
    if (i > 0 && spaced(i - 1, i) && plain_latin(words[i - 1])) words[i - 1].english = true;
    if (i + 1 < words.size() && spaced(i, i + 1) && plain_latin(words[i + 1]))
      words[i + 1].english = true;
  }
}

// What the words of a text say, summed.
struct Counts {
  int cyr = 0, lat = 0, strong = 0, hint = 0, n2018 = 0, n2021 = 0, n2017 = 0, nabai = 0,
      y_vowel = 0, y_consonant = 0;
};

Counts count(const std::vector<WordInfo>& words) {
  Counts n;
  for (const WordInfo& w : words) {
    if (w.skip) continue;
    if (w.latin <= w.cyrillic) {
      ++n.cyr;
      continue;
    }
    ++n.lat;
    if (w.m2018 || w.m2021 || w.m2017 || (w.kazakh && !w.english)) ++n.strong;
    else if (w.kazakh) ++n.hint;
    n.n2018 += w.m2018;
    n.n2021 += w.m2021;
    n.n2017 += w.m2017;
    n.nabai += w.abai;
    n.y_vowel += w.y_after_vowel;
    n.y_consonant += w.y_after_consonant;
  }
  return n;
}

}  // namespace

Scan scan(std::string_view text) {
  Scan s;
  s.letters.reserve(text.size());  // at most one letter a byte: no reallocation on the way
  Addresses addresses;
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t start = p;
    Letter l;
    if (!decode_letter(utf8::next(text, p), l)) continue;
    WordInfo info;
    info.begin = start;
    info.first = s.letters.size();
    s.letters.push_back(l);
    read_word(text, p, s.letters, info);
    info.count = s.letters.size() - info.first;
    classify(text, &s.letters[info.first], info.count, info);
    if (info.latin > info.cyrillic)
      info.skip = info.skip || addresses.contains(text, info.begin, info.end);
    s.words.push_back(info);
    p = info.end;
  }
  mark_english_neighbours(text, s.words);
  return s;
}

bool is_latin_kazakh(std::string_view text, const std::vector<WordInfo>& words, Reading& r) {
  Counts n = count(words);
  // Latin Kazakh: more Latin words than Cyrillic ones, and a quarter of them show Kazakh letters.
  if (n.strong == 0 || n.lat <= n.cyr || 4 * (n.strong + n.hint) < n.lat) return false;
  LatinAlphabet a = LatinAlphabet::acute2018;
  if (n.n2021 > n.n2018 && n.n2021 >= n.n2017) a = LatinAlphabet::diaeresis2021;
  else if (n.n2017 > n.n2018 && n.n2017 > n.n2021) a = LatinAlphabet::apostrophe2017;
  // No word tells the alphabet (`2008 jyldan berı`): a dotless ı is і in 2021 and и/й in 2018,
  // and і is by far the more frequent letter of Kazakh, so such a text is read as 2021.
  else if (n.n2018 == 0 && n.n2021 == 0 && n.n2017 == 0 &&
           text.find("\xC4\xB1") != std::string_view::npos)
    a = LatinAlphabet::diaeresis2021;
  r = Reading{a, false};
  if (n.nabai >= 2) r = Reading{LatinAlphabet::abai, true};
  else if (a == LatinAlphabet::diaeresis2021 && n.y_vowel >= 2 && n.y_vowel > 2 * n.y_consonant)
    r = Reading{LatinAlphabet::qazaq_times, true};  // y after vowels: й, not ы (seen twice)
  return true;
}

bool word_alphabet(const WordInfo& w, const Reading& r, LatinAlphabet& a) {
  // The sites write ұ as w (The Qazaq Times) or й as y (abai.kz): not English there.
  bool english = w.english && !(w.english_w && r.alphabet == LatinAlphabet::qazaq_times) &&
                 !(w.english_y && r.site);
  if (w.skip || w.latin <= w.cyrillic || (english && !w.kazakh)) return false;
  a = r.alphabet;
  if (!r.site && w.m2021 && !w.m2018) a = LatinAlphabet::diaeresis2021;
  else if (!r.site && w.m2018 && !w.m2021) a = LatinAlphabet::acute2018;
  return true;
}

}  // namespace belgi::text::latin
