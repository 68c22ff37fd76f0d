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
      {"a name whose closing mark was left out, then a paragraph with a quote of its own",
       "Облыста «Жасыл ел бағдарламасы іске асып жатыр.\n\nБиыл 300 көшет отырғызылды, – деп "
       "хабарлайды әкімдік.",
       {{"Биыл 300 көшет отырғызылды", "unmarked", "деп хабарлайды", "әкімдік"}}},
      {"nested marks „…“ inside «…»: one quote, the inner name stays in it",
       "«Біз „Жасыл ел“ бағдарламасына биыл да қатысамыз», – дейді Серік Омаров.",
       {{"Біз „Жасыл ел“ бағдарламасына биыл да қатысамыз", "guillemets", "дейді", "Серік Омаров"}}},
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
      // The rules visit only the colon tokens, found by the text's ':' bytes (Finder::colons): a
      // ':' inside a clock is no colon token, one at the first token opens nothing, and each
      // colon of a text is visited.
      {"a clock's colon before the colon",
       "Жиын сағат 10:30-да басталды.\n\nӘкім журналистердің сұрағына жауап берді: – Биыл егіс "
       "көлемі 10 пайызға артты.",
       {{"Биыл егіс көлемі 10 пайызға артты", "dash", "жауап берді", "Әкім"}}},
      // The same for the dash tokens (Finder::dashes): a hyphen inside a word is none.
      {"a hyphenated word before `, – деді`",
       "Жиын 5-желтоқсанда өтеді. Біз бұған дайынбыз, – деді министр.",
       {{"Жиын 5-желтоқсанда өтеді. Біз бұған дайынбыз", "unmarked", "деді", "министр"}}},
      {"a dash after a lead sentence",
       "Әкім жиында сөз сөйледі. – Биыл ауылға жаңа жол салынады. Жұмыс мамырда басталады.",
       {{"Биыл ауылға жаңа жол салынады. Жұмыс мамырда басталады", "dash", "", "Әкім"}}},
      {"a colon first, then two colons with dashes",
       ": Әкім журналистердің сұрағына жауап берді: – Биыл егіс көлемі 10 пайызға артты.\nСерік "
       "Омаров: – Биыл жол салынады.",
       {{"Биыл егіс көлемі 10 пайызға артты", "dash", "жауап берді", "Әкім"},
        {"Биыл жол салынады", "dash", ":", "Серік Омаров"}}},
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

TEST_CASE("written news: words attributed by the sentence before them in the paragraph") {
  const Case cases[] = {
      {"a whole sentence in marks after a lead sentence",
       "Серік Омаров биыл ауылға газ келгенін айтты. «Енді су мәселесін шешуіміз керек. Оған "
       "қаржы бөлінді».",
       {{"Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді", "guillemets", "", "Серік Омаров"}}},
      {"a name in marks opening the sentence after a lead is no quote",
       "Министр жаңа бағдарлама туралы мәлімдеді. «Нұрлы жер» бағдарламасы бойынша 120 пәтер "
       "берілді.",
       {}},
      {"speech opened by a dash after a lead sentence, to where the narrator names someone",
       "Жиында әкім сөз сөйледі. – Биыл 120 пәтер берілді. Облыс әкімі бұл жұмысқа жоғары баға "
       "берді.",
       {{"Биыл 120 пәтер берілді", "dash", "", "әкім"}}},
      {"unmarked speech closed by `деді ол` starts after the lead sentence naming him",
       "Серік Омаров биыл ауылға газ келгенін айтты. Енді су мәселесін шешуіміз керек. Оған "
       "қаржы бөлінді, – деді ол.",
       {{"Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді", "unmarked", "деді", "ол"}}},
      {"with a named speaker after the cue, the sentence before is the speaker's report",
       "Әкім бізге көмектесетінін айтты. Бірақ әлі ештеңе жоқ, – дейді тұрғын.",
       {{"Әкім бізге көмектесетінін айтты. Бірақ әлі ештеңе жоқ", "unmarked", "дейді", "тұрғын"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: an attribution after a dash with no comma before it") {
  const Case cases[] = {
      {"unmarked speech",
       "Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді – деп атап өтті аудан әкімі.",
       {{"Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді", "unmarked", "деп атап өтті",
         "аудан әкімі"}}},
      {"a dash paragraph",
       "– Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді – дейді аудан әкімі.",
       {{"Енді су мәселесін шешуіміз керек. Оған қаржы бөлінді", "dash", "дейді", "аудан әкімі"}}},
      {"a dash inside the words stays in them",
       "Біздің басты міндетіміз – жол салу – деді әкім.",
       {{"Біздің басты міндетіміз – жол салу", "unmarked", "деді", "әкім"}}},
      {"a dash before a bare деп or a noun is no attribution",
       "Жоба – дейді сарапшы – тиімді. Ең бастысы – денсаулық дейді дәрігерлер.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: social posts") {
  const Case cases[] = {
      {"a paragraph in marks after `парақшасында жазды`",
       "Аудан әкімі Серік Омаров Facebook парақшасында жазды.\n«Бүгін біз үшін ерекше күн. Балалар "
       "жаңа мектепке барады».",
       {{"Бүгін біз үшін ерекше күн. Балалар жаңа мектепке барады", "guillemets", "",
         "Аудан әкімі Серік Омаров"}}},
      {"after `пост жариялады`",
       "Депутат Айгүл Серікова Instagram парақшасында пост жариялады.\n«Ауылға жол керек. Біз бұл "
       "мәселені көтереміз».",
       {{"Ауылға жол керек. Біз бұл мәселені көтереміз", "guillemets", "", "Айгүл Серікова"}}},
      {"after `жазба қалдырды`",
       "Әкім Telegram-арнасында жазба қалдырды.\n«Жарық кешке дейін қосылады. Шыдамдылық танытыңыздар».",
       {{"Жарық кешке дейін қосылады. Шыдамдылық танытыңыздар", "guillemets", "", "Әкім"}}},
      {"a report sentence after the post: `Бұл жазбаны … жариялады`",
       "«Бүгін біз үшін ерекше күн. Балалар жаңа мектепке барады». Бұл жазбаны аудан әкімі Серік "
       "Омаров Facebook парақшасында жариялады.",
       {{"Бүгін біз үшін ерекше күн. Балалар жаңа мектепке барады", "guillemets", "жариялады",
         "Серік Омаров"}}},
      {"a post's title stays no quote",
       "Ол өз парақшасында «Жаңа жылға жаңа мақсат» атты жазба жариялады.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: dash lists after a colon or a heading are no quotes") {
  const Case cases[] = {
      {"winners after a plural noun and a colon",
       "Жеңімпаздар:\n– Бірінші орын – Алматы облысы.\n– Екінші орын – Түркістан облысы.", {}},
      {"issues raised: a verb that is no speech verb before the colon",
       "Тұрғындар мынадай мәселелерді көтерді:\n– Ауылда су жоқ.\n– Жол жөнделмеген.\n– Мектеп тозған.", {}},
      {"advice as one-sentence items",
       "Маман бірнеше кеңес берді:\n– Күніне 2 литр су ішіңіз.\n– Таза ауада көп серуендеңіз.", {}},
      {"a lone dash paragraph after a heading",
       "БАҚ ӨКІЛДЕРІНЕ\n– Аккредитация 5 наурызға дейін жалғасады.\n\nМаңызды ақпарат\n– Пункттер "
       "сағат 9-дан 18-ге дейін жұмыс істейді.",
       {}},
      {"a speech verb before the colon keeps the run speech",
       "Әкім тұрғындарға былай деді:\n– Ауылда су жоқ.\n– Жол да жөнделеді.",
       {{"Ауылда су жоқ", "dash", "деді", "Әкім"}, {"Жол да жөнделеді", "dash", "деді", "Әкім"}}},
      {"a long sentence that lost its period is no heading",
       "Кеше қала стадионында жүзден аса жасөспірім футболдан жарысқа түсті\n– Мұндай турнир "
       "жыл сайын өтеді. Биыл командалар көп.",
       {{"Мұндай турнир жыл сайын өтеді. Биыл командалар көп", "dash", "", ""}}},
      {"a lone dash paragraph after a sentence stays a turn",
       "Ауыл тұрғыны Серік Ахметов бізді қарсы алды.\n– Биыл ауылға газ келді. Бәріміз қуанып отырмыз.",
       {{"Биыл ауылға газ келді. Бәріміз қуанып отырмыз", "dash", "", "Серік Ахметов"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: an interview written as a transcript, `Header: speech`") {
  const Case cases[] = {
      {"a role's question and the guest's answer",
       "Тілші: Ауылыңызда қандай жаңалық бар?\nӘкім: Биыл ауылға газ келді. Бұл – үлкен қуаныш.",
       {{"Ауылыңызда қандай жаңалық бар?", "unmarked", ":", "Тілші"},
        {"Биыл ауылға газ келді. Бұл – үлкен қуаныш", "unmarked", ":", "Әкім"}}},
      {"`Сұрақ:` and `Жауап:` name nobody",
       "Сұрақ: Жол қашан жөнделеді?\nЖауап: Жұмыс мамырда басталады.",
       {{"Жол қашан жөнделеді?", "unmarked", ":", ""}, {"Жұмыс мамырда басталады", "unmarked", ":", ""}}},
      {"one header paragraph alone is a headline",
       "Тоқаев: Реформалар жалғасады.", {}},
      {"labels with no question are no interview",
       "Мекенжайы: Абай көшесі, 12-үй.\nЖұмыс уақыты: Күн сайын сағат 9-дан бастап.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: cue phrases of this round") {
  const Case cases[] = {
      {"`деп алғыс айтты`: the verb is the cue's, not the speaker",
       "Серік Омаров «Ауылға жол салған құрылысшыларға рахмет» деп алғыс айтты.",
       {{"Ауылға жол салған құрылысшыларға рахмет", "guillemets", "деп алғыс айтты", "Серік Омаров"}}},
      {"`деп айта кетті`",
       "«Жұмыс кестеге сай жүріп жатыр», – деп айта кетті ол.",
       {{"Жұмыс кестеге сай жүріп жатыр", "guillemets", "деп айта кетті", "ол"}}},
      {"`деп сынға алды` without a dash",
       "Депутат «Бұл жобаға бөлінген қаражат тиімсіз жұмсалды» деп сынға алды.",
       {{"Бұл жобаға бөлінген қаражат тиімсіз жұмсалды", "guillemets", "деп сынға алды", "Депутат"}}},
      {"`деген ойда` with the thinker before the mark",
       "Сарапшы «Бағалар күзге қарай тұрақталады» деген ойда.",
       {{"Бағалар күзге қарай тұрақталады", "guillemets", "деген ойда", "Сарапшы"}}},
      {"`деген пікірде` after a dash names the thinker after it",
       "«Бағалар күзге қарай тұрақталады», – деген пікірде экономист Серік Омаров.",
       {{"Бағалар күзге қарай тұрақталады", "guillemets", "деген пікірде", "экономист Серік Омаров"}}},
      {"and after unmarked words",
       "Бағалар күзге қарай тұрақталады, – деген пікірде экономист Серік Омаров.",
       {{"Бағалар күзге қарай тұрақталады", "unmarked", "деген пікірде", "экономист Серік Омаров"}}},
      {"`деген пікір` with nobody before is a saying",
       "«Бағалар күзге қарай тұрақталады» деген пікір бар.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: report sentences and leads of this round") {
  const Case cases[] = {
      {"`осылай деп мәлімдеді` after the words",
       "«Жол күзге дейін жөнделеді». Аудан әкімі осылай деп мәлімдеді.",
       {{"Жол күзге дейін жөнделеді", "guillemets", "осылай деп мәлімдеді", "Аудан әкімі"}}},
      {"`осындай мәлімдеме жасады`",
       "«Жол күзге дейін жөнделеді». Аудан әкімі Серік Омаров осындай мәлімдеме жасады.",
       {{"Жол күзге дейін жөнделеді", "guillemets", "осындай мәлімдеме жасады",
         "Аудан әкімі Серік Омаров"}}},
      {"a lead `мәлім етті` before a paragraph in marks",
       "Бұл туралы аудан әкімі Серік Омаров брифингте мәлім етті.\n«Жол күзге дейін жөнделеді. "
       "Бұған қаржы бөлінді».",
       {{"Жол күзге дейін жөнделеді. Бұған қаржы бөлінді", "guillemets", "", "Серік Омаров"}}},
      {"a headline closed by a dash and a role",
       "«Жол күзге дейін жөнделеді», – аудан әкімі",
       {{"Жол күзге дейін жөнделеді", "guillemets", "", "аудан әкімі"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: Russian words quoted in a Kazakh text") {
  const Case cases[] = {
      {"a Kazakh cue after Russian words",
       "«Мы внимательно следим за ситуацией», – деді Мария Захарова брифингте.",
       {{"Мы внимательно следим за ситуацией", "guillemets", "деді", "Мария Захарова"}}},
      {"a Russian cue kept with its words",
       "«Мы обязательно справимся с этой задачей», – сказал министр.",
       {{"Мы обязательно справимся с этой задачей", "guillemets", "сказал", "министр"}}},
      {"a Russian outlet's cue",
       "«Кремль внимательно следит за ситуацией», – пишет РИА Новости.",
       {{"Кремль внимательно следит за ситуацией", "guillemets", "пишет", "РИА Новости"}}},
      {"unmarked Russian speech closed by a Kazakh cue",
       "Мы обязательно справимся с этой задачей, – деді министр.",
       {{"Мы обязательно справимся с этой задачей", "unmarked", "деді", "министр"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: passive cues of this round") {
  const Case cases[] = {
      {"`делінеді` with a message noun after it",
       "«Құрылыс жұмыстары аяқталды», – делінеді әкімдік хабарламасында.",
       {{"Құрылыс жұмыстары аяқталды", "guillemets", "делінеді", "әкімдік"}}},
      {"`деп мәлімделген` after unmarked words",
       "Биыл ауылда жаңа мектеп ашылады, құрылыс аяқталды, – деп мәлімделген.",
       {{"Биыл ауылда жаңа мектеп ашылады, құрылыс аяқталды", "unmarked", "деп мәлімделген", ""}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: as-said phrases (`сөзінше`, `пікірінше`, `хабарлауынша`)") {
  const Case cases[] = {
      {"words in marks after `хабарлауынша` are the source's own",
       "Министрліктің баспасөз қызметінің хабарлауынша, «тарифтер биыл өспейді».",
       {{"тарифтер биыл өспейді", "guillemets", "хабарлауынша", "Министрліктің баспасөз қызметінің"}}},
      {"short words closed by a finite verb after `сөзінше`",
       "Серік Омаровтың сөзінше, «жол биыл салынады».",
       {{"жол биыл салынады", "guillemets", "сөзінше", "Серік Омаровтың"}}},
      {"`мәліметінше` after a company",
       "Компанияның мәліметінше, «биыл 500 ауыл интернетке қосылады».",
       {{"биыл 500 ауыл интернетке қосылады", "guillemets", "мәліметінше", "Компанияның"}}},
      {"an evaluation of one word stays no quote",
       "Сарапшының пікірінше, «жеткіліксіз».", {}},
      {"without marks it is indirect speech",
       "Ведомствоның хабарлауынша, тарифтер биыл өспейді. Әкімнің сөзінше, жол биыл салынады.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: interview turns of this round") {
  const Case cases[] = {
      {"a one-word answer in an interview is a turn",
       "– Мектеп қашан жөнделеді?\n– Жөнделді.",
       {{"Мектеп қашан жөнделеді", "dash", "", ""}, {"Жөнделді", "dash", "", ""}}},
      {"the guest named by a lead's role when no PERSON stands before the run",
       "Сұхбат барысында әкім бірнеше сұраққа жауап берді.\n– Ауылға газ қашан келеді?\n– Келесі жылы "
       "келеді.",
       {{"Ауылға газ қашан келеді", "dash", "", ""}, {"Келесі жылы келеді", "dash", "", "әкім"}}},
      {"a one-word dash paragraph outside an interview is no turn",
       "Жиында мынадай мәселе қаралды.\n– Жол.", {}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: a label before a colon names what follows, nobody speaks") {
  const Case cases[] = {
      {"a slogan", "Байқаудың ұраны: «Біз біргеміз, біз күштіміз!»", {}},
      {"a book's name", "Кітаптың аты: «Біз біргеміз, біз күштіміз».", {}},
      {"an article's title", "Мақаланың тақырыбы: «Ауылға жол қашан салынады?»", {}},
      {"a proverb named as such", "Мақал: «Еңбек етсең ерінбей, тояды қарның тіленбей».", {}},
      {"a speech verb before the colon still makes a quote",
       "Кітаптың авторы былай деді: «Біз біргеміз, біз күштіміз».",
       {{"Біз біргеміз, біз күштіміз", "guillemets", "деді", "Кітаптың авторы"}}},
  };
  for (const Case& c : cases) check_case(c);
}

TEST_CASE("written news: people named by a common noun after деп") {
  const Case cases[] = {
      {"`деп тұрғындар шағымданады`",
       "«Жол биыл да жөнделмеді, бізге ешкім көмектеспейді» деп тұрғындар шағымданады.",
       {{"Жол биыл да жөнделмеді, бізге ешкім көмектеспейді", "guillemets", "деп", "тұрғындар"}}},
      {"a modifier and a possessive plural",
       "«Жол биыл да жөнделмеді, бізге ешкім көмектеспейді» деп ауыл тұрғындары шағымданады.",
       {{"Жол биыл да жөнделмеді, бізге ешкім көмектеспейді", "guillemets", "деп", "ауыл тұрғындары"}}},
      {"a term they call something stays no quote",
       "Оны «халық батыры» деп ауыл тұрғындары құрметтейді. Бұл жобаны «ғасыр құрылысы» деп "
       "сарапшылар бағалады.",
       {}},
  };
  for (const Case& c : cases) check_case(c);
}
