// Kinds of quote that written news uses often (issue 19, session 11), each in sentences written
// for Belgi in varied news phrasing: straight marks nested in straight marks, cue phrases with
// an object or adverb before their verb, a clause between a cue and its speaker or between a
// subject and the opening mark, a headline with a PERSON before a colon.
#include <doctest/doctest.h>

#include "quotes/cases.h"

using namespace belgi::test::quote_cases;

TEST_CASE("written news: straight marks nested in straight marks, quotes over paragraphs") {
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
      {"a guillemet opened inside a paragraph, closed in the next one",
       "Әкім жиында «Біз жол саламыз.\n\nБұл жол үш ауылды байланыстырады», – деді.",
       {{"Біз жол саламыз.\n\nБұл жол үш ауылды байланыстырады", "guillemets", "деді", "Әкім"}}},
      {"an unclosed guillemet before a paragraph that closes none is dropped",
       "Әкім жиында «Біз жол саламыз.\n\nТұрғындар бұл жаңалыққа қуанып отыр. «Жол бізге "
       "ауадай қажет», – дейді олар.",
       {{"Жол бізге ауадай қажет", "guillemets", "дейді", "олар"}}},
      {"a name in nested straight marks inside a sentence is still no quote",
       "Ол \"Бірлік\" клубының ойыншысы \"Ордабасы\" командасына ауысты.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: cue phrases with a word before their verb, cue forms") {
  const Case cases[] = {
      {"an adverb between деп and a past in -ті",
       "«Ешкім жауапсыз қалмайды», – деп қатаң ескертті прокурор.",
       {{"Ешкім жауапсыз қалмайды", "guillemets", "деп қатаң ескертті", "прокурор"}}},
      {"an object noun and a light verb",
       "«Алдағы айда бағалар тұрақталады», – деп болжам жасады экономист.",
       {{"Алдағы айда бағалар тұрақталады", "guillemets", "деп болжам жасады", "экономист"}}},
      {"a word in the instrumental before the verb, then a role and a PERSON",
       "«Жыл сайын келушілер көбейіп келеді», – деп қуанышымен бөлісті гид Мәди Оспанов.",
       {{"Жыл сайын келушілер көбейіп келеді", "guillemets", "деп қуанышымен бөлісті",
         "гид Мәди Оспанов"}}},
      {"a plural subject after a -ты past",
       "«Көлдің суы тартылып барады», – деп дабыл қақты белсенділер.",
       {{"Көлдің суы тартылып барады", "guillemets", "деп дабыл қақты", "белсенділер"}}},
      {"an accusative in -ті before the verb is no verb",
       "«Бұл жол екі жылда салынуы керек еді», – деп мердігерді сынады депутат.",
       {{"Бұл жол екі жылда салынуы керек еді", "guillemets", "деп мердігерді сынады", "депутат"}}},
      {"the first person plural дедік",
       "«Біз бәрібір жеңеміз», – дедік біз бір ауыздан.",
       {{"Біз бәрібір жеңеміз", "guillemets", "дедік", "біз"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: clauses around the words, a PERSON's headline") {
  const Case cases[] = {
      {"a converb clause between the cue and the speaker",
       "«Ол жылдары бәрі қиын болды», – деді, көзіне жас алып, ардагер Мұхтар Сейітов.",
       {{"Ол жылдары бәрі қиын болды", "guillemets", "деді", "ардагер Мұхтар Сейітов"}}},
      {"a converb clause between the subject and the opening mark (short words need it)",
       "Әкім, жиынды қорытындылай келе, «Жұмыс жалғасады» деп атап өтті.",
       {{"Жұмыс жалғасады", "guillemets", "деп атап өтті", "Әкім"}}},
      {"a clause with no one after it leaves the speaker unnamed",
       "«Жөндеу аяқталды», – деді, қолын сермеп, бөлмеден шыға беріп.",
       {{"Жөндеу аяқталды", "guillemets", "деді", ""}}},
      {"a PERSON's headline: a colon and a clause closed by a verb",
       "Тоқаев: «Реформалар жалғасады»",
       {{"Реформалар жалғасады", "colon", ":", "Тоқаев"}}},
      {"a label before a colon and a name in marks stay no quote",
       "Фильмнің аты: «Алмас қылыш»\nЖоба авторы Айгүл Сәрсенова: «Жаңа кітап»", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: attributions before the words, a dash after a colon, a next sentence in marks") {
  const Case cases[] = {
      {"a lead verb `тоқталып өтті` before a colon, then a plain paragraph",
       "Басқарма басшысы Айбек Сұлтанов бұл мәселеге тоқталып өтті:\nБиыл ауылдарда жиырма "
       "амбулатория ашылады. Жас мамандарға баспана беріледі.",
       {{"Биыл ауылдарда жиырма амбулатория ашылады. Жас мамандарға баспана беріледі", "unmarked",
         "тоқталып өтті", "Басқарма басшысы Айбек Сұлтанов"}}},
      {"`мынаны жеткізді:` announces the paragraph after a blank line",
       "Кеңесте сөз алған кәсіпкер Арман Жүсіпов мынаны жеткізді:\n\nНесие алу әлі де қиын. "
       "Банктер кепілдік сұрайды, ал бізде ондай мүлік жоқ.",
       {{"Несие алу әлі де қиын. Банктер кепілдік сұрайды, ал бізде ондай мүлік жоқ", "unmarked",
         "мынаны жеткізді", "Арман Жүсіпов"}}},
      {"a lead `сөз алды` before a dash paragraph",
       "Жиында ардагер Болат Мұқанов сөз алды.\n\n– Жыл сайын уәде береді, бірақ жол "
       "жөнделмейді. Көлік жүре алмайды.",
       {{"Жыл сайын уәде береді, бірақ жол жөнделмейді. Көлік жүре алмайды", "dash", "",
         "Болат Мұқанов"}}},
      {"speech opened by a dash after a colon inside the paragraph starts there",
       "Аудан әкімі сұраққа жауап берді: – Су мәселесі биыл шешіледі, – деді ол.",
       {{"Су мәселесі биыл шешіледі", "unmarked", "деді", "ол"}}},
      {"a pair that is the next sentence after an attribution goes on with its speaker",
       "«Мердігер анықталды, жұмыс мамырда басталады», – деді ол. «Бұл жол аудан орталығын үш "
       "ауылмен байланыстырады».",
       {{"Мердігер анықталды, жұмыс мамырда басталады", "guillemets", "деді", "ол"},
        {"Бұл жол аудан орталығын үш ауылмен байланыстырады", "guillemets", "", "ол"}}},
      {"a name in marks opening the next sentence is no continuation",
       "«Біз жақсы дайындалдық», – деді бапкер. «Қайрат» командасы ертең ойнайды.",
       {{"Біз жақсы дайындалдық", "guillemets", "деді", "бапкер"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: an adjunct between the subject and the opening mark") {
  const Case cases[] = {
      {"a place adjunct before the mark, short words, the subject before it speaks",
       "Министр брифингте «Баға өспейді» деді.",
       {{"Баға өспейді", "guillemets", "деді", "Министр"}}},
      {"an instrumental and a locative before the mark",
       "Әкім тұрғындармен кездесуде «Жол салынады» деп уәде берді.",
       {{"Жол салынады", "guillemets", "деп уәде берді", "Әкім"}}},
      {"a capitalized document name in the locative",
       "Президент Жолдауында «Ешкім шетте қалмайды» деді.",
       {{"Ешкім шетте қалмайды", "guillemets", "деді", "Президент"}}},
      {"a place that names nobody stays no speaker: a saying",
       "Ауылдықтарда «Уақыт – алтын» деген сөз бар.", {}},
      {"a report verb before the colon is the cue of a short quote",
       "Бұл туралы облыстық білім басқармасы хабарлады: «Оқу жылы 2 қыркүйекте басталады».",
       {{"Оқу жылы 2 қыркүйекте басталады", "guillemets", "хабарлады", "облыстық білім басқармасы"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: list lead-ins and adjuncts before a role") {
  const Case cases[] = {
      {"a colon after a phrase that names nobody is a list lead-in",
       "Биылғы жұмыс қорытындысы:\n- Ауданда үш жаңа мектеп салынды.\n- Жиырма шақырым жол "
       "жөнделді.\n- Екі саябақ ашылды.",
       {}},
      {"a role word before a colon speaks for each dash paragraph",
       "Әкім:\n– Жол жөндеу жұмыстары басталды.\nТұрғын:\n– Бізге газ керек.",
       {{"Жол жөндеу жұмыстары басталды", "dash", ":", "Әкім"},
        {"Бізге газ керек", "dash", ":", "Тұрғын"}}},
      {"one-sentence dash items after a sentence, no question, no lead: a list",
       "Жиында мынадай мәселелер қаралды.\n– Ауыл шаруашылығын дамыту жоспары бекітілді.\n– Жаңа "
       "жол құрылысының жобасы талқыланды.\n– Мектептерді жөндеуге қаржы бөлінді.",
       {}},
      {"the same run with a turn of two sentences reads as speech",
       "Кездесуде тұрғындар сөз алды.\n– Ауылда жол жоқ. Балалар мектепке жаяу барады.\n– Су "
       "құбыры да ескірген.",
       {{"Ауылда жол жоқ. Балалар мектепке жаяу барады", "dash", "", ""},
        {"Су құбыры да ескірген", "dash", "", ""}}},
      {"a possessive locative before the role is no part of the speaker",
       "Сұхбат барысында министр жаңа реформа туралы айтты.\n– Реформа білім сапасын арттыруға "
       "бағытталған. Мұғалімдердің жалақысы өседі.",
       {{"Реформа білім сапасын арттыруға бағытталған. Мұғалімдердің жалақысы өседі", "dash", "",
         "министр"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: a split quote's second part without marks, дегенді, a body's headline") {
  const Case cases[] = {
      {"speech opened by a dash after a quote's attribution is its second span",
       "«Біздің мақсатымыз – сапалы білім беру», – деді ол. – Сондықтан мұғалімдердің "
       "біліктілігін арттырамыз.",
       {{"Біздің мақсатымыз – сапалы білім беру", "guillemets", "деді", "ол"},
        {"Сондықтан мұғалімдердің біліктілігін арттырамыз", "unmarked", "деді", "ол"}}},
      {"the accusative participle `дегенді` with its verb",
       "Министр «Баға өспейді» дегенді айтты.",
       {{"Баға өспейді", "guillemets", "дегенді айтты", "Министр"}}},
      {"a role before a colon and a clause closed by a verb",
       "Прокурор: «Заң бұзушылықтар анықталды».",
       {{"Заң бұзушылықтар анықталды", "colon", ":", "Прокурор"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: a dash paragraph after a sentence whose subject names someone") {
  const Case cases[] = {
      {"a PERSON subject of the sentence before the dash paragraph speaks",
       "Ауыл тұрғыны Серік Ахметов бізді қарсы алды.\n\n– Биыл жаңбыр көп болды, шөп жақсы "
       "шықты. Мал аман.",
       {{"Биыл жаңбыр көп болды, шөп жақсы шықты. Мал аман", "dash", "", "Серік Ахметов"}}},
      {"a pronoun subject",
       "Зейнеткер Мәрзия Оспанованың үйінде болдық. Ол бізді жылы қарсы алды.\n\n– Үйіміз ескі, "
       "шатыры ағады. Әкімдікке жаздық, жауап жоқ.",
       {{"Үйіміз ескі, шатыры ағады. Әкімдікке жаздық, жауап жоқ", "dash", "", "Ол"}}},
      {"a run of dash paragraphs with no question, the last one attributed: one speaker",
       "– Биыл жұмыс көп болды. Жоспар түгел орындалды.\n\n– Келесі жылы жаңа жобалар "
       "басталады, – деді әкім.",
       {{"Биыл жұмыс көп болды. Жоспар түгел орындалды", "dash", "", "әкім"},
        {"Келесі жылы жаңа жобалар басталады", "dash", "деді", "әкім"}}},
      {"a sentence that names nobody gives no speaker",
       "Кездесуге елуге жуық адам келді.\n\n– Биыл жаңбыр көп болды, шөп жақсы шықты. Мал аман.",
       {{"Биыл жаңбыр көп болды, шөп жақсы шықты. Мал аман", "dash", "", ""}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: a NAME, ROLE: header on the line of the words") {
  const Case cases[] = {
      {"a header opening its paragraph, plain speech after the colon",
       "Биыл ауданда құрылыс қарқынды.\n\nСерік ОМАРОВ, аудан әкімі: Биыл жүз үй салынады. Оның "
       "жартысы жастарға беріледі.",
       {{"Биыл жүз үй салынады. Оның жартысы жастарға беріледі", "unmarked", ":", "Серік ОМАРОВ"}}},
      {"a header opening its paragraph, the words in marks: the name speaks",
       "Серік Омаров, аудан әкімі: «Биыл жүз үй салынады».",
       {{"Биыл жүз үй салынады", "colon", ":", "Серік Омаров"}}},
      {"a bare name before a colon without marks or dash is a headline",
       "Тоқаев: Реформалар міндетті түрде жалғасады", {}},
  };
  for (const Case& c : cases) check_case(c);
}
