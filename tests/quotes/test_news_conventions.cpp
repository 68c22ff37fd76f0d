// The guidelines' conventions on written news (issue 19, session 12), each in sentences written
// for Belgi in news phrasing: what is not a quote (names, titles, terms, sayings, slogans, a
// law's or a document's name, words mentioned as words, the first words of a poem or letter),
// and kinds of quote news writes (a dash quote after a colon inside a paragraph, a saying with
// its speaker, a speaker before a colon with adjuncts).
#include <doctest/doctest.h>

#include "quotes/cases.h"

using namespace belgi::test::quote_cases;

TEST_CASE("written news: names, titles, terms and sayings in marks are no quotes") {
  const Case cases[] = {
      {"a naming verb after a dash makes a name",
       "«Ауылдағы мектеп» — деп аталатын жоба биыл басталды.", {}},
      {"the first words of a poem are its name",
       "Мұқағали Мақатаевтың «Ақ қайыңдар ақ самайлы…» деп басталатын өлеңі оқылды.", {}},
      {"the first words of a letter are its name",
       "«Қымбатты әріптестер!» деп басталған хат барлық мектепке жіберілді.", {}},
      {"a question named by деген before an oblique noun: the role after it answers",
       "Депутаттың «Неге жол жөнделмей жатыр?» деген сауалына министр жауап берді.", {}},
      {"a law's name before its type noun",
       "Депутаттар «Білім туралы» Заңның 47-бабына түзету енгізуді ұсынды.", {}},
      {"a slogan named as such",
       "Шеруге шыққандар «Таза ауа – бәріміздің құқығымыз» деген ұран көтерді.", {}},
      {"a saying with no speaker",
       "Қазақта «Көп жасағаннан емес, көпті көргеннен сұра» деген сөз бар.", {}},
      {"a term named by a verb of naming",
       "Сарапшылар бұл жағдайды «қаржылық пирамида» деп атайды.", {}},
      {"a word mentioned as a word",
       "Сөздікте «цифрландыру» термині алғаш рет 2018 жылы енгізілген.", {}},
      {"scare quotes",
       "Кейбір «сарапшылар» бұл жобаның пайдасы жоқ екенін алға тартады.", {}},
      {"a post's title",
       "Ол өз парақшасында «Жаңа жылға жаңа мақсат» атты жазба жариялады.", {}},
      {"a letter's subject",
       "Тұрғындар әкімге «Ауылға су керек» деген тақырыппен хат жолдады.", {}},
      {"a sign's words",
       "Қақпада «Кіруге тыйым салынады» деген жазу тұр.", {}},
      {"a document's name and an address label",
       "Үкіметтің «Қазақстанның 2030 жылға дейінгі даму стратегиясы» құжаты қабылданды.\n\n"
       "Мекенжайы: «Абай» даңғылы, 12-үй.",
       {}},
      {"indirect speech with a source phrase",
       "Министрдің сөзінше, биыл 50 мектеп салынады. Сарапшының пікірінше, инфляция төмендейді.\n\n"
       "ҚазАқпарат хабарлауынша, жиында 20 мәселе қаралды.",
       {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: a dash quote after a colon inside a paragraph") {
  const Case cases[] = {
      {"a lead verb before the colon",
       "Әкім журналистердің сұрағына жауап берді: – Биыл егіс көлемі 10 пайызға артты.",
       {{"Биыл егіс көлемі 10 пайызға артты", "dash", "жауап берді", "Әкім"}}},
      {"a speech verb, two sentences",
       "Жиында аудан әкімі Серік Омаров сөз сөйледі: – Биыл егіс көлемі артты. Келесі жылы да "
       "осы қарқынды сақтаймыз.",
       {{"Биыл егіс көлемі артты. Келесі жылы да осы қарқынды сақтаймыз", "dash", "сөз сөйледі",
         "Серік Омаров"}}},
      {"a PERSON alone before the colon",
       "Серік Омаров: – Биыл егіс көлемі 10 пайызға артты.",
       {{"Биыл егіс көлемі 10 пайызға артты", "dash", ":", "Серік Омаров"}}},
      {"the speech ends where the narrator names someone again",
       "Жиында әкім мынаны айтты: – Биыл жол салынады. Тұрғындар бұған қуанды. Облыс әкімі "
       "жобаны қолдады.",
       {{"Биыл жол салынады. Тұрғындар бұған қуанды", "dash", "мынаны айтты", "әкім"}}},
      {"closed by its own attribution: the unmarked rule, the attribution outside",
       "Әкім сұраққа жауап берді: – Су құбыры күзде жөнделеді, – деді ол.",
       {{"Су құбыры күзде жөнделеді", "unmarked", "деді", "ол"}}},
      {"a label before a colon and a dash list stay no quote",
       "Нәтижесі: – Биыл 20 мектеп салынды. – 5 аурухана жөнделді.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: sayings with a speaker, speakers before a colon") {
  const Case cases[] = {
      {"a proverb after a people's name and a colon",
       "Қазақ: «Жеті атасын білмеген – жетесіз».",
       {{"Жеті атасын білмеген – жетесіз", "colon", ":", "Қазақ"}}},
      {"a proverb with a dash and a cue",
       "Халық: «Жеті атасын білмеген – жетесіз», – дейді.",
       {{"Жеті атасын білмеген – жетесіз", "guillemets", "дейді", "Халық"}}},
      {"a place before an oblique noun is an adjunct, the role speaks",
       "Министр Ресей басылымына берген сұхбатында: «Біз бұл іске дайынбыз».",
       {{"Біз бұл іске дайынбыз", "colon", ":", "Министр"}}},
      {"likewise with a cue after the marks",
       "Министр Ресей басылымына берген сұхбатында: «Біз дайынбыз», – деді.",
       {{"Біз дайынбыз", "guillemets", "деді", "Министр"}}},
  };
  for (const Case& c : cases) check_case(c);
}
