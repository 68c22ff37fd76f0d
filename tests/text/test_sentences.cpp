// Sentence splitting: abbreviations, initials, dates, quotes, line breaks.
#include <doctest/doctest.h>

#include <string>

#include "text/sentences.h"
#include "text/tokenizer.h"

namespace {

// Sentences joined by " || ", each as the exact slice of the text.
std::string sents(const std::string& text) {
  auto toks = belgi::text::tokenize(text);
  std::string out;
  for (const auto& s : belgi::text::split_sentences(text, toks)) {
    REQUIRE(s.first < s.last);
    REQUIRE(s.begin == toks[s.first].begin);
    REQUIRE(s.end == toks[s.last - 1].end);
    if (!out.empty()) out += " || ";
    out += text.substr(s.begin, s.end - s.begin);
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

const Case kCases[] = {
    {"Форум өтті. Іс-шара аяқталды.", "Форум өтті. || Іс-шара аяқталды."},
    {"Не болды? Білмеймін! Жарайды.", "Не болды? || Білмеймін! || Жарайды."},
    // initials and names
    {"А. Жұмағали баяндама жасады. Форум жалғасты.", "А. Жұмағали баяндама жасады. || Форум жалғасты."},
    {"Қ.-Ж. Тоқаев пен Ә. Смайылов кездесті.", "Қ.-Ж. Тоқаев пен Ә. Смайылов кездесті."},
    // abbreviations
    {"Мектептер, ауруханалар т.б. салынды. Жұмыс жалғасады.", "Мектептер, ауруханалар т.б. салынды. || Жұмыс жалғасады."},
    {"2023 ж. 5 желтоқсанда өтті.", "2023 ж. 5 желтоқсанда өтті."},
    {"XXI ғ. басында басталды.", "XXI ғ. басында басталды."},
    {"проф. Сәтбаев атындағы университет", "проф. Сәтбаев атындағы университет"},
    {"5 млн. теңге бөлінді.", "5 млн. теңге бөлінді."},
    {"ҚР Президенті сөз сөйледі. ҚР ІІМ хабарлады.", "ҚР Президенті сөз сөйледі. || ҚР ІІМ хабарлады."},
    // numbers and dates never split
    {"05.12.2023 күні форум өтті.", "05.12.2023 күні форум өтті."},
    {"Бағасы 2,5 млрд теңге. Құрылыс басталды.", "Бағасы 2,5 млрд теңге. || Құрылыс басталды."},
    // quotes
    {"«Бұл маңызды», - деді ол. Сосын кетті.", "«Бұл маңызды», - деді ол. || Сосын кетті."},
    {"«Неге?» – деп сұрады ол.", "«Неге?» – деп сұрады ол."},
    {"Ол: «Келемін.» Сосын кетті.", "Ол: «Келемін.» || Сосын кетті."},
    // line breaks: headlines and datelines are their own sentences; hard wraps are not
    {"Астанада форум өтті\n\n Халық үні 05.12.2023 | 17:20\nфото: Антикор",
     "Астанада форум өтті || Халық үні 05.12.2023 | 17:20 || фото: Антикор"},
    {"Сыбайлас жемқорлыққа қарсы қызметтің төрағасы форумда\nбаяндама жасады.",
     "Сыбайлас жемқорлыққа қарсы қызметтің төрағасы форумда\nбаяндама жасады."},
    {"Сыбайлас жемқорлыққа қарсы қызметтің төрағасы форумда\n\nбаяндама жасады.",
     "Сыбайлас жемқорлыққа қарсы қызметтің төрағасы форумда || баяндама жасады."},
    {"  • ашықтығы;\n  • цифрландыру;", "• ашықтығы; || • цифрландыру;"},
    {"Астана. KAZINFORM — Бүгін форум өтті.", "Астана. || KAZINFORM — Бүгін форум өтті."},
    // Latin and emoji
    {"Astanada forum ótti. Ol sóiledi.", "Astanada forum ótti. || Ol sóiledi."},
    {"Жеңіс! 🎉 Құрама финалда.", "Жеңіс! || 🎉 Құрама финалда."},
    {"Күте тұрыңыз... Нәтиже белгілі болды.", "Күте тұрыңыз... || Нәтиже белгілі болды."},
    {"", ""},
    {"   \n\n  ", ""},
};

}  // namespace

TEST_CASE("sentences: table") {
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    CHECK(sents(c.input) == c.expected);
  }
}

TEST_CASE("sentences: cover all tokens in order") {
  std::string text =
      "Бүгін Астанада форум өтті. А. Жұмағали: «Біз жеңдік.» Т.б. 😀\nЖаңа жол. 2023 ж. Соңы";
  auto toks = belgi::text::tokenize(text);
  auto ss = belgi::text::split_sentences(text, toks);
  std::size_t next = 0;
  for (const auto& s : ss) {
    CHECK(s.first == next);
    next = s.last;
  }
  CHECK(next == toks.size());
}

TEST_CASE("sentences: abbreviation list") {
  CHECK(belgi::text::is_abbreviation("т"));
  CHECK(belgi::text::is_abbreviation("млн"));
  CHECK_FALSE(belgi::text::is_abbreviation("астана"));
}
