// Written-news forms found on the second development part of news-train (docs/quotes.md,
// session 10), in sentences written for Belgi: headers and interview turns run together with
// the text around them, a header before a cut-off answer, speakers set off by a comma.
#include <doctest/doctest.h>

#include "quotes/cases.h"

using namespace belgi::test::quote_cases;

TEST_CASE("written news: headers and turns run together, appositive speakers") {
  const Case cases[] = {
      {"a NAME, ROLE: header and a dash inside a paragraph, then the narrator again",
       "Биыл су мол болды. Серік Омаров, шаруа: – Биыл мақта жақсы шықты. Суды уақытында "
       "алдық. Облыс әкімі шаруаларға қосымша техника бөлді.",
       {{"Биыл мақта жақсы шықты. Суды уақытында алдық", "dash", ":", "Серік Омаров"}}},
      {"a NAME, ROLE: header inside a paragraph, the speech to the paragraph end",
       "Жиында фермерлер сөз алды. Серік Омаров, шаруа: – Биыл мақта жақсы шықты. Суды "
       "уақытында алдық.",
       {{"Биыл мақта жақсы шықты. Суды уақытында алдық", "dash", ":", "Серік Омаров"}}},
      {"transcript turns, each a header and a dash opening its paragraph",
       "Тілші: – Биыл ауылда қанша үй салынады?\nСерік ОМАРОВ, аудан әкімі: – Биыл жүз үй "
       "салынады.",
       {{"Биыл ауылда қанша үй салынады?", "dash", ":", "Тілші"},
        {"Биыл жүз үй салынады", "dash", ":", "Серік ОМАРОВ"}}},
      {"a header inside a paragraph needs a PERSON: a label and a list item are no speech",
       "Жиында көп мәселе көтерілді. Қорытынды, нәтиже: – Биыл жүз үй салынады.", {}},
      {"an interview's first question glued to the paragraph before",
       "Атаулы күнде облыс әкімімен сұхбаттастық.– Ерлан Серікұлы, биыл қандай жобалар іске "
       "асады?\n– Биыл ауылдарда жаңа мектептер ашылады. Жолдар да жөнделеді.",
       {{"Ерлан Серікұлы, биыл қандай жобалар іске асады", "dash", "", ""},
        {"Биыл ауылдарда жаңа мектептер ашылады. Жолдар да жөнделеді", "dash", "", ""}}},
      {"a header line, then an answer cut off by the end of the excerpt",
       "Жиынға аудандық полиция бөлімінің бастығы қатысты.\n\n"
       "Ерлан Сәрсенов – аудандық полиция бөлімінің бастығы:\n\n"
       "– Биыл қылмыс саны 20 пайызға азайды. Көшедегі құқықбұзушылық та төмендеп, жыл басынан бері",
       {{"Биыл қылмыс саны 20 пайызға азайды. Көшедегі құқықбұзушылық та төмендеп, жыл басынан бері",
         "dash", ":", "Ерлан Сәрсенов"}}},
      {"a comma, then a role closing the sentence after the cue",
       "«Бұл көрмеге он жыл бойы дайындалдым», – дейді, қылқалам шебері.",
       {{"Бұл көрмеге он жыл бойы дайындалдым", "guillemets", "дейді", "қылқалам шебері"}}},
      {"a belief noun after деген, the speaker before the mark",
       "Ғалымдар «жаңа дәрі аурудың алдын алуға көмектеседі» деген тұжырымға келді.",
       {{"жаңа дәрі аурудың алдын алуға көмектеседі", "guillemets", "деген тұжырымға", "Ғалымдар"}}},
      {"split by an attribution that goes on after the speaker",
       "«Бұл жол біз үшін өте маңызды, – деді ол журналистерге. – Жұмыс тоқтамайды».",
       {{"Бұл жол біз үшін өте маңызды", "guillemets", "деді", "ол"},
        {"Жұмыс тоқтамайды", "guillemets", "деді", "ол"}}},
      {"an adjunct between the dash and the cue, the speaker after the cue",
       "«Жұмыс биыл жалғасады», – журналистерге деді министр.",
       {{"Жұмыс биыл жалғасады", "guillemets", "деді", "министр"}}},
      {"a lead that tells, then a dash paragraph: the lead's speaker",
       "Ауыл тұрғыны Айгүл Сәрсенова бізге мән-жайды айтып берді.\n\n– Су үш күннен бері жоқ. "
       "Балалар ауырып жатыр. Әкімдікке бірнеше рет бардық.",
       {{"Су үш күннен бері жоқ. Балалар ауырып жатыр. Әкімдікке бірнеше рет бардық", "dash", "",
         "Айгүл Сәрсенова"}}},
      {"a cause in someone's words, closed by байланыстырған",
       "Маман өрттің себебін «үйдегі ескі электр сымының ақауымен» байланыстырған.",
       {{"үйдегі ескі электр сымының ақауымен", "guillemets", "байланыстырған", "Маман"}}},
      {"a PERSON in the dative after the cue is the addressee: the subject before speaks",
       "Әкім жиында сөз сөйледі. «Жарайсың, бүгін жақсы жұмыс істедің», – деді Ерлан Сәрсеновке.",
       {{"Жарайсың, бүгін жақсы жұмыс істедің", "guillemets", "деді", "Әкім"}}},
      {"a name in the genitive before a number ends the speaker (a possessor)",
       "Туған жер — алтын бесігім, - деп жырлаған ақын Серік Омаровтың 80 жылдық мерейтойы "
       "атап өтілді.",
       {{"Туған жер — алтын бесігім", "unmarked", "деп жырлаған", "ақын Серік Омаровтың"}}},
  };
  for (const Case& c : cases) check_case(c);
}
