// Kinds of quote that written news uses often (issue 19, session 11), each in sentences written
// for Belgi in varied news phrasing: straight marks nested in straight marks, cue phrases with
// an object or adverb before their verb, a clause between a cue and its speaker or between a
// subject and the opening mark, a headline with a PERSON before a colon.
#include <doctest/doctest.h>

#include "quotes/cases.h"

using namespace belgi::test::quote_cases;

TEST_CASE("written news: straight marks nested in straight marks") {
  const Case cases[] = {
      {"a straight mark placed like an opener opens a pair inside the open one",
       "\"Біз \"Жасыл ел\" бағдарламасына биыл да қатысамыз. Көшет отырғызамыз\", - деді ол.",
       {{"Біз \"Жасыл ел\" бағдарламасына биыл да қатысамыз. Көшет отырғызамыз", "guillemets",
         "деді", "ол"}}},
      {"the sentence before the opening mark stays out of the quote",
       "Бапкер ойынды талдады. \"Бірінші таймда қателік көп болды. Жігіттер \"жеңеміз\" деп алға "
       "ұмтылды\", - деді Ерлан Сапаров.",
       {{"Бірінші таймда қателік көп болды. Жігіттер \"жеңеміз\" деп алға ұмтылды", "guillemets",
         "деді", "Ерлан Сапаров"}}},
      {"a quote continued over a paragraph with a nested pair in the first one",
       "\"Ауылға жол керек. Жұрт мұны \"ғасыр жобасы\" дейді.\n\nБалалар мектепке жаяу барады. "
       "Қыста бұл өте қиын\", - дейді тұрғын Мақпал Серікова.",
       {{"Ауылға жол керек. Жұрт мұны \"ғасыр жобасы\" дейді.\n\nБалалар мектепке жаяу барады. "
         "Қыста бұл өте қиын",
         "guillemets", "дейді", "тұрғын Мақпал Серікова"}}},
      {"a name in nested straight marks inside a sentence is still no quote",
       "Ол \"Бірлік\" клубының ойыншысы \"Ордабасы\" командасына ауысты.", {}},
  };
  for (const Case& c : cases) check_case(c);
}
