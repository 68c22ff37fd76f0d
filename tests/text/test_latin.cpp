// Latin-script Kazakh -> Cyrillic (text/latin.h): letter tables of each alphabet, detection
// (English and Cyrillic left alone), and the offset map back onto the original text.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "text/latin.h"
#include "text/utf8.h"

using belgi::text::latin_to_cyrillic;
using belgi::text::latin_word_to_cyrillic;
using belgi::text::LatinAlphabet;
using belgi::text::Transliteration;

namespace {

struct Case {
  const char* latin;
  const char* cyrillic;
};

// The text's Cyrillic form, or the text itself when it is left alone.
std::string cyr(const std::string& text) {
  Transliteration tr = latin_to_cyrillic(text);
  return tr.changed() ? tr.text() : text;
}

// Each case's text reads as its Cyrillic form.
template <std::size_t N>
void check_cases(const Case (&cases)[N]) {
  for (const Case& c : cases) {
    CAPTURE(c.latin);
    CHECK(cyr(c.latin) == c.cyrillic);
  }
}

// Every word of the Cyrillic form maps back onto whole original bytes, in order.
void check_map(const std::string& text) {
  Transliteration tr = latin_to_cyrillic(text);
  REQUIRE(tr.changed());
  std::size_t last_end = 0;
  for (const Transliteration::Word& w : tr.words()) {
    CHECK(tr.original_begin(w.out) == w.src);
    CHECK(tr.original_end(w.out + w.out_len) == w.src + w.src_len);
    CHECK(w.src >= last_end);
    last_end = w.src + w.src_len;
    // Inside a word: a begin moves to the word's start, an end to its end.
    CHECK(tr.original_begin(w.out + 1) == w.src);
    CHECK(tr.original_end(w.out + 1) == w.src + w.src_len);
  }
  CHECK(tr.original_begin(0) == 0);
  CHECK(tr.original_end(tr.text().size()) == text.size());
  // Monotonic over every offset of the Cyrillic form.
  std::size_t prev_b = 0, prev_e = 0;
  for (std::size_t i = 0; i <= tr.text().size(); ++i) {
    CHECK(tr.original_begin(i) >= prev_b);
    CHECK(tr.original_end(i) >= prev_e);
    CHECK(tr.original_end(i) <= text.size());
    prev_b = tr.original_begin(i);
    prev_e = tr.original_end(i);
  }
}

}  // namespace

TEST_CASE("latin: the 2018 alphabet (acutes), from the spec's examples") {
  const Case cases[] = {
      {"Búgin óńir ákimdiginde Shyǵys Qazaqstan oblysy máslıhatynyń sessııasy ótti",
       "Бүгін өңір әкімдігінде Шығыс Қазақстан облысы мәслихатының сессиясы өтті"},
      {"Memleket basshysy Qasym-Jomart Toqaev", "Мемлекет басшысы Қасым-Жомарт Тоқаев"},
      {"Ulttyq qaýipsizdik komıteti aıtqandaı, ıaǵnı", "Ұлттық қауіпсіздік комитеті айтқандай, яғни"},
      {"ÁKIMDIGI MEN ShYǴYS", "ӘКІМДІГІ МЕН ШЫҒЫС"},
  };
  check_cases(cases);
}

TEST_CASE("latin: the 2021 alphabet (diaeresis, breve, cedilla, macron; ı = і, i = и/й)") {
  const Case cases[] = {
      {"Bügın öñır äkımdıgınde Şyğys Qazaqstan oblysy mäslihatynyñ sessiiasy öttı",
       "Бүгін өңір әкімдігінде Шығыс Қазақстан облысы мәслихатының сессиясы өтті"},
      {"Ūlttyq qauıpsızdık komitetı İran ǧylym", "Ұлттық қауіпсіздік комитеті Иран ғылым"},
      {"Çempionat pen şaŋyraq", "Чемпионат пен шаңырақ"},  // ǧ and ŋ as on Adyrna's pages
  };
  check_cases(cases);
}

TEST_CASE("latin: the 2017 alphabet (apostrophes)") {
  const Case cases[] = {
      {"Bu'gin o'n'ir a'kimdiginde S'yg'ys Qazaqstan oblysy ma'sli'hatynyn' sessi'iasy o'tti",
       "Бүгін өңір әкімдігінде Шығыс Қазақстан облысы мәслихатының сессиясы өтті"},
  };
  check_cases(cases);
}

TEST_CASE("latin: two sites' own spellings, told by the whole text") {
  // abai.kz: Cyrillic ә kept, ú = ұ, ý = ү, u = у, y = й after a vowel, iy = и, ng = ң, gh = ғ.
  CHECK(cyr("Qytay tóraghasy Toqaevtyng shaqyruymen keldi, Búl turaly mәlimdedi jәne preziydent") ==
        "Қытай төрағасы Тоқаевтың шақыруымен келді, Бұл туралы мәлімдеді және президент");
  // The Qazaq Times: 2021's marks with ı = ы, y = й, w = ұ.
  CHECK(cyr("Saylauğa baylanıstı äleumettik saualnama jürgizseñiz, jazağa tartılasız. Bwdan bölek") ==
        "Сайлауға байланысты әлеуметтік сауалнама жүргізсеңіз, жазаға тартыласыз. Бұдан бөлек");
}

TEST_CASE("latin: single words, each alphabet's u, ı, i and capital I") {
  struct WordCase {
    const char* latin;
    LatinAlphabet a;
    const char* cyrillic;
  };
  const WordCase cases[] = {
      {"ulttyq", LatinAlphabet::acute2018, "ұлттық"},
      {"ulttyq", LatinAlphabet::diaeresis2021, "улттық"},  // 2021's u is у
      {"ūlttyq", LatinAlphabet::diaeresis2021, "ұлттық"},
      {"bılik", LatinAlphabet::acute2018, "билік"},
      {"bilık", LatinAlphabet::diaeresis2021, "билік"},
      {"Ishki", LatinAlphabet::acute2018, "Ішкі"},
      {"Iaǵnı", LatinAlphabet::acute2018, "Яғни"},  // a capital I before a is я
      {"ý", LatinAlphabet::acute2018, "у"},
      {"Shyǵys", LatinAlphabet::acute2018, "Шығыс"},
      {"SHYǴYS", LatinAlphabet::acute2018, "ШЫҒЫС"},
      {"Aıaz", LatinAlphabet::acute2018, "Аяз"},
      {"Astanaǵa", LatinAlphabet::acute2018, "Астанаға"},
  };
  for (const WordCase& c : cases) {
    CAPTURE(c.latin);
    CHECK(latin_word_to_cyrillic(c.latin, c.a) == c.cyrillic);
  }
}

TEST_CASE("latin: combining marks count like the precomposed letters") {
  // a + U+0301, o + U+0301, g + U+0306, Cyrillic О + U+0301 (Egemen's capital Ө).
  CHECK(cyr("Bu\xcc\x81gin o\xcc\x81n\xcc\x81ir a\xcc\x81kimdiginde Qazaqstan") ==
        "Бүгін өңір әкімдігінде Қазақстан");
  CHECK(cyr("\xd0\x9e\xcc\x81ńir ákimdiginde Shyǵys Qazaqstan") ==
        "Өңір әкімдігінде Шығыс Қазақстан");
  CHECK(cyr("Bügın Şyg\xcc\x86ys Qazaqstan") == "Бүгін Шығыс Қазақстан");
}

TEST_CASE("latin: English, other Latin text, URLs and Cyrillic are left alone") {
  const char* unchanged[] = {
      "Kazakhstan's president Kassym-Jomart Tokayev said on Monday that the talks went well.",
      "The Qatar Airways flight to Astana was delayed.",
      "Мемлекет басшысы Қасым-Жомарт Тоқаев Astana International Forum жұмысына қатысты.",
      "Президент Бүгін Müller мен José Ramos-Horta кездесті.",  // Cyrillic text, marked Latin names
      "https://lat.egemen.kz/article/172648-elimizde-sheteldik",
      "",
      "2025 😀 ...",
  };
  for (const char* t : unchanged) {
    CAPTURE(t);
    CHECK_FALSE(latin_to_cyrillic(t).changed());
  }
  // Initials without a space are not a domain name.
  CHECK(cyr("O.Ja'y'tikov pen S.A'bdirov kezdesti, dep habarlai'dy Qazaqstannyn' ag'ylshyn tili") ==
        "О.Жәутіков пен С.Әбдіров кездесті, деп хабарлайды Қазақстанның ағылшын тілі");
  CHECK(cyr("BAQ.KZ habarlaıdy: Búgin Astanada jıyn ótti") == "BAQ.KZ хабарлайды: Бүгін Астанада жиын өтті");
  // A lone i is Kazakh (a suffix after a number), not the English pronoun.
  CHECK(cyr("Qańtardyń 17-i kúni Astanada jıyn ótti") == "Қаңтардың 17-і күні Астанада жиын өтті");
  // In a Latin Kazakh text the English words, a URL and a domain stay as they are.
  CHECK(cyr("Qazaqparat habarlaıdy: «Pushing the limits» dep atalǵan kórme ashyldy, "
            "tolyǵyraq https://kaz.inform.kz/news saıtynda, Kazinform.kz") ==
        "Қазақпарат хабарлайды: «Pushing the limits» деп аталған көрме ашылды, "
        "толығырақ https://kaz.inform.kz/news сайтында, Kazinform.kz");
}

TEST_CASE("latin: the agencies' names stay in Latin letters, as in Cyrillic news") {
  CHECK(cyr("ASTANA. KAZINFORM – Búgin Astanada Kazinform tilshisi sóıledi.") ==
        "АСТАНА. KAZINFORM – Бүгін Астанада Kazinform тілшісі сөйледі.");
}

TEST_CASE("latin: mixed documents, run by run") {
  // A Latin article quoting Russian: the Cyrillic words are copied.
  CHECK(cyr("Ol: «Мы готовы к переговорам», — dep aıtty Qasym-Jomart Toqaev búgin.") ==
        "Ол: «Мы готовы к переговорам», — деп айтты Қасым-Жомарт Тоқаев бүгін.");
  // abai.kz keeps the Cyrillic ә inside Latin words.
  CHECK(cyr("Әbdіkárіm Qazaqstanda ákіmdіk bolady") == "Әбдікәрім Қазақстанда әкімдік болады");
}

TEST_CASE("latin: the offset map goes back to whole original words") {
  check_map("Búgin óńir ákimdiginde Shyǵys Qazaqstan oblysy máslıhatynyń sessııasy ótti");
  check_map("Bügın öñır äkımdıgınde Şyğys Qazaqstan oblysy mäslihatynyñ sessiiasy öttı");
  check_map("Bu'gin o'n'ir a'kimdiginde S'yg'ys Qazaqstan oblysy ma'sli'hatynyn'");
  // Combining marks and emoji (4-byte sequences) before, between and after words.
  check_map("😀 Bu\xcc\x81gin 👍🏽 o\xcc\x81n\xcc\x81ir a\xcc\x81kimdiginde Qazaqstan 🇰🇿");

  std::string text = "😀 Bu\xcc\x81gin Astanada sóz sóıledi 🇰🇿";
  Transliteration tr = latin_to_cyrillic(text);
  REQUIRE(tr.changed());
  const std::string& c = tr.text();
  CHECK(c == "😀 Бүгін Астанада сөз сөйледі 🇰🇿");
  // "Астанада" in the Cyrillic form maps onto "Astanada" in the original.
  std::size_t b = c.find("Астанада"), e = b + std::string("Астанада").size();
  std::size_t ob = tr.original_begin(b), oe = tr.original_end(e);
  CHECK(text.substr(ob, oe - ob) == "Astanada");
  // "Бүгін" maps onto the 7 bytes of "Bu" U+0301 "gin", the emoji before it untouched.
  b = c.find("Бүгін");
  ob = tr.original_begin(b);
  oe = tr.original_end(b + std::string("Бүгін").size());
  CHECK(text.substr(ob, oe - ob) == "Bu\xcc\x81gin");
  CHECK(ob == 5);
  // The flag after the last word: copied text maps byte for byte.
  CHECK(tr.original_end(c.size()) == text.size());
  CHECK(tr.original_begin(c.size() - 8) == text.size() - 8);
}

TEST_CASE("latin: random mixtures of letters, marks, apostrophes, emoji keep the map whole") {
  // Pieces that meet at every kind of boundary; a fixed LCG makes the texts the same each run.
  const char* pieces[] = {"Búgin", " ", "a\xcc\x81", "\xcc\x81", "'", "’", "n'", "Qazaqstan",
                          "😀", "👍🏽", "-", ".", "ıa", "I", "SH", "Şyğys", "ǵ", "Әb", "ә",
                          "https://a.kz/x", "the", "\n", "ТОҚАЕВ", "у", "17-i", "ŋ", "İ", "x", "í"};
  const std::size_t n = sizeof(pieces) / sizeof(pieces[0]);
  std::uint32_t state = 12345;
  int changed = 0;
  for (int doc = 0; doc < 400; ++doc) {
    std::string text = "Búgin Qazaqstan ";  // a Kazakh start, so that many texts are converted
    for (int i = 0; i < 30; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % n];
    }
    CAPTURE(text);
    Transliteration tr = latin_to_cyrillic(text);
    if (!tr.changed()) continue;
    ++changed;
    CHECK(belgi::utf8::valid(tr.text()));
    CHECK(tr.text().find('\0') == std::string::npos);  // í, x́: a mark no Kazakh letter has
    for (const Transliteration::Word& w : tr.words()) CHECK(w.out_len >= 2);  // Cyrillic letters
    check_map(text);
  }
  CHECK(changed > 100);
}

// Found by fuzz_annotate: a Latin word shorter than an English contraction's tail (`w`, `s`)
// made the tail check read before the word (undefined behaviour, caught by UBSan).
TEST_CASE("latin: one-letter words in a Latin text") {
  const std::string text = "Búgin w s d m t Astanada jıyn ótti. n' y' s";
  const Transliteration tr = latin_to_cyrillic(text);
  CHECK(tr.text().find("Бүгін") != std::string::npos);
  CHECK(cyr("w") == "w");
}

// Hostile input stays linear: in a long run without spaces every letter is a word, and whether
// the run is an address is asked once for the run, not once a word (this took 13.5 s at 80 KB).
TEST_CASE("latin: a long run without spaces") {
  std::string run;
  for (int i = 0; i < 100000; ++i) run += "a1";
  const Transliteration tr = latin_to_cyrillic(run);
  CHECK_FALSE(tr.changed());
  CHECK(cyr("Búgin " + run + " ótti.").size() > run.size());
}
