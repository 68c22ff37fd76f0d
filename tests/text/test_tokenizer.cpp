// Tokenizer tables: real news phrasing, KazNERD conventions (../shared/data/kaznerd).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"
#include "text/utf8.h"

using belgi::text::Token;
using belgi::text::TokenKind;
using belgi::text::tokenize;

namespace {

// Tokens joined by " | ", checking the slice invariant on the way.
std::string toks(const std::string& text) {
  std::string out;
  for (const Token& t : tokenize(text)) {
    REQUIRE(t.begin < t.end);
    REQUIRE(t.end <= text.size());
    if (!out.empty()) out += " | ";
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

// Each case: input, then its tokens joined by " | ".
const Case kCases[] = {
    // Kazakh words and case suffixes
    {"Астанада форум өтті.", "Астанада | форум | өтті | ."},
    {"Қазақстан Республикасы Президентінің", "Қазақстан | Республикасы | Президентінің"},
    {"Сыбайлас жемқорлыққа қарсы қызметтің төрағасы", "Сыбайлас | жемқорлыққа | қарсы | қызметтің | төрағасы"},
    {"Әміре, Ұлытау, Үркер, Іле, Өскемен, Ғабит, Һ", "Әміре | , | Ұлытау | , | Үркер | , | Іле | , | Өскемен | , | Ғабит | , | Һ"},
    // hyphenated words are one token
    {"Нұр-Сұлтан қаласы", "Нұр-Сұлтан | қаласы"},
    {"БҰҰ-ның конвенциясы", "БҰҰ-ның | конвенциясы"},
    {"2020-сыншы жылы", "2020-сыншы | жылы"},
    {"бизнес-климатын жақсарту", "бизнес-климатын | жақсарту"},
    {"Сондай-ақ, іс-шара өтті", "Сондай-ақ | , | іс-шара | өтті"},
    {"Қасым-Жомарт Тоқаев", "Қасым-Жомарт | Тоқаев"},
    {"1-інші орын", "1-інші | орын"},
    {"5-желтоқсан", "5-желтоқсан"},
    {"желтоқсанның 5-і", "желтоқсанның | 5-і"},
    {"30 %-ке өсті", "30 | %-ке | өсті"},
    {"КОВИД-19 пандемиясы", "КОВИД-19 | пандемиясы"},
    {"Премьер-министрдің орынбасары", "Премьер-министрдің | орынбасары"},
    {"әл-Фараби атындағы ҚазҰУ", "әл-Фараби | атындағы | ҚазҰУ"},
    {"Boeing-тың ұшағы", "Boeing-тың | ұшағы"},
    {"ата-аналар мен мұғалімдер", "ата-аналар | мен | мұғалімдер"},
    {"90-жылдары", "90-жылдары"},
    {"2020-2025 жылдары", "2020-2025 | жылдары"},
    // guillemets and quotes are separate
    {"«Қазақпарат» агенттігі", "« | Қазақпарат | » | агенттігі"},
    {"«Қазақстан темір жолы» ҰК АҚ", "« | Қазақстан | темір | жолы | » | ҰК | АҚ"},
    {"„Алаш“ партиясы", "„ | Алаш | “ | партиясы"},
    {"\"Toyota Camry\" көлігі", "\" | Toyota | Camry | \" | көлігі"},
    {"«аурудан» арылту", "« | аурудан | » | арылту"},
    // punctuation and dashes
    {"маңызды», - деді Асхат Жұмағали.", "маңызды | » | , | - | деді | Асхат | Жұмағали | ."},
    {"— Полиция тіркелді, — делінген хабарламада.", "— | Полиция | тіркелді | , | — | делінген | хабарламада | ."},
    {"бағытта – қоғамдық сана", "бағытта | – | қоғамдық | сана"},
    {"Не болды?! Білмеймін...", "Не | болды | ? | ! | Білмеймін | ..."},
    {"(ҚР ІІМ)", "( | ҚР | ІІМ | )"},
    {"картасы қолданылады: мониторинг", "картасы | қолданылады | : | мониторинг"},
    {"ашықтығы;", "ашықтығы | ;"},
    {"  • мемлекеттік сатып алу", "• | мемлекеттік | сатып | алу"},
    {"№5 мектеп", "№ | 5 | мектеп"},
    {"шешім [1] бойынша", "шешім | [ | 1 | ] | бойынша"},
    // numbers: dates, times, decimals are single tokens
    {"Халық үні 05.12.2023 | 17:20", "Халық | үні | 05.12.2023 | | | 17:20"},
    {"2.09.2025, 17:15", "2.09.2025 | , | 17:15"},
    {"2023-12-05 күні", "2023-12-05 | күні"},
    {"05/12/2023", "05/12/2023"},
    {"сағат 10:00-де", "сағат | 10:00-де"},
    {"2,5 млрд теңге", "2,5 | млрд | теңге"},
    {"1 000 000 адам", "1 | 000 | 000 | адам"},
    {"25%", "25 | %"},
    {"$100", "$ | 100"},
    {"2023 ж. 5 желт.", "2023 | ж | . | 5 | желт | ."},
    // abbreviations and initials: the full stop is its own token
    {"т.б. жұмыстар", "т | . | б | . | жұмыстар"},
    {"А. Жұмағали айтты", "А | . | Жұмағали | айтты"},
    {"Ж.Жұмағали", "Ж | . | Жұмағали"},
    {"АСТАНА. KAZINFORM — Бүгін", "АСТАНА | . | KAZINFORM | — | Бүгін"},
    // Latin script, Russian, mixed
    {"Qazaqstan Respublikasynyń Prezidenti", "Qazaqstan | Respublikasynyń | Prezidenti"},
    {"Astanada ótti.", "Astanada | ótti | ."},
    {"Президент России Владимир Путин", "Президент | России | Владимир | Путин"},
    {"iPhone 15 Pro", "iPhone | 15 | Pro"},
    {"o'zbek tili", "o'zbek | tili"},
    // web: domains, URLs, e-mail, handles
    {"деп хабарлайды qazaquni.kz", "деп | хабарлайды | qazaquni.kz"},
    {"Tengrinews.kz сайты", "Tengrinews.kz | сайты"},
    {"BAQ.KZ тілшісі", "BAQ.KZ | тілшісі"},
    {"A.Zhumagali", "A | . | Zhumagali"},
    {"(https://kaz.inform.kz/news/abc).", "( | https://kaz.inform.kz/news/abc | ) | ."},
    {"www.akorda.kz сайтында", "www.akorda.kz | сайтында"},
    {"info@gov.kz поштасы", "info@gov.kz | поштасы"},
    {"@tokayev_kz және #Астана", "@tokayev_kz | және | #Астана"},
    // emoji, combining marks, NBSP, soft hyphen, zero-width space
    {"😀 Асхат", "😀 | Асхат"},
    {"👍🏽 жақсы", "👍🏽 | жақсы"},
    {"👨‍👩‍👧 отбасы", "👨‍👩‍👧 | отбасы"},
    {"🇰🇿 Қазақстан", "🇰🇿 | Қазақстан"},
    {"Астана😀", "Астана | 😀"},
    {"е\u0301сеп", "е\u0301сеп"},
    {"Асхат\u00a0Жұмағали", "Асхат | Жұмағали"},
    {"жем\u00adқорлық", "жем\u00adқорлық"},
    {"бір\u200bекі", "бір | екі"},
    {"1️⃣ бірінші", "1️⃣ | бірінші"},
    // whitespace of every kind, empty
    {"", ""},
    {" \t\n\r\u00a0\u2009\u3000", ""},
    {"бір\r\nекі", "бір | екі"},
};

}  // namespace

TEST_CASE("tokenizer: table of news phrases") {
  CHECK(sizeof(kCases) / sizeof(kCases[0]) >= 60);
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    CHECK(toks(c.input) == c.expected);
  }
}

TEST_CASE("tokenizer: kinds") {
  std::string text = "Астана 2023 , % 😀 qazaquni.kz 5-і";
  std::vector<Token> t = tokenize(text);
  REQUIRE(t.size() == 7);
  CHECK(t[0].kind == TokenKind::word);
  CHECK(t[1].kind == TokenKind::number);
  CHECK(t[2].kind == TokenKind::punct);
  CHECK(t[3].kind == TokenKind::symbol);
  CHECK(t[4].kind == TokenKind::emoji);
  CHECK(t[5].kind == TokenKind::url);
  CHECK(t[6].kind == TokenKind::number);
}

TEST_CASE("tokenizer: byte offsets are exact around multi-byte characters") {
  std::string text = "😀 Ә\u0301 «Нұр-Сұлтан»";
  std::vector<Token> t = tokenize(text);
  REQUIRE(t.size() == 5);
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 4);  // emoji: 4 bytes
  CHECK(t[1].begin == 5);
  CHECK(t[1].end == 9);  // Ә (2 bytes) + combining acute (2 bytes)
  CHECK(text.substr(t[3].begin, t[3].end - t[3].begin) == "Нұр-Сұлтан");
  CHECK(t[4].end == text.size());
}

TEST_CASE("tokenizer: tokens never contain whitespace and cover every non-space character") {
  std::string text = "Бүгін\u00a0Астанада «Қазақстанның ... саясаты» 😀👍🏽 форумы өтті.\n\n  • заң;";
  std::vector<Token> t = tokenize(text);
  std::vector<bool> covered(text.size(), false);
  for (const Token& k : t)
    for (std::size_t i = k.begin; i < k.end; ++i) covered[i] = true;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t c = belgi::utf8::next(text, pos);
    bool space = c == ' ' || c == '\n' || c == 0xA0;
    CAPTURE(start);
    CHECK(covered[start] == !space);
  }
}

// The decoder reads ASCII and two-byte sequences without a bound check before the last byte and
// hands the last byte (and anything longer) to ICU: a text that ends in each kind, or is a single
// character, is cut the same way, and the last token ends at the text's end.
TEST_CASE("tokenizer: the text's last character, of every length") {
  const Case cases[] = {
      {"a", "a"},
      {"Қ", "Қ"},
      {"сөз Қ", "сөз | Қ"},
      {"сөз—", "сөз | —"},
      {"сөз 😀", "сөз | 😀"},
      {"сөзе\u0301", "сөзе\u0301"},
      {"2023 ж.", "2023 | ж | ."},
      {"«Қ»", "« | Қ | »"},
      {"ә ", "ә"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(toks(c.input) == c.expected);
  }
}
