// Latin-script Kazakh -> Cyrillic (latin.h, docs/latin.md).
//
// A Latin word is read letter by letter into a *key*: its Cyrillic form with the letters no
// Latin spelling tells apart folded together (и/й -> I, х/һ -> H, a 2018 word-initial capital I
// -> J). The key is looked up in data/rules/latin/words.tsv (generated from a Kazakh word list by
// scripts/gen-latin-words.py: the words the default rules get wrong); otherwise default_cyrillic()
// settles the folded letters, the same function as the script's default().
#include "text/latin.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "resources.h"
#include "text/utf8.h"

namespace belgi::text {

namespace {

enum class Mark : std::uint8_t { none, acute, diaeresis, breve, caron, tilde, macron, cedilla, dot };

// One letter of a word: a lower-case base (Latin a-z, ı, ŋ, or Cyrillic) and a mark, precomposed
// or combining alike.
struct Letter {
  char32_t base = 0;
  Mark mark = Mark::none;
  bool upper = false;
  bool apostrophe = false;  // followed by an apostrophe (the 2017 alphabet's mark)
};

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
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2BC; }
// The Cyrillic block (not text::is_cyrillic, which asks ICU for the script).
bool in_cyrillic_block(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

// Decodes a Latin or Cyrillic letter; false for anything else.
bool decode_letter(char32_t c, Letter& l) {
  l = Letter();
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    l.upper = c <= 'Z';
    l.base = l.upper ? c + 32 : c;
    return true;
  }
  for (const Precomposed& p : kPrecomposed)
    if (p.cp == c) {
      l.base = p.base;
      l.mark = p.mark;
      l.upper = p.upper;
      return true;
    }
  if (in_cyrillic_block(c) && c != 0x482 && !(c >= 0x483 && c <= 0x489)) {
    l.base = utf8::to_lower(c);
    l.upper = l.base != c;
    return true;
  }
  return false;
}
bool is_latin(const Letter& l) { return !in_cyrillic_block(l.base); }

char32_t cyrillic_upper(char32_t c) {
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if (c >= 0x460 && c <= 0x4FF && (c & 1)) return c - 1;  // ә ғ қ ң ө ұ ү һ: pairs
  return c;
}

bool is_vowel(char32_t c) {
  static constexpr char32_t kVowels[] = {U'а', U'ә', U'е', U'ё', U'и', U'о', U'ө', U'у',
                                         U'ұ', U'ү', U'ы', U'і', U'э', U'ю', U'я'};
  return std::find(std::begin(kVowels), std::end(kVowels), c) != std::end(kVowels);
}

// A key symbol: a lower-case Cyrillic letter or one of the folded classes.
constexpr char32_t kI = 'I';  // и or й
constexpr char32_t kH = 'H';  // х or һ
constexpr char32_t kJ = 'J';  // 2018 word-initial capital I: і, и or й
struct Sym {
  char32_t c;
  bool upper;
};

// Cyrillic letters met inside a Latin word (abai.kz keeps ә) are folded like the word list.
void push_cyrillic(std::vector<Sym>& out, char32_t c, bool upper) {
  switch (c) {
    case U'и': case U'й': out.push_back({kI, upper}); return;
    case U'х': case U'һ': out.push_back({kH, upper}); return;
    case U'я': out.push_back({kI, upper}); out.push_back({U'а', false}); return;
    case U'ю': out.push_back({kI, upper}); out.push_back({U'у', false}); return;
    case U'ё': out.push_back({kI, upper}); out.push_back({U'о', false}); return;
    case U'щ': out.push_back({U'ш', upper}); return;
    case U'э': out.push_back({U'е', upper}); return;
    case U'ъ': case U'ь': return;
    default: out.push_back({c, upper});
  }
}

// A letter with a mark: the same Cyrillic letter in every alphabet (0 if not a Kazakh one).
char32_t marked(const Letter& l) {
  switch (l.mark) {
    case Mark::acute:
      switch (l.base) {
        case 'a': return U'ә'; case 'g': return U'ғ'; case 'n': return U'ң'; case 'o': return U'ө';
        case 'u': return U'ү'; case 'y': return U'у'; case 'e': return U'е';
        case U'о': return U'ө'; case U'а': return U'ә'; case U'у': return U'ү';  // Cyrillic + U+0301
        default: return 0;
      }
    case Mark::diaeresis:
      return l.base == 'a' ? U'ә' : l.base == 'o' ? U'ө' : l.base == 'u' ? U'ү' : 0;
    case Mark::breve: case Mark::caron: return l.base == 'g' ? U'ғ' : 0;
    case Mark::tilde: return l.base == 'n' ? U'ң' : 0;
    case Mark::macron: return l.base == 'u' ? U'ұ' : 0;
    case Mark::cedilla: return l.base == 's' ? U'ш' : l.base == 'c' ? U'ч' : 0;
    case Mark::dot: return l.base == 'i' ? kI : 0;
    case Mark::none: return 0;
  }
  return 0;
}

// The 2017 alphabet: a letter followed by an apostrophe.
char32_t apostrophed(char32_t base) {
  switch (base) {
    case 'a': return U'ә'; case 'g': return U'ғ'; case 'n': return U'ң'; case 'o': return U'ө';
    case 'u': return U'ү'; case 'y': return U'у'; case 'i': return kI; case 's': return U'ш';
    case 'c': return U'ч';
    default: return 0;
  }
}

char32_t plain(char32_t b) {
  switch (b) {
    case 'a': return U'а'; case 'b': return U'б'; case 'c': return U'ц'; case 'd': return U'д';
    case 'e': return U'е'; case 'f': return U'ф'; case 'g': return U'г'; case 'h': return kH;
    case 'j': return U'ж'; case 'k': return U'к'; case 'l': return U'л'; case 'm': return U'м';
    case 'n': return U'н'; case 'o': return U'о'; case 'p': return U'п'; case 'q': return U'қ';
    case 'r': return U'р'; case 's': return U'с'; case 't': return U'т'; case 'v': return U'в';
    case 'w': return U'у'; case 'y': return U'ы'; case 'z': return U'з'; case 0x14B: return U'ң';
    default: return 0;
  }
}

// Two plain Latin letters read as one: sh ch zh gh.
char32_t digraph(char32_t a, char32_t b) {
  if (b != 'h') return 0;
  switch (a) {
    case 's': return U'ш'; case 'c': return U'ч'; case 'z': return U'ж'; case 'g': return U'ғ';
    default: return 0;  // not kh: к+х (Бекхан) is as common as an informal х
  }
}

bool latin_vowel(const Letter& l) {
  switch (l.base) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 0x131: case U'ә': return true;
    case 'y': return l.mark != Mark::none;
    default: return false;
  }
}

// The sites' spellings (LatinAlphabet::abai, qazaq_times).
// What every spelling reads alike: a Cyrillic letter (with an acute, the Kazakh letter it marks)
// and a Latin letter with a Kazakh mark. False for the rest, and for a mark no Kazakh letter has
// (í, x́): the caller reads that letter without it.
bool read_shared(const Letter& l, std::vector<Sym>& out) {
  if (!is_latin(l)) {
    char32_t m = l.mark == Mark::acute ? marked(l) : 0;
    push_cyrillic(out, m ? m : l.base, l.upper);
    return true;
  }
  if (l.mark == Mark::none) return false;
  char32_t c = marked(l);
  if (c) out.push_back({c, l.upper});
  return c != 0;
}

std::vector<Sym> read_site_key(const std::vector<Letter>& w, LatinAlphabet a) {
  std::vector<Sym> out;
  bool abai = a == LatinAlphabet::abai;
  // у is a consonant here: shaqyruymen is шақыруымен.
  auto after_vowel = [&] {
    return !out.empty() && out.back().c != kI && out.back().c != U'у' && is_vowel(out.back().c);
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const Letter& l = w[i];
    const Letter* next = i + 1 < w.size() ? &w[i + 1] : nullptr;
    if (abai && is_latin(l) && l.mark == Mark::acute && (l.base == 'u' || l.base == 'y')) {
      out.push_back({l.base == 'u' ? U'ұ' : U'ү', l.upper});
      continue;
    }
    if (read_shared(l, out)) continue;
    if (next && next->mark == Mark::none) {
      char32_t c = digraph(l.base, next->base);
      if (!c && abai && l.base == 'n' && next->base == 'g' &&
          !(i + 2 < w.size() && w[i + 2].base == 'h'))  // n+gh: Qazaqstangha
        c = U'ң';
      if (c) {
        out.push_back({c, l.upper});
        ++i;
        continue;
      }
    }
    switch (l.base) {
      case 'u': out.push_back({U'у', l.upper}); break;
      case 'w': out.push_back({abai ? U'у' : U'ұ', l.upper}); break;
      case 0x131: out.push_back({U'ы', l.upper}); break;
      case 'i':
        if (abai && next && next->base == 'y' && next->mark == Mark::none) {
          out.push_back({kI, l.upper});  // iy = и; the y stays if a vowel follows (iya = ия)
          if (!(i + 2 < w.size() && latin_vowel(w[i + 2]))) ++i;
        } else {
          out.push_back({abai && after_vowel() ? kI : U'і', l.upper});
        }
        break;
      case 'y':
        if (!abai || after_vowel() || (next && latin_vowel(*next))) out.push_back({kI, l.upper});
        else out.push_back({U'ы', l.upper});
        break;
      case 'x': out.push_back({U'к', l.upper}); out.push_back({U'с', false}); break;
      default:
        if (char32_t c = plain(l.base)) out.push_back({c, l.upper});
    }
  }
  return out;
}

std::vector<Sym> read_key(const std::vector<Letter>& w, LatinAlphabet a) {
  if (a == LatinAlphabet::abai || a == LatinAlphabet::qazaq_times) return read_site_key(w, a);
  std::vector<Sym> out;
  out.reserve(w.size() + 1);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const Letter& l = w[i];
    if (a == LatinAlphabet::apostrophe2017 && is_latin(l) && l.apostrophe && l.mark == Mark::none) {
      if (char32_t c = apostrophed(l.base)) {
        out.push_back({c, l.upper});
        continue;
      }
    }
    if (read_shared(l, out)) continue;
    if (i + 1 < w.size() && w[i + 1].mark == Mark::none && !l.apostrophe)
      if (char32_t c = digraph(l.base, w[i + 1].base)) {
        out.push_back({c, l.upper});
        ++i;
        continue;
      }
    bool y2021 = a == LatinAlphabet::diaeresis2021;
    switch (l.base) {
      case 'u': out.push_back({y2021 ? U'у' : U'ұ', l.upper}); break;
      case 'i': {
        // я ю ё: ıa ıý ıo in 2018 (a capital I), ia iy' io in 2017.
        bool iotated = i + 1 < w.size() && !l.apostrophe &&
                       (w[i + 1].base == 'a' || w[i + 1].base == 'o' ||
                        (w[i + 1].base == 'y' && (w[i + 1].mark == Mark::acute || w[i + 1].apostrophe)));
        if (y2021) out.push_back({l.upper ? U'і' : kI, l.upper});
        else if (iotated && (l.upper || a == LatinAlphabet::apostrophe2017)) out.push_back({kI, l.upper});
        else if (a == LatinAlphabet::acute2018 && l.upper && i == 0) out.push_back({kJ, true});
        else if (a == LatinAlphabet::acute2018 && l.upper && !out.empty() && is_vowel(out.back().c))
          out.push_back({kI, true});  // all caps: ҚЫРКҮЙЕК, not і after a vowel
        else out.push_back({U'і', l.upper});
        break;
      }
      case 0x131: out.push_back({y2021 ? U'і' : kI, false}); break;
      case 'x': out.push_back({U'к', l.upper}); out.push_back({U'с', false}); break;
      default: {
        char32_t c = plain(l.base);
        if (c) out.push_back({c, l.upper});
      }
    }
  }
  return out;
}

// The script's default(): и/й by the letter before, я/ю for Iа/Iу, х for H, і for J.
// Writes one output letter per consumed symbol group, with the case of its first symbol.
void default_cyrillic(const std::vector<Sym>& key, std::size_t from, std::vector<Sym>& out) {
  for (std::size_t i = from; i < key.size(); ++i) {
    char32_t s = key[i].c;
    char32_t next = i + 1 < key.size() ? key[i + 1].c : 0;
    bool upper = key[i].upper;
    char32_t c = s;
    if (s == kH) {
      c = U'х';
    } else if (s == kJ) {
      c = U'і';
    } else if (s == kI) {
      if (next == U'а' || next == U'у') {
        c = next == U'а' ? U'я' : U'ю';
        ++i;
      } else {
        c = !out.empty() && is_vowel(out.back().c) ? U'й' : U'и';
      }
    }
    out.push_back({c, upper});
  }
}

}  // namespace

// Keys and words are views into `tsv`, a copy of the table's text: looking up a prefix of a
// key (stem_of) then allocates nothing.
struct LatinWords {
  std::string tsv;
  std::unordered_map<std::string_view, std::string_view> map;
};

std::shared_ptr<const LatinWords> parse_latin_words(std::string_view data) {
  auto t = std::make_shared<LatinWords>();
  t->tsv.assign(data.data(), data.size());
  std::string_view all = t->tsv;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    std::string_view line = all.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    t->map.emplace(line.substr(0, tab), line.substr(tab + 1));
  }
  return t;
}

namespace {

// data/rules/latin/keep.tsv: names kept in Latin letters in Cyrillic news too.
const std::vector<std::string>& kept_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    std::string_view data = resources::file("rules/latin/keep.tsv");
    for (std::size_t pos = 0; pos < data.size();) {
      std::size_t eol = std::min(data.find('\n', pos), data.size());
      std::string_view line = data.substr(pos, eol - pos);
      pos = eol + 1;
      if (!line.empty() && line[0] != '#') out.emplace_back(line);
    }
    return out;
  }();
  return names;
}

const LatinWords& word_table() {
  static const std::shared_ptr<const LatinWords> table =
      parse_latin_words(resources::file("rules/latin/words.tsv"));
  return *table;
}

void append_cased(std::string& out, char32_t c, bool upper) {
  utf8::append(out, upper ? cyrillic_upper(c) : c);
}

// Letters of one word; apostrophes set the flag of the letter before them.
void letters_of(std::string_view word, std::vector<Letter>& w) {
  w.clear();
  for (std::size_t p = 0; p < word.size();) {
    char32_t c = utf8::next(word, p);
    Letter l;
    if (decode_letter(c, l)) {
      w.push_back(l);
    } else if (!w.empty() && is_combining(c)) {
      Mark m = combining_mark(c);
      if (m != Mark::none && w.back().mark == Mark::none) w.back().mark = m;
    } else if (!w.empty() && is_apostrophe(c)) {
      w.back().apostrophe = true;
    }
  }
}


// A stem of the table: the longest prefix of at least kMinStem symbols (a whole symbol group:
// not between I and the а/у of я/ю) whose key is in the table, so that inflected forms of a
// listed word come out like it (полициясын from полиция). Returns its length, 0 if none.
constexpr std::size_t kMinStem = 5;
std::size_t stem_of(const std::vector<Sym>& key, std::string_view k,
                    const std::vector<std::size_t>& ends, const LatinWords& table,
                    std::string_view& word) {
  for (std::size_t n = key.size() - 1; n >= kMinStem; --n) {
    if (key[n - 1].c == kI && (key[n].c == U'а' || key[n].c == U'у')) continue;
    auto hit = table.map.find(k.substr(0, ends[n - 1]));
    if (hit != table.map.end()) {
      word = hit->second;
      return n;
    }
  }
  return 0;
}

std::string convert(const std::vector<Letter>& w, LatinAlphabet a, const LatinWords& table) {
  std::vector<Sym> key = read_key(w, a);
  std::string out;
  if (key.empty()) return out;
  bool all_upper = key.size() > 1 && std::all_of(key.begin(), key.end(),
                                                 [](const Sym& s) { return s.upper; });
  std::string k;  // the key's text, and its length after each symbol
  std::vector<std::size_t> ends;
  k.reserve(2 * key.size());
  ends.reserve(key.size());
  for (const Sym& s : key) {
    utf8::append(k, s.c);
    ends.push_back(k.size());
  }
  std::string_view word;
  std::size_t stem = 0;
  auto hit = table.map.find(k);
  if (hit != table.map.end()) {
    word = hit->second;
    stem = key.size();
  } else {
    stem = stem_of(key, k, ends, table, word);
  }
  std::vector<Sym> cyr;
  cyr.reserve(key.size() + word.size());
  for (std::size_t p = 0, first = 1; p < word.size(); first = 0)
    cyr.push_back({utf8::next(word, p), all_upper || (first && key[0].upper)});
  // The rest by the default rule, which sees the stem's last letter (й after a vowel).
  default_cyrillic(key, stem, cyr);
  out.reserve(2 * cyr.size());
  for (const Sym& s : cyr) append_cased(out, s.c, s.upper);
  return out;
}

// What a word says about its script and alphabet.
struct WordInfo {
  std::size_t begin = 0, end = 0;
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

void classify(std::string_view text, const std::vector<Letter>& w, WordInfo& info) {
  std::string ascii;  // the word's plain ASCII letters, lower-cased ('*' for others)
  for (const Letter& l : w) {
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
    for (const Letter& l : w) {
      if (!is_latin(l) && l.base >= 0x490) info.kazakh = true;  // ә ғ қ ң ө ұ ү һ і
      if (l.base == U'ә') info.abai = true;
    }
  }
  for (std::size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i].apostrophe && apostrophed(w[i].base) && w[i].mark == Mark::none) info.m2017 = true;
  // English contractions: don't, it's, we're, I'll, they've, I'd, I'm.
  static constexpr std::string_view kTails[] = {"n't", "'s", "'t", "'re", "'ll", "'ve", "'d", "'m"};
  std::string_view word = text.substr(info.begin, info.end - info.begin);
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
  std::size_t q = ascii.find('q');
  if (q != std::string::npos && ascii.compare(q, 2, "qu") != 0) info.kazakh = true;
  // y is ы in Kazakh, which no vowel follows: Toyota, York, Yes.
  static constexpr std::string_view kEnglish[] = {"w", "x", "th", "ee", "oo", "ou", "ck",
                                                  "ya", "yo", "ye", "yu"};
  bool other_hint = false;
  if (ascii.find_first_of("wxteockhy") != std::string::npos)  // most Kazakh words: none of these
    for (std::string_view e : kEnglish)
      if (ascii.find(e) != std::string::npos)
        (e == "w" ? info.english_w : e[0] == 'y' ? info.english_y : other_hint) = true;
  for (std::size_t i = 1; i < ascii.size(); ++i)
    if (ascii[i] == 'y' && ascii[i - 1] != '*')
      ++(std::string_view("aeiou").find(ascii[i - 1]) != std::string_view::npos
             ? info.y_after_vowel : info.y_after_consonant);
  for (std::size_t i = 0; i < ascii.size(); ++i)
    if (ascii[i] == 'c' && (i + 1 >= ascii.size() || ascii[i + 1] != 'h')) other_hint = true;
  if (other_hint) info.english = true, info.english_w = info.english_y = false;
  if (info.english_w && info.english_y) info.english_w = info.english_y = false, info.english = true;
  if (info.english_w || info.english_y) info.english = true;
  if (english_word(ascii))  // ascii has a byte for every Latin letter
    info.english = info.stop = true;
  const std::vector<std::string>& kept = kept_names();  // ascii holds lower-case bases
  if (std::find(kept.begin(), kept.end(), ascii) != kept.end()) info.skip = true;
  if (info.m2018 || info.m2021 || info.m2017)
    info.english = info.english_w = info.english_y = false;
}

// The whitespace-delimited chunk around [b, e), as [b, e).
void chunk_around(std::string_view text, std::size_t& b, std::size_t& e) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (b > 0 && !space(text[b - 1])) --b;
  while (e < text.size() && !space(text[e])) ++e;
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

// Splits the text into words: letters with their combining marks and inner apostrophes.
std::vector<WordInfo> scan(std::string_view text) {
  std::vector<Letter> letters;
  std::vector<WordInfo> words;
  // The chunk of the last word that asked whether it is in an address, and the answer: asked
  // once a chunk, so a long run without spaces (`a1a1a1…`, every `a` a word) stays linear.
  std::size_t chunk_b = 0, chunk_e = 0;
  bool chunk_address = false;
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t start = p;
    char32_t c = utf8::next(text, p);
    Letter l;
    if (!decode_letter(c, l)) continue;
    std::size_t end = p, tail = 0;
    for (std::size_t q = p; q < text.size();) {
      std::size_t at = q;
      char32_t d = utf8::next(text, q);
      Letter m;
      if (decode_letter(d, m) || is_combining(d)) {
        end = q;
        continue;
      }
      if (is_apostrophe(d)) {
        std::size_t r = q;
        if (q < text.size() && decode_letter(utf8::next(text, r), m)) {
          end = q;
          continue;
        }
        // A final apostrophe after a letter that takes one (2017: jan', ma'n') joins the word
        // only if the text turns out to be in the 2017 alphabet (see latin_to_cyrillic).
        std::size_t last = at;
        char32_t before = utf8::prev(text, last);
        if (decode_letter(before, m) && apostrophed(m.base)) {
          tail = q - at;
          end = q;
        }
      }
      break;
    }
    WordInfo info;
    info.begin = start;
    info.end = end;
    info.tail = tail;
    letters_of(text.substr(start, end - start), letters);
    classify(text, letters, info);
    if (info.latin > info.cyrillic) {
      if (start >= chunk_e) {
        chunk_b = start, chunk_e = end;
        chunk_around(text, chunk_b, chunk_e);
        chunk_address = is_address(text.substr(chunk_b, chunk_e - chunk_b));
      }
      info.skip = info.skip || chunk_address;
    }
    words.push_back(info);
    p = end;
  }
  // The words next to an English function word are English too (a title, a slogan) unless
  // they show Kazakh letters: «Pushing the limits».
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
  return words;
}

}  // namespace

std::string latin_word_to_cyrillic(std::string_view word, LatinAlphabet alphabet,
                                   const LatinWords* table) {
  std::vector<Letter> letters;
  letters_of(word, letters);
  return convert(letters, alphabet, table ? *table : word_table());
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
  // Fast path, one pass over the bytes: a text with no ASCII letter, or with four times as many
  // Cyrillic letters (lead bytes D0-D3) as ASCII ones, is taken for Cyrillic: it is, unless its
  // Latin words are four times shorter than its Cyrillic ones. Golden outputs stay as they were.
  std::size_t ascii_letters = 0, cyrillic_letters = 0;
  for (unsigned char b : text) {
    ascii_letters += (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    cyrillic_letters += b >= 0xD0 && b <= 0xD3;
  }
  if (ascii_letters == 0 || cyrillic_letters > 4 * ascii_letters) return tr;
  if (text.size() > 0x7FFFFFFFu) return tr;  // Word holds 32-bit offsets (both forms fit in them)
  std::vector<WordInfo> words = scan(text);
  int cyr = 0, lat = 0, strong = 0, hint = 0, n2018 = 0, n2021 = 0, n2017 = 0, nabai = 0,
      y_vowel = 0, y_consonant = 0;
  for (const WordInfo& w : words) {
    if (w.skip) continue;
    if (w.latin <= w.cyrillic) {
      ++cyr;
      continue;
    }
    ++lat;
    if (w.m2018 || w.m2021 || w.m2017 || (w.kazakh && !w.english)) ++strong;
    else if (w.kazakh) ++hint;
    n2018 += w.m2018;
    n2021 += w.m2021;
    n2017 += w.m2017;
    nabai += w.abai;
    y_vowel += w.y_after_vowel;
    y_consonant += w.y_after_consonant;
  }
  // Latin Kazakh: more Latin words than Cyrillic ones, and a quarter of them show Kazakh letters.
  if (strong == 0 || lat <= cyr || 4 * (strong + hint) < lat) return tr;
  LatinAlphabet doc = LatinAlphabet::acute2018;
  if (n2021 > n2018 && n2021 >= n2017) doc = LatinAlphabet::diaeresis2021;
  else if (n2017 > n2018 && n2017 > n2021) doc = LatinAlphabet::apostrophe2017;
  // No word tells the alphabet (`2008 jyldan berı`): a dotless ı is і in 2021 and и/й in 2018,
  // and і is by far the more frequent letter of Kazakh, so such a text is read as 2021.
  else if (n2018 == 0 && n2021 == 0 && n2017 == 0 && text.find("\xC4\xB1") != std::string_view::npos)
    doc = LatinAlphabet::diaeresis2021;
  bool site = false;  // the sites' spellings hold for every word of the text
  if (nabai >= 2) doc = LatinAlphabet::abai, site = true;
  else if (doc == LatinAlphabet::diaeresis2021 && y_vowel >= 2 && y_vowel > 2 * y_consonant)
    doc = LatinAlphabet::qazaq_times, site = true;  // y after vowels: й, not ы (seen twice)

  std::size_t copied = 0;
  std::vector<Letter> letters;
  tr.text_.reserve(text.size() + text.size() / 2);
  for (std::size_t i = 0; i < words.size(); ++i) {
    WordInfo w = words[i];
    if (w.tail && doc != LatinAlphabet::apostrophe2017) w.end -= w.tail;
    // The sites write ұ as w (The Qazaq Times) or й as y (abai.kz): not English there.
    bool english = w.english && !(w.english_w && doc == LatinAlphabet::qazaq_times) &&
                   !(w.english_y && site);
    if (w.skip || w.latin <= w.cyrillic || (english && !w.kazakh)) continue;
    LatinAlphabet a = doc;
    if (!site && w.m2021 && !w.m2018) a = LatinAlphabet::diaeresis2021;
    else if (!site && w.m2018 && !w.m2021) a = LatinAlphabet::acute2018;
    letters_of(text.substr(w.begin, w.end - w.begin), letters);
    std::string cyr_word = convert(letters, a, word_table());
    if (cyr_word.empty()) continue;
    tr.text_.append(text.substr(copied, w.begin - copied));
    Transliteration::Word rec;
    rec.out = static_cast<std::uint32_t>(tr.text_.size());
    rec.out_len = static_cast<std::uint32_t>(cyr_word.size());
    rec.src = static_cast<std::uint32_t>(w.begin);
    rec.src_len = static_cast<std::uint32_t>(w.end - w.begin);
    tr.text_ += cyr_word;
    tr.words_.push_back(rec);
    copied = w.end;
  }
  tr.text_.append(text.substr(copied));
  tr.source_size_ = text.size();
  if (tr.words_.empty()) tr.text_.clear();
  return tr;
}

}  // namespace belgi::text
