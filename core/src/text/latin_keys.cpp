// The letter tables of the Latin alphabets (latin_keys.h): what each letter, letter with a mark,
// apostrophe or digraph reads as, in each alphabet and in the two sites' own spellings.
#include "text/latin_keys.h"

#include <algorithm>
#include <iterator>

namespace belgi::text::latin {

bool is_vowel(char32_t c) {
  static constexpr char32_t kVowels[] = {U'а', U'ә', U'е', U'ё', U'и', U'о', U'ө', U'у',
                                         U'ұ', U'ү', U'ы', U'і', U'э', U'ю', U'я'};
  return std::find(std::begin(kVowels), std::end(kVowels), c) != std::end(kVowels);
}

namespace {

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

}  // namespace

char32_t apostrophed(char32_t base) {
  switch (base) {
    case 'a': return U'ә'; case 'g': return U'ғ'; case 'n': return U'ң'; case 'o': return U'ө';
    case 'u': return U'ү'; case 'y': return U'у'; case 'i': return kI; case 's': return U'ш';
    case 'c': return U'ч';
    default: return 0;
  }
}

namespace {

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

std::vector<Sym> read_site_key(const Letter* w, std::size_t n, LatinAlphabet a) {
  std::vector<Sym> out;
  bool abai = a == LatinAlphabet::abai;
  // у is a consonant here: shaqyruymen is шақыруымен.
  auto after_vowel = [&] {
    return !out.empty() && out.back().c != kI && out.back().c != U'у' && is_vowel(out.back().c);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Letter& l = w[i];
    const Letter* next = i + 1 < n ? &w[i + 1] : nullptr;
    if (abai && is_latin(l) && l.mark == Mark::acute && (l.base == 'u' || l.base == 'y')) {
      out.push_back({l.base == 'u' ? U'ұ' : U'ү', l.upper});
      continue;
    }
    if (read_shared(l, out)) continue;
    if (next && next->mark == Mark::none) {
      char32_t c = digraph(l.base, next->base);
      if (!c && abai && l.base == 'n' && next->base == 'g' &&
          !(i + 2 < n && w[i + 2].base == 'h'))  // n+gh: Qazaqstangha
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
          if (!(i + 2 < n && latin_vowel(w[i + 2]))) ++i;
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

}  // namespace

std::vector<Sym> read_key(const Letter* w, std::size_t n, LatinAlphabet a) {
  if (a == LatinAlphabet::abai || a == LatinAlphabet::qazaq_times) return read_site_key(w, n, a);
  std::vector<Sym> out;
  out.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const Letter& l = w[i];
    if (a == LatinAlphabet::apostrophe2017 && is_latin(l) && l.apostrophe && l.mark == Mark::none) {
      if (char32_t c = apostrophed(l.base)) {
        out.push_back({c, l.upper});
        continue;
      }
    }
    if (read_shared(l, out)) continue;
    if (i + 1 < n && w[i + 1].mark == Mark::none && !l.apostrophe)
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
        bool iotated = i + 1 < n && !l.apostrophe &&
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

}  // namespace belgi::text::latin
